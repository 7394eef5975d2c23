//! Story clustering, scored as the data README says: each corpus replayed as a stream (DUC in
//! date order; ECB+ has no dates), every article assigned online, then B-cubed precision, recall
//! and F1, pairwise F1, NMI and the number of predicted and true clusters.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Result;
use clap::Args as ClapArgs;

use newsdesk_core::stories::{
    article_terms, article_vector, DocFrequencies, JoinModel, StoryConfig, StoryIndex, FEATURES,
    FEATURE_COUNT,
};
use newsdesk_extract::dates::to_unix_seconds;

use crate::data::{data_dir, read_jsonl_gz};
use crate::fit::fit_logistic;

#[derive(ClapArgs)]
pub struct Args {
    /// Join threshold to use instead of the shipped one.
    #[arg(long)]
    threshold: Option<f32>,
    /// Also score a range of thresholds (for tuning on this dev data).
    #[arg(long)]
    sweep: bool,
    /// Join probability needed for an archived story, instead of the shipped one.
    #[arg(long)]
    archived_threshold: Option<f32>,
    /// Active window in days instead of the shipped one.
    #[arg(long)]
    window_days: Option<i64>,
    /// Learn the join model from the dev streams and write it to this file (the shipped one is
    /// crates/newsdesk-core/src/stories/model.json).
    #[arg(long)]
    train: Option<std::path::PathBuf>,
    /// With --train: the streams to learn from (comma-separated names; all per-corpus streams
    /// by default).
    #[arg(long, value_delimiter = ',')]
    train_on: Vec<String>,
    /// Measure speed instead: assignment of analysed articles, one thread, with this many
    /// (synthetic) active stories.
    #[arg(long)]
    speed: Option<usize>,
}

/// One article of an evaluation stream.
struct Item {
    title: String,
    text: String,
    time: Option<i64>,
    truth: String,
}

