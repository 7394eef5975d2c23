//! # newsdesk-text
//!
//! Here is a text: what is in it?
//!
//! Pure functions from a clean article text to the signals the later stages use: sentences,
//! word tokens and their stems, the named entities (people, organisations, places, as written),
//! the quantities ("39 people killed") and the quotes with their speakers. No I/O, no models to
//! download: rules and Snowball stemmers, so it runs anywhere at thousands of articles a second.
//!
//! ```
//! let a = newsdesk_text::analyze(
//!     "Storm cuts power in Port Meridian",
//!     "At least 3,400 homes lost power in Port Meridian on Monday. \"Crews are out,\" said Mayor Ana Ribeiro.",
//!     Some("en"),
//! );
//! assert!(a.entities.iter().any(|e| e.text == "Port Meridian"));
//! assert_eq!(a.quantities[0].value, 3400.0);
//! assert_eq!(a.quotes[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"));
//! ```
//!
//! It is not for deciding anything across articles (copies, stories, conflicts): that is
//! `newsdesk-core`.

mod dates;
mod entities;
mod quantities;
mod quantities_east_asian;
mod quotes;
pub mod script;
mod sentences;
mod stopwords;
mod tokens;

use serde::{Deserialize, Serialize};

pub use dates::{date_mentions, DateMention};
pub use entities::{
    entities, entity_mentions, is_all_capitals, is_first_name, is_place_name, normalise_entity,
    Entity, EntityKind, Mention,
};
pub use quantities::{quantities, writes_decimal_comma, Qualifier, Quantity};
pub use quotes::{attributions, quotes, Quote};
pub use sentences::{sentences, Span};
pub use stopwords::{function_word_share, has_stopwords, is_stopword};
pub use tokens::{content_terms, stemmer_for, words};

/// Everything newsdesk reads out of one article's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// ISO 639-1 language the analysis assumed (`en` when unknown).
    pub language: String,
    /// Stemmed content terms of title and body with their counts; title terms count twice,
    /// because a headline says what the story is about.
    pub terms: Vec<(String, u32)>,
    /// Stemmed content terms of the title alone, in order.
    #[serde(default)]
    pub title_terms: Vec<String>,
    /// Named entities in order of first mention, with their mention counts.
    pub entities: Vec<Entity>,
    /// Quantities with what they count.
    pub quantities: Vec<Quantity>,
    /// Quotes and their speakers: direct quotes, and reported speech (`direct: false`).
    pub quotes: Vec<Quote>,
    /// Dates the text mentions, resolved against the publication date when there is one.
    #[serde(default)]
    pub dates: Vec<DateMention>,
}

/// Analyses an article's title and body, without a publication date: relative dates ("on
/// Tuesday") are left out. See [`analyze_published`].
pub fn analyze(title: &str, text: &str, language: Option<&str>) -> Analysis {
    analyze_published(title, text, language, None)
}

/// Analyses an article's title and body; `published` (the day it was written) resolves the
/// relative dates it mentions.
pub fn analyze_published(
    title: &str,
    text: &str,
    language: Option<&str>,
    published: Option<jiff::civil::Date>,
) -> Analysis {
    let language = language.unwrap_or("en").to_owned();
    let without_credits = blank_credit_lines(text);
    let text = without_credits.as_str();
    let mut counts: foldhash::HashMap<String, u32> = foldhash::HashMap::default();
    let title_terms = content_terms(title, &language);
    for term in &title_terms {
        *counts.entry(term.clone()).or_default() += 2;
    }
    for term in content_terms(text, &language) {
        *counts.entry(term).or_default() += 1;
    }
    let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
    terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    // Headlines capitalise every word, so their capitalised runs are names only when the body
    // names them too; they add to the count of those.
    // Sentences are found once, for every stage that reads sentence by sentence.
    let spans = sentences(text);
    let mut ents = entities::entities_in(text, &spans);
    if entities::capitalises_nouns(&language) {
        ents = entities::names_where_nouns_are_capitalised(ents);
    }
    for e in entities(title) {
        if let Some(x) = ents.iter_mut().find(|x| x.key == e.key) {
            x.count += e.count;
        }
    }
    let mut quotes = quotes::attributions_in(text, &spans);
    for q in &mut quotes {
        if let Some(full) = q.speaker.as_deref().and_then(|s| full_name(s, &ents)) {
            q.speaker = Some(full);
        }
    }
    Analysis {
        terms,
        title_terms,
        entities: ents,
        quantities: {
            let mut found = quantities::quantities_in(
                text,
                &spans,
                quantities::writes_decimal_comma(&language),
            );
            if script::has_unspaced(text) {
                found.extend(quantities_east_asian::quantities_in(text, &spans));
            }
            found
        },
        quotes,
        dates: if language == "en" {
            date_mentions(text, published)
        } else {
            Vec::new()
        },
        language,
    }
}

