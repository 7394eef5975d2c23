//! What the commands print: tables for people, JSON for programs.
//!
//! JSON field names are part of newsdesk's interface (documented in the README); change them
//! only with a note there.

use std::collections::BTreeMap;
use std::io::Write;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use anyhow::Result;
use serde_json::{json, Value};

use newsdesk_core::ledger::{Ledger, LedgerArticle, QuantityClaim, QuantityStatus};
use newsdesk_core::{CopyLink, StoryId};
use newsdesk_ingest::Document;
use newsdesk_store::{Store, StoredArticle, StorySummary};

/// ISO 8601 in UTC for a Unix time.
pub fn iso(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Shown in place of a time for an article whose source gives no date: when newsdesk saw it is
/// no publication time.
const UNDATED: &str = "undated";

/// A short UTC time for tables: the date alone at midnight (a date without a time).
fn short_time(t: i64) -> String {
    match jiff::Timestamp::from_second(t) {
        Ok(ts) if t.rem_euclid(86_400) == 0 => ts.strftime("%Y-%m-%d").to_string(),
        Ok(ts) => ts.strftime("%Y-%m-%d %H:%M").to_string(),
        Err(_) => String::new(),
    }
}

fn outlet_name(outlet: &str) -> &str {
    if outlet.is_empty() {
        "(unknown outlet)"
    } else {
        outlet
    }
}

pub fn story_summary_json(s: &StorySummary) -> Value {
    json!({
        "id": s.id,
        "title": s.title,
        "summary": s.summary,
        "articles": s.articles,
        "outlets": s.outlets,
        "independent_sources": s.independent_sources,
        "first_seen": iso(s.first_seen),
        "last_seen": iso(s.last_seen),
        "dated": s.dated,
    })
}

/// `n` with its noun, singular or plural.
fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn stories_table(out: &mut impl Write, stories: &[StorySummary]) -> Result<()> {
    if stories.is_empty() {
        writeln!(out, "no stories yet")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>5}  {:>8}  {:>11}  {:<16}  {:<16}  TITLE",
        "STORY", "ARTICLES", "INDEPENDENT", "FIRST SEEN", "LAST SEEN"
    )?;
    for s in stories {
        writeln!(
            out,
            "{:>5}  {:>8}  {:>11}  {:<16}  {:<16}  {}",
            s.id,
            s.articles,
            s.independent_sources,
            short_time(s.first_seen),
            short_time(s.last_seen),
            truncate(&s.title, 90)
        )?;
    }
    Ok(())
}

/// `s` cut to `max` columns of a terminal, with an ellipsis where it was cut: Chinese and
/// Japanese characters take two columns, so a headline in them is cut at half the characters.
fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    let mut t = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        used += w;
        t.push(c);
    }
    t.push('…');
    t
}

/// `s` cut to `max` columns so that `part` stays in view: from the start when `part` lies
/// there, else from shortly before `part`, with `…` where text is left out. A date's sentence
/// read from its start may never reach the date.
fn truncate_around(s: &str, part: &str, max: usize) -> String {
    let Some(at) = s.find(part) else {
        return truncate(s, max);
    };
    if s[..at + part.len()].width() < max.saturating_sub(1) {
        return truncate(s, max);
    }
    // As much before the part as fits with a little of what follows it, from a word boundary.
    let after = s[at + part.len()..].width().min(20);
    let before = max.saturating_sub(2 + part.width() + after);
    let lead = s[..at]
        .char_indices()
        .rev()
        .scan(0, |w, (i, c)| {
            *w += c.width().unwrap_or(0);
            (*w <= before).then_some(i)
        })
        .last()
        .unwrap_or(at);
    let start = s[lead..at].find(' ').map_or(lead, |i| lead + i + 1).min(at);
    format!(
        "…{}",
        truncate(s[start..].trim_start(), max.saturating_sub(1))
    )
}

