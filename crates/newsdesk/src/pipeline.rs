//! The flow for one article at a time: identity → analysis → copies → story → store.
//!
//! Each step's decision is made by a pure core (`newsdesk-core`, `newsdesk-text`); this module
//! only carries data between them and the store, and keeps the in-memory state that the store
//! would be too slow to query per article (document frequencies, the active stories' index).
//! What depends on the article alone ([`analyse`]: identity, text analysis, fingerprint, copy
//! profile) is split from what depends on the archive ([`Pipeline::add_analysed`]), so that
//! the first can run on many articles at once while the second keeps arrival order.

use anyhow::{Context, Result};

use newsdesk_core::copies::{
    self, anchors, judge_prepared, rewrite, Judgement, Prepared, MIN_SHARED,
};
use newsdesk_core::identity::{canonical_url, host, identity};
use newsdesk_core::stories::{
    article_terms, article_vector, DocFrequencies, SparseVector, StoryConfig, StoryIndex,
};
use newsdesk_core::{Article, CopyKind, CopyLink, StoryId};
use newsdesk_extract::dates::to_unix_seconds;
use newsdesk_ingest::Document;
use newsdesk_store::{CopyView, NewArticle, Store};

/// What became of one stored article.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: String,
    pub story: StoryId,
    pub new_story: bool,
    pub copy_of: Option<String>,
}

/// Copy candidates scored per article: enough to find every reprint of a wire story that the
/// shingle index ranks first, bounded so a viral story cannot make one article slow.
const COPY_CANDIDATES: usize = 20;
/// Rewrite candidates judged per article, by shared anchors.
const REWRITE_CANDIDATES: usize = 10;

/// Whether time `a` is surely before time `b`. A date without a time of day (stored as its
/// midnight) is only before times of later days: "11 February" is not earlier than "11 February,
/// 05:40".
fn surely_earlier(a: i64, b: i64) -> bool {
    const DAY: i64 = 86_400;
    let date_only = |t: i64| t.rem_euclid(DAY) == 0;
    if date_only(a) || date_only(b) {
        a.div_euclid(DAY) < b.div_euclid(DAY)
    } else {
        a < b
    }
}

/// Whether judgement `a` (of an article at `a_time`) is surer than `b`: an exact copy beats a
/// near one beats a rewrite, then the higher score, then the earlier original.
fn surer(a: &Judgement, a_time: i64, b: &Judgement, b_time: i64) -> bool {
    let rank = |j: &Judgement| match j.kind {
        Some(CopyKind::Exact) => 3,
        Some(CopyKind::Near) => 2,
        Some(CopyKind::Rewrite | CopyKind::Translation) => 1,
        None => 0,
    };
    (rank(a), a.score, -a_time) > (rank(b), b.score, -b_time)
}

pub struct Pipeline {
    store: Store,
    df: DocFrequencies,
    stories: StoryIndex,
    /// Every stored story that ends at or after this time is in memory; older ones may not be.
    loaded_since: i64,
    /// The latest publication time seen in this run, from which stories too old for any
    /// later article to join are let go.
    newest: i64,
    now: i64,
    rewrite_model: rewrite::RewriteModel,
}

impl Pipeline {
    /// Opens the flow over a store with these story clustering settings, loading the document
    /// frequencies and, lazily, the stories that articles' times reach.
    pub fn new(store: Store, stories: StoryConfig) -> Result<Pipeline> {
        let df = store
            .load_doc_frequencies()
            .context("loading term statistics")?;
        Ok(Pipeline {
            store,
            df,
            stories: StoryIndex::new(stories),
            loaded_since: i64::MAX,
            newest: i64::MIN,
            now: jiff::Timestamp::now().as_second(),
            rewrite_model: rewrite::RewriteModel::shipped(),
        })
    }

    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Loads the stories an article at `time` may join that are not in memory yet: every
    /// story that ends within the largest gap the clusterer considers, archived ones included
    /// (a running story takes a development months later, and a reprint follows its original
    /// however old). So a stream ingested in one run or in many is clustered alike.
    fn reach_back_to(&mut self, time: i64) -> Result<()> {
        let since = time.saturating_sub(self.stories.config().max_gap_secs);
        if since >= self.loaded_since {
            return Ok(());
        }
        for story in self.store.active_stories(since)? {
            if !self.stories.contains(story.id) {
                self.stories.insert(story);
            }
        }
        self.loaded_since = since;
        Ok(())
    }

