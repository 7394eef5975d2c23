//! Copy detection: is this article a copy of one already seen?
//!
//! Reprints and syndicated copies keep long runs of the original's words, so both are found by
//! word shingles: every run of [`SHINGLE_WORDS`] lower-cased words is hashed, and a fixed 1 in
//! [`SAMPLE_MODULUS`] of the hashes (those whose value is 0 modulo it) is kept. Sampling by
//! value, not by position, means two copies keep the *same* shingles, so the share of shared
//! samples estimates how much of the shorter text is in the longer one (its containment) with
//! a fraction of the storage. An intro line or a trimmed ending barely moves that share, while
//! two outlets writing their own stories share almost no five-word runs. In scripts written
//! without spaces (Chinese, Japanese, Thai) each character counts as a word.
//!
//! Reworded and translated copies share few exact shingles; [`rewrite`] finds them by aligning
//! sentences, and [`anchors`] finds their candidates. [`judge`] puts the two together.

pub mod anchors;
pub mod rewrite;

use newsdesk_text::script::split_unspaced;
use xxhash_rust::xxh3::xxh3_64;

use serde::{Deserialize, Serialize};

use crate::identity::content_hash;
use crate::{Analysis, CopyKind};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// One shingle hash in this many is kept.
pub const SAMPLE_MODULUS: u64 = 4;
/// Containment from which an article is a near-duplicate of another.
pub const NEAR_THRESHOLD: f32 = 0.5;
/// Fewest shared samples for any copy decision: two short texts sharing one stock phrase are
/// not copies.
pub const MIN_SHARED: u32 = 4;

/// What copy detection keeps of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the normalised text: equal hashes are exact copies.
    pub text_hash: u64,
    /// Sampled shingle hashes, sorted, without repeats.
    pub shingles: Vec<u64>,
}

/// Fingerprints a text.
pub fn fingerprint(text: &str) -> Fingerprint {
    // Chinese, Japanese and Thai have no spaces: their characters are the words here, so
    // that a shingle is a run of five characters.
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(split_unspaced)
        .map(str::to_lowercase)
        .collect();
    let mut shingles: Vec<u64> = if words.len() < SHINGLE_WORDS {
        vec![xxh3_64(words.join(" ").as_bytes())]
    } else {
        words
            .windows(SHINGLE_WORDS)
            .map(|w| xxh3_64(w.join(" ").as_bytes()))
            .filter(|h| h % SAMPLE_MODULUS == 0)
            .collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    Fingerprint {
        text_hash: content_hash(text),
        shingles,
    }
}

/// Number of values two sorted, deduplicated lists share.
pub fn shared_count(a: &[u64], b: &[u64]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Decides whether two articles are copies, from their hashes and how many sampled shingles
/// they share; returns the kind and the containment score.
pub fn decide(
    a_hash: u64,
    a_shingles: usize,
    b_hash: u64,
    b_shingles: usize,
    shared: u32,
) -> Option<(CopyKind, f32)> {
    if a_hash == b_hash {
        return Some((CopyKind::Exact, 1.0));
    }
    let smaller = a_shingles.min(b_shingles).max(1) as f32;
    let containment = (shared as f32 / smaller).min(1.0);
    (shared >= MIN_SHARED && containment >= NEAR_THRESHOLD).then_some((CopyKind::Near, containment))
}

/// What two articles share beyond their shingles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CopyEvidence {
    /// Aligned sentence pairs: (sentence of the copy, sentence of the original, similarity).
    pub aligned: Vec<(usize, usize, f32)>,
    pub shared_numbers: Vec<String>,
    pub shared_entities: Vec<String>,
    #[serde(default)]
    pub shared_quotes: Vec<String>,
}

/// One side of a comparison: an article's text and its analysis.
#[derive(Debug, Clone, Copy)]
pub struct CopyInput<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// Whether one article copies another, and how sure newsdesk is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub copy: bool,
    pub kind: Option<CopyKind>,
    /// For copies, as [`crate::CopyLink::score`]; otherwise the rewrite probability, which
    /// still ranks pairs by how close they are.
    pub score: f32,
    pub shared_shingles: u32,
    /// Share of the shorter text's sampled shingles in the other.
    pub containment: f32,
    /// The rewrite model's probability, and the features it saw.
    pub rewrite_probability: f32,
    pub rewrite_features: Vec<f32>,
    pub evidence: CopyEvidence,
}

