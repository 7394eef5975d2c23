//! Page types on WCXB: how often newsdesk's `page_type` is the labelled one, and the fitting of
//! the model's weights.
//!
//! The model is multinomial logistic regression over the features `newsdesk-extract` computes
//! (`extract_html_with_features`). Fitting standardises each feature on the training pages,
//! runs full-batch gradient descent (Adam) on the mean cross-entropy with an L2 penalty, and
//! folds the standardisation back into plain weights so the extractor needs none. Accuracy is
//! estimated by cross-validation with folds *by site* (all pages of one host in one fold): pages
//! of one site share templates, so folds by page would flatter the model.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};

use super::sets::Set;
use super::worker::Output;
use super::TYPES;

const K: usize = TYPES.len();

fn type_index(name: &str) -> Option<usize> {
    TYPES.iter().position(|t| *t == name)
}

/// A confusion table: rows are true types, columns predicted ones, in [`TYPES`] order.
#[derive(Default, Clone)]
pub struct Confusion {
    pub counts: [[usize; K]; K],
}

impl Confusion {
    pub fn add(&mut self, truth: usize, predicted: usize) {
        self.counts[truth][predicted] += 1;
    }

    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..K).map(|k| self.counts[k][k]).sum();
        right as f64 / self.total().max(1) as f64
    }

    /// Agreement on the question that matters most downstream: article or not.
    pub fn article_accuracy(&self) -> f64 {
        let mut right = 0;
        for (t, row) in self.counts.iter().enumerate() {
            for (p, n) in row.iter().enumerate() {
                if (t == 0) == (p == 0) {
                    right += n;
                }
            }
        }
        right as f64 / self.total().max(1) as f64
    }

    /// Mean of the per-type recalls: accuracy that every type weighs the same in.
    pub fn balanced_accuracy(&self) -> f64 {
        let recalls: Vec<f64> = (0..K)
            .filter_map(|k| {
                let n: usize = self.counts[k].iter().sum();
                (n > 0).then(|| self.counts[k][k] as f64 / n as f64)
            })
            .collect();
        recalls.iter().sum::<f64>() / recalls.len().max(1) as f64
    }

    pub fn print(&self) {
        print!("  {:<14}", "true \\ ours");
        for t in TYPES {
            print!(" {:>6}", &t[..t.len().min(6)]);
        }
        println!(" {:>7}", "recall");
        for (k, row) in self.counts.iter().enumerate() {
            print!("  {:<14}", TYPES[k]);
            for n in row {
                print!(" {n:>6}");
            }
            let total: usize = row.iter().sum();
            println!(" {:>7}", super::pct(row[k] as f64 / total.max(1) as f64));
        }
        print!("  {:<14}", "precision");
        for k in 0..K {
            let col: usize = (0..K).map(|t| self.counts[t][k]).sum();
            print!(
                " {:>6}",
                super::pct(self.counts[k][k] as f64 / col.max(1) as f64)
            );
        }
        println!();
    }

    pub fn json(&self) -> Value {
        json!({
            "types": TYPES,
            "counts": self.counts.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
            "accuracy": self.accuracy(),
            "article_vs_not": self.article_accuracy(),
            "balanced_accuracy": self.balanced_accuracy(),
        })
    }
}

/// Prints newsdesk's page-type agreement on WCXB and returns it as JSON.
pub fn report(set: &Set, outputs: &[Output]) -> Value {
    let mut c = Confusion::default();
    let (mut conf_right, mut n_right, mut conf_wrong, mut n_wrong) = (0.0, 0, 0.0, 0);
    for (t, o) in set.truths.iter().zip(outputs) {
        let truth = t.page_type.as_deref().and_then(type_index);
        let ours = o.page_type.as_deref().and_then(type_index);
        if let (Some(t), Some(p)) = (truth, ours) {
            c.add(t, p);
            let conf = f64::from(o.page_type_confidence.unwrap_or(0.0));
            if t == p {
                conf_right += conf;
                n_right += 1;
            } else {
                conf_wrong += conf;
                n_wrong += 1;
            }
        }
    }
    println!();
    println!(
        "-- wcxb page types (newsdesk `page_type` vs `_internal.page_type.primary`): accuracy \
         {}%, article-or-not {}%, balanced {}%; mean confidence {:.2} when right, {:.2} when \
         wrong --",
        super::pct(c.accuracy()),
        super::pct(c.article_accuracy()),
        super::pct(c.balanced_accuracy()),
        conf_right / f64::from(n_right.max(1)),
        conf_wrong / f64::from(n_wrong.max(1)),
    );
    c.print();
    println!(
        "  in-sample: the shipped weights were fitted on these pages; `--fit-page-type` prints \
         the cross-validated figures (folds by site)"
    );
    c.json()
}

