//! Which language is this text in?

/// Detects the language of `text`, as an ISO 639-1 code (`en`, `es`), or the ISO 639-3 code
/// where the language has no two-letter one.
///
/// Returns `None` when the text is too short or too mixed for a reliable answer: a wrong
/// language code would send the text to the wrong stemmer downstream, which is worse than none.
pub fn detect_language(text: &str) -> Option<String> {
    // whatlang is linear in its input and needs only a couple of kilobytes to be sure.
    let sample = sample(text, 4096);
    // Words as every script has them: Chinese and Japanese have no spaces to count.
    if newsdesk_text::script::word_count(sample) < 5 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso639_1(info.lang().code()).to_owned())
}

/// A declared language tag's primary language: `en-US` → `en`; `None` for anything that is
/// not a language tag.
pub fn normalize_lang(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

fn sample(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Maps whatlang's ISO 639-3 codes to ISO 639-1 where one exists.
pub(crate) fn iso639_1(code3: &str) -> &str {
    match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        assert_eq!(
            detect_language("The talks between the two governments resumed on Monday in the capital, officials said.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language("Las conversaciones entre los dos gobiernos se reanudaron el lunes en la capital, dijeron los funcionarios.").as_deref(),
            Some("es")
        );
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect_language("Hello"), None);
        assert_eq!(detect_language(""), None);
    }
}
