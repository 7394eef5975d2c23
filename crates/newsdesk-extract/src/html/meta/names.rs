//! Who a byline names: the raw author strings of metadata and pages cleaned into people's
//! names (a job title, credentials, an e-mail address, "Posted by" and the date after it go),
//! and the tests of what is a person's name and what is an outlet's, a team's or a phrase.

use super::*;

/// Separators between the segments of a byline: each segment is a name, a group of names
/// joined by "and", a job title (`Jane Doe, Head of Research and Development`) or a date
/// (`Posted by jdoe on Friday December 19, 2025`).
fn author_segment_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\s*(?:,|;|\||/|•|·|\n|\s+-\s+|\s+–\s+|\s+—\s+|\s+on\s+)\s*")
            .expect("valid regex")
    })
}

/// "and" and its kin, which join names inside a segment (and words inside a job title).
fn author_join_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\s*(?:&|\band\b|\bund\b|\bet\b|\by\b|\bwith\b)\s*").expect("valid regex")
    })
}

/// Co-writers named in brackets after the writer: "(with Jane Roe)", "(avec ... et ...)".
fn co_writers_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\s*\(\s*(?:with|avec|mit|con|com|met)\s+(?P<names>[^()]+?)\s*\)")
            .expect("valid regex")
    })
}

pub(super) fn author_prefix_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:this\s+(?:post|article|story|piece|guide|page)\s+(?:was\s+|is\s+)?)?(?:(?:written|posted|reported|reporting|authored|words|text|story|article|photos?)\s+)?(?:by|von|por|par|door|av|di|de|from|autor|auteur)(?:\s*:\s*|\s+)|^author\s*:\s*|^(?:by|autor|authors?|contributors?)\s*:\s*")
            .expect("valid regex")
    })
}

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\S+@\S+\.\S+").expect("valid regex"))
}

/// Words that mark a job title, an agency or a label rather than a person's name.
pub(super) fn is_non_name_word(word: &str) -> bool {
    matches!(
        word.to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric()),
        "staff"
            | "writer"
            | "writers"
            | "reporter"
            | "reporters"
            | "correspondent"
            | "columnist"
            | "columnists"
            | "editor"
            | "editors"
            | "editorial"
            | "contributor"
            | "contributing"
            | "newsroom"
            | "desk"
            | "team"
            | "agency"
            | "press"
            | "published"
            | "updated"
            | "posted"
            | "admin"
            | "administrator"
            | "news"
            | "wire"
            | "services"
            | "board"
            | "opinion"
            | "read"
            | "min"
            | "follow"
            | "email"
            | "twitter"
            | "share"
            | "print"
            | "save"
            | "comment"
            | "comments"
            | "reply"
            | "photo"
            | "photos"
            | "video"
            | "more"
            | "view"
            | "all"
            | "articles"
            | "posts"
            | "unknown"
            | "by"
            | "bio"
            | "biography"
            | "profile"
            | "about"
            | "author"
            | "authors"
            | "guest"
            | "anonymous"
            | "name"
            | "required"
            | "sign"
            | "login"
            | "says"
            | "wrote"
            | "insights"
            | "from"
            // Links that follow a "By" in consent lines ("By subscribing you agree to our
            // Privacy Policy").
            | "privacy"
            | "policy"
            | "terms"
            | "cookie"
            | "cookies"
            | "subscribe"
            | "subscribing"
            | "newsletter"
            | "advertisement"
            // Words of organisations' names ("South Carolina Learning Network").
            | "network"
            | "institute"
            | "university"
            | "college"
            | "foundation"
            | "association"
            | "society"
            | "council"
            | "clinic"
            | "hospital"
            | "company"
            | "inc"
            | "llc"
            | "ltd"
            | "corp"
            | "group"
            | "collective"
            | "hotel"
            | "hotels"
            | "firm"
            | "firms"
            | "companies"
            | "consultants"
            | "strategy"
            | "media"
            | "magazine"
            | "journal"
            | "labs"
            | "solutions"
            | "systems"
            // Job titles printed under a name in author boxes.
            | "founder"
            | "co-founder"
            | "ceo"
            | "cto"
            | "coordinator"
            | "manager"
            | "director"
            | "executive"
            | "specialist"
            | "consultant"
            | "officer"
            | "president"
            | "strategist"
            | "analyst"
            | "marketing"
            | "head"
            | "senior"
            | "expert"
    )
}

