//! Dates, scored on TempEval-3's TimeBank and AQUAINT (`../shared/data/dates/TBAQ-cleaned`):
//! each document's creation time (its `DCT`) is the publication date; every `TIMEX3` of type
//! `DATE` in its `<TEXT>` is a gold date with a normalised `value`.
//!
//! A gold date is *found* when a newsdesk date mention overlaps its span (TempEval-3's relaxed
//! match), and *right* when the mention's value equals the gold value exactly. Printed: how many
//! gold dates are right out of all (the headline: accuracy of normalised values against gold),
//! recognition precision/recall/F1 (precision counts mentions that overlap no gold timex of any
//! type as false), value accuracy over the found ones, and TempEval-3's value F1 (recognition F1
//! times value accuracy). `--by-form` splits the gold dates by how they are written (weekday,
//! month, quarter, year, reference word…), and `--errors N` lists wrong and missed ones.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use jiff::civil::Date;

use crate::data::data_dir;
use crate::timing::median_seconds;

#[derive(ClapArgs)]
pub struct Args {
    /// Print the first N wrong or missed gold dates.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Print the first N newsdesk mentions that overlap no gold temporal expression.
    #[arg(long, default_value_t = 0)]
    unmatched: usize,
    /// Break the figures down by the form of the gold expression.
    #[arg(long)]
    by_form: bool,
    /// Timed passes over all documents (speed is the median pass).
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// One annotated temporal expression, in the coordinates of the document's plain text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// One TimeML document reduced to what the scoring needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeDoc {
    pub name: String,
    pub published: Option<Date>,
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(tag[from..from + len].to_owned())
}

fn unescape_into(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Reads a TimeML file: the DCT's day, and the `<TEXT>` body as plain text with its TIMEX3s.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimeDoc> {
    let published = xml
        .find("<DCT>")
        .and_then(|i| attribute(&xml[i..], "value"))
        .and_then(|v| v.get(..10).and_then(|d| d.parse::<Date>().ok()));
    let body_start = xml
        .find("<TEXT>")
        .with_context(|| format!("{name}: no <TEXT>"))?
        + "<TEXT>".len();
    let body_end = xml[body_start..]
        .find("</TEXT>")
        .map_or(xml.len(), |i| body_start + i);
    let body = &xml[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<GoldTimex> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        unescape_into(&mut text, &rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            bail!("{name}: unclosed tag");
        };
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<TIMEX3") {
            open = Some(GoldTimex {
                start: text.len(),
                end: text.len(),
                kind: attribute(tag, "type").unwrap_or_default(),
                value: attribute(tag, "value").unwrap_or_default(),
            });
        } else if tag.starts_with("</TIMEX3") {
            if let Some(mut t) = open.take() {
                t.end = text.len();
                timexes.push(t);
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    unescape_into(&mut text, rest);
    Ok(TimeDoc {
        name: name.to_owned(),
        published,
        text,
        timexes,
    })
}

fn load(dir: &Path) -> Result<Vec<TimeDoc>> {
    let mut files = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        let folder = dir.join(sub);
        for entry in std::fs::read_dir(&folder).with_context(|| format!("{}", folder.display()))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "tml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|path| {
            let xml = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            parse_timeml(&name, &xml)
        })
        .collect()
}

