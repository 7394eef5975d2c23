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

/// Extracts pending inputs on every core, a chunk at a time (see [`next_chunk`]), and gives
/// the results back in the inputs' order: output stays deterministic and memory bounded,
/// while the extraction that dominates reading runs in parallel.
pub fn extract_in_order<I>(inputs: I) -> impl Iterator<Item = Result<Document, Skipped>>
where
    I: Iterator<Item = Result<Pending, Skipped>>,
{
    use rayon::prelude::*;
    let mut inputs = inputs.fuse();
    let mut ready: std::collections::VecDeque<Result<Document, Skipped>> = Default::default();
    std::iter::from_fn(move || {
        if ready.is_empty() {
            let chunk = next_chunk(&mut inputs, 4);
            ready.extend(
                chunk
                    .into_par_iter()
                    .map(|input| input.and_then(Pending::extract))
                    .collect::<Vec<_>>(),
            );
        }
        ready.pop_front()
    })
}

/// Bytes of pending input held in one chunk at most, whatever the number of cores: a chunk of
/// many large pages stops early.
pub const MAX_CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// The next inputs to work on together: `per_thread` for each of rayon's threads, fewer once
/// they hold [`MAX_CHUNK_BYTES`] (always at least one). Empty when the inputs are done.
pub fn next_chunk(
    inputs: &mut impl Iterator<Item = Result<Pending, Skipped>>,
    per_thread: usize,
) -> Vec<Result<Pending, Skipped>> {
    let most = per_thread.max(1) * rayon::current_num_threads().max(1);
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < most && bytes < MAX_CHUNK_BYTES {
        let Some(input) = inputs.next() else { break };
        bytes += input.as_ref().map_or(0, Pending::bytes);
        chunk.push(input);
    }
    chunk
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record(i: usize, bytes: usize) -> Result<Pending, Skipped> {
        Ok(Pending::record(format!("in.jsonl:{i}"), vec![b' '; bytes]))
    }

    #[test]
    fn chunks_are_bounded_by_count_and_by_bytes() {
        let threads = rayon::current_num_threads().max(1);
        let mut small = (0..1000).map(|i| record(i, 10));
        assert_eq!(next_chunk(&mut small, 4).len(), 4 * threads);

        // Pages of a fifth of the byte budget: five fill a chunk, whatever the core count.
        let big = MAX_CHUNK_BYTES / 5 + 1;
        let mut large = (0..5 * threads + 20).map(|i| record(i, big));
        let first = next_chunk(&mut large, 1000);
        assert_eq!(first.len(), 5);
        assert_eq!(
            first[0].as_ref().map(Pending::source).ok(),
            Some("in.jsonl:0")
        );

        // A skipped input weighs nothing, and an empty stream gives an empty chunk.
        let mut mixed = vec![
            Err(Skipped::new("a", SkipReason::Empty)),
            record(1, MAX_CHUNK_BYTES),
            record(2, 10),
        ]
        .into_iter();
        assert_eq!(next_chunk(&mut mixed, 1000).len(), 2);
        assert_eq!(next_chunk(&mut mixed, 1000).len(), 1);
        assert!(next_chunk(&mut mixed, 1000).is_empty());
    }
}
