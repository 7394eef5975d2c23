//! When the article was published and last modified: from structured data, `<meta>`,
//! `<time>`, the page's visible date lines near the headline or the byline, page data and the
//! address, each read in any usual written form.

use super::*;

fn first_date<'a>(mut values: impl Iterator<Item = &'a str>) -> Option<String> {
    values.find_map(parse_any_date)
}

/// Parses any date shape the helpers know.
pub fn parse_any_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    crate::dates::parse_date(s).or_else(|| crate::dates::parse_rfc2822(s))
}

/// Finds a date written somewhere inside a longer string (`By Jane Doe | March 3, 2024`).
pub fn find_date_in_text(text: &str) -> Option<String> {
    find_date_span(text).map(|(d, _, _)| d)
}

/// [`find_date_in_text`], with the byte range the date takes in `text`. Its word boundaries
/// are ASCII ones, which keep the regex engine on its fast path for text outside ASCII; a date
/// set against a Chinese or Japanese character (`发布于2024-03-03`) is found by them too.
fn find_date_span(text: &str) -> Option<(String, usize, usize)> {
    if let Some(d) = parse_any_date(text) {
        return Some((d, 0, text.len()));
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let east_asian = crate::dates::EAST_ASIAN_DATE;
        Regex::new(&format!(
            // Chinese, Japanese and Korean dates stand between letters with no word boundary.
            r"(?i)(?-u:\b)(?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+\d{{4}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})(?-u:\b)|{east_asian}(?:\s*\d{{1,2}}\s*[:時时시]\s*\d{{2}}(?:\s*[分분])?)?"
        ))
        .expect("valid regex")
    });
    re.find_iter(text)
        .find_map(|m| parse_any_date(m.as_str()).map(|d| (d, m.start(), m.end())))
}

/// A date in the URL path: `/2024/02/29/` or `/2024-02-29/`.
pub fn date_from_url(url: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)")
            .expect("valid regex")
    });
    let path = match Url::parse(url) {
        Ok(u) => u.path().to_owned(),
        Err(_) => url.to_owned(),
    };
    re.captures_iter(&path).find_map(|c| {
        let iso = format!(
            "{}-{:0>2}-{:0>2}",
            c.get(1)?.as_str(),
            c.get(2)?.as_str(),
            c.get(3)?.as_str()
        );
        crate::dates::parse_date(&iso)
    })
}

