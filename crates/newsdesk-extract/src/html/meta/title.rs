//! The site's name and the article's title: the site as the page names itself (`og:site_name`
//! without its slogan, or the part of the `<title>` its host spells), and the headline chosen
//! among the printed `<h1>`, the metadata's titles and the `<title>` less the site's name.

use super::*;

/// The site's own name in a domain (`www.dailyexample.co.uk` → `dailyexample`).
fn host_label(host: &str) -> Option<String> {
    let labels: Vec<&str> = host
        .split('.')
        .filter(|l| !l.is_empty() && !matches!(*l, "www" | "m" | "amp" | "mobile" | "edition"))
        .collect();
    // Drop the public suffix roughly: the TLD, and a second-level label like `co` or `com`.
    let mut core: Vec<&str> = labels.clone();
    if core.len() > 1 {
        core.pop();
    }
    if core.len() > 1
        && matches!(
            *core.last()?,
            "co" | "com" | "org" | "net" | "gov" | "ac" | "edu" | "ne" | "or"
        )
    {
        core.pop();
    }
    core.last().map(|s| s.to_ascii_lowercase())
}

/// The site's name without what `og:site_name` adds to it: a slogan after a separator
/// (`Aktuálně.cz - Víte, co se právě děje`) or the domain's ending (`Libération.fr`): the name
/// the structured data gives, where `og:site_name` starts with it and goes on past a word's
/// end; failing that, the part before a separator when the host spells it (`CNX Software -
/// Embedded Systems News` on cnx-software.com).
pub fn plain_site_name<'a>(
    og: &str,
    structured: impl IntoIterator<Item = Option<&'a str>>,
    host: Option<&str>,
) -> String {
    let og = og.trim();
    let decorated = |name: &str| {
        let name = name.trim();
        !name.is_empty()
            && name.len() < og.len()
            && og.get(..name.len()).is_some_and(|head| {
                head.to_lowercase() == name.to_lowercase()
                    && og[name.len()..].starts_with(|c: char| !c.is_alphanumeric())
            })
    };
    if let Some(name) = structured.into_iter().flatten().find(|n| decorated(n)) {
        return name.trim().to_owned();
    }
    let first = [" | ", " - ", " – ", " — ", " • ", " » ", " · "]
        .iter()
        .filter_map(|sep| og.find(sep))
        .min();
    if let Some(at) = first {
        let head = og[..at].trim();
        if !head.is_empty() && matches_site(head, &[], host) {
            return head.to_owned();
        }
    }
    og.to_owned()
}

/// The site's name as a `<title>` brands the page with it (`Travel Insurance Quotes | GEICO`
/// on geico.com): the first or last part, at a separator, that the host spells. None where the
/// host is unknown or spells no part: a part's words alone do not tell a site from a section.
pub fn site_from_title(title: &str, host: Option<&str>) -> Option<String> {
    host?;
    let title = clean_text(title);
    let cuts: Vec<(usize, usize)> = TITLE_SEPARATORS
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(|(i, m)| (i, i + m.len())))
        .collect();
    let last = cuts
        .iter()
        .max_by_key(|c| c.0)
        .map(|&(_, end)| &title[end..]);
    let first = cuts
        .iter()
        .min_by_key(|c| c.0)
        .map(|&(start, _)| &title[..start]);
    let found = [last, first]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|part| {
            !part.is_empty()
                && part.split_whitespace().count() <= 5
                && matches_site(part, &[], host)
        })
        .map(str::to_owned);
    found
}

/// A description as text: markup some sites leave in it (`<p>I did <a href=...>Advent of
/// Code</a>`) goes; a style sheet set there by mistake (`hr { clear: both; } @media ...`) is
/// no description.
pub fn plain_description(raw: &str) -> Option<String> {
    static TAG: OnceLock<Regex> = OnceLock::new();
    static RULE: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| Regex::new(r"</?[A-Za-z][^<>]{0,300}>").expect("valid regex"));
    let rule = RULE
        .get_or_init(|| Regex::new(r"[\w\]\)*-]\s*\{\s*[a-z-]+\s*:[^{}]*\}").expect("valid regex"));
    let text = clean_text(&tag.replace_all(raw, " "));
    (!text.is_empty() && !rule.is_match(&text)).then_some(text)
}

