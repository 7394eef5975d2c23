//! Who wrote the article: the declared writers, the printed byline, co-writers beside it, a
//! guest's labelled byline, a writer's card; and a person's own site, whose owner writes it.

use super::*;

/// Byline candidates, strongest evidence first: JSON-LD people, `<meta>` authors, then
/// byline elements in or just before the article. When the page names no person at all but
/// its structured data names an author that is not a person (a company blog's
/// `"author": {"@type": "Organization"}`, a username, "The Editors"), that is what the page
/// says wrote it, and it is returned as written.
pub fn authors(
    dom: &Dom<'_>,
    page: &PageMeta,
    ld: &LdInfo,
    analysis: &Analysis,
    sites: &[String],
    host: Option<&str>,
) -> Vec<String> {
    // On a person's own site the site's name is the writer's, not an outlet's: it stays a
    // byline, and it is the byline when the page names no one else.
    let personal =
        personal_site(ld, sites).or_else(|| host.and_then(|h| host_owner(page, sites, h)));
    let own_sites: Vec<String>;
    let (sites, host) = match &personal {
        Some(p) => {
            let key = normalize_key(p);
            own_sites = sites
                .iter()
                .filter(|s| normalize_key(s) != key)
                .cloned()
                .collect();
            (own_sites.as_slice(), None)
        }
        None => (sites, host),
    };
    let inside = |i: usize| analysis.chosen.iter().any(|&c| dom.contains(c, i));
    // Structured data often names only the first of several writers (one `author` field);
    // the byline printed in or before the article, listing that writer with others, is the
    // whole list.
    let with_coauthors = |declared: Vec<String>| {
        if declared.len() != 1 {
            return declared;
        }
        let key = normalize_key(&declared[0]);
        page.bylines
            .iter()
            .filter(|(i, _)| inside(*i) || *i < analysis.main)
            .filter(|(i, t)| dom.nodes[*i].tag == "a" && normalize_key(t.trim()) == key)
            .map(|(i, _)| coauthor_run(dom, page, *i, sites, host))
            .find(|run| run.len() > 1)
            .unwrap_or(declared)
    };
    // In the article, then before it, then an author box after it
    // (`<div class="post-author-name">`), only the first few so that teasers further down do
    // not count.
    let places = BylinePlaces::of(dom, page, analysis);
    let ordered: Vec<&(usize, String)> = places
        .inside
        .iter()
        .chain(&places.before)
        .chain(places.after.iter().take(2))
        .copied()
        .collect();
    // One byline element is the byline; taking every author link on the page is not. A bare
    // one-word label in an `author`-classed element is more often a category or a button
    // than a name, and one among others means the element holds furniture ("Share", "AA",
    // "Small", "Large") besides any name.
    let read_byline = |byline: &(usize, String)| -> Vec<String> {
        let (i, t) = (&byline.0, &byline.1);
        // The shortest labelled byline inside a wider byline element is the precise one:
        // the wider element runs the name into the writer's job ("Written By: Celeste Longacre
        // Gardener & Astrologer", each in its own `<span>`).
        let inner = page
            .bylines
            .iter()
            .filter(|(j, u)| {
                j > i
                    && dom.contains(*i, *j)
                    && !u.contains('\n')
                    && author_prefix_re().is_match(u.trim())
                    && u.trim() != t.trim()
            })
            .map(|(_, u)| (u, clean_authors(std::slice::from_ref(u), sites, host)))
            .filter(|(_, names)| !names.is_empty())
            .min_by_key(|(u, _)| u.len());
        let (t, found) = match inner {
            Some(found) => found,
            None => (t, clean_authors(std::slice::from_ref(t), sites, host)),
        };
        // "By <a>A. J. Neal</a> <a>View in digital edition</a>": a labelled element that
        // runs the name into other links; the link right after the label is the name
        // (not one further on: "By subscribing you agree to our <a>Privacy Policy</a>").
        let found = if found.is_empty() && author_prefix_re().is_match(t.trim()) {
            let end = dom.nodes[*i].end.min(dom.len());
            (*i..end)
                .find(|&j| dom.nodes[j].tag == "a")
                .filter(|&a| {
                    let before: String = (*i..a)
                        .filter(|&k| dom.nodes[k].el.is_none())
                        .map(|k| dom.nodes[k].text)
                        .collect();
                    let label = format!("{} ", before.trim());
                    author_prefix_re().replace(&label, "").trim().is_empty()
                })
                .map(|a| clean_authors(&[dom.text_of(a, 100)], sites, host))
                .unwrap_or_default()
        } else {
            found
        };
        let explicit = has_rel_author(dom, *i)
            || author_prefix_re().is_match(t.trim())
            || names_own_page(dom, *i, &found);
        if !explicit && found.iter().any(|n| !n.contains(' ')) {
            Vec::new()
        } else if found.len() == 1 {
            // One writer's link, or a label over it: the links printed beside it are
            // co-writers (`<a>Rui Ma</a>, <a>Heba Ledwon</a>`).
            let link = (*i..dom.nodes[*i].end.max(*i + 1))
                .find(|&j| dom.nodes[j].tag == "a" && is_writer_link(dom, j));
            match link.map(|l| coauthor_run(dom, page, l, sites, host)) {
                Some(run) if run.len() > 1 && run.contains(&found[0]) => run,
                _ => found,
            }
        } else {
            found
        }
    };

    // A byline printed with its label ("By Jane Doe") at the head of the article or in it,
    // naming only people the declared author is not: a guest writer's piece, declared under
    // the account of whoever posted it.
    let over_declared = |declared: Vec<String>| -> Vec<String> {
        // Under the headline: the printed headline nearest before the text, or the first in it.
        let Some(headline) = (0..analysis.main.min(dom.len()))
            .rev()
            .chain(analysis.main..dom.len())
            .find(|&h| dom.nodes[h].tag == "h1" && (h < analysis.main || inside(h)))
        else {
            return declared;
        };
        // Before the text: ahead of its first paragraph of prose, so that a caption's or a
        // teaser's "by" in the text is not taken.
        let text_starts = std::cell::OnceCell::new();
        let before_text = |i: usize| {
            i < *text_starts.get_or_init(|| {
                (analysis.main..dom.len())
                    .find(|&p| {
                        dom.nodes[p].tag == "p" && inside(p) && dom.text_of(p, 200).len() >= 80
                    })
                    .unwrap_or(dom.len())
            })
        };
        let printed = ordered
            .iter()
            .filter(|(i, t)| {
                *i > headline
                    && (*i < analysis.main || (inside(*i) && before_text(*i)))
                    && author_prefix_re().is_match(t.trim())
            })
            .map(|b| read_byline(b))
            .find(|names| !names.is_empty());
        let keys: Vec<String> = declared.iter().map(|d| normalize_key(d)).collect();
        match printed {
            Some(names)
                if names
                    .iter()
                    .all(|n| person_shaped(n) && !keys.iter().any(|k| *k == normalize_key(n))) =>
            {
                names
            }
            _ => declared,
        }
    };
    let from_ld = clean_authors(&ld.authors, sites, host);
    if !from_ld.is_empty() {
        return over_declared(with_coauthors(from_ld));
    }
    let mut meta_values: Vec<String> = [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "citation_author",
        "citation_authors",
        "article.author",
    ]
    .iter()
    .flat_map(|key| {
        let scholarly = matches!(
            *key,
            "dc.creator" | "dcterms.creator" | "citation_author" | "citation_authors"
        );
        page.metas_all(&[key]).into_iter().map(
            move |v| {
                if scholarly {
                    surname_last(&v)
                } else {
                    v
                }
            },
        )
    })
    .collect();
    // Yoast and Ghost print the writer as a labelled pair for link previews
    // (`twitter:label1` "Written by", `twitter:data1` the name); an interview's is its
    // interviewer ("Interview by").
    for n in 1..=4 {
        let label = page.meta(&[format!("twitter:label{n}").as_str()]);
        if label.is_some_and(|l| {
            let l = l.trim().trim_end_matches(':').trim_end();
            [
                "written by",
                "author",
                "authors",
                "by",
                "words by",
                "story by",
                "interview by",
                "interviewed by",
            ]
            .iter()
            .any(|w| l.eq_ignore_ascii_case(w))
        }) {
            if let Some(v) = page.meta(&[format!("twitter:data{n}").as_str()]) {
                meta_values.push(v.to_owned());
            }
        }
    }
    let from_meta = clean_authors(&meta_values, sites, host);
    if !from_meta.is_empty() {
        return over_declared(with_coauthors(from_meta));
    }
    let item: Vec<String> = page
        .itemprops
        .iter()
        .filter(|(_, p, _)| {
            p.split_whitespace()
                .any(|x| x == "author" || x == "creator")
        })
        .map(|(_, _, v)| v.clone())
        .collect();
    let from_items = clean_authors(&item, sites, host);
    if !from_items.is_empty() {
        return from_items;
    }
    let from_bylines = ordered
        .iter()
        .map(|b| read_byline(b))
        .find(|a| !a.is_empty());
    if let Some(found) = from_bylines {
        return found;
    }
    if let Some(writer) = date_line_writer(dom, analysis, sites, host) {
        return vec![writer];
    }
    // A writer's card: the picture of a person captioned with their name, in or before the
    // article (the nearest first), else the first after it (an author box below).
    let portrait = page
        .portraits
        .iter()
        .rfind(|(i, _)| inside(*i) || *i < analysis.main)
        .or_else(|| page.portraits.iter().find(|(i, _)| *i > analysis.main))
        .map(|(_, name)| clean_authors(std::slice::from_ref(name), sites, host))
        .filter(|names| !names.is_empty());
    if let Some(names) = portrait {
        return names;
    }
    // No person anywhere: the declared author as written ("The Editors", a team, a user
    // name) — but never the outlet itself: a byline names who wrote the piece, and the outlet
    // is the site name already.
    let declared = ld
        .org_authors
        .iter()
        .chain(&ld.authors)
        .chain(&meta_values)
        .filter(|v| !sites.iter().any(|s| s.eq_ignore_ascii_case(v.trim())))
        .find_map(|v| declared_author(v));
    if declared.is_some() {
        return declared.into_iter().collect();
    }
    // A team named in the visible byline ("Podium Staff", "The Upwork Team").
    let team: Vec<String> = ordered
        .iter()
        .filter_map(|(_, t)| declared_author(t.lines().next().unwrap_or("")))
        .find(|v| is_team_name(v))
        .into_iter()
        .collect();
    if !team.is_empty() {
        return team;
    }
    personal.into_iter().collect()
}

