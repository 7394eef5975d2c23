//! Caps how deeply elements nest before the HTML parser sees the page.
//!
//! The HTML5 tree builder checks "is there an open `<p>` in scope?" on every block start tag by
//! scanning its stack of open elements, so a page of N nested `<div>`s costs O(N²): 100,000 of
//! them took most of a minute. No real article nests more than a few hundred levels, so tags
//! past a fixed depth are dropped (their text is kept) by one linear scan of the raw markup.
//! Pages within the limit are passed through untouched and uncopied.

use std::borrow::Cow;

/// Deeper than any real page; shallow enough that the parser's scans stay cheap.
pub const MAX_DEPTH: usize = 512;

/// How far down the simulated stack an end tag is matched. Real misnesting is local; a bound
/// keeps stray end tags from costing O(depth) each.
const END_TAG_SEARCH: usize = 16;

/// Elements that never hold children or whose end tag is implied by the next sibling: they do
/// not deepen the tree, so they are not counted.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "p", "li", "dt", "dd", "option",
    "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt",
    "rtc", "rp", "html", "head", "body",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// What `<noscript>` in the body is renamed to. The parser treats a `<noscript>`'s content as
/// raw text (it runs as a browser with scripting on), yet some platforms put the whole page
/// there for readers without scripts (forum software, single-page apps); as an ordinary
/// element its content is parsed as markup, and the extractor judges it by its size.
pub const NOSCRIPT: &str = "x-noscript";

/// Whether a `<noscript>` whose content starts at `from` is long enough to be worth parsing:
/// most hold a tracking pixel or a one-line notice, and renaming those would only copy the page.
fn big_noscript(b: &[u8], from: usize) -> bool {
    let end = find_end_tag(b, from, b"noscript").unwrap_or(b.len());
    end - from >= 400
}

/// Tags that open the body, explicitly or by implication.
fn starts_body(name: &[u8]) -> bool {
    [
        &b"body"[..],
        b"div",
        b"p",
        b"main",
        b"article",
        b"section",
        b"header",
        b"table",
        b"ul",
        b"h1",
        b"h2",
        b"a",
        b"span",
    ]
    .iter()
    .any(|t| t.eq_ignore_ascii_case(name))
}

