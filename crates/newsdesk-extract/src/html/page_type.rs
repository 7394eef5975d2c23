//! What kind of page is this: an article, or a listing, a shop page, a forum thread, a
//! documentation page, a collection or a service page?
//!
//! Downstream stages treat an article as a report of something that happened; a category page or
//! a product page read as one is junk in a story. No single signal settles the question (some
//! platforms put `og:type=article` on every page, many shops declare nothing), so the guess is a
//! small multinomial logistic model over general page signals: the declared types (JSON-LD,
//! microdata, OpenGraph), the address's shape, the page's proportions (how much of its text is
//! the chosen container, how much is links), repeated blocks, prices and carts, posts and
//! replies, code and documentation sidebars, bylines and dates. The weights live in
//! [`page_type_weights`](super::page_type_weights) and are fitted by
//! `newsdesk-eval extraction --fit-page-type` (see that command for the data and the
//! cross-validated accuracy); the features are defined here, once, for both.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use scraper::node::Element;
use url::Url;

use super::content::{Analysis, Mark};
use super::dom::Dom;
use super::meta::{LdInfo, PageMeta};
use super::page_type_weights as weights;
use crate::PageType;

/// Kinds of page part that class, id and role names reveal; see [`CLASS_WORDS`].
pub const CLASS_KINDS: usize = 8;

/// Name fragments for each kind of page part, matched inside lowercase `class id role`:
/// posts and replies (forums), products and carts (shops), documentation furniture, cards
/// and grids (listings), bylines and article bodies (articles), pagination, comments, and
/// calls to action (service pages).
pub const CLASS_WORDS: [&[&str]; CLASS_KINDS] = [
    &[
        "post", "reply", "thread", "message", "topic", "answer", "forum",
    ],
    &[
        "product", "price", "cart", "basket", "sku", "add-to", "checkout", "variant",
    ],
    &[
        "docs",
        "toc",
        "highlight",
        "api",
        "sidebar-nav",
        "docs-",
        "menu-item",
        "code",
    ],
    &[
        "card", "tile", "grid", "teaser", "result", "listing", "item", "feed",
    ],
    &[
        "byline",
        "author",
        "article-body",
        "articlebody",
        "entry-content",
        "post-content",
        "story",
    ],
    &[
        "pagination",
        "pager",
        "page-numbers",
        "next-page",
        "load-more",
    ],
    &["comment"],
    &[
        "cta",
        "contact",
        "pricing",
        "testimonial",
        "hero",
        "service",
        "feature",
        "faq",
    ],
];

/// Bit of [`class_kinds`] for byline-like names (`byline`, `author`, `writer`, ...).
pub const BYLINE_BIT: u16 = 1 << CLASS_KINDS;
/// Bit of [`class_kinds`] for date-like names (`date`, `time`, `posted`, `entry-meta`, ...).
pub const DATE_BIT: u16 = 1 << (CLASS_KINDS + 1);

const BYLINE_WORDS: &[&str] = &["byline", "author", "writer", "contributor"];
const DATE_WORDS: &[&str] = &[
    "date",
    "time",
    "publish",
    "posted",
    "byline",
    "articlemeta",
    "article-meta",
    "postmeta",
    "post-meta",
    "entrymeta",
    "entry-meta",
];

/// Every word list in one automaton, each word with the bits of the lists it is in.
fn class_matcher() -> &'static (AhoCorasick, Vec<u16>) {
    static M: OnceLock<(AhoCorasick, Vec<u16>)> = OnceLock::new();
    M.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut bits: Vec<u16> = Vec::new();
        let lists = CLASS_WORDS
            .iter()
            .enumerate()
            .map(|(k, w)| (1u16 << k, *w))
            .chain([(BYLINE_BIT, BYLINE_WORDS), (DATE_BIT, DATE_WORDS)]);
        for (bit, list) in lists {
            for w in list {
                match words.iter().position(|x| x == w) {
                    Some(i) => bits[i] |= bit,
                    None => {
                        words.push(w);
                        bits.push(bit);
                    }
                }
            }
        }
        // Fixed words: building cannot fail; an empty automaton would match nothing.
        let ac = AhoCorasick::new(&words)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton"));
        (ac, bits)
    })
}

