//! Story clustering, scored as the data README says: each corpus replayed as a stream (DUC in
//! date order; ECB+ has no dates), every article assigned online, then B-cubed precision, recall
//! and F1, pairwise F1, NMI and the number of predicted and true clusters.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Result;
use clap::Args as ClapArgs;

use newsdesk_core::stories::{
    article_terms, article_vector, DocFrequencies, StoryConfig, StoryIndex,
};
use newsdesk_extract::dates::to_unix_seconds;

use crate::data::{data_dir, read_jsonl_gz};

#[derive(ClapArgs)]
pub struct Args {
    /// Join threshold to use instead of the shipped one.
    #[arg(long)]
    threshold: Option<f32>,
    /// Also score a range of thresholds (for tuning on this dev data).
    #[arg(long)]
    sweep: bool,
    /// Active window in days instead of the shipped one.
    #[arg(long)]
    window_days: Option<i64>,
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
    let mut index = StoryIndex::new(config);
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

pub fn run(args: Args) -> Result<()> {
    let mut config = StoryConfig::default();
    if let Some(t) = args.threshold {
        config.join_threshold = t;
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
    let thresholds: Vec<f32> = if args.sweep {
        (8..=40).step_by(2).map(|t| t as f32 / 100.0).collect()
    } else {
        vec![config.join_threshold]
    };
    for (name, items) in &sets {
        let analyses: Vec<_> = items
            .iter()
            .map(|i| newsdesk_text::analyze(&i.title, &i.text, Some("en")))
            .collect();
        let truth: Vec<&str> = items.iter().map(|i| i.truth.as_str()).collect();
        for &t in &thresholds {
            let config = StoryConfig {
                join_threshold: t,
                ..config
            };
            let start = Instant::now();
            let pred = replay(items, &analyses, config);
            let rate = items.len() as f64 / start.elapsed().as_secs_f64();
            let s = score(&pred, &truth);
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
