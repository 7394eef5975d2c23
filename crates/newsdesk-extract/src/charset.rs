//! Bytes to text for HTML documents.
//!
//! Pages arrive as bytes, and a wrong guess at their encoding turns every accented letter into
//! mojibake that no later stage can repair. The order of evidence follows what browsers do,
//! because pages are written to look right in browsers: a byte-order mark (unambiguous), the
//! HTTP `Content-Type` charset, a `<meta>` declaration near the top of the document, and only
//! then statistical sniffing. Text that reached the page already garbled that way (UTF-8 read
//! as Windows-1252 by some earlier system: "Investorâ€™s") is repaired after decoding, in the
//! few shapes that cannot be real text.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into the document a `<meta charset>` declaration is looked for. Browsers look at
/// 1 KB; real pages put long `<script>` blocks before their meta tags, so look further.
const META_SCAN_BYTES: usize = 4096;

/// How much of a document the sniffer reads. Its guess settles long before this; the cap keeps
/// the time on a 20 MB page bounded.
const SNIFF_BYTES: usize = 1 << 20;

/// Decodes an HTML document's bytes: charset from the BOM when there is one, then the HTTP
/// header when given, then `<meta charset>`, else sniffing.
///
/// A BOM goes before the header (as the HTML standard says) because it cannot be there by
/// accident, while headers are often set server-wide and wrong. Malformed bytes become U+FFFD;
/// this never fails.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = http_charset.and_then(label_to_encoding) {
        return decode_with(encoding, bytes);
    }
    if let Some(encoding) = meta_charset(bytes) {
        // Pages saved or re-served as UTF-8 often keep their old `<meta charset>`. Bytes that
        // are valid UTF-8 and contain multi-byte sequences are almost never legacy text, so
        // trust the bytes over a stale declaration.
        if encoding != UTF_8 && is_utf8_with_non_ascii(bytes) {
            return decode_with(UTF_8, bytes);
        }
        return decode_with(encoding, bytes);
    }
    decode_with(sniff(bytes), bytes)
}

/// Decodes with one encoding, replacing malformed sequences, and repairs text that was UTF-8
/// decoded as Windows-1252 or Latin-1 before it reached us (see [`repair_mojibake`]).
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    repair_mojibake(&text).unwrap_or_else(|| text.into_owned())
}