/// Whether element `i` declares itself the writer's (`rel="author"`).
fn has_rel_author(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, "rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
}

/// Whether element `i` is, or holds, a link to a writer's page named for the one name found
/// in it (`<a href="/author/yucy/">Yucy</a>`): a one-word name is then a pen name, not a
/// button or a category.
fn names_own_page(dom: &Dom<'_>, i: usize, found: &[String]) -> bool {
    let [name] = found else { return false };
    let name = normalize_key(name);
    let end = dom.nodes[i].end.max(i + 1).min(dom.len());
    !name.is_empty()
        && (i..end).any(|a| {
            dom.nodes[a].tag == "a"
                && dom.attr(a, "href").is_some_and(|href| {
                    let path = href.split(['?', '#']).next().unwrap_or("");
                    is_author_href(path)
                        && path
                            .trim_end_matches('/')
                            .rsplit('/')
                            .next()
                            .is_some_and(|slug| normalize_key(slug) == name)
                })
        })
}

/// Whether element `a` (an `<a>`) links to a writer's page (`rel="author"`, `/author/jane-doe`).
fn is_writer_link(dom: &Dom<'_>, a: usize) -> bool {
    has_rel_author(dom, a) || dom.attr(a, "href").is_some_and(is_author_href)
}

/// The writers named by the run of writer links that starts at link `first`: each next link
/// follows the one before within a few nodes, under the same parent or grandparent, with only
/// separators between (`<a>Rui Ma</a>, <a>Heba Ledwon</a> & <a>Suparn Patra</a>`). A link
/// further on ("More articles from Rui Ma" in an author box below) or after another role's
/// label ("Fact-checked by") is not part of the run.
fn coauthor_run(
    dom: &Dom<'_>,
    page: &PageMeta,
    first: usize,
    sites: &[String],
    host: Option<&str>,
) -> Vec<String> {
    const GAP: usize = 12;
    let grandparent = |i: usize| dom.nodes[dom.nodes[i].parent].parent;
    let mut names = vec![dom.text_of(first, 100)];
    let mut last = first;
    for (j, t) in page.bylines.iter().filter(|(j, _)| *j > first) {
        let j = *j;
        if j > dom.nodes[last].end.max(last + 1) + GAP {
            break;
        }
        let node = &dom.nodes[j];
        if node.tag != "a"
            || !is_writer_link(dom, j)
            || (node.parent != dom.nodes[last].parent && grandparent(j) != grandparent(last))
        {
            continue;
        }
        // Only separators between the two ("," "&" "and"): a label ("Fact-checked by",
        // "Reviewed by") makes the next link another role's, not a co-writer's.
        let between = (dom.nodes[last].end.max(last + 1)..j)
            .filter(|&k| dom.nodes[k].el.is_none())
            .flat_map(|k| dom.nodes[k].text.split(|c: char| !c.is_alphanumeric()))
            .any(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"));
        if between {
            break;
        }
        names.push(t.clone());
        last = j;
    }
    if names.len() < 2 {
        return Vec::new();
    }
    clean_authors(&names, sites, host)
}

/// The site's name when the site is a person's own (a personal blog, a columnist's site): the
/// publisher is declared a `Person`, or the site is named like one ("Sam Bossley": two or three
/// capitalised words, the first a common first name).
fn personal_site(ld: &LdInfo, sites: &[String]) -> Option<String> {
    if ld.publisher_is_person {
        if let Some(p) = ld.publisher.as_deref().filter(|p| is_person_name(p)) {
            return Some(p.to_owned());
        }
    }
    // The writer, declared a person, under whose name the site goes.
    let named_site = |n: &String| {
        (2..=3).contains(&n.split_whitespace().count())
            && is_person_name(n)
            && !ends_in_organisation_word(n)
            && sites.iter().any(|s| normalize_key(s) == normalize_key(n))
    };
    if let Some(p) = ld.typed_person_authors.iter().find(|n| named_site(n)) {
        return Some(p.clone());
    }
    // "Jane Doe's blog".
    let owner = |s: &String| {
        let (name, rest) = s.split_once("'s ").or_else(|| s.split_once("\u{2019}s "))?;
        let rest = rest.trim().to_lowercase();
        let kind = matches!(
            rest.as_str(),
            "blog" | "weblog" | "site" | "website" | "homepage" | "home page" | "notes" | "journal"
        );
        (kind && (2..=3).contains(&name.split_whitespace().count()) && is_person_name(name))
            .then(|| name.trim().to_owned())
    };
    sites
        .iter()
        .find(|s| looks_like_personal_name(s))
        .cloned()
        .or_else(|| sites.iter().find_map(owner))
}

/// "Sam Bossley", "Anna van Dijk": a first name from the list, then one or two more words, all
/// letters, the last capitalised.
pub(super) fn looks_like_personal_name(s: &str) -> bool {
    s.split_whitespace()
        .next()
        .is_some_and(newsdesk_text::is_first_name)
        && person_shaped(s)
}

/// Two or three words of letters, the first and last capitalised, that could be a person's
/// name and are not an organisation's or a place's ("Toby Hede", "Anna van Dijk").
fn person_shaped(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        })
        && words[0].starts_with(char::is_uppercase)
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && !ends_in_organisation_word(s)
        && is_person_name(s)
        && !newsdesk_text::is_place_name(s)
}

