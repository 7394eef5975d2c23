//! Quantities: a number, how sure the text is of it, what it counts and what happened to them.
//!
//! "At least 39 people were killed" is value 39, qualifier at-least, counted noun "people",
//! event "killed". Numbers in digits and in words are read; years, dates, times and ordinals
//! are not quantities and are skipped.

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use crate::sentences::{sentences, Span};

/// How the text hedges a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    About,
}

/// One quantity stated in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    /// Upper end for ranges and vague amounts ("dozens" is 24–99); equal to `value` otherwise.
    pub upper: f64,
    pub qualifier: Qualifier,
    /// The counted noun, lower case ("people", "soldiers"), when one follows the number.
    pub noun: Option<String>,
    /// The word saying what happened ("killed", "stationed"), when the sentence has one near.
    pub event: Option<String>,
    /// The number as written, with its qualifier ("at least 39").
    pub surface: String,
    /// Byte range of the sentence that states it.
    pub sentence: (usize, usize),
}

const SMALL: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Vague amounts and their range.
const VAGUE: &[(&str, f64, f64)] = &[
    ("dozen", 12.0, 12.0),
    ("dozens", 24.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2000.0, 9999.0),
    ("millions", 2e6, 9.99e6),
    ("scores", 40.0, 99.0),
];

const EVENT_WORDS: &[&str] = &[
    "killed",
    "dead",
    "died",
    "deaths",
    "injured",
    "wounded",
    "hurt",
    "struck",
    "hit",
    "attacked",
    "arrested",
    "detained",
    "evacuated",
    "displaced",
    "stationed",
    "deployed",
    "lost",
    "destroyed",
    "damaged",
    "rescued",
    "missing",
    "fired",
    "launched",
    "raised",
    "cut",
    "affected",
    "infected",
    "sold",
    "paid",
    "fined",
    "jailed",
    "sentenced",
    "won",
    "voted",
    "elected",
    "fled",
    "trapped",
    "hospitalised",
    "hospitalized",
    "treated",
    "employed",
    "hired",
    "laid",
    "closed",
    "shut",
    "burned",
    "flooded",
    "collapsed",
    "seized",
    "stolen",
    "recovered",
    "found",
    "confirmed",
    "reported",
    "assaulted",
    "targeted",
    "bombed",
    "shelled",
    "withdrawn",
    "present",
    "based",
    "without",
];

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("some", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("close to", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
];

const NOT_COUNTED: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from",
    "were", "was", "are", "is", "have", "had", "has", "who", "which", "that", "as", "per", "this",
    "these", "those", "them", "they", "it", "its", "their", "our", "we", "he", "she", "more",
    "other", "such", "than", "each", "o",
];

struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Punctuation follows the word ("19," in "risen to 19, officials said").
    punct_after: bool,
}

fn split_words(sentence: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in sentence.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, ',' | '.' | '%' | '-' | '$' | '€' | '£');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, sentence, s, i, base);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&mut out, sentence, s, sentence.len(), base);
    }
    out
}

fn push_word<'a>(out: &mut Vec<Word<'a>>, sentence: &'a str, s: usize, e: usize, base: usize) {
    let raw = &sentence[s..e];
    let trimmed = raw
        .trim_end_matches([',', '.', '-'])
        .trim_start_matches(['-', '.', ',']);
    if trimmed.is_empty() {
        return;
    }
    // `trimmed` is a slice of `raw`: its offset is where it starts, no search needed.
    let offset = trimmed.as_ptr() as usize - raw.as_ptr() as usize;
    let after = sentence[s + offset + trimmed.len()..].chars().next();
    out.push(Word {
        text: trimmed,
        start: base + s + offset,
        end: base + s + offset + trimmed.len(),
        punct_after: after
            .is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”')),
    });
}