/// Publication and modification dates, strongest evidence first.
pub fn dates(
    dom: &Dom<'_>,
    page: &PageMeta,
    ld: &LdInfo,
    analysis: &Analysis,
    urls: &[&str],
) -> (Option<String>, Option<String>) {
    const PUBLISHED_KEYS: &[&str] = &[
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "article:published",
        "article.published",
        "published_time",
        "publish-date",
        "publish_date",
        "publishdate",
        "publication_date",
        "pubdate",
        "datepublished",
        "date",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.issued",
        "dcterms.created",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
        "article_date_original",
        "original-publish-date",
        "iso-8601-publish-date",
        "citation_publication_date",
        "citation_date",
        "displaydate",
        "dc.date.published",
        "published",
        "published-date",
        "publication-date",
        "article:published_date",
    ];
    const MODIFIED_KEYS: &[&str] = &[
        "article:modified_time",
        "og:article:modified_time",
        "og:updated_time",
        "article:modified",
        "modified_time",
        "last-modified",
        "lastmod",
        "datemodified",
        "dc.date.modified",
        "dcterms.modified",
        "article.updated",
    ];

    let inside = |i: usize| analysis.chosen.iter().any(|&c| dom.contains(c, i));
    let near = |i: usize| {
        inside(i)
            || dom
                .ancestors(analysis.main)
                .take(3)
                .any(|a| dom.contains(a, i))
    };

    // Dates the publisher states for the article itself, then weaker evidence: a `WebPage`'s
    // dates (often the page's last build), `<time>` elements, the URL, date-like elements.
    let strong = ld
        .published
        .as_deref()
        .and_then(parse_any_date)
        .or_else(|| first_date(PUBLISHED_KEYS.iter().filter_map(|k| page.meta(&[k]))))
        .or_else(|| page.itemprop("datepublished").and_then(parse_any_date))
        .or_else(|| {
            // Site-specific names for the same thing (`w-published-date`,
            // `cXenseParse:recs:publishtime`): any `<meta>` named for publication.
            first_date(
                page.metas
                    .iter()
                    .filter(|(k, _)| {
                        (k.contains("publish") || k.contains("pubdate"))
                            && !k.contains("modif")
                            && !k.contains("updat")
                            && !k.contains("expir")
                    })
                    .map(|(_, v)| v.as_str()),
            )
        });
    let weak = || {
        ld.page_published
            .as_deref()
            .and_then(parse_any_date)
            .or_else(|| {
                let mut times = page
                    .times
                    .iter()
                    .filter(|(i, _, hints)| {
                        !hints.contains("updat")
                            && !hints.contains("modif")
                            && (hints.contains("pubdate") || near(*i))
                    })
                    .map(|(_, v, _)| v.as_str());
                first_date(&mut times)
            })
            .or_else(|| urls.iter().find_map(|u| date_from_url(u)))
            .or_else(|| {
                page.date_elems
                    .iter()
                    .filter(|(i, _)| near(*i))
                    .find_map(|(_, t)| find_date_in_text(t))
            })
    };
    let modified = ld
        .modified
        .as_deref()
        .and_then(parse_any_date)
        .or_else(|| first_date(MODIFIED_KEYS.iter().filter_map(|k| page.meta(&[k]))))
        .or_else(|| page.itemprop("datemodified").and_then(parse_any_date))
        .or_else(|| ld.page_modified.as_deref().and_then(parse_any_date));
    // A publication date after the stated last modification cannot both be right: such a
    // "published" value is the site's last rebuild (site builders stamp every page with it), so
    // it counts as weak evidence, and a date printed by the headline settles it.
    let rebuilt = |d: &String| {
        modified
            .as_deref()
            .is_some_and(|m| m.get(..10).is_some_and(|m| Some(m) < d.get(..10)))
    };
    let (strong, rebuild) = match strong {
        Some(d) if rebuilt(&d) => (None, Some(d)),
        other => (other, None),
    };
    let is_strong = strong.is_some();
    let declared = strong.or_else(weak).or(rebuild);
    // The date printed by the headline settles weak or doubtful evidence; a publication date
    // the publisher states for the article stands even when the page shows its last update
    // ("Updated March 3"): the article was first published then, and story timelines need
    // that day.
    let shown = visible_date(dom, analysis).or_else(|| byline_date(dom, page, analysis));
    let same_day = |a: &str, b: &str| a.get(..10).is_some() && a.get(..10) == b.get(..10);
    let published = match (declared, shown) {
        (Some(d), Some(v)) if same_day(&d, &v) => Some(d),
        (Some(d), Some(_))
            if is_strong && modified.as_deref().is_some_and(|m| !same_day(m, &d)) =>
        {
            Some(d)
        }
        (Some(d), Some(v)) => match &modified {
            Some(m) if same_day(m, &v) => Some(m.clone()),
            // A stated date equal to the last modification, or one from weak evidence, is
            // more likely the page's build time than the article's date — when the date shown
            // is earlier: a build comes after the article, and a later date by the headline is
            // a related post's or today's.
            Some(m) if same_day(m, &d) && v.get(..10) < d.get(..10) => Some(v),
            _ if !is_strong => Some(v),
            _ => Some(d),
        },
        (Some(d), None) => Some(d),
        (None, Some(v)) => Some(v),
        (None, None) => modified
            .clone()
            .or_else(|| script_date(dom))
            .or_else(|| labelled_date(dom)),
    };
    (published, modified)
}

/// The first date written near the headline, in a short line of its own or after a label
/// (`Published on March 3, 2024`, `Dec 12, 2025`, `Last updated: 12.12.2025`).
fn visible_date(dom: &Dom<'_>, analysis: &Analysis) -> Option<String> {
    visible_date_node(dom, analysis).map(|(_, d)| d)
}

