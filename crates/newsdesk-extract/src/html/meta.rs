//! Metadata: what the page says about the article, from JSON-LD, `<meta>` tags and markup.
//!
//! Publishers describe their articles for search engines and social sites far more reliably
//! than any layout heuristic can, so structured data comes first and the visible page second.
//! Every value is cleaned before use: entities decoded, whitespace collapsed, URLs made
//! absolute, dates normalised, and the outlet's name kept out of the byline.

use newsdesk_text::script;
use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::{Map, Value};
use url::Url;

use super::content::{Analysis, Mark};
use super::dom::{attr_of, Dom};
use super::lines::normalize_key;

mod authors;
mod dates;
mod names;
mod title;

pub use authors::*;
pub use dates::*;
pub use names::*;
pub use title::*;

/// Everything metadata-like gathered from the page in one pass.
#[derive(Default)]
pub struct PageMeta {
    /// `<meta>` tags: (lowercase `property`/`name`/`itemprop`/`http-equiv`, `content`).
    pub metas: Vec<(String, String)>,
    /// Other elements with `itemprop`: (index, lowercase itemprop, value).
    pub itemprops: Vec<(usize, String, String)>,
    pub title_tag: Option<String>,
    pub canonical: Option<String>,
    pub base_href: Option<String>,
    pub html_lang: Option<String>,
    pub image_src: Option<String>,
    /// The title of the page's first RSS or Atom feed link, branding words removed: sites
    /// title their feed with their own name (`<link rel="alternate" title="Jane Doe">`).
    pub feed_title: Option<String>,
    pub jsonld: Vec<Value>,
    /// `<time>` elements: (index, `datetime` or text, hints from class/itemprop).
    pub times: Vec<(usize, String, String)>,
    /// Byline-like elements: (index, text).
    pub bylines: Vec<(usize, String)>,
    /// Date-like elements: (index, text).
    pub date_elems: Vec<(usize, String)>,
    /// The words of links to a site's front page (`<a href="/">Jane Doe</a>`): (address,
    /// text), the first few. A personal site's home link carries its owner's name.
    pub home_links: Vec<(String, String)>,
    /// Copyright notices (`© 2025 Jane Doe. All rights reserved.`), the first few.
    pub copyrights: Vec<String>,
    /// A person's picture captioned with their name (`<img alt="Jane Doe">` then "Jane Doe"):
    /// (index of the picture, name). A writer's card looks like this.
    pub portraits: Vec<(usize, String)>,
    /// Elements whose class, id or role name each kind of page part (see
    /// [`super::page_type::CLASS_WORDS`]).
    pub class_hits: [u32; super::page_type::CLASS_KINDS],
    /// Microdata `itemtype`s (short names, first 64).
    pub itemtypes: Vec<String>,
    /// Element counts by tag, for the page-type guess.
    pub tags: super::page_type::TagCounts,
}

/// A link to an author's page: `/author/jane-doe`, `/authors/jane`, `/writers/jd/`.
fn is_author_href(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    const PEOPLE: [&str; 11] = [
        "author",
        "authors",
        "writer",
        "writers",
        "contributor",
        "contributors",
        "columnist",
        "columnists",
        "autor",
        "autore",
        "auteur",
    ];
    // Compared in place: this runs for every link of the page.
    path.split('/')
        .any(|seg| PEOPLE.iter().any(|p| seg.eq_ignore_ascii_case(p)))
        && ![
            "/author/",
            "/authors/",
            "/contributor/",
            "/contributors/",
            "/columnists/",
        ]
        .iter()
        .any(|index| path.ends_with(index))
}

