//! End to end, as a user runs it: the `newsdesk` binary ingests every dev article of the story
//! sets (the "mixed" stream of `stories`: DUC in date order, then ECB+) from one JSON lines
//! file into a fresh data directory, and the time it takes is the figure, the median of several
//! runs. The stored stories are then read back with `newsdesk export` and scored against the
//! truth beside the replay that `stories` scores: ingest also finds copies (a copy joins the
//! story of what it copies) and skips articles with no text, so the two may differ a little.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use serde_json::json;

use crate::stories::{day_of, mixed_stream, replay_shipped, score, Item};
use crate::timing::median;

#[derive(ClapArgs)]
pub struct Args {
    /// Timed ingests, each into a fresh data directory (the median is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// The `newsdesk` binary to run (default: the one built beside this binary).
    #[arg(long)]
    binary: Option<PathBuf>,
}

/// The address an item is stored under: its identity, and how it is found in the export.
fn url_of(index: usize) -> String {
    format!("https://dev.newsdesk.invalid/{index}")
}

/// The stream as the JSON lines `newsdesk ingest` reads: url, title, text, and the publication
/// day when the item has one.
fn write_stream(items: &[Item], path: &Path) -> Result<()> {
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
    );
    for (i, item) in items.iter().enumerate() {
        let mut line = json!({"url": url_of(i), "title": item.title, "text": item.text});
        if let Some(day) = item.time.and_then(day_of) {
            line["published"] = json!(day);
        }
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}

fn newsdesk_binary(args: &Args) -> Result<PathBuf> {
    let path = match &args.binary {
        Some(p) => p.clone(),
        None => std::env::current_exe()?
            .with_file_name(format!("newsdesk{}", std::env::consts::EXE_SUFFIX)),
    };
    if !path.is_file() {
        bail!(
            "{} not found: build it first (cargo build --release -p newsdesk) or pass --binary",
            path.display()
        );
    }
    Ok(path)
}

/// Runs `newsdesk` with `args`, failing with its stderr when it fails; returns its stdout.
fn newsdesk(binary: &Path, data: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(binary)
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .with_context(|| format!("running {}", binary.display()))?;
    if !out.status.success() {
        bail!(
            "newsdesk {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The largest peak resident memory of the child processes waited for so far, in MiB: the
/// ingests (the export after them is smaller). `None` where `getrusage` is not there.
#[cfg(unix)]
fn peak_child_mib() -> Option<f64> {
    // SAFETY: `getrusage` only writes the struct it is given, which is zeroed and ours.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } == 0;
    // Linux reports kilobytes; macOS, bytes.
    let kib = if cfg!(target_os = "macos") {
        usage.ru_maxrss as f64 / 1024.0
    } else {
        usage.ru_maxrss as f64
    };
    (ok && kib > 0.0).then_some(kib / 1024.0)
}

#[cfg(not(unix))]
fn peak_child_mib() -> Option<f64> {
    None
}

pub fn run(args: Args) -> Result<()> {
    let binary = newsdesk_binary(&args)?;
    let items = mixed_stream()?;
    let work = tempfile::tempdir()?;
    let stream = work.path().join("stream.jsonl");
    write_stream(&items, &stream)?;
    let stream_arg = stream.to_string_lossy().into_owned();
    let mut seconds = Vec::new();
    let mut data = PathBuf::new();
    for run in 0..args.runs.max(1) {
        data = work.path().join(format!("data-{run}"));
        let start = Instant::now();
        newsdesk(&binary, &data, &["ingest", &stream_arg])?;
        seconds.push(start.elapsed().as_secs_f64());
    }
    let export = newsdesk(&binary, &data, &["export"])?;
    let mut stored: HashMap<String, i64> = HashMap::new();
    for line in export.lines() {
        let v: serde_json::Value = serde_json::from_str(line).context("reading the export")?;
        if let (Some(url), Some(story)) = (v["url"].as_str(), v["story"].as_i64()) {
            stored.insert(url.to_owned(), story);
        }
    }
    // Score the stored articles, and the replay on the same articles.
    let replayed = replay_shipped(&items);
    let (mut pred, mut truth, mut replay) = (Vec::new(), Vec::new(), Vec::new());
    for (i, item) in items.iter().enumerate() {
        if let Some(&story) = stored.get(&url_of(i)) {
            pred.push(story);
            truth.push(item.truth.as_str());
            replay.push(replayed[i]);
        }
    }
    let secs = median(&seconds);
    println!(
        "ingest: {} of {} dev articles stored (the rest have no text) in {secs:.2} s, median of {} runs: {:.0} articles/s end to end (reading, analysis on all cores, copies, stories, store){}",
        pred.len(),
        items.len(),
        seconds.len(),
        items.len() as f64 / secs,
        peak_child_mib().map_or(String::new(), |m| format!("; peak memory {m:.0} MiB"))
    );
    let (s, r) = (score(&pred, &truth), score(&replay, &truth));
    println!(
        "stored stories: B-cubed P {:.3} R {:.3} F1 {:.3}, {} stories for {} true clusters",
        s.bcubed_p, s.bcubed_r, s.bcubed_f1, s.predicted, s.truth
    );
    println!(
        "the replay `stories` scores, on the same articles: B-cubed P {:.3} R {:.3} F1 {:.3}, {} stories",
        r.bcubed_p, r.bcubed_r, r.bcubed_f1, r.predicted
    );
    Ok(())
}
