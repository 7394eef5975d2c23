//! Function words, which say nothing about what a story is about.

use foldhash::HashSet;
use std::sync::OnceLock;

const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "told",
    "according",
    "would",
    "may",
    "might",
    "must",
    "shall",
    "us",
    "mr",
    "mrs",
    "ms",
    "per",
    "via",
    "yet",
    "since",
    "within",
    "without",
    "among",
    "around",
    "however",
    "although",
    "though",
    "whether",
    "which",
    "many",
    "much",
    "several",
    "new",
    "one",
    "two",
    "three",
    "year",
    "years",
    "last",
    "first",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "day",
    "days",
    "time",
    "s",
    "t",
    "don",
];

/// Languages with a list of function words from NLTK (which takes them from Snowball), by
/// ISO 639-1 code; `nb` is written `no` there.
const LISTED: &[&str] = &[
    "ar", "az", "da", "de", "el", "es", "fi", "fr", "hu", "id", "it", "kk", "ne", "nl", "no", "pt",
    "ro", "ru", "sl", "sv", "tg", "tr",
];

/// Whether `lower` (already lower-cased) is a stop word in `language` (ISO 639-1).
///
/// English has its own list, which also leaves out the words of dates and counts that every
/// news story has ("year", "monday", "two"). Two dozen other languages have NLTK's lists of
/// function words. Without one, a stream that is mostly English makes a German article's "und"
/// and "der" rare, and so heavy: two German articles on unrelated subjects would share them
/// as if they were the story's words. Other languages are left to the story index's inverse
/// document frequency.
pub fn is_stopword(lower: &str, language: &str) -> bool {
    static ENGLISH_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static OTHERS: OnceLock<Vec<HashSet<&'static str>>> = OnceLock::new();
    if language == "en" {
        return ENGLISH_SET
            .get_or_init(|| ENGLISH.iter().copied().collect())
            .contains(lower);
    }
    let Some(at) = listed(language) else {
        return false;
    };
    OTHERS.get_or_init(|| {
        LISTED
            .iter()
            .map(|&l| stop_words::get(l).iter().copied().collect())
            .collect()
    })[at]
        .contains(lower)
}

/// Where `language` stands in [`LISTED`], Norwegian Bokmål (`nb`) as `no`.
fn listed(language: &str) -> Option<usize> {
    let code = if language == "nb" { "no" } else { language };
    LISTED.iter().position(|&l| l == code)
}

/// Whether [`is_stopword`] knows the function words of `language`.
pub fn has_stopwords(language: &str) -> bool {
    language == "en" || listed(language).is_some()
}

/// The share of `text`'s words that are `language`'s function words: how far it reads as
/// written in that language (running prose has a third or more). Words are runs of letters
/// and digits, a cheap split, enough to count "und" and "the".
pub fn function_word_share(text: &str, language: &str) -> f32 {
    let mut lower = String::new();
    let (mut hits, mut words) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        crate::tokens::lowercase_into(word, &mut lower);
        words += 1;
        hits += usize::from(is_stopword(&lower, language));
    }
    hits as f32 / words.max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_of_other_languages_are_stop_words() {
        for (word, language) in [
            ("und", "de"),
            ("der", "de"),
            ("los", "es"),
            ("que", "es"),
            ("les", "fr"),
            ("dans", "fr"),
            ("что", "ru"),
            ("och", "sv"),
            ("og", "nb"),
        ] {
            assert!(is_stopword(word, language), "{word} ({language})");
        }
        for (word, language) in [
            ("hafen", "de"),
            ("terremoto", "es"),
            ("und", "en"),
            ("the", "de"),
            ("und", "xx"),
        ] {
            assert!(!is_stopword(word, language), "{word} ({language})");
        }
    }

    /// Every listed language has a list in the crate, so the lookup cannot panic.
    #[test]
    fn every_listed_language_has_its_list() {
        for l in LISTED {
            assert!(stop_words::get(l).len() > 20, "{l}");
        }
    }
}