/// [`visible_date`] with the text node that prints it.
fn visible_date_node(dom: &Dom<'_>, analysis: &Analysis) -> Option<(usize, String)> {
    let n = dom.len();
    let anchor = (0..n)
        .find(|&i| dom.nodes[i].tag == "h1" && analysis.marks[i] != Mark::Removed)
        .unwrap_or(analysis.main);
    // Close to the headline first, above it then under it (a date over the headline, or
    // under it, not a menu's list of dated news further up), then further away.
    let near_start = anchor.saturating_sub(VISIBLE_DATE_NEAR);
    let near_end = (anchor + VISIBLE_DATE_NEAR).min(n);
    let from = anchor.saturating_sub(VISIBLE_DATE_BEFORE);
    let to = (anchor + VISIBLE_DATE_AFTER).min(n);
    (near_start..near_end)
        .chain(from..near_start)
        .chain(near_end..to)
        .find_map(|i| date_line(dom, i).map(|d| (i, d)))
}

/// How close to the headline (in nodes) a printed date is looked for first.
const VISIBLE_DATE_NEAR: usize = 40;

/// The writer printed in the date line by the headline, with no label
/// (`Aaron Ricadela | Senior Writer | July 2, 2025`, `Dec 26, 2025 • Mahua Das in Projects`):
/// the line's other parts, split at its separators, the first that is a person's name led by
/// a common first name. Only a short line counts, so a sentence with a date in it does not.
pub(super) fn date_line_writer(
    dom: &Dom<'_>,
    analysis: &Analysis,
    sites: &[String],
    host: Option<&str>,
) -> Option<String> {
    let (node, _) = visible_date_node(dom, analysis)?;
    // The date's own text, or the smallest element around it, that prints more than the date.
    let rest = std::iter::once(clean_text(dom.nodes[node].text))
        .chain(dom.ancestors(node).take(3).map(|a| dom.text_of(a, 200)))
        .take_while(|line| line.chars().count() <= 120)
        .find_map(|line| {
            let (_, start, end) = find_date_span(&line)?;
            let rest = format!("{} | {}", &line[..start], &line[end..]);
            rest.chars().any(char::is_alphabetic).then_some(rest)
        })?;
    rest.split(['|', '•', '·', '–', '—', '/'])
        .flat_map(|part| part.split(" in "))
        .map(str::trim)
        .filter(|part| (2..=3).contains(&part.split_whitespace().count()))
        .filter(|part| {
            part.split_whitespace()
                .next()
                .is_some_and(newsdesk_text::is_first_name)
        })
        .find_map(|part| {
            clean_authors(&[part.to_owned()], sites, host)
                .into_iter()
                .next()
        })
}

/// A date line anywhere on the page that says what it dates (`Last updated: November 13, 2025`,
/// `Posted March 3, 2024`), for pages that state no date anywhere else: a park's page prints
/// its last update at its foot.
fn labelled_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let node = &dom.nodes[i];
        if node.el.is_some() {
            return None;
        }
        let lower = node.text.to_lowercase();
        ["updated", "published", "posted"]
            .iter()
            .any(|l| lower.contains(l))
            .then(|| date_line(dom, i))
            .flatten()
    })
}

/// The page's byline elements by where they stand against the chosen article: in it, before
/// it (the nearest first) and after it (the nearest first).
pub(super) struct BylinePlaces<'p> {
    pub(super) inside: Vec<&'p (usize, String)>,
    pub(super) before: Vec<&'p (usize, String)>,
    pub(super) after: Vec<&'p (usize, String)>,
}

impl<'p> BylinePlaces<'p> {
    pub(super) fn of(dom: &Dom<'_>, page: &'p PageMeta, analysis: &Analysis) -> Self {
        let mut places = BylinePlaces {
            inside: Vec::new(),
            before: Vec::new(),
            after: Vec::new(),
        };
        for b in &page.bylines {
            if analysis.chosen.iter().any(|&c| dom.contains(c, b.0)) {
                places.inside.push(b);
            } else if b.0 < analysis.main {
                places.before.push(b);
            } else if b.0 > analysis.main {
                places.after.push(b);
            }
        }
        places.before.reverse();
        places
    }
}

