//! HTML extraction, scored as the data README says, with peers side by side.
//!
//! Sets (in `../shared/data/extraction`): `aeb` (Zyte article-extraction-benchmark, main text by
//! 4-token shingles), `wcxb` (WCXB dev split, bag-of-words F1 per page type, snippets, title /
//! author / date on article pages) and `readability` (Mozilla Readability's test pages:
//! agreement on title, byline, site name and publication day). The rules are in
//! [`score`]; the choices they leave open are documented there and printed under the tables.
//!
//! Every extractor runs in its own process (a hidden `--worker` mode of this binary for the Rust
//! ones, `bench/peers/extract_peer.py` for the Python ones): the page list goes in on stdin,
//! every page is read into memory, then all pages are extracted `--runs` times on one thread;
//! pages/s is from the median run and peak memory is the worker's own (`VmHWM` /
//! `ru_maxrss`), next to its peak after loading the pages. Decoding the bytes is part of the
//! timed work for every extractor (`decode_html` for the Rust ones, trafilatura's own for it).
//!
//! `--peers` adds Python trafilatura 2.3.1 (default and fast mode; install with
//! `bench/peers/setup.sh`) and, in a build with the `peers` feature, the Rust crates
//! `trafilatura` 0.6 (with and without its fallback), `rs-trafilatura` 0.2 (another trafilatura
//! port, with a page-type classifier and per-type profiles) and `dom_smoothie` 0.19 (a
//! Readability.js port).

mod on_page;
mod page_type;
mod score;
mod sets;
mod worker;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use clap::{Args as ClapArgs, ValueEnum};
use serde_json::{json, Value};

use crate::data::data_dir;
use crate::peers::repo_root;
use sets::{Set, Truth};
use worker::{Output, Timing};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SetArg {
    Aeb,
    Wcxb,
    Readability,
    All,
}

#[derive(ClapArgs)]
pub struct Args {
    /// Which set to score.
    #[arg(long, value_enum, default_value = "all")]
    set: SetArg,
    /// Also run the peers: Python trafilatura (from target/peers-venv, see bench/peers/setup.sh)
    /// and, when built with `--features peers`, the Rust crates trafilatura, rs-trafilatura and
    /// dom_smoothie.
    #[arg(long)]
    peers: bool,
    /// Only the first N pages of each set (in id order).
    #[arg(long)]
    limit: Option<usize>,
    /// Timed passes over each set per extractor (pages/s is the median pass).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Also write the numbers as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Python interpreter for the Python peers (default: target/peers-venv/bin/python).
    #[arg(long, env = "NEWSDESK_PEERS_PYTHON")]
    python: Option<PathBuf>,
    /// How many of newsdesk's worst pages to list per set.
    #[arg(long, default_value_t = 10)]
    worst: usize,
    /// Where extractor outputs are kept (default: target/extraction-eval).
    #[arg(long)]
    work_dir: Option<PathBuf>,
    /// Fit the page-type model on WCXB (newsdesk's features, cross-validated by site) and
    /// write its weights as Rust source to this file
    /// (`crates/newsdesk-extract/src/html/page_type_weights.rs`), then stop.
    #[arg(long)]
    fit_page_type: Option<PathBuf>,
    /// List every WCXB article page where newsdesk's title, author or date disagrees with the
    /// truth (strict match), with both values: the failures to read when working on metadata.
    #[arg(long)]
    list_meta: bool,
    /// Internal: run this extractor over the page list on stdin (see `worker.rs`).
    #[arg(long, hide = true)]
    worker: Option<String>,
    /// Internal: the worker's output file.
    #[arg(long, hide = true)]
    out: Option<PathBuf>,
}

