//! `newsdesk-eval`: how good and how fast is newsdesk?
//!
//! Each subcommand scores one stage on the labelled data in `../shared/data` (or
//! `$NEWSDESK_SHARED/data`) with the scoring rules of that folder's README, prints a table, and
//! with `--peers` runs the peer tools side by side on the same input in the same run.

mod data;
mod stories;

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
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Stories(args) => stories::run(args),
    }
}
