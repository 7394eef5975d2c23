//! Copy detection, scored as the data README says: pairs of renderings of one article (the
//! human translation and two machine translations) are copies; renderings of other articles of
//! the same event cluster are hard negatives. Reports the ROC-AUC of the copy probability, the
//! precision, recall and F1 of the copy decision at the shipped threshold, and the candidate
//! recall of the anchor index (the share of copy pairs that reach the scorer).
//!
//! `--peers` runs `bench/peers/copies_peer.py` (datasketch MinHash + MinHashLSH on word 3- and
//! 5-shingles, scikit-learn TF-IDF cosine; install with `bash bench/peers/setup.sh`) on the same
//! texts and pairs in the same run, scores its similarities with the same code, times newsdesk
//! end to end on the same texts, and prints the two side by side.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use serde_json::{json, Value};

use newsdesk_core::copies::anchors::{anchors, AnchorIndex, MAX_POSTINGS};
use newsdesk_core::copies::rewrite::{
    compare, idf_from, profile, CopyProfile, RewriteModel, REWRITE_FEATURES, REWRITE_FEATURE_COUNT,
};

use crate::data::{data_dir, read_jsonl_gz};
use crate::fit::fit_logistic;
use crate::peers::repo_root;
use crate::timing::median;

#[derive(ClapArgs)]
pub struct Args {
    /// Learn the rewrite model from this data and write it to this file (the shipped one is
    /// crates/newsdesk-core/src/copies/rewrite-model.json).
    #[arg(long)]
    train: Option<std::path::PathBuf>,
    /// With --train: also learn from synthetic synonym spins of the human translations (an
    /// experiment: it trades precision on translations for recall on spins).
    #[arg(long)]
    with_spins: bool,
    /// Measure speed instead: fingerprint, anchor lookup and scoring per article, one thread,
    /// with this many (synthetic) articles indexed.
    #[arg(long)]
    speed: Option<usize>,
    /// Also run the peers on the same texts and pairs (datasketch MinHash / MinHashLSH and
    /// scikit-learn TF-IDF, from target/peers-venv: see bench/peers/setup.sh) and time newsdesk
    /// end to end on the same texts, side by side.
    #[arg(long)]
    peers: bool,
    /// Python interpreter for the peers (default: target/peers-venv/bin/python).
    #[arg(long, env = "NEWSDESK_PEERS_PYTHON")]
    python: Option<PathBuf>,
    /// With --peers: timed passes over the texts per system (articles/s is the median pass).
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

const RENDERINGS: [&str; 3] = ["manual", "ibm", "isi"];

struct Text {
    cluster: String,
    doc: String,
    text: String,
    profile: CopyProfile,
    /// A synthetic spin, made for training only.
    synthetic: bool,
}

/// A synonym spin as content farms make them, simulated: most common words are swapped for
/// other words (the same word always for the same word, as a spinner's dictionary does),
/// while names and numbers stay. Translations alone would teach the model that copies share
/// their vocabulary; spins share little more than their facts and their order.
fn spin(text: &str) -> String {
    text.split_inclusive(|c: char| !c.is_alphanumeric())
        .map(|piece| {
            let word: String = piece.chars().take_while(|c| c.is_alphanumeric()).collect();
            let rest = &piece[word.len()..];
            let swap = word.chars().count() >= 3
                && word.chars().all(|c| c.is_lowercase())
                && !newsdesk_text::is_stopword(&word, "en")
                && xxhash_rust::xxh3::xxh3_64(word.as_bytes()) % 10 < 6;
            if swap {
                format!(
                    "syn{:x}{rest}",
                    xxhash_rust::xxh3::xxh3_64(word.as_bytes()) % 100_000
                )
            } else {
                piece.to_owned()
            }
        })
        .collect()
}

fn load(with_spins: bool) -> Result<Vec<Text>> {
    let rows = read_jsonl_gz(&data_dir()?.join("copies/duc2004-translations-dev.jsonl.gz"))?;
    let mut out = Vec::new();
    for r in &rows {
        for k in RENDERINGS {
            let text = r[k].as_str().unwrap_or_default();
            let analysis = newsdesk_text::analyze("", text, Some("en"));
            out.push(Text {
                cluster: r["cluster"].as_str().unwrap_or_default().to_owned(),
                doc: r["docid"].as_str().unwrap_or_default().to_owned(),
                text: text.to_owned(),
                profile: profile(text, &analysis),
                synthetic: false,
            });
        }
        if with_spins {
            let spun = spin(r["manual"].as_str().unwrap_or_default());
            let analysis = newsdesk_text::analyze("", &spun, Some("en"));
            out.push(Text {
                cluster: r["cluster"].as_str().unwrap_or_default().to_owned(),
                doc: r["docid"].as_str().unwrap_or_default().to_owned(),
                text: spun.clone(),
                profile: profile(&spun, &analysis),
                synthetic: true,
            });
        }
    }
    Ok(out)
}

/// ROC-AUC by the rank-sum: the chance a random positive outscores a random negative.
pub fn roc_auc(scores: &[(f32, bool)]) -> f64 {
    let mut sorted: Vec<(f32, bool)> = scores.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0f64, 0usize);
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        let mid = (i + j + 1) as f64 / 2.0; // ranks are 1-based; ties share the mean
        rank_sum += sorted[i..j].iter().filter(|s| s.1).count() as f64 * mid;
        i = j;
    }
    let pos = scores.iter().filter(|s| s.1).count() as f64;
    let neg = scores.len() as f64 - pos;
    if pos == 0.0 || neg == 0.0 {
        return f64::NAN;
    }
    (rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg)
}

