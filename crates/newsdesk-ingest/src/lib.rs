//! # newsdesk-ingest
//!
//! Where do articles come from?
//!
//! Files and folders: HTML pages (`.html`, `.htm`), plain-text articles (`.txt`, `.md`) and
//! JSON lines (`.jsonl`, one article per line with `url`, `title`, `text` or `html`,
//! `published`, `outlet`), each also gzipped (`.gz`). Folders are walked recursively in a
//! stable order. Every input becomes [`Document`]s or a [`Skipped`] naming the input and the
//! reason, so one broken file never costs the rest of a batch.
//!
//! Reading is streaming and bounded: a JSON-lines file is read a line at a time and no single
//! document may exceed [`MAX_DOCUMENT_BYTES`], so a 50 MB one-line file is refused, not loaded.
//!
//! ```no_run
//! for path in newsdesk_ingest::discover(&["articles/".into()]) {
//!     match path {
//!         Ok(path) => for doc in newsdesk_ingest::read_path(&path) {
//!             match doc {
//!                 Ok(doc) => println!("{}: {:?}", doc.source, doc.extracted.title),
//!                 Err(skipped) => eprintln!("skipped {skipped}"),
//!             }
//!         },
//!         Err(skipped) => eprintln!("skipped {skipped}"),
//!     }
//! }
//! ```

mod files;
mod jsonl;

use std::fmt;
use std::path::PathBuf;

pub use files::{discover, read_path, read_pending, Format, Pending};
pub use jsonl::document_from_json;

/// Extracts pending inputs on every core, a few at a time, and gives the results back in the
/// inputs' order: output stays deterministic and memory stays bounded (a handful of documents
/// per core in flight), while the extraction that dominates reading runs in parallel.
pub fn extract_in_order<I>(inputs: I) -> impl Iterator<Item = Result<Document, Skipped>>
where
    I: Iterator<Item = Result<Pending, Skipped>>,
{
    in_order(inputs, |input| input.and_then(Pending::extract))
}

/// Maps `work` over `inputs` on rayon's pool, in chunks of a few items per thread, yielding the
/// results in input order.
pub fn in_order<I, T, U, F>(inputs: I, work: F) -> impl Iterator<Item = U>
where
    I: Iterator<Item = T>,
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync + Send,
{
    use rayon::prelude::*;
    let chunk = 4 * rayon::current_num_threads().max(1);
    let mut inputs = inputs.fuse();
    let mut ready: std::collections::VecDeque<U> = std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        if ready.is_empty() {
            let batch: Vec<T> = inputs.by_ref().take(chunk).collect();
            ready.extend(batch.into_par_iter().map(&work).collect::<Vec<U>>());
        }
        ready.pop_front()
    })
}

/// The largest single document (an HTML page, a text file, one JSON line), after
/// decompression. News articles are tens of kilobytes; anything past this is not one.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// One article read from an input, before newsdesk decides anything about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Where it came from: a path, with `:LINE` for JSON lines.
    pub source: String,
    pub extracted: newsdesk_extract::Extracted,
    /// The outlet as the input names it (a JSON record's `outlet`); wins over the page's own.
    pub outlet: Option<String>,
}

/// Why an input, or part of one, was not read.
#[derive(Debug, thiserror::Error)]
pub enum SkipReason {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("binary content, not text")]
    Binary,
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    #[error("broken gzip stream: {0}")]
    Gzip(std::io::Error),
    #[error("too large: over {limit} bytes", limit = MAX_DOCUMENT_BYTES)]
    TooLarge,
    #[error("invalid JSON: {0}")]
    Json(serde_json::Error),
    #[error("JSON record has neither `text` nor `html`")]
    NoBody,
    #[error("no article text found")]
    NoText,
    #[error("unsupported file type (expected .html, .htm, .txt, .md, .jsonl, optionally .gz)")]
    Unsupported,
    #[error("{0}")]
    Walk(String),
}

/// An input that was not read, and why.
#[derive(Debug)]
pub struct Skipped {
    pub source: String,
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

impl std::error::Error for Skipped {}

impl Skipped {
    pub(crate) fn new(source: impl Into<String>, reason: SkipReason) -> Skipped {
        Skipped {
            source: source.into(),
            reason,
        }
    }
}

pub(crate) fn display_path(path: &std::path::Path) -> String {
    path.display().to_string()
}

/// Paths given on a command line, as [`discover`] takes them.
pub type Roots = [PathBuf];
