//! Plain-text articles: scraped or pasted text with its site furniture still attached.
//!
//! Text files reach newsdesk the way scrapers and content farms leave them: a date line, the
//! outlet's name, a tagline banner, a section label in capitals, the headline (often twice),
//! then the body, then "See also …" teasers, "Related Articles", share and subscribe lines.
//! The rules here read the header block for metadata and drop furniture by its *shape* — short,
//! unpunctuated, link-like lines with the vocabulary of site chrome — never by a list of
//! particular sites' strings.

use std::sync::OnceLock;

use regex::Regex;

mod fields;

use crate::dates::parse_date;
use crate::language::detect_language;
use crate::Extracted;

/// How many lines at the top may belong to the header block (date, outlet, labels, headline).
const MAX_HEADER_LINES: usize = 10;

/// Extracts an article from plain text: metadata from the header block, furniture dropped,
/// paragraphs separated by a blank line.
pub fn extract_plain_text(input: &str) -> Extracted {
    let (fields, input) = fields::labelled_fields(input);
    let paragraphs = paragraphs(input);
    let body_start = paragraphs
        .iter()
        .take(MAX_HEADER_LINES)
        .position(|p| is_body_paragraph(p))
        .unwrap_or_else(|| paragraphs.len().min(1));
    let header = &paragraphs[..body_start];
    let mut out = Extracted::default();
    let candidates = read_header(header, &mut out);

    // The headline is the longest header line that reads like one; short lines before it are
    // the outlet's name and its banners.
    let title_index = candidates
        .iter()
        .enumerate()
        .filter(|(_, line)| word_count(line) >= 5)
        .max_by_key(|(_, line)| line.len())
        .map(|(i, _)| i)
        .or_else(|| candidates.len().checked_sub(1));
    if let Some(t) = title_index {
        out.title = Some(candidates[t].clone());
        out.site_name = candidates[..t]
            .iter()
            .find(|line| looks_like_name(line))
            .map(|line| {
                if is_all_caps(line) {
                    title_case(line)
                } else {
                    line.clone()
                }
            });
    }

    apply_fields(&fields, &mut out);

    let title_key = out.title.as_deref().map(normalise_key);
    let mut body: Vec<&str> = Vec::new();
    for p in &paragraphs[body_start..] {
        if is_furniture(p) {
            continue;
        }
        // Scraped pages repeat the headline at the top of the body.
        if body.is_empty() && title_key.as_deref() == Some(normalise_key(p).as_str()) {
            continue;
        }
        if body
            .last()
            .is_some_and(|last| normalise_key(last) == normalise_key(p))
        {
            continue;
        }
        body.push(p);
    }
    // Site chrome at the foot often has no tell-tale words ("Home", "World", "Sport"): trailing
    // runs of very short unpunctuated lines go with it.
    while body
        .last()
        .is_some_and(|p| word_count(p) <= 3 && !ends_sentence(p))
    {
        body.pop();
    }
    out.text = body.join("\n\n");
    if out.language.is_none() {
        out.language = detect_language(&out.text);
    }
    out
}

/// What the text says of itself in labelled lines overrides what its header's shape suggests.
fn apply_fields(fields: &[(fields::Field, String)], out: &mut Extracted) {
    use fields::Field;
    let mut authors = Vec::new();
    for (field, value) in fields {
        match field {
            Field::Title => out.title = Some(value.clone()),
            Field::Published => {
                if let Some(date) = parse_date(value) {
                    out.published = Some(date);
                }
            }
            Field::Modified => out.modified = parse_date(value).or(out.modified.take()),
            Field::Authors => authors.extend(split_names(value)),
            Field::Site => out.site_name = Some(value.clone()),
            Field::Url => {
                out.url.get_or_insert_with(|| value.clone());
            }
            Field::Language => {
                if let Some(lang) = crate::language::normalize_lang(value) {
                    out.language = Some(lang);
                }
            }
            Field::Description => out.description = Some(value.clone()),
        }
    }
    if !authors.is_empty() {
        out.authors = authors;
    }
}

