//! Sentence boundaries that know about abbreviations ("U.S.", "Mr.", "Feb.").

use serde::{Deserialize, Serialize};

use crate::script::is_full_width_stop;

/// A byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m",
    "p.m", "mt", "ft", "approx", "dept", "est", "fig", "rev", "adm", "maj", "cmdr", "pres",
];

/// Splits `text` into sentences. Paragraph breaks always end a sentence; `.`, `!` and `?`
/// end one when followed by space and an upper-case letter, a digit or an opening quote, unless
/// the word before is a known abbreviation or a single letter (an initial). The stops of
/// Chinese and Japanese (`。` `！` `？`) always end one.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            push(&mut out, text, start, i);
            while i < bytes.len() && bytes[i] == b'\n' {
                i += 1;
            }
            start = i;
            continue;
        }
        // Chinese and Japanese stops end a sentence as they stand: no space follows them.
        if b >= 0xE0 {
            if let Some(c) = text[i..].chars().next().filter(|&c| is_full_width_stop(c)) {
                let mut end = i + c.len_utf8();
                while let Some(close) = text[end..].chars().next().filter(|n| {
                    matches!(n, '」' | '』' | '）' | '\u{201d}' | '\u{2019}' | '"' | ')')
                }) {
                    end += close.len_utf8();
                }
                push(&mut out, text, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Closing quotes and brackets belong to the sentence they end.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            for close in ["\u{201d}", "\u{2019}"] {
                if text[end..].starts_with(close) {
                    end += close.len();
                }
            }
            if end < bytes.len()
                && bytes[end] == b' '
                && starts_sentence(&text[end + 1..])
                && !(b == b'.' && is_abbreviation(&text[start..i]))
            {
                push(&mut out, text, start, end);
                start = end + 1;
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(Span {
            start: start + lead,
            end: end - trail,
        });
    }
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(')
    })
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("")
        .to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
        || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends_not_abbreviations() {
        assert_eq!(
            split("The U.S. Army arrived. Mr. Smith left on Feb. 3. \"It is over,\" he said. Then 5 more came!"),
            vec![
                "The U.S. Army arrived.",
                "Mr. Smith left on Feb. 3.",
                "\"It is over,\" he said.",
                "Then 5 more came!"
            ]
        );
    }

    #[test]
    fn full_width_stops_end_sentences_without_a_space() {
        assert_eq!(
            split("地震造成46人遇难。救援队伍正在赶赴震中！他说：「我们会坚持。」然后离开"),
            vec![
                "地震造成46人遇难。",
                "救援队伍正在赶赴震中！",
                "他说：「我们会坚持。」",
                "然后离开"
            ]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(
            split("Heading\n\nBody text here"),
            vec!["Heading", "Body text here"]
        );
        assert!(split("").is_empty());
    }
}
