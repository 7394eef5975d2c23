//! # newsdesk-store
//!
//! Where does it live?
//!
//! One data directory holds everything: `newsdesk.db`, an embedded SQLite database in WAL mode,
//! created and migrated on first use. No server to start. The [`Store`] keeps articles, their
//! analyses, copy links and chains, the sampled shingle index that copy detection queries, the
//! stories with their vectors, and the document frequencies that weigh terms.
//!
//! It knows how to keep and find things, not how to decide them: every decision is made in
//! `newsdesk-core` and handed here to persist.

mod schema;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use newsdesk_core::copies::rewrite::CopyProfile;
use newsdesk_core::stories::{ActiveStory, DocFrequencies, SparseVector};
use newsdesk_core::{Analysis, Article, ArticleId, CopyLink, StoryId};

/// The database file inside the data directory.
pub const DATABASE_FILE: &str = "newsdesk.db";

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create data directory {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database {path} has schema version {found}, newer than this newsdesk knows ({known}); upgrade newsdesk")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An article as stored, with what the stages decided about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub article: Article,
    pub story: Option<StoryId>,
    /// Root of its copy chain (its own id when it copies nothing).
    pub chain: ArticleId,
    pub analysis: Analysis,
    /// How strongly it joined its story: the join model's probability, or the copy score when
    /// it followed its original there (absent for a story's first article).
    pub story_score: Option<f32>,
    /// The terms it shared most with its story when it joined.
    pub story_terms: Vec<String>,
}

/// A story in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: StoryId,
    pub title: String,
    /// A few sentences from the lead of the article the story takes its title from (the one
    /// closest to its centre): what the story is about, as it stands now.
    pub summary: String,
    pub articles: u32,
    /// Distinct copy chains: the independent sources.
    pub independent_sources: u32,
    pub outlets: u32,
    pub first_seen: i64,
    pub last_seen: i64,
    /// Whether any of its articles is dated: if none is, `first_seen` and `last_seen` are when
    /// newsdesk saw them, not when they were published.
    pub dated: bool,
}

/// A copy candidate found through the shingle index.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyCandidate {
    pub id: ArticleId,
    pub story: StoryId,
    pub chain: ArticleId,
    pub text_hash: u64,
    pub shingle_count: usize,
    pub time: i64,
    pub shared: u32,
}

/// A stored article as copy detection sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyView {
    pub id: ArticleId,
    pub profile: CopyProfile,
    pub text_hash: u64,
    /// How many sampled shingles it has.
    pub shingles: usize,
    pub chain: ArticleId,
    pub time: i64,
    pub story: StoryId,
}

/// Everything a new article brings to the store at once.
#[derive(Debug, Clone)]
pub struct NewArticle<'a> {
    pub article: &'a Article,
    pub analysis: &'a Analysis,
    pub story: StoryId,
    pub story_score: Option<f32>,
    pub story_terms: &'a [String],
    pub chain: &'a str,
    pub text_hash: u64,
    pub shingles: &'a [u64],
    /// Anchors for reworded-copy candidates (see `newsdesk_core::copies::anchors`).
    pub anchors: &'a [u64],
    /// What rewrite detection compares (see `newsdesk_core::copies::rewrite`).
    pub copy_profile: &'a CopyProfile,
}

/// The embedded store of one data directory.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    in_batch: bool,
    /// Document-frequency increments of the open batch, written when it commits: one row per
    /// distinct term of the batch instead of one per term of every article.
    pending_df: HashMap<String, u32>,
}

impl Store {
    /// Opens (creating and migrating when needed) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
            path: dir.to_owned(),
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        conn.execute_batch(
            // A 64 MiB page cache and memory-mapped reads: ingest looks up postings for every
            // article, and the default 2 MiB cache sends most of those lookups to the disk.
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY;",
        )
        .map_err(open_err)?;
        let mut store = Store {
            conn,
            path,
            in_batch: false,
            pending_df: HashMap::new(),
        };
        schema::migrate(&mut store.conn, &store.path)?;
        Ok(store)
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a batch: writes until [`Store::commit_batch`] land together, which is much faster
    /// than one transaction per article and leaves the store as it was if the run dies.
    pub fn begin_batch(&mut self) -> Result<()> {
        if !self.in_batch {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_batch = true;
        }
        Ok(())
    }