/// Whether a piece of a title (or a byline name) is the outlet's name.
pub fn matches_site(part: &str, sites: &[String], host: Option<&str>) -> bool {
    names_site(part, sites, host, false)
}

/// Whether a headline, or the part before a title's first separator, is the site's branding
/// rather than words of its own: it is the site's name (or its domain's), a piece of it, or
/// holds it as at least half of itself ("Harbour Times Tech" for "Harbour Times"). A headline
/// that names the site among words of its own ("How we designed Acme's task queue") is not.
fn is_branding(part: &str, sites: &[String], host: Option<&str>) -> bool {
    names_site(part, sites, host, true)
}

/// [`matches_site`], and with `mostly` [`is_branding`]: where `part` holds a name among other
/// words, the name must be at least half of it.
fn names_site(part: &str, sites: &[String], host: Option<&str>, mostly: bool) -> bool {
    let key = normalize_key(part);
    if key.is_empty() {
        return false;
    }
    let chars = key.chars().count();
    let holds = |name: &str| key.contains(name) && (!mostly || name.chars().count() * 2 >= chars);
    for site in sites {
        let s = normalize_key(site);
        if s.is_empty() {
            continue;
        }
        if s == key || (key.len() >= 4 && s.contains(&key)) || (s.len() >= 4 && holds(&s)) {
            return true;
        }
    }
    if let Some(label) = host.and_then(host_label) {
        let label: String = label.chars().filter(|c| c.is_alphanumeric()).collect();
        if label.len() >= 3
            && (key == label || holds(&label) || (key.len() >= 4 && label.contains(&key)))
        {
            return true;
        }
    }
    false
}

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " ~ ", " : ",
];

/// Removes a site-name suffix or prefix (`Storm hits coast | Daily Example`).
///
/// A part is removed when it matches the site's name or domain; failing that, a trailing part
/// of at most four words after a `|` is dropped when the title before it is longer, since that
/// is how sites brand titles. Other separators are too common inside real headlines to cut on
/// length alone.
pub fn strip_site(title: &str, sites: &[String], host: Option<&str>) -> String {
    let title = title.trim();
    // A separator with nothing on one side (`<title> | Nuts & Volts Magazine`: a page whose
    // template left its own title out) goes.
    for sep in TITLE_SEPARATORS {
        let sep = sep.trim();
        let rest = title
            .strip_prefix(sep)
            .filter(|r| r.starts_with(char::is_whitespace))
            .or_else(|| {
                title
                    .strip_suffix(sep)
                    .filter(|r| r.ends_with(char::is_whitespace))
            });
        if let Some(rest) = rest.filter(|r| !r.trim().is_empty()) {
            return strip_site(rest, sites, host);
        }
    }
    // A share text's credit (`Hybrid and EV Buying Guide via @ConsumerReports`, in
    // `twitter:title`) is branding too.
    if let Some((head, handle)) = title.rsplit_once(" via @") {
        if !head.trim().is_empty()
            && !handle.is_empty()
            && handle.chars().all(|c| c.is_alphanumeric() || c == '_')
        {
            return strip_site(head, sites, host);
        }
    }
    // The site's domain before or after the title with no separator (`example.com Vibe
    // Coding`).
    if let Some(host) = host.map(|h| h.trim_start_matches("www.")) {
        let is_host = |w: &str| w.trim_start_matches("www.").eq_ignore_ascii_case(host);
        // Only where words follow; a separator after the domain is handled below.
        let wording = |s: &str| s.trim().starts_with(char::is_alphanumeric);
        if let Some((head, rest)) = title.split_once(' ') {
            if is_host(head) && wording(rest) {
                return strip_site(rest, sites, Some(host));
            }
        }
        if let Some((rest, tail)) = title.rsplit_once(' ') {
            if is_host(tail) && rest.trim().ends_with(char::is_alphanumeric) {
                return strip_site(rest, sites, Some(host));
            }
        }
    }
    let last = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i);
    if let Some((i, len)) = last {
        let (head, tail) = (title[..i].trim(), title[i + len..].trim());
        if !head.is_empty() && matches_site(tail, sites, host) {
            return strip_site(head, sites, host);
        }
    }
    let first = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i);
    if let Some((i, len)) = first {
        let (head, tail) = (title[..i].trim(), title[i + len..].trim());
        // "Site | site.com - Headline": each branding prefix goes.
        if !tail.is_empty() && is_branding(head, sites, host) {
            return strip_site(tail, sites, host);
        }
    }
    if let Some(i) = title.rfind(" | ") {
        let (head, tail) = (title[..i].trim(), title[i + 3..].trim());
        let tail_words = tail.split_whitespace().count();
        if tail_words <= 4 && head.split_whitespace().count() > tail_words {
            return strip_site(head, sites, host);
        }
    }
    title.to_owned()
}