/// The byte a character stands for when UTF-8 was decoded as Windows-1252 (or as Latin-1,
/// whose C1 controls stand in the same places): a continuation byte 0x80–0xBF, or `None`.
fn continuation_byte(c: char) -> Option<u8> {
    let byte = match c {
        '\u{80}'..='\u{BF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// Repairs mojibake: UTF-8 that was decoded as Windows-1252 or Latin-1 somewhere before the
/// page was served ("Investorâ€™s", "cafÃ©"), a common fault of re-published and scraped
/// pages that no choice of encoding here can undo. Returns `None` when there is nothing to
/// repair.
///
/// Only the shapes such text takes are repaired, each into what it stood for: `Â` or `Ã`
/// before one continuation character (a Latin-1 letter or sign, U+00A0–U+00FF), and `â`
/// before two (a punctuation mark or symbol, U+2000–U+2FFF: quotes, dashes, ellipses, the euro
/// sign). Nothing else is touched, so real text that happens to hold these letters ("NÃO",
/// "âge", "CAFÉ»", "ß’") stays as it is.
pub fn repair_mojibake(text: &str) -> Option<String> {
    // The leads in UTF-8 are C3 82, C3 83 and C3 A2: a page without them is left alone at the
    // cost of one pass of `memchr`.
    let bytes = text.as_bytes();
    let has_lead = memchr::memchr_iter(0xC3, bytes)
        .any(|i| matches!(bytes.get(i + 1), Some(0x82 | 0x83 | 0xA2)));
    if !has_lead {
        return None;
    }
    // Allocated at the first repair: most pages with these letters are real French or
    // Portuguese, not mojibake.
    let mut out = String::new();
    let mut copied = 0;
    let mut repaired = false;
    let mut at = 0;
    while at < text.len() {
        let mut rest = text[at..].chars();
        let Some(c) = rest.next() else { break };
        let needed = match c {
            '\u{C2}' | '\u{C3}' => 1,
            '\u{E2}' => 2,
            _ => 0,
        };
        let mut fixed = None;
        if needed > 0 {
            let mut utf8 = [c as u32 as u8, 0, 0];
            let mut span = c.len_utf8();
            let mut ok = true;
            for slot in utf8.iter_mut().skip(1).take(needed) {
                match rest
                    .next()
                    .and_then(|n| continuation_byte(n).map(|b| (n, b)))
                {
                    Some((n, b)) => {
                        *slot = b;
                        span += n.len_utf8();
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                let ch = std::str::from_utf8(&utf8[..=needed])
                    .ok()
                    .and_then(|s| s.chars().next());
                let wanted = |ch: char| {
                    if needed == 1 {
                        ('\u{A0}'..='\u{FF}').contains(&ch)
                    } else {
                        ('\u{2000}'..='\u{2FFF}').contains(&ch)
                    }
                };
                fixed = ch.filter(|&ch| wanted(ch)).map(|ch| (ch, span));
            }
        }
        match fixed {
            Some((ch, span)) => {
                if !repaired {
                    out.reserve(text.len());
                }
                out.push_str(&text[copied..at]);
                out.push(ch);
                at += span;
                copied = at;
                repaired = true;
            }
            None => at += c.len_utf8(),
        }
    }
    if !repaired {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Looks a charset label up, as the WHATWG Encoding standard defines labels.
///
/// `replacement` (the label for dangerous legacy encodings like ISO-2022-KR) is refused: it
/// would decode the whole page to a single U+FFFD, and a best-effort decode is more useful to
/// a text extractor than a safe blank.
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    Encoding::for_label_no_replacement(label.as_bytes())
}

fn is_utf8_with_non_ascii(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// Picks an encoding from the bytes alone.
///
/// Valid UTF-8 is taken at once (it is what nearly all pages are, and chance UTF-8 validity of
/// legacy text is vanishingly rare); otherwise chardetng guesses, with no TLD hint because this
/// crate does not know where the page came from.
fn sniff(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// Finds a charset declared in a `<meta>` tag in the first few kilobytes.
///
/// Handles both `<meta charset="x">` and `<meta http-equiv="Content-Type"
/// content="text/html; charset=x">`: in both the label follows the word `charset` and an `=`.
/// Works on bytes, ASCII-case-insensitively, because the text is not decoded yet.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let mut pos = 0;
    while let Some(start) = find_ci(&head[pos..], b"<meta").map(|i| i + pos) {
        let tag_end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |i| start + i);
        if let Some(encoding) = charset_in_tag(&head[start..tag_end]) {
            // A declared UTF-16 cannot be right: the declaration itself was readable as ASCII.
            if encoding == UTF_16LE || encoding == UTF_16BE {
                return Some(UTF_8);
            }
            // `x-user-defined` is what browsers treat as windows-1252 for documents.
            if encoding.name() == "x-user-defined" {
                return Some(WINDOWS_1252);
            }
            return Some(encoding);
        }
        pos = tag_end.max(start + 1);
    }
    None
}

/// The encoding named after `charset=` inside one tag's bytes, if any.
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(i) = find_ci(&tag[pos..], b"charset").map(|i| i + pos) {
        let mut j = i + b"charset".len();
        while j < tag.len() && tag[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < tag.len() && tag[j] == b'=' {
            j += 1;
            while j < tag.len()
                && (tag[j].is_ascii_whitespace() || tag[j] == b'"' || tag[j] == b'\'')
            {
                j += 1;
            }
            let start = j;
            while j < tag.len()
                && (tag[j].is_ascii_alphanumeric() || matches!(tag[j], b'-' | b'_' | b':' | b'.'))
            {
                j += 1;
            }
            if j > start {
                if let Some(encoding) = Encoding::for_label_no_replacement(&tag[start..j]) {
                    return Some(encoding);
                }
            }
        }
        pos = i + 1;
    }
    None
}

/// ASCII-case-insensitive search for `needle` (given in lowercase) in `haystack`.
fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GBK, ISO_8859_2, SHIFT_JIS, WINDOWS_1251};

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, had_errors) = encoding.encode(text);
        assert!(!had_errors, "test text must be representable");
        bytes.into_owned()
    }

    fn page(charset_meta: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{charset_meta}<title>t</title></head><body><p>{body}</p></body></html>")
    }

    const RUSSIAN: &str = "Москва. Правительство объявило о новых мерах поддержки экономики, \
        сообщили в пресс-службе. Решение вступит в силу в понедельник.";
    const JAPANESE: &str = "東京都は月曜日、新しい経済対策を発表した。政府関係者によると、\
        この措置は来週から実施される予定だという。";
    const CHINESE: &str =
        "北京市政府周一宣布了新的经济支持措施。官员表示，这些措施将于下周开始实施，\
        以帮助中小企业渡过难关。";
    const FRENCH: &str =
        "À Paris, le gouvernement a annoncé lundi de nouvelles mesures économiques \
        pour les entreprises françaises, a déclaré le ministère.";

    #[test]
    fn meta_charset_windows_1251() {
        let bytes = encode(
            WINDOWS_1251,
            &page(r#"<meta charset="windows-1251">"#, RUSSIAN),
        );
        assert!(decode_html(&bytes, None).contains(RUSSIAN));
    }

    #[test]
    fn http_equiv_shift_jis() {
        let bytes = encode(
            SHIFT_JIS,
            &page(
                r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; Charset=Shift_JIS">"#,
                JAPANESE,
            ),
        );
        assert!(decode_html(&bytes, None).contains(JAPANESE));
    }

    #[test]
    fn http_charset_gbk_without_meta() {
        let bytes = encode(GBK, &page("", CHINESE));
        assert!(decode_html(&bytes, Some("gbk")).contains(CHINESE));
        assert!(decode_html(&bytes, Some(" GB2312 ")).contains(CHINESE));
    }

    #[test]
    fn http_charset_beats_meta() {
        let bytes = encode(
            WINDOWS_1251,
            &page(r#"<meta charset="iso-8859-1">"#, RUSSIAN),
        );
        assert!(decode_html(&bytes, Some("windows-1251")).contains(RUSSIAN));
    }

    #[test]
    fn unknown_http_charset_falls_through_to_meta() {
        let bytes = encode(
            WINDOWS_1252,
            &page(r#"<meta charset='iso-8859-1'>"#, FRENCH),
        );
        assert!(decode_html(&bytes, Some("no-such-charset")).contains(FRENCH));
    }

    #[test]
    fn iso_8859_1_meta() {
        let bytes = encode(
            WINDOWS_1252,
            &page(
                r#"<meta http-equiv="content-type" content="text/html;charset=ISO-8859-1">"#,
                FRENCH,
            ),
        );
        assert!(decode_html(&bytes, None).contains(FRENCH));
    }

    #[test]
    fn sniffing_without_declarations() {
        let long = |s: &str| s.repeat(5);
        for (encoding, text) in [
            (WINDOWS_1251, RUSSIAN),
            (SHIFT_JIS, JAPANESE),
            (GBK, CHINESE),
            (WINDOWS_1252, FRENCH),
            (
                ISO_8859_2,
                "Žluťoučký kůň úpěl ďábelské ódy, řekl předseda vlády v pondělí.",
            ),
        ] {
            let bytes = encode(encoding, &page("", &long(text)));
            let decoded = decode_html(&bytes, None);
            assert!(decoded.contains(text), "{}: {decoded}", encoding.name());
        }
    }

    #[test]
    fn mojibake_is_repaired_and_real_text_kept() {
        let fix = |s: &str| repair_mojibake(s).unwrap_or_else(|| s.to_owned());
        // Through Windows-1252 and through Latin-1 (C1 controls).
        assert_eq!(fix("A DIY Investorâ€™s Guide"), "A DIY Investor’s Guide");
        assert_eq!(
            fix("itertools \u{e2}\u{80}\u{94} Functions"),
            "itertools — Functions"
        );
        assert_eq!(fix("cafÃ© and naÃ¯ve, 5Â°C"), "café and naïve, 5°C");
        assert_eq!(fix("â‚¬20"), "€20");
        for real in [
            "NÃO",
            "São Paulo",
            "âge",
            "château",
            "CAFÉ»",
            "Straße’s",
            "Â",
            "â€",
        ] {
            assert_eq!(repair_mojibake(real), None, "{real}");
        }
        // Through decoding: a UTF-8 page whose text was already double-encoded.
        let page =
            "<html><head><meta charset=\"utf-8\"></head><body>itâ\u{80}\u{99}s</body></html>";
        assert!(decode_html(page.as_bytes(), None).contains("it’s"));
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(page(r#"<meta charset="windows-1251">"#, FRENCH).as_bytes());
        let decoded = decode_html(&bytes, Some("windows-1251"));
        assert!(decoded.starts_with("<!DOCTYPE"));
        assert!(decoded.contains(FRENCH));
    }

    #[test]
    fn utf16_meta_means_utf8() {
        let bytes = page(r#"<meta charset="utf-16">"#, FRENCH).into_bytes();
        assert!(decode_html(&bytes, None).contains(FRENCH));
    }

    #[test]
    fn stale_legacy_meta_on_utf8_bytes() {
        let bytes = page(r#"<meta charset="iso-8859-1">"#, FRENCH).into_bytes();
        assert!(decode_html(&bytes, None).contains(FRENCH));
    }

    #[test]
    fn bad_bytes_never_fail() {
        let bytes = [b'<', b'p', b'>', 0xFF, 0xFE, 0x80, b'x', 0xC3];
        let decoded = decode_html(&bytes, Some("utf-8"));
        assert!(decoded.contains('\u{FFFD}'));
        let _ = decode_html(&[], None);
        let _ = decode_html(b"<meta charset=", None);
        let _ = decode_html(b"<meta charset=\"", None);
    }
}