/// Precision, recall and F1 of calling every pair scoring at least `threshold` a copy.
pub fn prf(scores: &[(f32, bool)], threshold: f32) -> (f64, f64, f64) {
    let tp = scores.iter().filter(|s| s.1 && s.0 >= threshold).count() as f64;
    let fp = scores.iter().filter(|s| !s.1 && s.0 >= threshold).count() as f64;
    let fne = scores.iter().filter(|s| s.1 && s.0 < threshold).count() as f64;
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
    let r = if tp + fne > 0.0 { tp / (tp + fne) } else { 1.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// The threshold with the best F1 on scored pairs.
fn best_threshold(scores: &[(f32, bool)]) -> f32 {
    let mut candidates: Vec<f32> = scores.iter().map(|s| s.0).collect();
    candidates.sort_by(f32::total_cmp);
    candidates.dedup();
    candidates
        .into_iter()
        .map(|t| (t, prf(scores, t).2))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(0.5, |(t, _)| t)
}

pub fn run(args: Args) -> Result<()> {
    if let Some(indexed) = args.speed {
        return speed(indexed);
    }
    if args.peers {
        peer_python(&args)?; // fail before the work, not after it
    }
    let texts = load(args.train.is_some() && args.with_spins)?;
    // Term statistics as the store would hold them once all these articles are in.
    let mut df: HashMap<String, u32> = HashMap::new();
    for t in &texts {
        let mut stems: Vec<&String> = t.profile.sentences.iter().flatten().collect();
        stems.sort_unstable();
        stems.dedup();
        for s in stems {
            *df.entry(s.clone()).or_default() += 1;
        }
    }
    let idf = idf_from(&df, texts.len() as u64);

    // Every pair within a cluster: copies (same article) and hard negatives.
    let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            if texts[i].cluster == texts[j].cluster && !(texts[i].synthetic && texts[j].synthetic) {
                pairs.push((i, j, texts[i].doc == texts[j].doc));
            }
        }
    }
    let synthetic = |&(i, j, _): &(usize, usize, bool)| texts[i].synthetic || texts[j].synthetic;
    let start = Instant::now();
    let features: Vec<([f32; REWRITE_FEATURE_COUNT], bool)> = pairs
        .iter()
        .map(|&(i, j, copy)| {
            (
                compare(&texts[i].profile, &texts[j].profile, &idf).features,
                copy,
            )
        })
        .collect();
    let per_pair = start.elapsed().as_secs_f64() / pairs.len() as f64;

    let mut model = RewriteModel::shipped();
    if let Some(path) = &args.train {
        // Honest estimate first: fit on some clusters, score the others.
        let clusters: Vec<&String> = {
            let mut c: Vec<&String> = texts.iter().map(|t| &t.cluster).collect();
            c.sort();
            c.dedup();
            c
        };
        let folds = 4;
        let mut held_out: Vec<(f32, bool)> = Vec::new();
        for fold in 0..folds {
            let held = |i: usize| {
                clusters
                    .iter()
                    .position(|c| **c == texts[i].cluster)
                    .unwrap_or(0)
                    % folds
                    == fold
            };
            let train: Vec<([f32; REWRITE_FEATURE_COUNT], bool)> = pairs
                .iter()
                .zip(&features)
                .filter(|((i, _, _), _)| !held(*i))
                .map(|(_, f)| *f)
                .collect();
            let (bias, weights) = fit_logistic(&train);
            let mut m = RewriteModel {
                bias,
                weights,
                threshold: 0.5,
                trained_on: String::new(),
            };
            m.threshold = best_threshold(
                &train
                    .iter()
                    .map(|(f, y)| (m.probability(f), *y))
                    .collect::<Vec<_>>(),
            );
            // Decisions at the fold's own threshold, scored on the clusters it never saw.
            held_out.extend(
                pairs
                    .iter()
                    .zip(&features)
                    .filter(|((i, _, _), _)| held(*i))
                    .map(|(_, (f, y))| (m.probability(f) - m.threshold + 0.5, *y)),
            );
        }
        let (p, r, f) = prf(&held_out, 0.5);
        println!(
            "held-out clusters ({folds}-fold, thresholds chosen in-fold): AUC {:.3}  P {p:.3}  R {r:.3}  F1 {f:.3}",
            roc_auc(&held_out)
        );
        let (bias, weights) = fit_logistic(&features);
        let probe = RewriteModel {
            bias,
            weights: weights.clone(),
            threshold: 0.5,
            trained_on: String::new(),
        };
        let threshold = best_threshold(
            &features
                .iter()
                .map(|(f, y)| (probe.probability(f), *y))
                .collect::<Vec<_>>(),
        );
        model = RewriteModel {
            bias,
            weights,
            threshold,
            trained_on: format!(
                "newsdesk-eval copies --train: logistic regression over {} on the DUC 2004 translation pairs",
                REWRITE_FEATURES.join(", ")
            ),
        };
        std::fs::write(path, serde_json::to_string_pretty(&model)? + "\n")?;
        println!("model written to {}", path.display());
    }

    // Scores are reported on the real pairs only; synthetic spins only teach.
    let spins: Vec<(f32, bool)> = pairs
        .iter()
        .zip(&features)
        .filter(|(p, _)| synthetic(p))
        .map(|(_, (f, y))| (model.probability(f), *y))
        .collect();
    if !spins.is_empty() {
        let (p, r, f) = prf(&spins, model.threshold);
        println!(
            "synthetic spins (training only): AUC {:.3}  P {p:.3}  R {r:.3}  F1 {f:.3}",
            roc_auc(&spins)
        );
    }
    let real: Vec<usize> = (0..pairs.len())
        .filter(|&k| !synthetic(&pairs[k]))
        .collect();
    let features: Vec<([f32; REWRITE_FEATURE_COUNT], bool)> =
        real.iter().map(|&k| features[k]).collect();
    // Renumbered into the real texts alone.
    let mut renumber = vec![usize::MAX; texts.len()];
    for (n, i) in (0..texts.len())
        .filter(|&i| !texts[i].synthetic)
        .enumerate()
    {
        renumber[i] = n;
    }
    let pairs: Vec<(usize, usize, bool)> = real
        .iter()
        .map(|&k| (renumber[pairs[k].0], renumber[pairs[k].1], pairs[k].2))
        .collect();
    let texts: Vec<Text> = texts.into_iter().filter(|t| !t.synthetic).collect();
    let scored: Vec<(f32, bool)> = features
        .iter()
        .map(|(f, y)| (model.probability(f), *y))
        .collect();
    let (p, r, f) = prf(&scored, model.threshold);
    let positives = pairs.iter().filter(|p| p.2).count();

    // Candidate recall: stream the texts through the anchor index; a copy pair counts when the
    // later text's lookup returns the earlier one.
    let mut index = AnchorIndex::default();
    let mut found = 0;
    let mut looked_up = 0usize;
    let by_doc: HashMap<(&str, &str), Vec<usize>> =
        texts
            .iter()
            .enumerate()
            .fold(HashMap::new(), |mut m, (i, t)| {
                m.entry((t.cluster.as_str(), t.doc.as_str()))
                    .or_default()
                    .push(i);
                m
            });
    for (i, t) in texts.iter().enumerate() {
        let a = anchors(&t.profile, &idf);
        let cands = index.candidates(&a, 50, MAX_POSTINGS);
        looked_up += cands.len();
        for &earlier in &by_doc[&(t.cluster.as_str(), t.doc.as_str())] {
            if earlier < i && cands.iter().any(|(id, _)| *id as usize == earlier) {
                found += 1;
            }
        }
        index.insert(i as u32, &a);
    }
    println!(
        "copies: {} texts, {} copy pairs, {} hard negatives",
        texts.len(),
        positives,
        pairs.len() - positives
    );
    println!(
        "{:<26} {:>7} {:>7} {:>7} {:>7} {:>10}",
        "", "AUC", "P", "R", "F1", "threshold"
    );
    println!(
        "{:<26} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>10.2}",
        "newsdesk (shipped model)",
        roc_auc(&scored),
        p,
        r,
        f,
        model.threshold
    );
    for (k, name) in REWRITE_FEATURES.iter().enumerate() {
        let single: Vec<(f32, bool)> = features.iter().map(|(f, y)| (f[k], *y)).collect();
        println!(
            "{:<26} {:>7.3}",
            format!("  feature {name}"),
            roc_auc(&single)
        );
    }
    println!(
        "candidate recall {:.3} ({found}/{positives}), {:.1} candidates per lookup; {:.0} µs per scored pair",
        found as f64 / positives as f64,
        looked_up as f64 / texts.len() as f64,
        per_pair * 1e6
    );
    if args.peers {
        let newsdesk = Figures::of(
            "newsdesk (shipped model)",
            &scored,
            model.threshold,
            false,
            Some(found as f64 / positives as f64),
            0.0,
        );
        side_by_side(&args, &texts, &pairs, &idf, &model, newsdesk)?;
    }
    Ok(())
}

