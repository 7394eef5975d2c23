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

mod entities;
mod quantities;
mod quotes;
mod sentences;
mod stopwords;
mod tokens;

use serde::{Deserialize, Serialize};

pub use entities::{entities, normalise_entity, Entity, EntityKind};
pub use quantities::{quantities, Qualifier, Quantity};
pub use quotes::{quotes, Quote};
pub use sentences::{sentences, Span};
pub use stopwords::is_stopword;
pub use tokens::{content_terms, stemmer_for, words};

/// Everything newsdesk reads out of one article's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// ISO 639-1 language the analysis assumed (`en` when unknown).
    pub language: String,
    /// Stemmed content terms of title and body with their counts; title terms count twice,
    /// because a headline says what the story is about.
    pub terms: Vec<(String, u32)>,
    /// Named entities in order of first mention, with their mention counts.
    pub entities: Vec<Entity>,
    /// Quantities with what they count.
    pub quantities: Vec<Quantity>,
    /// Direct quotes and their speakers.
    pub quotes: Vec<Quote>,
}

/// Analyses an article's title and body.
pub fn analyze(title: &str, text: &str, language: Option<&str>) -> Analysis {
    let language = language.unwrap_or("en").to_owned();
    let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for term in content_terms(title, &language) {
        *counts.entry(term).or_default() += 2;
    }
    for term in content_terms(text, &language) {
        *counts.entry(term).or_default() += 1;
    }
    let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
    terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    // Headlines capitalise every word, so their capitalised runs are names only when the body
    // names them too; they add to the count of those.
    let mut ents = entities(text);
    for e in entities(title) {
        if let Some(x) = ents.iter_mut().find(|x| x.key == e.key) {
            x.count += e.count;
        }
    }
    Analysis {
        terms,
        entities: ents,
        quantities: quantities(text),
        quotes: quotes(text),
        language,
    }
}