/// One labelled page for fitting.
struct Example {
    x: Vec<f64>,
    y: usize,
    group: u64,
}

/// Weights of a fitted model on standardised features, with the standardisation.
struct Model {
    mean: Vec<f64>,
    scale: Vec<f64>,
    bias: [f64; K],
    w: Vec<[f64; K]>,
}

impl Model {
    fn predict(&self, x: &[f64]) -> usize {
        let mut z = self.bias;
        for (j, xj) in x.iter().enumerate() {
            let v = (xj - self.mean[j]) / self.scale[j];
            for (zk, wk) in z.iter_mut().zip(&self.w[j]) {
                *zk += wk * v;
            }
        }
        (0..K).fold(0, |b, k| if z[k] > z[b] { k } else { b })
    }

    /// Bias and weights on the raw features: `w' = w / scale`, `b' = b - Σ w·mean / scale`.
    fn raw(&self) -> ([f64; K], Vec<[f64; K]>) {
        let mut bias = self.bias;
        let mut w = vec![[0f64; K]; self.w.len()];
        for j in 0..self.w.len() {
            for k in 0..K {
                w[j][k] = self.w[j][k] / self.scale[j];
                bias[k] -= self.w[j][k] * self.mean[j] / self.scale[j];
            }
        }
        (bias, w)
    }
}

/// L2 penalty on the standardised weights (per page of the mean loss).
const L2: f64 = 3e-3;
const STEPS: usize = 1500;