/// One system's figures on the pairs, for the side-by-side table.
#[derive(Debug, Clone, PartialEq)]
struct Figures {
    label: String,
    auc: f64,
    /// Threshold, precision, recall and F1 of the copy decision at the given threshold.
    at: (f32, f64, f64, f64),
    /// Pairs called copies at that threshold (precision means nothing where there are none).
    called_at: usize,
    /// The same at the threshold with the best F1 on these pairs (for peers, which ship none).
    best: Option<(f32, f64, f64, f64)>,
    /// Share of copy pairs the candidate stage returns; None for a system without one.
    candidate_recall: Option<f64>,
    articles_per_s: f64,
}

impl Figures {
    fn of(
        label: &str,
        scores: &[(f32, bool)],
        threshold: f32,
        with_best: bool,
        candidate_recall: Option<f64>,
        articles_per_s: f64,
    ) -> Figures {
        let decision = |t: f32| {
            let (p, r, f) = prf(scores, t);
            (t, p, r, f)
        };
        Figures {
            label: label.to_owned(),
            auc: roc_auc(scores),
            at: decision(threshold),
            called_at: scores.iter().filter(|s| s.0 >= threshold).count(),
            best: with_best.then(|| decision(best_threshold(scores))),
            candidate_recall,
            articles_per_s,
        }
    }
}