    /// Lets go of the stories that no article at `time` or later can join, once the horizon
    /// has moved by a window since the last time: memory stays bounded by the stories of the
    /// largest gap, however long the run. An article from further back loads them again.
    fn let_go_before(&mut self, time: i64) {
        if time <= self.newest {
            return;
        }
        self.newest = time;
        let config = self.stories.config();
        let horizon = time.saturating_sub(config.max_gap_secs);
        if horizon > self.loaded_since.saturating_add(config.window_secs) {
            self.stories.evict_before(horizon);
            self.loaded_since = horizon;
        }
    }

    /// The time an undated article is given: when this run started.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Whether the archive already holds this article (by its identity).
    pub fn is_known(&self, article: &Article) -> Result<bool> {
        Ok(self.store.has_identity(&article.identity)?)
    }

    /// Takes an analysed article (see [`analyse`]) through the rest of the flow: copies,
    /// story, store. The caller has checked that the archive does not hold it yet
    /// ([`Pipeline::is_known`]).
    pub fn add_analysed(&mut self, analysed: Analysed) -> Result<Stored> {
        let Analysed {
            article,
            analysis,
            fingerprint: fp,
            profile,
        } = analysed;
        // Copies: the earlier article this one copies most surely. Candidates come from the
        // shingle index (reprints) and the anchor index (rewrites); each is judged in full.
        let df = &self.df;
        let idf = |t: &str| df.idf(&format!("w:{t}"));
        let article_anchors = anchors::anchors(&profile, &idf);
        // Shingle candidates come with what they share; anchor candidates share (almost) no
        // shingles, or the shingle index would have found them.
        let mut candidates: Vec<(String, u32)> = self
            .store
            .copy_candidates(fp.text_hash, &fp.shingles, MIN_SHARED, COPY_CANDIDATES)?
            .into_iter()
            .map(|c| (c.id, c.shared))
            .collect();
        for (id, _) in self.store.anchor_candidates(
            &article_anchors,
            anchors::MIN_SHARED_ANCHORS,
            REWRITE_CANDIDATES,
            anchors::MAX_POSTINGS,
        )? {
            if !candidates.iter().any(|(c, _)| *c == id) {
                candidates.push((id, 0));
            }
        }
        let this = Prepared {
            text_hash: fp.text_hash,
            shingles: fp.shingles.len(),
            profile: &profile,
        };
        // The article's side of every comparison is prepared once.
        let mut stems = rewrite::StemTable::default();
        let this_text = stems.prepare(&profile, &idf).indexed();
        let mut copy: Option<(CopyView, Judgement)> = None;
        for (id, shared) in candidates {
            let Some(view) = self.store.copy_view(&id)? else {
                continue;
            };
            let other = Prepared {
                text_hash: view.text_hash,
                shingles: view.shingles,
                profile: &view.profile,
            };
            let other_text = stems.prepare(&view.profile, &idf);
            let evidence =
                rewrite::compare_prepared(&profile, &this_text, &view.profile, &other_text, &stems);
            let j = judge_prepared(this, other, shared, evidence, &self.rewrite_model);
            if j.copy
                && copy
                    .as_ref()
                    .is_none_or(|(v, best)| surer(&j, view.time, best, v.time))
            {
                copy = Some((view, j));
            }
        }
        if let Some((c, j)) = &copy {
            tracing::debug!(article = %article.source, of = %c.id, kind = ?j.kind, score = j.score, "copy");
        }
        let mut chain = article.id.clone();
        let mut link = None;
        if let Some((c, j)) = &copy {
            chain = c.chain.clone();
            link = Some(CopyLink {
                article: article.id.clone(),
                of: c.id.clone(),
                kind: j.kind.unwrap_or(CopyKind::Rewrite),
                score: j.score,
                shared: j.shared_shingles,
                evidence: j.evidence.clone(),
            });
            // An earlier copy of a chain's root has arrived late: the chain starts with it.
            if article.dated && surely_earlier(article.time, c.time) && c.chain == c.id {
                self.store.reroot_chain(&c.chain, &article.id)?;
                chain = article.id.clone();
            }
        }

        // Story: a copy goes with what it copies; anything else is clustered.
        let terms = article_terms(&analysis);
        let vector = article_vector(&terms, &self.df, self.stories.config());
        let time = article.published_time();
        match time {
            Some(t) => {
                self.let_go_before(t);
                self.reach_back_to(t)?;
            }
            // Undated news is taken to be about events as recent as the newest held.
            None => {
                if let Some(latest) = self.store.latest_story_time()? {
                    self.reach_back_to(latest)?;
                }
            }
        }
        let (story, score, shared_terms, new_story) = match &copy {
            Some((c, j)) if self.stories.contains(c.story) => {
                (c.story, Some(j.score), vec![], false)
            }
            _ => match self.stories.best_match(&vector, time) {
                Some(m) => {
                    tracing::debug!(article = %article.source, story = m.story, score = m.score, "joins");
                    (m.story, Some(m.score), m.shared_terms, false)
                }
                None => {
                    let id = self.store.create_story(&article.id, &vector, time)?;
                    self.stories.start(id, &vector, time);
                    (id, None, vec![], true)
                }
            },
        };
        // The story's title comes from the member closest to its centre; a newcomer takes
        // over when it is closer than the current one.
        let mut representative = None;
        if !new_story && self.stories.add(story, &vector, time) {
            // The newcomer may show that another story is this one.
            for (other, similarity) in self.stories.merges_after_join(&vector, time, story) {
                if self.stories.merge(story, other) {
                    tracing::debug!(article = %article.source, story, other, similarity, "merges");
                    self.store
                        .merge_stories(story, other, &article.id, similarity)?;
                }
            }
            let current = self.store.representative_vector(story)?;
            let closeness = |v: &SparseVector| self.stories.cosine(story, v).unwrap_or(0.0);
            if closeness(&vector) > closeness(&current) {
                representative = Some(());
            }
        }
        if let Some(s) = self.stories.get(story) {
            self.store
                .save_story(&s, representative.map(|()| (article.id.as_str(), &vector)))?;
        }

        self.df.add_document(terms.iter().map(|(t, _)| t.as_str()));
        self.store
            .add_doc_frequencies(terms.iter().map(|(t, _)| t.as_str()))?;
        self.store.insert_article(&NewArticle {
            article: &article,
            analysis: &analysis,
            story,
            story_score: score,
            story_terms: &shared_terms,
            chain: &chain,
            text_hash: fp.text_hash,
            shingles: &fp.shingles,
            anchors: &article_anchors,
            copy_profile: &profile,
        })?;
        if let Some(link) = &link {
            self.store.insert_copy_link(link)?;
        }
        Ok(Stored {
            id: article.id,
            story,
            new_story,
            copy_of: link.map(|l| l.of),
        })
    }
}