/// How an extractor is started.
enum Runner {
    /// This binary's `--worker NAME`.
    Rust(&'static str),
    /// `extract_peer.py --extractor NAME` under a Python interpreter.
    Python(PathBuf, &'static str),
}

impl Runner {
    fn name(&self) -> &'static str {
        match self {
            Runner::Rust(n) | Runner::Python(_, n) => n,
        }
    }

    fn label(&self) -> String {
        match self {
            Runner::Rust(n) if *n == "newsdesk" => "newsdesk".to_owned(),
            Runner::Rust(n) => format!("{n} (Rust)"),
            Runner::Python(_, n) => format!("{n} (Py)"),
        }
    }
}

/// One extractor's outputs and timing on one set.
struct Run {
    label: String,
    timing: Timing,
    outputs: Vec<Output>,
}

fn run_worker(runner: &Runner, set: &Set, runs: usize, work: &Path) -> Result<Run> {
    let out = work.join(set.name).join(format!("{}.jsonl", runner.name()));
    std::fs::create_dir_all(out.parent().unwrap_or(work))?;
    let mut cmd = match runner {
        Runner::Rust(name) => {
            let mut c = Command::new(std::env::current_exe()?);
            c.args(["extraction", "--worker", name]);
            c
        }
        Runner::Python(python, name) => {
            let mut c = Command::new(python);
            c.arg(repo_root().join("bench/peers/extract_peer.py"))
                .args(["--extractor", name]);
            c
        }
    };
    cmd.arg("--runs")
        .arg(runs.to_string())
        .arg("--out")
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    eprintln!(
        "  {} on {} ({} pages, {} runs)",
        runner.label(),
        set.name,
        set.pages.len(),
        runs
    );
    let mut child = cmd
        .spawn()
        .with_context(|| format!("starting {}", runner.label()))?;
    {
        let mut stdin = child.stdin.take().context("worker stdin")?;
        for p in &set.pages {
            serde_json::to_writer(&mut stdin, p)?;
            stdin.write_all(b"\n")?;
        }
    }
    let result = child.wait_with_output()?;
    if !result.status.success() {
        bail!(
            "{} failed on {}: {}",
            runner.label(),
            set.name,
            result.status
        );
    }
    let stdout = String::from_utf8_lossy(&result.stdout);
    let last = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .context("worker printed no timing")?;
    let timing: Timing = serde_json::from_str(last).context("worker timing line")?;
    let mut by_id: BTreeMap<String, Output> = BTreeMap::new();
    for line in std::fs::read_to_string(&out)?.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let o: Output = serde_json::from_str(line).context("worker output line")?;
        by_id.insert(o.id.clone(), o);
    }
    // In page order; a page the worker did not report is an empty output.
    let outputs = set
        .pages
        .iter()
        .map(|p| {
            by_id.remove(&p.id).unwrap_or_else(|| Output {
                id: p.id.clone(),
                ..Output::default()
            })
        })
        .collect();
    Ok(Run {
        label: runner.label(),
        timing,
        outputs,
    })
}