/// The date printed beside a byline (`Written by Jane Doe` then `April 8, 2024`), for pages
/// that print the byline and date away from the headline (after the article, in an author
/// box). Bylines inside the article first, then the first ones after it, then those before.
fn byline_date(dom: &Dom<'_>, page: &PageMeta, analysis: &Analysis) -> Option<String> {
    let places = BylinePlaces::of(dom, page, analysis);
    let bylines = places
        .inside
        .iter()
        .chain(places.after.iter().take(2))
        .chain(places.before.iter().take(2));
    for &&(b, _) in bylines {
        let from = b.saturating_sub(BYLINE_DATE_BEFORE);
        let to = (dom.nodes[b].end + BYLINE_DATE_AFTER).min(dom.len());
        if let Some(d) = (from..to).find_map(|i| date_line(dom, i)) {
            return Some(d);
        }
    }
    None
}

/// How far around a byline element (in nodes) its date is looked for.
const BYLINE_DATE_BEFORE: usize = 12;
const BYLINE_DATE_AFTER: usize = 24;

/// The date text node `i` prints as a line of its own: the date with at most a label or a
/// byline around it (`Posted on March 3, 2024`, `By Jane Doe | March 3, 2024`), not a date
/// inside a sentence of the article ("As of July 31, 2025, the agency has received") nor one
/// in an embedded post or quotation. A `<time>` element's machine-readable `datetime` is read
/// over its text.
fn date_line(dom: &Dom<'_>, i: usize) -> Option<String> {
    let node = &dom.nodes[i];
    if node.el.is_some() {
        return None;
    }
    let t = node.text.trim();
    let len = t.len();
    if !(6..=80).contains(&len) || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let parent = dom.nodes[node.parent].tag;
    if matches!(
        parent,
        "script" | "style" | "noscript" | "textarea" | "option"
    ) {
        return None;
    }
    let (found, start, end) = find_date_span(t)?;
    let rest = format!("{} {}", &t[..start], &t[end..]);
    let words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    let labelled = {
        let lower = rest.to_lowercase();
        [
            "publish", "posted", "updated", "modified", "date", "written", "created",
        ]
        .iter()
        .any(|l| lower.contains(l))
    };
    if words > 10 || (words > 5 && !labelled) {
        return None;
    }
    // Embedded posts (`<blockquote class="twitter-tweet">`) and quotations carry their own
    // dates, not the article's.
    if dom
        .ancestors(i)
        .take(8)
        .any(|a| dom.nodes[a].tag == "blockquote")
    {
        return None;
    }
    // A masthead's clock (`<p id="todays-date">Friday, December 19, 2025</p>`) prints the
    // day the page was fetched.
    if dom.ancestors(i).take(3).any(|a| {
        let names = dom.class_id(a);
        names.contains("today") || names.contains("current-date") || names.contains("currentdate")
    }) {
        return None;
    }
    if parent == "time" {
        if let Some(d) = dom.attr(node.parent, "datetime").and_then(parse_any_date) {
            return Some(d);
        }
    }
    Some(found)
}

/// How far before and after the headline (in nodes) a printed date is looked for.
const VISIBLE_DATE_BEFORE: usize = 120;
const VISIBLE_DATE_AFTER: usize = 400;

/// A publication date in a script's data (`"datePublished":"2024-03-03"`,
/// `publishedAt: "2024-03-03T10:00:00Z"`), for pages that render in the browser and say it
/// nowhere else.
fn script_date(dom: &Dom<'_>) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#"(?i)\\?"?(?:date_?published|published_?(?:at|date|on|time)|publish_?date|first_?published(?:_?at)?)\\?"?\s*[:=]\s*\\?"(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)"#)
            .expect("valid regex")
    });
    dom.nodes
        .iter()
        .filter(|node| node.el.is_none() && dom.nodes[node.parent].tag == "script")
        .find_map(|node| {
            re.captures(node.text)
                .and_then(|c| parse_any_date(c.get(1)?.as_str()))
        })
}