/// Which word lists a lowercase `class id role` string hits: bit `k` for [`CLASS_WORDS`]`[k]`,
/// then [`BYLINE_BIT`] and [`DATE_BIT`]. One pass over the string for all of them.
pub fn class_kinds(class_id: &str) -> u16 {
    if class_id.is_empty() {
        return 0;
    }
    let (ac, bits) = class_matcher();
    let mut out = 0u16;
    for m in ac.find_overlapping_iter(class_id) {
        out |= bits.get(m.pattern().as_usize()).copied().unwrap_or(0);
    }
    out
}

/// Adds one element's [`class_kinds`] to the per-kind counts.
pub fn count_class(kinds: u16, hits: &mut [u32; CLASS_KINDS]) {
    for (k, hit) in hits.iter_mut().enumerate() {
        if kinds & (1 << k) != 0 {
            *hit += 1;
        }
    }
}

/// Element counts that tell page types apart.
#[derive(Default, Clone, Copy, Debug)]
pub struct TagCounts {
    pub elements: u32,
    pub article: u32,
    pub pre: u32,
    pub code: u32,
    pub h1: u32,
    pub h2: u32,
    pub h3: u32,
    pub li: u32,
    pub a: u32,
    pub form: u32,
    pub input: u32,
    pub button: u32,
    pub table: u32,
    pub time: u32,
    pub img: u32,
    pub nav: u32,
    pub blockquote: u32,
    pub select: u32,
}

impl TagCounts {
    /// Counts one element.
    pub fn count(&mut self, tag: &str, _el: &Element) {
        self.elements += 1;
        let slot = match tag {
            "article" => &mut self.article,
            "pre" => &mut self.pre,
            "code" => &mut self.code,
            "h1" => &mut self.h1,
            "h2" => &mut self.h2,
            "h3" => &mut self.h3,
            "li" => &mut self.li,
            "a" => &mut self.a,
            "form" => &mut self.form,
            "input" | "textarea" => &mut self.input,
            "button" => &mut self.button,
            "table" => &mut self.table,
            "time" => &mut self.time,
            "img" => &mut self.img,
            "nav" => &mut self.nav,
            "blockquote" => &mut self.blockquote,
            "select" => &mut self.select,
            _ => return,
        };
        *slot += 1;
    }
}

/// Number of features; the order is [`FEATURE_NAMES`].
pub const FEATURES: usize = 63;

/// The features' names, in order, for the fitting command and its weights file.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "ld_article",
    "ld_news",
    "ld_blog",
    "ld_tech",
    "ld_product",
    "ld_offer",
    "ld_forum",
    "ld_qa",
    "ld_list",
    "ld_collection",
    "ld_search",
    "ld_service",
    "ld_faq",
    "ld_howto",
    "ld_software",
    "ld_event",
    "ld_breadcrumb",
    "ld_webpage_only",
    "ld_none",
    "micro_product",
    "micro_article",
    "micro_forum",
    "og_article",
    "og_product",
    "og_website",
    "meta_published",
    "has_published",
    "has_author",
    "url_date",
    "url_depth",
    "url_slug_words",
    "url_root",
    "url_product",
    "url_docs",
    "url_forum",
    "url_list",
    "url_article",
    "url_service",
    "url_query",
    "url_numeric_id",
    "text_len",
    "page_text_len",
    "page_link_density",
    "main_link_density",
    "main_share",
    "main_para_share",
    "page_para_share",
    "main_comma_rate",
    "listing",
    "thread_page",
    "thread_share",
    "main_is_page",
    "articles",
    "code_blocks",
    "headings",
    "lists",
    "forms",
    "times",
    "prices",
    "paragraphs",
    "para_len",
    "blockquotes",
    "tables",
];

