//! Online story clustering: each article joins the most likely story, or starts one.
//!
//! An article is three sparse TF-IDF sub-vectors, each of unit length: its stemmed words (title and
//! body), its named entities, and its title's words. A story keeps the sum of its members'
//! sub-vectors (its centroid), trimmed to its heaviest terms, the span of its members' publication
//! times, and its few most recent members' words and names (trimmed), so that an article can be
//! compared with single members as well as with the whole. Candidates come from an inverted index
//! over the stories' heaviest terms, never from a scan. Each candidate is described by a few
//! features — the three cosines, the cosines with the nearest kept member (for the candidates most
//! similar to the article only), how much of the article's words and names the story has at all,
//! how far the article lies in time from the story, the story's size — and a small logistic model
//! ([`JoinModel`], learned from labelled streams by `newsdesk-eval stories --train` and shipped in
//! `model.json`) gives the probability that the article belongs to it. The article joins the most
//! probable candidate when that probability clears the model's threshold.
//!
//! Time: a story is *active* while articles keep arriving within the window (default 14 days of
//! publication time). Past it, the story is archived. An archived story whose articles all fell
//! within one window is a closed event: only near-certainty reopens it
//! ([`StoryConfig::archived_threshold`]), because another event in the same place weeks later
//! shares its names and much of its vocabulary. An archived story that has already run past one
//! window (its coverage came back before) is a running one, and takes a development at the
//! model's learned [`JoinModel::running_threshold`]. Articles that arrive out of order are
//! placed by their own publication time. An undated article (or a story with no dated article)
//! cannot be placed in time at all: it carries no gap, but joins only at the model's learned
//! [`JoinModel::undated_threshold`], and merges no stories, because time is what tells two
//! look-alike events apart (two rehab stays of two stars, two quakes in one province) when
//! their words and names are much the same.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::{Analysis, StoryId};

/// How the clusterer decides.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryConfig {
    /// The active window: a story whose last article is older than this, seen from a new
    /// article, is archived (joinable only with stronger evidence).
    pub window_secs: i64,
    /// Stories further than this from an article in time are not considered at all.
    pub max_gap_secs: i64,
    /// Terms kept per story centroid.
    pub story_terms: usize,
    /// Terms of a story centroid that go into the inverted index.
    pub indexed_terms: usize,
    /// Terms kept per article sub-vector.
    pub article_terms: usize,
    /// The article's heaviest terms that are looked up in the index.
    pub query_terms: usize,
    /// Candidate stories scored per article, most shared query terms first.
    pub candidates: usize,
    /// The join-or-new model.
    pub model: JoinModel,
    /// Member articles a story keeps (its most recent), for member-level evidence: an
    /// article near one member of a story that has spread over several developments or events
    /// of one topic is near the story, even when its centroid is far.
    pub members: usize,
    /// Terms kept per member vector, for words and for names.
    pub member_terms: [usize; 2],
    /// Candidates, the most similar to the article first, whose members are compared with it.
    pub member_candidates: usize,
    /// Two stories merge when an article joins one of them while the other is a candidate it
    /// could have joined too, and the two stories' centroids are at least this similar.
    pub merge_similarity: f32,
    /// Lowest join probability for an archived story (one past the active window) that is a
    /// closed event: all its articles fell within one window. Another event in the same place
    /// weeks later (a bridge collapse after a storm, with the same mayor, bridge and hospital)
    /// resembles it as much as a development does, so only near-certainty reopens it. A story
    /// that has already run past one window is a running one, and the model's
    /// [`JoinModel::running_threshold`] applies instead.
    pub archived_threshold: f32,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            window_secs: 14 * DAY,
            max_gap_secs: 3 * 365 * DAY,
            story_terms: 300,
            indexed_terms: 40,
            article_terms: 100,
            query_terms: 30,
            candidates: 50,
            members: 4,
            member_terms: [40, 20],
            member_candidates: 8,
            model: JoinModel::shipped(),
            archived_threshold: 0.99,
            merge_similarity: 0.3,
        }
    }
}

const DAY: i64 = 86_400;

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

/// The kinds of term an article is compared on, by the prefix of their key.
const GROUPS: [&str; 3] = ["w:", "e:", "t:"];

/// Number of term groups.
const G: usize = GROUPS.len();

/// The story-relevant terms of an article with their counts: `w:<stem>` words of title and
/// body, `e:<key>` entities, `t:<stem>` title words. Each distinct term once.
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
    let mut title: HashMap<&str, u32> = HashMap::new();
    for t in &analysis.title_terms {
        *title.entry(t).or_default() += 1;
    }
    out.extend(title.into_iter().map(|(t, c)| (format!("t:{t}"), c)));
    out
}

