//! Candidate retrieval for copies: an inverted index over signals that survive rewording.
//!
//! A spun or translated copy keeps few five-word runs, but it keeps the article's numbers, its
//! names and its rarest words. Those are its *anchors*; each article is indexed under its
//! anchors (as 64-bit hashes), and a new article's candidates are the articles that share the
//! most anchors with it, at most a fixed number, so one article never costs a scan.

use rustc_hash::FxHashMap;

use xxhash_rust::xxh3::xxh3_64;

use super::rewrite::CopyProfile;

/// Rarest stems an article is indexed under.
pub const RARE_STEMS: usize = 12;
/// Fewest shared anchors for a candidate.
pub const MIN_SHARED_ANCHORS: u32 = 3;
/// An anchor held by more articles than this (a round number, a famous name) is passed over
/// in lookups: it tells nothing and would make the lookup slow.
pub const MAX_POSTINGS: usize = 500;
/// Most anchors per article: numbers and names past this add little and cost memory.
pub const MAX_ANCHORS: usize = 32;

/// The anchors of an article: its numbers, its names and its rarest stems, hashed.
pub fn anchors(profile: &CopyProfile, idf: &impl Fn(&str) -> f32) -> Vec<u64> {
    let mut stems: Vec<(&String, f32)> = profile
        .sentences
        .iter()
        .flatten()
        .map(|t| (t, idf(t)))
        .collect();
    stems.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    stems.dedup_by(|a, b| a.0 == b.0);
    let mut out: Vec<u64> = stems
        .iter()
        .take(RARE_STEMS)
        .map(|(t, _)| xxh3_64(format!("s:{t}").as_bytes()))
        .collect();
    out.extend(
        profile
            .entities
            .iter()
            .map(|e| xxh3_64(format!("e:{e}").as_bytes())),
    );
    out.extend(
        profile
            .numbers
            .iter()
            .filter(|n| n.len() >= 2)
            .map(|n| xxh3_64(format!("n:{n}").as_bytes())),
    );
    out.sort_unstable();
    out.dedup();
    out.truncate(MAX_ANCHORS);
    out
}

/// An in-memory anchor index over article numbers (`u32`, the caller's own ids).
#[derive(Debug, Default)]
pub struct AnchorIndex {
    postings: FxHashMap<u64, Vec<u32>>,
}

impl AnchorIndex {
    pub fn insert(&mut self, article: u32, anchors: &[u64]) {
        for a in anchors {
            self.postings.entry(*a).or_default().push(article);
        }
    }

    /// Articles sharing at least [`MIN_SHARED_ANCHORS`] anchors, most shared first, at most
    /// `limit`. Very common anchors (in more than `max_postings` articles) are passed over: they
    /// say nothing and would make the lookup slow.
    pub fn candidates(
        &self,
        anchors: &[u64],
        limit: usize,
        max_postings: usize,
    ) -> Vec<(u32, u32)> {
        let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
        for a in anchors {
            if let Some(ids) = self.postings.get(a) {
                if ids.len() > max_postings {
                    continue;
                }
                for id in ids {
                    *counts.entry(*id).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(u32, u32)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= MIN_SHARED_ANCHORS)
            .collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.truncate(limit);
        out
    }

    /// Index entries held (one per anchor per article), for memory accounting.
    pub fn entries(&self) -> usize {
        self.postings.values().map(Vec::len).sum()
    }

    pub fn distinct_anchors(&self) -> usize {
        self.postings.len()
    }
}
