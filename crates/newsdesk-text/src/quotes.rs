//! Direct quotes and who said them.
//!
//! A quote is text between quotation marks, three words or more. Its speaker is read from the
//! attribution around it: `"…," said Mayor Ana Ribeiro`, `"…," the official told Reuters`,
//! `An Iraqi military spokesman said: "…"`, `According to a US source, "…"`. A quote whose
//! closing mark never comes (scraped text loses them) runs to the end of its paragraph, and an
//! attribution at its tail (`…, the official told Reuters.`) is cut off and read.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// One direct quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub text: String,
    /// Who said it, as the text names them ("an Iraqi military spokesman", "Mayor Ana Ribeiro").
    pub speaker: Option<String>,
    /// The cue verb ("said", "told", "according to").
    pub cue: Option<String>,
    /// Byte range of the quoted words in the text.
    pub span: (usize, usize),
}

const CUES: &str = r"said|says|told|added|stated|noted|explained|warned|insisted|argued|wrote|declared|announced|asked|replied|recalled|stressed|urged|tweeted|posted";

fn after_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^[\s,.]*(?:(?P<cue1>{CUES})\s+(?P<sp1>[^,.;:!?“”]{{2,80}}?)|(?P<sp2>[^,.;:!?“”]{{2,80}}?)\s+(?P<cue2>{CUES})(?:\s+[^,.;:!?“”]{{0,40}})?)\s*(?:[,.;:!?]|$)"
        ))
        .expect("valid regex")
    })
}

fn before_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r#"(?i:according to)\s+(?P<sp1>[^,.;:!?“”]{{2,80}})[,:]?\s*$|(?:^|[.!?]\s+|,\s+|[”"]\s*)(?P<sp2>[^,.;:!?“”]{{2,80}}?)\s+(?P<cue>{CUES})\b[^.!?“”"]{{0,60}}$"#
        ))
        .expect("valid regex")
    })
}

fn tail_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r",\s+(?P<sp>[^,.;:!?“”]{{2,60}}?)\s+(?P<cue>{CUES})(?:\s+[^,.;:!?“”]{{0,40}})?\.?\s*$"
        ))
        .expect("valid regex")
    })
}

/// Finds the direct quotes of `text` and their speakers.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut from = 0;
    while let Some((open, open_len)) = find_open(text, from) {
        let content_start = open + open_len;
        let para_end = text[content_start..]
            .find("\n\n")
            .map_or(text.len(), |p| content_start + p);
        let close = find_close(&text[content_start..para_end], &text[open..content_start])
            .map(|(c, len)| (content_start + c, len));
        let (mut content_end, resume) = match close {
            Some((c, len)) => (c, c + len),
            None => (para_end, para_end),
        };
        let mut speaker = None;
        let mut cue = None;
        if close.is_none() {
            // An unclosed quote: the attribution, if any, is at its tail.
            if let Some(c) = tail_re().captures(&text[content_start..content_end]) {
                let whole = c.get(0).expect("match");
                speaker = c.name("sp").map(|m| clean_speaker(m.as_str()));
                cue = c.name("cue").map(|m| m.as_str().to_lowercase());
                content_end = content_start + whole.start();
            }
        }
        let words = text[content_start..content_end].split_whitespace().count();
        if words >= 3 {
            let para_start = text[..open].rfind("\n\n").map_or(0, |p| p + 2);
            let before = before_re().captures(&text[para_start..open]);
            // "According to X, “…”" names the speaker right before the quote: it wins.
            if let Some(m) = before
                .as_ref()
                .and_then(|c| c.name("sp1"))
                .filter(|_| speaker.is_none())
            {
                speaker = Some(clean_speaker(m.as_str()));
                cue = Some("according to".to_owned());
            }
            if speaker.is_none() {
                let sentence_end = sentence_end(text, resume, para_end);
                if let Some(c) = after_re().captures(&text[resume..sentence_end]) {
                    speaker = c
                        .name("sp1")
                        .or(c.name("sp2"))
                        .map(|m| clean_speaker(m.as_str()));
                    cue = c
                        .name("cue1")
                        .or(c.name("cue2"))
                        .map(|m| m.as_str().to_lowercase());
                }
            }
            if speaker.is_none() {
                if let Some(c) = &before {
                    speaker = c.name("sp2").map(|m| clean_speaker(m.as_str()));
                    cue = c.name("cue").map(|m| m.as_str().to_lowercase());
                }
            }
            // "he said": the speaker is the one named before.
            if speaker.as_deref().is_some_and(is_pronoun) {
                speaker = out.iter().rev().find_map(|q| q.speaker.clone()).or(speaker);
            }
            let quoted = text[content_start..content_end]
                .trim()
                .trim_end_matches(',')
                .to_owned();
            let speaker = speaker.filter(|s| !s.is_empty() && s.split_whitespace().count() <= 10);
            out.push(Quote {
                text: quoted,
                cue: cue.filter(|_| speaker.is_some()),
                speaker,
                span: (content_start, content_end),
            });
        }
        from = resume.max(content_start);
    }
    share_speakers_within_sentences(text, &mut out);
    out
}