/// How closely a name must match a host for the host to be that person's own domain.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ownership {
    /// A printed byline that would otherwise be taken for the outlet because the host spells
    /// it ("John Scalzi" on scalzi.com): its first word must be a common first name, and the
    /// host spell the whole name or the surname.
    Byline,
    /// The site's own words (its name, its title's suffix, its home link, its copyright
    /// line): any long word of the name may be the host's ("Melissa Neill" on neill.dev).
    Identity,
}

/// Whether `host` is the personal domain of the person `name`: it spells the name whole
/// ("Toby Hede", tobyhede.com), first and last ("Justin C. Meserole", justinmeserole.com), as
/// initial and surname ("John Scalzi", jscalzi.com), or, as [`Ownership`] allows, one of its
/// words (whatever.scalzi.com). Such a site's owner writes it, and the name is a byline, not
/// the outlet's.
pub(super) fn owns_host(name: &str, host: &str, how: Ownership) -> bool {
    // Companies name their domains after themselves just as people do ("Five Books",
    // fivebooks.com): only a common first name makes the name a person's.
    if !looks_like_personal_name(name) {
        return false;
    }
    let words: Vec<String> = name
        .split_whitespace()
        .map(normalize_key)
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let whole = words.concat();
    let first_last = format!("{first}{last}");
    let initial_last: String = first.chars().take(1).chain(last.chars()).collect();
    let labels: Vec<String> = host
        .split('.')
        .filter(|l| !l.is_empty() && !matches!(*l, "www" | "m" | "blog"))
        .map(str::to_ascii_lowercase)
        .collect();
    // The last label is the top-level domain, never a name.
    let named = labels.len().saturating_sub(1);
    labels[..named].iter().any(|l| {
        *l == whole
            || *l == first_last
            || (*l == initial_last && l.len() >= 5)
            || match how {
                Ownership::Byline => l == last && l.len() >= 4,
                Ownership::Identity => words.iter().any(|w| w.len() >= 4 && w == l),
            }
    })
}

