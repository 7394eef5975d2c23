//! The claims ledger of one story: what its articles assert, how many independent sources
//! assert it, and where they disagree.
//!
//! Independence is counted in copy chains, not articles: a wire story and its forty reprints
//! are one source. Quantities are grouped by what they count and what happened to it
//! ("people" + "killed"); two reports of one quantity conflict when their qualifiers cannot
//! reconcile them ("14" and "16" killed on the same day), while a value that rises from one day
//! to the next is an update, shown as a timeline. Quotes and reported speech are grouped by
//! their words, so a trimmed quote joins its full form; within a copy chain a translated or
//! spun quote joins its original by its place in the text. Dates, resolved against each article's
//! publication day, are grouped by value. Names are joined within the story by their longer
//! and shorter forms ("al-Sudani" with "Mohammed Shia al-Sudani").
//!
//! Not here: statements in general ("the two sides will discuss a timetable"). Matching them
//! across independent rewrites by their words pairs sentences on the same topic rather than the
//! same proposition, so the ledger keeps to what it can key exactly.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use newsdesk_text::{Analysis, Qualifier};

use crate::ArticleId;

/// One article as the ledger sees it.
#[derive(Debug, Clone, Copy)]
pub struct LedgerArticle<'a> {
    pub id: &'a str,
    pub outlet: &'a str,
    /// Root of the article's copy chain: articles with one chain are one source.
    pub chain: &'a str,
    /// Publication time, Unix seconds; `None` when the source gives no date. When newsdesk saw
    /// an undated article says nothing of when it reported what it says, so its reports are
    /// neither earlier nor later than any other: they cannot update a count.
    pub time: Option<i64>,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// Where a claim was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub article: ArticleId,
    pub outlet: String,
    pub chain: ArticleId,
    /// The article's publication time, Unix seconds; `None` for an undated article.
    pub time: Option<i64>,
    /// The sentence that states it.
    pub sentence: String,
}

/// A named entity of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityClaim {
    pub name: String,
    pub kind: newsdesk_text::EntityKind,
    pub mentions: u32,
    pub articles: u32,
    pub sources: u32,
}

/// How the reports of one quantity relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityStatus {
    /// Every report can be true at once.
    Agreed,
    /// The value changes from one day to the next: a timeline, not a disagreement.
    Updated,
    /// Reports that cannot all be true.
    Conflict,
}

/// One report of a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityReport {
    pub value: f64,
    pub upper: f64,
    pub qualifier: Qualifier,
    pub surface: String,
    pub cited: Citation,
}

/// A quantity of the story and everything said of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityClaim {
    /// What is counted: "people killed", "homes".
    pub what: String,
    pub status: QuantityStatus,
    /// The latest report's wording.
    pub latest: String,
    pub sources: u32,
    /// Reports in time order.
    pub reports: Vec<QuantityReport>,
}

/// One outlet's rendering of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteReport {
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// Words between quotation marks (`true`) or reported speech (`false`).
    #[serde(default = "yes")]
    pub direct: bool,
    pub cited: Citation,
}

fn yes() -> bool {
    true
}

/// One outlet's mention of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateReport {
    /// The date as written ("on Tuesday", "in 2014").
    pub surface: String,
    pub cited: Citation,
}

/// A calendar date the story's articles mention, resolved against each article's publication
/// date, and what they say happened then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateClaim {
    /// TIMEX3-style value: `2024-02-27`, `2023-08`, `2014`, `1989-Q3`.
    pub value: String,
    /// Words the reports share around the date (stems), or the first report's when they share
    /// none.
    pub context: Vec<String>,
    pub sources: u32,
    pub reports: Vec<DateReport>,
}

/// A quote of the story and who reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteClaim {
    /// The quote as an original (a copy chain's root) renders it, the fullest such rendering.
    pub text: String,
    /// The speakers it is given to, as written.
    pub speakers: Vec<String>,
    /// Whether outlets give it to speakers that cannot be the same person.
    pub speaker_conflict: bool,
    pub sources: u32,
    pub reports: Vec<QuoteReport>,
}

/// Everything the story's articles claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub entities: Vec<EntityClaim>,
    pub quantities: Vec<QuantityClaim>,
    pub quotes: Vec<QuoteClaim>,
    #[serde(default)]
    pub dates: Vec<DateClaim>,
    /// The story's main event as each independent source states it: the lead sentence of the
    /// root of every copy chain, in time order. News leads with what happened, and the
    /// articles of one story report one event, so these are the event's claim with one entry
    /// per independent source.
    #[serde(default)]
    pub leads: Vec<Citation>,
}

