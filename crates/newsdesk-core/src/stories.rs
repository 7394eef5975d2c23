//! Online story clustering: each article joins the most similar active story, or starts one.
//!
//! An article becomes a sparse TF-IDF vector over its stemmed words and its named entities
//! (entities weigh more: "Port Meridian" and "Ana Ribeiro" tell events apart better than
//! "storm" does). A story is the sum of its members' unit vectors, trimmed to its heaviest
//! terms. Candidates come from an inverted index over those terms, never from a scan of all
//! stories, and only stories whose time span lies within the window of the article's time are
//! considered, so out-of-order arrivals find the story they belong to.
//!
//! Weights here are a first, hand-set baseline; a learned join-or-new model is still to come.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{Analysis, StoryId};

/// How the clusterer decides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryConfig {
    /// An article may join a story whose span is within this many seconds of its time.
    pub window_secs: i64,
    /// Lowest cosine similarity for joining a story.
    pub join_threshold: f32,
    /// Terms kept per story vector.
    pub story_terms: usize,
    /// Terms of a story vector that go into the inverted index.
    pub indexed_terms: usize,
    /// Terms of an article vector.
    pub article_terms: usize,
    /// Weight of an entity relative to a word.
    pub entity_weight: f32,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            window_secs: 14 * 86_400,
            join_threshold: 0.22,
            story_terms: 300,
            indexed_terms: 40,
            article_terms: 120,
            entity_weight: 2.0,
        }
    }
}

/// Document frequencies of terms, for inverse document frequency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFrequencies {
    pub documents: u64,
    pub df: HashMap<String, u32>,
}

/// Documents assumed seen before the first one, so that a young archive's IDF does not swing
/// wildly: with three documents, every shared word would otherwise look like a common word.
const PRIOR_DOCUMENTS: f32 = 50.0;

impl DocFrequencies {
    /// Inverse document frequency, smoothed by [`PRIOR_DOCUMENTS`].
    pub fn idf(&self, term: &str) -> f32 {
        let df = self.df.get(term).copied().unwrap_or(0) as f32;
        ((self.documents as f32 + PRIOR_DOCUMENTS) / (df + 1.0))
            .ln()
            .max(0.1)
    }

    /// Counts one document's distinct terms.
    pub fn add_document<'a>(&mut self, terms: impl IntoIterator<Item = &'a str>) {
        self.documents += 1;
        for t in terms {
            *self.df.entry(t.to_owned()).or_default() += 1;
        }
    }
}

/// The story-relevant terms of an article: `w:<stem>` words and `e:<key>` entities.
pub fn article_terms(analysis: &Analysis) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = analysis
        .terms
        .iter()
        .map(|(t, c)| (format!("w:{t}"), *c))
        .collect();
    out.extend(
        analysis
            .entities
            .iter()
            .map(|e| (format!("e:{}", e.key), e.count)),
    );
    out
}

/// A sparse unit vector, sorted by term.
pub type SparseVector = Vec<(String, f32)>;