/// A sparse vector sorted by term; in an article vector, each group of terms (by prefix) has
/// unit length.
pub type SparseVector = Vec<(String, f32)>;

/// The TF-IDF vector of an article: per group, its heaviest terms, normalised to unit length.
pub fn article_vector(
    terms: &[(String, u32)],
    df: &DocFrequencies,
    config: &StoryConfig,
) -> SparseVector {
    let mut out = Vec::new();
    for prefix in GROUPS {
        let mut v: Vec<(String, f32)> = terms
            .iter()
            .filter(|(t, _)| t.starts_with(prefix))
            .map(|(t, c)| (t.clone(), (1.0 + (*c as f32).ln()) * df.idf(t)))
            .collect();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(config.article_terms);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.extend(v.into_iter().map(|(t, w)| (t, w / norm)));
        }
    }
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out
}

fn group_of(term: &str) -> usize {
    GROUPS.iter().position(|g| term.starts_with(g)).unwrap_or(0)
}

/// The names of the join model's features, in order. `member_*` are the highest cosine of the
/// article with one of the story's kept members (words, names).
pub const FEATURES: [&str; 10] = [
    "cos_words",
    "cos_entities",
    "cos_title",
    "archived_gap",
    "log_gap_days",
    "log_size",
    "cover_words",
    "cover_entities",
    "member_words",
    "member_entities",
];

/// Number of features.
pub const FEATURE_COUNT: usize = FEATURES.len();

/// What the join model sees of one (article, story) pair, from the group cosines, the
/// nearest members' cosines (words, names), the story's span and size.
fn features(
    overlap: Overlap,
    member: [f32; 2],
    span: Option<(i64, i64)>,
    size: u32,
    time: Option<i64>,
    window_secs: i64,
) -> [f32; FEATURE_COUNT] {
    let gap = match (time, span) {
        (Some(t), Some((first, last))) => (first - t).max(t - last).max(0),
        _ => 0,
    };
    let gap_days = gap as f32 / DAY as f32;
    let cos = overlap.cos;
    let archived = if gap > window_secs { 1.0 } else { 0.0 };
    [
        cos[0],
        cos[1],
        cos[2],
        archived,
        (1.0 + gap_days).ln(),
        (size as f32).ln(),
        overlap.cover[0],
        overlap.cover[1],
        member[0],
        member[1],
    ]
}

/// Logistic join-or-new model over [`FEATURES`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinModel {
    pub bias: f32,
    pub weights: Vec<f32>,
    /// Lowest probability for joining.
    pub threshold: f32,
    /// Lowest probability for joining an archived story that is a running one (see
    /// [`Candidate::running`]).
    #[serde(default = "default_running_threshold")]
    pub running_threshold: f32,
    /// Lowest probability for joining when the article or the story has no publication time
    /// (see [`Candidate::undated`]).
    #[serde(default = "default_running_threshold")]
    pub undated_threshold: f32,

    /// How the model was obtained, for people reading the file.
    #[serde(default)]
    pub trained_on: String,
}

fn default_running_threshold() -> f32 {
    0.9
}

impl JoinModel {
    /// The model shipped with newsdesk.
    pub fn shipped() -> JoinModel {
        serde_json::from_str(include_str!("model.json")).expect("the shipped model file is valid")
    }

    /// Probability that an article with these features belongs to the story.
    pub fn probability(&self, f: &[f32]) -> f32 {
        let z = self.bias + self.weights.iter().zip(f).map(|(w, x)| w * x).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// A story as it is stored and loaded: its centroid by term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveStory {
    pub id: StoryId,
    /// Sum of member vectors, heaviest terms only.
    pub centroid: HashMap<String, f32>,
    /// First and last publication time of its dated articles; `None` while it has none.
    pub span: Option<(i64, i64)>,
    pub size: u32,
    /// Its most recent members' vectors (words and names, heaviest terms), oldest first.
    #[serde(default)]
    pub members: Vec<StoryMember>,
}

/// One member article of a story as the story keeps it: its publication time and its words
/// and names, each group trimmed to its heaviest terms and of unit length again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryMember {
    pub time: Option<i64>,
    pub vector: SparseVector,
}

/// Why an article joined a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub story: StoryId,
    /// The join model's probability.
    pub score: f32,
    /// The terms that contributed most, strongest first.
    pub shared_terms: Vec<String>,
}