/// The name under a person's picture: the picture's description names a person ("Jane Doe",
/// "Jane Doe, Staff Writer", "Headshot of Jane Doe", "Jane Doe avatar") and the first words
/// after the picture are that name.
fn portrait_name(dom: &Dom<'_>, img: usize) -> Option<String> {
    // A photograph in the article ("Dan Lieberman stands with his solar panels") has a
    // caption, not a name under it.
    if dom
        .ancestors(img)
        .take(6)
        .any(|a| dom.nodes[a].tag == "figure")
    {
        return None;
    }
    let alt = clean_text(dom.attr(img, "alt")?);
    if alt.split_whitespace().count() > 10 {
        return None;
    }
    let name = alt.split([',', '|', '(']).next()?.trim();
    let name = [
        "headshot of ",
        "photo of ",
        "portrait of ",
        "picture of ",
        "avatar of ",
    ]
    .iter()
    .find_map(|p| {
        name.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &name[p.len()..])
    })
    .unwrap_or(name);
    let name = name
        .rsplit_once(' ')
        .filter(|(_, last)| {
            [
                "image", "photo", "avatar", "headshot", "portrait", "picture",
            ]
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
        })
        .map_or(name, |(head, _)| head)
        .trim();
    if !looks_like_personal_name(name) {
        return None;
    }
    let end = (img + 12).min(dom.len());
    let next = (img + 1..end).find(|&k| {
        dom.nodes[k].el.is_none()
            && !dom.nodes[k].text.trim().is_empty()
            && !matches!(dom.nodes[dom.nodes[k].parent].tag, "script" | "style")
    })?;
    let caption = clean_text(dom.nodes[next].text);
    let rest = caption.strip_prefix(name)?;
    // The name alone, or with a short job ("Jane Doe, Staff Writer"), not a firm ("William
    // R. Biggs, PLLC") or a sentence.
    let short = rest.is_empty()
        || (rest.starts_with([',', ' ', '|', '-', '–'])
            && rest.chars().count() <= 40
            && !rest.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                ["inc", "llc", "llp", "pllc", "ltd", "plc", "corp", "gmbh"]
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s))
            }));
    short.then(|| name.to_owned())
}

/// Whether a byline-like element names someone in another role than the writer's: "Reviewed
/// by", "Medically reviewed by", "Fact-checked by", "Edited by", "Photos by". The writer is
/// named elsewhere.
fn names_another_role(text: &str) -> bool {
    let head = text.trim_start();
    ROLE_LABELS.iter().any(|r| {
        head.get(..r.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(r))
    })
}

/// Labels of the people a page credits besides its writer.
const ROLE_LABELS: &[&str] = &[
    "reviewed by",
    "medically reviewed by",
    "expert reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    "photo by",
    "photos by",
    "photography by",
    "illustration by",
    "illustrations by",
    "illustrated by",
    "video by",
];

/// Whether the words just before element `i` label it with another role than the writer's
/// (`Reviewed by <a class="author-link">Jane Doe</a>`).
fn labelled_another_role(dom: &Dom<'_>, i: usize) -> bool {
    let parent = dom.nodes[i].parent;
    let Some(before) = (parent + 1..i)
        .rev()
        .take(4)
        .find(|&k| dom.nodes[k].el.is_none() && !dom.nodes[k].text.trim().is_empty())
    else {
        return false;
    };
    let words: Vec<&str> = dom.nodes[before].text.split_whitespace().collect();
    // The label's last words, whole: "Reviewed by", "Medically reviewed by".
    (2..=3.min(words.len())).any(|n| {
        let label = words[words.len() - n..].join(" ");
        let label = label.trim_end_matches(':');
        ROLE_LABELS.iter().any(|r| label.eq_ignore_ascii_case(r))
    })
}

/// A link to a site's front page: `/`, `./`, or an absolute address with no path
/// (`https://janedoe.com/`). Which site is checked later, against the page's host.
fn is_front_page_href(href: &str) -> bool {
    let href = href.trim();
    if matches!(href, "/" | "./" | "/index.html") {
        return true;
    }
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .or_else(|| href.strip_prefix("//"))
    else {
        return false;
    };
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    path.is_empty() || path == "index.html"
}

/// The first text node inside element `i` that has words, wherever it sits
/// (`<span>By</span><a>Jane</a>`).
fn first_words(dom: &Dom<'_>, i: usize) -> Option<usize> {
    let end = dom.nodes[i].end.min(dom.len());
    (i + 1..end).find(|&k| dom.nodes[k].el.is_none() && !dom.nodes[k].text.trim().is_empty())
}

/// Whether a "By ..." element `i` says what something is browsed or sorted by, not who
/// wrote it: a choice of a form (`<option>By Review</option>`), words inside a heading that
/// does not open with them (`<h2>Explore Courses <span>By Category</span></h2>`), or one of a
/// list of such entries (`<li>By Manufacturer</li><li>By Category</li>`).
fn browses_by(dom: &Dom<'_>, i: usize) -> bool {
    let opens_with_by = |k: usize| author_prefix_re().is_match(dom.text_of(k, 40).trim_start());
    // From the words themselves up: the element may be the list or the heading around them.
    let words = first_words(dom, i).unwrap_or(i);
    for a in dom.ancestors(words).take(5) {
        match dom.nodes[a].tag {
            "option" | "select" | "optgroup" => return true,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !opens_with_by(a) => return true,
            "li" | "ul" | "ol" | "dl" => {
                let list = if matches!(dom.nodes[a].tag, "li") {
                    dom.nodes[a].parent
                } else {
                    a
                };
                let entries = dom
                    .children(list)
                    .filter(|&c| matches!(dom.nodes[c].tag, "li" | "dt" | "dd") && opens_with_by(c))
                    .take(2)
                    .count();
                return entries >= 2;
            }
            _ => {}
        }
    }
    false
}