/// Reads a number at `words[i]`: digits (`2,500`, `3.5`), number words (`thirty-nine`,
/// `two hundred`), scales (`1.2 million`) and vague amounts (`dozens`). Returns value, upper
/// value and how many words it spans.
fn read_number(words: &[Word<'_>], i: usize, decimal_comma: bool) -> Option<(f64, f64, usize)> {
    let w = words[i].text.trim_start_matches(['$', '€', '£']);
    if !may_be_number(w) {
        return None;
    }
    let lower = w.to_lowercase();
    let (mut value, mut used) = if let Some(v) = parse_digits(w, decimal_comma) {
        (v, 1)
    } else if let Some(v) = parse_number_word(&lower) {
        (v, 1)
    } else if let Some(&(_, lo, hi)) = VAGUE.iter().find(|(n, _, _)| *n == lower) {
        let a_dozen = lower == "dozen";
        if a_dozen && !(i > 0 && words[i - 1].text.eq_ignore_ascii_case("a")) {
            return None;
        }
        return Some((lo, hi, 1));
    } else {
        return None;
    };
    // "two hundred", "1.2 million", "thirty-nine thousand"
    while let Some(next) = words.get(i + used) {
        let n = next.text.to_lowercase();
        match SCALES.iter().find(|(s, _)| *s == n) {
            Some(&(_, scale)) => {
                value *= scale;
                used += 1;
            }
            None => match parse_number_word(&n) {
                Some(v) if value >= 100.0 && v < value => {
                    value += v;
                    used += 1;
                }
                _ => break,
            },
        }
    }
    Some((value, value, used))
}

/// Languages that write 2.500,5 for 2,500.5.
pub fn writes_decimal_comma(language: &str) -> bool {
    matches!(
        language,
        "es" | "de"
            | "fr"
            | "it"
            | "pt"
            | "nl"
            | "ru"
            | "pl"
            | "tr"
            | "sv"
            | "da"
            | "nb"
            | "no"
            | "fi"
            | "cs"
            | "ro"
            | "hu"
            | "el"
            | "uk"
            | "bg"
    )
}

/// Digits as a number: "2,500" and "2.5", or, where the language writes a decimal comma,
/// "2.500" and "2,5".
fn parse_digits(w: &str, decimal_comma: bool) -> Option<f64> {
    if decimal_comma {
        let swapped: String = w
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect();
        return parse_digits(&swapped, false);
    }
    let w = w.trim_end_matches('%');
    if !w.starts_with(|c: char| c.is_ascii_digit())
        || !w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // "2,500" and "2.5"; a comma group must be three digits.
    if w.contains(',')
        && !w
            .split(',')
            .skip(1)
            .all(|g| g.len() == 3 || (g.len() > 3 && g[3..].starts_with('.')))
    {
        return None;
    }
    w.replace(',', "").parse().ok()
}

/// Whether a word can start a number at all: not a word that starts with a letter unless it is
/// (or its first hyphenated part is) a number word. Most words of a text are not, and this
/// answers without allocating.
fn may_be_number(word: &str) -> bool {
    static NAMES: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        SMALL
            .iter()
            .map(|(n, _)| *n)
            .chain(VAGUE.iter().map(|(n, _, _)| *n))
            .collect()
    });
    if !word.starts_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    let head = word.split('-').next().unwrap_or(word);
    let mut buf = [0u8; 16];
    if head.len() > buf.len() || !head.is_ascii() {
        return !head.is_ascii();
    }
    let lower = &mut buf[..head.len()];
    lower.copy_from_slice(head.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| names.contains(l))
}

/// Whether a lower-case word is a number written out: a count (`fourteen`, `thirty-nine`), a
/// scale (`million`) or a vague amount (`dozens`).
pub(crate) fn is_number_word(lower: &str) -> bool {
    parse_number_word(lower).is_some()
        || SCALES.iter().any(|(w, _)| *w == lower)
        || VAGUE.iter().any(|(w, _, _)| *w == lower)
}

