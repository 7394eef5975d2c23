//! Words, and the stemmed content terms that stories are compared on.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::script::{character_pairs, is_hangul, is_unspaced};
use crate::stopwords::is_stopword;

/// Unicode words of `text` with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

/// The Snowball stemmer for an ISO 639-1 language code, if Snowball has one.
pub fn stemmer_for(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Lower-cased, stemmed words of `text` that carry content: stop words and one-letter tokens
/// are left out; numbers stay, because "39" is what tells one attack from another. Text in a
/// script written without spaces (Chinese, Japanese, Thai) has no words to find by their
/// boundaries: each run of it gives its overlapping character pairs instead, and so does each
/// Korean word, which carries its particles (see [`crate::script`]).
pub fn content_terms(text: &str, language: &str) -> Vec<String> {
    let stemmer = stemmer_for(language);
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.language != language || cache.stems.len() > STEM_CACHE_WORDS {
            cache.language.clear();
            cache.language.push_str(language);
            cache.stems.clear();
        }
        let mut out = Vec::new();
        // The current run of unspaced text: Unicode word boundaries split it into single
        // characters (Han, Hiragana, Thai) or short runs (Katakana), which follow each other
        // with nothing between.
        let mut run: Option<(usize, usize)> = None;
        let flush = |run: &mut Option<(usize, usize)>, out: &mut Vec<String>| {
            if let Some((start, end)) = run.take() {
                out.extend(character_pairs(&text[start..end]));
            }
        };
        // One buffer for every word's lower-case form: most words are dropped as stop words
        // or found in the cache, and need no allocation of their own.
        let mut lower = String::new();
        for (at, w) in words(text) {
            if w.chars().next().is_some_and(is_unspaced) {
                match &mut run {
                    Some((_, end)) if *end == at => *end = at + w.len(),
                    _ => {
                        flush(&mut run, &mut out);
                        run = Some((at, at + w.len()));
                    }
                }
                continue;
            }
            flush(&mut run, &mut out);
            if w.chars().next().is_some_and(is_hangul) {
                out.extend(character_pairs(w));
                continue;
            }
            lowercase_into(w, &mut lower);
            match elided(&lower, language) {
                Elision::Drop => continue,
                Elision::Word(range) => {
                    let word = lower[range].to_owned();
                    lower.clear();
                    lower.push_str(&word);
                }
                Elision::Whole => {}
            }
            if lower.chars().count() < 2 || is_stopword(&lower, language) {
                continue;
            }
            out.push(match &stemmer {
                Some(s) if !lower.chars().any(|c| c.is_ascii_digit()) => {
                    if let Some(stem) = cache.stems.get(lower.as_str()) {
                        out.push(stem.clone());
                        continue;
                    }
                    let stem = s.stem(&lower).into_owned();
                    cache.stems.insert(lower.clone(), stem.clone());
                    stem
                }
                _ => lower.clone(),
            });
        }
        flush(&mut run, &mut out);
        out
    })
}

/// Writes `word` in lower case into `buf`, replacing what it held: ASCII in place, without
/// the allocation of `str::to_lowercase`.
pub(crate) fn lowercase_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
}

/// What a word with an apostrophe stands for.
enum Elision {
    /// The word as it is ("o'clock", "rock'n'roll").
    Whole,
    /// A part of it: "they" of "they've", "homme" of "l'homme".
    Word(std::ops::Range<usize>),
    /// Nothing that carries content: a negated auxiliary ("don't", "isn't").
    Drop,
}

/// Contractions and elisions, which Unicode's word boundaries keep whole: English "they've",
/// "I'm" and "Trump's" are "they", "i" and "trump" (the pronouns then go as stop words), and
/// "don't" is only a function word; French, Italian and Catalan "l'homme", "d'affaires" and
/// "dell'anno" are "homme", "affaires" and "anno". Kept whole, "i'm" and "you'r" were terms
/// that chatty texts share and news wires seldom write, so they weighed as if they were a
/// story's words.
fn elided(lower: &str, language: &str) -> Elision {
    let Some(at) = lower.find(['\'', '\u{2019}']) else {
        return Elision::Whole;
    };
    let mark = lower[at..].chars().next().map_or(1, char::len_utf8);
    let (before, after) = (&lower[..at], &lower[at + mark..]);
    match language {
        "en" => {
            if before.ends_with('n') && after == "t" {
                Elision::Drop
            } else if matches!(after, "s" | "m" | "ve" | "d" | "ll" | "re") {
                Elision::Word(0..at)
            } else {
                Elision::Whole
            }
        }
        "fr" | "it" | "ca" if (1..=4).contains(&before.chars().count()) && !after.is_empty() => {
            Elision::Word(at + mark..lower.len())
        }
        _ => Elision::Whole,
    }
}

/// Whether a lower-cased word is a function word of `language`, contractions included: "i'm",
/// "they've" and "don't" are as much function words as "i" and "they" (see [`elided`]).
pub(crate) fn is_function_word(lower: &str, language: &str) -> bool {
    match elided(lower, language) {
        Elision::Drop => true,
        Elision::Word(range) => {
            let word = &lower[range];
            word.chars().count() < 2 || is_stopword(word, language)
        }
        Elision::Whole => is_stopword(lower, language),
    }
}

/// Words already stemmed on this thread, for one language at a time. News vocabulary is
/// Zipfian: most words of an article were seen in the articles before it, and a hash lookup
/// costs a fraction of running the Snowball algorithm again. Cleared when it grows past
/// `STEM_CACHE_WORDS` (a few MB), so memory stays bounded on any stream.
struct StemCache {
    language: String,
    stems: foldhash::HashMap<String, String>,
}

const STEM_CACHE_WORDS: usize = 100_000;

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache {
        language: String::new(),
        stems: foldhash::HashMap::default(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_drops_stop_words() {
        assert_eq!(
            content_terms("The soldiers were leaving the bases in 2014", "en"),
            vec!["soldier", "leav", "base", "2014"]
        );
    }

    #[test]
    fn unspaced_scripts_give_character_pairs() {
        assert_eq!(
            content_terms("四川发生地震，46人遇难", "zh"),
            vec!["四川", "川发", "发生", "生地", "地震", "46", "人遇", "遇难"]
        );
        // A Katakana word and the Hiragana after it are one run.
        assert_eq!(
            content_terms("テストです", "ja"),
            vec!["テス", "スト", "トで", "です"]
        );
        assert_eq!(content_terms("Storm in 東京", "en"), vec!["storm", "東京"]);
        // "in Seoul" and "Seoul" (as the topic) share their first pair.
        assert_eq!(
            content_terms("서울에서 서울은", "ko"),
            vec!["서울", "울에", "에서", "서울", "울은"]
        );
    }

    #[test]
    fn contractions_and_elisions_are_their_words() {
        assert_eq!(
            content_terms(
                "I'm sure they\u{2019}ve said it: we'll see, don't wait for Trump's wall at ten o'clock",
                "en"
            ),
            vec!["sure", "see", "wait", "trump", "wall", "ten", "o'clock"]
        );
        assert_eq!(
            content_terms("L'homme d'affaires", "fr"),
            content_terms("homme affaires", "fr")
        );
        assert_eq!(
            content_terms("dell'anno", "it"),
            content_terms("anno", "it")
        );
    }

    #[test]
    fn unknown_language_keeps_words() {
        assert_eq!(
            content_terms("Ninguna palabra", "xx"),
            vec!["ninguna", "palabra"]
        );
    }
}