/// Whether the first text inside element `i` opens with "By" (any case), as bylines do
/// (`<span>by <a>Jane Doe</a></span>`, `<p>Written by Jane Doe</p>`).
fn starts_with_by(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.nodes[i].end;
    // A small element only: a byline, not a paragraph that happens to open with "By".
    if end.saturating_sub(i) >= 32 {
        return false;
    }
    let Some(first) = first_words(dom, i) else {
        return false;
    };
    // Words in a heading inside the element label a section ("By Event Type" over a list of
    // links), not a writer: the heading is a byline only as itself.
    let parent = dom.nodes[first].parent;
    if parent != i
        && matches!(
            dom.nodes[parent].tag,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
    {
        return false;
    }
    let first = &dom.nodes[first];
    // Compared in place, case folded: this runs for every small element of the page.
    let t = first.text.trim_start();
    let opens = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    (opens("by") && (t[2..].trim_end().is_empty() || t[2..].starts_with([' ', ':', '\u{a0}'])))
        || [
            "written by",
            "posted by",
            "author:",
            "authors:",
            "contributor:",
            "contributors:",
        ]
        .iter()
        .any(|p| opens(p))
        // "This post was written by Jane Doe, MD, gastroenterologist."
        || (opens("this ")
            && t.get(..t.len().min(40))
                .is_some_and(|h| h.to_ascii_lowercase().contains(" written by ")))
}

/// A byline label standing alone in its own element (`<h2>Article by</h2><div>Matias
/// Heikkilä</div>`, `<span>Written by</span> <a>Jane Doe</a>`) with the text that follows it
/// within its parent: the name it labels, as `By <name>`. `None` for anything else.
fn labelled_byline(dom: &Dom<'_>, i: usize) -> Option<String> {
    let end = dom.nodes[i].end;
    if end.saturating_sub(i) > 4 {
        return None;
    }
    // The element's only words, compared in place: this runs for every small element.
    let mut texts = (i + 1..end.min(dom.len()))
        .filter(|&k| dom.nodes[k].el.is_none() && !dom.nodes[k].text.trim().is_empty());
    let only = texts.next()?;
    if texts.next().is_some() {
        return None;
    }
    let label = dom.nodes[only].text.trim().trim_end_matches(':').trim_end();
    const LABELS: [&str; 9] = [
        "by",
        "written by",
        "article by",
        "story by",
        "words by",
        "posted by",
        "authored by",
        "author",
        "authors",
    ];
    // Or a sentence of a label: "Article written by", "This post was written by".
    let sentence = || {
        // Checked in place first: this runs for every small element of the page.
        const SUFFIX: &str = " written by";
        let cut = label.len().saturating_sub(SUFFIX.len());
        if cut == 0
            || !label
                .get(cut..)
                .is_some_and(|t| t.eq_ignore_ascii_case(SUFFIX))
        {
            return false;
        }
        let head = label[..cut].to_lowercase();
        let head = head.strip_suffix(" was").unwrap_or(&head);
        let head = head.strip_prefix("this ").unwrap_or(head);
        matches!(
            head,
            "article" | "post" | "story" | "piece" | "blog post" | "guide"
        )
    };
    if !LABELS.iter().any(|l| label.eq_ignore_ascii_case(l)) && !sentence() {
        return None;
    }
    // The next words after the label, inside the label's parent and close to it.
    let parent = dom.nodes[i].parent;
    let limit = dom.nodes[parent].end.min(end + 12).min(dom.len());
    let next = (end..limit).find(|&k| {
        dom.nodes[k].el.is_none()
            && !dom.nodes[k].text.trim().is_empty()
            && dom.nodes[dom.nodes[k].parent].tag != "script"
    })?;
    let name = clean_text(dom.nodes[next].text);
    (name.chars().count() <= 80).then(|| format!("By {name}"))
}

/// The site's name in a feed link's title: `Jane Doe`, `Daily Example » Feed`, `Feed - Daily
/// Example`, `Daily Example Full RSS Feed`, `RSS Feed for example.com`; none for a feed named
/// for its format or contents only (`Latest Threads (RSS 2.0)`, `Atom topic`, `Blogs`), a
/// comments feed, or several names.
fn feed_site_name(title: &str) -> Option<String> {
    const FEED_WORDS: &[&str] = &[
        "rss",
        "atom",
        "feed",
        "feeds",
        "xml",
        "json",
        "2.0",
        "full",
        "latest",
        "all",
        "new",
        "topic",
        "topics",
        "threads",
        "headlines",
        "entries",
        "posts",
        "articles",
        "updates",
        "for",
        "of",
        "from",
    ];
    const GENERIC: &[&str] = &[
        "blog", "blogs", "main", "news", "home", "index", "site", "podcast",
    ];
    let title = clean_text(title);
    if title.to_lowercase().contains("comment") {
        return None;
    }
    // Parentheses hold the format: `Daily Example (RSS 2.0)`.
    let mut plain = String::with_capacity(title.len());
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let is_feed_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        FEED_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f))
    };
    let names: Vec<String> = plain
        .split(['»', '|', '–', '—', ':'])
        .flat_map(|part| part.split(" - "))
        .filter_map(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            let start = words.iter().position(|w| !is_feed_word(w))?;
            let end = words.iter().rposition(|w| !is_feed_word(w))? + 1;
            let kept = &words[start..end];
            // A feed word left inside ("Product Feed Spec") means the part names the feed.
            if kept.iter().any(|w| is_feed_word(w)) {
                return None;
            }
            let name = kept.join(" ");
            let usable = name.chars().any(char::is_alphabetic)
                && !name.contains('/')
                && !name.ends_with("'s")
                && !name.ends_with("’s")
                && !GENERIC.iter().any(|g| name.eq_ignore_ascii_case(g))
                && name.chars().count() <= 60;
            usable.then_some(name)
        })
        .collect();
    match names.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Whether element `i` sits in a reader comment (`<li class="comment">`, `<div id="comments">`):