fn fit(examples: &[&Example]) -> Model {
    let d = examples.first().map(|e| e.x.len()).unwrap_or(0);
    let n = examples.len().max(1) as f64;
    let mut mean = vec![0f64; d];
    for e in examples {
        for (m, x) in mean.iter_mut().zip(&e.x) {
            *m += x / n;
        }
    }
    let mut scale = vec![0f64; d];
    for e in examples {
        for j in 0..d {
            scale[j] += (e.x[j] - mean[j]).powi(2) / n;
        }
    }
    // A constant feature keeps scale 1 (and gets weight 0 from the penalty).
    for s in &mut scale {
        *s = if *s > 1e-12 { s.sqrt() } else { 1.0 };
    }
    let xs: Vec<Vec<f64>> = examples
        .iter()
        .map(|e| (0..d).map(|j| (e.x[j] - mean[j]) / scale[j]).collect())
        .collect();
    // Parameters: bias (K) then w (d × K), optimised with Adam.
    let p = K + d * K;
    let mut theta = vec![0f64; p];
    let (mut m1, mut m2) = (vec![0f64; p], vec![0f64; p]);
    let (lr, b1, b2, eps) = (0.05, 0.9, 0.999, 1e-8);
    for step in 1..=STEPS {
        let mut g = vec![0f64; p];
        for (x, e) in xs.iter().zip(examples) {
            let mut z = [0f64; K];
            z.copy_from_slice(&theta[..K]);
            for (j, xj) in x.iter().enumerate() {
                let row = &theta[K + j * K..K + (j + 1) * K];
                for k in 0..K {
                    z[k] += row[k] * xj;
                }
            }
            let max = z.iter().copied().fold(f64::MIN, f64::max);
            let mut sum = 0.0;
            for v in &mut z {
                *v = (*v - max).exp();
                sum += *v;
            }
            for (k, v) in z.iter_mut().enumerate() {
                *v = *v / sum - if k == e.y { 1.0 } else { 0.0 };
            }
            for k in 0..K {
                g[k] += z[k] / n;
            }
            for (j, xj) in x.iter().enumerate() {
                if *xj == 0.0 {
                    continue;
                }
                for k in 0..K {
                    g[K + j * K + k] += z[k] * xj / n;
                }
            }
        }
        for i in K..p {
            g[i] += L2 * theta[i];
        }
        let t = step as i32;
        for i in 0..p {
            m1[i] = b1 * m1[i] + (1.0 - b1) * g[i];
            m2[i] = b2 * m2[i] + (1.0 - b2) * g[i] * g[i];
            let mh = m1[i] / (1.0 - b1.powi(t));
            let vh = m2[i] / (1.0 - b2.powi(t));
            theta[i] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    let mut bias = [0f64; K];
    bias.copy_from_slice(&theta[..K]);
    let w = (0..d)
        .map(|j| {
            let mut r = [0f64; K];
            r.copy_from_slice(&theta[K + j * K..K + (j + 1) * K]);
            r
        })
        .collect();
    Model {
        mean,
        scale,
        bias,
        w,
    }
}

fn host_of(url: Option<&str>) -> String {
    let u = url.unwrap_or("");
    let rest = u.split("://").nth(1).unwrap_or(u);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// FNV-1a, so the folds are the same on every machine and every run.
fn fnv(s: &str) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

const FOLDS: u64 = 5;

/// Cross-validates (folds by site), prints the figures, fits on every page and writes the
/// weights as Rust source to `out`.
pub fn fit_and_write(set: &Set, outputs: &[Output], out: &Path) -> Result<()> {
    let examples: Vec<Example> = set
        .truths
        .iter()
        .zip(outputs)
        .zip(&set.pages)
        .filter_map(|((t, o), p)| {
            let y = type_index(t.page_type.as_deref()?)?;
            (o.features.len() == newsdesk_extract::PAGE_TYPE_INPUTS).then(|| Example {
                x: o.features.iter().map(|v| f64::from(*v)).collect(),
                y,
                group: fnv(&host_of(p.url.as_deref())),
            })
        })
        .collect();
    anyhow::ensure!(!examples.is_empty(), "no page has page-type features");
    let mut cv = Confusion::default();
    for fold in 0..FOLDS {
        let train: Vec<&Example> = examples
            .iter()
            .filter(|e| e.group % FOLDS != fold)
            .collect();
        let model = fit(&train);
        for e in examples.iter().filter(|e| e.group % FOLDS == fold) {
            cv.add(e.y, model.predict(&e.x));
        }
    }
    println!(
        "page-type model, {} pages, {FOLDS}-fold cross-validation by site: accuracy {}%, \
         article-or-not {}%, balanced {}%",
        examples.len(),
        super::pct(cv.accuracy()),
        super::pct(cv.article_accuracy()),
        super::pct(cv.balanced_accuracy())
    );
    cv.print();
    let all: Vec<&Example> = examples.iter().collect();
    let model = fit(&all);
    let mut train = Confusion::default();
    for e in &examples {
        train.add(e.y, model.predict(&e.x));
    }
    println!("in-sample accuracy {}%", super::pct(train.accuracy()));
    let (bias, w) = model.raw();
    std::fs::write(out, weights_source(&bias, &w, &cv, examples.len()))
        .with_context(|| format!("writing {}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(())
}

fn weights_source(bias: &[f64; K], w: &[[f64; K]], cv: &Confusion, pages: usize) -> String {
    let names: Vec<String> = newsdesk_extract::PAGE_TYPE_FEATURES
        .iter()
        .map(|s| s.to_string())
        .chain(
            (0..w
                .len()
                .saturating_sub(newsdesk_extract::PAGE_TYPE_FEATURES.len()))
                .map(|k| format!("class_words_{k}")),
        )
        .collect();
    let mut s = String::new();
    let header = [
        "Page-type model weights. Written by".to_owned(),
        "`cargo run --release -p newsdesk-eval -- extraction --fit-page-type \\".to_owned(),
        "crates/newsdesk-extract/src/html/page_type_weights.rs`; do not edit by hand.".to_owned(),
        String::new(),
        format!("Fitted on the {pages} labelled pages of the WCXB dev split (multinomial logistic"),
        "regression, see `newsdesk-eval`'s `extraction/page_type.rs`). Cross-validation with"
            .to_owned(),
        format!(
            "{FOLDS} folds by site: accuracy {:.1}%, article-or-not {:.1}%, balanced {:.1}%.",
            100.0 * cv.accuracy(),
            100.0 * cv.article_accuracy(),
            100.0 * cv.balanced_accuracy()
        ),
        format!("Rows: {}.", TYPES.join(", ")),
    ];
    for line in header {
        let _ = writeln!(s, "{}", format!("//! {line}").trim_end());
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "use super::page_type::INPUTS;\n");
    let _ = writeln!(s, "/// Per-type bias.");
    let _ = writeln!(
        s,
        "pub const BIAS: [f32; 7] = [{}];\n",
        bias.iter()
            .map(|b| format!("{b:.5}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(s, "/// Per-type weights of each input, in `page_type::FEATURE_NAMES` order then the class words.");
    let _ = writeln!(s, "#[rustfmt::skip]");
    let _ = writeln!(s, "pub const WEIGHTS: [[f32; INPUTS]; 7] = [");
    for (k, ty) in TYPES.iter().enumerate() {
        let _ = writeln!(s, "    // {ty}");
        let _ = writeln!(s, "    [");
        for (j, row) in w.iter().enumerate() {
            let _ = writeln!(
                s,
                "        {:.5}, // {}",
                row[k],
                names.get(j).map(String::as_str).unwrap_or("")
            );
        }
        let _ = writeln!(s, "    ],");
    }
    let _ = writeln!(s, "];");
    s
}