/// A scored candidate story, for explanation and training.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub story: StoryId,
    pub features: [f32; FEATURE_COUNT],
    pub probability: f32,
    /// Whether the story's own articles already span more than the active window: a story
    /// that has had developments after its first burst is a running one, not a closed event.
    pub running: bool,
    /// Whether the article or the story has no publication time, so that how far apart they
    /// lie is unknown: a look-alike event from years before would look as close as a
    /// development does.
    pub undated: bool,
}

/// A story in memory: its centroid over interned term ids, sorted by id, with the squared
/// norm of each term group kept up to date so that scoring never walks the whole centroid
/// twice.
#[derive(Debug, Clone)]
struct Story {
    centroid: Vec<(u32, f32)>,
    norms: [f32; G],
    span: Option<(i64, i64)>,
    size: u32,
    /// Terms already in the postings, so re-indexing after a join adds only new ones.
    indexed: Vec<u32>,
    /// The most recent members (at most [`StoryConfig::members`]), oldest first: time and
    /// vector over interned ids, sorted by id.
    members: Vec<Member>,
}

/// A kept member: its publication time and its vector over interned ids, sorted by id.
type Member = (Option<i64>, Vec<(u32, f32)>);

/// The stories and the inverted index over their heaviest terms. Terms are interned once as
/// `u32` ids: a story costs a few kilobytes, and comparing an article with a story is a merge
/// of two sorted integer lists.
#[derive(Debug, Default)]
pub struct StoryIndex {
    config: StoryConfig,
    ids: HashMap<String, u32>,
    terms: Vec<String>,
    /// Each interned term's group (index into [`GROUPS`]).
    groups: Vec<u8>,
    stories: FxHashMap<StoryId, Story>,
    postings: FxHashMap<u32, Vec<StoryId>>,
}

/// How an article vector meets a story centroid, per term group: the cosine, and the share of
/// the article's (squared) weight on terms the story has at all, whatever their weight there —
/// a large story's centroid spreads over its developments, so a newcomer that only shares
/// some of them has a low cosine with the whole but still lies within the story's vocabulary.
#[derive(Debug, Clone, Copy)]
struct Overlap {
    cos: [f32; G],
    cover: [f32; G],
}