/// a commenter's name is not the article's writer.
fn in_comments(dom: &Dom<'_>, i: usize) -> bool {
    for a in std::iter::once(i).chain(dom.ancestors(i)).take(12) {
        // WordPress writes each comment as an `<article class="comment-body">`, and an
        // article open to comments may say so (`comments-open`): the walk stops after the
        // first article, main part or body, which counts only as one comment.
        let stop = matches!(dom.nodes[a].tag, "article" | "main" | "body");
        let names = dom.class_id(a);
        if names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "comment" || (!stop && matches!(w, "comments" | "commentlist")))
        {
            return true;
        }
        if stop {
            return false;
        }
    }
    false
}

/// Whether element `i` sits in a navigation menu, where "By Event Type" or "By role" heads a
/// list of links rather than naming a writer. The walk stops at the article or the page's
/// main part: a byline there is the article's, whatever the page's wrappers are named.
fn in_menu(dom: &Dom<'_>, i: usize) -> bool {
    for a in std::iter::once(i).chain(dom.ancestors(i)).take(12) {
        match dom.nodes[a].tag {
            "nav" => return true,
            "article" | "main" | "body" => return false,
            _ => {}
        }
        let names = dom.class_id(a);
        let menu = names.split_whitespace().any(|w| {
            let w = w.trim_start_matches("w-");
            matches!(
                w,
                "nav" | "navbar" | "navigation" | "menu" | "menubar" | "menuitem" | "dropdown"
            ) || ["nav-", "menu-", "dropdown-"]
                .iter()
                .any(|p| w.starts_with(p))
                || w.contains("flyout")
        });
        if menu {
            return true;
        }
    }
    false
}