/// Extra features from class names, one per [`CLASS_WORDS`] kind (as a share of elements).
pub const CLASS_FEATURES: usize = CLASS_KINDS;

/// All inputs of the model: the named features then the class-name shares.
pub const INPUTS: usize = FEATURES + CLASS_FEATURES;

/// Page types in the order of the model's outputs.
pub const TYPES: [PageType; 7] = [
    PageType::Article,
    PageType::Forum,
    PageType::Product,
    PageType::Collection,
    PageType::Listing,
    PageType::Documentation,
    PageType::Service,
];

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// `ln(1 + x)`, scaled so that typical counts land near 0..1.
fn log_count(x: u32, scale: f32) -> f32 {
    (1.0 + x as f32).ln() / scale
}

fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 {
        0.0
    } else {
        (a as f32 / b as f32).min(1.0)
    }
}

fn any_type(types: &[String], pred: impl Fn(&str) -> bool) -> f32 {
    flag(types.iter().any(|t| pred(t.as_str())))
}

/// Whether a path segment list holds any of `words` as a whole segment or a segment prefix
/// (`/products/…`, `/docs/…`).
fn path_has(segments: &[String], words: &[&str]) -> bool {
    segments.iter().any(|s| {
        words.iter().any(|w| {
            s.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
        })
    })
}

/// Prices in visible text: a currency sign next to a digit (`$19.99`, `19,99 €`, `£5`).
fn count_prices(dom: &Dom<'_>, marks: &[Mark]) -> u32 {
    let mut n = 0u32;
    for (node, mark) in dom.nodes.iter().zip(marks) {
        if node.el.is_some() || *mark == Mark::Removed || node.text.is_empty() {
            continue;
        }
        let mut prev: Option<char> = None;
        let mut prev_currency = false;
        for c in node.text.chars() {
            let currency = matches!(c, '$' | '€' | '£' | '¥' | '₹');
            if (prev_currency && c.is_ascii_digit())
                || (currency && prev.is_some_and(|p| p.is_ascii_digit()))
            {
                n += 1;
            }
            if !c.is_whitespace() {
                prev_currency = currency;
                prev = Some(c);
            }
        }
    }
    n
}

/// What the model reads from one page.
pub struct Inputs<'a> {
    pub dom: &'a Dom<'a>,
    pub page: &'a PageMeta,
    pub ld: &'a LdInfo,
    pub analysis: &'a Analysis,
    pub url: Option<&'a str>,
    pub text: &'a str,
    pub has_published: bool,
    pub has_author: bool,
}