    /// Commits the current batch, if any.
    pub fn commit_batch(&mut self) -> Result<()> {
        if self.in_batch {
            self.write_pending_df()?;
            self.conn.execute_batch("COMMIT")?;
            self.in_batch = false;
        }
        Ok(())
    }

    /// Whether an article with this identity key is stored.
    pub fn has_identity(&self, identity: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE identity = ?1")?
            .exists(params![identity])?)
    }

    /// Stores a new article with its analysis, story, chain and shingles.
    pub fn insert_article(&mut self, new: &NewArticle<'_>) -> Result<()> {
        let a = new.article;
        self.conn
            .prepare_cached(
                "INSERT INTO articles (id, identity, url, outlet, title, authors, published, time,
                    language, text, source, ingested_at, story, chain, text_hash, shingle_count,
                    analysis, story_score, story_terms, dated, copy_profile)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, unixepoch(), ?12, ?13, ?14,
                    ?15, ?16, ?17, ?18, ?19, ?20)",
            )?
            .execute(params![
                a.id,
                a.identity,
                a.url,
                a.outlet,
                a.title,
                serde_json::to_string(&a.authors)?,
                a.published,
                a.time,
                a.language,
                a.text,
                a.source,
                new.story,
                new.chain,
                new.text_hash as i64,
                new.shingles.len() as i64,
                serde_json::to_string(new.analysis)?,
                new.story_score,
                serde_json::to_string(new.story_terms)?,
                a.dated,
                serde_json::to_string(new.copy_profile)?,
            ])?;
        let mut stmt = self
            .conn
            .prepare_cached("INSERT INTO shingles (hash, article) VALUES (?1, ?2)")?;
        for h in new.shingles {
            stmt.execute(params![*h as i64, a.id])?;
        }
        let mut stmt = self
            .conn
            .prepare_cached("INSERT INTO anchors (hash, article) VALUES (?1, ?2)")?;
        for h in new.anchors {
            stmt.execute(params![*h as i64, a.id])?;
        }
        Ok(())
    }

    /// Articles sharing at least `min_shared` anchors with `anchors`, most shared first, at most
    /// `limit`; anchors held by more than `max_postings` articles are passed over as too common
    /// to tell anything.
    pub fn anchor_candidates(
        &self,
        anchors: &[u64],
        min_shared: u32,
        limit: usize,
        max_postings: usize,
    ) -> Result<Vec<(ArticleId, u32)>> {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article FROM anchors WHERE hash = ?1 LIMIT ?2")?;
        for h in anchors {
            let ids: Vec<String> = stmt
                .query_map(params![*h as i64, max_postings as i64 + 1], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            if ids.len() > max_postings {
                continue;
            }
            for id in ids {
                *counts.entry(id).or_default() += 1;
            }
        }
        let mut out: Vec<(String, u32)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= min_shared)
            .collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.truncate(limit);
        Ok(out)
    }

    /// What copy detection needs of a stored article: its profile, hash, shingle count, chain,
    /// time and story.
    pub fn copy_view(&self, id: &str) -> Result<Option<CopyView>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT copy_profile, text_hash, shingle_count, chain, time, story FROM articles WHERE id = ?1",
            )?
            .query_row(params![id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })
            .optional()?;
        row.map(|(profile, text_hash, shingles, chain, time, story)| {
            Ok(CopyView {
                id: id.to_owned(),
                profile: serde_json::from_str(&profile)?,
                text_hash: text_hash as u64,
                shingles: shingles as usize,
                chain,
                time,
                story,
            })
        })
        .transpose()
    }

    /// Articles sharing at least `min_shared` sampled shingles with `shingles`, or the same
    /// text hash, most shared first, at most `limit`.
    pub fn copy_candidates(
        &self,
        text_hash: u64,
        shingles: &[u64],
        min_shared: u32,
        limit: usize,
    ) -> Result<Vec<CopyCandidate>> {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article FROM shingles WHERE hash = ?1")?;
        for h in shingles {
            let rows = stmt.query_map(params![*h as i64], |r| r.get::<_, String>(0))?;
            for id in rows {
                *counts.entry(id?).or_default() += 1;
            }
        }
        let mut exact = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE text_hash = ?1")?;
        for id in exact.query_map(params![text_hash as i64], |r| r.get::<_, String>(0))? {
            counts.entry(id?).or_insert(u32::MAX);
        }
        let mut ids: Vec<(String, u32)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= min_shared)
            .collect();
        ids.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ids.truncate(limit);
        let mut meta = self.conn.prepare_cached(
            "SELECT chain, text_hash, shingle_count, time, story FROM articles WHERE id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for (id, shared) in ids {
            let row = meta
                .query_row(params![id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                })
                .optional()?;
            if let Some((chain, hash, count, time, story)) = row {
                out.push(CopyCandidate {
                    id,
                    story,
                    chain,
                    text_hash: hash as u64,
                    shingle_count: count as usize,
                    time,
                    shared: if shared == u32::MAX {
                        count as u32
                    } else {
                        shared
                    },
                });
            }
        }
        Ok(out)
    }

    /// Records a copy link.
    pub fn insert_copy_link(&mut self, link: &CopyLink) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO copy_links (article, of_article, kind, score, shared, evidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                link.article,
                link.of,
                link.kind.as_str(),
                link.score,
                link.shared,
                serde_json::to_string(&link.evidence)?,
            ])?;
        Ok(())
    }

    /// Moves every article of chain `old` to chain `new`: an earlier copy has turned up, so
    /// the chain is rooted at it now.
    pub fn reroot_chain(&mut self, old: &str, new: &str) -> Result<usize> {
        Ok(self
            .conn
            .prepare_cached("UPDATE articles SET chain = ?2 WHERE chain = ?1")?
            .execute(params![old, new])?)
    }

    /// The copy links among a story's articles.
    pub fn copy_links_in_story(&self, story: StoryId) -> Result<Vec<CopyLink>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.article, l.of_article, l.kind, l.score, l.shared, l.evidence FROM copy_links l
             JOIN articles a ON a.id = l.article WHERE a.story = ?1 ORDER BY a.time, a.id",
        )?;
        let rows = stmt.query_map(params![story], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, f32>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (article, of, kind, score, shared, evidence) = row?;
            out.push(CopyLink {
                article,
                of,
                kind: newsdesk_core::CopyKind::parse(&kind)
                    .unwrap_or(newsdesk_core::CopyKind::Near),
                score,
                shared,
                evidence: serde_json::from_str(&evidence)?,
            });
        }
        Ok(out)
    }

    /// Document frequencies of every term seen.
    pub fn load_doc_frequencies(&self) -> Result<DocFrequencies> {
        let documents: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        let mut stmt = self.conn.prepare("SELECT term, df FROM term_df")?;
        let mut df = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
            .collect::<std::result::Result<HashMap<_, _>, _>>()?;
        // Counts of the open batch are not written yet.
        for (t, n) in &self.pending_df {
            *df.entry(t.clone()).or_default() += n;
        }
        Ok(DocFrequencies {
            documents: documents as u64,
            df,
        })
    }

    /// Counts one more document for each of `terms`.
    /// Within a batch the counts are gathered and written when it commits.
    pub fn add_doc_frequencies<'a>(
        &mut self,
        terms: impl IntoIterator<Item = &'a str>,
    ) -> Result<()> {
        for t in terms {
            match self.pending_df.get_mut(t) {
                Some(n) => *n += 1,
                None => {
                    self.pending_df.insert(t.to_owned(), 1);
                }
            }
        }
        if !self.in_batch {
            self.write_pending_df()?;
        }
        Ok(())
    }

    fn write_pending_df(&mut self) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO term_df (term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df = df + ?2",
        )?;
        for (t, n) in self.pending_df.drain() {
            stmt.execute(params![t, n])?;
        }
        Ok(())
    }

    /// Creates a story and returns its id; its first article is its representative.
    pub fn create_story(
        &mut self,
        representative: &str,
        vector: &SparseVector,
        time: Option<i64>,
    ) -> Result<StoryId> {
        self.conn
            .prepare_cached(
                "INSERT INTO stories (title_article, title_vector, first_time, last_time, size, centroid)
                 VALUES (?1, ?2, ?3, ?3, 0, '{}')",
            )?
            .execute(params![representative, serde_json::to_string(vector)?, time])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Saves a story's state after an article joined it; `representative` replaces the
    /// article whose title the story shows when given.
    pub fn save_story(
        &mut self,
        story: &ActiveStory,
        representative: Option<(&str, &SparseVector)>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE stories SET first_time = ?2, last_time = ?3, size = ?4, centroid = ?5, members = ?6 WHERE id = ?1",
            )?
            .execute(params![
                story.id,
                story.span.map(|s| s.0),
                story.span.map(|s| s.1),
                story.size,
                serde_json::to_string(&story.centroid)?,
                serde_json::to_string(&story.members)?
            ])?;
        if let Some((article, vector)) = representative {
            self.conn
                .prepare_cached(
                    "UPDATE stories SET title_article = ?2, title_vector = ?3 WHERE id = ?1",
                )?
                .execute(params![story.id, article, serde_json::to_string(vector)?])?;
        }
        Ok(())
    }

    /// Merges story `from` into `into`: its articles move, its row goes, and the merge is
    /// recorded with the article that showed the two were one and how alike they were.
    pub fn merge_stories(
        &mut self,
        into: StoryId,
        from: StoryId,
        by_article: &str,
        similarity: f32,
    ) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE articles SET story = ?1 WHERE story = ?2")?
            .execute(params![into, from])?;
        self.conn
            .prepare_cached(
                "INSERT INTO story_merges (story, merged_into, by_article, similarity, merged_at)
                 VALUES (?1, ?2, ?3, ?4, unixepoch())",
            )?
            .execute(params![from, into, by_article, similarity])?;
        self.conn
            .prepare_cached("DELETE FROM stories WHERE id = ?1")?
            .execute(params![from])?;
        Ok(())
    }

    /// The stories merged into `story`: (merged story, by article, similarity).
    pub fn merges_into(&self, story: StoryId) -> Result<Vec<(StoryId, String, f32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT story, by_article, similarity FROM story_merges WHERE merged_into = ?1 ORDER BY rowid",
        )?;
        let rows = stmt.query_map(params![story], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The vector of the article a story takes its title from: the one closest to the story's
    /// centre, kept so that each newcomer can be compared with it.
    pub fn representative_vector(&self, story: StoryId) -> Result<SparseVector> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT title_vector FROM stories WHERE id = ?1")?
            .query_row(params![story], |r| r.get(0))
            .optional()?;
        Ok(json
            .map(|j| serde_json::from_str(&j))
            .transpose()?
            .unwrap_or_default())
    }

    /// Stories whose last dated article is at or after `since` (Unix seconds), and stories
    /// with no dated article, for the clusterer.
    pub fn active_stories(&self, since: i64) -> Result<Vec<ActiveStory>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, centroid, first_time, last_time, size, members FROM stories
             WHERE last_time >= ?1 OR last_time IS NULL",
        )?;
        let rows = stmt.query_map(params![since], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, centroid, first_time, last_time, size, members) = row?;
            out.push(ActiveStory {
                id,
                centroid: serde_json::from_str(&centroid)?,
                span: first_time.zip(last_time),
                size,
                members: serde_json::from_str(&members)?,
            });
        }
        Ok(out)
    }

    /// The newest time of any dated story, if there is one.
    pub fn latest_story_time(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT MAX(last_time) FROM stories", [], |r| r.get(0))?)
    }

    /// All stories, newest first. A story's span is that of its dated articles, and only
    /// falls back to when its articles were seen if none is dated.
    pub fn list_stories(&self) -> Result<Vec<StorySummary>> {
        self.stories_where("")
    }

    fn stories_where(&self, clause: &str) -> Result<Vec<StorySummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT s.id, COALESCE(t.title, ''), COUNT(a.id), COUNT(DISTINCT a.chain),
                    COUNT(DISTINCT CASE WHEN a.outlet = '' THEN a.id ELSE a.outlet END),
                    COALESCE(MIN(CASE WHEN a.dated THEN a.time END), MIN(a.time)) AS first_seen,
                    COALESCE(MAX(CASE WHEN a.dated THEN a.time END), MAX(a.time)) AS last_seen,
                    MAX(a.dated), COALESCE(t.text, '')
             FROM stories s JOIN articles a ON a.story = s.id
             LEFT JOIN articles t ON t.id = s.title_article
             {clause}
             GROUP BY s.id ORDER BY last_seen DESC, s.id DESC"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(StorySummary {
                id: r.get(0)?,
                title: r.get(1)?,
                articles: r.get(2)?,
                independent_sources: r.get(3)?,
                outlets: r.get(4)?,
                first_seen: r.get(5)?,
                last_seen: r.get(6)?,
                dated: r.get(7)?,
                summary: newsdesk_core::ledger::summary(&r.get::<_, String>(8)?),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One story's summary.
    pub fn story_summary(&self, id: StoryId) -> Result<Option<StorySummary>> {
        Ok(self
            .stories_where(&format!("WHERE s.id = {id}"))?
            .into_iter()
            .next())
    }

    /// A story's articles in time order.
    pub fn story_articles(&self, story: StoryId) -> Result<Vec<StoredArticle>> {
        self.articles_where("WHERE story = ?1 ORDER BY time, id", params![story])
    }

    /// Every stored article, in the order they were stored, handed to `f` one at a time so an
    /// export never holds the archive in memory.
    pub fn for_each_article(&self, mut f: impl FnMut(StoredArticle) -> Result<()>) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ARTICLE_COLUMNS} ORDER BY rowid"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(read_article(row)?)?;
        }
        Ok(())
    }

    /// Number of stored articles and stories.
    pub fn counts(&self) -> Result<(u64, u64)> {
        let articles: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        let stories: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM stories", [], |r| r.get(0))?;
        Ok((articles as u64, stories as u64))
    }

    fn articles_where(
        &self,
        clause: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<StoredArticle>> {
        let mut stmt = self.conn.prepare(&format!("{ARTICLE_COLUMNS} {clause}"))?;
        let mut rows = stmt.query(params)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(read_article(row)?);
        }
        Ok(out)
    }
}