impl PageMeta {
    pub fn gather(dom: &Dom<'_>) -> Self {
        let mut m = PageMeta::default();
        let mut class_id = String::new();
        for i in 0..dom.len() {
            let Some(el) = dom.nodes[i].el else {
                let text = dom.nodes[i].text;
                if m.copyrights.len() < 4 && (text.contains('©') || text.contains("Copyright")) {
                    let text = clean_text(text);
                    if text.chars().count() <= 160 {
                        m.copyrights.push(text);
                    }
                }
                continue;
            };
            let tag = dom.nodes[i].tag;
            match tag {
                "a" if m.home_links.len() < 8 => {
                    if let Some(href) = attr_of(el, "href").filter(|h| is_front_page_href(h)) {
                        let text = dom.text_of(i, 60);
                        if !text.is_empty() && text.chars().count() < 60 {
                            m.home_links.push((href.trim().to_owned(), text));
                        }
                    }
                }
                "img" if m.portraits.len() < 16 => {
                    if let Some(name) = portrait_name(dom, i) {
                        m.portraits.push((i, name));
                    }
                }
                "meta" => {
                    let Some(content) = attr_of(el, "content") else {
                        continue;
                    };
                    // Some site frameworks carry the structured data in a `<meta>`
                    // (`<meta name="script:ld+json" content="{&quot;@type&quot;…">`).
                    if attr_of(el, "name")
                        .is_some_and(|n| n.to_ascii_lowercase().ends_with("ld+json"))
                    {
                        if let Some(v) = parse_json_ld(content) {
                            m.jsonld.push(v);
                        }
                        continue;
                    }
                    let content = clean_text(content);
                    if content.is_empty() {
                        continue;
                    }
                    for key in ["property", "name", "itemprop", "http-equiv"] {
                        if let Some(k) = attr_of(el, key) {
                            // `property` may hold several space-separated names (RDFa).
                            for k in k.split_whitespace() {
                                m.metas.push((k.to_ascii_lowercase(), content.clone()));
                            }
                        }
                    }
                    continue;
                }
                "title" if m.title_tag.is_none() => {
                    let t = dom.text_of(i, 1000);
                    if !t.is_empty() {
                        m.title_tag = Some(clean_text(&t));
                    }
                }
                "link" => {
                    let rel = attr_of(el, "rel").unwrap_or("").to_ascii_lowercase();
                    let href = attr_of(el, "href").map(str::trim).filter(|h| !h.is_empty());
                    if let Some(href) = href {
                        let rels: Vec<&str> = rel.split_whitespace().collect();
                        if rels.contains(&"canonical") && m.canonical.is_none() {
                            m.canonical = Some(href.to_owned());
                        }
                        if rels.contains(&"image_src") && m.image_src.is_none() {
                            m.image_src = Some(href.to_owned());
                        }
                        let feed = attr_of(el, "type")
                            .is_some_and(|t| t.contains("rss") || t.contains("atom"));
                        if rels.contains(&"alternate") && feed && m.feed_title.is_none() {
                            m.feed_title = attr_of(el, "title").and_then(feed_site_name);
                        }
                    }
                }
                "base" if m.base_href.is_none() => {
                    m.base_href = attr_of(el, "href").map(|h| h.trim().to_owned());
                }
                "html" if m.html_lang.is_none() => {
                    m.html_lang = attr_of(el, "lang")
                        .or_else(|| attr_of(el, "xml:lang"))
                        .map(str::to_owned);
                }
                "script" => {
                    let ty = attr_of(el, "type").unwrap_or("").to_ascii_lowercase();
                    if ty.contains("ld+json") {
                        let raw: String = dom
                            .children(i)
                            .map(|c| dom.nodes[c].text)
                            .collect::<Vec<_>>()
                            .concat();
                        if let Some(v) = parse_json_ld(&raw) {
                            m.jsonld.push(v);
                        }
                    }
                    continue;
                }
                "time" => {
                    let value = attr_of(el, "datetime")
                        .map(str::to_owned)
                        .unwrap_or_else(|| dom.text_of(i, 100));
                    let mut hints = dom.class_id(i);
                    if let Some(p) = attr_of(el, "itemprop") {
                        hints.push(' ');
                        hints.push_str(&p.to_ascii_lowercase());
                    }
                    if attr_of(el, "pubdate").is_some() {
                        hints.push_str(" pubdate");
                    }
                    m.times.push((i, value, hints));
                }
                _ => {}
            }
            if let Some(prop) = attr_of(el, "itemprop") {
                let prop = prop.to_ascii_lowercase();
                let value = attr_of(el, "content")
                    .or_else(|| attr_of(el, "datetime"))
                    .map(str::to_owned)
                    .unwrap_or_else(|| {
                        if prop.contains("author") {
                            dom.text_of(i, 200)
                        } else if prop.contains("date") {
                            dom.text_of(i, 100)
                        } else {
                            String::new()
                        }
                    });
                if !value.trim().is_empty() {
                    m.itemprops.push((i, prop, clean_text(&value)));
                }
            }
            if let Some(t) = attr_of(el, "itemtype") {
                if m.itemtypes.len() < 64 {
                    for t in t.split_whitespace() {
                        let short = t.rsplit(['/', '#']).next().unwrap_or(t);
                        m.itemtypes.push(short.to_owned());
                    }
                }
            }
            m.tags.count(tag, el);
            dom.class_id_into(i, &mut class_id);
            let kinds = super::page_type::class_kinds(&class_id);
            super::page_type::count_class(kinds, &mut m.class_hits);
            // `author-description`, `author-bio`, `author-job-title`: what the writer is, not
            // who.
            let describes = || {
                class_id
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| matches!(w, "description" | "desc" | "bio" | "biography" | "job"))
            };
            let is_byline = attr_of(el, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
                || (kinds & super::page_type::BYLINE_BIT != 0 && !describes())
                || (tag == "a" && attr_of(el, "href").is_some_and(is_author_href))
                || (starts_with_by(dom, i) && !browses_by(dom, i));
            if let Some(text) = labelled_byline(dom, i) {
                if !in_menu(dom, i) && !in_comments(dom, i) {
                    m.bylines.push((i, text));
                }
            } else if is_byline {
                let text = dom.text_lines_of(i, 200);
                if !text.is_empty()
                    && !names_another_role(&text)
                    && !labelled_another_role(dom, i)
                    && !in_menu(dom, i)
                    && !in_comments(dom, i)
                {
                    if text.chars().count() <= 150 {
                        m.bylines.push((i, text));
                    } else if let Some(first) = text.lines().next().filter(|l| l.len() <= 60) {
                        // An author box with a biography under the name: the name line.
                        m.bylines.push((i, first.to_owned()));
                    }
                }
            }
            if kinds & super::page_type::DATE_BIT != 0 {
                let text = dom.text_of(i, 150);
                if !text.is_empty() && text.chars().count() <= 120 {
                    m.date_elems.push((i, text));
                }
            }
        }
        m
    }

