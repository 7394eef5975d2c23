//! The scoring rules of the data README, as pure functions over strings.
//!
//! - **aeb** (Zyte article-extraction-benchmark): tokens are Unicode `\w+` runs with case kept;
//!   each page's truth and prediction become multisets of 4-token shingles; tp = Σ min, fp = Σ
//!   excess predicted, fn = Σ excess true, and the three are divided by their sum so that every
//!   page weighs the same. Precision is the mean of tp/(tp+fp) over the pages with tp+fp > 0 (a
//!   page with an empty prediction is left out of precision but scores 0 in recall), recall the
//!   mean of tp/(tp+fn) over the pages with tp+fn > 0, and F1 the harmonic mean of those two
//!   means. A text with 1 to 3 tokens is one shorter shingle of all its tokens (as the benchmark's
//!   own `evaluate.py` does); an empty text has no shingles. Accuracy is the share of pages whose
//!   token sequences are identical.
//! - **wcxb**: tokens are lowercase `\w+` runs; per page, bag-of-words (multiset) overlap
//!   precision, recall and F1; an empty reference scores 1 for an empty prediction and 0 for any
//!   other. Snippets (`with`, `without`) are found by case-insensitive substring after collapsing
//!   runs of whitespace to one space on both sides (extractors differ in where they break lines).
//! - **metadata**: strings are folded (lowercase, whitespace runs collapsed, trimmed); a lenient
//!   match compares lowercase `\w+` token sequences, one contained in the other.

use std::collections::HashMap;

/// Python's `\w` in Unicode mode, closely: letters, digits and other numerics, underscore.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` runs of `text`, in order, as they are.
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The `\w+` runs of `text`, lowercased.
pub fn lower_words(text: &str) -> Vec<String> {
    words(text).into_iter().map(str::to_lowercase).collect()
}

/// One page's normalised shingle counts (they sum to 1, or are all 0 when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Shingles {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl Shingles {
    /// This page's precision, as the benchmark defines it.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// This page's recall, as the benchmark defines it.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// This page's F1 (for ranking pages; the benchmark's F1 is of the means).
    pub fn f1(&self) -> f64 {
        harmonic(self.precision(), self.recall())
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn shingle_multiset<'a>(tokens: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < n {
        out.insert(tokens, 1);
        return out;
    }
    for w in tokens.windows(n) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// The aeb per-page counts of `pred` against `truth` (4-token shingles, case kept).
pub fn aeb_page(truth: &str, pred: &str) -> Shingles {
    let t = words(truth);
    let p = words(pred);
    let ts = shingle_multiset(&t, 4);
    let ps = shingle_multiset(&p, 4);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &tc) in &ts {
        let pc = ps.get(k).copied().unwrap_or(0);
        tp += tc.min(pc);
        fn_ += tc.saturating_sub(pc);
    }
    for (k, &pc) in &ps {
        let tc = ts.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return Shingles::default();
    }
    Shingles {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Whether two texts have the same `\w+` token sequence (aeb accuracy).
pub fn same_tokens(truth: &str, pred: &str) -> bool {
    words(truth) == words(pred)
}

/// The aeb scores of a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AebScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
    pub pages: usize,
}

/// Aggregates per-page counts (and whether each page's tokens were identical) as the README says.
pub fn aeb_aggregate(pages: &[(Shingles, bool)]) -> AebScore {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let precision = mean(
        pages
            .iter()
            .filter(|(s, _)| s.tp + s.fp > 0.0)
            .map(|(s, _)| s.precision())
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|(s, _)| s.tp + s.fn_ > 0.0)
            .map(|(s, _)| s.recall())
            .collect(),
    );
    let exact = pages.iter().filter(|(_, same)| *same).count();
    AebScore {
        precision,
        recall,
        f1: harmonic(precision, recall),
        accuracy: if pages.is_empty() {
            0.0
        } else {
            exact as f64 / pages.len() as f64
        },
        pages: pages.len(),
    }
}