/// Entry point of `newsdesk-eval extraction`.
pub fn run(args: Args) -> Result<()> {
    if let Some(name) = &args.worker {
        let out = args.out.as_deref().context("--worker needs --out")?;
        return worker::run(name, args.runs, out);
    }
    let extraction = data_dir()?.join("extraction");
    let work = args
        .work_dir
        .clone()
        .unwrap_or_else(|| repo_root().join("target/extraction-eval"));

    if let Some(out) = &args.fit_page_type {
        let set = sets::wcxb(&extraction, args.limit)?;
        let run = run_worker(&Runner::Rust("newsdesk"), &set, 1, &work)?;
        return page_type::fit_and_write(&set, &run.outputs, out);
    }

    let mut runners: Vec<Runner> = vec![Runner::Rust("newsdesk")];
    let mut notes: Vec<String> = Vec::new();
    if args.peers {
        if cfg!(feature = "peers") {
            for n in worker::rust_extractors() {
                if n != "newsdesk" {
                    runners.push(Runner::Rust(n));
                }
            }
        } else {
            let msg = "Rust peers (trafilatura 0.6, rs-trafilatura 0.2, dom_smoothie 0.19) are not in this build: \
                       rebuild with `--features peers` to run them";
            eprintln!("note: {msg}");
            notes.push(msg.to_owned());
        }
        let python = args
            .python
            .clone()
            .unwrap_or_else(crate::peers::default_python);
        if python.exists() {
            runners.push(Runner::Python(python.clone(), "trafilatura"));
            runners.push(Runner::Python(python, "trafilatura-fast"));
        } else {
            let msg = format!(
                "Python peers skipped: {} not found (run bench/peers/setup.sh)",
                python.display()
            );
            eprintln!("note: {msg}");
            notes.push(msg);
        }
    }

    let mut sets = Vec::new();
    if matches!(args.set, SetArg::Aeb | SetArg::All) {
        sets.push(sets::aeb(&extraction, args.limit)?);
    }
    if matches!(args.set, SetArg::Wcxb | SetArg::All) {
        sets.push(sets::wcxb(&extraction, args.limit)?);
    }
    if matches!(args.set, SetArg::Readability | SetArg::All) {
        sets.push(sets::readability(&extraction, args.limit)?);
    }

    let mut report = json!({ "runs": args.runs, "notes": notes, "sets": {} });
    for set in &sets {
        eprintln!("{}:", set.name);
        let mut results = Vec::new();
        for r in &runners {
            results.push(run_worker(r, set, args.runs, &work)?);
        }
        let value = match set.name {
            "aeb" => report_aeb(set, &results, args.worst),
            "wcxb" => report_wcxb(set, &results, args.worst, args.list_meta)?,
            _ => report_readability(set, &results),
        };
        report["sets"][set.name] = value;
    }
    print_ratios(&report);
    for n in &notes {
        println!("note: {n}");
    }
    println!("outputs per page: {}", work.display());
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn speed_json(t: &Timing) -> Value {
    json!({
        "pages": t.pages,
        "bytes": t.bytes,
        "run_seconds": t.run_seconds,
        "median_seconds": t.median_seconds(),
        "pages_per_second": t.pages_per_second(),
        "rss_loaded_kb": t.rss_loaded_kb,
        "rss_peak_kb": t.rss_peak_kb,
        "version": t.version,
    })
}

fn mib(kb: Option<u64>) -> String {
    kb.map(|k| format!("{:.0}", k as f64 / 1024.0))
        .unwrap_or_else(|| "-".to_owned())
}

fn speed_cells(t: &Timing) -> String {
    let extra = match (t.rss_loaded_kb, t.rss_peak_kb) {
        (Some(a), Some(b)) => format!("{:>+6.0}", (b as f64 - a as f64) / 1024.0),
        _ => format!("{:>6}", "-"),
    };
    format!(
        "{:>8.1} {:>8.2} {:>6} {}",
        t.pages_per_second(),
        1000.0 * t.median_seconds() / t.pages.max(1) as f64,
        mib(t.rss_peak_kb),
        extra
    )
}

const SPEED_HEAD: &str = "  pages/s  ms/page  peakM  +M>ld";

fn speed_legend(runs: usize) {
    println!(
        "  speed: one thread, pages in memory, decode + extract, median of {runs} passes; \
         peakM = worker's peak RSS (MiB), +M>ld = peak above the RSS with the pages loaded"
    );
}

fn report_aeb(set: &Set, results: &[Run], worst: usize) -> Value {
    println!();
    println!(
        "== aeb: {} pages (4-token shingles, case kept; F1 of mean P and mean R) ==",
        set.pages.len()
    );
    println!(
        "{:<26} {:>6} {:>6} {:>6} {:>6} {:>6}{}",
        "extractor", "P", "R", "F1", "acc", "empty", SPEED_HEAD
    );
    let mut out = serde_json::Map::new();
    for r in results {
        let pages: Vec<(score::Shingles, bool)> = set
            .truths
            .iter()
            .zip(&r.outputs)
            .map(|(t, o)| {
                (
                    score::aeb_page(&t.text, &o.text),
                    score::same_tokens(&t.text, &o.text),
                )
            })
            .collect();
        let s = score::aeb_aggregate(&pages);
        let empty = r
            .outputs
            .iter()
            .filter(|o| score::words(&o.text).is_empty())
            .count();
        println!(
            "{:<26} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6} {}",
            r.label,
            s.precision,
            s.recall,
            s.f1,
            s.accuracy,
            empty,
            speed_cells(&r.timing)
        );
        out.insert(
            r.label.clone(),
            json!({
                "precision": s.precision, "recall": s.recall, "f1": s.f1,
                "accuracy": s.accuracy, "pages": s.pages, "empty_outputs": empty,
                "speed": speed_json(&r.timing),
            }),
        );
    }
    speed_legend(results[0].timing.run_seconds.len());
    let nd = &results[0];
    let mut ranked: Vec<(usize, score::Shingles)> = set
        .truths
        .iter()
        .zip(&nd.outputs)
        .map(|(t, o)| score::aeb_page(&t.text, &o.text))
        .enumerate()
        .collect();
    ranked.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()));
    if worst > 0 {
        println!("  newsdesk's worst aeb pages (page F1, P, R, true / our tokens; id, url):");
        for (i, s) in ranked.iter().take(worst) {
            println!(
                "    {:.3} P {:.3} R {:.3} {:>5}/{:<5} {} {}",
                s.f1(),
                s.precision(),
                s.recall(),
                score::words(&set.truths[*i].text).len(),
                score::words(&nd.outputs[*i].text).len(),
                &set.pages[*i].id[..12.min(set.pages[*i].id.len())],
                set.pages[*i].url.as_deref().unwrap_or("")
            );
        }
    }
    Value::Object(out)
}