/// Share of the copy pairs (`pairs[k].2`) whose `candidate[k]` is set.
fn candidate_recall(pairs: &[(usize, usize, bool)], candidate: &[bool]) -> f64 {
    let copies = pairs.iter().filter(|p| p.2).count();
    let found = pairs
        .iter()
        .zip(candidate)
        .filter(|(p, c)| p.2 && **c)
        .count();
    if copies == 0 {
        f64::NAN
    } else {
        found as f64 / copies as f64
    }
}

/// `a / b` as a multiplier ("x1.23"), "x inf" where only `b` is zero, "-" where it means nothing.
fn ratio(a: f64, b: f64) -> String {
    if !(a.is_finite() && b.is_finite()) || a < 0.0 || b < 0.0 {
        "-".to_owned()
    } else if b > 0.0 {
        format!("x{:.2}", a / b)
    } else if a > 0.0 {
        "x inf".to_owned()
    } else {
        "-".to_owned()
    }
}

/// How many anchor candidates the pipeline judges per new article (`REWRITE_CANDIDATES` in
/// crates/newsdesk/src/pipeline.rs).
const PIPELINE_CANDIDATES: usize = 10;

/// newsdesk end to end on the texts as a stream, one thread: analysis, copy profile,
/// fingerprint, anchors, anchor lookup, judging every candidate found (as the pipeline does,
/// against the stored profile), insertion. Returns the seconds of each run and the candidates
/// of each text (from the last run).
fn newsdesk_stream(
    texts: &[Text],
    idf: &impl Fn(&str) -> f32,
    model: &RewriteModel,
    runs: usize,
) -> (Vec<f64>, Vec<Vec<u32>>) {
    let mut seconds = Vec::new();
    let mut found: Vec<Vec<u32>> = Vec::new();
    for _ in 0..runs.max(1) {
        found.clear();
        let start = Instant::now();
        let mut index = AnchorIndex::default();
        let mut profiles: Vec<CopyProfile> = Vec::with_capacity(texts.len());
        for (i, t) in texts.iter().enumerate() {
            let analysis = newsdesk_text::analyze("", &t.text, Some("en"));
            let prof = profile(&t.text, &analysis);
            let fp = newsdesk_core::copies::fingerprint(&t.text);
            let a = anchors(&prof, idf);
            let cands = index.candidates(&a, PIPELINE_CANDIDATES, MAX_POSTINGS);
            for (id, _) in &cands {
                let e = compare(&prof, &profiles[*id as usize], idf);
                std::hint::black_box(model.probability(&e.features));
            }
            index.insert(i as u32, &a);
            profiles.push(prof);
            std::hint::black_box(fp);
            found.push(cands.into_iter().map(|(id, _)| id).collect());
        }
        seconds.push(start.elapsed().as_secs_f64());
    }
    (seconds, found)
}