/// Fewest names and numbers two texts in different languages must share, in the same order,
/// to be one article translated.
const TRANSLATION_MIN_FACTS: usize = 5;

/// How alike two texts in different languages are in what translation keeps: shared numbers,
/// shared names, and whether they come in the same order (each 0–1, averaged).
fn translation_score(e: &rewrite::RewriteEvidence) -> f32 {
    (e.features[2] + e.features[3] + e.features[5]) / 3.0
}

/// A translation shares many facts, tells them in the same order, and most of its numbers and
/// names are the other's. Two reports of one event in two languages share some names and
/// numbers, but fewer and in their own order.
fn is_translation(e: &rewrite::RewriteEvidence) -> bool {
    let facts = e.shared_numbers.len() + e.shared_entities.len();
    facts >= TRANSLATION_MIN_FACTS
        && e.features[5] >= 0.75
        && (e.features[2] + e.features[3]) / 2.0 >= 0.4
}

/// One side of a comparison, prepared: what judging needs of an article without its text.
#[derive(Debug, Clone, Copy)]
pub struct Prepared<'a> {
    pub text_hash: u64,
    /// How many sampled shingles it has.
    pub shingles: usize,
    pub profile: &'a rewrite::CopyProfile,
}

/// Judges whether `a` and `b` are copies of one another: exact, near-duplicate (shingles), or
/// reworded (sentence alignment). `idf` weighs a plain stem.
pub fn judge(
    a: CopyInput<'_>,
    b: CopyInput<'_>,
    idf: &impl Fn(&str) -> f32,
    model: &rewrite::RewriteModel,
) -> Judgement {
    let (fa, fb) = (fingerprint(a.text), fingerprint(b.text));
    let (pa, pb) = (
        rewrite::profile(a.text, a.analysis),
        rewrite::profile(b.text, b.analysis),
    );
    judge_prepared(
        Prepared {
            text_hash: fa.text_hash,
            shingles: fa.shingles.len(),
            profile: &pa,
        },
        Prepared {
            text_hash: fb.text_hash,
            shingles: fb.shingles.len(),
            profile: &pb,
        },
        shared_count(&fa.shingles, &fb.shingles),
        rewrite::compare(&pa, &pb, idf),
        model,
    )
}