const TYPES: [&str; 7] = [
    "article",
    "forum",
    "product",
    "collection",
    "listing",
    "documentation",
    "service",
];

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        f64::NAN
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

fn share(hits: usize, n: usize) -> f64 {
    if n == 0 {
        f64::NAN
    } else {
        hits as f64 / n as f64
    }
}

/// Metadata agreement counts over the pages that have a true value, and how often we stay silent
/// where there is none.
#[derive(Default)]
struct MetaCount {
    with_truth: usize,
    strict: usize,
    lenient: usize,
    no_truth: usize,
    silent: usize,
}

impl MetaCount {
    fn add(&mut self, truth: Option<&str>, ours: Option<&str>, strict: bool, lenient: bool) {
        match truth {
            Some(_) => {
                self.with_truth += 1;
                self.strict += usize::from(strict);
                self.lenient += usize::from(lenient);
            }
            None => {
                self.no_truth += 1;
                let said = match ours {
                    Some(o) => !o.trim().is_empty(),
                    None => false,
                };
                self.silent += usize::from(!said);
            }
        }
    }

    fn json(&self) -> Value {
        json!({
            "pages_with_truth": self.with_truth,
            "strict": share(self.strict, self.with_truth),
            "lenient": share(self.lenient, self.with_truth),
            "pages_without_truth": self.no_truth,
            "silent_when_none": share(self.silent, self.no_truth),
        })
    }
}

fn title_count(c: &mut MetaCount, t: &Truth, o: &Output) {
    let ours = o.title.as_deref().unwrap_or("");
    let truth = t.title.as_deref();
    c.add(
        truth,
        o.title.as_deref(),
        truth.is_some_and(|x| score::strict_match(x, ours)),
        truth.is_some_and(|x| score::lenient_match(x, ours)),
    );
}

fn author_count(c: &mut MetaCount, t: &Truth, o: &Output) {
    let truth = t.author.as_deref();
    let joined = o.authors.join(", ");
    c.add(
        truth,
        Some(joined.as_str()),
        truth.is_some_and(|x| score::authors_strict(x, &o.authors)),
        truth.is_some_and(|x| score::authors_lenient(x, &o.authors)),
    );
}

fn date_count(c: &mut MetaCount, t: &Truth, o: &Output) {
    let truth = t.date.as_deref();
    let ours = o.date.as_deref().unwrap_or("");
    let day = truth.is_some_and(|x| score::same_day(x, ours));
    c.add(truth, o.date.as_deref(), day, day);
}

fn site_count(c: &mut MetaCount, t: &Truth, o: &Output) {
    let truth = t.site_name.as_deref();
    let ours = o.site_name.as_deref().unwrap_or("");
    c.add(
        truth,
        o.site_name.as_deref(),
        truth.is_some_and(|x| score::strict_match(x, ours)),
        truth.is_some_and(|x| score::lenient_match(x, ours)),
    );
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "-".to_owned()
    } else {
        format!("{:.1}", 100.0 * x)
    }
}