/// Runs bench/peers/copies_peer.py on the texts and pairs; returns its JSON report.
fn run_python_peers(
    python: &Path,
    texts: &[Text],
    pairs: &[(usize, usize, bool)],
    runs: usize,
) -> Result<Value> {
    let work = repo_root().join("target/copies-eval");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let input = work.join("input.json");
    let output = work.join("peers.json");
    let _ = std::fs::remove_file(&output);
    let body = json!({
        "texts": texts.iter().enumerate().map(|(i, t)| json!({
            "id": i, "cluster": t.cluster, "doc": t.doc, "text": t.text,
        })).collect::<Vec<_>>(),
        "pairs": pairs.iter().map(|&(i, j, _)| [i, j]).collect::<Vec<_>>(),
    });
    std::fs::write(&input, serde_json::to_vec(&body)?)?;
    let script = repo_root().join("bench/peers/copies_peer.py");
    eprintln!(
        "  peers: {} {} ({} texts, {} pairs, {runs} runs)",
        python.display(),
        script.display(),
        texts.len(),
        pairs.len()
    );
    crate::peers::run_script(
        python,
        &script,
        &input,
        &output,
        runs,
        "copies peers",
        "datasketch or scikit-learn",
    )
}

/// Per-pair numbers of a peer's field, checked against the pair count.
fn per_pair<T>(
    peer: &Value,
    field: &str,
    pairs: usize,
    read: impl Fn(&Value) -> Option<T>,
) -> Result<Option<Vec<T>>> {
    let Some(values) = peer[field].as_array() else {
        return Ok(None);
    };
    if values.len() != pairs {
        bail!(
            "peer {}: {} values of {field} for {pairs} pairs",
            peer["name"],
            values.len()
        );
    }
    values
        .iter()
        .map(|v| read(v).with_context(|| format!("peer {}: bad {field} value {v}", peer["name"])))
        .collect::<Result<Vec<T>>>()
        .map(Some)
}

/// The interpreter for the peers, which must exist.
fn peer_python(args: &Args) -> Result<PathBuf> {
    crate::peers::peer_python(args.python.as_deref(), "copies peers")
}