    /// First non-empty `<meta>` value among `keys`, in the order of `keys`.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }

    /// Every value among `keys`, in the order of `keys`.
    fn metas_all(&self, keys: &[&str]) -> Vec<String> {
        keys.iter()
            .flat_map(|k| {
                self.metas
                    .iter()
                    .filter(move |(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            })
            .collect()
    }

    fn itemprop(&self, name: &str) -> Option<&str> {
        self.itemprops
            .iter()
            .find(|(_, p, _)| p.split_whitespace().any(|x| x == name))
            .map(|(_, _, v)| v.as_str())
    }
}

/// Parses one JSON-LD script, tolerating the usual breakage: HTML comment or CDATA wrappers
/// and raw newlines inside strings.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let mut s = raw.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim();
            }
        }
    }
    s = s.trim_end_matches(';').trim();
    if s.is_empty() {
        return None;
    }
    serde_json::from_str(s).ok().or_else(|| {
        let flat: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&flat).ok()
    })
}

/// What the JSON-LD says about the article.
#[derive(Default, Debug)]
pub struct LdInfo {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    /// Organisations named as the author.
    pub org_authors: Vec<String>,
    /// Authors declared `"@type": "Person"` in so many words.
    pub typed_person_authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    /// Whether the publisher is a person (a personal site), whose name is no outlet's.
    pub publisher_is_person: bool,
    pub image: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub body: Option<String>,
    /// Dates of a `WebPage` object, for pages whose article object has none.
    pub page_published: Option<String>,
    pub page_modified: Option<String>,
    pub site_name: Option<String>,
    /// Whether the page declares an article object (`NewsArticle`, `BlogPosting`, ...).
    pub is_article: bool,
    /// Whether the page declares itself a forum discussion (`DiscussionForumPosting`): its
    /// replies are its content.
    pub is_thread: bool,
    /// Every `@type` the page declares (short names, first 64), for the page-type guess.
    pub types: Vec<String>,
}