fn parse_number_word(lower: &str) -> Option<f64> {
    if let Some((tens, ones)) = lower.split_once('-') {
        let t = SMALL.iter().find(|(n, v)| *n == tens && *v >= 20.0)?.1;
        let o = SMALL.iter().find(|(n, v)| *n == ones && *v < 10.0)?.1;
        return Some(t + o);
    }
    SMALL.iter().find(|(n, _)| *n == lower).map(|(_, v)| *v)
}

fn is_month(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Finds the quantities stated in `text`, written as English writes numbers.
pub fn quantities(text: &str) -> Vec<Quantity> {
    quantities_in(text, &sentences(text), false)
}

/// [`quantities`] over sentences already found; `decimal_comma` where the text's language
/// writes 2.500,5 for 2,500.5 (see [`writes_decimal_comma`]).
pub(crate) fn quantities_in(text: &str, spans: &[Span], decimal_comma: bool) -> Vec<Quantity> {
    let mut out = Vec::new();
    for &span in spans {
        let sentence = &text[span.start..span.end];
        let words = split_words(sentence, span.start);
        let mut i = 0;
        while i < words.len() {
            let Some((value, upper, used)) = read_number(&words, i, decimal_comma) else {
                i += 1;
                continue;
            };
            let next = words.get(i + used).map(|w| w.text.to_lowercase());
            let prev = i.checked_sub(1).map(|p| words[p].text.to_lowercase());
            let raw = words[i].text;
            let is_year = used == 1
                && raw.len() == 4
                && !raw.contains(',')
                && (1800.0..=2100.0).contains(&value)
                && !next
                    .as_deref()
                    .is_some_and(|n| n.ends_with('s') && n != "was" && n != "is");
            let is_date =
                prev.as_deref().is_some_and(is_month) || next.as_deref().is_some_and(is_month);
            let is_time = sentence[words[i].end - span.start..].starts_with(':')
                || sentence[..words[i].start - span.start].ends_with(':')
                || next.as_deref().is_some_and(is_clock_word)
                || ["o'clock", "o’clock"].iter().any(|c| {
                    sentence[words[i + used - 1].end - span.start..]
                        .trim_start()
                        .starts_with(c)
                })
                || clock_time_around(&words, i, used);
            let is_ordinal = words[i].text.ends_with("st") || words[i].text.ends_with("th");
            let year_preposition = prev.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "in" | "since"
                        | "from"
                        | "by"
                        | "until"
                        | "of"
                        | "year"
                        | "early"
                        | "late"
                        | "mid"
                )
            });
            let is_year = is_year
                || (year_preposition
                    && used == 1
                    && raw.len() == 4
                    && !raw.contains(',')
                    && (1800.0..=2100.0).contains(&value));
            // "three of them", "two of the injured": a part of a count, not a count.
            let partitive = words
                .get(i + used)
                .is_some_and(|w| w.text.eq_ignore_ascii_case("of"))
                && words.get(i + used + 1).is_some_and(|w| {
                    matches!(
                        w.text.to_lowercase().as_str(),
                        "the"
                            | "them"
                            | "those"
                            | "these"
                            | "whom"
                            | "which"
                            | "us"
                            | "their"
                            | "its"
                    )
                });
            if is_year
                || is_date
                || is_time
                || is_ordinal
                || partitive
                || (value == 1.0 && used == 1 && raw.eq_ignore_ascii_case("one"))
            {
                i += used;
                continue;
            }
            let (qualifier, q_start) = qualifier_before(&words, i);
            let mut noun = counted_noun(&words, i + used);
            let after = i + used + noun.as_ref().map_or(0, |n| n.1);
            let mut event = event_near(&words, i, after);
            // "About 150 times, militants have attacked US forces": what a count of times counts
            // is the clause's event, wherever in the clause it stands.
            if event.is_none() && noun.as_ref().is_some_and(|(n, _)| n == "times") {
                event = words
                    .iter()
                    .skip(after)
                    .take(12)
                    .find_map(|w| canonical_event(&w.text.to_lowercase()));
            }
            // "The number of people injured … has risen to 19": the count is named before it.
            if noun.is_none() {
                if let Some((named, named_event)) = number_of_before(&words, i) {
                    noun = Some((named, 0));
                    event = named_event.or(event);
                }
            }
            let start = q_start.map_or(words[i].start, |q| words[q].start);
            let vague = upper > value;
            out.push(Quantity {
                value,
                upper,
                qualifier: if vague && qualifier == Qualifier::Exact {
                    Qualifier::About
                } else {
                    qualifier
                },
                noun: noun.map(|n| n.0),
                event,
                surface: text[start..words[i + used - 1].end].to_owned(),
                sentence: (span.start, span.end),
            });
            i += used;
        }
    }
    out
}