/// Turns raw byline strings into people's names.
///
/// Splits on commas, `and`, `&` and the like, strips `By`, and drops what is not a person: the
/// outlet's name, e-mail addresses, URLs, dates, job titles and labels. Deduplicates and keeps
/// at most ten, because a longer list is a mistake (a page's every author link), not a byline.
pub fn clean_authors(raw: &[String], sites: &[String], host: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    // Lines first: cleaning collapses the line breaks that separate a name from its job title.
    for r in raw.iter().flat_map(|r| r.split('\n')) {
        let r = clean_text(r);
        if r.is_empty() || r.contains("://") || r.starts_with("www.") {
            continue;
        }
        let r = email_re().replace_all(&r, " ");
        let r = author_prefix_re().replace(r.trim(), "");
        // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": co-writers in brackets.
        let r = co_writers_re().replace_all(&r, ", $names");
        let mut named = false;
        // Segments with the separator before each: what follows "on" is a day or a place
        // ("jdoe on Friday", "Jane Doe on Facebook", "on behalf of"), never a name.
        let mut segments = Vec::new();
        let mut last = 0;
        let mut after_on = false;
        for m in author_segment_re().find_iter(&r) {
            segments.push((&r[last..m.start()], after_on));
            after_on = m.as_str().trim() == "on";
            last = m.end();
        }
        segments.push((&r[last..], after_on));
        for (segment, after_on) in segments {
            // A job title after a name, whole: "Head of Marketing and Community Development"
            // is one title, not a title and a person.
            if after_on || (named && segment.split_whitespace().any(is_non_name_word)) {
                continue;
            }
            // A job in lowercase after a name ("Jane Doe, MD, gastroenterologist, Parkview
            // Health"): what follows it is where she works, not another writer.
            if named && segment.trim().starts_with(|c: char| c.is_lowercase()) {
                break;
            }
            let parts: Vec<String> = author_join_re()
                .split(segment)
                .map(|part| {
                    author_prefix_re()
                        .replace(part.trim(), "")
                        .trim_matches(|c: char| {
                            !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')'
                        })
                        .trim()
                        .to_owned()
                })
                .collect();
            // "Center for Drug Evaluation and Research": the "and" joins words of a phrase,
            // not names.
            if parts.len() > 1 && parts.iter().any(|p| is_phrase(p)) {
                continue;
            }
            // "Top 11 Workforce Solutions & Consulting Firms": a headline's words joined by the
            // "&", not names (a teaser in an author-classed box).
            if parts.len() > 1
                && parts.iter().any(|p| {
                    p.split_whitespace().count() >= 3
                        && p.split_whitespace()
                            .any(|w| w.chars().any(|c| c.is_ascii_digit()) || is_non_name_word(w))
                })
            {
                continue;
            }
            for name in parts {
                // "ByJane Doe": a "By" label glued to the name by markup (`<span>By</span><a>`).
                let name = match name.strip_prefix("By") {
                    Some(rest) if rest.starts_with(|c: char| c.is_uppercase()) => rest.to_owned(),
                    _ => name,
                };
                // A sentence's full stop goes; an abbreviation's ("Ph.D.", "Jr.") stays.
                let last_word = name.rsplit(' ').next().unwrap_or("");
                let abbreviation = last_word.trim_end_matches('.').contains('.')
                    || matches!(last_word, "Jr." | "Sr.");
                let name = if abbreviation {
                    name
                } else {
                    name.trim_end_matches('.').to_owned()
                };
                // "Jane Doe, MD, PhD": credentials stay with the name they follow, once.
                if !out.is_empty() && is_credentials(&name) {
                    if let Some(prev) = out.last_mut() {
                        let already = prev.split(", ").skip(1).any(|c| c == name);
                        if prev.len() < 80 && !already {
                            prev.push_str(", ");
                            prev.push_str(&name);
                        }
                    }
                    continue;
                }
                // Credentials with no name before them ("Travel Editor, SMT" with the job title
                // dropped) are no one.
                if out.is_empty() && is_credentials(&name) {
                    continue;
                }
                // A host that spells a writer's name is the writer's own domain ("John
                // Scalzi" on scalzi.com), not a sign that the name is the outlet's.
                let outlet = matches_site(&name, sites, None)
                    || (matches_site(&name, &[], host)
                        && !host.is_some_and(|h| owns_host(&name, h, Ownership::Byline)));
                if !is_person_name(&name) || outlet || newsdesk_text::is_place_name(&name) {
                    continue;
                }
                named = true;
                let key = normalize_key(&name);
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                out.push(name);
                if out.len() >= 10 {
                    return out;
                }
            }
        }
    }
    out
}

/// Degrees and titles written after a name: `MD`, `Ph.D.`, `RD`, `E-RYT 200`, `FACLM`.
pub(super) fn is_credentials(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    // Two capitalised words are more likely a shouted name ("JOHN SMITH") than two degrees,
    // unless dots or digits mark them ("M.D. FACLM", "E-RYT 200").
    let marked = words.len() == 1 || part.contains(['.', '-']) || part.contains(char::is_numeric);
    marked
        && words.len() <= 3
        && words.iter().all(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let lower = w.chars().filter(|c| c.is_lowercase()).count();
            w.chars().count() <= 8
                && (w.chars().all(|c| c.is_ascii_digit())
                    || (letters >= 2 && lower == 0)
                    || matches!(
                        w.trim_end_matches('.'),
                        "PhD"
                            | "Ph.D"
                            | "MSc"
                            | "BSc"
                            | "MBA"
                            | "MPH"
                            | "DrPH"
                            | "PharmD"
                            | "Jr"
                            | "Sr"
                    ))
        })
        && words.iter().any(|w| w.chars().any(|c| c.is_alphabetic()))
}

/// Whether a later word of `name` starts in lowercase, other than a name's particles
/// ("Ludwig van Beethoven"): that marks a phrase ("Personal finance", "Extension horticulture
/// educators"), not a name.
fn is_phrase(name: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin",
        "ibn", "al", "el", "y", "dos", "das", "do", "ten", "ter", "zu", "af",
    ];
    name.split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(char::is_lowercase) && !PARTICLES.contains(&w))
}

pub(super) fn is_person_name(name: &str) -> bool {
    let chars = name.chars().count();
    if !(2..=60).contains(&chars) {
        return false;
    }
    if name
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '@' | ':' | '/' | '!' | '?'))
    {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || words.iter().any(|w| is_non_name_word(w)) {
        return false;
    }
    // Names start with a capital in scripts that have case; lowercase leftovers are words.
    let first = name.chars().next().unwrap_or(' ');
    if first.is_lowercase() || !first.is_alphabetic() {
        return false;
    }
    if is_phrase(name) {
        return false;
    }
    crate::dates::parse_date(name).is_none()
}