fn type_names(obj: &Map<String, Value>) -> Vec<&str> {
    fn short(s: &str) -> &str {
        s.rsplit(['/', ':', '#']).next().unwrap_or(s)
    }
    match obj.get("@type") {
        Some(Value::String(s)) => vec![short(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(short).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report" || t == "Blog"
}

/// A schema.org type (short name) that makes the page a forum discussion, whose replies are
/// its content. Not a `QAPage`: the comments under a question's answers are asides, not
/// answers.
pub fn is_thread_type(t: &str) -> bool {
    t == "DiscussionForumPosting"
}

fn is_org_type(t: &str) -> bool {
    t.ends_with("Organization")
        || matches!(
            t,
            "Corporation" | "NewsMediaOrganization" | "WebSite" | "Brand"
        )
}

impl LdInfo {
    pub fn from_values(values: &[Value]) -> Self {
        // Every object, in document order, and those that have an `@id` to resolve references
        // (`"author": {"@id": "#/schema/person/1"}` in `@graph`s).
        let mut objects: Vec<&Map<String, Value>> = Vec::new();
        let mut ids: HashMap<&str, &Map<String, Value>> = HashMap::new();
        let mut stack: Vec<(&Value, usize)> = values.iter().rev().map(|v| (v, 0)).collect();
        while let Some((v, depth)) = stack.pop() {
            if depth > 64 || objects.len() > 10_000 {
                continue;
            }
            match v {
                Value::Object(o) => {
                    objects.push(o);
                    if let Some(id) = o.get("@id").and_then(Value::as_str) {
                        // The fullest object for an id wins over bare references.
                        let fuller = match ids.get(id) {
                            Some(prev) => prev.len() < o.len(),
                            None => true,
                        };
                        if fuller {
                            ids.insert(id, o);
                        }
                    }
                    for child in o.values().rev() {
                        if matches!(child, Value::Object(_) | Value::Array(_)) {
                            stack.push((child, depth + 1));
                        }
                    }
                }
                Value::Array(a) => {
                    for child in a.iter().rev() {
                        stack.push((child, depth + 1));
                    }
                }
                _ => {}
            }
        }
        let articles: Vec<&Map<String, Value>> = objects
            .iter()
            .copied()
            .filter(|o| type_names(o).iter().any(|t| is_article_type(t)))
            .collect();
        let mut info = LdInfo {
            // One article object, not a forum post and not a list of teasers.
            is_article: articles.len() == 1
                && !type_names(articles[0])
                    .iter()
                    .any(|t| t.ends_with("ForumPosting") || t.ends_with("SocialMediaPosting")),
            ..LdInfo::default()
        };
        for o in &objects {
            let types = type_names(o);
            info.is_thread |= types.iter().any(|t| is_thread_type(t));
            for t in &types {
                if info.types.len() < 64 {
                    info.types.push((*t).to_owned());
                }
            }
            if types.iter().any(|t| t.ends_with("Page")) {
                if info.page_published.is_none() {
                    info.page_published = string_field(o, "datePublished");
                }
                if info.page_modified.is_none() {
                    info.page_modified = string_field(o, "dateModified");
                }
            }
            if types.contains(&"WebSite") && info.site_name.is_none() {
                info.site_name = string_field(o, "name");
            }
        }
        let article = articles
            .iter()
            .find(|o| o.contains_key("headline") || o.contains_key("articleBody"))
            .or(articles.first())
            .copied();
        let Some(a) = article else {
            return info;
        };
        info.headline = string_field(a, "headline").or_else(|| string_field(a, "name"));
        info.published =
            string_field(a, "datePublished").or_else(|| string_field(a, "dateCreated"));
        // A theme's object that writes the day as midnight (`2023-05-17T00:00:00+0000`) beside
        // another that gives the instant (`2023-05-18T04:39:05+00:00`): the instant. The day
        // alone, shifted into UTC, is a day off as often as not.
        if info.published.as_deref().is_some_and(is_bare_midnight) {
            let timed = articles
                .iter()
                .filter(|o| !std::ptr::eq(**o, a))
                .filter_map(|o| string_field(o, "datePublished"))
                .chain(info.page_published.clone())
                .find(|d| {
                    !is_bare_midnight(d)
                        && d.contains('T')
                        && within_a_day(d, info.published.as_deref().unwrap_or(""))
                });
            if timed.is_some() {
                info.published = timed;
            }
        }
        info.modified = string_field(a, "dateModified");
        info.description = string_field(a, "description");
        info.language = string_field(a, "inLanguage");
        info.body = a
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_owned);
        info.url = string_field(a, "url").or_else(|| match a.get("mainEntityOfPage") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => string_field(o, "@id").or_else(|| string_field(o, "url")),
            _ => None,
        });
        if let Some(p) = a.get("publisher") {
            let mut people = Vec::new();
            let mut orgs = Vec::new();
            names(p, &ids, &mut people, &mut orgs, &mut Vec::new());
            info.publisher_is_person = orgs.is_empty() && !people.is_empty();
            info.publisher = orgs.into_iter().chain(people).next();
        }
        if let Some(au) = a.get("author").or_else(|| a.get("creator")) {
            names(
                au,
                &ids,
                &mut info.authors,
                &mut info.org_authors,
                &mut info.typed_person_authors,
            );
        }
        info.image = a
            .get("image")
            .or_else(|| a.get("thumbnailUrl"))
            .and_then(|v| image_url(v, &ids));
        info
    }
}

/// Whether a date-time is a day written as its midnight in UTC or with no zone
/// (`2023-05-17T00:00:00+0000`, `2023-05-17T00:00:00Z`, `2023-05-17T00:00:00`).
fn is_bare_midnight(value: &str) -> bool {
    let Some((_, time)) = value.trim().split_once('T') else {
        return false;
    };
    let zone_at = time.find(['Z', '+', '-']).unwrap_or(time.len());
    let (clock, zone) = time.split_at(zone_at);
    clock.starts_with("00:00")
        && clock.chars().all(|c| matches!(c, '0' | ':' | '.'))
        && matches!(zone, "" | "Z" | "+0000" | "+00:00" | "-0000" | "-00:00")
}

/// Whether two dates (ISO 8601, any time after the day) are at most a day apart.
fn within_a_day(a: &str, b: &str) -> bool {
    let day = |s: &str| jiff::civil::Date::strptime("%Y-%m-%d", s.get(..10)?).ok();
    match (day(a), day(b)) {
        (Some(x), Some(y)) => x.until(y).is_ok_and(|span| span.get_days().abs() <= 1),
        _ => false,
    }
}

/// A string field: a string, a number, the first string of a list, or `@value`.
fn string_field(o: &Map<String, Value>, key: &str) -> Option<String> {
    let v = o.get(key)?;
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => a.iter().find_map(Value::as_str)?.to_owned(),
        Value::Object(inner) => inner.get("@value").and_then(Value::as_str)?.to_owned(),
        _ => return None,
    };
    let s = clean_text(&s);
    (!s.is_empty()).then_some(s)
}

