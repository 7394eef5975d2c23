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

use super::content::Analysis;
use super::dom::{attr_of, Dom};
use super::lines::normalize_key;

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
const H1_AGREEMENT: f32 = 0.3;

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
pub(super) fn single_spaced(s: &str) -> String {
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

fn author_prefix_re() -> &'static Regex {
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
fn is_non_name_word(word: &str) -> bool {
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
fn is_credentials(part: &str) -> bool {
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

fn is_person_name(name: &str) -> bool {
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
        .find(|&i| dom.nodes[i].tag == "h1" && analysis.marks[i] != super::content::Mark::Removed)
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
fn date_line_writer(
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
struct BylinePlaces<'p> {
    inside: Vec<&'p (usize, String)>,
    before: Vec<&'p (usize, String)>,
    after: Vec<&'p (usize, String)>,
}

impl<'p> BylinePlaces<'p> {
    fn of(dom: &Dom<'_>, page: &'p PageMeta, analysis: &Analysis) -> Self {
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
fn looks_like_personal_name(s: &str) -> bool {
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
enum Ownership {
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
fn owns_host(name: &str, host: &str, how: Ownership) -> bool {
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