/// The months' names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How a gold date is written, for the breakdown.
fn form_of(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if lower.chars().any(|c| c.is_ascii_digit()) {
        if has(&["quarter"]) {
            "quarter"
        } else if lower.trim_start_matches("the ").len() <= 6
            && lower.chars().filter(char::is_ascii_digit).count() >= 3
            && !lower.contains('/')
        {
            "year or decade"
        } else {
            "written date"
        }
    } else if has(&[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tomorrow",
    ]) {
        "named day"
    } else if has(&["quarter", "period"]) {
        "quarter"
    } else if has(&["ago", "earlier", "later", "before"]) {
        "offset"
    } else if has(&[
        "week", "month", "year", "spring", "summer", "fall", "autumn", "winter",
    ]) {
        "relative period"
    } else if has(&MONTHS) {
        "month"
    } else {
        "reference word"
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    found: usize,
    right: usize,
}

pub fn run(args: Args) -> Result<()> {
    let dir = data_dir()?.join("dates/TBAQ-cleaned");
    if !dir.is_dir() {
        bail!(
            "{} is missing: the TempEval-3 data is needed for this evaluation",
            dir.display()
        );
    }
    let docs = load(&dir)?;
    let mut total = Tally::default();
    let mut by_form: BTreeMap<&str, Tally> = BTreeMap::new();
    let (mut predicted, mut predicted_on_gold) = (0usize, 0usize);
    let mut errors = Vec::new();
    let mut unmatched = Vec::new();
    for doc in &docs {
        let mentions = newsdesk_text::date_mentions(&doc.text, doc.published);
        predicted += mentions.len();
        for m in &mentions {
            if !doc
                .timexes
                .iter()
                .any(|g| m.start < g.end && g.start < m.end)
            {
                let from = doc.text[..m.start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                let to = doc.text[m.end..]
                    .char_indices()
                    .nth(40)
                    .map_or(doc.text.len(), |(i, _)| m.end + i);
                unmatched.push(format!(
                    "{}  {:?} {}  …{}…",
                    doc.name,
                    m.text,
                    m.value,
                    doc.text[from..to].replace('\n', " ")
                ));
            }
        }
        predicted_on_gold += mentions
            .iter()
            .filter(|m| {
                doc.timexes
                    .iter()
                    .any(|g| m.start < g.end && g.start < m.end)
            })
            .count();
        for g in doc.timexes.iter().filter(|g| g.kind == "DATE") {
            let text = &doc.text[g.start..g.end];
            let hit = mentions.iter().find(|m| m.start < g.end && g.start < m.end);
            let form = by_form.entry(form_of(text)).or_default();
            for t in [&mut total, form] {
                t.gold += 1;
                if let Some(m) = hit {
                    t.found += 1;
                    if m.value == g.value {
                        t.right += 1;
                    }
                }
            }
            if hit.is_none_or(|m| m.value != g.value) {
                errors.push(format!(
                    "{}  {:?} gold {} got {}",
                    doc.name,
                    text,
                    g.value,
                    hit.map_or("(missed)".to_owned(), |m| format!(
                        "{:?} {}",
                        m.text, m.value
                    ))
                ));
            }
        }
    }
    // Speed: the whole pass over all documents, single thread.
    let median = median_seconds(args.runs, || {
        for doc in &docs {
            std::hint::black_box(newsdesk_text::date_mentions(&doc.text, doc.published));
        }
    });
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(predicted_on_gold, predicted);
    let recall = ratio(total.found, total.gold);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let value_accuracy = ratio(total.right, total.found);
    println!(
        "TempEval-3 TimeBank+AQUAINT: {} documents, {} gold DATE expressions",
        docs.len(),
        total.gold
    );
    println!(
        "  right value (of all gold dates)   {:.3}  ({} of {})",
        ratio(total.right, total.gold),
        total.right,
        total.gold
    );
    println!(
        "  recognition (relaxed)             P {precision:.3}  R {recall:.3}  F1 {f1:.3}  ({predicted} mentions)"
    );
    println!("  value accuracy of found dates     {value_accuracy:.3}");
    println!(
        "  value F1 (TempEval-3)             {:.3}",
        f1 * value_accuracy
    );
    println!(
        "  speed                             {:.0} documents/s, {:.1} MB/s (median of {})",
        docs.len() as f64 / median,
        bytes as f64 / median / 1e6,
        args.runs.max(1)
    );
    if args.by_form {
        println!(
            "\n  {:<16} {:>5} {:>7} {:>7}",
            "form", "gold", "found", "right"
        );
        for (form, t) in &by_form {
            println!(
                "  {form:<16} {:>5} {:>7.3} {:>7.3}",
                t.gold,
                ratio(t.found, t.gold),
                ratio(t.right, t.gold)
            );
        }
    }
    for e in errors.iter().take(args.errors) {
        println!("  {e}");
    }
    for u in unmatched.iter().take(args.unmatched) {
        println!("  not gold: {u}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_timeml_spans_in_plain_text_coordinates() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="TIME" value="1998-11-20T19:30" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>A &amp; B met <TIMEX3 tid="t1" type="DATE" value="1998-11-20">Friday</TIMEX3>.</TEXT></TimeML>"#;
        let doc = parse_timeml("x.tml", xml).unwrap();
        assert_eq!(doc.published, Date::new(1998, 11, 20).ok());
        assert_eq!(doc.text, "A & B met Friday.");
        let t = &doc.timexes[0];
        assert_eq!(&doc.text[t.start..t.end], "Friday");
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "1998-11-20"));
    }

    #[test]
    fn forms_split_the_gold_dates() {
        assert_eq!(form_of("Friday"), "named day");
        assert_eq!(form_of("the third quarter"), "quarter");
        assert_eq!(form_of("1990"), "year or decade");
        assert_eq!(form_of("Oct. 23"), "written date");
        assert_eq!(form_of("last year"), "relative period");
        assert_eq!(form_of("a year ago"), "offset");
        assert_eq!(form_of("now"), "reference word");
    }
}