/// Least word overlap (cosine of the word sets) between an `<h1>` and a metadata title for the
/// `<h1>` to be read as the same headline in its printed wording.
pub(super) const H1_AGREEMENT: f32 = 0.3;

/// Cosine similarity of the lowercase word sets of two strings; in scripts written without
/// spaces, the character pairs of each run are its words.
fn word_cosine(a: &str, b: &str) -> f32 {
    fn words(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .flat_map(script::runs)
            .flat_map(|(run, unspaced)| {
                if unspaced {
                    script::character_pairs(run)
                } else {
                    vec![run.to_lowercase()]
                }
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    shared as f32 / ((a.len() * b.len()) as f32).sqrt()
}

/// Picks the title. The headline as printed on the page (an `<h1>`) wins when the page's
/// metadata agrees it is the headline: same words, a `<title>` that starts with it, or enough
/// shared words that the metadata reads as a variant written for search engines or social
/// sites (publishers rewrite `og:title` for clicks; the `<h1>` is what readers see). Otherwise
/// the structured candidates, each with any site branding removed, then the `<h1>` that titles
/// the article by position. An `<h1>` the metadata does not vouch for is not taken over it,
/// even inside the article text: there it is as often a section heading or a pull quote set
/// as one (`But what they love is the sense of empowerment`).
///
/// `furniture_h1s` are the `<h1>`s of parts removed as page furniture: sites print the headline
/// in elements named like furniture (`article__meta`, a hero `<header>` with print-only
/// classes), so these are headlines too, but only where the metadata agrees.
#[allow(clippy::too_many_arguments)]
pub fn choose_title(
    ld_headline: Option<&str>,
    og_title: Option<&str>,
    twitter_title: Option<&str>,
    title_tag: Option<&str>,
    h1s: &[String],
    h1_pick: Option<usize>,
    furniture_h1s: &[String],
    sites: &[String],
    host: Option<&str>,
) -> Option<String> {
    let raw: Vec<&str> = [ld_headline, og_title, title_tag, twitter_title]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let cleaned: Vec<String> = raw.iter().map(|t| strip_site(t, sites, host)).collect();
    // Candidate headlines: not the site's name, not a paragraph.
    // A printed headline can carry branding or a section after a bar too
    // (`Storm hits coast | Opinion`): it goes as it does from metadata titles.
    // `<h1>`s come as their lines (a line break, or an inline element set as a block): read as
    // one line each, with the first line kept apart when there are more.
    let headline = |t: &str| {
        let t = t.replace('\n', " ");
        let h = t.trim();
        (!h.is_empty() && h.chars().count() <= 300 && !is_branding(h, sites, host))
            .then(|| strip_site(h, sites, host))
    };
    let heads: Vec<(usize, String)> = h1s
        .iter()
        .enumerate()
        .filter_map(|(k, t)| Some((k, headline(t)?)))
        .collect();
    // Headlines printed in parts of the page read as furniture (`<div class="article__meta">`
    // around the `<h1>`) count where the metadata vouches for them, never on position alone.
    let vouched: Vec<String> = heads
        .iter()
        .map(|(_, h)| h.clone())
        .chain(furniture_h1s.iter().filter_map(|t| headline(t)))
        .collect();
    let keys: Vec<String> = cleaned.iter().map(|c| normalize_key(c)).collect();
    // The same words as a metadata title: the printed form (its punctuation) is the headline,
    // unless the page also writes it with plain quotes where the `<h1>` has typographic ones
    // (the plain form is the one people type and search for).
    let typographic = |t: &str| t.contains(['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}']);
    for h in &vouched {
        let hk = normalize_key(h);
        let same: Vec<&String> = cleaned
            .iter()
            .zip(&keys)
            .filter(|(_, k)| !k.is_empty() && **k == hk)
            .map(|(c, _)| c)
            .collect();
        if same.is_empty() {
            continue;
        }
        if typographic(h) {
            if let Some(plain) = same
                .iter()
                .find(|c| !typographic(c) && c.contains(['\'', '"']))
            {
                return Some(tidy_title(plain));
            }
        }
        return Some(tidy_title(h));
    }
    // A headline over a line of its own (`Storm hits coast` over `Thousands without power`,
    // the second line a subtitle set as a block inside the `<h1>`): the first line, when it
    // is a metadata title's words.
    for h in h1s.iter().chain(furniture_h1s) {
        let Some((first, _)) = h.split_once('\n') else {
            continue;
        };
        let Some(first) = headline(first) else {
            continue;
        };
        let fk = normalize_key(&first);
        if script::word_count(&first) >= 2 && keys.iter().any(|k| !k.is_empty() && *k == fk) {
            return Some(tidy_title(&first));
        }
    }
    // An `<h1>` that prints the metadata title with its characters lost to a wrong encoding
    // (`Beginner? Guide` for `Beginner's Guide`), or runs it into an aggregator's furniture (the
    // source's domain, a comment count: `Grads Find No Jobs (latimes.com) 87`): the metadata
    // title as written.
    for h in &vouched {
        if let Some(c) = cleaned
            .iter()
            .find(|c| !c.is_empty() && (lost_characters(h, c) || ends_in_furniture(h, c)))
        {
            return Some(tidy_title(c));
        }
    }
    // An `<h1>` that prints a label or a date before the metadata title (`Blog: Ten tips`,
    // `Dec 18 2025 Ten tips`): the title without it.
    for h in &vouched {
        for c in &cleaned {
            let words = c.split_whitespace().count();
            let Some(cut) = h
                .char_indices()
                .filter(|(i, ch)| *i > 0 && ch.is_whitespace() || h[*i..].starts_with(':'))
                .map(|(i, _)| i)
                .find(|&i| {
                    let rest = h[i..].trim_start_matches([':', ' ']);
                    rest.split_whitespace().count() == words
                })
            else {
                continue;
            };
            let (prefix, rest) = (h[..cut].trim(), h[cut..].trim_start_matches([':', ' ']));
            let label = h[cut..].starts_with(':') && prefix.split_whitespace().count() <= 3;
            let date =
                find_date_in_text(prefix).is_some() && prefix.split_whitespace().count() <= 4;
            if words >= 3 && (label || date) && normalize_key(rest) == normalize_key(c) {
                return Some(tidy_title(c));
            }
        }
    }
    // A `<title>` that starts with the `<h1>` plus branding we could not recognise.
    if let Some(h) = vouched.iter().find(|h| {
        let hk = normalize_key(h);
        hk.chars().count() >= 8 && raw.iter().any(|t| normalize_key(t).starts_with(&hk))
    }) {
        return Some(tidy_title(h));
    }
    // A rewording of the metadata title: about as long as it, not a paragraph that shares
    // its words (a standfirst set as `<h1>`).
    let longest_meta = raw.iter().map(|t| script::word_count(t)).max().unwrap_or(0);
    let agreeing = vouched
        .iter()
        .filter(|h| {
            let words = script::word_count(h);
            words >= 2 && words <= 2 * longest_meta + 2
        })
        .map(|h| {
            let sim = raw.iter().map(|t| word_cosine(h, t)).fold(0.0f32, f32::max);
            (h.as_str(), sim)
        })
        .filter(|(_, sim)| *sim >= H1_AGREEMENT)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((h, _)) = agreeing {
        return Some(tidy_title(h));
    }
    // The structured candidates, a cut-off one (`... Solutions (Including`) completed by one
    // that goes on with the same words.
    let first = cleaned.iter().zip(&keys).find(|(c, _)| !c.is_empty());
    let whole = first.map(|(c, k)| {
        cleaned
            .iter()
            .zip(&keys)
            .filter(|(c2, k2)| {
                // The same words going on, not branding after a separator (`Title — Site`).
                let goes_on = c2.strip_prefix(c.as_str()).is_some_and(|rest| {
                    rest.starts_with(' ')
                        && rest
                            .trim_start()
                            .starts_with(|ch: char| ch.is_alphanumeric() || ch == '(')
                });
                k2.len() > k.len() && goes_on
            })
            .max_by_key(|(_, k2)| k2.len())
            .map_or(c, |(c2, _)| c2)
    });
    whole
        .cloned()
        .or_else(|| {
            let pick = h1_pick.and_then(|k| heads.iter().find(|(i, _)| *i == k));
            pick.or(heads.first()).map(|(_, h)| h.clone())
        })
        .map(|t| tidy_title(&t))
}

/// Whether `printed` is `title` with some of its characters lost to a wrong encoding: each
/// `?` of `printed` where `title` has one to three other characters (`Beginner? Guide` for
/// `Beginner’s Guide`), and everything else the same.
fn lost_characters(printed: &str, title: &str) -> bool {
    fn matches(p: &[char], t: &[char], lost: usize) -> bool {
        match (p.first(), t.first()) {
            (None, None) => lost > 0,
            (Some('?'), Some(&c)) => {
                (c == '?' && matches(&p[1..], &t[1..], lost))
                    || (lost < 4
                        && (1..=3).any(|n| {
                            n <= t.len()
                                && t[..n].iter().all(|c| !c.is_whitespace() && *c != '?')
                                && matches(&p[1..], &t[n..], lost + 1)
                        }))
            }
            (Some(a), Some(b)) => a == b && matches(&p[1..], &t[1..], lost),
            _ => false,
        }
    }
    let p: Vec<char> = single_spaced(printed).chars().collect();
    let t: Vec<char> = single_spaced(title).chars().collect();
    p.contains(&'?') && p.len() <= 300 && matches(&p, &t, 0)
}

/// The words of `s` with one space between each.
pub fn single_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `printed` is `title` followed only by what a link aggregator prints after a
/// headline: the source's domain in brackets and a count (`(latimes.com) 87`).
fn ends_in_furniture(printed: &str, title: &str) -> bool {
    let printed = single_spaced(printed);
    let title = single_spaced(title);
    let Some(rest) = printed.strip_prefix(title.as_str()) else {
        return false;
    };
    let domain = |w: &str| {
        w.strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .is_some_and(|d| {
                let labels: Vec<&str> = d.split('.').collect();
                labels.len() >= 2
                    && labels.iter().all(|l| {
                        !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                    && labels
                        .last()
                        .is_some_and(|l| l.chars().all(|c| c.is_ascii_alphabetic()))
            })
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    rest.starts_with(' ')
        && words.iter().any(|w| domain(w))
        && words
            .iter()
            .all(|w| domain(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// A title as text: without Markdown heading marks (`## Title` from pages rendered out of
/// Markdown) or quotes around the whole of it. Typographic quotes stay as the page prints them.
pub fn tidy_title(title: &str) -> String {
    // Entities escaped twice by the page (`SQL &#x26; AI` as printed text).
    let mut t = if title.contains('&') {
        clean_text(title)
    } else {
        title.trim().to_owned()
    };
    // `## Title`, not `#1 Best Title`.
    let hashes = t.trim_start_matches('#');
    if hashes.len() < t.len() && hashes.starts_with(char::is_whitespace) {
        let rest = hashes.trim_start();
        if !rest.is_empty() {
            t = rest.to_owned();
        }
    }
    let inner = t.trim();
    let quoted = [('"', '"'), ('\u{201C}', '\u{201D}')]
        .into_iter()
        .find(|(open, close)| inner.starts_with(*open) && inner.ends_with(*close));
    if let Some((open, close)) = quoted.filter(|_| inner.chars().count() >= 3) {
        let core = &inner[open.len_utf8()..inner.len() - close.len_utf8()];
        if !core.contains(['"', '\u{201C}', '\u{201D}']) {
            t = core.trim().to_owned();
        }
    }
    // Full-width forms of ASCII (`Work？`) typed on a Chinese or Japanese keyboard into a title
    // in Latin letters are the plain characters; in a Chinese or Japanese title they stay.
    if t.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c))
        && !t
            .chars()
            .any(|c| script::is_unspaced(c) || script::is_hangul(c))
    {
        t = t
            .chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect();
    }
    t.trim().to_owned()
}
