//! Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese
//! (and Korean, whose words carry their particles).
//!
//! Everything that counts or compares words by the spaces between them sees a whole clause of
//! such text as one word: a Chinese paragraph is "one word" long, and two reports of one
//! earthquake share no "word" at all. Without a dictionary for each language, the way search
//! engines index these scripts is by overlapping pairs of characters (`地震` `震造` `造成`):
//! every two-character word is one of the pairs, and two texts on one subject share many of
//! them. Here are the pieces the other modules build on: which characters are unspaced, how
//! many words a text holds, and the character pairs of a run.

use unicode_segmentation::UnicodeSegmentation;

/// Whether `c` belongs to a script written without spaces between words: Han ideographs,
/// Hiragana and Katakana, Thai, Lao, Khmer and Myanmar. Hangul is written with spaces.
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x31F0..=0x31FF   // Katakana phonetic extensions
        | 0x3400..=0x4DBF   // CJK unified ideographs, extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFF66..=0xFF9F   // half-width Katakana
        | 0x20000..=0x3134F // CJK unified ideographs, extensions B to G
        | 0x0E00..=0x0E7F   // Thai
        | 0x0E80..=0x0EFF   // Lao
        | 0x1780..=0x17FF   // Khmer
        | 0x1000..=0x109F   // Myanmar
    )
}

/// Whether `c` is a Hangul syllable or letter. Korean is written with spaces, but a word
/// carries its particles and endings (`서울에서`, "in Seoul"; `서울은`, "Seoul" as the topic)
/// and Snowball has no Korean stemmer: a word's character pairs let two forms of it match.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Whether `c` is punctuation of Chinese and Japanese text (`，` `。` `「` `」`, the full-width
/// forms): written, like the characters around it, with no spaces.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF65)
}

/// Whether `text` has any character of an unspaced script.
pub fn has_unspaced(text: &str) -> bool {
    text.chars().any(is_unspaced)
}

/// Characters of an unspaced script per word, for counting: Chinese and Japanese words are one
/// to three characters long, most often two.
const CHARACTERS_PER_WORD: usize = 2;

/// How many words `text` holds: the runs between spaces, where a run of an unspaced script
/// counts one word for every two of its characters. So thresholds written in words ("a
/// paragraph of at least 20 words") mean about the same length of text in every script.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let unspaced = token.chars().filter(|&c| is_unspaced(c)).count();
            if unspaced == 0 {
                1
            } else {
                unspaced.div_ceil(CHARACTERS_PER_WORD)
            }
        })
        .sum()
}

/// The start of `text` up to its first `n` words, as [`word_count`] counts them (a run of an
/// unspaced script is cut between its characters), with whether anything was left out.
pub fn first_words(text: &str, n: usize) -> (&str, bool) {
    let mut words = 0;
    let mut unspaced_in_token = 0;
    let mut in_token = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            in_token = false;
            continue;
        }
        let starts_token = !in_token;
        in_token = true;
        if starts_token {
            unspaced_in_token = 0;
        }
        let adds = if is_unspaced(c) {
            unspaced_in_token += 1;
            // Every other character of a run starts a word; a spaced token starts one.
            usize::from(unspaced_in_token % CHARACTERS_PER_WORD == 1)
        } else {
            usize::from(starts_token)
        };
        if words + adds > n {
            return (text[..at].trim_end(), true);
        }
        words += adds;
    }
    (text.trim_end(), false)
}

/// Whether `c` ends a sentence: the Latin marks, and the ideographic full stop and the
/// full-width marks of Chinese and Japanese, which need no space after them.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?') || is_full_width_stop(c)
}

/// The sentence ends of Chinese and Japanese text (`。` `！` `？`, and the full-width
/// period): unlike `.`, they end a sentence with no space after them.
pub fn is_full_width_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．')
}

/// The overlapping character pairs of a run of unspaced text, each pair a `String`; a run of
/// one character is itself. Characters are grapheme clusters, so a Thai consonant keeps its
/// vowel and tone marks.
pub fn character_pairs(run: &str) -> Vec<String> {
    let chars: Vec<&str> = run.graphemes(true).collect();
    if chars.len() == 1 {
        return vec![chars[0].to_owned()];
    }
    chars.windows(2).map(|w| w.concat()).collect()
}

/// The runs of a piece of text, in order, each with whether it is of an unspaced script:
/// `四川6级` → (`四川`, true), (`6`, false), (`级`, true).
pub fn runs(piece: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (at, c) in piece.char_indices() {
        // Combining marks (Thai vowels and tones) stay with the run they follow.
        let kind = is_unspaced(c) || (current == Some(true) && is_mark(c));
        if current.is_some_and(|k| k != kind) {
            out.push((&piece[start..at], current == Some(true)));
            start = at;
        }
        current = Some(kind);
    }
    if let Some(kind) = current {
        out.push((&piece[start..], kind));
    }
    out
}

/// Combining marks that unspaced scripts write after their letters.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x3099..=0x309A)
}

/// The tokens of a piece of text in which words are compared: the piece itself when it has no
/// unspaced character, else its unspaced characters one by one (grapheme clusters), with the
/// runs of other characters between them (digits, Latin letters) as tokens of their own.
/// `四川6级地震` → `四` `川` `6` `级` `地` `震`.
pub fn split_unspaced(piece: &str) -> Vec<&str> {
    if !has_unspaced(piece) {
        return vec![piece];
    }
    let mut out = Vec::new();
    let mut other_start: Option<usize> = None;
    for (at, g) in piece.grapheme_indices(true) {
        if g.chars().next().is_some_and(is_unspaced) {
            if let Some(s) = other_start.take() {
                out.push(&piece[s..at]);
            }
            out.push(g);
        } else if other_start.is_none() {
            other_start = Some(at);
        }
    }
    if let Some(s) = other_start {
        out.push(&piece[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_in_every_script() {
        assert_eq!(word_count("Storm cuts power to 46,000 homes"), 6);
        // 19 Han characters with a comma and a full stop: about ten words.
        assert_eq!(word_count("四川省发生强烈地震，救援队伍正在赶赴震中。"), 10);
        assert_eq!(word_count("東京 で 地震"), 3);
        assert_eq!(word_count("서울에서 지진이 발생했다"), 3);
    }

    #[test]
    fn first_words_in_every_script() {
        assert_eq!(first_words("one two three four", 2), ("one two", true));
        assert_eq!(first_words("one two", 2), ("one two", false));
        assert_eq!(first_words("东岭县发生地震", 2), ("东岭县发", true));
        assert_eq!(first_words("", 3), ("", false));
    }

    #[test]
    fn pairs_and_pieces() {
        assert_eq!(character_pairs("地震"), vec!["地震"]);
        assert_eq!(character_pairs("强烈地震"), vec!["强烈", "烈地", "地震"]);
        assert_eq!(character_pairs("震"), vec!["震"]);
        // A Thai consonant and its vowel mark are one character.
        assert_eq!(character_pairs("ดิน"), vec!["ดิน"]);
        assert_eq!(
            split_unspaced("四川6级地震"),
            vec!["四", "川", "6", "级", "地", "震"]
        );
        assert_eq!(split_unspaced("storm"), vec!["storm"]);
        assert_eq!(
            runs("四川6级"),
            vec![("四川", true), ("6", false), ("级", true)]
        );
        assert_eq!(runs("storm"), vec![("storm", false)]);
    }

    #[test]
    fn full_width_stops_end_sentences() {
        assert!(ends_sentence('。') && ends_sentence('？') && ends_sentence('.'));
        assert!(!ends_sentence('，'));
    }
}
