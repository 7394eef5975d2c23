//! Reworded copies: spun rewrites and translations of one article into other words.
//!
//! Such copies share few exact word runs, but they still say the same things in the same order:
//! sentence after sentence of the copy maps onto a sentence of the original, with the same
//! rare words (stemmed), names and numbers. Two outlets writing their own stories about one
//! event share names and numbers too, but not that sentence-by-sentence order. So the scorer
//! aligns the two texts' sentences monotonically (each sentence pair scored by the IDF-weighted
//! overlap of their stems) and measures how much of the shorter text the alignment covers,
//! beside the bag-of-stems cosine and the shared numbers and names. A small logistic model
//! ([`RewriteModel`], learned by `newsdesk-eval copies --train` and shipped in
//! `rewrite-model.json`) turns these into the probability of a copy.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use newsdesk_text::script::{character_pairs, is_full_width_stop, is_hangul, runs, word_count};
use newsdesk_text::{is_stopword, stemmer_for, writes_decimal_comma, Analysis};

/// What the rewrite scorer keeps of an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CopyProfile {
    /// Per sentence, its distinct content stems.
    pub sentences: Vec<Vec<String>>,
    /// Numbers as values ("68", "2500"), distinct.
    pub numbers: Vec<String>,
    /// Entity keys, distinct.
    pub entities: Vec<String>,
    /// Names and numbers in the order the text first gives them: a copy tells its facts in
    /// the original's order, an independent report in its own.
    #[serde(default)]
    pub sequence: Vec<String>,
    /// The language the profile was made in (ISO 639-1): stems only compare within one.
    #[serde(default)]
    pub language: String,
    /// The text's direct quotes, as written.
    #[serde(default)]
    pub quotes: Vec<String>,
}

/// A number as written, in the text's convention, to its value ("2.500" in Spanish is 2500).
fn number_value(written: &str, language: &str) -> Option<f64> {
    let w = written.trim_matches(['.', ',']);
    let normal = if writes_decimal_comma(language) {
        w.replace('.', "").replace(',', ".")
    } else {
        w.replace(',', "")
    };
    normal.parse().ok()
}

/// Builds an article's profile from its text and analysis.
pub fn profile(text: &str, analysis: &Analysis) -> CopyProfile {
    let stemmer = stemmer_for(&analysis.language);
    let mut out = CopyProfile::default();
    for sentence in clauses(text) {
        let mut stems: Vec<String> = Vec::new();
        for piece in sentence.split(|c: char| !c.is_alphanumeric()) {
            // Runs of Chinese, Japanese or Thai, and Korean words, are compared by their
            // character pairs.
            for (run, unspaced) in runs(piece) {
                if unspaced || run.starts_with(is_hangul) {
                    stems.extend(character_pairs(run));
                    continue;
                }
                if run.chars().count() < 2 || run.starts_with('$') {
                    continue;
                }
                let w = run.to_lowercase();
                if is_stopword(&w, &analysis.language) || w.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                stems.push(match &stemmer {
                    Some(s) => s.stem(&w).into_owned(),
                    None => w,
                });
            }
        }
        stems.sort_unstable();
        stems.dedup();
        if !stems.is_empty() {
            out.sentences.push(stems);
        }
    }
    out.language = analysis.language.clone();
    out.quotes = analysis.quotes.iter().map(|q| q.text.clone()).collect();
    // Quantities are read by English rules; other languages' numbers come from the scan below.
    let mut numbers: Vec<String> = if analysis.language == "en" {
        analysis
            .quantities
            .iter()
            .map(|q| format!("{}", q.value))
            .collect()
    } else {
        Vec::new()
    };
    // Bare numbers that name no quantity (dates, scores, ages) are evidence too.
    numbers.extend(
        text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .filter_map(|w| number_value(w, &analysis.language))
            .map(|v| format!("{v}")),
    );
    numbers.sort_unstable();
    numbers.dedup();
    out.numbers = numbers;
    let mut entities: Vec<String> = analysis.entities.iter().map(|e| e.key.clone()).collect();
    entities.sort_unstable();
    entities.dedup();
    out.entities = entities;
    let mut placed: Vec<(usize, String)> = analysis
        .entities
        .iter()
        .filter_map(|e| text.find(&e.text).map(|at| (at, e.key.clone())))
        .collect();
    let mut at = 0;
    for piece in text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')) {
        if let Some(v) =
            number_value(piece, &analysis.language).filter(|v| *v >= 10.0 && v.fract() == 0.0)
        {
            placed.push((at, format!("#{v}")));
        }
        at += piece.len() + 1;
    }
    placed.sort();
    let mut seen = HashSet::new();
    out.sequence = placed
        .into_iter()
        .map(|(_, k)| k)
        .filter(|k| seen.insert(k.clone()))
        .collect();
    out
}