/// `s` cut to `width` columns and padded with spaces to fill them, for a table's column.
fn column(s: &str, width: usize) -> String {
    let mut t = truncate(s, width);
    let pad = width.saturating_sub(t.width());
    t.extend(std::iter::repeat_n(' ', pad));
    t
}

/// One story with everything shown about it.
pub struct StoryView {
    summary: StorySummary,
    articles: Vec<StoredArticle>,
    links: Vec<CopyLink>,
    ledger: Ledger,
    /// Stories merged into this one: (story, by article, similarity).
    merges: Vec<(StoryId, String, f32)>,
}

impl StoryView {
    pub fn load(store: &Store, id: StoryId) -> Result<Option<StoryView>> {
        let Some(summary) = store.story_summary(id)? else {
            return Ok(None);
        };
        let articles = store.story_articles(id)?;
        let links = store.copy_links_in_story(id)?;
        let merges = store.merges_into(id)?;
        let ledger = Ledger::build(
            &articles
                .iter()
                .map(|a| LedgerArticle {
                    id: &a.article.id,
                    outlet: outlet_name(&a.article.outlet),
                    chain: &a.chain,
                    time: a.article.published_time(),
                    text: &a.article.text,
                    analysis: &a.analysis,
                })
                .collect::<Vec<_>>(),
        );
        Ok(Some(StoryView {
            summary,
            articles,
            links,
            ledger,
            merges,
        }))
    }

    fn link_of(&self, article: &str) -> Option<&CopyLink> {
        self.links.iter().find(|l| l.article == article)
    }

    fn outlet_of(&self, article: &str) -> &str {
        self.articles
            .iter()
            .find(|a| a.article.id == article)
            .map_or("?", |a| outlet_name(&a.article.outlet))
    }

    pub fn to_json(&self) -> Value {
        let articles: Vec<Value> = self
            .articles
            .iter()
            .map(|a| {
                json!({
                    "id": a.article.id,
                    "outlet": outlet_name(&a.article.outlet),
                    "title": a.article.title,
                    "url": a.article.url,
                    "published": a.article.published,
                    "time": iso(a.article.time),
                    "dated": a.article.dated,
                    "source": a.article.source,
                    "chain": a.chain,
                    "copy_of": self.link_of(&a.article.id).map(|l| json!({
                        "article": l.of, "kind": l.kind.as_str(), "score": l.score, "shared_shingles": l.shared,
                    })),
                    "story_score": a.story_score,
                    "story_terms": a.story_terms,
                })
            })
            .collect();
        let mut chains: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for a in &self.articles {
            chains.entry(&a.chain).or_default().push(&a.article.id);
        }
        let chains: Vec<Value> = chains
            .into_iter()
            .map(|(root, members)| json!({"root": root, "articles": members}))
            .collect();
        let mut v = story_summary_json(&self.summary);
        v["articles"] = Value::Array(articles);
        v["article_count"] = json!(self.summary.articles);
        v["chains"] = Value::Array(chains);
        v["ledger"] = serde_json::to_value(&self.ledger).unwrap_or(Value::Null);
        v["conflicts"] = json!(self.ledger.conflicts());
        v["merged"] = Value::Array(
            self.merges
                .iter()
                .map(|(story, by, similarity)| json!({"story": story, "by_article": by, "similarity": similarity}))
                .collect(),
        );
        v
    }