fn qualifier_before(words: &[Word<'_>], i: usize) -> (Qualifier, Option<usize>) {
    for &(phrase, q) in QUALIFIERS {
        let n = phrase.split(' ').count();
        if i < n {
            continue;
        }
        let candidate: Vec<String> = words[i - n..i]
            .iter()
            .map(|w| w.text.to_lowercase())
            .collect();
        if candidate.join(" ") == phrase {
            return (q, Some(i - n));
        }
    }
    (Qualifier::Exact, None)
}

/// The head noun of the words after a number: up to three words, ending at the first plural
/// or at a function word ("2,500 US soldiers" → "soldiers").
fn counted_noun(words: &[Word<'_>], from: usize) -> Option<(String, usize)> {
    if from == 0 || words[from - 1].punct_after {
        return None;
    }
    // "dozens of homes", "hundreds of people"
    let skip = usize::from(
        words
            .get(from)
            .is_some_and(|w| w.text.eq_ignore_ascii_case("of")),
    );
    let mut first = None;
    for (k, w) in words.iter().skip(from + skip).take(3).enumerate() {
        let k = k + skip;
        if k > 0 && words[from + k - 1].punct_after {
            break;
        }
        let lower = w.text.to_lowercase();
        if NOT_COUNTED.contains(&lower.as_str())
            || !lower.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            break;
        }
        if canonical_event(&lower).is_some() && first.is_none() {
            return None;
        }
        if lower == "people"
            || lower == "children"
            || lower == "men"
            || lower == "women"
            || lower == "police"
            || lower == "personnel"
            || lower == "staff"
            || (lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3)
        {
            return Some((lower, k + 1));
        }
        if first.is_none()
            && lower.chars().count() >= 3
            && !w.text.chars().all(|c| c.is_uppercase())
        {
            first = Some((lower, k + 1));
        }
    }
    first
}

/// A word after a number that makes it a time of day: "5 pm", "8 Uhr", "17 h".
fn is_clock_word(lower: &str) -> bool {
    matches!(
        lower,
        "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "uhr" | "heures" | "heure" | "h"
    )
}

/// A time of day in the words around a number in Spanish, Portuguese or Italian: "a las 5",
/// "às 5", "alle 5", "5 de la mañana", "5 da tarde".
fn clock_time_around(words: &[Word<'_>], i: usize, used: usize) -> bool {
    let lower = |k: usize| words.get(k).map(|w| w.text.to_lowercase());
    let before = |back: usize| i.checked_sub(back).and_then(lower);
    let at_hour = matches!(before(1).as_deref(), Some("las" | "la"))
        && matches!(before(2).as_deref(), Some("a" | "desde" | "hasta"))
        || matches!(before(1).as_deref(), Some("às" | "alle" | "ore"));
    let part_of_day = matches!(lower(i + used).as_deref(), Some("de" | "da" | "del" | "di"))
        && words[i + used + 1..].iter().take(2).any(|w| {
            matches!(
                w.text.to_lowercase().as_str(),
                "mañana"
                    | "tarde"
                    | "noche"
                    | "madrugada"
                    | "manhã"
                    | "noite"
                    | "mattina"
                    | "sera"
                    | "pomeriggio"
            )
        });
    at_hour || part_of_day
}

/// What "the number of …" earlier in the sentence counts, for a number that names no noun
/// of its own ("The number of people injured in the fire has risen to 19"): the counted noun
/// and the event right after it. Only when no other number stands between the two.
fn number_of_before(words: &[Word<'_>], number_at: usize) -> Option<(String, Option<String>)> {
    let k = (0..number_at.saturating_sub(1)).rev().find(|&k| {
        words[k].text.eq_ignore_ascii_case("number") && words[k + 1].text.eq_ignore_ascii_case("of")
    })?;
    if words[k + 2..number_at]
        .iter()
        .any(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let (noun, len) = counted_noun(words, k + 2)?;
    let event = words
        .get(k + 2 + len)
        .filter(|_| k + 2 + len < number_at && !words[k + 1 + len].punct_after)
        .and_then(|w| canonical_event(&w.text.to_lowercase()));
    Some((noun, event))
}

/// The event word of a verb form: "injuring" and "injured" are both "injured".
fn canonical_event(lower: &str) -> Option<String> {
    static BY_STEM: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let stemmer = Stemmer::create(Algorithm::English);
    let by_stem = BY_STEM.get_or_init(|| {
        let mut m = HashMap::new();
        for w in EVENT_WORDS {
            m.entry(stemmer.stem(w).into_owned()).or_insert(*w);
        }
        m
    });
    if let Some(w) = EVENT_WORDS.iter().find(|w| **w == lower) {
        return Some((*w).to_owned());
    }
    // Only verb inflections go through the stem: "targets" is a noun, "targeting" a verb.
    if !(lower.ends_with("ing") || lower.ends_with("ed")) {
        return None;
    }
    by_stem
        .get(stemmer.stem(lower).as_ref())
        .map(|w| (*w).to_owned())
}

fn event_near(words: &[Word<'_>], number_at: usize, after: usize) -> Option<String> {
    let is_event = |w: &Word<'_>| canonical_event(&w.text.to_lowercase());
    // After the counted noun first ("39 people were killed"), then before the number
    // ("killed 39 people").
    words
        .iter()
        .skip(after)
        .take(4)
        .find_map(is_event)
        .or_else(|| {
            // Back within the number's own clause: in "up from 12 reported on Tuesday, after
            // four firefighters", "reported" is not what happened to the firefighters. Nor past
            // an "of": in "reported revenue of 310 million crowns" the verb's object is the
            // revenue.
            words[number_at.saturating_sub(5)..number_at]
                .iter()
                .rev()
                .take_while(|w| !w.punct_after && !w.text.eq_ignore_ascii_case("of"))
                .find_map(is_event)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_counts_with_nouns_and_events() {
        let q = quantities("US strikes against 85 targets in Iraq and Syria killed 39 people, including civilians.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].value, q[0].noun.as_deref()), (85.0, Some("targets")));
        assert_eq!(
            (q[1].value, q[1].noun.as_deref(), q[1].event.as_deref()),
            (39.0, Some("people"), Some("killed"))
        );
    }

    #[test]
    fn qualifiers_and_words() {
        let q = quantities("At least thirty-nine people were injured. About 150 times, militias attacked. With 2,500 US soldiers, it stays.");
        assert_eq!(q[0].value, 39.0);
        assert_eq!(q[0].qualifier, Qualifier::AtLeast);
        assert_eq!(q[0].event.as_deref(), Some("injured"));
        assert_eq!(q[1].value, 150.0);
        assert_eq!(q[1].qualifier, Qualifier::About);
        assert_eq!(q[1].noun.as_deref(), Some("times"));
        assert_eq!(q[1].event.as_deref(), Some("attacked"));
        // A count of times counts the clause's event, however far into the clause.
        let times = quantities(
            "About 150 times, gunmen with ties to Iran have assaulted US forces in Syria and Iraq.",
        );
        assert_eq!(times[0].event.as_deref(), Some("assaulted"), "{times:?}");
        assert_eq!(q[2].value, 2500.0);
        assert_eq!(q[2].noun.as_deref(), Some("soldiers"));
    }

    /// A language that writes a decimal comma groups thousands with a point: "46.000" in a
    /// Spanish text is forty-six thousand, "2,5" two and a half; in English, 46.0.
    #[test]
    fn numbers_in_the_texts_own_convention() {
        let text = "Unos 46.000 hogares quedaron sin luz y cayeron 2,5 toneladas de granizo.";
        let q = quantities_in(text, &sentences(text), true);
        assert_eq!(q[0].value, 46000.0, "{q:?}");
        assert_eq!(q[0].noun.as_deref(), Some("hogares"));
        assert_eq!(q[1].value, 2.5, "{q:?}");
        assert_eq!(quantities("About 46.000 homes lost power.")[0].value, 46.0);
        assert!(writes_decimal_comma("es") && !writes_decimal_comma("en"));
    }

    #[test]
    fn skips_years_dates_and_times() {
        let q = quantities("The group took territory in 2014 and lost it in December 2017. On March 3 at 10:15 nothing happened.");
        assert!(q.is_empty(), "{q:?}");
        let q = quantities("The alert ended at 10 o'clock. Die Warnung endete um 8 Uhr.");
        assert!(q.is_empty(), "{q:?}");
        let text = "Levantó la alerta roja a las 5 de la mañana y la naranja hasta las 9.";
        let q = quantities_in(text, &sentences(text), true);
        assert!(q.is_empty(), "{q:?}");
        // Hours counted are a count: "durante 5 horas".
        let text = "El corte duró 5 horas.";
        assert_eq!(quantities_in(text, &sentences(text), true).len(), 1);
    }

    #[test]
    fn parts_and_years_after_prepositions_are_not_counts() {
        let q = quantities("At least 12 people were injured, three of them critically. The bridge, built in 1971 carries traffic.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].value, 12.0);
    }

    #[test]
    fn an_event_is_looked_for_back_in_the_number_s_own_clause_only() {
        let q = quantities("Injuries rose to 19, up from 12 reported on Tuesday, after four firefighters sought treatment.");
        let four = q.iter().find(|q| q.value == 4.0).expect("four");
        assert_eq!(four.noun.as_deref(), Some("firefighters"));
        assert_eq!(four.event, None, "{four:?}");
        let q = quantities("Two primary schools in Greyhaven were shut as a precaution.");
        assert_eq!(q[0].event.as_deref(), Some("shut"), "{q:?}");
        let q = quantities("The company reported revenue of 310 million crowns last year.");
        assert_eq!(q[0].event, None, "{q:?}");
        let q = quantities("The blast killed 39 people.");
        assert_eq!(q[0].event.as_deref(), Some("killed"), "{q:?}");
    }

    #[test]
    fn inflected_events_and_punctuation() {
        let q = quantities("The blaze spread fast, injuring at least 12 people. The toll has risen to 19, officials said.");
        assert_eq!(q[0].event.as_deref(), Some("injured"));
        assert_eq!(q[1].noun, None);
    }

    #[test]
    fn the_number_of_names_what_a_bare_count_counts() {
        let q = quantities("The number of people injured in Monday night's fire has risen to 19, officials said. The toll has risen to 21.");
        assert_eq!(
            (q[0].value, q[0].noun.as_deref(), q[0].event.as_deref()),
            (19.0, Some("people"), Some("injured")),
            "{q:?}"
        );
        assert_eq!(q[1].noun, None);
    }

    #[test]
    fn scales_and_vague_amounts() {
        let q = quantities(
            "The fund holds $1.2 million. Dozens of homes burned and hundreds of people fled.",
        );
        assert_eq!(q[0].value, 1_200_000.0);
        assert_eq!(q[1].qualifier, Qualifier::About);
        assert_eq!((q[1].value, q[1].upper), (24.0, 99.0));
        assert_eq!(q[2].value, 200.0);
    }
}