impl Ledger {
    /// Builds the ledger of a story from its articles.
    pub fn build(articles: &[LedgerArticle<'_>]) -> Ledger {
        Ledger {
            entities: entities(articles),
            quantities: quantities(articles),
            quotes: quotes(articles),
            dates: dates(articles),
            leads: leads(articles),
        }
    }

    pub fn conflicts(&self) -> usize {
        self.quantities
            .iter()
            .filter(|q| q.status == QuantityStatus::Conflict)
            .count()
            + self.quotes.iter().filter(|q| q.speaker_conflict).count()
    }
}

fn sentence_at(text: &str, range: (usize, usize)) -> String {
    text.get(range.0..range.1).unwrap_or_default().to_owned()
}

fn cite(a: &LedgerArticle<'_>, sentence: String) -> Citation {
    Citation {
        article: a.id.to_owned(),
        outlet: a.outlet.to_owned(),
        chain: a.chain.to_owned(),
        time: a.time,
        sentence,
    }
}

fn entities(articles: &[LedgerArticle<'_>]) -> Vec<EntityClaim> {
    struct Acc {
        name: String,
        kind: newsdesk_text::EntityKind,
        mentions: u32,
        articles: BTreeSet<String>,
        chains: BTreeSet<String>,
    }
    let mut by_key: BTreeMap<String, Acc> = BTreeMap::new();
    // The story's outlets naming themselves or each other ("(Harbor Wire)" in a dateline and
    // in its reprints' credit lines) say who published, not who or what the story is about.
    let outlets: BTreeSet<String> = articles
        .iter()
        .map(|a| newsdesk_text::normalise_entity(a.outlet))
        .collect();
    for a in articles {
        for e in &a.analysis.entities {
            if outlets.contains(&e.key) {
                continue;
            }
            let acc = by_key.entry(e.key.clone()).or_insert_with(|| Acc {
                name: e.text.clone(),
                kind: e.kind,
                mentions: 0,
                articles: BTreeSet::new(),
                chains: BTreeSet::new(),
            });

            // A name written only in capitals (a dateline) gives way to its running-text form.
            if newsdesk_text::is_all_capitals(&acc.name) && !newsdesk_text::is_all_capitals(&e.text)
            {
                acc.name = e.text.clone();
            }
            acc.mentions += e.count;
            acc.articles.insert(a.id.to_owned());
            acc.chains.insert(a.chain.to_owned());
        }
    }
    // Within a story, one person is named in longer and shorter forms: "al-Sudani" after
    // "Mohammed Shia al-Sudani", "Transport Minister Jonas Brekke" beside "Jonas Brekke". A
    // one-word name joins the person whose name it ends; a longer form joins the two-word or
    // longer name it ends with.
    let keys: Vec<String> = by_key.keys().cloned().collect();
    for key in &keys {
        let target = if key.contains(' ') {
            keys.iter()
                .filter(|k| k.contains(' ') && *k != key && key.ends_with(&format!(" {k}")))
                .max_by_key(|k| k.len())
        } else {
            keys.iter().find(|k| {
                k.contains(' ')
                    && k.rsplit(' ').next() == Some(key.as_str())
                    && by_key
                        .get(*k)
                        .is_some_and(|a| a.kind == newsdesk_text::EntityKind::Person)
            })
        };
        let Some(target) = target.cloned() else {
            continue;
        };
        if let Some(merged) = by_key.remove(key) {
            if let Some(into) = by_key.get_mut(&target) {
                into.mentions += merged.mentions;
                into.articles.extend(merged.articles);
                into.chains.extend(merged.chains);
            }
        }
    }
    let mut out: Vec<EntityClaim> = by_key
        .into_values()
        .map(|a| EntityClaim {
            name: a.name,
            kind: a.kind,
            mentions: a.mentions,
            articles: a.articles.len() as u32,
            sources: a.chains.len() as u32,
        })
        .collect();
    out.sort_by(|a, b| {
        b.sources
            .cmp(&a.sources)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// Events whose counted noun, when the text leaves it out, is people ("23 injured").
const CASUALTY_EVENTS: &[&str] = &[
    "killed",
    "dead",
    "died",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "arrested",
    "detained",
    "evacuated",
    "rescued",
    "trapped",
    "displaced",
    "hospitalised",
    "hospitalized",
    "treated",
];

/// The value interval a report allows.
fn interval(value: f64, upper: f64, q: Qualifier) -> (f64, f64) {
    match q {
        Qualifier::Exact => (value, upper),
        Qualifier::AtLeast => (value, f64::INFINITY),
        Qualifier::MoreThan => (value + f64::EPSILON.max(value * 1e-9), f64::INFINITY),
        Qualifier::AtMost => (0.0, upper),
        Qualifier::LessThan => (0.0, upper - f64::EPSILON.max(upper * 1e-9)),
        Qualifier::About => (value * 0.85, upper * 1.15),
    }
}

fn compatible(a: &QuantityReport, b: &QuantityReport) -> bool {
    let (a0, a1) = interval(a.value, a.upper, a.qualifier);
    let (b0, b1) = interval(b.value, b.upper, b.qualifier);
    a0 <= b1 && b0 <= a1
}

/// One quantity report on its way into a claim, with what it is compared on.
struct Pending {
    article: usize,
    /// Where in the article's text it is stated (0 to 1).
    place: f32,
    noun: String,
    event: String,
    /// Stems of the words around the number in its sentence, sorted.
    context: Vec<String>,
    what: String,
    report: QuantityReport,
}

/// Words either side of a number that say what it is about.
const CONTEXT_WORDS: usize = 8;
/// Lowest similarity for two reports to state one claim.
const SAME_CLAIM: f32 = 0.6;

/// Stems of the words near `surface` in `sentence`, numbers left out.
fn local_context(sentence: &str, surface: &str, stemmer: &rust_stemmers::Stemmer) -> Vec<String> {
    let at = sentence.find(surface).unwrap_or(0);
    // Chinese and Japanese runs give their character pairs (see `newsdesk_text::script`).
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .flat_map(newsdesk_text::script::runs)
            .flat_map(|(w, unspaced)| {
                if unspaced {
                    return newsdesk_text::script::character_pairs(w);
                }
                if w.len() <= 1 || w.chars().any(|c| c.is_ascii_digit()) {
                    return Vec::new();
                }
                let w = w.to_lowercase();
                if newsdesk_text::is_stopword(&w, "en") {
                    return Vec::new();
                }
                vec![stemmer.stem(&w).into_owned()]
            })
            .collect()
    };
    let before = words(&sentence[..at]);
    let after = words(sentence.get(at + surface.len()..).unwrap_or(""));
    let mut out: Vec<String> = before
        .iter()
        .rev()
        .take(CONTEXT_WORDS)
        .chain(after.iter().take(CONTEXT_WORDS))
        .cloned()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The same counted thing under its usual names: "persons", "individuals" and "people" are
/// people; "%" and "per cent" are percent.
fn normal_noun(stem: &str) -> String {
    match stem {
        "person" | "peopl" | "individu" => "peopl".to_owned(),
        "pct" | "%" => "percent".to_owned(),
        other => other.to_owned(),
    }
}

fn dice(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// How surely two reports state the same claim: what they count, what happened, the value,
/// and the words around the number.
fn claim_similarity(a: &Pending, b: &Pending) -> f32 {
    let noun = if a.noun == b.noun { 0.3 } else { 0.0 };
    let event = match (a.event.is_empty(), b.event.is_empty()) {
        (false, false) if a.event == b.event => 0.2,
        (true, true) => 0.1,
        _ => 0.0,
    };
    // The same value is stronger evidence the less common the number: two stories' "two" are
    // rarely one fact, their "127" usually is.
    let value = if a.report.value == b.report.value {
        if a.report.value >= 10.0 {
            0.4
        } else {
            0.3
        }
    } else if compatible(&a.report, &b.report) {
        0.15
    } else {
        0.0
    };
    // A copy (a translation, a spin) states its original's counts in the same order and in
    // other words: the same value at about the same place in a copy is the same claim, whatever
    // the language of its noun ("46.000 hogares", "46,000 homes").
    let copied = a.report.cited.chain == b.report.cited.chain
        && a.article != b.article
        && a.report.value == b.report.value
        && (a.place - b.place).abs() <= COPY_DRIFT;
    let copied = if copied { 0.3 } else { 0.0 };
    noun + event + value + copied + 0.5 * dice(&a.context, &b.context)
}

/// Groups the quantity reports of a story's articles into claims. Each report joins the claim
/// whose reports (from other articles) it most resembles, or starts one: two numbers in one
/// article are two claims, however alike; the same fact in two articles is one claim, whether
/// their values agree, conflict or moved on.
fn quantities(articles: &[LedgerArticle<'_>]) -> Vec<QuantityClaim> {
    let stemmer = newsdesk_text::stemmer_for("en").expect("English stemmer");
    let mut groups: Vec<Vec<Pending>> = Vec::new();
    for (k, a) in articles.iter().enumerate() {
        for q in &a.analysis.quantities {
            let event = q.event.as_deref();
            let percent = q.surface.ends_with('%');
            let noun = match (q.noun.as_deref(), event) {
                _ if percent => "percent",
                (Some(n), _) => n,
                (None, Some(e)) if CASUALTY_EVENTS.contains(&e) => "people",
                _ => continue,
            };
            let sentence = sentence_at(a.text, q.sentence);
            let pending = Pending {
                article: k,
                place: q.sentence.0 as f32 / a.text.len().max(1) as f32,
                noun: normal_noun(&stemmer.stem(noun)),
                event: event
                    .map(|e| stemmer.stem(e).into_owned())
                    .unwrap_or_default(),
                context: local_context(&sentence, &q.surface, &stemmer),
                what: match event {
                    Some(e) => format!("{noun} {e}"),
                    None => noun.to_owned(),
                },
                report: QuantityReport {
                    value: q.value,
                    upper: q.upper,
                    qualifier: q.qualifier,
                    surface: q.surface.clone(),
                    cited: cite(a, sentence),
                },
            };
            // The same count stated again by the same article (a fact box, a summary) is the
            // claim it already made, not a second one.
            let restated = groups.iter().flatten().any(|m| {
                m.article == k
                    && m.noun == pending.noun
                    && m.event == pending.event
                    && m.report.value == pending.report.value
                    && m.report.upper == pending.report.upper
            });
            if restated {
                continue;
            }
            let best = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.iter().all(|m| m.article != k))
                .map(|(i, g)| {
                    let sim = g
                        .iter()
                        .map(|m| claim_similarity(&pending, m))
                        .fold(0.0, f32::max);
                    (i, sim)
                })
                .filter(|(_, sim)| *sim >= SAME_CLAIM)
                .max_by(|x, y| x.1.total_cmp(&y.1));
            match best {
                Some((i, _)) => groups[i].push(pending),
                None => groups.push(vec![pending]),
            }
        }
    }
    let mut out: Vec<QuantityClaim> = groups
        .into_iter()
        .map(|members| {
            // The claim is named the way most of its reports name it, originals before their
            // copies (a translation names it in its own language).
            let mut names: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            for m in &members {
                let n = names.entry(m.what.as_str()).or_default();
                n.0 += usize::from(m.report.cited.article == m.report.cited.chain);
                n.1 += 1;
            }
            let what = names
                .iter()
                .max_by_key(|(name, n)| (**n, std::cmp::Reverse(**name)))
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_default();
            let has_event = members.iter().any(|m| !m.event.is_empty());
            let mut reports: Vec<QuantityReport> = members.into_iter().map(|m| m.report).collect();
            reports.sort_by(|a, b| {
                in_time(a.cited.time)
                    .cmp(&in_time(b.cited.time))
                    .then(a.cited.outlet.cmp(&b.cited.outlet))
            });
            // Only a count of something that happened ("people killed") can be updated or
            // contradicted; bare mentions ("three days", "140 workers") may be different facts.
            let status = if has_event {
                status(&reports)
            } else {
                QuantityStatus::Agreed
            };
            let sources = reports
                .iter()
                .map(|r| &r.cited.chain)
                .collect::<BTreeSet<_>>()
                .len() as u32;
            QuantityClaim {
                // The latest report that can be placed in time; undated ones sort last.
                latest: reports
                    .iter()
                    .rev()
                    .find(|r| r.cited.time.is_some())
                    .or(reports.last())
                    .map(|r| r.surface.clone())
                    .unwrap_or_default(),
                what,
                status,
                sources,
                reports,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.status == QuantityStatus::Conflict)
            .cmp(&(a.status == QuantityStatus::Conflict))
            .then(b.sources.cmp(&a.sources))
            .then(a.what.cmp(&b.what))
    });
    out
}

const DAY: i64 = 86_400;

/// A sort key for a publication time: dated reports in time order, then the undated ones.
fn in_time(time: Option<i64>) -> (bool, i64) {
    (time.is_none(), time.unwrap_or(0))
}

/// How the reports of one quantity relate, article by article: two articles conflict when
/// nothing one says of the quantity can be reconciled with anything the other says, on the
/// same day (or the later one says less); a higher count on a later day is an update. An
/// article giving two values ("14, later 16") tells a change it knows of, so it conflicts with
/// none that gives either. An article's bounds ("at least 150") only speak for it when it
/// gives no count itself: "180 killed, at least 150 of them civilians" says 180.
fn status(reports: &[QuantityReport]) -> QuantityStatus {
    let mut by_article: Vec<(&str, Option<i64>, Vec<&QuantityReport>)> = Vec::new();
    for r in reports {
        match by_article
            .iter_mut()
            .find(|(id, _, _)| *id == r.cited.article)
        {
            Some((_, _, rs)) => rs.push(r),
            None => by_article.push((&r.cited.article, r.cited.time, vec![r])),
        }
    }
    for (_, _, rs) in &mut by_article {
        let counts =
            |r: &&QuantityReport| matches!(r.qualifier, Qualifier::Exact | Qualifier::About);
        if rs.iter().any(counts) {
            rs.retain(counts);
        }
    }
    let highest = |rs: &[&QuantityReport]| rs.iter().map(|r| r.value).fold(f64::MIN, f64::max);
    let mut updated = false;
    for (i, (_, ta, ra)) in by_article.iter().enumerate() {
        for (_, tb, rb) in &by_article[i + 1..] {
            let reconcilable = ra.iter().any(|a| rb.iter().any(|b| compatible(a, b)));
            let ((t_early, early), (t_late, late)) = if in_time(*ta) <= in_time(*tb) {
                ((ta, ra), (tb, rb))
            } else {
                ((tb, rb), (ta, ra))
            };
            // With an undated article, which came first is unknown: a change of count is no
            // update, and reads as a disagreement, as it does on one day.
            let ordered = match (t_early, t_late) {
                (Some(early), Some(late)) => early.div_euclid(DAY) != late.div_euclid(DAY),
                _ => false,
            };
            let rose = highest(late) > highest(early);
            if !reconcilable && (!ordered || !rose) {
                return QuantityStatus::Conflict;
            }
            if ordered && rose {
                // A higher count on a later day: the count moved on.
                updated = true;
            }
        }
    }
    if updated {
        QuantityStatus::Updated
    } else {
        QuantityStatus::Agreed
    }
}

fn quote_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where a copy's reworded quote or count (a translation, a spin) sits in its article may
/// differ from the original's by this much, as a share of the text's length.
const COPY_DRIFT: f32 = 0.12;

fn quotes(articles: &[LedgerArticle<'_>]) -> Vec<QuoteClaim> {
    struct Group {
        words: BTreeSet<String>,
        text: String,
        reports: Vec<QuoteReport>,
        /// Each report's article, where its quote sits (share of the text) and its length.
        places: Vec<(usize, f32, usize)>,
        /// Whether `text` is an original's rendering (a copy chain's root), not a copy's.
        text_from_root: bool,
    }
    let mut groups: Vec<Group> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        // Articles already grouped that this one copies or that copy it: one copy chain. A
        // translation or a spin rewords its quotes past comparing words, but keeps them in the
        // same places and of about the same length.
        let copies: Vec<usize> = articles[..i]
            .iter()
            .enumerate()
            .filter(|(_, b)| b.chain == a.chain)
            .map(|(j, _)| j)
            .collect();
        let length = a.text.len().max(1) as f32;
        let mut taken: BTreeSet<usize> = BTreeSet::new();
        for q in &a.analysis.quotes {
            // A report of the first sentence holds the wire's dateline, which nobody said.
            let text = if q.direct {
                q.text.as_str()
            } else {
                without_dateline(&q.text)
            };
            let words: BTreeSet<String> = quote_words(text).into_iter().collect();
            if words.len() < 3 {
                continue;
            }
            let sentence = a
                .text
                .get(q.span.0..q.span.1)
                .unwrap_or_default()
                .to_owned();
            let report = QuoteReport {
                speaker: q.speaker.clone(),
                cue: q.cue.clone(),
                direct: q.direct,
                cited: cite(a, sentence),
            };
            let place = (i, q.span.0 as f32 / length, text.len());
            // The same quote, perhaps trimmed: most of the shorter one's words are in the other.
            let by_words = groups.iter().position(|g| {
                let shared = g.words.intersection(&words).count();
                shared * 10 >= g.words.len().min(words.len()) * 7
            });
            let found = by_words.or_else(|| {
                if !q.direct || copies.is_empty() {
                    return None;
                }
                groups
                    .iter()
                    .enumerate()
                    .filter(|(g, _)| !taken.contains(g))
                    .filter_map(|(g, group)| {
                        group
                            .places
                            .iter()
                            .filter(|(j, _, _)| copies.contains(j))
                            .filter(|(_, _, len)| {
                                let r = place.2 as f32 / (*len).max(1) as f32;
                                (0.6..=1.7).contains(&r)
                            })
                            .map(|(_, at, _)| (at - place.1).abs())
                            .filter(|d| *d <= COPY_DRIFT)
                            .min_by(f32::total_cmp)
                            .map(|d| (g, d))
                    })
                    .min_by(|x, y| x.1.total_cmp(&y.1))
                    .map(|(g, _)| g)
            });
            match found {
                Some(g) => {
                    taken.insert(g);
                    let g = &mut groups[g];
                    // The original's words over a copy's (a spin's synonyms, a translation),
                    // then the fullest rendering.
                    let root = a.id == a.chain;
                    if (root && !g.text_from_root)
                        || (root == g.text_from_root && text.len() > g.text.len())
                    {
                        g.text = text.to_owned();
                        g.text_from_root = root;
                    }
                    // A translation's words join too: other outlets in its language match them.
                    g.words.extend(words);
                    g.reports.push(report);
                    g.places.push(place);
                }
                None => {
                    taken.insert(groups.len());
                    groups.push(Group {
                        words,
                        text: text.to_owned(),
                        reports: vec![report],
                        places: vec![place],
                        text_from_root: a.id == a.chain,
                    });
                }
            }
        }
    }
    let mut out: Vec<QuoteClaim> = groups
        .into_iter()
        .map(|g| {
            let mut speakers: Vec<String> = Vec::new();
            let mut direct_speakers: Vec<String> = Vec::new();
            for r in g.reports.iter().filter(|r| r.direct) {
                if let Some(s) = &r.speaker {
                    if !direct_speakers.iter().any(|x| x.eq_ignore_ascii_case(s)) {
                        direct_speakers.push(s.clone());
                    }
                }
            }
            for r in &g.reports {
                if let Some(s) = &r.speaker {
                    if !speakers.iter().any(|x| x.eq_ignore_ascii_case(s)) {
                        speakers.push(s.clone());
                    }
                }
            }
            QuoteClaim {
                // A paraphrase may give a statement to the organisation or to its spokesman:
                // only words in quotation marks given to two people are a conflict.
                speaker_conflict: speakers_conflict(&direct_speakers),
                sources: g
                    .reports
                    .iter()
                    .map(|r| &r.cited.chain)
                    .collect::<BTreeSet<_>>()
                    .len() as u32,
                text: g.text,
                speakers,
                reports: g.reports,
            }
        })
        .collect();
    out.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.text.cmp(&b.text)));
    out
}

/// Groups the calendar dates of a story's articles by value. Within one story a date is nearly
/// always one moment of it ("the group took territory in 2014" in one outlet, "occupied the
/// country in 2014" in another), so the value is the key; the words around each mention say
/// what happened then. Publication-relative references ("now", "recently") are not dates of the
/// story and are left out.
fn dates(articles: &[LedgerArticle<'_>]) -> Vec<DateClaim> {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut by_value: BTreeMap<String, (Vec<Vec<String>>, Vec<DateReport>)> = BTreeMap::new();
    for a in articles {
        let mut seen = BTreeSet::new();
        let sentences = newsdesk_text::sentences(a.text);
        for d in &a.analysis.dates {
            if d.value.ends_with("_REF") || !seen.insert(d.value.clone()) {
                continue;
            }
            let (from, to) = sentence_around(a.text, &sentences, d.start, d.end);
            let sentence = a.text[from..to].trim().to_owned();
            let context = local_context(&sentence, &d.text, &stemmer);
            let entry = by_value.entry(d.value.clone()).or_default();
            entry.0.push(context);
            entry.1.push(DateReport {
                surface: d.text.clone(),
                cited: cite(a, sentence),
            });
        }
    }
    let mut out: Vec<DateClaim> = by_value
        .into_iter()
        .map(|(value, (contexts, mut reports))| {
            reports.sort_by_key(|r| in_time(r.cited.time));
            let mut shared: Vec<String> = contexts.first().cloned().unwrap_or_default();
            for c in contexts.iter().skip(1) {
                let kept: Vec<String> = shared
                    .iter()
                    .filter(|w| c.binary_search(w).is_ok())
                    .cloned()
                    .collect();
                if !kept.is_empty() {
                    shared = kept;
                }
            }
            DateClaim {
                sources: reports
                    .iter()
                    .map(|r| &r.cited.chain)
                    .collect::<BTreeSet<_>>()
                    .len() as u32,
                value,
                context: shared,
                reports,
            }
        })
        .collect();
    out.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.value.cmp(&b.value)));
    out
}

/// A lead without the wire dateline before it ("PORT MERIDIAN, Estavia, Feb 11 (Harbor Wire) -
/// Storm Corvina swept..."): a place in capitals, with whatever follows it up to a dash.
fn without_dateline(s: &str) -> &str {
    let Some((at, dash)) = [" - ", " — ", " – "]
        .iter()
        .filter_map(|d| s.find(d).map(|i| (i, d.len())))
        .min()
    else {
        return s;
    };
    let head = &s[..at];
    let capitals: Vec<&str> = head
        .split([',', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let place = !capitals.is_empty()
        && capitals.iter().all(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-'))
        });
    let letters: usize = capitals.iter().map(|w| w.chars().count()).sum();
    let dateline = place
        && head.chars().count() <= 80
        && (head.contains([',', '(']) || capitals.len() >= 2 || letters >= 5);
    let rest = s[at + dash..].trim_start();
    if dateline && !rest.is_empty() {
        rest
    } else {
        s
    }
}

/// Fewer words than this make a dateline, a byline or a label, not a lead.
const MIN_LEAD_WORDS: usize = 8;

/// Words a story's summary reaches for: its lead sentence, and the next ones while it is short
/// of this.
const SUMMARY_WORDS: usize = 40;

/// A short summary of an article: its lead (the first sentence of at least
/// [`MIN_LEAD_WORDS`] words, past datelines and labels) and the sentences after it while the
/// summary is under [`SUMMARY_WORDS`] words, never more than three sentences. A story shows
/// its central article's, so that the summary follows the story as its centre moves. Empty
/// where the text has no sentence long enough.
pub fn summary(text: &str) -> String {
    let spans = newsdesk_text::sentences(text);
    let sentences: Vec<&str> = spans
        .iter()
        .filter_map(|span| text.get(span.start..span.end))
        .map(str::trim)
        .collect();
    let Some(first) = sentences
        .iter()
        .position(|s| newsdesk_text::script::word_count(s) >= MIN_LEAD_WORDS)
    else {
        return String::new();
    };
    let mut out: Vec<&str> = Vec::new();
    let mut words = 0;
    for (k, s) in sentences[first..]
        .iter()
        .filter(|s| !s.is_empty())
        .take(3)
        .enumerate()
    {
        let s = if k == 0 { without_dateline(s) } else { s };
        let n = newsdesk_text::script::word_count(s);
        // Short of the length, not past half as much again.
        if !out.is_empty() && (words >= SUMMARY_WORDS || words + n > SUMMARY_WORDS * 3 / 2) {
            break;
        }
        // A heading or a label between paragraphs (no sentence's end) is no part of a summary.
        let ends = s
            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
            .ends_with(|c: char| newsdesk_text::script::ends_sentence(c));
        if !out.is_empty() && !ends {
            break;
        }
        words += n;
        out.push(s);
    }
    let joiner = if out.iter().any(|s| newsdesk_text::script::has_unspaced(s)) {
        ""
    } else {
        " "
    };
    out.join(joiner)
}

/// The lead sentence of each copy chain's root: its first sentence of at least
/// [`MIN_LEAD_WORDS`] words, without a wire dateline.
fn leads(articles: &[LedgerArticle<'_>]) -> Vec<Citation> {
    // The chain's root (its first publisher, as copy detection found it) speaks for the
    // chain; a chain whose root is outside the story is represented by its earliest article.
    fn rank<'a>(x: &LedgerArticle<'a>) -> (bool, (bool, i64), &'a str) {
        (x.id != x.chain, in_time(x.time), x.id)
    }
    let mut first_of_chain: BTreeMap<&str, &LedgerArticle<'_>> = BTreeMap::new();
    for a in articles {
        let slot = first_of_chain.entry(a.chain).or_insert(a);
        if rank(a) < rank(slot) {
            *slot = a;
        }
    }
    let mut out: Vec<Citation> = first_of_chain
        .into_values()
        .filter_map(|a| {
            let lead = newsdesk_text::sentences(a.text)
                .into_iter()
                .find_map(|span| {
                    let s = a.text.get(span.start..span.end)?.trim();
                    (newsdesk_text::script::word_count(s) >= MIN_LEAD_WORDS).then_some(s)
                })?;
            // The wire dateline says where the story was filed, not what happened.
            Some(cite(a, without_dateline(lead).to_owned()))
        })
        .collect();
    out.sort_by(|a, b| {
        in_time(a.time)
            .cmp(&in_time(b.time))
            .then(a.article.cmp(&b.article))
    });
    out
}

/// The sentence of `text` that holds `start..end`, as the sentence splitter finds it (a
/// decimal point or an abbreviation ends no sentence: "about 8.2 billion crowns last year").
/// A sentence too short to say anything on its own ("In December 2017.", a fragment a machine
/// translation left) comes with the sentence before it in its paragraph.
fn sentence_around(
    text: &str,
    sentences: &[newsdesk_text::Span],
    start: usize,
    end: usize,
) -> (usize, usize) {
    let Some(k) = sentences
        .iter()
        .position(|s| s.start <= start && start < s.end)
    else {
        return (start, end.min(text.len()));
    };
    let (mut from, to) = (
        sentences[k].start,
        sentences[k].end.max(end).min(text.len()),
    );
    let words = text
        .get(from..to)
        .map_or(0, |s| s.split_whitespace().count());
    if words < FRAGMENT_WORDS && k > 0 {
        let before = &sentences[k - 1];
        if !text
            .get(before.end.min(from)..from)
            .is_some_and(|gap| gap.contains("\n\n"))
        {
            from = before.start;
        }
    }
    (from, to)
}

/// A sentence of fewer words than this is a fragment, not a statement.
const FRAGMENT_WORDS: usize = 5;

/// Named speakers (capitalised names) that share no name word cannot be one person; roles
/// ("the official", "a spokesman") can be anyone and never conflict.
fn speakers_conflict(speakers: &[String]) -> bool {
    let names: Vec<BTreeSet<String>> = speakers
        .iter()
        .map(|s| {
            s.split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 2)
                .map(str::to_lowercase)
                .collect::<BTreeSet<_>>()
        })
        .filter(|n| n.len() >= 2)
        .collect();
    let mut counted: HashMap<usize, ()> = HashMap::new();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            if a.is_disjoint(b) {
                counted.insert(i, ());
            }
        }
    }
    !counted.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(text: &str) -> Analysis {
        newsdesk_text::analyze("", text, Some("en"))
    }

    /// The ledger of one article, by `outlet`, published at time 0.
    fn one_article(outlet: &str, text: &str, analysis: &Analysis) -> Ledger {
        Ledger::build(&[LedgerArticle {
            id: "a",
            outlet,
            chain: "a",
            time: Some(0),
            text,
            analysis,
        }])
    }

    #[test]
    fn a_date_is_cited_with_its_whole_sentence() {
        let text = "Trade was worth about 8.2 billion crowns last year. It may grow.\n\nThe group was ousted from the city. In December 2017.";
        let published = jiff::civil::Date::new(2025, 3, 20).ok();
        let a = newsdesk_text::analyze_published("", text, Some("en"), published);
        let ledger = one_article("A", text, &a);
        let cited = |value: &str| {
            ledger
                .dates
                .iter()
                .find(|d| d.value == value)
                .map(|d| d.reports[0].cited.sentence.clone())
        };
        assert_eq!(
            cited("2024").as_deref(),
            Some("Trade was worth about 8.2 billion crowns last year."),
            "{:?}",
            ledger.dates
        );
        // A fragment comes with the sentence before it.
        assert_eq!(
            cited("2017-12").as_deref(),
            Some("The group was ousted from the city. In December 2017.")
        );
    }

    #[test]
    fn summary_is_the_lead_and_what_follows_it() {
        let text = "LONDON (Harbor Wire)\n\nA storm cut power to 46,000 homes in Port Meridian on Tuesday, the grid company said. Crews worked through the night. Schools will stay closed until Thursday, officials said, and the port is shut.\n\nBackground\n\nThe city last lost power in 2019.";
        assert_eq!(
            summary(text),
            "A storm cut power to 46,000 homes in Port Meridian on Tuesday, the grid company said. Crews worked through the night. Schools will stay closed until Thursday, officials said, and the port is shut."
        );
        assert_eq!(summary("Breaking. Live."), "");
        // Sentences of unspaced scripts join without a space.
        assert_eq!(
            summary(
                "东岭县10日发生5.9级地震，已造成12人遇难、80余人受伤。救援人员正在搜救被困群众。"
            ),
            "东岭县10日发生5.9级地震，已造成12人遇难、80余人受伤。救援人员正在搜救被困群众。"
        );
        // The wire dateline goes; a lead that opens with an acronym stays whole.
        assert_eq!(
            summary("PORT MERIDIAN, Estavia, Feb 11 (Harbor Wire) - Storm Corvina swept across the coast overnight, officials said."),
            "Storm Corvina swept across the coast overnight, officials said."
        );
        assert_eq!(
            summary("VALDERA — Estavia and Vellmark signed the most ambitious trade treaty either has signed."),
            "Estavia and Vellmark signed the most ambitious trade treaty either has signed."
        );
        assert_eq!(
            summary(
                "NASA - the space agency - said on Monday it would delay the launch by a week."
            ),
            "NASA - the space agency - said on Monday it would delay the launch by a week."
        );
    }

    #[test]
    fn a_name_in_capitals_gives_way_to_its_running_text_form() {
        let texts = [
            "PORT MERIDIAN \u{2013} Fourteen people were killed when the Halvard Bridge collapsed.",
            "The Halvard Bridge in Port Meridian collapsed on Tuesday, officials said.",
        ];
        let analyses: Vec<Analysis> = texts.iter().map(|t| analysed(t)).collect();
        let articles: Vec<LedgerArticle<'_>> = ["a", "b"]
            .iter()
            .zip(&analyses)
            .zip(texts)
            .map(|((id, analysis), text)| LedgerArticle {
                id,
                outlet: id,
                chain: id,
                time: None,
                text,
                analysis,
            })
            .collect();
        let names: Vec<(String, u32)> = entities(&articles)
            .into_iter()
            .map(|e| (e.name, e.sources))
            .collect();
        assert!(
            names.contains(&("Port Meridian".to_owned(), 2)),
            "{names:?}"
        );
    }

    #[test]
    fn leads_come_one_per_chain_from_its_root_and_dates_resolve() {
        let wire = "PORT MERIDIAN, Feb 11 - Storm Corvina knocked out power to 46,000 homes on Monday, the utility said.";
        let reprint =
            "Storm Corvina knocked out power to 46,000 homes on Monday, the utility said.";
        let other = "By Ana Lee\n\nTens of thousands of homes were still without power on Tuesday after the storm.";
        let published = jiff::civil::Date::constant(2025, 2, 11);
        let analyses: Vec<Analysis> = [wire, reprint, other]
            .iter()
            .map(|t| newsdesk_text::analyze_published("", t, Some("en"), Some(published)))
            .collect();
        let article =
            |i: usize, id: &'static str, chain: &'static str, time: i64, text| LedgerArticle {
                id,
                outlet: id,
                chain,
                time: Some(time),
                text,
                analysis: &analyses[i],
            };
        // The reprint carries an earlier time than its original (a date without a time): the
        // chain's root still speaks for the chain.
        let ledger = Ledger::build(&[
            article(0, "wire", "wire", 20, wire),
            article(1, "reprint", "wire", 10, reprint),
            article(2, "courier", "courier", 30, other),
        ]);
        let leads: Vec<(&str, &str)> = ledger
            .leads
            .iter()
            .map(|c| (c.article.as_str(), c.sentence.as_str()))
            .collect();
        assert_eq!(
            leads,
            vec![
                (
                    "wire",
                    "Storm Corvina knocked out power to 46,000 homes on Monday, the utility said."
                ),
                (
                    "courier",
                    "Tens of thousands of homes were still without power on Tuesday after the storm."
                )
            ]
        );
        // Monday (the day before publication) is stated by one source through two articles;
        // the wire's dateline "Feb 11" and the other's "Tuesday" are one day, two sources.
        let monday = ledger
            .dates
            .iter()
            .find(|d| d.value == "2025-02-10")
            .expect("Monday");
        assert_eq!((monday.sources, monday.reports.len()), (1, 2));
        let tuesday = ledger
            .dates
            .iter()
            .find(|d| d.value == "2025-02-11")
            .expect("Tuesday");
        assert_eq!(tuesday.sources, 2);
    }

    #[test]
    fn a_translated_quote_joins_its_original_through_the_copy_chain() {
        let en = "Power was cut to 46,000 homes overnight. \"We expect to restore power to most customers by Wednesday evening,\" said Lena Voss of the utility. Schools stayed shut.";
        let es = "La tormenta cortó la luz a 46.000 hogares durante la noche. \"Esperamos restablecer el suministro a la mayoría de los clientes el miércoles por la tarde\", dijo Lena Voss. Las escuelas siguieron cerradas.";
        let other = "\"We expect to restore power to most customers by Wednesday evening,\" Lena Voss told reporters on Tuesday.";
        let a_en = newsdesk_text::analyze("", en, Some("en"));
        let a_es = newsdesk_text::analyze("", es, Some("es"));
        let a_other = newsdesk_text::analyze("", other, Some("en"));
        let article = |id, chain, time, text, analysis| LedgerArticle {
            id,
            outlet: id,
            chain,
            time: Some(time),
            text,
            analysis,
        };
        let ledger = Ledger::build(&[
            article("wire", "wire", 1, en, &a_en),
            article("heraldo", "wire", 2, es, &a_es),
            article("courier", "courier", 3, other, &a_other),
        ]);
        let voss = ledger
            .quotes
            .iter()
            .find(|q| q.text.contains("restore power"))
            .expect("the quote");
        let outlets: Vec<&str> = voss
            .reports
            .iter()
            .map(|r| r.cited.outlet.as_str())
            .collect();
        assert_eq!(outlets, vec!["wire", "heraldo", "courier"]);
        assert_eq!(voss.sources, 2, "a translation is not a source of its own");
        // An independent article in another language is not matched by position.
        let lone = newsdesk_text::analyze("", es, Some("es"));
        let ledger = Ledger::build(&[
            article("wire", "wire", 1, en, &a_en),
            article("other", "other", 2, es, &lone),
        ]);
        assert!(ledger.quotes.iter().all(|q| q.reports.len() == 1));
    }

    #[test]
    fn conflict_same_day_update_across_days() {
        let a = analysed("Fourteen people were killed when the bridge collapsed, officials said.");
        let b = analysed(
            "Sixteen people were killed when the bridge collapsed, the health authority said.",
        );
        let c = analysed("At least 12 people were injured in the fire on Tuesday.");
        let d = analysed(
            "The number of injured has risen to 19 people injured, the fire service said.",
        );
        let texts = [
            "Fourteen people were killed when the bridge collapsed, officials said.",
            "Sixteen people were killed when the bridge collapsed, the health authority said.",
        ];
        let ledger = Ledger::build(&[
            LedgerArticle {
                id: "a",
                outlet: "A",
                chain: "a",
                time: Some(10),
                text: texts[0],
                analysis: &a,
            },
            LedgerArticle {
                id: "b",
                outlet: "B",
                chain: "b",
                time: Some(20),
                text: texts[1],
                analysis: &b,
            },
        ]);
        let killed = ledger
            .quantities
            .iter()
            .find(|q| q.what == "people killed")
            .expect("claim");
        assert_eq!(killed.status, QuantityStatus::Conflict);
        assert_eq!(killed.sources, 2);
        assert_eq!(ledger.conflicts(), 1);

        let ledger = Ledger::build(&[
            LedgerArticle {
                id: "c",
                outlet: "C",
                chain: "c",
                time: Some(10),
                text: "",
                analysis: &c,
            },
            LedgerArticle {
                id: "d",
                outlet: "D",
                chain: "d",
                time: Some(10 + DAY),
                text: "",
                analysis: &d,
            },
        ]);
        let injured = ledger
            .quantities
            .iter()
            .find(|q| q.what.contains("injured"))
            .expect("claim");
        assert_eq!(injured.status, QuantityStatus::Updated, "{injured:?}");
        assert_eq!(ledger.conflicts(), 0);
    }

    #[test]
    fn an_undated_report_updates_no_count_and_is_not_the_latest() {
        let texts = [
            "The fire on Tuesday injured 12 people, the fire service said.",
            "The fire on Tuesday injured 19 people, the fire service said.",
        ];
        let dated = analysed(texts[0]);
        let undated = analysed(texts[1]);
        let article = |id, time, text, analysis| LedgerArticle {
            id,
            outlet: id,
            chain: id,
            time,
            text,
            analysis,
        };
        let injured = |ledger: &Ledger| {
            ledger
                .quantities
                .iter()
                .find(|q| q.what.contains("injured"))
                .cloned()
                .expect("claim")
        };
        // Seen a day later, but undated: whether 19 came before or after 12 is unknown, so the
        // change is a disagreement, and the dated report stays the latest.
        let ledger = Ledger::build(&[
            article("dated", Some(10), texts[0], &dated),
            article("undated", None, texts[1], &undated),
        ]);
        let claim = injured(&ledger);
        assert_eq!(claim.status, QuantityStatus::Conflict, "{claim:?}");
        assert_eq!(claim.latest, "12");
        assert_eq!(claim.reports.last().map(|r| r.cited.time), Some(None));
        // The same two reports a day apart, both dated: the count moved on.
        let ledger = Ledger::build(&[
            article("dated", Some(10), texts[0], &dated),
            article("undated", Some(10 + DAY), texts[1], &undated),
        ]);
        let claim = injured(&ledger);
        assert_eq!(claim.status, QuantityStatus::Updated, "{claim:?}");
        assert_eq!(claim.latest, "19");
    }

    #[test]
    fn qualifiers_reconcile_and_copies_are_one_source() {
        let a = analysed("At least 30 people were killed in the attack.");
        let b = analysed("The attack killed 39 people, officials said.");
        let ledger = Ledger::build(&[
            LedgerArticle {
                id: "a",
                outlet: "Wire",
                chain: "a",
                time: Some(0),
                text: "",
                analysis: &a,
            },
            LedgerArticle {
                id: "r",
                outlet: "Reprint",
                chain: "a",
                time: Some(5),
                text: "",
                analysis: &a,
            },
            LedgerArticle {
                id: "b",
                outlet: "B",
                chain: "b",
                time: Some(10),
                text: "",
                analysis: &b,
            },
        ]);
        let killed = ledger
            .quantities
            .iter()
            .find(|q| q.what.starts_with("people"))
            .expect("claim");
        assert_eq!(killed.status, QuantityStatus::Agreed);
        assert_eq!(killed.reports.len(), 3);
        assert_eq!(killed.sources, 2, "the reprint is not a source of its own");
    }

    #[test]
    fn a_count_an_article_states_twice_is_one_claim() {
        let text = "Key facts: Bridge opened in 1971; about 38,000 vehicles a day.\n\nThe bridge carries about 38,000 vehicles a day between the centre and the south. At least nine vehicles fell.";
        let a = analysed(text);
        let ledger = one_article("A", text, &a);
        let vehicles: Vec<&QuantityClaim> = ledger
            .quantities
            .iter()
            .filter(|q| q.what == "vehicles")
            .collect();
        // 38,000 once, nine once.
        assert_eq!(vehicles.len(), 2, "{vehicles:?}");
        assert!(vehicles.iter().all(|q| q.reports.len() == 1));
    }

    #[test]
    fn a_translated_count_joins_its_original() {
        let en = "Storm Corvina knocked out power to 46,000 homes in Port Meridian. Officials closed 38 schools.";
        let es = "La tormenta Corvina dejó sin luz a 46.000 hogares en Port Meridian. Las autoridades cerraron 38 escuelas.";
        let (a, b) = (analysed(en), newsdesk_text::analyze("", es, Some("es")));
        let article = |id, outlet, text, analysis| LedgerArticle {
            id,
            outlet,
            chain: "wire",
            time: Some(0),
            text,
            analysis,
        };
        let ledger = Ledger::build(&[
            article("wire", "Harbor Wire", en, &a),
            article("copy", "El Heraldo", es, &b),
        ]);
        let homes = ledger
            .quantities
            .iter()
            .find(|q| q.what == "homes")
            .expect("homes");
        assert_eq!(homes.reports.len(), 2, "{:?}", ledger.quantities);
        let schools = ledger
            .quantities
            .iter()
            .find(|q| q.what.starts_with("schools"))
            .expect("schools");
        assert_eq!(schools.reports.len(), 2, "{:?}", ledger.quantities);
        assert_eq!(ledger.quantities.len(), 2);
    }

    #[test]
    fn the_story_s_outlets_are_not_its_names() {
        let text = "PORT MERIDIAN, Feb 11 (Harbor Wire) - Mayor Ana Ribeiro said power would return, Harbor Wire reported.";
        let a = analysed(text);
        let ledger = one_article("Harbor Wire", text, &a);
        let names: Vec<&str> = ledger.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Ana Ribeiro"), "{names:?}");
        assert!(!names.contains(&"Harbor Wire"), "{names:?}");
    }

    #[test]
    fn quotes_group_across_outlets() {
        let a = analysed("\"Our divers are still searching the river, and we will not stop,\" said fire chief Tomas Heller.");
        let b =
            analysed("Fire chief Tomas Heller said: \"Our divers are still searching the river.\"");
        let ledger = Ledger::build(&[
            LedgerArticle {
                id: "a",
                outlet: "A",
                chain: "a",
                time: Some(0),
                text: "",
                analysis: &a,
            },
            LedgerArticle {
                id: "b",
                outlet: "B",
                chain: "b",
                time: Some(0),
                text: "",
                analysis: &b,
            },
        ]);
        assert_eq!(ledger.quotes.len(), 1, "{:?}", ledger.quotes);
        assert_eq!(ledger.quotes[0].sources, 2);
        assert!(!ledger.quotes[0].speaker_conflict);
    }

    #[test]
    fn a_reported_lead_is_shown_without_its_dateline() {
        let text = "PORT MERIDIAN, Estavia, Feb 11 (Harbor Wire) - Storm Corvina knocked out power to 46,000 homes, city officials said.";
        let a = analysed(text);
        let ledger = one_article("Harbor Wire", text, &a);
        let reported = ledger
            .quotes
            .iter()
            .find(|q| q.text.contains("46,000"))
            .expect("the report");
        assert_eq!(
            reported.text,
            "Storm Corvina knocked out power to 46,000 homes"
        );
    }
}