/// [`judge`] on prepared sides, given how many sampled shingles they share and the rewrite
/// evidence ([`rewrite::compare`], or [`rewrite::compare_prepared`] when one article is judged
/// against many): the store keeps profiles and shingle counts, so judging a candidate never
/// re-reads its text.
pub fn judge_prepared(
    a: Prepared<'_>,
    b: Prepared<'_>,
    shared: u32,
    evidence: rewrite::RewriteEvidence,
    model: &rewrite::RewriteModel,
) -> Judgement {
    let containment = shared as f32 / a.shingles.min(b.shingles).max(1) as f32;
    let cross_language = !a.profile.language.is_empty()
        && !b.profile.language.is_empty()
        && a.profile.language != b.profile.language;
    // Across languages the words cannot be compared, only what translation keeps: names and
    // numbers, in their order.
    let probability = if cross_language {
        translation_score(&evidence)
    } else {
        model.probability(&evidence.features)
    };
    let (kind, score) = match decide(a.text_hash, a.shingles, b.text_hash, b.shingles, shared) {
        Some((kind, score)) => (Some(kind), score),
        None if cross_language && is_translation(&evidence) => {
            (Some(CopyKind::Translation), probability)
        }
        None if !cross_language && probability >= model.threshold => {
            (Some(CopyKind::Rewrite), probability)
        }
        None => (None, probability),
    };
    Judgement {
        copy: kind.is_some(),
        kind,
        score,
        shared_shingles: shared,
        containment: containment.min(1.0),
        rewrite_probability: probability,
        rewrite_features: evidence.features.to_vec(),
        evidence: CopyEvidence {
            aligned: evidence.aligned,
            shared_numbers: evidence.shared_numbers,
            shared_entities: evidence.shared_entities,
            shared_quotes: evidence.shared_quotes,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Storm Corvina tore through the coast on Monday night, cutting power to about 46,000 homes and \
        businesses and forcing the closure of the main bridge, officials said on Tuesday. Wind gusts reached 118 km/h at the \
        harbour, the weather service said, the strongest recorded in the city for more than a decade. Crews worked through \
        the night to clear fallen trees from roads, and most schools stayed closed on Tuesday. The utility said it expected \
        to restore power to most customers by Wednesday evening, but warned that some rural areas could wait longer.";

    #[test]
    fn reprint_with_intro_is_near() {
        let reprint = format!("This report is published under a syndication agreement.\n\n{WIRE}\n\n(Reporting by M. Castell)");
        let a = fingerprint(WIRE);
        let b = fingerprint(&reprint);
        let shared = shared_count(&a.shingles, &b.shingles);
        let (kind, score) = decide(
            a.text_hash,
            a.shingles.len(),
            b.text_hash,
            b.shingles.len(),
            shared,
        )
        .expect("copy");
        assert_eq!(kind, CopyKind::Near);
        assert!(score > 0.9, "{score}");
    }

    #[test]
    fn same_words_other_layout_is_exact() {
        let a = fingerprint(WIRE);
        let b = fingerprint(&WIRE.replace(", ", " , ").to_uppercase());
        assert_eq!(
            decide(
                a.text_hash,
                a.shingles.len(),
                b.text_hash,
                b.shingles.len(),
                0
            ),
            Some((CopyKind::Exact, 1.0))
        );
    }

    const WIRE_EN: &str = "Storm Corvina hit Port Meridian on Monday night, cutting power to 46,000 homes, the Meridian Grid Company said. \
        Wind gusts reached 118 km/h at the Old Docks, the National Weather Office said. \
        Mayor Ana Ribeiro said nine people were hurt and 38 trees fell across roads. \
        The Halvard Bridge was closed for 11 hours and reopened on Tuesday at 5 a.m.";
    const WIRE_ES: &str = "La tormenta Corvina azotó Port Meridian el lunes por la noche y dejó sin electricidad a 46.000 hogares, informó la Meridian Grid Company. \
        Las ráfagas alcanzaron 118 km/h en los Old Docks, según la National Weather Office. \
        La alcaldesa Ana Ribeiro dijo que nueve personas resultaron heridas y que 38 árboles cayeron sobre las carreteras. \
        El puente Halvard estuvo cerrado durante 11 horas y reabrió el martes a las 5 de la mañana.";
    const OTHER_ES: &str = "El alcalde de Port Meridian, Ana Ribeiro, presentó el martes un plan de 46 millones para reforzar los diques del puerto. \
        Según la Meridian Grid Company, las obras durarán 11 meses. La oposición criticó el coste y pidió un debate en el consejo municipal.";

    #[test]
    fn a_translation_is_found_by_its_names_and_numbers_in_order() {
        let idf = |_: &str| 1.0;
        let model = rewrite::RewriteModel::shipped();
        let en = newsdesk_text::analyze("", WIRE_EN, Some("en"));
        let es = newsdesk_text::analyze("", WIRE_ES, Some("es"));
        let other = newsdesk_text::analyze("", OTHER_ES, Some("es"));
        let j = judge(
            CopyInput {
                text: WIRE_ES,
                analysis: &es,
            },
            CopyInput {
                text: WIRE_EN,
                analysis: &en,
            },
            &idf,
            &model,
        );
        assert_eq!(j.kind, Some(CopyKind::Translation), "{j:?}");
        assert!(
            j.evidence.shared_numbers.contains(&"46000".to_string()),
            "{:?}",
            j.evidence.shared_numbers
        );
        let j = judge(
            CopyInput {
                text: OTHER_ES,
                analysis: &other,
            },
            CopyInput {
                text: WIRE_EN,
                analysis: &en,
            },
            &idf,
            &model,
        );
        assert_eq!(j.kind, None, "another story in another language: {j:?}");
    }

    #[test]
    fn independent_report_is_not_a_copy() {
        let other = "Power was out across large parts of the coast after the storm, which uprooted trees and shut the \
            main bridge. The utility said about 46,000 customers lost power at the peak and that it hoped to reconnect most \
            of them by Wednesday. Schools stayed shut. The weather service measured gusts of 118 km/h at the harbour.";
        let a = fingerprint(WIRE);
        let b = fingerprint(other);
        let shared = shared_count(&a.shingles, &b.shingles);
        assert_eq!(
            decide(
                a.text_hash,
                a.shingles.len(),
                b.text_hash,
                b.shingles.len(),
                shared
            ),
            None
        );
    }
}