/// An article with what depends on it alone computed: its text analysis, its fingerprint and
/// its copy profile.
pub struct Analysed {
    pub article: Article,
    analysis: newsdesk_text::Analysis,
    fingerprint: copies::Fingerprint,
    profile: rewrite::CopyProfile,
}

/// Analyses an article: pure, so many can be analysed at once.
pub fn analyse(article: Article) -> Analysed {
    // Relative dates ("on Tuesday") resolve against the day the article was published.
    let published_day = article
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let analysis = newsdesk_text::analyze_published(
        &article.title,
        &article.text,
        article.language.as_deref(),
        published_day,
    );
    let fingerprint = copies::fingerprint(&article.text);
    let profile = rewrite::profile(&article.text, &analysis);
    Analysed {
        article,
        analysis,
        fingerprint,
        profile,
    }
}

/// A document as an article: identity, outlet, title and time settled.
pub fn to_article(doc: Document, now: i64) -> Article {
    let e = doc.extracted;
    let url = e
        .canonical_url
        .as_deref()
        .and_then(canonical_url)
        .or_else(|| e.url.as_deref().and_then(canonical_url));
    let (identity, id) = identity(url.as_deref(), &e.text);
    let outlet = doc
        .outlet
        .or(e.site_name)
        .or_else(|| url.as_deref().and_then(host))
        .unwrap_or_default();
    let title = e
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| fallback_title(&e.text));
    let published_time = e.published.as_deref().and_then(to_unix_seconds);
    Article {
        time: published_time.unwrap_or(now),
        dated: published_time.is_some(),
        id,
        identity,
        url: url.or(e.url),
        outlet,
        title,
        authors: e.authors,
        published: e.published,
        language: e.language,
        text: e.text,
        source: doc.source,
    }
}

/// The first words of the text, for an article that gives no title.
fn fallback_title(text: &str) -> String {
    let (start, cut) = newsdesk_text::script::first_words(text, 12);
    let mut t = start.split_whitespace().collect::<Vec<_>>().join(" ");
    if cut {
        t.push('…');
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_alone_is_not_earlier_than_a_time_that_day() {
        let day = 20_000 * 86_400;
        assert!(!surely_earlier(day, day + 5 * 3600));
        assert!(surely_earlier(day - 86_400, day + 5 * 3600));
        assert!(surely_earlier(day + 3600, day + 5 * 3600));
        assert!(!surely_earlier(day + 5 * 3600, day));
    }
}