fn report_wcxb(set: &Set, results: &[Run], worst: usize, list_meta: bool) -> Result<Value> {
    println!();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &set.truths {
        *counts
            .entry(t.page_type.as_deref().unwrap_or("?"))
            .or_default() += 1;
    }
    println!(
        "== wcxb-dev: {} pages (mean per-page bag-of-words F1, lowercase \\w+) ==",
        set.pages.len()
    );
    print!("{:<26} {:>6}", "extractor", "all");
    for ty in TYPES {
        print!(" {:>6}", &ty[..ty.len().min(6)]);
    }
    println!(" {:>6} {:>6}{}", "with%", "wout%", SPEED_HEAD);
    print!("{:<26} {:>6}", "  (pages)", set.pages.len());
    for ty in TYPES {
        print!(" {:>6}", counts.get(ty).copied().unwrap_or(0));
    }
    println!(" {:>6} {:>6}", "(hi)", "(lo)");
    let mut out = serde_json::Map::new();
    let mut meta_rows = Vec::new();
    for r in results {
        let mut all = Vec::new();
        let mut by_type: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
        let (mut with_found, mut with_n, mut without_found, mut without_n) = (0, 0, 0, 0);
        let (mut title, mut author, mut date) = (
            MetaCount::default(),
            MetaCount::default(),
            MetaCount::default(),
        );
        for (t, o) in set.truths.iter().zip(&r.outputs) {
            let b = score::bow_page(&t.text, &o.text);
            all.push(b.f1);
            let ty = t.page_type.as_deref().unwrap_or("?");
            by_type.entry(ty).or_default().push(b.f1);
            let (f, n) = score::snippets_found(&t.with, &o.text);
            with_found += f;
            with_n += n;
            let (f, n) = score::snippets_found(&t.without, &o.text);
            without_found += f;
            without_n += n;
            if ty == "article" {
                title_count(&mut title, t, o);
                author_count(&mut author, t, o);
                date_count(&mut date, t, o);
            }
        }
        let with = share(with_found, with_n);
        let without = share(without_found, without_n);
        print!("{:<26} {:>6.3}", r.label, mean(&all));
        for ty in TYPES {
            print!(
                " {:>6.3}",
                mean(by_type.get(ty).map(Vec::as_slice).unwrap_or(&[]))
            );
        }
        println!(
            " {:>6} {:>6} {}",
            pct(with),
            pct(without),
            speed_cells(&r.timing)
        );
        let types: serde_json::Map<String, Value> = by_type
            .iter()
            .map(|(k, v)| (k.to_string(), json!({"pages": v.len(), "f1": mean(v)})))
            .collect();
        out.insert(
            r.label.clone(),
            json!({
                "f1": mean(&all), "pages": all.len(), "by_type": types,
                "with_found": with, "without_found": without,
                "article_title": title.json(), "article_author": author.json(),
                "article_date": date.json(),
                "speed": speed_json(&r.timing),
            }),
        );
        meta_rows.push((r.label.clone(), title, author, date));
    }
    speed_legend(results[0].timing.run_seconds.len());
    println!(
        "  with% = `with` snippets found (higher is better), wout% = `without` snippets found \
         (lower is better); case-insensitive, whitespace collapsed"
    );

    println!();
    println!(
        "-- wcxb article pages: metadata (% of pages with a true value; silent% = no value \
         output where the truth has none) --"
    );
    println!(
        "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "extractor", "title=", "title~", "auth=", "auth~", "silent", "date", "silent"
    );
    if let Some((_, t, a, d)) = meta_rows.first() {
        println!(
            "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "  (pages)",
            t.with_truth,
            t.with_truth,
            a.with_truth,
            a.with_truth,
            a.no_truth,
            d.with_truth,
            d.no_truth
        );
    }
    for (label, t, a, d) in &meta_rows {
        println!(
            "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            label,
            pct(share(t.strict, t.with_truth)),
            pct(share(t.lenient, t.with_truth)),
            pct(share(a.strict, a.with_truth)),
            pct(share(a.lenient, a.with_truth)),
            pct(share(a.silent, a.no_truth)),
            pct(share(d.strict, d.with_truth)),
            pct(share(d.silent, d.no_truth)),
        );
    }
    println!(
        "  = folded equality (case, whitespace; authors joined by \", \" or \" and \"); ~ one \
         token sequence contains the other (authors: any of ours in the truth); date: same \
         YYYY-MM-DD"
    );
    let ceiling = truths_on_page(set)?;
    println!(
        "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "truth on the page",
        pct(share(ceiling[0], meta_rows[0].1.with_truth)),
        "",
        pct(share(ceiling[1], meta_rows[0].2.with_truth)),
        "",
        "",
        pct(share(ceiling[2], meta_rows[0].3.with_truth)),
        ""
    );
    println!(
        "  truth on the page: the page's source holds the true value (folded, references \
         decoded; a date's day in a usual written form): the most an exact match can reach"
    );
    out.insert(
        "article_truth_on_page".to_owned(),
        json!({"title": ceiling[0], "author": ceiling[1], "date": ceiling[2]}),
    );
    let [published, modified, neither] = date_convention(set, &results[0].outputs);
    println!(
        "  where newsdesk reads a published and a different modified day ({} pages), the true \
         date is the published day on {published}, the modified day on {modified}, neither on \
         {neither}",
        published + modified + neither
    );
    out.insert(
        "article_date_convention".to_owned(),
        json!({"published": published, "modified": modified, "neither": neither}),
    );

    if list_meta {
        list_meta_failures(set, &results[0].outputs);
    }
    out.insert(
        "page_types".to_owned(),
        page_type::report(set, &results[0].outputs),
    );

    if worst > 0 {
        let nd = &results[0];
        let mut ranked: Vec<(usize, score::Bow)> = set
            .truths
            .iter()
            .zip(&nd.outputs)
            .map(|(t, o)| score::bow_page(&t.text, &o.text))
            .enumerate()
            .filter(|(i, _)| set.truths[*i].page_type.as_deref() == Some("article"))
            .collect();
        ranked.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1));
        println!("  newsdesk's worst wcxb article pages (F1, P, R, true / our words; id, url):");
        for (i, b) in ranked.iter().take(worst) {
            println!(
                "    {:.3} P {:.3} R {:.3} {:>5}/{:<5} {} {}",
                b.f1,
                b.precision,
                b.recall,
                score::words(&set.truths[*i].text).len(),
                score::words(&nd.outputs[*i].text).len(),
                set.pages[*i].id,
                set.pages[*i].url.as_deref().unwrap_or("")
            );
        }
    }
    Ok(Value::Object(out))
}