const ARTICLE_COLUMNS: &str = "SELECT id, identity, url, outlet, title, authors, published, time,
    language, text, source, story, chain, analysis, story_score, story_terms, dated FROM articles";

fn read_article(r: &rusqlite::Row<'_>) -> Result<StoredArticle> {
    let authors: String = r.get(5)?;
    let analysis: String = r.get(13)?;
    let terms: Option<String> = r.get(15)?;
    Ok(StoredArticle {
        article: Article {
            id: r.get(0)?,
            identity: r.get(1)?,
            url: r.get(2)?,
            outlet: r.get(3)?,
            title: r.get(4)?,
            authors: serde_json::from_str(&authors)?,
            published: r.get(6)?,
            time: r.get(7)?,
            dated: r.get(16)?,
            language: r.get(8)?,
            text: r.get(9)?,
            source: r.get(10)?,
        },
        story: r.get(11)?,
        chain: r.get(12)?,
        analysis: serde_json::from_str(&analysis)?,
        story_score: r.get::<_, Option<f64>>(14)?.map(|s| s as f32),
        story_terms: terms
            .map(|t| serde_json::from_str(&t))
            .transpose()?
            .unwrap_or_default(),
    })
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.in_batch {
            // An unfinished batch is rolled back by SQLite when the connection closes; say so
            // rather than half-commit.
            tracing::warn!("closing the store with an uncommitted batch; it is rolled back");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::CopyKind;

    fn article(id: &str, time: i64) -> Article {
        Article {
            id: id.into(),
            identity: format!("url:https://example.org/{id}"),
            url: Some(format!("https://example.org/{id}")),
            outlet: "Example".into(),
            title: format!("Title {id}"),
            authors: vec!["Jane Doe".into()],
            published: Some("2025-03-04".into()),
            time,
            dated: true,
            language: Some("en".into()),
            text: "Some text.".into(),
            source: "test".into(),
        }
    }

    fn insert(store: &mut Store, a: &Article, story: StoryId, chain: &str, shingles: &[u64]) {
        store
            .insert_article(&NewArticle {
                article: a,
                analysis: &Analysis::default(),
                story,
                story_score: None,
                story_terms: &[],
                chain,
                text_hash: 7,
                shingles,
                anchors: shingles,
                copy_profile: &CopyProfile::default(),
            })
            .expect("insert");
    }

    #[test]
    fn creates_migrates_and_reopens() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        {
            let mut store = Store::open(&data).expect("open");
            let story = store
                .create_story("a", &vec![("w:x".into(), 1.0)], Some(100))
                .expect("story");
            insert(&mut store, &article("a", 100), story, "a", &[1, 2, 3]);
            assert!(store
                .has_identity("url:https://example.org/a")
                .expect("query"));
        }
        let store = Store::open(&data).expect("reopen");
        assert_eq!(store.counts().expect("counts"), (1, 1));
        let journal: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(journal, "wal");
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(Store::open(dir.path()).expect("open"));
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw");
        conn.pragma_update(None, "user_version", 99).expect("bump");
        drop(conn);
        let err = Store::open(dir.path()).err().expect("refused");
        assert!(
            err.to_string().contains("newer than this newsdesk knows"),
            "{err}"
        );
    }

    #[test]
    fn candidates_chains_and_stories() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(dir.path()).expect("open");
        store.begin_batch().expect("batch");
        let story = store.create_story("a", &vec![], Some(100)).expect("story");
        insert(&mut store, &article("a", 100), story, "a", &[1, 2, 3, 4, 5]);
        insert(&mut store, &article("b", 200), story, "a", &[1, 2, 3, 9]);
        store
            .insert_copy_link(&CopyLink {
                article: "b".into(),
                of: "a".into(),
                kind: CopyKind::Near,
                score: 0.75,
                shared: 3,
                evidence: Default::default(),
            })
            .expect("link");
        store.commit_batch().expect("commit");

        let found = store
            .copy_candidates(99, &[1, 2, 3], 2, 10)
            .expect("candidates");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].shared, found[0].story), (3, story));
        // Same text hash counts as a candidate whatever the shingles say.
        let exact = store.copy_candidates(7, &[], 1, 10).expect("candidates");
        assert_eq!(exact.len(), 2);

        assert_eq!(store.reroot_chain("a", "z").expect("reroot"), 2);
        let articles = store.story_articles(story).expect("articles");
        assert!(articles.iter().all(|a| a.chain == "z"));
        assert_eq!(store.copy_links_in_story(story).expect("links").len(), 1);
        let by_anchor = store
            .anchor_candidates(&[1, 2, 3], 3, 10, 100)
            .expect("anchors");
        assert_eq!(by_anchor.len(), 2, "{by_anchor:?}");
        assert_eq!(
            store
                .anchor_candidates(&[1, 2, 3], 1, 10, 1)
                .expect("anchors")
                .len(),
            0,
            "too common"
        );
        let view = store.copy_view("b").expect("view").expect("stored");
        assert_eq!((view.chain.as_str(), view.time), ("z", 200));

        let summary = store
            .story_summary(story)
            .expect("summary")
            .expect("exists");
        assert_eq!(
            (
                summary.articles,
                summary.independent_sources,
                summary.outlets
            ),
            (2, 1, 1)
        );
        assert_eq!((summary.first_seen, summary.last_seen), (100, 200));

        let other = store.create_story("b", &vec![], Some(300)).expect("story");
        insert(
            &mut store,
            &Article {
                identity: "url:https://example.org/c".into(),
                ..article("c", 300)
            },
            other,
            "c",
            &[7],
        );
        store.merge_stories(story, other, "c", 0.6).expect("merge");
        assert_eq!(store.story_articles(story).expect("articles").len(), 3);
        assert!(store.story_summary(other).expect("summary").is_none());
        assert_eq!(
            store.merges_into(story).expect("merges"),
            vec![(other, "c".to_owned(), 0.6)]
        );

        let mut df_terms = vec!["w:a", "w:b"];
        store.add_doc_frequencies(df_terms.drain(..)).expect("df");
        store.add_doc_frequencies(["w:a"]).expect("df");
        let df = store.load_doc_frequencies().expect("df");
        assert_eq!(df.df.get("w:a"), Some(&2));
        assert_eq!(df.documents, 3, "one document per stored article");
        // The batch's counts are written when it commits, and read back from the table.
        store.commit_batch().expect("commit");
        let reopened = Store::open(dir.path()).expect("reopen");
        let df = reopened.load_doc_frequencies().expect("df");
        assert_eq!(df.df.get("w:a"), Some(&2));
        assert_eq!(df.df.get("w:b"), Some(&1));
    }
}