/// Bag-of-words precision, recall and F1 of one page (wcxb).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bow {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The wcxb per-page score: lowercase `\w+` multisets; an empty reference scores 1 only for an
/// empty prediction.
pub fn bow_page(truth: &str, pred: &str) -> Bow {
    let t = lower_words(truth);
    let p = lower_words(pred);
    if t.is_empty() {
        let v = if p.is_empty() { 1.0 } else { 0.0 };
        return Bow {
            precision: v,
            recall: v,
            f1: v,
        };
    }
    if p.is_empty() {
        return Bow::default();
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &t {
        *counts.entry(w.as_str()).or_insert(0) += 1;
    }
    let mut overlap = 0usize;
    for w in &p {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    let precision = overlap as f64 / p.len() as f64;
    let recall = overlap as f64 / t.len() as f64;
    Bow {
        precision,
        recall,
        f1: harmonic(precision, recall),
    }
}

/// Lowercase with whitespace runs collapsed to one space, trimmed.
pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How many of `snippets` occur in `text` (case-insensitive, whitespace collapsed); empty
/// snippets are not counted. Returns (found, counted).
pub fn snippets_found(snippets: &[String], text: &str) -> (usize, usize) {
    let hay = fold(text);
    let mut found = 0;
    let mut total = 0;
    for s in snippets {
        let needle = fold(s);
        if needle.is_empty() {
            continue;
        }
        total += 1;
        if hay.contains(&needle) {
            found += 1;
        }
    }
    (found, total)
}

/// Strict metadata agreement: equal after folding (and both non-empty).
pub fn strict_match(truth: &str, ours: &str) -> bool {
    let t = fold(truth);
    !t.is_empty() && t == fold(ours)
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Lenient metadata agreement: the lowercase `\w+` token sequence of one contains the other's
/// (punctuation, a site-name suffix, "By", credentials such as "MS, RD" are forgiven).
pub fn lenient_match(truth: &str, ours: &str) -> bool {
    let t = lower_words(truth);
    let o = lower_words(ours);
    contains_seq(&t, &o) || contains_seq(&o, &t)
}

/// Lenient author agreement: any one of our names is contained in the truth (as a token
/// sequence) or the truth in it. A truth "A, B and C" matches when we found any of A, B, C.
pub fn authors_lenient(truth: &str, ours: &[String]) -> bool {
    ours.iter().any(|name| lenient_match(truth, name))
}

/// Strict author agreement: the truth equals our names written as a list in one of the usual
/// ways after folding: joined by ", ", " and " or " & ", or "A, B and C" / "A, B, and C" /
/// "A, B & C" (a name list is the same list however its last separator is written).
pub fn authors_strict(truth: &str, ours: &[String]) -> bool {
    if ours.is_empty() {
        return false;
    }
    let mut forms = vec![ours.join(", "), ours.join(" and "), ours.join(" & ")];
    if let Some((last, head)) = ours.split_last().filter(|(_, h)| h.len() >= 2) {
        let head = head.join(", ");
        for sep in [" and ", ", and ", " & "] {
            forms.push(format!("{head}{sep}{last}"));
        }
    }
    forms.iter().any(|f| strict_match(truth, f))
}

/// Dates agree on the day: the first ten characters (`YYYY-MM-DD`) are equal.
pub fn same_day(truth: &str, ours: &str) -> bool {
    let t = truth.trim();
    let o = ours.trim();
    t.len() >= 10 && o.len() >= 10 && t.get(..10).is_some() && t.get(..10) == o.get(..10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn words_are_unicode_word_runs() {
        assert_eq!(
            words("Ça coûte 3,50 € — l'été_2024!"),
            vec!["Ça", "coûte", "3", "50", "l", "été_2024"]
        );
        assert_eq!(words("  "), Vec::<&str>::new());
        assert_eq!(lower_words("Hello WORLD"), vec!["hello", "world"]);
    }

    #[test]
    fn aeb_identical_texts_score_one() {
        let t = "The quick brown fox jumps over the lazy dog.";
        let s = aeb_page(t, "The quick brown fox\n\njumps over the lazy dog");
        assert!(close(s.tp, 1.0) && s.fp == 0.0 && s.fn_ == 0.0);
        assert!(same_tokens(
            t,
            "The quick brown fox\n\njumps over the lazy dog"
        ));
        let agg = aeb_aggregate(&[(s, true)]);
        assert!(close(agg.precision, 1.0) && close(agg.recall, 1.0) && close(agg.f1, 1.0));
        assert!(close(agg.accuracy, 1.0));
    }

    #[test]
    fn aeb_disjoint_texts_score_zero() {
        let s = aeb_page("one two three four five", "six seven eight nine ten");
        // 2 true shingles missed, 2 predicted shingles wrong.
        assert!(close(s.tp, 0.0) && close(s.fp, 0.5) && close(s.fn_, 0.5));
        let agg = aeb_aggregate(&[(s, false)]);
        assert_eq!(agg.f1, 0.0);
        assert_eq!(agg.accuracy, 0.0);
    }

    #[test]
    fn aeb_partial_overlap_and_case() {
        // Truth: 6 tokens -> 3 shingles; prediction adds two tokens -> 5 shingles, 3 shared.
        let s = aeb_page("a b c d e f", "x y a b c d e f");
        assert!(close(s.tp, 3.0 / 5.0) && close(s.fp, 2.0 / 5.0) && s.fn_ == 0.0);
        assert!(close(s.precision(), 0.6) && close(s.recall(), 1.0));
        // Case is kept: "A" is not "a".
        let c = aeb_page("a b c d", "A b c d");
        assert_eq!(c.tp, 0.0);
    }

    #[test]
    fn aeb_short_texts_are_one_shingle() {
        let s = aeb_page("Hello world", "hello world");
        assert_eq!(s.tp, 0.0);
        let s = aeb_page("Hello world", "Hello, world!");
        assert!(close(s.tp, 1.0));
    }

    #[test]
    fn aeb_means_skip_undefined_pages() {
        // Page 1 perfect; page 2 empty prediction: out of precision, 0 in recall.
        let perfect = aeb_page("a b c d e", "a b c d e");
        let empty = aeb_page("a b c d e", "");
        assert!(close(empty.fn_, 1.0));
        let agg = aeb_aggregate(&[(perfect, true), (empty, false)]);
        assert!(close(agg.precision, 1.0));
        assert!(close(agg.recall, 0.5));
        assert!(close(agg.f1, 2.0 * 0.5 / 1.5));
        assert!(close(agg.accuracy, 0.5));
        // Both empty: counts all zero, out of both means.
        let none = aeb_page("", "");
        assert_eq!(none, Shingles::default());
        let agg = aeb_aggregate(&[(perfect, true), (none, true)]);
        assert!(close(agg.precision, 1.0) && close(agg.recall, 1.0));
    }

    #[test]
    fn bow_overlap_and_empty_reference() {
        let b = bow_page("The cat sat on the mat", "the cat the dog");
        // Overlap: the, cat, the = 3; |pred| = 4; |truth| = 6.
        assert!(close(b.precision, 0.75) && close(b.recall, 0.5));
        assert!(close(b.f1, 0.6));
        assert_eq!(bow_page("", "").f1, 1.0);
        assert_eq!(bow_page("  ", "...").f1, 1.0);
        assert_eq!(bow_page("", "anything").f1, 0.0);
        assert_eq!(bow_page("something", "").f1, 0.0);
        assert_eq!(bow_page("Same Words", "same words").f1, 1.0);
    }

    #[test]
    fn snippets_case_and_whitespace() {
        let snips = vec![
            "Hello World".to_owned(),
            "not there".to_owned(),
            "  ".to_owned(),
        ];
        assert_eq!(snippets_found(&snips, "say hello\n world now"), (1, 2));
    }

    #[test]
    fn metadata_matching() {
        assert!(strict_match("Storm  Hits Coast", "storm hits coast"));
        assert!(!strict_match(
            "Storm hits coast | Daily",
            "Storm hits coast"
        ));
        assert!(lenient_match(
            "Storm hits coast | Daily",
            "Storm hits coast"
        ));
        assert!(!strict_match("", ""));
        let ours = vec!["Dylan Bailey".to_owned()];
        assert!(!authors_strict("Dylan Bailey, MS, RD, FAND", &ours));
        assert!(authors_lenient("Dylan Bailey, MS, RD, FAND", &ours));
        let two = vec!["Ann Lee".to_owned(), "Bo Kim".to_owned()];
        assert!(authors_strict("Ann Lee, Bo Kim", &two));
        assert!(authors_strict("ann lee and bo kim", &two));
        assert!(authors_strict("Ann Lee & Bo Kim", &two));
        let three = vec!["A Li".to_owned(), "B Ng".to_owned(), "C Wu".to_owned()];
        assert!(authors_strict("A Li, B Ng, and C Wu", &three));
        assert!(authors_strict("A Li, B Ng and C Wu", &three));
        assert!(!authors_strict("A Li, B Ng", &three));
        assert!(!authors_lenient("Carl Diaz", &two));
        assert!(same_day("2024-02-29", "2024-02-29T10:15:00+01:00"));
        assert!(!same_day("2024-02-29", "2024-03-01"));
        assert!(!same_day("2024", "2024"));
    }
}