    pub fn write_text(&self, out: &mut impl Write) -> Result<()> {
        let s = &self.summary;
        writeln!(out, "Story {}: {}", s.id, s.title)?;
        if !s.summary.is_empty() {
            writeln!(out, "{}", s.summary)?;
        }
        let span = if s.dated {
            format!(
                "{} to {} (UTC)",
                short_time(s.first_seen),
                short_time(s.last_seen)
            )
        } else {
            format!("undated; first seen {} (UTC)", short_time(s.first_seen))
        };
        writeln!(
            out,
            "{} from {}, {}; {span}",
            count(s.articles, "article", "articles"),
            count(s.outlets, "outlet", "outlets"),
            count(
                s.independent_sources,
                "independent source",
                "independent sources"
            ),
        )?;
        writeln!(out, "\nArticles")?;
        for a in &self.articles {
            let copy = match self.link_of(&a.article.id) {
                Some(l) => format!(
                    "  [{} copy of {} ({}), score {:.2}]",
                    l.kind.as_str(),
                    short_id(&l.of),
                    self.outlet_of(&l.of),
                    l.score
                ),
                None => String::new(),
            };
            writeln!(
                out,
                "  {:<16}  {}  {}  ({}){}",
                a.article
                    .published_time()
                    .map_or(UNDATED.to_owned(), short_time),
                column(outlet_name(&a.article.outlet), 22),
                truncate(&a.article.title, 70),
                short_id(&a.article.id),
                copy
            )?;
        }
        let copies: Vec<&StoredArticle> = self
            .articles
            .iter()
            .filter(|a| a.chain != a.article.id)
            .collect();
        if !copies.is_empty() {
            writeln!(out, "\nCopy chains (a chain is one source)")?;
            let mut roots: Vec<&str> = copies.iter().map(|a| a.chain.as_str()).collect();
            roots.dedup();
            for root in roots {
                let members: Vec<String> = copies
                    .iter()
                    .filter(|a| a.chain == root)
                    .map(|a| {
                        format!(
                            "{} ({})",
                            short_id(&a.article.id),
                            outlet_name(&a.article.outlet)
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "  {} ({}) <- {}",
                    short_id(root),
                    self.outlet_of(root),
                    members.join(", ")
                )?;
            }
        }
        self.write_ledger(out)
    }

    /// How each article came to be in the story.
    pub fn write_why(&self, out: &mut impl Write) -> Result<()> {
        writeln!(out, "Story {}: {}", self.summary.id, self.summary.title)?;
        for a in &self.articles {
            let how = match (self.link_of(&a.article.id), a.story_score) {
                (Some(l), _) => format!(
                    "{} copy of {} ({}), score {:.2}; {} aligned sentences; shared: {}",
                    l.kind.as_str(),
                    short_id(&l.of),
                    self.outlet_of(&l.of),
                    l.score,
                    l.evidence.aligned.len(),
                    l.evidence
                        .shared_entities
                        .iter()
                        .chain(&l.evidence.shared_numbers)
                        .take(8)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                (None, Some(p)) => format!(
                    "joined with probability {p:.2}; shared terms: {}",
                    a.story_terms
                        .iter()
                        .map(|t| t.get(2..).unwrap_or(t))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                (None, None) => "started the story".to_owned(),
            };
            writeln!(
                out,
                "  {}  {}  {}\n      {}",
                short_id(&a.article.id),
                column(outlet_name(&a.article.outlet), 22),
                truncate(&a.article.title, 70),
                how
            )?;
        }
        for (story, by, similarity) in &self.merges {
            writeln!(
                out,
                "  story {story} was merged in when {} ({}) showed the two were one (story similarity {similarity:.2})",
                short_id(by),
                self.outlet_of(by)
            )?;
        }
        Ok(())
    }

    fn write_ledger(&self, out: &mut impl Write) -> Result<()> {
        let l = &self.ledger;
        writeln!(out, "\nClaims")?;
        if !l.leads.is_empty() {
            writeln!(
                out,
                "  What happened, as each independent source leads with it  [{} source{}]",
                l.leads.len(),
                if l.leads.len() == 1 { "" } else { "s" }
            )?;
        }
        for lead in l.leads.iter().take(6) {
            writeln!(
                out,
                "    {}: {}",
                lead.outlet,
                truncate(&lead.sentence, 120)
            )?;
        }
        let shown: Vec<&QuantityClaim> = l
            .quantities
            .iter()
            .filter(|q| q.sources > 1 || q.status != QuantityStatus::Agreed)
            .chain(
                l.quantities
                    .iter()
                    .filter(|q| q.sources <= 1 && q.status == QuantityStatus::Agreed),
            )
            .take(15)
            .collect();
        if !shown.is_empty() {
            writeln!(out, "  Numbers")?;
        }
        for q in shown {
            let label = match q.status {
                QuantityStatus::Conflict => "CONFLICT ",
                QuantityStatus::Updated => "updated  ",
                QuantityStatus::Agreed => "",
            };
            // Values with the outlets that report each, in time order. An updated count reads
            // as its steps: the reports of one value, however worded, then the next value.
            let parts: Vec<String> = if q.status == QuantityStatus::Updated {
                let mut steps: Vec<(f64, Vec<Wording>, Option<i64>)> = Vec::new();
                for r in &q.reports {
                    if steps.last().is_none_or(|s| s.0 != r.value) {
                        steps.push((r.value, Vec::new(), r.cited.time));
                    }
                    if let Some(step) = steps.last_mut() {
                        add_wording(&mut step.1, &r.surface, &r.cited.outlet);
                    }
                }
                steps
                    .iter()
                    .map(|(_, wordings, time)| {
                        let day = time.map_or(UNDATED.to_owned(), |t| {
                            short_time(t).get(..10).unwrap_or("").to_owned()
                        });
                        format!("{} on {day}", wordings_text(wordings))
                    })
                    .collect()
            } else {
                let mut wordings: Vec<Wording> = Vec::new();
                for r in &q.reports {
                    add_wording(&mut wordings, &r.surface, &r.cited.outlet);
                }
                vec![wordings_text(&wordings)]
            };
            let joiner = match q.status {
                QuantityStatus::Updated => " → ",
                _ => "; ",
            };
            writeln!(
                out,
                "    {label}{}: {}  [{} source{}]",
                q.what,
                parts.join(joiner),
                q.sources,
                if q.sources == 1 { "" } else { "s" }
            )?;
        }
        if !l.quotes.is_empty() {
            writeln!(out, "  Quotes")?;
        }
        for q in l.quotes.iter().take(12) {
            let outlets: Vec<&str> = {
                let mut o: Vec<&str> = q.reports.iter().map(|r| r.cited.outlet.as_str()).collect();
                o.dedup();
                o
            };
            let speaker = if q.speakers.is_empty() {
                "(speaker not named)".to_owned()
            } else {
                q.speakers.join(" / ")
            };
            // Reported speech is a paraphrase: shown without quotation marks.
            let direct = q.reports.iter().any(|r| r.direct);
            let words = truncate(&q.text, 110);
            writeln!(
                out,
                "    {}{} — {}  [{} source{}: {}]",
                if q.speaker_conflict {
                    "CONFLICTING SPEAKERS "
                } else {
                    ""
                },
                if direct {
                    format!("“{words}”")
                } else {
                    format!("(reported) {words}")
                },
                speaker,
                q.sources,
                if q.sources == 1 { "" } else { "s" },
                outlets.join(", ")
            )?;
        }
        if !l.dates.is_empty() {
            writeln!(out, "  Dates")?;
        }
        for d in l.dates.iter().take(10) {
            let mut outlets: Vec<&str> =
                d.reports.iter().map(|r| r.cited.outlet.as_str()).collect();
            outlets.dedup();
            let first = &d.reports[0];
            writeln!(
                out,
                "    {} (“{}”): {}  [{} source{}: {}]",
                d.value,
                first.surface,
                truncate_around(&first.cited.sentence, &first.surface, 90),
                d.sources,
                if d.sources == 1 { "" } else { "s" },
                outlets.join(", ")
            )?;
        }
        let entities: Vec<String> = l
            .entities
            .iter()
            .take(12)
            .map(|e| format!("{} ({})", e.name, e.sources))
            .collect();
        if !entities.is_empty() {
            writeln!(
                out,
                "  Named (independent sources): {}",
                entities.join(", ")
            )?;
        }
        writeln!(
            out,
            "\n{} conflict{} flagged",
            l.conflicts(),
            if l.conflicts() == 1 { "" } else { "s" }
        )?;
        Ok(())
    }
}

fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

pub fn extracted_json(doc: &Document) -> Value {
    let e = &doc.extracted;
    json!({
        "input": doc.source,
        "url": e.url,
        "canonical_url": e.canonical_url,
        "title": e.title,
        "authors": e.authors,
        "published": e.published,
        "modified": e.modified,
        "site_name": doc.outlet.as_ref().or(e.site_name.as_ref()),
        "language": e.language,
        "description": e.description,
        "image": e.image,
        "page_type": e.page_type,
        "page_type_confidence": e
            .page_type
            .map(|_| (f64::from(e.page_type_confidence) * 1000.0).round() / 1000.0),
        "text": e.text,
    })
}

pub fn extracted_text(out: &mut impl Write, doc: &Document) -> Result<()> {
    let e = &doc.extracted;
    writeln!(out, "== {}", doc.source)?;
    writeln!(out, "title:     {}", e.title.as_deref().unwrap_or("-"))?;
    writeln!(out, "published: {}", e.published.as_deref().unwrap_or("-"))?;
    writeln!(
        out,
        "byline:    {}",
        if e.authors.is_empty() {
            "-".to_owned()
        } else {
            e.authors.join(", ")
        }
    )?;
    writeln!(
        out,
        "site:      {}",
        doc.outlet
            .as_deref()
            .or(e.site_name.as_deref())
            .unwrap_or("-")
    )?;
    writeln!(out, "language:  {}", e.language.as_deref().unwrap_or("-"))?;
    writeln!(out, "\n{}\n", e.text)?;
    Ok(())
}

pub fn article_export_json(a: &StoredArticle) -> Value {
    json!({
        "id": a.article.id,
        "url": a.article.url,
        "outlet": a.article.outlet,
        "title": a.article.title,
        "authors": a.article.authors,
        "published": a.article.published,
        "time": iso(a.article.time),
        "dated": a.article.dated,
        "language": a.article.language,
        "story": a.story,
        "chain": a.chain,
        "source": a.article.source,
        "text": a.article.text,
    })
}

/// One wording of a number and the outlets that print it.
type Wording = (String, Vec<String>);

/// Adds one outlet's wording of a number to the wordings so far (case folded).
fn add_wording(wordings: &mut Vec<Wording>, surface: &str, outlet: &str) {
    let key = surface.to_lowercase();
    match wordings.iter_mut().find(|w| w.0.to_lowercase() == key) {
        Some(w) => {
            if !w.1.iter().any(|o| o == outlet) {
                w.1.push(outlet.to_owned());
            }
        }
        None => wordings.push((surface.to_owned(), vec![outlet.to_owned()])),
    }
}

/// `at least 12 (Harbor Wire, Metro Ledger); 12 (Valley Sentinel)`.
fn wordings_text(wordings: &[Wording]) -> String {
    wordings
        .iter()
        .map(|(surface, outlets)| format!("{surface} ({})", outlets.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_counted_in_terminal_columns() {
        assert_eq!(truncate("Storm hits coast", 20), "Storm hits coast");
        assert_eq!(truncate("Storm hits coast", 8), "Storm h…");
        // Each of these characters takes two columns.
        assert_eq!(truncate("东岭县发生地震", 9), "东岭县发…");
        assert_eq!(column("北浜新聞", 10), "北浜新聞  ");
        assert_eq!(column("Harbor Wire", 12), "Harbor Wire ");
    }

    #[test]
    fn a_cut_sentence_keeps_the_date_in_view() {
        let sentence = "The coalition helped the Iraqi forces defeat the Islamic State, a group that occupied the country in 2014 and was ousted. In December 2017.";
        let shown = truncate_around(sentence, "December 2017", 60);
        assert!(shown.contains("December 2017"), "{shown}");
        assert!(shown.starts_with('…') && shown.width() <= 60, "{shown}");
        // A date near the start: the sentence is cut as usual.
        assert_eq!(
            truncate_around(sentence, "coalition", 20),
            truncate(sentence, 20)
        );
    }
}
