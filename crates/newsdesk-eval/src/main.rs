//! `newsdesk-eval`: how good and how fast is newsdesk?
//!
//! Each subcommand scores one stage on the labelled data in `../shared/data` (or
//! `$NEWSDESK_SHARED/data`) with the scoring rules of that folder's README, prints a table, and
//! with `--peers` runs the peer tools side by side on the same input in the same run.

/// The allocator the `newsdesk` binary uses, so that timings here are the binary's (the Rust
/// peers, run in the same worker, get it too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analysis;
mod claims;
mod copies;
mod data;
mod dates;
mod entities;
mod extraction;
mod fit;
mod ingest;
mod peers;
mod quotes;
mod stories;
mod timing;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "newsdesk-eval", about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Story clustering: B-cubed, pairwise F1, NMI on DUC and ECB+ replayed as streams.
    Stories(stories::Args),
    /// HTML extraction: aeb shingle F1, WCXB bag-of-words F1 and metadata, Readability metadata,
    /// pages/s and peak memory, with peers side by side.
    Extraction(extraction::Args),
    /// Copy detection: ROC-AUC and F1 of copy vs same-event article on the DUC 2004
    /// translations, and the candidate recall of the anchor index.
    Copies(copies::Args),
    /// Claims: quantity claims of the human translation grouped with the same claims of the
    /// machine translations (DUC 2004 translations).
    Claims(claims::Args),
    /// Quote attribution: precision, recall and F1 of (speaker, content) on PolNeAR, with
    /// textacy's direct quotations side by side.
    Quotes(quotes::Args),
    /// Named entities: exact span and type P/R/F1 (overall and per type) on CoNLL-2003 valid,
    /// sentences/s, with spaCy en_core_web_sm side by side.
    Entities(entities::Args),
    /// Dates: normalised DATE values against TempEval-3 (TimeBank + AQUAINT), each document's
    /// creation time as the publication date.
    Dates(dates::Args),
    /// Per-article extraction speed: the whole text analysis (terms, entities, quantities,
    /// quotes, dates) in articles/s on one thread.
    Analysis(analysis::Args),
    /// End-to-end ingest speed: the `newsdesk` binary on every dev story article as JSON lines,
    /// articles/s (median of runs), with the stored stories scored beside the replay's.
    Ingest(ingest::Args),
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Stories(args) => stories::run(args),
        Command::Extraction(args) => extraction::run(args),
        Command::Copies(args) => copies::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Quotes(args) => quotes::run(args),
        Command::Entities(args) => entities::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Analysis(args) => analysis::run(args),
        Command::Ingest(args) => ingest::run(args),
    }
}