/// On WCXB article pages where newsdesk reads two different days, a published and a modified
/// one: on how many the true date is the published day, the modified day, or neither. Which
/// of the two dates a page's "date" is differs between annotators; this says how often.
fn date_convention(set: &Set, outputs: &[Output]) -> [usize; 3] {
    let mut counts = [0; 3];
    for (t, o) in set.truths.iter().zip(outputs) {
        let (Some(truth), Some(published), Some(modified)) =
            (t.date.as_deref(), o.date.as_deref(), o.modified.as_deref())
        else {
            continue;
        };
        if t.page_type.as_deref() != Some("article") || score::same_day(published, modified) {
            continue;
        }
        let k = if score::same_day(truth, published) {
            0
        } else if score::same_day(truth, modified) {
            1
        } else {
            2
        };
        counts[k] += 1;
    }
    counts
}

/// How many WCXB article pages' title, author and date truths their own source holds.
fn truths_on_page(set: &Set) -> Result<[usize; 3]> {
    let mut found = [0; 3];
    for (page, t) in set.pages.iter().zip(&set.truths) {
        if t.page_type.as_deref() != Some("article") {
            continue;
        }
        let html = newsdesk_extract::decode_html(&worker::read_gz(&page.path)?, None);
        let source = on_page::searchable(&html);
        found[0] += usize::from(
            t.title
                .as_deref()
                .is_some_and(|x| on_page::text_on_page(x, &source)),
        );
        found[1] += usize::from(
            t.author
                .as_deref()
                .is_some_and(|x| on_page::text_on_page(x, &source)),
        );
        found[2] += usize::from(
            t.date
                .as_deref()
                .is_some_and(|x| on_page::day_on_page(x, &source)),
        );
    }
    Ok(found)
}

