//! Per-article extraction speed: the whole of `newsdesk_text::analyze_published` (terms and
//! stems, entities, quantities, quotes and reported speech, dates) over the DUC articles
//! (`../shared/data/stories/duc-dev.jsonl.gz`, real newswire), one thread, each article
//! analysed with its publication date. Articles are also cut or joined to about 4 KB (the
//! size the issue names) for a second figure, since DUC articles vary in length.
//! Prints articles/s and KB/s, the median of `--runs` passes.

use std::time::Instant;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;
use jiff::civil::Date;

use crate::data::{data_dir, read_jsonl_gz};
use crate::timing::median_seconds;

#[derive(ClapArgs)]
pub struct Args {
    /// Timed passes over all articles (speed is the median pass).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Time only this part (for profiling): terms, entities, quantities, quotes, attributions,
    /// dates.
    #[arg(long)]
    part: Option<String>,
    /// List the N articles that take longest to analyse.
    #[arg(long, default_value_t = 0)]
    slowest: usize,
}

struct Item {
    title: String,
    text: String,
    published: Option<Date>,
}

fn analyse(i: &Item) {
    std::hint::black_box(newsdesk_text::analyze_published(
        &i.title,
        &i.text,
        Some("en"),
        i.published,
    ));
}

/// Cuts each text at a line break once `size` bytes are reached, or joins short ones, so every
/// piece is about `size` bytes of real prose.
fn about(items: &[Item], size: usize) -> Vec<Item> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for i in items {
        for line in i.text.split('\n') {
            if !cur.is_empty() {
                cur.push('\n');
            }
            cur.push_str(line);
            if cur.len() >= size {
                out.push(Item {
                    title: i.title.clone(),
                    text: std::mem::take(&mut cur),
                    published: i.published,
                });
            }
        }
    }
    out
}

pub fn run(args: Args) -> Result<()> {
    let path = data_dir()?.join("stories/duc-dev.jsonl.gz");
    if !path.is_file() {
        bail!(
            "{} is missing: the DUC articles are needed for this measure",
            path.display()
        );
    }
    let items: Vec<Item> = read_jsonl_gz(&path)?
        .into_iter()
        .map(|row| {
            let field = |k: &str| row.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
            Item {
                published: field("date").get(..10).and_then(|d| d.parse().ok()),
                title: field("headline"),
                text: field("text"),
            }
        })
        .collect();
    let four_kb = about(&items, 4096);
    let only = args.part.as_deref();
    println!(
        "per-article extraction, one thread, median of {} passes",
        args.runs.max(1)
    );
    for (label, set) in [
        ("DUC articles as they are", &items),
        ("cut or joined to ~4 KB", &four_kb),
    ] {
        if only.is_some() {
            break;
        }
        let secs = median_seconds(args.runs, || set.iter().for_each(analyse));
        let bytes: usize = set.iter().map(|i| i.text.len() + i.title.len()).sum();
        println!(
            "  {label:<26} {:>6} articles, mean {:>5.1} KB: {:>7.0} articles/s, {:>6.0} µs/article, {:>5.1} MB/s",
            set.len(),
            bytes as f64 / set.len().max(1) as f64 / 1024.0,
            set.len() as f64 / secs,
            secs * 1e6 / set.len().max(1) as f64,
            bytes as f64 / secs / 1e6
        );
    }
    if args.slowest > 0 {
        let mut each: Vec<(f64, usize, &str)> = items
            .iter()
            .map(|i| {
                let t = Instant::now();
                std::hint::black_box(newsdesk_text::analyze_published(
                    &i.title,
                    &i.text,
                    Some("en"),
                    i.published,
                ));
                (t.elapsed().as_secs_f64(), i.text.len(), i.title.as_str())
            })
            .collect();
        each.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!("  slowest articles:");
        for (secs, len, title) in each.iter().take(args.slowest) {
            println!("    {:>8.0} µs  {:>6} bytes  {}", secs * 1e6, len, title);
        }
    }
    // Where the time goes: each part alone over the articles as they are.
    println!("  parts, µs/article:");
    type Part = (&'static str, fn(&Item) -> usize);
    let parts: [Part; 6] = [
        ("terms and stems", |i| {
            newsdesk_text::content_terms(&i.text, "en").len()
        }),
        ("entities", |i| newsdesk_text::entities(&i.text).len()),
        ("quantities", |i| newsdesk_text::quantities(&i.text).len()),
        ("quotes (direct)", |i| newsdesk_text::quotes(&i.text).len()),
        ("attributions (quotes and reported speech)", |i| {
            newsdesk_text::attributions(&i.text).len()
        }),
        ("dates", |i| {
            newsdesk_text::date_mentions(&i.text, i.published).len()
        }),
    ];
    for (name, f) in parts {
        if only.is_some_and(|o| !name.starts_with(o)) {
            continue;
        }
        let secs = median_seconds(args.runs, || {
            std::hint::black_box(items.iter().map(f).sum::<usize>());
        });
        println!(
            "    {name:<42} {:>6.0}",
            secs * 1e6 / items.len().max(1) as f64
        );
    }
    Ok(())
}