/// Cleans the body of a text whose metadata is known from elsewhere (a JSON record's
/// fields): furniture lines are dropped and paragraphs kept, but no line is taken for a title.
pub fn clean_plain_body(input: &str) -> String {
    let mut body: Vec<String> = paragraphs(input)
        .into_iter()
        .filter(|p| !is_furniture(p))
        .collect();
    body.dedup_by(|a, b| normalise_key(a) == normalise_key(b));
    while body
        .last()
        .is_some_and(|p| word_count(p) <= 3 && !ends_sentence(p))
    {
        body.pop();
    }
    body.join("\n\n")
}

/// Splits text into paragraphs. Blank lines separate paragraphs; inside a block, hard-wrapped
/// lines are joined back, while a block of short unpunctuated lines (a header) stays split.
fn paragraphs(input: &str) -> Vec<String> {
    let text = input
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<String> = block
            .lines()
            .map(collapse_whitespace)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let wrapped = lines.len() > 1
            && lines[..lines.len() - 1]
                .iter()
                .filter(|l| display_width(l) >= 40)
                .count()
                * 2
                >= lines.len();
        if wrapped {
            // A date or byline line under a headline is a line of its own, not a wrapped
            // continuation of it.
            let mut run: Vec<String> = Vec::new();
            for line in lines {
                if parse_date(&line).is_some() || byline(&line).is_some() {
                    if !run.is_empty() {
                        out.push(join_wrapped(&run));
                        run.clear();
                    }
                    out.push(line);
                } else {
                    run.push(line);
                }
            }
            if !run.is_empty() {
                out.push(join_wrapped(&run));
            }
        } else {
            out.extend(lines);
        }
    }
    out
}

/// How wide a line prints, in columns: Chinese and Japanese characters take two.
fn display_width(line: &str) -> usize {
    line.chars()
        .map(|c| 1 + usize::from(newsdesk_text::script::is_unspaced(c)))
        .sum()
}

