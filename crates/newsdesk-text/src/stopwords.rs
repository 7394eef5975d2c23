//! Function words, which say nothing about what a story is about.

use std::collections::HashSet;
use std::sync::OnceLock;

const ENGLISH: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "said", "says", "say", "told", "according", "would", "may", "might", "must", "shall", "us",
    "mr", "mrs", "ms", "per", "via", "yet", "since", "within", "without", "among", "around",
    "however", "although", "though", "whether", "which", "many", "much", "several", "new",
    "one", "two", "three", "year", "years", "last", "first", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "week", "day", "days", "time", "s", "t", "don",
];

/// Whether `lower` (already lower-cased) is a stop word in `language`.
///
/// Only English has a list here; for other languages the inverse document frequency of the
/// story index does the same work more slowly.
pub fn is_stopword(lower: &str, language: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    match language {
        "en" => SET.get_or_init(|| ENGLISH.iter().copied().collect()).contains(lower),
        _ => false,
    }
}