/// The TF-IDF unit vector of an article, keeping its heaviest terms.
pub fn article_vector(
    terms: &[(String, u32)],
    df: &DocFrequencies,
    config: &StoryConfig,
) -> SparseVector {
    let mut v: Vec<(String, f32)> = terms
        .iter()
        .map(|(t, c)| {
            let boost = if t.starts_with("e:") {
                config.entity_weight
            } else {
                1.0
            };
            (t.clone(), (1.0 + (*c as f32).ln()) * df.idf(t) * boost)
        })
        .collect();
    v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    v.truncate(config.article_terms);
    normalise(&mut v);
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

fn normalise(v: &mut [(String, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// A story the clusterer can still add to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveStory {
    pub id: StoryId,
    /// Sum of member unit vectors, heaviest terms only.
    pub centroid: HashMap<String, f32>,
    /// First and last publication time of its dated articles; `None` while it has none.
    pub span: Option<(i64, i64)>,
    pub size: u32,
}

/// Why an article joined a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub story: StoryId,
    /// Cosine similarity of the article to the story.
    pub score: f32,
    /// The terms that contributed most, strongest first.
    pub shared_terms: Vec<String>,
}

/// The active stories and the inverted index over their terms.
#[derive(Debug, Default)]
pub struct StoryIndex {
    config: StoryConfig,
    stories: HashMap<StoryId, ActiveStory>,
    postings: HashMap<String, HashSet<StoryId>>,
}

impl StoryIndex {
    pub fn new(config: StoryConfig) -> Self {
        StoryIndex {
            config,
            ..Default::default()
        }
    }

    pub fn config(&self) -> &StoryConfig {
        &self.config
    }

    pub fn len(&self) -> usize {
        self.stories.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    pub fn get(&self, id: StoryId) -> Option<&ActiveStory> {
        self.stories.get(&id)
    }

    /// Adds (or replaces) a story, indexing its heaviest terms.
    pub fn insert(&mut self, story: ActiveStory) {
        self.index_terms(&story);
        self.stories.insert(story.id, story);
    }

    fn index_terms(&mut self, story: &ActiveStory) {
        let mut terms: Vec<(&String, &f32)> = story.centroid.iter().collect();
        terms.sort_unstable_by(|a, b| b.1.total_cmp(a.1).then_with(|| a.0.cmp(b.0)));
        for (t, _) in terms.into_iter().take(self.config.indexed_terms) {
            self.postings.entry(t.clone()).or_default().insert(story.id);
        }
    }

    /// The best story for an article at `time`, if any reaches the join threshold. An article
    /// without a date (`None`) cannot be placed in time, so the window does not apply to it.
    pub fn best_match(&self, vector: &SparseVector, time: Option<i64>) -> Option<Match> {
        let mut candidates: HashSet<StoryId> = HashSet::new();
        for (term, _) in vector {
            if let Some(ids) = self.postings.get(term) {
                candidates.extend(ids.iter().copied());
            }
        }
        let window = self.config.window_secs;
        candidates
            .into_iter()
            .filter_map(|id| self.stories.get(&id))
            .filter(|s| match (time, s.span) {
                (Some(t), Some((first, last))) => t >= first - window && t <= last + window,
                _ => true,
            })
            .map(|s| (s, cosine(vector, &s.centroid)))
            .filter(|(_, score)| *score >= self.config.join_threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.id.cmp(&a.0.id)))
            .map(|(s, score)| Match {
                story: s.id,
                score,
                shared_terms: shared_terms(vector, &s.centroid, 8),
            })
    }

    /// Starts a story with one article.
    pub fn start(&mut self, id: StoryId, vector: &SparseVector, time: Option<i64>) -> &ActiveStory {
        let story = ActiveStory {
            id,
            centroid: vector.iter().cloned().collect(),
            span: time.map(|t| (t, t)),
            size: 1,
        };
        self.insert(story);
        &self.stories[&id]
    }

    /// Adds an article to a story: its vector joins the centroid and its time the span.
    pub fn add(
        &mut self,
        id: StoryId,
        vector: &SparseVector,
        time: Option<i64>,
    ) -> Option<&ActiveStory> {
        let keep = self.config.story_terms;
        let story = self.stories.get_mut(&id)?;
        for (t, w) in vector {
            *story.centroid.entry(t.clone()).or_default() += w;
        }
        if story.centroid.len() > keep * 2 {
            let mut all: Vec<(String, f32)> = story.centroid.drain().collect();
            all.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
            all.truncate(keep);
            story.centroid = all.into_iter().collect();
        }
        if let Some(t) = time {
            story.span = Some(match story.span {
                Some((first, last)) => (first.min(t), last.max(t)),
                None => (t, t),
            });
        }
        story.size += 1;
        let snapshot = story.clone();
        self.index_terms(&snapshot);
        self.stories.get(&id)
    }

    /// Forgets dated stories that ended before `time`; returns how many.
    pub fn evict_before(&mut self, time: i64) -> usize {
        let old: Vec<StoryId> = self
            .stories
            .values()
            .filter(|s| s.span.is_some_and(|(_, last)| last < time))
            .map(|s| s.id)
            .collect();
        for id in &old {
            self.stories.remove(id);
        }
        self.postings.retain(|_, ids| {
            ids.retain(|id| !old.contains(id));
            !ids.is_empty()
        });
        old.len()
    }
}

/// Cosine of a unit vector with an unnormalised centroid.
pub fn cosine(vector: &SparseVector, centroid: &HashMap<String, f32>) -> f32 {
    let norm = centroid.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    let dot: f32 = vector
        .iter()
        .filter_map(|(t, w)| centroid.get(t).map(|c| c * w))
        .sum();
    dot / norm
}

fn shared_terms(vector: &SparseVector, centroid: &HashMap<String, f32>, n: usize) -> Vec<String> {
    let mut shared: Vec<(&String, f32)> = vector
        .iter()
        .filter_map(|(t, w)| centroid.get(t).map(|c| (t, c * w)))
        .collect();
    shared.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    shared.into_iter().take(n).map(|(t, _)| t.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(text: &str, df: &DocFrequencies) -> SparseVector {
        let a = newsdesk_text::analyze("", text, Some("en"));
        article_vector(&article_terms(&a), df, &StoryConfig::default())
    }

    const DAY: i64 = 86_400;

    #[test]
    fn same_event_joins_other_event_starts_a_story() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("A bridge over the Teller River collapsed in Port Meridian on Tuesday, killing at least 14 people, the fire department said. Divers searched the river for survivors.", &df);
        index.start(1, &a, Some(0));
        let b = vector("At least 16 people died when the Teller River bridge in Port Meridian collapsed, health officials said. Divers kept searching the river overnight.", &df);
        let m = index.best_match(&b, Some(DAY)).expect("joins");
        assert_eq!(m.story, 1);
        assert!(
            m.shared_terms.iter().any(|t| t == "e:port meridian"),
            "{:?}",
            m.shared_terms
        );
        let c = vector("The central bank of Estavia raised interest rates by half a point on Thursday to curb inflation, its governor said.", &df);
        assert_eq!(index.best_match(&c, Some(DAY)), None);
    }

    #[test]
    fn window_keeps_old_stories_out() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("A bridge over the Teller River collapsed in Port Meridian on Tuesday, killing at least 14 people.", &df);
        index.start(1, &a, Some(0));
        assert!(index.best_match(&a, Some(5 * DAY)).is_some());
        assert!(index.best_match(&a, Some(30 * DAY)).is_none());
        assert!(
            index.best_match(&a, None).is_some(),
            "an undated article is not windowed out"
        );
        index.add(1, &a, Some(DAY)).expect("story");
        assert_eq!(index.get(1).map(|s| s.size), Some(2));
        assert_eq!(index.evict_before(2 * DAY), 1);
        assert!(index.is_empty());
    }

    #[test]
    fn idf_prefers_rare_terms() {
        let mut df = DocFrequencies::default();
        for _ in 0..100 {
            df.add_document(["w:storm"]);
        }
        df.add_document(["w:corvina"]);
        assert!(df.idf("w:corvina") > df.idf("w:storm") * 2.0);
    }
}