/// `--peers`: newsdesk and the peers on the same texts and pairs, side by side.
fn side_by_side(
    args: &Args,
    texts: &[Text],
    pairs: &[(usize, usize, bool)],
    idf: &impl Fn(&str) -> f32,
    model: &RewriteModel,
    mut newsdesk: Figures,
) -> Result<()> {
    let python = peer_python(args)?;
    let runs = args.runs.max(1);

    // newsdesk end to end on the same texts.
    let (seconds, found) = newsdesk_stream(texts, idf, model, runs);
    newsdesk.articles_per_s = texts.len() as f64 / median(&seconds);
    let analysis_us = {
        let start = Instant::now();
        for t in texts {
            std::hint::black_box(newsdesk_text::analyze("", &t.text, Some("en")));
        }
        start.elapsed().as_secs_f64() * 1e6 / texts.len() as f64
    };
    let pipeline_candidate: Vec<bool> = pairs
        .iter()
        .map(|&(i, j, _)| found[j].contains(&(i as u32)))
        .collect();

    let report = run_python_peers(&python, texts, pairs, runs)?;
    let mut peers: Vec<(Figures, &Value)> = Vec::new();
    for peer in report["peers"]
        .as_array()
        .context("peer report has no peers")?
    {
        let sims = per_pair(peer, "similarity", pairs.len(), |v| {
            v.as_f64().map(|x| x as f32)
        })?
        .context("peer without similarities")?;
        let candidate = per_pair(peer, "candidate", pairs.len(), Value::as_bool)?;
        let scores: Vec<(f32, bool)> = sims.iter().zip(pairs).map(|(s, p)| (*s, p.2)).collect();
        let run_seconds: Vec<f64> = peer["run_seconds"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        let n = peer["texts"].as_f64().unwrap_or(texts.len() as f64);
        let figures = Figures::of(
            peer["label"].as_str().unwrap_or("peer"),
            &scores,
            0.5,
            true,
            candidate.as_deref().map(|c| candidate_recall(pairs, c)),
            n / median(&run_seconds),
        );
        peers.push((figures, peer));
    }

    let positives = pairs.iter().filter(|p| p.2).count();
    println!();
    println!(
        "-- side by side, one run: {} texts, {} pairs ({positives} copies, {} hard negatives), one thread --",
        texts.len(),
        pairs.len(),
        pairs.len() - positives
    );
    println!(
        "{:<40} {:>6} {:>6} {:>6} {:>6} {:>7} {:>9} {:>11}",
        "system", "AUC", "P", "R", "F1", "thresh", "cand.rec", "articles/s"
    );
    let opt = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.3}"));
    let row = |f: &Figures| {
        let (t, p, r, f1) = f.at;
        println!(
            "{:<40} {:>6.3} {:>6} {:>6.3} {:>6.3} {:>7.2} {:>9} {:>11.0}",
            f.label,
            f.auc,
            if f.called_at > 0 {
                format!("{p:.3}")
            } else {
                "-".to_owned()
            },
            r,
            f1,
            t,
            opt(f.candidate_recall),
            f.articles_per_s
        );
        if let Some((t, p, r, f1)) = f.best {
            println!(
                "{:<40} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>7.2}",
                "  at its best threshold on these pairs", "", p, r, f1, t
            );
        }
    };
    row(&newsdesk);
    for (f, _) in &peers {
        row(f);
    }

    println!("-- newsdesk / peer --");
    for (f, peer) in &peers {
        let loop_rate = peer["run_seconds_update_loop"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect::<Vec<f64>>())
            .filter(|v| !v.is_empty())
            .map(|v| texts.len() as f64 / median(&v));
        let recall = match f.candidate_recall {
            Some(r) => format!(
                "  cand.rec {} ({:.3} vs {r:.3})",
                ratio(newsdesk.candidate_recall.unwrap_or(f64::NAN), r),
                newsdesk.candidate_recall.unwrap_or(f64::NAN)
            ),
            None => String::new(),
        };
        println!(
            "  vs {:<38} AUC {}  F1 {} (peer at 0.5) {} (peer at its best){recall}  articles/s {}{}",
            f.label,
            ratio(newsdesk.auc, f.auc),
            ratio(newsdesk.at.3, f.at.3),
            ratio(newsdesk.at.3, f.best.map_or(f64::NAN, |b| b.3)),
            ratio(newsdesk.articles_per_s, f.articles_per_s),
            loop_rate.map_or(String::new(), |r| format!(
                " ({} vs its update() loop)",
                ratio(newsdesk.articles_per_s, r)
            )),
        );
    }

    // How each figure was made.
    println!("notes:");
    println!(
        "  F1: newsdesk at its shipped threshold {:.2} (the shipped model was fit on these pairs; \
         `copies --train` prints a held-out estimate); peers at 0.5 and at the threshold with \
         their best F1 on these very pairs (in-sample, optimistic for them)",
        model.threshold
    );
    println!("  P -: no pair reaches the threshold (no copy called)");
    println!(
        "  cand.rec: texts streamed in file order, each looked up then inserted; newsdesk: anchor \
         index, up to 50 candidates (with the pipeline's {PIPELINE_CANDIDATES}: {:.3}); \
         MinHashLSH(threshold=0.5, num_perm=128)",
        candidate_recall(pairs, &pipeline_candidate)
    );
    for (f, peer) in &peers {
        if let Some(per_lookup) = peer["candidates_per_lookup"].as_f64() {
            let br = &peer["lsh_bands_rows"];
            println!(
                "    {}: {per_lookup:.3} LSH candidates per lookup (bands x rows {}x{})",
                f.label, br[0], br[1]
            );
        }
    }
    println!(
        "  articles/s: median of {runs} passes over the {} texts. newsdesk: analysis + copy \
         profile + fingerprint + anchors + lookup + judging every candidate + insert ({:.0} µs per \
         article, of which analysis {analysis_us:.0} µs; with 1M articles indexed see \
         `copies --speed 1000000`)",
        texts.len(),
        1e6 / newsdesk.articles_per_s
    );
    for (f, peer) in &peers {
        let stages = peer["stage_us"]
            .as_object()
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.iter()
                    .map(|(k, v)| format!("{k} {:.0}", v.as_f64().unwrap_or(f64::NAN)))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
        match stages {
            Some(stages) => {
                let loop_seconds: Vec<f64> = peer["run_seconds_update_loop"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_f64).collect())
                    .unwrap_or_default();
                println!(
                    "    {}: shingling + MinHash.update_batch + LSH query + insert ({stages} µs per \
                     article); {:.0} articles/s with one update() per shingle as datasketch's README does",
                    f.label,
                    texts.len() as f64 / median(&loop_seconds)
                );
            }
            None => println!(
                "    {}: fit_transform on all texts + all-pairs cosine (a batch, not a stream)",
                f.label
            ),
        }
    }
    for (f, peer) in &peers {
        if let Some(exact) = per_pair(peer, "exact_jaccard", pairs.len(), |v| {
            v.as_f64().map(|x| x as f32)
        })? {
            let scores: Vec<(f32, bool)> =
                exact.iter().zip(pairs).map(|(s, p)| (*s, p.2)).collect();
            println!(
                "  {}: exact Jaccard of the same shingle sets AUC {:.3} (MinHash estimate {:.3})",
                f.label,
                roc_auc(&scores),
                f.auc
            );
        }
    }
    let versions = report["versions"]
        .as_object()
        .map(|v| {
            v.iter()
                .map(|(k, v)| format!("{k} {}", v.as_str().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    println!(
        "  peers: {versions}; Python {}",
        report["python"].as_str().unwrap_or("?")
    );
    Ok(())
}

/// A log-uniform draw from `0..n` (Zipf-like with exponent 1): most anchors are rare, a few
/// (round numbers, big names) are everywhere.
fn log_uniform(seed: u64, n: u64) -> u64 {
    let u = (xxhash_rust::xxh3::xxh3_64(&seed.to_le_bytes()) >> 11) as f64 / (1u64 << 53) as f64;
    ((u * (n as f64).ln()).exp() as u64).min(n - 1)
}

/// Speed on one thread with `indexed` articles in the anchor index: for each new article,
/// fingerprint its text, compute its anchors, look up candidates and judge the best of them.
/// The indexed articles are synthetic (anchors drawn from a Zipf-like vocabulary of two
/// million, 24 each); the new articles are the real texts, their anchors mapped into the same
/// vocabulary, and each candidate is judged against a real text.
fn speed(indexed: usize) -> Result<()> {
    let rows = read_jsonl_gz(&data_dir()?.join("copies/duc2004-translations-dev.jsonl.gz"))?;
    let texts: Vec<String> = rows
        .iter()
        .flat_map(|r| RENDERINGS.map(|k| r[k].as_str().unwrap_or_default().to_owned()))
        .collect();
    let analysed: Vec<(newsdesk_text::Analysis, CopyProfile)> = texts
        .iter()
        .map(|t| {
            let a = newsdesk_text::analyze("", t, Some("en"));
            let p = profile(t, &a);
            (a, p)
        })
        .collect();
    let vocabulary = 2_000_000u64;
    let rss_before = crate::peers::resident_bytes();
    let build = Instant::now();
    let mut index = AnchorIndex::default();
    for k in 0..indexed as u64 {
        let anchors: Vec<u64> = (0..24)
            .map(|j| log_uniform(k * 31 + j, vocabulary))
            .collect();
        index.insert(k as u32, &anchors);
    }
    let build_s = build.elapsed().as_secs_f64();
    let rss_index = crate::peers::resident_bytes().saturating_sub(rss_before);
    let idf = |_: &str| 1.0;
    let model = RewriteModel::shipped();
    let rounds = 5;
    let mut rates = Vec::new();
    let (mut candidates_seen, mut judged) = (0usize, 0usize);
    for round in 0..rounds {
        let start = Instant::now();
        for (i, text) in texts.iter().enumerate() {
            let fp = newsdesk_core::copies::fingerprint(text);
            let (_, prof) = &analysed[i];
            let real = anchors(prof, &idf);
            let mapped: Vec<u64> = real.iter().map(|h| log_uniform(*h, vocabulary)).collect();
            let found = index.candidates(&mapped, 10, MAX_POSTINGS);
            candidates_seen += found.len();
            // Judge the candidates found, and at least three, as a new article with a few real
            // candidates would be.
            let to_judge = found.len().max(3);
            for c in 0..to_judge {
                let other = (i + 1 + c * 7 + round) % texts.len();
                let e = compare(prof, &analysed[other].1, &idf);
                std::hint::black_box(model.probability(&e.features));
                judged += 1;
            }
            std::hint::black_box(fp);
        }
        rates.push(texts.len() as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    // Each stage alone, to see where the time goes.
    let stage = |f: &dyn Fn(usize)| {
        let start = Instant::now();
        for i in 0..texts.len() {
            f(i);
        }
        start.elapsed().as_secs_f64() * 1e6 / texts.len() as f64
    };
    let t_fp = stage(&|i| {
        std::hint::black_box(newsdesk_core::copies::fingerprint(&texts[i]));
    });
    let t_anchor = stage(&|i| {
        let a = anchors(&analysed[i].1, &idf);
        let mapped: Vec<u64> = a.iter().map(|h| log_uniform(*h, vocabulary)).collect();
        std::hint::black_box(index.candidates(&mapped, 10, MAX_POSTINGS));
    });
    let t_judge = stage(&|i| {
        std::hint::black_box(compare(
            &analysed[i].1,
            &analysed[(i + 1) % texts.len()].1,
            &idf,
        ));
    });
    println!("per article: fingerprint {t_fp:.0} µs, anchors + lookup {t_anchor:.0} µs, one judgement {t_judge:.0} µs");
    println!(
        "copies speed: {indexed} articles indexed in {build_s:.1} s; index memory {:.0} bytes per article (resident growth; {} entries, {} distinct anchors)",
        rss_index as f64 / indexed.max(1) as f64,
        index.entries(),
        index.distinct_anchors()
    );
    println!(
        "fingerprint + anchors + lookup + judging: median {:.0} articles/s over {rounds} runs (min {:.0}, max {:.0}); {:.1} candidates found and {:.1} judged per article",
        rates[rates.len() / 2],
        rates[0],
        rates[rates.len() - 1],
        candidates_seen as f64 / (rounds * texts.len()) as f64,
        judged as f64 / (rounds * texts.len()) as f64
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_and_f1_on_known_cases() {
        assert_eq!(roc_auc(&[(0.9, true), (0.1, false)]), 1.0);
        assert_eq!(roc_auc(&[(0.1, true), (0.9, false)]), 0.0);
        assert_eq!(roc_auc(&[(0.5, true), (0.5, false)]), 0.5);
        let (p, r, f) = prf(&[(0.9, true), (0.8, false), (0.2, true)], 0.5);
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
    }

    #[test]
    fn peer_figures_at_a_fixed_and_the_best_threshold() {
        // Copies score 0.3 and 0.4, negatives 0.1 and 0.35: nothing reaches 0.5; the best
        // threshold is 0.3 (all copies, one false copy: P 2/3, R 1, F1 0.8).
        let scores = [(0.3, true), (0.4, true), (0.1, false), (0.35, false)];
        let f = Figures::of("peer", &scores, 0.5, true, Some(0.0), 10.0);
        assert_eq!(f.auc, 0.75);
        assert_eq!(f.called_at, 0);
        assert_eq!(f.at.3, 0.0);
        let (t, p, r, f1) = f.best.unwrap();
        assert_eq!(t, 0.3);
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && r == 1.0 && (f1 - 0.8).abs() < 1e-9);
        assert!(Figures::of("n", &scores, 0.5, false, None, 1.0)
            .best
            .is_none());
    }

    #[test]
    fn candidate_recall_counts_copy_pairs_only() {
        let pairs = [(0, 1, true), (0, 2, false), (1, 2, true), (2, 3, true)];
        assert_eq!(
            candidate_recall(&pairs, &[true, true, false, false]),
            1.0 / 3.0
        );
        assert_eq!(candidate_recall(&pairs, &[false, true, false, false]), 0.0);
        assert!(candidate_recall(&[(0, 1, false)], &[true]).is_nan());
    }

    #[test]
    fn ratios_read_as_multipliers() {
        assert_eq!(ratio(0.9, 0.6), "x1.50");
        assert_eq!(ratio(0.994, 0.0), "x inf");
        assert_eq!(ratio(0.0, 0.0), "-");
        assert_eq!(ratio(1.0, f64::NAN), "-");
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
    }
}