/// The owner of a personal site named by its host: a person's name among the site's own words
/// (its names, the parts of its `<title>`, its home links, its copyright notices; each whole
/// or its first two or three words, "Erik Demaine Blog" as "Erik Demaine") that the host
/// spells.
fn host_owner(page: &PageMeta, sites: &[String], host: &str) -> Option<String> {
    let bare = |h: &str| h.trim_start_matches("www.").to_ascii_lowercase();
    let own_link = |href: &str| {
        Url::parse(href).map_or(true, |u| {
            u.host_str().is_some_and(|h| bare(h) == bare(host))
        })
    };
    let title_parts = page.title_tag.iter().flat_map(|t| {
        t.split(['|', '–', '—', '·', '•', '»', ':', '(', ')'])
            .flat_map(|p| p.split(" - "))
    });
    let candidates = sites
        .iter()
        .map(String::as_str)
        .chain(title_parts)
        .chain(
            page.home_links
                .iter()
                .filter(|(href, _)| own_link(href))
                .map(|(_, text)| text.as_str()),
        )
        .map(str::to_owned)
        .chain(page.copyrights.iter().filter_map(|c| copyright_holder(c)));
    for candidate in candidates {
        let candidate = clean_text(&candidate);
        let words: Vec<&str> = candidate.split_whitespace().collect();
        for n in [words.len(), 3, 2] {
            if n > words.len() {
                continue;
            }
            let name = words[..n].join(" ");
            if owns_host(&name, host, Ownership::Identity) {
                return Some(name);
            }
        }
    }
    None
}

