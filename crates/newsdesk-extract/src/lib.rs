//! # newsdesk-extract
//!
//! Here is an HTML page (or a plain-text article): what is the article?
//!
//! This crate turns one document into an [`Extracted`] article: clean main text with paragraph
//! breaks kept, the title, the people in the byline, publication and modification dates in
//! ISO 8601, the site name, the language and the canonical URL. It does no I/O and knows nothing
//! else of newsdesk, so it can be used alone:
//!
//! ```
//! let html = r#"<html lang="en"><head><title>Storm hits coast - Daily Example</title>
//!   <meta property="og:site_name" content="Daily Example"></head>
//!   <body><article><h1>Storm hits coast</h1>
//!   <p>A storm hit the coast on Monday, cutting power to 12,000 homes, officials said.</p>
//!   <p>Crews were working through the night to restore it, the utility said in a statement.</p>
//!   </article></body></html>"#;
//! let article = newsdesk_extract::extract_html(html, None);
//! assert_eq!(article.title.as_deref(), Some("Storm hits coast"));
//! assert_eq!(article.site_name.as_deref(), Some("Daily Example"));
//! assert!(article.text.contains("12,000 homes"));
//! ```
//!
//! Plain text goes through [`extract_plain_text`], which reads a leading date line as the
//! publication date and drops site banners, section labels, teasers and share lines.
//!
//! A saved page's bytes go through [`decode_html`] first (BOM, HTTP charset, `<meta>`, else
//! sniffing). `examples/extract_page.rs` does both for one file:
//! `cargo run -p newsdesk-extract --example extract_page -- page.html [URL]`.
//!
//! It is not for fetching pages, nor for deciding what an article means: that is
//! `newsdesk-ingest` and `newsdesk-text`.

mod charset;
pub mod dates;
mod html;
mod language;
mod plain;

use serde::{Deserialize, Serialize};

pub use charset::decode_html;
pub use html::{decode_entities, extract_html};
#[doc(hidden)]
pub use html::{extract_html_with_features, PAGE_TYPE_FEATURES, PAGE_TYPE_INPUTS};
pub use language::detect_language;
pub use plain::{clean_plain_body, extract_plain_text};

/// One clean article, as read from one document.
///
/// Every field but `text` is optional: a page that does not say who wrote it has no authors,
/// and a guess is worse than nothing for the stages that trust these fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// The address the document was read from, when known.
    pub url: Option<String>,
    /// The address the document itself declares as canonical (`<link rel=canonical>`, `og:url`).
    pub canonical_url: Option<String>,
    /// The article's own title, without the site-name suffix of `<title>`.
    pub title: Option<String>,
    /// The byline: the people named as authors, or, when the page names no person, the author
    /// its structured data declares (a desk, a team); never the outlet's own name.
    pub authors: Vec<String>,
    /// Publication date-time in ISO 8601 (`2024-02-29` or `2024-02-29T10:15:00+01:00`).
    pub published: Option<String>,
    /// Last modification date-time in ISO 8601.
    pub modified: Option<String>,
    /// The outlet's name as the document gives it.
    pub site_name: Option<String>,
    /// ISO 639-1 language code (`en`, `es`), from the document or detected from the text.
    pub language: Option<String>,
    /// The document's own short description.
    pub description: Option<String>,
    /// Lead image URL.
    pub image: Option<String>,
    /// Main text: paragraphs separated by a blank line.
    pub text: String,
    /// What kind of page the document is, when it was judged (HTML pages are; plain text is
    /// taken as an article and left `None`). A page that is not an article still has its main
    /// content in `text`; stages that want news should skip it.
    pub page_type: Option<PageType>,
    /// The model's probability for `page_type` (0 to 1; 0 when there is none): below about
    /// 0.5 the page has traits of several kinds.
    pub page_type_confidence: f32,
}

/// What kind of page a document is. The kinds are those of the WCXB benchmark's labels, which
/// cover the pages a crawler meets besides articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageType {
    /// One story, post or essay: what newsdesk is for.
    #[default]
    Article,
    /// A discussion thread or Q&A page: posts by several people.
    Forum,
    /// One product for sale.
    Product,
    /// A curated gallery or set of items (a category page of a shop, a portfolio, a playlist).
    Collection,
    /// A list of links to other pages: an index, search results, a tag or archive page.
    Listing,
    /// Reference or how-to documentation.
    Documentation,
    /// A business's page about what it offers: landing, pricing, contact, about.
    Service,
}

impl PageType {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Listing => "listing",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
        }
    }
}
