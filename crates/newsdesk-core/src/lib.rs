//! # newsdesk-core
//!
//! Here is an analysed article: is it a copy, which story is it in, and what does it claim?
//!
//! The domain types ([`Article`], [`CopyLink`], story assignments, the [`ledger::Ledger`]) and
//! the three deciding stages, each a pure core with bounded state:
//!
//! - [`copies`]: fingerprints and the copy decision (exact and near-duplicate), so that copy
//!   chains can be rooted at the first publisher;
//! - [`stories`]: online clustering, one article at a time, against an inverted index of the
//!   active stories;
//! - [`ledger`]: the claims of a story grouped across its articles, counted by independent
//!   sources (copy chains), with conflicts and updates told apart.
//!
//! Storage, ingestion and presentation live elsewhere; nothing here does I/O.

pub mod copies;
pub mod identity;
pub mod ledger;
pub mod stories;

use serde::{Deserialize, Serialize};

pub use newsdesk_text::Analysis;

/// An article's stable id: 16 hex digits of the hash of its identity key.
pub type ArticleId = String;

/// A story's id, as the store numbers them.
pub type StoryId = i64;

/// One stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// What makes two inputs the same article: `url:<canonical url>` or `content:<hash>`.
    pub identity: String,
    pub url: Option<String>,
    /// The outlet's display name (site name, else the URL's host, else "unknown outlet").
    pub outlet: String,
    pub title: String,
    pub authors: Vec<String>,
    /// Publication date as the source gives it (ISO 8601).
    pub published: Option<String>,
    /// The article's place in time, Unix seconds: its publication, else when newsdesk first
    /// saw it. Stories are windowed and ordered by it.
    pub time: i64,
    /// Whether `time` is a publication date. An undated article's time is only when it was
    /// seen, which says nothing about the events it reports.
    pub dated: bool,
    pub language: Option<String>,
    pub text: String,
    /// Where it came from (a path, with a line number for JSON lines).
    pub source: String,
}

impl Article {
    /// Its publication time, Unix seconds; `None` for an undated article, whose `time` is only
    /// when newsdesk saw it.
    pub fn published_time(&self) -> Option<i64> {
        self.dated.then_some(self.time)
    }
}

/// How one article copies another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// The same text, word for word.
    Exact,
    /// The same text with light edits: an intro line, a trimmed ending, a new headline.
    Near,
    /// The same article in other words: a synonym-spun rewrite or another translation.
    Rewrite,
    /// The same article in another language: its names and numbers, in the same order.
    Translation,
}

impl CopyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CopyKind::Exact => "exact",
            CopyKind::Near => "near",
            CopyKind::Rewrite => "rewrite",
            CopyKind::Translation => "translation",
        }
    }

    /// Reads the name [`CopyKind::as_str`] writes.
    pub fn parse(name: &str) -> Option<CopyKind> {
        match name {
            "exact" => Some(CopyKind::Exact),
            "near" => Some(CopyKind::Near),
            "rewrite" => Some(CopyKind::Rewrite),
            "translation" => Some(CopyKind::Translation),
            _ => None,
        }
    }
}

/// "This article is a copy of that one", with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyLink {
    /// The later article.
    pub article: ArticleId,
    /// The article it copies.
    pub of: ArticleId,
    pub kind: CopyKind,
    /// Exact and near copies: the share of the shorter text's sampled shingles found in the
    /// other; rewrites: the rewrite model's probability (0–1).
    pub score: f32,
    /// How many sampled shingles the two share.
    pub shared: u32,
    /// What else the two share: aligned sentences, numbers, names.
    #[serde(default)]
    pub evidence: copies::CopyEvidence,
}