/// The holder named in a copyright notice: "© 2019–2025 Jane Doe. All rights reserved." gives
/// "Jane Doe".
fn copyright_holder(notice: &str) -> Option<String> {
    let at = notice.find('©').or_else(|| notice.find("Copyright"))?;
    // The sign, the word and the years, in either order ("© Copyright 2025", "Copyright ©").
    let marks = |c: char| {
        c == '©' || c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',')
    };
    let rest = notice[at..]
        .trim_start_matches(marks)
        .trim_start_matches("Copyright")
        .trim_start_matches(marks);
    let end = rest
        .find(['.', '|', ',', '·', '–', '—', '(', '\n'])
        .unwrap_or(rest.len());
    let end = rest[..end].find(" All ").unwrap_or(end);
    let holder = rest[..end].trim();
    (!holder.is_empty()).then(|| holder.to_owned())
}

/// "Cleveland Clinic", "Brett Larkin Yoga": a name whose last word says it is an organisation,
/// however personal its first word. The words that no name holds anywhere ([`is_non_name_word`]:
/// Clinic, Foundation, Media...) count, and so do these, which a surname may be but a site's
/// last word seldom is.
fn ends_in_organisation_word(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "academy",
        "associates",
        "bank",
        "blog",
        "capital",
        "center",
        "centre",
        "church",
        "club",
        "co",
        "co-op",
        "company",
        "consulting",
        "cooperative",
        "design",
        "designs",
        "digital",
        "farm",
        "farms",
        "fitness",
        "gazette",
        "group",
        "health",
        "herald",
        "homes",
        "insurance",
        "kitchen",
        "lab",
        "law",
        "management",
        "media",
        "ministries",
        "online",
        "partners",
        "photography",
        "post",
        "realty",
        "report",
        "review",
        "school",
        "series",
        "shop",
        "store",
        "studio",
        "studios",
        "times",
        "travel",
        "tribune",
        "yoga",
    ];
    name.split_whitespace().last().is_some_and(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        is_non_name_word(&w) || WORDS.contains(&w.as_str())
    })
}