/// Returns `html` with start tags (and their matching end tags) deeper than `max_depth`
/// removed. Borrowed when nothing had to change.
pub fn limit_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    // Open elements as byte ranges of their names in `html`.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    // Lowercase names of dropped start tags and how many of each await their end tag.
    let mut dropped: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut i = 0;
    // Whether the body has started: a `<noscript>` there is rewritten (see [`NOSCRIPT`]); one in
    // the head holds only styles and tracking pixels, and its content model there differs.
    let mut in_body = false;
    // Renamed `<noscript>`s still open: only their end tags are renamed.
    let mut renamed_open = 0usize;

    let drop_range = |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[*copied..from]);
        *copied = to;
    };

    // `str::find` with a char searches with `memchr`, far faster than a byte loop.
    while let Some(rel) = html.get(i..).and_then(|h| h.find('<')) {
        let p = i + rel;
        let rest = &b[p..];
        if rest.starts_with(b"<!--") {
            i = find(b, p + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let Some(&next) = rest.get(1) else { break };
        if next == b'!' || next == b'?' {
            i = find(b, p + 2, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { p + 2 } else { p + 1 };
        let name_end = name_start
            + b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
                .count();
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            i = p + 1;
            continue;
        }
        let (tag_end, self_closing) = scan_tag_end(b, name_end);
        let name = &b[name_start..name_end];
        if name.eq_ignore_ascii_case(b"noscript")
            && in_body
            && (if closing {
                renamed_open > 0
            } else {
                big_noscript(b, tag_end)
            })
        {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len() + 64));
            o.push_str(&html[copied..name_start]);
            o.push_str(NOSCRIPT);
            copied = name_end;
            if closing {
                renamed_open -= 1;
            } else {
                renamed_open += 1;
                if stack.len() < max_depth {
                    stack.push((name_start, name_end));
                }
                i = tag_end;
                continue;
            }
        }
        if !in_body && !closing && starts_body(name) {
            in_body = true;
        }
        if closing {
            if let Some(entry) = dropped
                .iter_mut()
                .find(|(n, count)| *count > 0 && n.eq_ignore_ascii_case(name))
            {
                entry.1 -= 1;
                drop_range(&mut out, &mut copied, p, tag_end);
            } else {
                let depth = stack.len();
                let lowest = depth.saturating_sub(END_TAG_SEARCH);
                if let Some(k) = (lowest..depth)
                    .rev()
                    .find(|&k| b[stack[k].0..stack[k].1].eq_ignore_ascii_case(name))
                {
                    stack.truncate(k);
                }
            }
            i = tag_end;
            continue;
        }
        let mut lower = [0u8; 16];
        let short = name.len() <= lower.len();
        if short {
            for (d, c) in lower.iter_mut().zip(name) {
                *d = c.to_ascii_lowercase();
            }
        }
        let lname = &lower[..name.len().min(lower.len())];
        if let Some(raw) = RAW_TEXT.iter().find(|t| short && t.as_bytes() == lname) {
            // Skip to the matching end tag; its content may contain `<` freely.
            let end = find_end_tag(b, tag_end, raw.as_bytes()).unwrap_or(b.len());
            if unread_body(raw, &b[name_end..tag_end], &b[tag_end..end]) {
                drop_range(&mut out, &mut copied, tag_end, end);
            } else if is_page_data(raw, &b[name_end..tag_end], &b[tag_end..end]) {
                // Page data is read only for its publication date: keep the stretches around
                // each "publish", which the date pattern needs, and not the megabytes around.
                drop_range(&mut out, &mut copied, tag_end, end);
                let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
                push_publish_snippets(o, &html[tag_end..end]);
            }
            i = end;
            continue;
        }
        // Inline SVG (icons, charts) is never read: its drawing goes before parsing, as
        // unread scripts do. A nested `<svg>` ends the cut early, which only parses more.
        if lname == b"svg" && !self_closing {
            if let Some(end) = find_end_tag(b, tag_end, b"svg") {
                if end - tag_end >= UNREAD_MIN {
                    drop_range(&mut out, &mut copied, tag_end, end);
                    i = end;
                    continue;
                }
            }
        }
        // A navigation menu's links are never read either (the extractor drops `<nav>`
        // unless it wraps the page): the element stays, empty, so the page's shape still
        // counts it. One that holds an article, a headline or much of the page is left whole.
        if lname == b"nav" && !self_closing {
            if let Some(end) = find_end_tag(b, tag_end, b"nav") {
                let body = &b[tag_end..end];
                if body.len() >= UNREAD_MIN
                    && body.len() * 5 < b.len() * 2
                    && !has_ignore_case(body, b"<article")
                    && !has_ignore_case(body, b"<main")
                    && !has_ignore_case(body, b"<h1")
                {
                    drop_range(&mut out, &mut copied, tag_end, end);
                    i = end;
                    continue;
                }
            }
        }
        let not_nesting = short && NOT_NESTING.iter().any(|t| t.as_bytes() == lname);
        let nests = !self_closing && !not_nesting;
        if nests {
            if stack.len() >= max_depth {
                let lower = name.to_ascii_lowercase();
                match dropped.iter_mut().find(|(n, _)| *n == lower) {
                    Some(entry) => entry.1 += 1,
                    None => dropped.push((lower, 1)),
                }
                drop_range(&mut out, &mut copied, p, tag_end);
            } else {
                stack.push((name_start, name_end));
            }
        }
        i = tag_end;
    }

    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

/// Below this size a script or style body is left alone: cutting it saves nothing.
const UNREAD_MIN: usize = 512;

/// Whether the body of a `<script>` or `<style>` is never read, so the parser need not
/// tokenise it (scripts are often half a page's bytes). Styles never are; scripts are read for
/// JSON-LD and for publication dates in page data (`"datePublished"`, `publishedAt`, ... all
/// contain "publish"), so those stay.
fn unread_body(tag: &str, attrs: &[u8], body: &[u8]) -> bool {
    if body.len() < UNREAD_MIN {
        return false;
    }
    match tag {
        "style" => true,
        "script" => !is_json_ld(attrs) && !contains(body, b"ublish") && !contains(body, b"UBLISH"),
        _ => false,
    }
}

/// A script that is not JSON-LD but is kept for the publication date in its data (see
/// [`unread_body`]), and long enough that cutting it down pays.
fn is_page_data(tag: &str, attrs: &[u8], body: &[u8]) -> bool {
    tag == "script" && body.len() >= PAGE_DATA_MIN && !is_json_ld(attrs)
}

/// Whether a `<script>`'s attributes declare JSON-LD (`type="application/ld+json"`).
fn is_json_ld(attrs: &[u8]) -> bool {
    attrs.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// Below this size page data is kept whole.
const PAGE_DATA_MIN: usize = 4096;

/// Bytes kept before and after each "publish" in page data: enough for a key such as
/// `"first_published_at"` and a full ISO 8601 timestamp after it.
const SNIPPET_BEFORE: usize = 48;
const SNIPPET_AFTER: usize = 96;

/// Appends the stretches of `body` around each "publish" (any case of its tail), one per
/// line, with `<` blanked so that no stretch can open a comment or tag inside the script.
fn push_publish_snippets(out: &mut String, body: &str) {
    let b = body.as_bytes();
    let mut hits: Vec<usize> = memchr::memmem::find_iter(b, b"ublish")
        .chain(memchr::memmem::find_iter(b, b"UBLISH"))
        .collect();
    hits.sort_unstable();
    let mut last_end = 0;
    for h in hits {
        let mut start = h.saturating_sub(SNIPPET_BEFORE).max(last_end);
        let mut end = (h + SNIPPET_AFTER).min(b.len());
        while !body.is_char_boundary(start) {
            start -= 1;
        }
        while !body.is_char_boundary(end) {
            end += 1;
        }
        if end <= last_end {
            continue;
        }
        if start > last_end || last_end == 0 {
            out.push('\n');
        }
        out.extend(
            body[start.max(last_end)..end]
                .chars()
                .map(|c| if c == '<' { ' ' } else { c }),
        );
        last_end = end;
    }
    out.push('\n');
}

/// Whether `needle` (lowercase ASCII, starting with `<`) occurs in `hay` in any case.
fn has_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memchr_iter(b'<', hay).any(|p| {
        hay.get(p..p + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Whether `needle` occurs in `hay` (SIMD substring search: script bodies are long).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// Index one past the `>` that ends a tag whose attributes start at `from`, honouring quoted
/// attribute values; and whether the tag was written self-closing (`<x/>`).
fn scan_tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    // The last non-space byte outside quotes: only a quote right after `=` (possibly
    // spaced) opens a value.
    let mut last = 0u8;
    let mut j = from;
    while j < b.len() {
        let c = b[j];
        match quote {
            Some(q) if c == q => {
                quote = None;
                last = c;
            }
            // Inside a value (long ones: inline styles, `data:` URIs): jump to its end.
            Some(q) => {
                match memchr::memchr(q, &b[j..]) {
                    Some(k) => j += k,
                    None => return (b.len(), false),
                }
                continue;
            }
            None if (c == b'"' || c == b'\'') && last == b'=' => quote = Some(c),
            None if c == b'>' => return (j + 1, j > from && b[j - 1] == b'/'),
            None if !c.is_ascii_whitespace() => last = c,
            None => {}
        }
        j += 1;
    }
    (b.len(), false)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    let (&first, rest) = needle.split_first()?;
    let mut j = from;
    while let Some(rel) = memchr::memchr(first, b.get(j..)?) {
        let p = j + rel;
        if b[p + 1..].starts_with(rest) {
            return Some(p);
        }
        j = p + 1;
    }
    None
}

/// Start of `</name` (ASCII-case-insensitive) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut j = from;
    while let Some(rel) = memchr::memchr(b'<', b.get(j..)?) {
        let p = j + rel;
        if b.get(p + 1) == Some(&b'/')
            && b.len() >= p + 2 + name.len()
            && b[p + 2..p + 2 + name.len()].eq_ignore_ascii_case(name)
        {
            return Some(p);
        }
        j = p + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_data_keeps_only_the_stretches_around_its_dates() {
        let filler = "{\"k\":\"<!--<script>v\"},".repeat(2000);
        let html = format!(
            "<html><body><p>Text</p><script>window.__DATA__={{{filler}\"firstPublishedAt\":\"2024-03-03T10:00:00Z\",{filler}}}</script><p>After</p></body></html>"
        );
        let out = limit_nesting(&html, MAX_DEPTH);
        assert!(out.len() < 1000, "{}", out.len());
        assert!(out.contains("\"firstPublishedAt\":\"2024-03-03T10:00:00Z\""));
        assert!(out.ends_with("</script><p>After</p></body></html>"));
        // No stretch can open a comment or a tag that would swallow the rest of the page.
        let script = &out[out.find("<script>").unwrap() + 8..out.find("</script>").unwrap()];
        assert!(!script.contains('<'));
        let page = crate::extract_html(&html, None);
        assert_eq!(page.published.as_deref(), Some("2024-03-03T10:00:00Z"));
        assert!(page.text.contains("After"));
    }

    #[test]
    fn menus_are_emptied_unless_they_hold_the_article() {
        let links = "<li><a href=\"/section\">Section</a></li>".repeat(40);
        let story = "<p>The storm made landfall early on Monday, officials said.</p>".repeat(40);
        let html = format!(
            "<html><body><nav class=\"menu\"><ul>{links}</ul></nav><main>{story}</main></body></html>"
        );
        let out = limit_nesting(&html, MAX_DEPTH);
        assert!(out.contains("<nav class=\"menu\"></nav><main>"), "{out}");
        // A menu that wraps the headline is not cut.
        let html = format!(
            "<html><body><nav><h1>Storm hits coast</h1><ul>{links}</ul></nav><main>{story}</main></body></html>"
        );
        assert!(limit_nesting(&html, MAX_DEPTH).contains("Storm hits coast"));
    }

    #[test]
    fn shallow_pages_are_borrowed() {
        let html = "<html><body><div><p>a<p>b<ul><li>x<li>y</ul></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(limit_nesting(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_and_text_kept() {
        let html = format!(
            "{}hello{}",
            "<div class=\"x\">".repeat(10),
            "</div>".repeat(10)
        );
        let limited = limit_nesting(&html, 3);
        assert_eq!(
            limited,
            "<div class=\"x\"><div class=\"x\"><div class=\"x\">hello</div></div></div>"
        );
    }

    #[test]
    fn quoted_gt_and_comments() {
        let html = "<div title='a>b'><!-- <div> --><div>t</div></div>";
        assert!(matches!(limit_nesting(html, 2), Cow::Borrowed(_)));
        assert_eq!(
            limit_nesting(html, 1),
            "<div title='a>b'><!-- <div> -->t</div>"
        );
    }

    #[test]
    fn noscript_in_body_is_renamed() {
        let long = "Hi. ".repeat(120);
        let html = format!("<head><noscript><img src=x></noscript></head><body><noscript><p>{long}</p></NOSCRIPT><noscript><img></noscript></body>");
        assert_eq!(
            limit_nesting(&html, 10),
            format!("<head><noscript><img src=x></noscript></head><body><x-noscript><p>{long}</p></x-noscript><noscript><img></noscript></body>")
        );
    }

    #[test]
    fn truncated_input() {
        for html in ["<", "<div", "<div a='", "<!--", "</", "<script>", "<a/"] {
            let _ = limit_nesting(html, 0);
        }
    }
}