/// The page's features, in the order of [`FEATURE_NAMES`] then [`CLASS_WORDS`].
pub fn features(x: &Inputs<'_>) -> [f32; INPUTS] {
    let mut f = [0f32; INPUTS];
    let t = &x.ld.types;
    let shape = &x.analysis.shape;
    let tags = &x.page.tags;
    let og = x
        .page
        .meta(&["og:type"])
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let items = &x.page.itemtypes;
    let url = x.url.and_then(|u| Url::parse(u.trim()).ok());
    let segments: Vec<String> = url
        .as_ref()
        .map(|u| {
            u.path()
                .split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let last = segments.last().map(String::as_str).unwrap_or("");
    let last_stem = last.split('.').next().unwrap_or(last);
    let slug_words = last_stem
        .split(['-', '_'])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count() as u32;
    let host = url
        .as_ref()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    let query = url.as_ref().is_some_and(|u| u.query().is_some());
    let numeric_id = segments
        .iter()
        .any(|s| s.len() >= 5 && s.chars().all(|c| c.is_ascii_digit()));
    let paragraphs: Vec<&str> = x
        .text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let text_chars = x.text.chars().filter(|c| !c.is_whitespace()).count() as u32;
    let para_len = if paragraphs.is_empty() {
        0
    } else {
        text_chars / paragraphs.len() as u32
    };

    let values: [f32; FEATURES] = [
        any_type(t, |s| {
            s.ends_with("Article") || s.ends_with("Posting") || s == "Report"
        }),
        any_type(t, |s| s.contains("NewsArticle") || s == "Report"),
        any_type(t, |s| s == "BlogPosting" || s == "Blog"),
        any_type(t, |s| s == "TechArticle" || s == "APIReference"),
        any_type(t, |s| {
            s == "Product" || s == "ProductGroup" || s == "IndividualProduct"
        }),
        any_type(t, |s| s.ends_with("Offer") || s == "AggregateRating"),
        any_type(t, |s| {
            s == "DiscussionForumPosting" || s == "SocialMediaPosting" || s == "Comment"
        }),
        any_type(t, |s| s == "QAPage" || s == "Question" || s == "Answer"),
        any_type(t, |s| {
            s == "ItemList" || s == "ListItem" || s == "OfferCatalog"
        }),
        any_type(t, |s| s == "CollectionPage"),
        any_type(t, |s| s == "SearchResultsPage"),
        any_type(t, |s| {
            s.ends_with("Service")
                || s.ends_with("Business")
                || s == "LocalBusiness"
                || s == "ProfessionalService"
                || s == "ContactPage"
                || s == "AboutPage"
        }),
        any_type(t, |s| s == "FAQPage"),
        any_type(t, |s| s == "HowTo" || s == "Recipe" || s == "Course"),
        any_type(t, |s| {
            s.ends_with("Application") || s == "SoftwareSourceCode"
        }),
        any_type(t, |s| s.ends_with("Event")),
        any_type(t, |s| s == "BreadcrumbList"),
        flag(
            !t.is_empty()
                && t.iter().all(|s| {
                    matches!(
                        s.as_str(),
                        "WebPage"
                            | "WebSite"
                            | "Organization"
                            | "SearchAction"
                            | "ImageObject"
                            | "BreadcrumbList"
                            | "ListItem"
                            | "EntryPoint"
                            | "PropertyValueSpecification"
                            | "Person"
                            | "ReadAction"
                    )
                }),
        ),
        flag(t.is_empty()),
        flag(items.iter().any(|s| s == "Product" || s.ends_with("Offer"))),
        flag(
            items
                .iter()
                .any(|s| s.ends_with("Article") || s == "BlogPosting"),
        ),
        flag(items.iter().any(|s| {
            s == "DiscussionForumPosting" || s == "Question" || s == "Answer" || s == "Comment"
        })),
        flag(og == "article"),
        flag(og.starts_with("product") || og.contains(":product")),
        flag(og == "website"),
        flag(
            x.page
                .meta(&["article:published_time", "datepublished", "pubdate"])
                .is_some(),
        ),
        flag(x.has_published),
        flag(x.has_author),
        flag(x.url.and_then(super::meta::date_from_url).is_some()),
        (segments.len().min(6) as f32) / 6.0,
        (slug_words.min(12) as f32) / 12.0,
        flag(url.is_some() && segments.is_empty()),
        flag(path_has(
            &segments,
            &[
                "product", "products", "p", "shop", "store", "item", "dp", "buy", "gp", "produkt",
                "produit", "producto",
            ],
        )),
        flag(
            path_has(
                &segments,
                &[
                    "docs",
                    "doc",
                    "documentation",
                    "api",
                    "reference",
                    "manual",
                    "guide",
                    "guides",
                    "learn",
                    "wiki",
                    "tutorial",
                    "kb",
                    "help",
                    "developer",
                    "developers",
                    "sdk",
                ],
            ) || host.starts_with("docs.")
                || host.starts_with("developer.")
                || host.starts_with("help.")
                || host.contains("readthedocs"),
        ),
        flag(
            path_has(
                &segments,
                &[
                    "forum",
                    "forums",
                    "thread",
                    "threads",
                    "topic",
                    "topics",
                    "t",
                    "questions",
                    "community",
                    "discuss",
                    "discussion",
                    "discussions",
                    "board",
                    "comments",
                    "r",
                ],
            ) || last.starts_with("viewtopic")
                || last.starts_with("showthread")
                || host.starts_with("forum")
                || host.starts_with("community.")
                || host.starts_with("discuss"),
        ),
        flag(path_has(
            &segments,
            &[
                "tag",
                "tags",
                "category",
                "categories",
                "search",
                "archive",
                "archives",
                "page",
                "author",
                "topics",
                "section",
                "list",
                "jobs",
                "events",
                "results",
            ],
        )),
        flag(path_has(
            &segments,
            &[
                "news", "article", "articles", "story", "stories", "blog", "post", "posts",
                "opinion",
            ],
        )),
        flag(path_has(
            &segments,
            &[
                "services",
                "service",
                "pricing",
                "contact",
                "about",
                "solutions",
                "plans",
                "features",
                "company",
                "careers",
                "about-us",
                "contact-us",
            ],
        )),
        flag(query),
        flag(numeric_id),
        log_count(text_chars, 10.0),
        log_count(shape.page_text, 12.0),
        ratio(shape.page_link, shape.page_text),
        ratio(shape.main_link, shape.main_text),
        ratio(shape.main_text, shape.page_text),
        ratio(shape.main_para, shape.main_text),
        ratio(shape.page_para, shape.page_text),
        (shape.main_commas as f32 * 100.0 / shape.main_text.max(1) as f32).min(5.0) / 5.0,
        flag(x.analysis.listing.is_some()),
        flag(shape.thread_page),
        ratio(shape.thread_text, shape.page_text),
        flag(shape.main_is_page),
        log_count(tags.article, 3.0),
        log_count(tags.pre + tags.code / 4, 4.0),
        log_count(tags.h2 + tags.h3, 5.0),
        log_count(tags.li, 7.0),
        log_count(tags.form + tags.input + tags.select + tags.button, 5.0),
        log_count(tags.time, 4.0),
        log_count(count_prices(x.dom, &x.analysis.marks), 4.0),
        log_count(paragraphs.len() as u32, 5.0),
        (para_len.min(600) as f32) / 600.0,
        log_count(tags.blockquote, 3.0),
        log_count(tags.table, 3.0),
    ];
    f[..FEATURES].copy_from_slice(&values);
    let elements = tags.elements.max(1) as f32;
    for (k, hit) in x.page.class_hits.iter().enumerate() {
        // Share of elements per thousand, squashed: 1 of 1000 elements is a hint, 10% is a lot.
        f[FEATURES + k] = (1.0 + 1000.0 * *hit as f32 / elements).ln() / 5.0;
    }
    f
}

/// The most likely type and its probability under the shipped weights.
pub fn classify(features: &[f32; INPUTS]) -> (PageType, f32) {
    let probs = probabilities(features, &weights::BIAS, &weights::WEIGHTS);
    let (best, p) =
        probs.iter().copied().enumerate().fold(
            (0, f32::MIN),
            |acc, (k, p)| if p > acc.1 { (k, p) } else { acc },
        );
    (TYPES[best], p)
}

/// Softmax probabilities of each type in [`TYPES`] for one feature vector.
pub fn probabilities(
    features: &[f32; INPUTS],
    bias: &[f32; TYPES.len()],
    w: &[[f32; INPUTS]; TYPES.len()],
) -> [f32; TYPES.len()] {
    let mut z = [0f32; TYPES.len()];
    for k in 0..TYPES.len() {
        z[k] = bias[k] + w[k].iter().zip(features).map(|(a, b)| a * b).sum::<f32>();
    }
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for v in &mut z {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in &mut z {
        *v /= sum.max(f32::MIN_POSITIVE);
    }
    z
}