/// Quotes in one sentence have one speaker: `He noted that as long as “…,” the meetings would
/// go on to “…”` gives both quotes to him.
fn share_speakers_within_sentences(text: &str, quotes: &mut [Quote]) {
    let same_sentence = |a: &Quote, b: &Quote| {
        !a.text.ends_with(['.', '!', '?'])
            && text.get(a.span.1..b.span.0).is_some_and(|between| {
                !between.contains(['.', '!', '?']) && !between.contains("\n\n")
            })
    };
    for i in 1..quotes.len() {
        if quotes[i].speaker.is_none()
            && quotes[i - 1].speaker.is_some()
            && same_sentence(&quotes[i - 1], &quotes[i])
        {
            quotes[i].speaker = quotes[i - 1].speaker.clone();
            quotes[i].cue = quotes[i - 1].cue.clone();
        }
    }
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        if quotes[i].speaker.is_none()
            && quotes[i + 1].speaker.is_some()
            && same_sentence(&quotes[i], &quotes[i + 1])
        {
            quotes[i].speaker = quotes[i + 1].speaker.clone();
            quotes[i].cue = quotes[i + 1].cue.clone();
        }
    }
}

fn find_open(text: &str, from: usize) -> Option<(usize, usize)> {
    text[from..]
        .char_indices()
        .find(|&(i, c)| {
            c == '“'
                || (c == '"'
                    && text[..from + i]
                        .chars()
                        .next_back()
                        .is_none_or(|p| !p.is_alphanumeric()))
        })
        .map(|(i, c)| (from + i, c.len_utf8()))
}

fn find_close(segment: &str, open: &str) -> Option<(usize, usize)> {
    let closers: &[char] = if open == "“" {
        &['”', '"']
    } else {
        &['"', '”']
    };
    segment
        .char_indices()
        .find(|(_, c)| closers.contains(c))
        .map(|(i, c)| (i, c.len_utf8()))
}

fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let slice = &text[from..limit];
    // Skip the punctuation that directly follows the closing mark ("…," said X.)
    let skip = slice.len() - slice.trim_start_matches([',', '.', ' ']).len();
    slice[skip..]
        .char_indices()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '“' | '"'))
        .map_or(limit, |(p, c)| from + skip + p + c.len_utf8())
}

fn clean_speaker(s: &str) -> String {
    let s = s.trim();
    // "told Reuters" objects and time phrases are not part of the speaker.
    let s = s
        .split(" on ")
        .next()
        .unwrap_or(s)
        .split(" in a ")
        .next()
        .unwrap_or(s);
    s.trim().trim_start_matches("and ").to_owned()
}

/// `he`, `she also`: a speaker that only points back at someone named before.
fn is_pronoun(s: &str) -> bool {
    let mut words = s.split_whitespace().map(str::to_lowercase);
    let first_is_pronoun = words
        .next()
        .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they" | "it" | "we" | "i"));
    first_is_pronoun
        && words
            .all(|w| w.ends_with("ly") || matches!(w.as_str(), "also" | "then" | "later" | "too"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_after_the_quote() {
        let q = quotes("\"We expect power back by tonight,\" said Mayor Ana Ribeiro.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We expect power back by tonight");
        assert_eq!(q[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"));
        assert_eq!(q[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn speaker_before_and_according_to() {
        let q = quotes("According to a US source, “the two sides are close to agreeing on a date.” Later an Iraqi military spokesman said: \"talks will go on for months.\"");
        assert_eq!(q[0].speaker.as_deref(), Some("a US source"));
        assert_eq!(q[0].cue.as_deref(), Some("according to"));
        assert_eq!(
            q[1].speaker.as_deref(),
            Some("Later an Iraqi military spokesman")
        );
    }

    #[test]
    fn unclosed_quote_with_tail_attribution() {
        let q = quotes("“We have talked about this for months. The timing has nothing to do with the attacks, the official told Reuters.\n\nNext paragraph.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("the official"));
        assert_eq!(q[0].cue.as_deref(), Some("told"));
        assert!(q[0].text.ends_with("nothing to do with the attacks"));
    }

    #[test]
    fn closing_quote_glued_to_attribution() {
        let q = quotes("the talks will assess “the military situation and the threat level.”An Iraqi military spokesman said in a statement.");
        assert_eq!(q[0].speaker.as_deref(), Some("An Iraqi military spokesman"));
    }

    #[test]
    fn pronoun_takes_previous_speaker() {
        let q = quotes("\"This is the first step,\" said Minister Lea Tan. \"More will follow soon,\" she said.");
        assert_eq!(q[1].speaker.as_deref(), Some("Minister Lea Tan"));
    }

    #[test]
    fn quotes_in_one_sentence_share_the_speaker() {
        let q = quotes("\"The talks went well,\" said Minister Lea Tan. She also noted that as long as “nothing disturbs the talks,” the meetings would go on to “quickly conclude the work of the group,” without elaborating.");
        assert_eq!(q.len(), 3);
        assert_eq!(q[1].speaker.as_deref(), Some("Minister Lea Tan"), "{q:?}");
        assert_eq!(q[2].speaker.as_deref(), Some("Minister Lea Tan"));
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(quotes("He called it \"important\" twice.").is_empty());
    }
}