/// Longest common subsequence of two sequences, as a share of the items they share: 1 when
/// the shared names and numbers come in the same order.
fn order_agreement(a: &[String], b: &[String]) -> f32 {
    let in_b: HashSet<&String> = b.iter().collect();
    let in_a: HashSet<&String> = a.iter().collect();
    let a: Vec<&String> = a.iter().filter(|x| in_b.contains(x)).take(200).collect();
    let b: Vec<&String> = b.iter().filter(|x| in_a.contains(x)).take(200).collect();
    if a.len() < 2 {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in &a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as f32 / a.len().min(b.len()) as f32
}

/// Sentence-like pieces for alignment. Machine translations break the rules a sentence
/// splitter relies on (a lower-case word after a period, a spaced " . "), so any period,
/// question or exclamation mark, semicolon or line break followed by space ends a piece here,
/// and so does a Chinese or Japanese stop (`。`), which no space follows.
fn clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let full_width = (b >= 0xE0)
            .then(|| text[i..].chars().next())
            .flatten()
            .filter(|&c| is_full_width_stop(c) || c == '；');
        let ends = matches!(b, b'.' | b'!' | b'?' | b';')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
            || b == b'\n'
            || full_width.is_some();
        if ends {
            let end = i + full_width.map_or(1, char::len_utf8);
            // Initials and abbreviations ("U.S.", "Mr.") make short pieces; keep them attached.
            if word_count(&text[start..i]) >= 4 || b == b'\n' {
                out.push(&text[start..end]);
                start = end;
            }
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The names of the rewrite model's features, in order.
pub const REWRITE_FEATURES: [&str; 6] = [
    "aligned_coverage",
    "bag_cosine",
    "shared_numbers",
    "shared_entities",
    "length_ratio",
    "fact_order",
];

/// Number of rewrite features.
pub const REWRITE_FEATURE_COUNT: usize = REWRITE_FEATURES.len();

/// Evidence for (or against) one article being a reworded copy of another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RewriteEvidence {
    pub features: [f32; REWRITE_FEATURE_COUNT],
    /// Aligned sentence pairs (index in the first text, index in the second, similarity).
    pub aligned: Vec<(usize, usize, f32)>,
    pub shared_numbers: Vec<String>,
    pub shared_entities: Vec<String>,
    /// Quotes of the first text that the second gives too (most of their words alike).
    #[serde(default)]
    pub shared_quotes: Vec<String>,
}

/// Sentence pairs scoring below this do not align.
const MIN_SENTENCE_SIMILARITY: f32 = 0.15;

/// Stems numbered once across comparisons, so the alignment's inner loop compares integers
/// and looks weights up in a slice. One table serves an article and all its candidates: each
/// stem is weighed once, and the article's side is prepared once.
#[derive(Debug, Default)]
pub struct StemTable {
    ids: FxHashMap<String, u32>,
    weights: Vec<f32>,
}

/// One text made ready for comparison against a [`StemTable`]: its sentences (at most
/// [`MAX_SENTENCES`]) as sorted stem ids with their total weight, the bag of those stems, and
/// each quote's words.
#[derive(Debug, Clone)]
pub struct PreparedText {
    sentences: Vec<(Vec<u32>, f32)>,
    bag: Vec<u32>,
    quote_words: Vec<HashSet<String>>,
}

/// A prepared text with its stems indexed by sentence: the first side of
/// [`compare_prepared`], indexed once however many texts it is compared with.
#[derive(Debug, Clone)]
pub struct IndexedText {
    text: PreparedText,
    postings: Postings,
}

impl PreparedText {
    /// Indexes the text's stems by sentence, for [`compare_prepared`].
    pub fn indexed(self) -> IndexedText {
        IndexedText {
            postings: Postings::new(&self.sentences, &self.bag),
            text: self,
        }
    }
}

/// Which sentences hold each stem, for the stems `first..first + starts.len() - 1`: the
/// sentences of stem `t` are `sentences[starts[t - first]..starts[t - first + 1]]`, in order.
/// Sentence pairs that share no stem score nothing, and most pairs share none: going through
/// one text's stems to the other's sentences touches only the pairs that do.
#[derive(Debug, Clone, Default)]
struct Postings {
    first: u32,
    starts: Vec<u32>,
    sentences: Vec<u32>,
}

impl Postings {
    fn new(text: &[(Vec<u32>, f32)], bag: &[u32]) -> Postings {
        let (Some(&first), Some(&last)) = (bag.first(), bag.last()) else {
            return Postings::default();
        };
        let span = (last - first) as usize + 1;
        let mut starts = vec![0u32; span + 1];
        for (stems, _) in text {
            for &t in stems {
                starts[(t - first) as usize + 1] += 1;
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill = starts.clone();
        let mut sentences = vec![0u32; starts[span] as usize];
        for (i, (stems, _)) in text.iter().enumerate() {
            for &t in stems {
                let slot = &mut fill[(t - first) as usize];
                sentences[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        Postings {
            first,
            starts,
            sentences,
        }
    }

    /// The sentences that hold stem `t`, in order.
    fn of(&self, t: u32) -> &[u32] {
        let Some(k) = t.checked_sub(self.first).map(|k| k as usize) else {
            return &[];
        };
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.sentences[a as usize..b as usize],
            _ => &[],
        }
    }
}

impl StemTable {
    /// Numbers `profile`'s stems (weighing new ones with `weigh`) and prepares its text.
    pub fn prepare(&mut self, profile: &CopyProfile, weigh: &impl Fn(&str) -> f32) -> PreparedText {
        let sentences: Vec<(Vec<u32>, f32)> = profile.sentences
            [..profile.sentences.len().min(MAX_SENTENCES)]
            .iter()
            .map(|sentence| {
                let mut v: Vec<u32> = sentence
                    .iter()
                    .map(|t| match self.ids.get(t.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = self.weights.len() as u32;
                            self.weights.push(weigh(t));
                            self.ids.insert(t.clone(), id);
                            id
                        }
                    })
                    .collect();
                v.sort_unstable();
                v.dedup();
                let weight = v.iter().map(|&t| self.weights[t as usize]).sum();
                (v, weight)
            })
            .collect();
        let mut bag: Vec<u32> = sentences
            .iter()
            .flat_map(|(s, _)| s.iter().copied())
            .collect();
        bag.sort_unstable();
        bag.dedup();
        PreparedText {
            sentences,
            bag,
            quote_words: profile.quotes.iter().map(|q| quote_words(q)).collect(),
        }
    }
}

/// Sentences compared per text, so a long article cannot make one comparison slow.
const MAX_SENTENCES: usize = 80;

/// Compares two profiles; `idf` weighs a stem (plain stems, no prefix).
pub fn compare(a: &CopyProfile, b: &CopyProfile, idf: &impl Fn(&str) -> f32) -> RewriteEvidence {
    let mut table = StemTable::default();
    let pa = table.prepare(a, idf).indexed();
    let pb = table.prepare(b, idf);
    compare_prepared(a, &pa, b, &pb, &table)
}

/// [`compare`] on texts prepared with one [`StemTable`], the first one indexed.
pub fn compare_prepared(
    a: &CopyProfile,
    indexed: &IndexedText,
    b: &CopyProfile,
    pb: &PreparedText,
    table: &StemTable,
) -> RewriteEvidence {
    let pa = &indexed.text;
    let (sa, sb) = (&pa.sentences, &pb.sentences);
    let weights = &table.weights;
    let (n, m) = (sa.len(), sb.len());
    // Each pair's IDF-weighted Dice overlap, summed over the stems it shares, in `sim` (flat,
    // row-major, n×m). For each of the second text's sentences, its stems (in increasing
    // order) lead to the first text's sentences that hold them: the same sums, in the same
    // order, as merging every pair's stem lists, without visiting the pairs that share nothing.
    let mut sim = vec![0f32; n * m];
    let mut shared = vec![0f32; n];
    for (j, (stems, wb)) in sb.iter().enumerate() {
        shared.fill(0.0);
        for &t in stems {
            for &i in indexed.postings.of(t) {
                shared[i as usize] += weights[t as usize];
            }
        }
        for (i, &common) in shared.iter().enumerate() {
            let wa = sa[i].1;
            if common > 0.0 && wa + wb > 0.0 {
                let s = 2.0 * common / (wa + wb);
                if s >= MIN_SENTENCE_SIMILARITY {
                    sim[i * m + j] = s;
                }
            }
        }
    }
    // Monotone alignment: best total similarity with order kept and skips free; `best` is
    // flat, row-major, (n+1)×(m+1).
    let w = m + 1;
    let mut best = vec![0f32; (n + 1) * w];
    for i in 1..=n {
        for j in 1..=m {
            best[i * w + j] = best[(i - 1) * w + j]
                .max(best[i * w + j - 1])
                .max(best[(i - 1) * w + j - 1] + sim[(i - 1) * m + j - 1]);
        }
    }
    let mut aligned = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = sim[(i - 1) * m + j - 1];
        if here > 0.0 && (best[i * w + j] - (best[(i - 1) * w + j - 1] + here)).abs() < 1e-6 {
            aligned.push((i - 1, j - 1, here));
            i -= 1;
            j -= 1;
        } else if best[(i - 1) * w + j] >= best[i * w + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    aligned.reverse();
    let coverage = if n.min(m) > 0 {
        (best[n * w + m] / n.min(m) as f32).min(1.0)
    } else {
        0.0
    };

    let (bag_a, bag_b) = (&pa.bag, &pb.bag);
    let norm = |bag: &[u32]| {
        bag.iter()
            .map(|&t| weights[t as usize].powi(2))
            .sum::<f32>()
            .sqrt()
    };
    let dot: f32 = {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < bag_a.len() && j < bag_b.len() {
            match bag_a[i].cmp(&bag_b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += weights[bag_a[i] as usize].powi(2);
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    };
    let bag = if norm(bag_a) * norm(bag_b) > 0.0 {
        dot / (norm(bag_a) * norm(bag_b))
    } else {
        0.0
    };

    // Numbers and names are sorted and distinct in a profile: their intersection is a merge.
    let shared = |x: &[String], y: &[String]| -> Vec<String> {
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.push(x[i].clone());
                    i += 1;
                    j += 1;
                }
            }
        }
        out
    };
    let jaccard = |x: &[String], y: &[String], shared: usize| {
        let union = x.len() + y.len() - shared;
        if union == 0 {
            0.0
        } else {
            shared as f32 / union as f32
        }
    };
    let shared_numbers = shared(&a.numbers, &b.numbers);
    let shared_entities = shared(&a.entities, &b.entities);
    let words = |p: &CopyProfile| p.sentences.iter().map(Vec::len).sum::<usize>().max(1) as f32;
    let ratio = words(a).min(words(b)) / words(a).max(words(b));
    RewriteEvidence {
        features: [
            coverage,
            bag,
            jaccard(&a.numbers, &b.numbers, shared_numbers.len()),
            jaccard(&a.entities, &b.entities, shared_entities.len()),
            ratio,
            order_agreement(&a.sequence, &b.sequence),
        ],
        aligned,
        shared_numbers,
        shared_entities,
        shared_quotes: shared_quotes(&a.quotes, &pa.quote_words, &pb.quote_words),
    }
}

/// A quote's distinct words, lower-cased.
fn quote_words(q: &str) -> HashSet<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Quotes of `a` (with their words, `mine`) that the other text gives too (`theirs`, its
/// quotes' words): at least seven in ten of the shorter one's words in the other, so a trimmed
/// quote still counts.
fn shared_quotes(
    a: &[String],
    mine: &[HashSet<String>],
    theirs: &[HashSet<String>],
) -> Vec<String> {
    a.iter()
        .zip(mine)
        .filter(|(_, mine)| {
            mine.len() >= 3
                && theirs.iter().any(|t| {
                    let shared = mine.intersection(t).count();
                    shared * 10 >= mine.len().min(t.len()) * 7
                })
        })
        .map(|(q, _)| q.clone())
        .collect()
}

/// Logistic copy-or-not model over [`REWRITE_FEATURES`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RewriteModel {
    pub bias: f32,
    pub weights: Vec<f32>,
    /// Lowest probability for calling a pair a copy.
    pub threshold: f32,
    #[serde(default)]
    pub trained_on: String,
}

impl RewriteModel {
    /// The model shipped with newsdesk.
    pub fn shipped() -> RewriteModel {
        serde_json::from_str(include_str!("rewrite-model.json"))
            .expect("the shipped model file is valid")
    }

    pub fn probability(&self, f: &[f32]) -> f32 {
        let z = self.bias + self.weights.iter().zip(f).map(|(w, x)| w * x).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// IDF from plain document frequencies of stems, smoothed for a young archive.
pub fn idf_from(df: &HashMap<String, u32>, documents: u64) -> impl Fn(&str) -> f32 + '_ {
    move |t: &str| {
        let d = df.get(t).copied().unwrap_or(0) as f32;
        ((documents as f32 + 50.0) / (d + 1.0)).ln().max(0.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prof(text: &str) -> CopyProfile {
        profile(text, &newsdesk_text::analyze("", text, Some("en")))
    }

    const ORIGINAL: &str = "An Iraqi official reported on Saturday that 68 Iraqi civilians were killed in the American and British bombing of Iraq. Their funerals were held today in Baghdad. The official said the dead included women and children from three villages near Basra.";
    const SPUN: &str = "Baghdad: an official of Iraq stated Saturday that 68 civilians of Iraq died because of the British and American strikes on Iraq. Their funeral took place in Baghdad today. The dead included children and women from three villages close to Basra, the official said.";
    const OTHER: &str = "American and British warplanes struck Iraq for a third night on Saturday, the Pentagon said. Baghdad said 68 civilians had died since the strikes began. In Washington, officials said the campaign would end soon, and Basra was quiet.";

    #[test]
    fn rewrite_aligns_better_than_a_report_of_the_same_event() {
        let idf = |_: &str| 1.0;
        let copy = compare(&prof(ORIGINAL), &prof(SPUN), &idf);
        let other = compare(&prof(ORIGINAL), &prof(OTHER), &idf);
        assert!(
            copy.features[0] > other.features[0] + 0.2,
            "{:?} vs {:?}",
            copy.features,
            other.features
        );
        assert_eq!(copy.aligned.len(), 3, "{:?}", copy.aligned);
        assert!(copy.shared_numbers.contains(&"68".to_string()));
        let model = RewriteModel::shipped();
        assert!(model.probability(&copy.features) > model.probability(&other.features));
    }

    #[test]
    fn empty_texts_compare_without_panicking() {
        let idf = |_: &str| 1.0;
        let e = compare(&CopyProfile::default(), &prof(ORIGINAL), &idf);
        assert_eq!(e.features[0], 0.0);
    }
}