/// "Roy, Aniruddha" (surname first, as citation metadata writes names) as "Aniruddha Roy";
/// anything else as it is, "Doe, MD" included.
fn surname_last(value: &str) -> String {
    let Some((last, first)) = value.split_once(',') else {
        return value.to_owned();
    };
    let (last, first) = (last.trim(), first.trim());
    let word = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
    };
    // A surname's particle stays after the given names it follows in this order ("Jong,
    // Michiel de" is Michiel de Jong).
    let particle = |w: &str| {
        matches!(
            w,
            "de" | "da"
                | "das"
                | "do"
                | "dos"
                | "du"
                | "del"
                | "della"
                | "der"
                | "den"
                | "di"
                | "la"
                | "le"
                | "ten"
                | "ter"
                | "van"
                | "von"
                | "zu"
        )
    };
    let given: Vec<&str> = first.split_whitespace().collect();
    let inverted = !last.contains(' ')
        && word(last)
        && (1..=4).contains(&given.len())
        && given.first().is_some_and(|w| word(w))
        && given.iter().all(|w| word(w) || particle(w))
        && !is_credentials(first);
    if inverted {
        format!("{first} {last}")
    } else {
        value.to_owned()
    }
}

/// A byline naming a group rather than a person: a few words ending in a team word.
fn is_team_name(v: &str) -> bool {
    let words: Vec<&str> = v.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "team" | "staff" | "editors" | "editorial" | "desk" | "newsroom"
            )
        })
}

/// An author value from structured data taken as written, when it is plausibly a name at all.
fn declared_author(raw: &str) -> Option<String> {
    let v = clean_text(raw);
    let v = author_prefix_re().replace(&v, "").trim().to_owned();
    let chars = v.chars().count();
    let plausible = (2..=80).contains(&chars)
        && !v.contains("://")
        && !v.starts_with("www.")
        && v.chars().any(char::is_alphabetic)
        && parse_any_date(&v).is_none()
        && !matches!(
            v.to_lowercase().as_str(),
            "admin" | "administrator" | "author" | "unknown" | "null" | "none" | "undefined"
        );
    plausible.then_some(v)
}
