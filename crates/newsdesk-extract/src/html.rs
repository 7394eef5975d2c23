//! HTML to article.
//!
//! One page in, one [`Extracted`] out: the main text read out of the container that scores
//! best as an article (see [`content`]), and metadata from structured data first and the visible
//! page second (see [`meta`]). Everything here is a pure function of the input and walks the
//! tree with loops rather than recursion, so any input (20 MB pages, 100,000 nested `<div>`s,
//! broken markup) finishes in bounded time without panicking.

mod content;
mod depth;
mod dom;
mod hidden;
mod lines;
mod meta;
mod names;
mod page_type;
mod page_type_weights;

#[cfg(test)]
mod tests;

use scraper::Html;
use url::Url;

use crate::Extracted;
use content::Analysis;
use dom::Dom;
pub use meta::decode_entities;
use meta::{LdInfo, PageMeta};

/// Below this many characters, the text we found is probably not the article, and the
/// publisher's own `articleBody` (JSON-LD) is used instead when it is longer; on a listing,
/// its links are read as well.
const SHORT_TEXT: usize = 200;

/// Characters under which the chosen text may be a fragment of a page's content, and how many
/// times more the page's other kept blocks must hold for it to be read as one.
const FRAGMENT_TEXT: usize = 1000;
const FRAGMENT_RATIO: usize = 4;

/// Extracts the article from one HTML page.
///
/// `url` is where the page was fetched from; it resolves relative links and can supply a date
/// (`/2024/02/29/`). Fields the page does not support stay `None`: a wrong author or date is
/// worse downstream than a missing one.
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    extract_html_with_features(html, url).0
}

/// Number of named page-type features (the rest are class-name shares).
pub const PAGE_TYPE_FEATURES: &[&str] = &page_type::FEATURE_NAMES;
/// Length of the page-type feature vector.
pub const PAGE_TYPE_INPUTS: usize = page_type::INPUTS;