/// Names in an `author`/`publisher` value, split into people and organisations.
fn names(
    v: &Value,
    ids: &HashMap<&str, &Map<String, Value>>,
    people: &mut Vec<String>,
    orgs: &mut Vec<String>,
    typed_people: &mut Vec<String>,
) {
    let mut stack: Vec<(&Value, usize)> = vec![(v, 0)];
    while let Some((v, depth)) = stack.pop() {
        if depth > 8 || people.len() > 50 {
            continue;
        }
        match v {
            Value::String(s) => people.push(clean_text(s)),
            Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth + 1))),
            Value::Object(o) => {
                let o = match (o.get("name"), o.get("@id").and_then(Value::as_str)) {
                    (None, Some(id)) => ids.get(id).copied().unwrap_or(o),
                    _ => o,
                };
                let name = string_field(o, "name").or_else(|| {
                    let given = string_field(o, "givenName")?;
                    Some(match string_field(o, "familyName") {
                        Some(f) => format!("{given} {f}"),
                        None => given,
                    })
                });
                if let Some(name) = name {
                    // `["Person", "Organization"]`: a person's own site, published by them.
                    let types = type_names(o);
                    if !types.contains(&"Person") && types.iter().any(|t| is_org_type(t)) {
                        orgs.push(name);
                    } else {
                        if types.contains(&"Person") {
                            typed_people.push(name.clone());
                        }
                        people.push(name);
                    }
                }
            }
            _ => {}
        }
    }
}

fn image_url(v: &Value, ids: &HashMap<&str, &Map<String, Value>>) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| match x {
            Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Value::Object(o) => object_image(o, ids),
            _ => None,
        }),
        Value::Object(o) => object_image(o, ids),
        _ => None,
    }
}

fn object_image(
    o: &Map<String, Value>,
    ids: &HashMap<&str, &Map<String, Value>>,
) -> Option<String> {
    let o = match (o.get("url"), o.get("@id").and_then(Value::as_str)) {
        (None, Some(id)) => ids.get(id).copied().unwrap_or(o),
        _ => o,
    };
    string_field(o, "url").or_else(|| string_field(o, "contentUrl"))
}

/// Decodes the entities that survive into attribute values and JSON strings when a site
/// escapes twice (`&amp;#8217;`), and collapses whitespace.
pub fn clean_text(s: &str) -> String {
    let decoded = if s.contains('&') {
        std::borrow::Cow::Owned(decode_entities(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    // One pass: the words (runs of anything but whitespace) joined by single spaces, then the
    // invisible characters dropped from them. A word of nothing but invisible characters still
    // counts as a word, as splitting and joining would have it.
    let mut out = String::with_capacity(decoded.len());
    let (mut words, mut gap) = (false, false);
    for c in decoded.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && words {
            out.push(' ');
        }
        (words, gap) = (true, false);
        // Bidirectional embeddings and isolates wrap a run of text for display (Google wraps
        // its product names in them); in a field they are only noise.
        if !super::content::is_invisible_char(c)
            && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.push(c);
        }
    }
    out
}

/// Replaces HTML character references (`&amp;`, `&#8217;`, `&#x27;` and the common named
/// ones) by the characters they stand for; anything else is left as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &after[..i];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "rsquo" => '\u{2019}',
                "lsquo" => '\u{2018}',
                "rdquo" => '\u{201d}',
                "ldquo" => '\u{201c}',
                "mdash" => '\u{2014}',
                "ndash" => '\u{2013}',
                "hellip" => '\u{2026}',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, i))
        });
        match decoded {
            Some((c, i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Resolves a possibly relative URL against `base`; only http(s) results are kept.
pub fn resolve_url(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with("data:") || href.starts_with("javascript:") {
        return None;
    }
    let resolved = match Url::parse(href) {
        Ok(u) => u,
        Err(_) => match base {
            Some(b) => b.join(href).ok()?,
            None if href.starts_with("//") => Url::parse(&format!("https:{href}")).ok()?,
            None => return None,
        },
    };
    matches!(resolved.scheme(), "http" | "https").then(|| resolved.to_string())
}
