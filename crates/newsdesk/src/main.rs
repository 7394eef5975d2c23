//! The `newsdesk` command: CLI wiring over the newsdesk crates.

/// mimalloc: extraction and ingest allocate many small strings and tree nodes, which it serves
/// faster than the system allocator (see the workspace manifest).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod compare;
mod pipeline;
mod render;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use newsdesk_core::stories::StoryConfig;
use newsdesk_store::Store;
use pipeline::Pipeline;

/// newsdesk reads news from many outlets and tells what actually happened: which articles are
/// one story, which are copies of each other, and what the independent sources claim.
#[derive(Parser)]
#[command(name = "newsdesk", version, about, long_about = None)]
struct Cli {
    /// Data directory (an embedded SQLite database lives there).
    #[arg(
        long,
        global = true,
        env = "NEWSDESK_DATA",
        default_value = "newsdesk-data"
    )]
    data: PathBuf,
    /// More log output (-v, -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest articles from files and folders (.html, .htm, .txt, .md, .jsonl, each also .gz).
    Ingest {
        /// Files or folders (walked recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Exit with an error when any input is skipped.
        #[arg(long)]
        strict: bool,
        /// Days of publication time a story stays active after its last article; past it, the
        /// story is archived and reopens only on stronger evidence.
        #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(u32).range(1..=3650))]
        window_days: u32,
    },
    /// List stories, newest first.
    Stories {
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// Show at most this many stories.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Show one story: its articles, copy chains and claims ledger.
    Story {
        id: i64,
        /// A JSON document.
        #[arg(long)]
        json: bool,
        /// Why each article is in the story: how it joined (copy or clustering), with what
        /// probability, and the terms it shares with the story.
        #[arg(long)]
        why: bool,
    },
    /// Print the clean article of HTML or text files (nothing is stored).
    Extract {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per input, one per line.
        #[arg(long)]
        json: bool,
    },
    /// Say whether two articles are copies (exact, near, rewrite), with score and evidence, and
    /// whether they are the same story.
    Compare {
        /// Two files, as `ingest` reads them (the first article of each).
        #[arg(
            num_args = 2,
            required_unless_present = "pairs",
            conflicts_with = "pairs"
        )]
        files: Vec<PathBuf>,
        /// Score many pairs: a JSON-lines file of {"id", "a": {article}, "b": {article}}, articles
        /// as in ingest JSON lines; prints one JSON line per pair.
        #[arg(long)]
        pairs: Option<PathBuf>,
        /// A JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write every stored article as JSON lines.
    Export {
        /// Output file (standard output when absent).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Ingest the bundled example corpus and list its stories.
    Demo {
        /// The corpus folder (the repository's `examples/` by default).
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match run(cli) {
        Ok(code) => code,
        // The reader stopped reading (`newsdesk stories | head`): nothing went wrong.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether an error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    // The HTML parser warns about every malformed page it repairs ("foster parenting not
    // implemented"): the web's normal state, not the user's concern unless asked for.
    let filter = tracing_subscriber::EnvFilter::try_from_env("NEWSDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("{level},html5ever=error")));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            paths,
            strict,
            window_days,
        } => {
            let stories = StoryConfig {
                window_secs: i64::from(window_days) * 86_400,
                ..StoryConfig::default()
            };
            let summary = ingest(&cli.data, &paths, stories)?;
            eprintln!("{summary}");
            Ok(if strict && summary.skipped > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Stories { json, limit } => {
            let store = open_existing(&cli.data)?;
            let mut stories = store.list_stories()?;
            if let Some(n) = limit {
                stories.truncate(n);
            }
            let mut out = std::io::stdout().lock();
            if json {
                for s in &stories {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string(&render::story_summary_json(s))?
                    )?;
                }
            } else {
                render::stories_table(&mut out, &stories)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Story { id, json, why } => {
            let store = open_existing(&cli.data)?;
            let Some(view) = render::StoryView::load(&store, id)? else {
                bail!("no story {id} in {}", cli.data.display());
            };
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&view.to_json())?)?;
            } else if why {
                view.write_why(&mut out)?;
            } else {
                view.write_text(&mut out)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { files, json } => extract(&files, json),
        Command::Compare { files, pairs, json } => {
            compare_command(&cli.data, &files, pairs.as_deref(), json)
        }
        Command::Export { output } => {
            let store = open_existing(&cli.data)?;
            let n = match output {
                Some(path) => {
                    let file = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    export(&store, std::io::BufWriter::new(file))?
                }
                None => export(&store, std::io::BufWriter::new(std::io::stdout().lock()))?,
            };
            eprintln!("{n} articles exported");
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { corpus } => {
            let corpus = corpus.unwrap_or_else(default_corpus);
            if !corpus.is_dir() {
                bail!(
                    "example corpus {} not found: run the demo from the repository root or pass --corpus",
                    corpus.display()
                );
            }
            let summary = ingest(
                &cli.data,
                std::slice::from_ref(&corpus),
                StoryConfig::default(),
            )?;
            eprintln!("{summary}");
            let store = open_existing(&cli.data)?;
            render::stories_table(&mut std::io::stdout().lock(), &store.list_stories()?)?;
            eprintln!(
                "\nData in {}. Next: `newsdesk story ID` for a story's articles, copies and claims.",
                cli.data.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn default_corpus() -> PathBuf {
    let here = PathBuf::from("examples");
    if here.is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Opens the store of a data directory that must already exist, so that a mistyped `--data`
/// is an error rather than a new empty archive.
fn open_existing(data: &Path) -> Result<Store> {
    if !data.join(newsdesk_store::DATABASE_FILE).is_file() {
        bail!(
            "no newsdesk data in {}: run `newsdesk ingest PATH...` first (or pass --data)",
            data.display()
        );
    }
    Ok(Store::open(data)?)
}

/// What an ingest run did.
#[derive(Debug, Default)]
struct Summary {
    stored: u64,
    known: u64,
    skipped: u64,
    new_stories: u64,
    copies: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} stored, {} already known, {} skipped ({} new stories, {} copies found)",
            self.stored, self.known, self.skipped, self.new_stories, self.copies
        )
    }
}

/// Articles written per transaction.
const BATCH: u64 = 500;

/// Inputs extracted and analysed together per thread, between two passes of the archive's
/// decisions (which take the articles one at a time, in order).
const CHUNK_PER_THREAD: usize = 16;

/// What the reading side hands the deciding side for one input, in arrival order.
enum Prepared {
    /// Not read: the reason is reported, and the rest goes on.
    Skipped(newsdesk_ingest::Skipped),
    /// The archive (or this chunk) already holds it.
    Known,
    /// Read and analysed, for [`Pipeline::add_analysed`].
    Fresh(Box<pipeline::Analysed>),
}

/// Chunks read ahead of the deciding side: enough to keep it busy, few enough to keep memory
/// small.
const CHUNKS_AHEAD: usize = 2;

fn ingest(data: &Path, roots: &[PathBuf], stories: StoryConfig) -> Result<Summary> {
    let mut pipeline = Pipeline::new(Store::open(data)?, stories)?;
    let mut summary = Summary::default();
    let mut paths = Vec::new();
    for found in newsdesk_ingest::discover(roots) {
        match found {
            Ok(p) => paths.push(p),
            Err(skipped) => {
                summary.skipped += 1;
                eprintln!("skipped {skipped}");
            }
        }
    }
    let bar = progress_bar(paths.len() as u64);
    let now = pipeline.now();
    // Two sides, at once: one thread reads the inputs in order and does what depends on one
    // article alone (extraction, identity, analysis) on all cores a chunk at a time, while this
    // thread takes the analysed articles one by one in arrival order for the decisions that
    // depend on the archive (copies, stories, store). The reading side checks identities on
    // its own connection to the store so that a re-run does not analyse what is already held;
    // this side checks again, since the reader cannot see the batch not yet committed.
    let lookup = Store::open(data)?;
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(CHUNKS_AHEAD);
    std::thread::scope(|scope| -> Result<()> {
        let reader_bar = bar.clone();
        let reader = scope.spawn(move || read_ahead(&paths, &lookup, now, &reader_bar, send));
        pipeline.store().begin_batch()?;
        let mut in_batch = 0;
        for chunk in receive {
            for prepared in chunk {
                let article = match prepared {
                    Prepared::Skipped(skipped) => {
                        summary.skipped += 1;
                        bar.suspend(|| eprintln!("skipped {skipped}"));
                        continue;
                    }
                    Prepared::Known => {
                        summary.known += 1;
                        continue;
                    }
                    Prepared::Fresh(article) => article,
                };
                if pipeline.is_known(&article.article)? {
                    summary.known += 1;
                    continue;
                }
                let source = article.article.source.clone();
                let stored = pipeline
                    .add_analysed(*article)
                    .with_context(|| format!("storing {source}"))?;
                summary.stored += 1;
                summary.new_stories += u64::from(stored.new_story);
                summary.copies += u64::from(stored.copy_of.is_some());
                in_batch += 1;
                if in_batch >= BATCH {
                    pipeline.store().commit_batch()?;
                    pipeline.store().begin_batch()?;
                    in_batch = 0;
                }
            }
        }
        pipeline.store().commit_batch()?;
        reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reading thread failed"))?
    })?;
    bar.finish_and_clear();
    Ok(summary)
}

/// The reading side of [`ingest`]: every input of `paths` in order, extracted and analysed a
/// chunk at a time on all cores, sent on as [`Prepared`] chunks. Stops when the deciding side
/// stops listening.
fn read_ahead(
    paths: &[PathBuf],
    lookup: &Store,
    now: i64,
    bar: &indicatif::ProgressBar,
    send: std::sync::mpsc::SyncSender<Vec<Prepared>>,
) -> Result<()> {
    use rayon::prelude::*;
    let mut pending = paths
        .iter()
        .inspect(|_| bar.inc(1))
        .flat_map(|path| newsdesk_ingest::read_pending(path));
    loop {
        let inputs = newsdesk_ingest::next_chunk(&mut pending, CHUNK_PER_THREAD);
        if inputs.is_empty() {
            return Ok(());
        }
        let articles: Vec<_> = inputs
            .into_par_iter()
            .map(|input| {
                input
                    .and_then(newsdesk_ingest::Pending::extract)
                    .map(|doc| pipeline::to_article(doc, now))
            })
            .collect();
        // What the archive already holds, or this chunk holds twice, is not analysed again.
        let mut chunk = Vec::with_capacity(articles.len());
        let mut fresh = Vec::new();
        let mut in_chunk = std::collections::HashSet::new();
        for article in articles {
            match article {
                Ok(article)
                    if !in_chunk.insert(article.identity.clone())
                        || lookup.has_identity(&article.identity)? =>
                {
                    chunk.push(Prepared::Known)
                }
                Ok(article) => fresh.push(article),
                Err(skipped) => chunk.push(Prepared::Skipped(skipped)),
            }
        }
        let analysed: Vec<_> = fresh.into_par_iter().map(pipeline::analyse).collect();
        chunk.extend(analysed.into_iter().map(|a| Prepared::Fresh(Box::new(a))));
        if send.send(chunk).is_err() {
            return Ok(());
        }
    }
}

/// A progress bar on a terminal; a hidden one otherwise, so logs and pipes stay clean.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bar:40} {pos}/{len} files {elapsed_precise} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Every input's article, extracted on all cores and printed in the inputs' order.
fn extract(files: &[PathBuf], json: bool) -> Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let pending = newsdesk_ingest::discover(files).flat_map(
        |found| -> Box<dyn Iterator<Item = Result<newsdesk_ingest::Pending, _>>> {
            match found {
                Ok(path) => newsdesk_ingest::read_pending(&path),
                Err(skipped) => Box::new(std::iter::once(Err(skipped))),
            }
        },
    );
    for doc in newsdesk_ingest::extract_in_order(pending) {
        match doc {
            Ok(doc) => {
                if json {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string(&render::extracted_json(&doc))?
                    )?;
                } else {
                    render::extracted_text(&mut out, &doc)?;
                }
            }
            Err(skipped) => {
                out.flush()?;
                eprintln!("skipped {skipped}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Term statistics for comparisons: the archive's when the data directory has one, else
/// none (every word weighs the same).
fn comparison_statistics(data: &Path) -> Result<newsdesk_core::stories::DocFrequencies> {
    if data.join(newsdesk_store::DATABASE_FILE).is_file() {
        Ok(Store::open(data)?.load_doc_frequencies()?)
    } else {
        Ok(Default::default())
    }
}

fn first_document(path: &Path) -> Result<newsdesk_ingest::Document> {
    match newsdesk_ingest::read_path(path).next() {
        Some(Ok(doc)) => Ok(doc),
        Some(Err(skipped)) => bail!("cannot read {skipped}"),
        None => bail!("{}: no article in it", path.display()),
    }
}

fn compare_command(
    data: &Path,
    files: &[PathBuf],
    pairs: Option<&Path>,
    json: bool,
) -> Result<ExitCode> {
    let df = comparison_statistics(data)?;
    let model = newsdesk_core::copies::rewrite::RewriteModel::shipped();
    let mut out = std::io::stdout().lock();
    let Some(pairs) = pairs else {
        let c = compare::compare(
            first_document(&files[0])?,
            first_document(&files[1])?,
            &df,
            &model,
        );
        if json {
            writeln!(out, "{}", serde_json::to_string_pretty(&c.to_json())?)?;
        } else {
            write!(out, "{}", c.to_text())?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let file =
        std::fs::File::open(pairs).with_context(|| format!("cannot open {}", pairs.display()))?;
    let mut failed = false;
    for (i, line) in std::io::BufRead::lines(std::io::BufReader::new(file)).enumerate() {
        let here = format!("{}:{}", pairs.display(), i + 1);
        let line = line.with_context(|| format!("reading {here}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<serde_json::Value>(&line)
            .map_err(|e| anyhow::anyhow!("{here}: invalid JSON: {e}"))
            .and_then(|mut v| {
                let id = v.get("id").cloned().unwrap_or(serde_json::Value::Null);
                let a = newsdesk_ingest::document_from_json(v["a"].take(), &format!("{here}:a"))?;
                let b = newsdesk_ingest::document_from_json(v["b"].take(), &format!("{here}:b"))?;
                Ok((id, a, b))
            });
        match result {
            Ok((id, a, b)) => {
                let c = compare::compare(a, b, &df, &model);
                let j = &c.judgement;
                let line = serde_json::json!({
                    "id": id,
                    "copy": j.copy,
                    "kind": j.kind.map(|k| k.as_str()),
                    "score": j.score,
                    "same_story": c.same_story,
                });
                writeln!(out, "{line}")?;
            }
            Err(e) => {
                eprintln!("skipped {e:#}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn export(store: &Store, mut out: impl Write) -> Result<u64> {
    let mut n = 0;
    let mut write_err = None;
    store.for_each_article(|a| {
        let line = serde_json::to_string(&render::article_export_json(&a))?;
        if let Err(e) = writeln!(out, "{line}") {
            write_err = Some(e);
        } else {
            n += 1;
        }
        Ok(())
    })?;
    if let Some(e) = write_err {
        return Err(e).context("writing the export");
    }
    out.flush()?;
    Ok(n)
}