/// [`extract_html`], also returning the page-type model's inputs: for fitting its weights
/// (`newsdesk-eval extraction --fit-page-type`), not a stable interface.
pub fn extract_html_with_features(
    html: &str,
    url: Option<&str>,
) -> (Extracted, [f32; page_type::INPUTS]) {
    let limited = depth::limit_nesting(html, depth::MAX_DEPTH);
    let doc = Html::parse_document(&limited);
    let dom = Dom::new(&doc);
    let page = PageMeta::gather(&dom);
    let ld = LdInfo::from_values(&page.jsonld);
    // A page that declares one article object is read as one, not as a list or a thread
    // (`og:type=article` is no such sign: some platforms put it on every page).
    // A discussion declares itself in JSON-LD or in microdata.
    let declared_thread = ld.is_thread || page.itemtypes.iter().any(|t| meta::is_thread_type(t));
    let analysis = Analysis::new(&dom, ld.is_article, declared_thread);

    let page_url = url.and_then(|u| Url::parse(u.trim()).ok());
    let base = match (&page.base_href, &page_url) {
        (Some(b), Some(p)) => p.join(b).ok().or_else(|| page_url.clone()),
        (Some(b), None) => Url::parse(b).ok(),
        (None, p) => p.clone(),
    };
    let canonical = page
        .canonical
        .as_deref()
        .and_then(|c| meta::resolve_url(c, base.as_ref()))
        .or_else(|| {
            page.meta(&["og:url"])
                .and_then(|c| meta::resolve_url(c, base.as_ref()))
        })
        .or_else(|| {
            ld.url
                .as_deref()
                .and_then(|c| meta::resolve_url(c, base.as_ref()))
        });
    // Relative image paths resolve against the page, else against its canonical address.
    let link_base = base
        .clone()
        .or_else(|| canonical.as_deref().and_then(|c| Url::parse(c).ok()));
    let host = link_base
        .as_ref()
        .and_then(|u| u.host_str().map(str::to_owned));

    // The names the page gives itself, whole, tell its branding from its words and bylines;
    // the name shown is the plain one.
    let og_site = page.meta(&["og:site_name"]);
    let declared_site = og_site
        .map(str::to_owned)
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.site_name.clone())
        .or_else(|| {
            page.meta(&["application-name", "apple-mobile-web-app-title"])
                .map(str::to_owned)
        })
        .or_else(|| page.feed_title.clone());
    let site_name = match og_site {
        Some(og) => Some(meta::plain_site_name(
            og,
            [ld.publisher.as_deref(), ld.site_name.as_deref()],
            host.as_deref(),
        )),
        None => declared_site.clone(),
    };
    let sites: Vec<String> = [
        declared_site,
        ld.publisher.clone().filter(|_| !ld.publisher_is_person),
        ld.site_name.clone(),
        page.meta(&["application-name"]).map(str::to_owned),
    ]
    .into_iter()
    .flatten()
    .collect();

    let (h1s, h1_pick) = analysis.h1s(&dom);
    let furniture_h1s = analysis.furniture_h1s(&dom);
    let title = meta::choose_title(
        ld.headline.as_deref(),
        page.meta(&["og:title"]),
        page.meta(&["twitter:title"]),
        page.title_tag.as_deref(),
        &h1s,
        h1_pick,
        &furniture_h1s,
        &sites,
        host.as_deref(),
    );

    let mut text = content::render(analysis.blocks(&dom), title.as_deref());
    let chosen_chars = text.chars().count();
    let ld_body = ld
        .body
        .as_deref()
        .map(body_paragraphs)
        .filter(|body| chosen_chars < SHORT_TEXT && body.chars().count() > 2 * chosen_chars);
    if let Some(body) = ld_body {
        text = body;
    } else {
        // A short text on a page that keeps several times more outside it (a landing page of
        // sections, one of which happened to hold the longest paragraph) is a fragment of the
        // page's content, not its article: the page's own blocks, furniture left out, are. A
        // page that declares one article is taken at its word unless what was found is too
        // short to be one: a news brief stays brief.
        let limit = if ld.is_article {
            SHORT_TEXT
        } else {
            FRAGMENT_TEXT
        };
        if chosen_chars < limit {
            let page_text = content::render(analysis.page_blocks(&dom), title.as_deref());
            if chosen_chars == 0 || page_text.chars().count() > FRAGMENT_RATIO * chosen_chars {
                text = page_text;
            }
        }
    }

    let urls: Vec<&str> = url.into_iter().chain(canonical.as_deref()).collect();
    let (published, modified) = meta::dates(&dom, &page, &ld, &analysis, &urls);
    let authors = meta::authors(&dom, &page, &ld, &analysis, &sites, host.as_deref());
    let drop_datelines = |text: &mut String| {
        if let Some(day) = published.as_deref() {
            lines::drop_leading_datelines(text, day);
        }
    };
    drop_datelines(&mut text);
    lines::drop_closing_bio(&mut text, &authors);

    let declared = page
        .html_lang
        .as_deref()
        .and_then(crate::language::normalize_lang)
        .or_else(|| {
            ld.language
                .as_deref()
                .and_then(crate::language::normalize_lang)
        })
        .or_else(|| {
            page.meta(&["content-language", "og:locale", "language", "dc.language"])
                .and_then(crate::language::normalize_lang)
        });
    let language = crate::language::language_of(declared, &text);

    let description = [
        "description",
        "og:description",
        "twitter:description",
        "dc.description",
    ]
    .iter()
    .filter_map(|k| page.meta(&[k]))
    .chain(ld.description.as_deref())
    .find_map(meta::plain_description);
    let image = [
        page.meta(&["og:image", "og:image:url", "og:image:secure_url"]),
        page.meta(&["twitter:image", "twitter:image:src"]),
        ld.image.as_deref(),
        page.image_src.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(|i| meta::resolve_url(i, link_base.as_ref()));

    let features = page_type::features(&page_type::Inputs {
        dom: &dom,
        page: &page,
        ld: &ld,
        analysis: &analysis,
        url: url.or(canonical.as_deref()),
        text: &text,
        has_published: published.is_some(),
        has_author: !authors.is_empty(),
    });
    let (kind, confidence) = page_type::classify(&features);
    // Documentation's lists of links (a chapter's contents, the guides a page leads to) are its
    // text, where an article's are furniture.
    // So are a listing's or a shop category's, when without them nothing but a label is left
    // ("Latest News", "210 Items"): its content is its cards, each a link.
    let bare_index = matches!(kind, crate::PageType::Listing | crate::PageType::Collection)
        && text.chars().count() < SHORT_TEXT;
    if (kind == crate::PageType::Documentation && !text.is_empty()) || bare_index {
        let mut with_links = content::render(analysis.blocks_with_links(&dom), title.as_deref());
        drop_datelines(&mut with_links);
        if with_links.chars().count() > text.chars().count() {
            text = with_links;
        }
    }

    let extracted = Extracted {
        url: url.map(str::to_owned),
        canonical_url: canonical,
        title,
        authors,
        published,
        modified,
        // A page that names its site nowhere else brands its `<title>` with it.
        site_name: site_name.or_else(|| {
            page.title_tag
                .as_deref()
                .and_then(|t| meta::site_from_title(t, host.as_deref()))
        }),
        language,
        description,
        image,
        text,
        page_type: Some(kind),
        page_type_confidence: confidence,
    };
    (extracted, features)
}

/// A JSON-LD `articleBody` as paragraphs: its line breaks are the only structure it has.
fn body_paragraphs(body: &str) -> String {
    body.split('\n')
        .map(meta::clean_text)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