/// Hard-wrapped lines joined back into their paragraph: with a space, except between two
/// characters (or punctuation marks) of a script written without spaces.
fn join_wrapped(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let unspaced = |c: Option<char>| {
            c.is_some_and(|c| {
                newsdesk_text::script::is_unspaced(c)
                    || newsdesk_text::script::is_cjk_punctuation(c)
            })
        };
        let glued = unspaced(out.chars().next_back()) && unspaced(line.chars().next());
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

fn collapse_whitespace(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads dates, bylines and labels out of the header, returning the remaining lines (outlet,
/// banners, headline) in order with exact repeats removed.
fn read_header(header: &[String], out: &mut Extracted) -> Vec<String> {
    let mut rest: Vec<String> = Vec::new();
    for line in header {
        if let Some(date) = parse_date(line) {
            out.published.get_or_insert(date);
            continue;
        }
        if let Some(authors) = byline(line) {
            out.authors.extend(authors);
            continue;
        }
        if is_section_label(line) || is_furniture(line) {
            continue;
        }
        if rest.iter().any(|r| normalise_key(r) == normalise_key(line)) {
            continue;
        }
        rest.push(line.clone());
    }
    rest
}

/// A paragraph of running text: long enough and ending like a sentence.
fn is_body_paragraph(p: &str) -> bool {
    let words = word_count(p);
    words >= 20 || (words >= 8 && ends_sentence(p))
}

fn ends_sentence(p: &str) -> bool {
    p.trim_end().ends_with([
        '.', '!', '?', '"', '”', '’', '»', ')', '…', ':', '。', '！', '？', '」', '』', '）', '：',
    ])
}

/// Words, counted so that a paragraph of Chinese or Japanese, which has no spaces, is as long
/// as the same text in English (see [`newsdesk_text::script::word_count`]).
fn word_count(s: &str) -> usize {
    newsdesk_text::script::word_count(s)
}

/// Words that section labels are made of.
const SECTION_WORDS: &[&str] = &[
    "news",
    "world",
    "local",
    "national",
    "international",
    "region",
    "regional",
    "politics",
    "business",
    "economy",
    "markets",
    "sport",
    "sports",
    "culture",
    "arts",
    "science",
    "tech",
    "technology",
    "health",
    "opinion",
    "analysis",
    "breaking",
    "latest",
    "trending",
    "now",
    "top",
    "stories",
    "home",
    "us",
    "uk",
    "europe",
    "asia",
    "africa",
    "americas",
    "middle",
    "east",
    "entertainment",
    "lifestyle",
    "travel",
    "weather",
    "video",
    "live",
    "updates",
    "exclusive",
    "feature",
    "features",
    "editorial",
    "environment",
    "climate",
    "education",
    "crime",
    "justice",
    "society",
    "metro",
    "city",
    "state",
    "nation",
    "global",
    "finance",
    "money",
    "media",
    "and",
    "&",
    "the",
    "more",
    "special",
    "report",
    "today",
];

fn is_all_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && !line.chars().any(|c| c.is_ascii_digit())
}

/// `WORLD`, `LOCAL NEWS`, `TRENDING NOW`: a short line in capitals made of section words.
fn is_section_label(line: &str) -> bool {
    word_count(line) <= 4
        && is_all_caps(line)
        && line.split_whitespace().all(|w| {
            SECTION_WORDS.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                    .to_lowercase()
                    .as_str(),
            )
        })
}

/// `VALLEY SENTINEL` → `Valley Sentinel`: an outlet's name set in capitals.
fn title_case(line: &str) -> String {
    line.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A short line whose longer words are all capitalised, with no sentence punctuation: the way
/// an outlet writes its name.
fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && line.chars().count() <= 48
        && !ends_sentence(line)
        && !line.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| w.chars().count() < 4 || w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// `By Jane Doe and Tom Ruiz` → the people named.
fn byline(line: &str) -> Option<Vec<String>> {
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    let re = BYLINE.get_or_init(|| {
        Regex::new(r"^(?i:by|written by|words by|author:)\s+(.{3,120})$").expect("valid regex")
    });
    let people = split_names(re.captures(line)?.get(1)?.as_str());
    (!people.is_empty()).then_some(people)
}

/// `Jane Doe, Tom Ruiz and Ana Lima` → the people named (each at least two words).
fn split_names(names: &str) -> Vec<String> {
    names
        .split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().trim_end_matches('.').to_owned())
        .filter(|n| looks_like_name(n) && word_count(n) >= 2)
        .collect()
}

/// Site furniture by shape and vocabulary: teasers, share/subscribe lines, navigation labels.
fn is_furniture(p: &str) -> bool {
    static TEASER: OnceLock<Regex> = OnceLock::new();
    static CHROME: OnceLock<Regex> = OnceLock::new();
    let teaser = TEASER.get_or_init(|| {
        Regex::new(r"(?i)^(?:see also|read also|also read|read more|read next|more from|more on this|related|recommended|you may also like|you might also like|watch|listen|up next|trending|most read|popular)\b\s*[:\-–—]?")
            .expect("valid regex")
    });
    let chrome = CHROME.get_or_init(|| {
        Regex::new(r"(?i)\b(?:back to top|share (?:this|on|via)|share$|tweet|whatsapp|pinterest|subscribe|newsletter|sign up|log in|follow us|cookie|all rights reserved|advertisement|sponsored|skip to (?:main )?content|leave a (?:comment|reply)|print this|email this|click here)\b|^©|^copyright\b")
            .expect("valid regex")
    });
    let words = word_count(p);
    if words <= 40 && teaser.is_match(p) && (words <= 3 || !ends_sentence_in_middle(p)) {
        return true;
    }
    if words <= 12 && chrome.is_match(p) {
        return true;
    }
    // A line in capitals between paragraphs is a section label, not news.
    is_section_label(p)
}

/// Whether a teaser-like line is in fact running prose: it holds a sentence end before its last
/// few words ("Related to that, officials said. …").
fn ends_sentence_in_middle(p: &str) -> bool {
    let trimmed = p.trim_end();
    let cut = trimmed.len().saturating_sub(3);
    trimmed
        .char_indices()
        .any(|(i, c)| i < cut && matches!(c, '.' | '!' | '?') && trimmed[i + 1..].starts_with(' '))
}

fn normalise_key(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRAPED: &str = "March 4, 2025\n\nThe Lakeside Courier\n\nYour Town Every Day\n\nLOCAL NEWS\n\n\
Storm leaves thousands without power across the valley\n\nStorm leaves thousands  without power across the valley\n\n\
A powerful storm swept through the valley overnight, cutting power to about 3,400 homes, the utility said on Tuesday.\n\n\
Clean-up\n\n\
\"We expect most customers back by tonight,\" said spokeswoman Dana Okafor. Crews from three counties were called in.\n\n\
See also  Council approves new budget for the harbour district\n\nRelated Articles\n\nShare this article\n\nBack to top button";

    #[test]
    fn chinese_text_has_paragraphs_without_spaces() {
        let text = "新闻中心\n\n河港市大桥维修后重新通车\n\n2025-03-04\n\n\
经过三个月的维修，河港市的哈尔瓦德大桥周二重新通车。市长表示，\n\
维修费用约为两百万欧元。\n\n\
工程师更换了支座并重新铺设了桥面，目前大桥限重四十吨。\n\n相关新闻";
        let e = extract_plain_text(text);
        assert_eq!(e.title.as_deref(), Some("河港市大桥维修后重新通车"));
        assert_eq!(e.published.as_deref(), Some("2025-03-04"));
        // The hard-wrapped first paragraph is joined back without a space.
        assert_eq!(
            e.text,
            "经过三个月的维修，河港市的哈尔瓦德大桥周二重新通车。市长表示，维修费用约为两百万欧元。\n\n\
工程师更换了支座并重新铺设了桥面，目前大桥限重四十吨。"
        );
    }

    #[test]
    fn reads_header_metadata() {
        let a = extract_plain_text(SCRAPED);
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert_eq!(a.site_name.as_deref(), Some("The Lakeside Courier"));
        assert_eq!(
            a.title.as_deref(),
            Some("Storm leaves thousands without power across the valley")
        );
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn drops_furniture_and_keeps_body() {
        let a = extract_plain_text(SCRAPED);
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[0].starts_with("A powerful storm"));
        assert_eq!(paras[1], "Clean-up", "a subheading inside the body stays");
        for gone in [
            "See also",
            "Related Articles",
            "Share this",
            "Back to top",
            "LOCAL NEWS",
            "Your Town",
        ] {
            assert!(!a.text.contains(gone), "{gone} left in {}", a.text);
        }
    }

    #[test]
    fn outlet_in_capitals_is_a_name_not_a_label() {
        let a = extract_plain_text(
            "April 9, 2025\nVALLEY SENTINEL\nREGION\nFire toll climbs to 19 as firefighters fall ill\n\nAt least 19 people have now been injured in the fire at the factory, officials said on Wednesday.",
        );
        assert_eq!(a.site_name.as_deref(), Some("Valley Sentinel"));
        assert_eq!(
            a.title.as_deref(),
            Some("Fire toll climbs to 19 as firefighters fall ill")
        );
        assert!(a.text.starts_with("At least 19"));
    }

    #[test]
    fn short_headline_without_outlet() {
        let a = extract_plain_text(
            "WORLD\n\nFerry talks resume\n\nNegotiators from both sides met again on Monday to discuss the ferry schedule, officials said.",
        );
        assert_eq!(a.title.as_deref(), Some("Ferry talks resume"));
        assert_eq!(a.site_name, None);
        assert!(a.text.starts_with("Negotiators"));
    }

    #[test]
    fn labelled_header_lines_are_the_metadata() {
        let a = extract_plain_text(
            "Title: Earthquake of magnitude 6.8 strikes Morocco, killing 2,012 people\nDate: 2023-09-09\nBy: Ana Lima and Tom Ruiz\nSource: Valley Sentinel\nLanguage: en-GB\n\nAn earthquake struck Morocco's High Atlas mountains late on Friday, killing at least 2,012 people, the interior ministry said.",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Earthquake of magnitude 6.8 strikes Morocco, killing 2,012 people")
        );
        assert_eq!(a.published.as_deref(), Some("2023-09-09"));
        assert_eq!(a.authors, vec!["Ana Lima", "Tom Ruiz"]);
        assert_eq!(a.site_name.as_deref(), Some("Valley Sentinel"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert!(a.text.starts_with("An earthquake struck"), "{}", a.text);
    }

    #[test]
    fn front_matter_is_the_metadata_and_not_the_text() {
        let a = extract_plain_text(
            "---\ntitle: 'Bridge reopens after repairs'\ndate: 2025-03-04T09:30:00+01:00\nauthor: Jane Doe\nurl: https://example.org/bridge\ntags:\n  - transport\n---\n\n# Bridge reopens after repairs\n\nThe bridge over the river reopened on Friday after three months of repairs, the mayor said.",
        );
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after repairs"));
        assert_eq!(a.published.as_deref(), Some("2025-03-04T09:30:00+01:00"));
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert_eq!(a.url.as_deref(), Some("https://example.org/bridge"));
        assert!(!a.text.contains("transport"), "{}", a.text);
        assert!(a.text.ends_with("the mayor said."), "{}", a.text);
    }

    #[test]
    fn a_date_line_under_the_headline_is_not_wrapped_into_it() {
        let a = extract_plain_text(
            "Marruecos decreta tres días de luto tras el sismo en el Alto Atlas\n9 de septiembre de 2023\n\nLos equipos de rescate seguían buscando supervivientes este sábado entre los escombros de las aldeas de montaña.",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Marruecos decreta tres días de luto tras el sismo en el Alto Atlas")
        );
        assert_eq!(a.published.as_deref(), Some("2023-09-09"));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let a = extract_plain_text(
            "Bridge reopens after repairs in the old town\n\nThe bridge over the river reopened on Friday after\nthree months of repairs that cost the city about\n2 million euros, the mayor said.",
        );
        assert_eq!(
            a.text,
            "The bridge over the river reopened on Friday after three months of repairs that cost the city about 2 million euros, the mayor said."
        );
    }

    #[test]
    fn byline_in_header() {
        let a = extract_plain_text(
            "Museum theft puzzles police in the capital\n\nBy Jane Doe and Tom Ruiz\n\nThieves took three paintings from the national museum overnight, police said on Sunday.",
        );
        assert_eq!(a.authors, vec!["Jane Doe", "Tom Ruiz"]);
    }

    #[test]
    fn teaser_word_in_prose_is_kept() {
        let a = extract_plain_text(
            "Markets steady\n\nWatch the bond market, analysts said. Yields rose for a third day in a row on Thursday as investors weighed new figures.",
        );
        assert!(a.text.starts_with("Watch the bond market"));
    }

    #[test]
    fn body_cleaning_keeps_a_short_first_paragraph() {
        assert_eq!(
            clean_plain_body("PORT MERIDIAN, March 4\n\nThe bridge fell.\n\nShare this article"),
            "PORT MERIDIAN, March 4\n\nThe bridge fell."
        );
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        for s in ["", "\n\n\n", "x", "\u{feff}", "See also", "a\r\nb\rc"] {
            let _ = extract_plain_text(s);
        }
    }
}