/// Wire credit lines ("(Reporting by A; Editing by B)") name the agency's staff, not the
/// story's people: the same editor on two unrelated stories says nothing about either.
fn blank_credit_lines(text: &str) -> String {
    const CREDITS: [&str; 6] = [
        "reporting by",
        "editing by",
        "writing by",
        "additional reporting",
        "compiled by",
        "produced by",
    ];
    // Blanked, not removed: every span found in the result (a quote's, a name's) is then the
    // same span of the text as given, which is what the ledger and the store cite.
    let mut out = String::with_capacity(text.len());
    for (n, p) in text.split("\n\n").enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        let lower = p.trim().trim_start_matches(['(', '[']).to_lowercase();
        if p.len() < 300 && CREDITS.iter().any(|c| lower.starts_with(c)) {
            out.extend(std::iter::repeat_n(' ', p.len()));
        } else {
            out.push_str(p);
        }
    }
    out
}

/// News names a person in full once and by surname after: a speaker given as `Marenko` or
/// `Ms Marenko` is the `Sofia Marenko` the text names elsewhere.
fn full_name(speaker: &str, entities: &[Entity]) -> Option<String> {
    let words: Vec<&str> = speaker
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.trim_end_matches('.').to_lowercase().as_str(),
                "mr" | "ms" | "mrs" | "dr" | "prof"
            )
        })
        .collect();
    let [surname] = words.as_slice() else {
        return None;
    };
    if !surname.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.text.contains(' '))
        .find(|e| e.text.rsplit(' ').next() == Some(*surname))
        .map(|e| e.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// German capitalises every noun: only places, acronyms and people's names are names.
    #[test]
    fn german_nouns_are_no_names() {
        let text =
            "Der Nordhafen in Kiel hat am Donnerstag drei neue Dieselpumpen bekommen, sagte \
            die Hafenmeisterin. Bundeskanzler Olaf Scholz besuchte am Freitag das Trockendock, und \
            die SPD lobte die Arbeiter. Olaf Scholz sprach auch mit der NATO.";
        let mut names: Vec<String> = analyze("Neue Pumpen im Hafen", text, Some("de"))
            .entities
            .into_iter()
            .map(|e| format!("{} ({})", e.text, e.count))
            .collect();
        names.sort();
        assert_eq!(
            names,
            vec!["Kiel (1)", "NATO (1)", "Olaf Scholz (2)", "SPD (1)"]
        );
    }

    /// Text made of the pieces that trip byte-offset arithmetic: multi-byte quotes and
    /// dashes, numbers, abbreviations, capitals, paragraph breaks.
    fn awkward_texts() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "’s",
            "—",
            "–",
            " ",
            "\n\n",
            ".",
            ",",
            "U.S.",
            "said",
            "told",
            "according to",
            "Ana Ribeiro",
            "al-Sudani",
            "39",
            "2,500",
            "thirty-nine",
            "at least",
            "dozens of",
            "é",
            "中文",
            "🙂",
            "Mr.",
            ":",
            "10:15",
            "people",
            "killed",
            "(",
            ")",
            "?",
            "!",
            "'",
            "\u{feff}",
        ];
        // A small linear congruential generator keeps the cases reproducible.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..3000).map(move |_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (state >> 59) as usize + 1;
            (0..len * 3)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    PIECES[(state >> 33) as usize % PIECES.len()]
                })
                .collect::<Vec<_>>()
                .join("")
        })
    }

    #[test]
    fn credit_lines_are_not_content() {
        let a = analyze(
            "",
            "The storm hit the coast.\n\n(Reporting by Mira Castell; Editing by Paul Okafor)",
            Some("en"),
        );
        assert!(
            !a.entities.iter().any(|e| e.text.contains("Okafor")),
            "{:?}",
            a.entities
        );
    }

    /// A credit line before the story leaves it out of the analysis, but every span still
    /// points into the text as given.
    #[test]
    fn spans_point_into_the_text_as_given_around_credit_lines() {
        let text = "Produced by Mira Castell\n\nThe mayor said the bridge would reopen. \"We will rebuild it,\" Anna Berg said on Monday.";
        let a = analyze("", text, Some("en"));
        assert!(!a.entities.iter().any(|e| e.text.contains("Castell")));
        let q = &a.quotes[0];
        assert_eq!(text.get(q.span.0..q.span.1), Some(q.text.as_str()));
    }

    #[test]
    fn surnames_of_speakers_are_resolved() {
        let a = analyze(
            "",
            "Trade Minister Sofia Marenko signed the deal. \"This opens a door,\" Ms Marenko said. \"It was hard work,\" Aldous said.",
            Some("en"),
        );
        assert_eq!(a.quotes[0].speaker.as_deref(), Some("Sofia Marenko"));
        assert_eq!(
            a.quotes[1].speaker.as_deref(),
            Some("Aldous"),
            "no full name to resolve to"
        );
    }

    #[test]
    fn analysis_never_panics_on_awkward_text() {
        for text in awkward_texts() {
            let a = analyze(&text, &text, Some("en"));
            for q in &a.quotes {
                assert!(
                    text.get(q.span.0..q.span.1).is_some(),
                    "quote span off a char boundary in {text:?}"
                );
            }
            for q in &a.quantities {
                assert!(
                    text.get(q.sentence.0..q.sentence.1).is_some(),
                    "sentence span off a boundary in {text:?}"
                );
            }
        }
    }
}