fn duc(corpus: Option<&str>) -> Result<Vec<Item>> {
    let rows = read_jsonl_gz(&data_dir()?.join("stories/duc-dev.jsonl.gz"))?;
    // Articles in both duc2001 and duc2002 are one topic: their clusters are merged.
    let mut alias: HashMap<String, String> = HashMap::new();
    let mut first_cluster: HashMap<String, String> = HashMap::new();
    for r in &rows {
        let docno = r["docno"].as_str().unwrap_or_default().to_owned();
        let cluster = format!(
            "{}/{}",
            r["corpus"].as_str().unwrap_or_default(),
            r["cluster"].as_str().unwrap_or_default()
        );
        match first_cluster.get(&docno) {
            Some(c) if *c != cluster => {
                alias.insert(cluster, c.clone());
            }
            Some(_) => {}
            None => {
                first_cluster.insert(docno, cluster);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut items: Vec<Item> = rows
        .iter()
        .filter(|r| corpus.is_none_or(|c| r["corpus"] == c))
        .filter(|r| {
            corpus.is_some() || seen.insert(r["docno"].as_str().unwrap_or_default().to_owned())
        })
        .map(|r| {
            let cluster = format!(
                "{}/{}",
                r["corpus"].as_str().unwrap_or_default(),
                r["cluster"].as_str().unwrap_or_default()
            );
            Item {
                title: r["headline"].as_str().unwrap_or_default().to_owned(),
                text: r["text"].as_str().unwrap_or_default().to_owned(),
                time: r["date"].as_str().and_then(to_unix_seconds),
                truth: alias.get(&cluster).cloned().unwrap_or(cluster),
            }
        })
        .collect();
    items.sort_by_key(|i| i.time.unwrap_or(i64::MAX));
    Ok(items)
}

fn ecb() -> Result<Vec<Item>> {
    Ok(
        read_jsonl_gz(&data_dir()?.join("stories/ecbplus-dev.jsonl.gz"))?
            .iter()
            .map(|r| Item {
                title: r["first_sentence"].as_str().unwrap_or_default().to_owned(),
                text: r["text"].as_str().unwrap_or_default().to_owned(),
                time: None,
                truth: format!("ecb/{}", r["subtopic"].as_str().unwrap_or_default()),
            })
            .collect(),
    )
}

/// Replays a stream through the online clusterer; returns each item's predicted story.
fn replay(items: &[Item], analyses: &[newsdesk_text::Analysis], config: StoryConfig) -> Vec<i64> {
    let mut index = StoryIndex::new(config.clone());
    let mut df = DocFrequencies::default();
    let mut next_id = 0;
    items
        .iter()
        .zip(analyses)
        .map(|(item, analysis)| {
            let terms = article_terms(analysis);
            let vector = article_vector(&terms, &df, &config);
            let story = match index.best_match(&vector, item.time) {
                Some(m) => {
                    index.add(m.story, &vector, item.time);
                    m.story
                }
                None => {
                    next_id += 1;
                    index.start(next_id, &vector, item.time);
                    next_id
                }
            };
            df.add_document(terms.iter().map(|(t, _)| t.as_str()));
            story
        })
        .collect()
}

/// Clustering scores of a prediction against the truth.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    pub bcubed_p: f64,
    pub bcubed_r: f64,
    pub bcubed_f1: f64,
    pub pairwise_f1: f64,
    pub nmi: f64,
    pub predicted: usize,
    pub truth: usize,
}

pub fn score<P: std::hash::Hash + Eq, T: std::hash::Hash + Eq>(pred: &[P], truth: &[T]) -> Scores {
    let n = pred.len();
    let mut pred_size: HashMap<&P, usize> = HashMap::new();
    let mut true_size: HashMap<&T, usize> = HashMap::new();
    let mut joint: HashMap<(&P, &T), usize> = HashMap::new();
    for (p, t) in pred.iter().zip(truth) {
        *pred_size.entry(p).or_default() += 1;
        *true_size.entry(t).or_default() += 1;
        *joint.entry((p, t)).or_default() += 1;
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for (p, t) in pred.iter().zip(truth) {
        let both = joint[&(p, t)] as f64;
        bp += both / pred_size[p] as f64;
        br += both / true_size[t] as f64;
    }
    let (bp, br) = (bp / n as f64, br / n as f64);
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let tp: f64 = joint.values().map(|&k| pairs(k)).sum();
    let pp: f64 = pred_size.values().map(|&k| pairs(k)).sum();
    let tt: f64 = true_size.values().map(|&k| pairs(k)).sum();
    let (pw_p, pw_r) = (
        if pp > 0.0 { tp / pp } else { 1.0 },
        if tt > 0.0 { tp / tt } else { 1.0 },
    );
    let entropy = |sizes: Vec<usize>| -> f64 {
        sizes
            .into_iter()
            .map(|k| {
                let p = k as f64 / n as f64;
                -p * p.ln()
            })
            .sum()
    };
    let hp = entropy(pred_size.values().copied().collect());
    let ht = entropy(true_size.values().copied().collect());
    let mi: f64 = joint
        .iter()
        .map(|((p, t), &k)| {
            let pxy = k as f64 / n as f64;
            pxy * (pxy * n as f64 * n as f64 / (pred_size[p] as f64 * true_size[t] as f64)).ln()
        })
        .sum();
    let nmi = if hp + ht > 0.0 {
        2.0 * mi / (hp + ht)
    } else {
        1.0
    };
    Scores {
        bcubed_p: bp,
        bcubed_r: br,
        bcubed_f1: f1(bp, br),
        pairwise_f1: f1(pw_p, pw_r),
        nmi,
        predicted: pred_size.len(),
        truth: true_size.len(),
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Resident memory of this process, from /proc (0 where there is none).
fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// A term renamed into a Zipf-like synthetic vocabulary of `n` terms, keeping its group.
fn synthetic_term(term: &str, salt: u64, n: u64) -> String {
    let h = xxhash_rust::xxh3::xxh3_64(format!("{term}/{salt}").as_bytes());
    let u = (h >> 11) as f64 / (1u64 << 53) as f64;
    let rank = ((u * (n as f64).ln()).exp() as u64).min(n - 1);
    format!("{}x{rank}", &term[..2])
}

/// Speed of assignment with `active` stories in the index: each story is a real DUC
/// article's vector with its terms renamed into a synthetic vocabulary of half a million
/// (so stories differ, with realistic term frequencies); the timed articles are the real DUC
/// articles, renamed the same way, each assigned (candidates, features, decision, update).
fn speed(active: usize) -> Result<()> {
    let items = duc(None)?;
    let analyses = analyse(&items);
    let config = StoryConfig::default();
    let df = DocFrequencies::default();
    let vectors: Vec<_> = analyses
        .iter()
        .map(|a| article_vector(&article_terms(a), &df, &config))
        .collect();
    let rename = |v: &newsdesk_core::stories::SparseVector, salt: u64| {
        let mut out: newsdesk_core::stories::SparseVector = v
            .iter()
            .map(|(t, w)| (synthetic_term(t, salt, 500_000), *w))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.dedup_by(|a, b| a.0 == b.0);
        out
    };
    let rss_before = resident_bytes();
    let mut index = StoryIndex::new(config.clone());
    let now = 1_000_000_000;
    for k in 0..active {
        let v = rename(&vectors[k % vectors.len()], k as u64 / vectors.len() as u64);
        index.start(k as i64, &v, Some(now - (k as i64 % 14) * 86_400));
    }
    let per_story = resident_bytes().saturating_sub(rss_before) as f64 / active.max(1) as f64;
    let queries: Vec<_> = vectors.iter().map(|v| rename(v, 7)).collect();
    let mut rates = Vec::new();
    let mut next = active as i64;
    let mut joined = 0;
    for _ in 0..5 {
        let start = Instant::now();
        for v in &queries {
            match index.best_match(v, Some(now)) {
                Some(m) => {
                    index.add(m.story, v, Some(now));
                    joined += 1;
                }
                None => {
                    index.start(next, v, Some(now));
                    next += 1;
                }
            }
        }
        rates.push(queries.len() as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "stories speed: {active} active stories, ~{per_story:.0} bytes each (resident growth); assignment median {:.0} articles/s over 5 runs (min {:.0}, max {:.0}); {joined} joins",
        rates[2], rates[0], rates[4]
    );
    Ok(())
}

pub fn run(args: Args) -> Result<()> {
    if let Some(active) = args.speed {
        return speed(active);
    }
    let mut config = StoryConfig::default();
    if let Some(t) = args.threshold {
        config.model.threshold = t;
    }
    if let Some(t) = args.archived_threshold {
        config.archived_threshold = t;
    }
    if let Some(d) = args.window_days {
        config.window_secs = d * 86_400;
    }
    let mut mixed: Vec<Item> = duc(None)?;
    mixed.extend(ecb()?);
    let sets: Vec<(&str, Vec<Item>)> = vec![
        ("duc2001", duc(Some("duc2001"))?),
        ("duc2002", duc(Some("duc2002"))?),
        ("duc2004_task5", duc(Some("duc2004_task5"))?),
        ("ecbplus", ecb()?),
        ("mixed", mixed),
    ];
    println!(
        "{:<14} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>10} {:>10}",
        "set", "docs", "B3 P", "B3 R", "B3 F1", "pair F1", "NMI", "pred/true", "art/s"
    );
    let analysed: Vec<(&str, &[Item], Vec<newsdesk_text::Analysis>)> = sets
        .iter()
        .map(|(name, items)| (*name, items.as_slice(), analyse(items)))
        .collect();
    if let Some(path) = &args.train {
        let model = train(&analysed, &config, &args.train_on)?;
        std::fs::write(path, serde_json::to_string_pretty(&model)? + "\n")?;
        println!(
            "model written to {}: {}",
            path.display(),
            serde_json::to_string(&model)?
        );
        config.model = model;
    }
    let thresholds: Vec<f32> = if args.sweep {
        (10..=90).step_by(5).map(|t| t as f32 / 100.0).collect()
    } else {
        vec![config.model.threshold]
    };
    for (name, items, analyses) in &analysed {
        let truth: Vec<&str> = items.iter().map(|i| i.truth.as_str()).collect();
        for &t in &thresholds {
            let mut config = config.clone();
            config.model.threshold = t;
            let start = Instant::now();
            let pred = replay(items, analyses, config);
            let rate = items.len() as f64 / start.elapsed().as_secs_f64();
            let s = score(&pred, &truth);
            if std::env::var_os("SHOW_MERGES").is_some() && *name == "ecbplus" {
                let mut by: std::collections::BTreeMap<i64, Vec<&str>> = Default::default();
                for (p, t) in pred.iter().zip(&truth) {
                    by.entry(*p).or_default().push(t);
                }
                for (p, ts) in by {
                    let mut c: std::collections::BTreeMap<&str, usize> = Default::default();
                    for t in ts {
                        *c.entry(t).or_default() += 1;
                    }
                    if c.len() > 1 {
                        eprintln!("story {p}: {c:?}");
                    }
                }
            }
            let label = if args.sweep {
                format!("{name}@{t:.2}")
            } else {
                (*name).to_owned()
            };
            println!(
                "{:<14} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>10} {:>10.0}",
                label,
                items.len(),
                s.bcubed_p,
                s.bcubed_r,
                s.bcubed_f1,
                s.pairwise_f1,
                s.nmi,
                format!("{}/{}", s.predicted, s.truth),
                rate
            );
        }
    }
    Ok(())
}

fn analyse(items: &[Item]) -> Vec<newsdesk_text::Analysis> {
    items
        .iter()
        .map(|i| newsdesk_text::analyze(&i.title, &i.text, Some("en")))
        .collect()
}

/// One training example: an (article, candidate story) pair and whether they belong together.
type Example = ([f32; FEATURE_COUNT], bool);

/// Replays a stream with the true assignments (each article joins its true story), recording
/// every candidate the index offers with its features and whether it is the right story.
fn training_examples(
    items: &[Item],
    analyses: &[newsdesk_text::Analysis],
    config: &StoryConfig,
) -> Vec<Example> {
    let mut index = StoryIndex::new(config.clone());
    let mut df = DocFrequencies::default();
    let mut story_of: HashMap<&str, i64> = HashMap::new();
    let mut out = Vec::new();
    for (item, analysis) in items.iter().zip(analyses) {
        let terms = article_terms(analysis);
        let vector = article_vector(&terms, &df, config);
        let gold = story_of.get(item.truth.as_str()).copied();
        for c in index.candidates(&vector, item.time) {
            out.push((c.features, Some(c.story) == gold));
        }
        match gold {
            Some(id) => {
                index.add(id, &vector, item.time);
            }
            None => {
                let id = story_of.len() as i64 + 1;
                story_of.insert(&item.truth, id);
                index.start(id, &vector, item.time);
            }
        }
        df.add_document(terms.iter().map(|(t, _)| t.as_str()));
    }
    out
}

/// Learns the join model: weights from the true-assignment replays of the per-corpus streams,
/// then the threshold that maximises the mean B-cubed F1 of real replays. Also reports how a
/// model trained without ECB+ does on it, and one trained on ECB+ alone does on DUC.
fn train(
    sets: &[(&str, &[Item], Vec<newsdesk_text::Analysis>)],
    config: &StoryConfig,
    train_on: &[String],
) -> Result<JoinModel> {
    let per_corpus: Vec<&(&str, &[Item], Vec<newsdesk_text::Analysis>)> = sets
        .iter()
        .filter(|(name, _, _)| *name != "mixed")
        .collect();
    let examples: Vec<(&str, Vec<Example>)> = per_corpus
        .iter()
        .map(|(name, items, analyses)| (*name, training_examples(items, analyses, config)))
        .collect();
    let fit = |keep: &dyn Fn(&str) -> bool| {
        let pooled: Vec<Example> = examples
            .iter()
            .filter(|(name, _)| keep(name))
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        fit_logistic(&pooled)
    };
    let best_threshold = |bias: f32, weights: &[f32], on: &dyn Fn(&str) -> bool| -> (f32, f64) {
        let mut best = (0.5, -1.0);
        for t in (20..=85).step_by(5).map(|t| t as f32 / 100.0) {
            let mut c = config.clone();
            c.model = JoinModel {
                bias,
                weights: weights.to_vec(),
                threshold: t,
                trained_on: String::new(),
            };
            let scored: Vec<f64> = per_corpus
                .iter()
                .filter(|(name, _, _)| on(name))
                .map(|(_, items, analyses)| {
                    let truth: Vec<&str> = items.iter().map(|i| i.truth.as_str()).collect();
                    score(&replay(items, analyses, c.clone()), &truth).bcubed_f1
                })
                .collect();
            let mean = scored.iter().sum::<f64>() / scored.len().max(1) as f64;
            if mean > best.1 {
                best = (t, mean);
            }
        }
        best
    };
    // Held-out checks: how much of the fit carries over to a corpus it never saw.
    for (held, label) in [
        ("ecbplus", "ECB+ (trained on DUC)"),
        ("duc", "DUC (trained on ECB+)"),
    ] {
        let trains_on = |name: &str| !name.starts_with(held);
        let (b, w) = fit(&trains_on);
        let (t, _) = best_threshold(b, &w, &trains_on);
        let (_, held_f1) = {
            let mut c = config.clone();
            c.model = JoinModel {
                bias: b,
                weights: w.clone(),
                threshold: t,
                trained_on: String::new(),
            };
            let f1s: Vec<f64> = per_corpus
                .iter()
                .filter(|(name, _, _)| name.starts_with(held))
                .map(|(_, items, analyses)| {
                    let truth: Vec<&str> = items.iter().map(|i| i.truth.as_str()).collect();
                    score(&replay(items, analyses, c.clone()), &truth).bcubed_f1
                })
                .collect();
            (t, f1s.iter().sum::<f64>() / f1s.len().max(1) as f64)
        };
        println!("held out: B-cubed F1 on {label}: {held_f1:.3}");
    }
    let chosen = |name: &str| train_on.is_empty() || train_on.iter().any(|t| t == name);
    let (bias, weights) = fit(&chosen);
    let (threshold, mean) = best_threshold(bias, &weights, &chosen);
    println!("trained on all dev streams: mean B-cubed F1 {mean:.3} at threshold {threshold:.2}");
    Ok(JoinModel {
        bias,
        weights,
        threshold,
        trained_on: format!(
            "newsdesk-eval stories --train: logistic regression over {} on DUC 2001/2002/2004 and ECB+ dev replays",
            FEATURES.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_degenerate_clusterings() {
        let truth = ["a", "a", "b", "b"];
        let s = score(&[1, 1, 2, 2], &truth);
        assert!(
            (s.bcubed_f1 - 1.0).abs() < 1e-9
                && (s.nmi - 1.0).abs() < 1e-9
                && (s.pairwise_f1 - 1.0).abs() < 1e-9
        );
        let one = score(&[1, 1, 1, 1], &truth);
        assert!((one.bcubed_p - 0.5).abs() < 1e-9 && (one.bcubed_r - 1.0).abs() < 1e-9);
        assert!(one.nmi.abs() < 1e-9);
        let singletons = score(&[1, 2, 3, 4], &truth);
        assert!(
            (singletons.bcubed_p - 1.0).abs() < 1e-9 && (singletons.bcubed_r - 0.5).abs() < 1e-9
        );
        assert_eq!((singletons.predicted, singletons.truth), (4, 2));
    }
}