/// newsdesk's title, author and date failures on WCXB article pages, one line each.
fn list_meta_failures(set: &Set, outputs: &[Output]) {
    println!();
    println!("-- newsdesk's metadata failures on wcxb article pages (field id: truth | ours) --");
    let none = || "-".to_owned();
    for (i, (t, o)) in set.truths.iter().zip(outputs).enumerate() {
        if t.page_type.as_deref() != Some("article") {
            continue;
        }
        let id = &set.pages[i].id;
        if let Some(x) = &t.title {
            if !score::strict_match(x, o.title.as_deref().unwrap_or("")) {
                println!(
                    "  title  {id}: {x} | {}",
                    o.title.clone().unwrap_or_else(none)
                );
            }
        }
        if let Some(x) = &t.author {
            if !score::authors_strict(x, &o.authors) {
                println!("  author {id}: {x} | {}", o.authors.join("; "));
            }
        }
        if let Some(x) = &t.date {
            if !score::same_day(x, o.date.as_deref().unwrap_or("")) {
                println!(
                    "  date   {id}: {x} | {}",
                    o.date.clone().unwrap_or_else(none)
                );
            }
        }
    }
}

fn report_readability(set: &Set, results: &[Run]) -> Value {
    println!();
    println!(
        "== readability: {} pages (agreement with Readability.js's own metadata; % of pages \
         with a value) ==",
        set.pages.len()
    );
    println!(
        "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "extractor", "title=", "title~", "byline=", "byline~", "site=", "site~", "pubday"
    );
    let mut out = serde_json::Map::new();
    let mut first = true;
    for r in results {
        let (mut title, mut byline, mut site, mut date) = (
            MetaCount::default(),
            MetaCount::default(),
            MetaCount::default(),
            MetaCount::default(),
        );
        for (t, o) in set.truths.iter().zip(&r.outputs) {
            title_count(&mut title, t, o);
            author_count(&mut byline, t, o);
            site_count(&mut site, t, o);
            date_count(&mut date, t, o);
        }
        if first {
            println!(
                "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
                "  (pages)",
                title.with_truth,
                title.with_truth,
                byline.with_truth,
                byline.with_truth,
                site.with_truth,
                site.with_truth,
                date.with_truth
            );
            first = false;
        }
        println!(
            "{:<26} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            r.label,
            pct(share(title.strict, title.with_truth)),
            pct(share(title.lenient, title.with_truth)),
            pct(share(byline.strict, byline.with_truth)),
            pct(share(byline.lenient, byline.with_truth)),
            pct(share(site.strict, site.with_truth)),
            pct(share(site.lenient, site.with_truth)),
            pct(share(date.strict, date.with_truth)),
        );
        out.insert(
            r.label.clone(),
            json!({
                "title": title.json(), "byline": byline.json(), "site_name": site.json(),
                "published_day": date.json(), "speed": speed_json(&r.timing),
            }),
        );
    }
    println!(
        "  = folded equality; ~ token containment either way (Readability keeps site suffixes \
         in titles and dates in some bylines); pubday: same YYYY-MM-DD"
    );
    Value::Object(out)
}

/// newsdesk / peer for the headline quality figure and pages/s of each set.
fn print_ratios(report: &Value) {
    let Some(sets) = report["sets"].as_object() else {
        return;
    };
    let mut lines = Vec::new();
    for (set, by) in sets {
        let Some(by) = by.as_object() else { continue };
        let Some(nd) = by.get("newsdesk") else {
            continue;
        };
        for (label, v) in by {
            // Not an extractor's row (the page-type table).
            if label == "newsdesk" || v.get("speed").is_none() {
                continue;
            }
            let quality = |x: &Value| x["f1"].as_f64();
            let speed = |x: &Value| x["speed"]["pages_per_second"].as_f64();
            let q = match (quality(nd), quality(v)) {
                (Some(a), Some(b)) if b > 0.0 => format!("F1 x{:.3}", a / b),
                _ => "        ".to_owned(),
            };
            let s = match (speed(nd), speed(v)) {
                (Some(a), Some(b)) if b > 0.0 => format!("pages/s x{:.1}", a / b),
                _ => String::new(),
            };
            lines.push(format!("  {set:<12} vs {label:<26} {q:<10} {s}"));
        }
    }
    if !lines.is_empty() {
        println!();
        println!("-- newsdesk / peer --");
        for l in lines {
            println!("{l}");
        }
    }
}