/// An article vector over interned ids, sorted by id, with each term's group.
type Query = Vec<(u32, f32, u8)>;

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

    pub fn contains(&self, id: StoryId) -> bool {
        self.stories.contains_key(&id)
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(term.to_owned());
        self.groups.push(group_of(term) as u8);
        self.ids.insert(term.to_owned(), id);
        id
    }

    /// The vector over interned ids, interning terms never seen (for an article that joins or
    /// starts a story; [`StoryIndex::lookup`] only reads).
    fn query(&mut self, vector: &SparseVector) -> Query {
        let mut q: Query = vector
            .iter()
            .map(|(t, w)| {
                let id = self.intern(t);
                (id, *w, self.groups[id as usize])
            })
            .collect();
        q.sort_unstable_by_key(|e| e.0);
        q
    }

    fn lookup(&self, vector: &SparseVector) -> Query {
        let mut q: Query = vector
            .iter()
            .filter_map(|(t, w)| {
                self.ids
                    .get(t.as_str())
                    .map(|&id| (id, *w, self.groups[id as usize]))
            })
            .collect();
        q.sort_unstable_by_key(|e| e.0);
        q
    }

    /// The story as stored: its centroid by term.
    pub fn get(&self, id: StoryId) -> Option<ActiveStory> {
        let s = self.stories.get(&id)?;
        Some(ActiveStory {
            id,
            centroid: s
                .centroid
                .iter()
                .map(|(t, w)| (self.terms[*t as usize].clone(), *w))
                .collect(),
            span: s.span,
            size: s.size,
            members: s
                .members
                .iter()
                .map(|(time, v)| StoryMember {
                    time: *time,
                    vector: v
                        .iter()
                        .map(|(t, w)| (self.terms[*t as usize].clone(), *w))
                        .collect(),
                })
                .collect(),
        })
    }

    /// Adds (or replaces) a story, indexing its heaviest terms.
    pub fn insert(&mut self, story: ActiveStory) {
        let mut centroid: Vec<(u32, f32)> = story
            .centroid
            .iter()
            .map(|(t, w)| (self.intern(t), *w))
            .collect();
        centroid.sort_unstable_by_key(|e| e.0);
        let members = story
            .members
            .iter()
            .map(|m| {
                let mut v: Vec<(u32, f32)> =
                    m.vector.iter().map(|(t, w)| (self.intern(t), *w)).collect();
                v.sort_unstable_by_key(|e| e.0);
                (m.time, v)
            })
            .collect();
        let mut s = Story {
            norms: [0.0; G],
            centroid,
            span: story.span,
            size: story.size,
            indexed: Vec::new(),
            members,
        };
        self.refresh(&mut s);
        self.index_terms(story.id, &mut s);
        self.stories.insert(story.id, s);
    }

    fn refresh(&self, s: &mut Story) {
        let mut norms = [0f32; G];
        for (t, w) in &s.centroid {
            norms[self.groups[*t as usize] as usize] += w * w;
        }
        s.norms = norms;
    }

    fn index_terms(&mut self, id: StoryId, s: &mut Story) {
        let mut heaviest: Vec<(u32, f32)> = s.centroid.clone();
        heaviest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (t, _) in heaviest.into_iter().take(self.config.indexed_terms) {
            if !s.indexed.contains(&t) {
                s.indexed.push(t);
                self.postings.entry(t).or_default().push(id);
            }
        }
    }

    fn overlap(&self, q: &Query, s: &Story) -> Overlap {
        let mut dots = [0f32; G];
        let mut cover = [0f32; G];
        let (mut i, mut j) = (0, 0);
        while i < q.len() && j < s.centroid.len() {
            match q[i].0.cmp(&s.centroid[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dots[q[i].2 as usize] += q[i].1 * s.centroid[j].1;
                    cover[q[i].2 as usize] += q[i].1 * q[i].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let mut out = [0f32; G];
        for g in 0..G {
            if s.norms[g] > 0.0 {
                out[g] = dots[g] / s.norms[g].sqrt();
            }
        }
        Overlap { cos: out, cover }
    }

    /// The highest cosine of the article with one of the story's members, for words and for
    /// names (each group of a member has unit length).
    fn nearest_member(&self, q: &Query, s: &Story) -> [f32; 2] {
        let mut best = [0f32; 2];
        for (_, m) in &s.members {
            let mut dots = [0f32; 2];
            let (mut i, mut j) = (0, 0);
            while i < q.len() && j < m.len() {
                match q[i].0.cmp(&m[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        if let Some(d) = dots.get_mut(q[i].2 as usize) {
                            *d += q[i].1 * m[j].1;
                        }
                        i += 1;
                        j += 1;
                    }
                }
            }
            best[0] = best[0].max(dots[0]);
            best[1] = best[1].max(dots[1]);
        }
        best
    }

    /// A member as a story keeps it: the article's words and names, each group trimmed to its
    /// heaviest terms and normalised again, sorted by id.
    fn member(&self, q: &Query) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        for (g, &keep) in self.config.member_terms.iter().enumerate() {
            let mut v: Vec<(u32, f32)> = q
                .iter()
                .filter(|e| e.2 as usize == g)
                .map(|e| (e.0, e.1))
                .collect();
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(keep);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                out.extend(v.into_iter().map(|(t, w)| (t, w / norm)));
            }
        }
        out.sort_unstable_by_key(|e| e.0);
        out
    }

    /// Keeps a story's most recent members: by publication time, undated ones as the newest.
    fn keep_members(&self, s: &mut Story) {
        if s.members.len() > self.config.members {
            s.members
                .sort_by_key(|(t, _)| (t.is_none(), t.unwrap_or(0)));
            let extra = s.members.len() - self.config.members;
            s.members.drain(..extra);
        }
    }

    /// Cosine of an article vector with a story (the mean of the group cosines).
    pub fn cosine(&self, id: StoryId, vector: &SparseVector) -> Option<f32> {
        let s = self.stories.get(&id)?;
        let c = self.overlap(&self.lookup(vector), s).cos;
        Some((c[0] + c[1] + c[2]) / 3.0)
    }

    /// Every candidate story for an article, scored by the join model, most probable first.
    pub fn candidates(&self, vector: &SparseVector, time: Option<i64>) -> Vec<Candidate> {
        let q = self.lookup(vector);
        let mut heaviest: Vec<&(u32, f32, u8)> = q.iter().collect();
        heaviest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // A term in very many stories tells none of them apart, and would make the lookup slow.
        let too_common = (self.stories.len() / 50).max(MIN_COMMON_POSTINGS);
        let mut hits: FxHashMap<StoryId, u32> = FxHashMap::default();
        for (term, _, _) in heaviest.into_iter().take(self.config.query_terms) {
            if let Some(ids) = self.postings.get(term) {
                if ids.len() > too_common {
                    continue;
                }
                for id in ids {
                    *hits.entry(*id).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(StoryId, u32)> = hits.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let max_gap = self.config.max_gap_secs;
        let mut scored: Vec<(StoryId, &Story, Overlap)> = ranked
            .into_iter()
            .filter_map(|(id, _)| self.stories.get(&id).map(|s| (id, s)))
            .filter(|(_, s)| match (time, s.span) {
                (Some(t), Some((first, last))) => t >= first - max_gap && t <= last + max_gap,
                _ => true,
            })
            .take(self.config.candidates)
            .map(|(id, s)| (id, s, self.overlap(&q, s)))
            .collect();
        // Members are compared only for the candidates most similar to the article; the others
        // take their centroid's cosines (a one-article story's member is its centroid).
        let sim = |o: &Overlap| o.cos[0] + o.cos[1] + o.cos[2];
        scored.sort_by(|a, b| sim(&b.2).total_cmp(&sim(&a.2)).then_with(|| a.0.cmp(&b.0)));
        let mut out: Vec<Candidate> = scored
            .into_iter()
            .enumerate()
            .map(|(rank, (id, s, overlap))| {
                let member = if rank < self.config.member_candidates && !s.members.is_empty() {
                    self.nearest_member(&q, s)
                } else {
                    [overlap.cos[0], overlap.cos[1]]
                };
                let f = features(
                    overlap,
                    member,
                    s.span,
                    s.size,
                    time,
                    self.config.window_secs,
                );
                Candidate {
                    story: id,
                    probability: self.config.model.probability(&f),
                    features: f,
                    running: s
                        .span
                        .is_some_and(|(first, last)| last - first > self.config.window_secs),
                    undated: time.is_none() || s.span.is_none(),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.probability
                .total_cmp(&a.probability)
                .then_with(|| a.story.cmp(&b.story))
        });
        out
    }

    /// The probability a candidate must reach: higher for archived stories and where time
    /// cannot be told.
    pub fn threshold_for(&self, c: &Candidate) -> f32 {
        let archived = c.features[3] > 0.5;
        if c.undated {
            self.config
                .model
                .undated_threshold
                .max(self.config.model.threshold)
        } else if archived && c.running {
            self.config
                .model
                .running_threshold
                .max(self.config.model.threshold)
        } else if archived {
            self.config
                .archived_threshold
                .max(self.config.model.threshold)
        } else {
            self.config.model.threshold
        }
    }

    /// The story an article at `time` joins, if any candidate clears its threshold. An
    /// article without a date (`None`) cannot be placed in time, so no gap counts against it.
    pub fn best_match(&self, vector: &SparseVector, time: Option<i64>) -> Option<Match> {
        let best = self
            .candidates(vector, time)
            .into_iter()
            .find(|c| c.probability >= self.threshold_for(c))?;
        Some(Match {
            story: best.story,
            score: best.probability,
            shared_terms: self.shared_terms(vector, best.story, 8),
        })
    }

    fn shared_terms(&self, vector: &SparseVector, id: StoryId, n: usize) -> Vec<String> {
        let Some(s) = self.stories.get(&id) else {
            return Vec::new();
        };
        let mut shared: Vec<(&String, f32)> = vector
            .iter()
            .filter(|(t, _)| !t.starts_with("t:"))
            .filter_map(|(t, w)| {
                let id = self.ids.get(t.as_str())?;
                let k = s.centroid.binary_search_by_key(id, |e| e.0).ok()?;
                Some((t, s.centroid[k].1 * w))
            })
            .collect();
        shared.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        // A name is often a word too ("w:greyhaven", "e:greyhaven"): it is shown once.
        let mut shown: HashSet<&str> = HashSet::new();
        shared
            .into_iter()
            .filter(|(t, _)| shown.insert(t.get(2..).unwrap_or(t)))
            .take(n)
            .map(|(t, _)| t.clone())
            .collect()
    }

    /// Stories that turn out to be one with `joined`, which an article at `time` has just
    /// joined: active candidates the article could have joined as well (their probability
    /// clears the threshold) whose centroids are close to the joined story's. Each comes with the
    /// similarity of the two stories.
    pub fn merges_after_join(
        &self,
        vector: &SparseVector,
        time: Option<i64>,
        joined: StoryId,
    ) -> Vec<(StoryId, f32)> {
        let Some(target) = self.stories.get(&joined) else {
            return Vec::new();
        };
        self.candidates(vector, time)
            .into_iter()
            // Only stories alive at the same time merge: an archived story that a newcomer
            // also resembles is a past event it recalls, not the same one. For the same reason
            // an article that cannot be placed in time merges nothing: two look-alike events
            // both resemble it.
            .filter(|c| {
                c.story != joined
                    && c.features[3] < 0.5
                    && !c.undated
                    && c.probability >= self.threshold_for(c)
            })
            .filter_map(|c| {
                let other = self.stories.get(&c.story)?;
                let sim = self.story_similarity(target, other);
                (sim >= self.config.merge_similarity).then_some((c.story, sim))
            })
            .collect()
    }

    /// Mean over term groups of the cosine between two stories' centroids.
    fn story_similarity(&self, a: &Story, b: &Story) -> f32 {
        let mut dots = [0f32; G];
        let (mut i, mut j) = (0, 0);
        while i < a.centroid.len() && j < b.centroid.len() {
            match a.centroid[i].0.cmp(&b.centroid[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let g = self.groups[a.centroid[i].0 as usize] as usize;
                    dots[g] += a.centroid[i].1 * b.centroid[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let total: f32 = dots
            .iter()
            .zip(a.norms.iter().zip(&b.norms))
            .filter(|(_, (na, nb))| **na > 0.0 && **nb > 0.0)
            .map(|(dot, (na, nb))| dot / (na.sqrt() * nb.sqrt()))
            .sum();
        total / 3.0
    }

    /// Merges story `from` into story `into`: centroids add up, spans join, and `from` is gone.
    pub fn merge(&mut self, into: StoryId, from: StoryId) -> bool {
        if into == from {
            return false;
        }
        let Some(other) = self.stories.remove(&from) else {
            return false;
        };
        let Some(mut s) = self.stories.remove(&into) else {
            self.stories.insert(from, other);
            return false;
        };
        for t in &other.indexed {
            if let Some(ids) = self.postings.get_mut(t) {
                ids.retain(|id| *id != from);
            }
        }
        let merged = sum_sorted(&s.centroid, &other.centroid, self.config.story_terms);
        s.centroid = merged;
        s.span = match (s.span, other.span) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (x, None) => x,
            (None, y) => y,
        };
        s.size += other.size;
        s.members.extend(other.members);
        self.keep_members(&mut s);
        self.refresh(&mut s);
        self.index_terms(into, &mut s);
        self.stories.insert(into, s);
        true
    }

    /// Starts a story with one article.
    pub fn start(&mut self, id: StoryId, vector: &SparseVector, time: Option<i64>) {
        let q = self.query(vector);
        let members = if self.config.members > 0 {
            vec![(time, self.member(&q))]
        } else {
            Vec::new()
        };
        let mut s = Story {
            centroid: q.iter().map(|(t, w, _)| (*t, *w)).collect(),
            norms: [0.0; G],
            span: time.map(|t| (t, t)),
            size: 1,
            indexed: Vec::new(),
            members,
        };
        self.refresh(&mut s);
        self.index_terms(id, &mut s);
        self.stories.insert(id, s);
    }

    /// Adds an article to a story: its vector joins the centroid and its time the span.
    /// Returns whether the story is in the index.
    pub fn add(&mut self, id: StoryId, vector: &SparseVector, time: Option<i64>) -> bool {
        let q = self.query(vector);
        let Some(mut s) = self.stories.remove(&id) else {
            return false;
        };
        let added: Vec<(u32, f32)> = q.iter().map(|(t, w, _)| (*t, *w)).collect();
        let merged = sum_sorted(&s.centroid, &added, self.config.story_terms);
        s.centroid = merged;
        if let Some(t) = time {
            s.span = Some(match s.span {
                Some((first, last)) => (first.min(t), last.max(t)),
                None => (t, t),
            });
        }
        s.size += 1;
        if self.config.members > 0 {
            s.members.push((time, self.member(&q)));
            self.keep_members(&mut s);
        }
        self.refresh(&mut s);
        self.index_terms(id, &mut s);
        self.stories.insert(id, s);
        true
    }

    /// Forgets dated stories that ended before `time`; returns how many.
    pub fn evict_before(&mut self, time: i64) -> usize {
        let old: HashSet<StoryId> = self
            .stories
            .iter()
            .filter(|(_, s)| s.span.is_some_and(|(_, last)| last < time))
            .map(|(id, _)| *id)
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

/// The sum of two vectors sorted by term id, trimmed to its `keep` heaviest terms once it has
/// grown past twice that (trimming at every step would cost more than it saves).
fn sum_sorted(a: &[(u32, f32)], b: &[(u32, f32)], keep: usize) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    if out.len() > keep * 2 {
        out.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        out.truncate(keep);
        out.sort_unstable_by_key(|e| e.0);
    }
    out
}

/// Posting lists at least this long may be skipped as too common, however few stories there are.
const MIN_COMMON_POSTINGS: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(title: &str, text: &str, df: &DocFrequencies) -> SparseVector {
        let a = newsdesk_text::analyze(title, text, Some("en"));
        article_vector(&article_terms(&a), df, &StoryConfig::default())
    }

    #[test]
    fn same_event_joins_other_event_starts_a_story() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("Bridge collapses in Port Meridian", "A bridge over the Teller River collapsed in Port Meridian on Tuesday, killing at least 14 people, the fire department said. Divers searched the river for survivors.", &df);
        index.start(1, &a, Some(0));
        let b = vector("Port Meridian bridge collapse kills 16", "At least 16 people died when the Teller River bridge in Port Meridian collapsed, health officials said. Divers kept searching the river overnight.", &df);
        let m = index.best_match(&b, Some(DAY)).expect("joins");
        assert_eq!(m.story, 1);
        assert!(
            m.shared_terms.iter().any(|t| t == "e:port meridian"),
            "{:?}",
            m.shared_terms
        );
        let c = vector("Central bank raises rates", "The central bank of Estavia raised interest rates by half a point on Thursday to curb inflation, its governor said.", &df);
        assert_eq!(index.best_match(&c, Some(DAY)), None);
    }

    #[test]
    fn a_shared_term_is_named_once_though_it_is_a_word_and_a_name() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("Fire at Greyhaven plant", "A fire tore through a plastics plant in Greyhaven overnight. Greyhaven firefighters fought the blaze at the Keller plant.", &df);
        index.start(1, &a, Some(0));
        let b = vector("Greyhaven fire injures 19", "The Greyhaven fire at the Keller plastics plant has injured 19 people, Greyhaven officials said.", &df);
        let m = index.best_match(&b, Some(DAY)).expect("joins");
        let shown: Vec<&str> = m.shared_terms.iter().map(|t| &t[2..]).collect();
        assert!(shown.contains(&"greyhaven"), "{shown:?}");
        let distinct: HashSet<&str> = shown.iter().copied().collect();
        assert_eq!(distinct.len(), shown.len(), "{shown:?}");
    }

    #[test]
    fn gaps_cost_and_undated_articles_carry_none() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("Bridge collapses in Port Meridian", "A bridge over the Teller River collapsed in Port Meridian on Tuesday, killing at least 14 people.", &df);
        index.start(1, &a, Some(0));
        let near = index.candidates(&a, Some(5 * DAY))[0].probability;
        let far = index.candidates(&a, Some(200 * DAY))[0].probability;
        let archived = &index.candidates(&a, Some(200 * DAY))[0];
        assert!(
            index.threshold_for(archived) >= 0.95,
            "archived stories ask for more"
        );
        let undated = index.candidates(&a, None)[0].probability;
        assert!(far <= near, "{far} <= {near}");
        assert_eq!(
            index.candidates(&a, Some(5 * DAY))[0].features[3],
            0.0,
            "within the window"
        );
        assert!((undated - index.candidates(&a, Some(0))[0].probability).abs() < 1e-6);
        assert!(
            index.candidates(&a, Some(4000 * DAY)).is_empty(),
            "beyond the largest gap"
        );
        assert!(index.add(1, &a, Some(DAY)));
        assert_eq!(
            index.get(1).map(|s| (s.size, s.span)),
            Some((2, Some((0, DAY))))
        );
        assert_eq!(index.evict_before(2 * DAY), 1);
        assert!(index.is_empty());
    }

    #[test]
    fn a_bridging_article_merges_two_stories_of_one_event() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("Bridge collapses in Port Meridian", "The Halvard Bridge over the Teller River collapsed in Port Meridian on Tuesday, killing 14 people, the fire department said.", &df);
        let b = vector("Divers search Teller River after Port Meridian bridge collapse", "Divers searched the Teller River in Port Meridian for survivors of the Halvard Bridge collapse, officials said.", &df);
        index.start(1, &a, Some(0));
        index.start(2, &b, Some(0));
        let joined = index
            .best_match(&a, Some(DAY))
            .expect("joins one of them")
            .story;
        assert!(index.add(joined, &a, Some(DAY)));
        let merges = index.merges_after_join(&a, Some(DAY), joined);
        let other = if joined == 1 { 2 } else { 1 };
        assert_eq!(
            merges.iter().map(|m| m.0).collect::<Vec<_>>(),
            vec![other],
            "{merges:?}"
        );
        assert!(index.merge(joined, other));
        assert_eq!(index.len(), 1);
        assert_eq!(index.get(joined).map(|s| s.size), Some(3));
        assert!(
            index
                .candidates(&b, Some(DAY))
                .iter()
                .all(|c| c.story == joined),
            "postings follow the merge"
        );
        assert!(!index.merge(joined, other), "a story merges once");
    }

    #[test]
    fn an_article_that_cannot_be_placed_in_time_needs_more_and_merges_nothing() {
        let df = DocFrequencies::default();
        let mut config = StoryConfig::default();
        config.model.threshold = 0.25;
        config.model.undated_threshold = 0.9;
        let mut index = StoryIndex::new(config);
        let a = vector("Bridge collapses in Port Meridian", "The Halvard Bridge over the Teller River collapsed in Port Meridian on Tuesday, killing 14 people, the fire department said.", &df);
        let b = vector("Divers search Teller River after Port Meridian bridge collapse", "Divers searched the Teller River in Port Meridian for survivors of the Halvard Bridge collapse, officials said.", &df);
        index.start(1, &a, Some(0));
        index.start(2, &b, Some(0));
        let dated = &index.candidates(&a, Some(DAY))[0];
        let undated = &index.candidates(&a, None)[0];
        assert!(!dated.undated && undated.undated);
        assert_eq!(index.threshold_for(dated), 0.25);
        assert_eq!(index.threshold_for(undated), 0.9);
        // A story with no dated article cannot be placed in time either.
        index.start(3, &a, None);
        let c = index.candidates(&a, Some(DAY));
        assert!(c.iter().find(|c| c.story == 3).is_some_and(|c| c.undated));
        // The dated article would merge the two stories it bridges (see the test above);
        // undated, it joins one and merges nothing.
        let joined = index.best_match(&a, None).expect("joins").story;
        assert!(index.add(joined, &a, None));
        assert!(index.merges_after_join(&a, None, joined).is_empty());
        assert!(!index.merges_after_join(&a, Some(DAY), 1).is_empty());
    }

    #[test]
    fn a_running_story_reopens_more_easily_than_a_closed_event() {
        let df = DocFrequencies::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let a = vector("Bridge collapses in Port Meridian", "A bridge over the Teller River collapsed in Port Meridian on Tuesday, killing at least 14 people.", &df);
        index.start(1, &a, Some(0));
        index.start(2, &a, Some(0));
        assert!(index.add(2, &a, Some(30 * DAY)));
        let later = index.candidates(&a, Some(100 * DAY));
        let closed = later.iter().find(|c| c.story == 1).expect("closed event");
        let running = later.iter().find(|c| c.story == 2).expect("running story");
        assert!(!closed.running && running.running);
        assert!(index.threshold_for(running) < index.threshold_for(closed));
    }

    #[test]
    fn a_story_keeps_its_most_recent_members_through_storage() {
        let df = DocFrequencies::default();
        let config = StoryConfig::default();
        let mut index = StoryIndex::new(config.clone());
        let a = vector("Bridge collapses in Port Meridian", "A bridge over the Teller River collapsed in Port Meridian on Tuesday, killing at least 14 people.", &df);
        let b = vector("Divers search the Teller River", "Divers searched the Teller River in Port Meridian for survivors of the bridge collapse.", &df);
        index.start(1, &a, Some(0));
        for day in 1..=config.members as i64 + 2 {
            assert!(index.add(1, &b, Some(day * DAY)));
        }
        let stored = index.get(1).expect("story");
        assert_eq!(stored.members.len(), config.members);
        assert!(stored.members.iter().all(|m| m.time >= Some(3 * DAY)));
        // The first article is no longer a kept member, so the nearest member is the diver's.
        let c = &index.candidates(&a, Some(7 * DAY))[0];
        let nearest_words = c.features[FEATURES.iter().position(|f| *f == "member_words").unwrap()];
        assert!(nearest_words < 0.99, "{nearest_words}");
        let mut reloaded = StoryIndex::new(config);
        reloaded.insert(stored.clone());
        let by_term = |s: ActiveStory| {
            let mut s = s;
            for m in &mut s.members {
                m.vector.sort_by(|x, y| x.0.cmp(&y.0));
            }
            s
        };
        assert_eq!(reloaded.get(1).map(by_term), Some(by_term(stored)));
        let again = reloaded.candidates(&a, Some(7 * DAY))[0].features;
        assert!(
            again
                .iter()
                .zip(&c.features)
                .all(|(x, y)| (x - y).abs() < 1e-5),
            "the same evidence after storage: {again:?} vs {:?}",
            c.features
        );
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

    #[test]
    fn article_groups_have_unit_length() {
        let v = vector(
            "Storm hits coast",
            "A storm hit Port Meridian and Valdera on Monday, cutting power.",
            &DocFrequencies::default(),
        );
        for g in GROUPS {
            let norm: f32 = v
                .iter()
                .filter(|(t, _)| t.starts_with(g))
                .map(|(_, w)| w * w)
                .sum();
            assert!((norm - 1.0).abs() < 1e-4, "{g}: {norm}");
        }
    }
}
