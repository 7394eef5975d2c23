//! Tests for the HTML extractor, on pages built to show one behaviour each.

use super::extract_html;
use super::meta::{clean_authors, date_from_url, plain_site_name, strip_site};
use crate::language::normalize_lang;

const P1: &str = "The storm made landfall early on Monday, cutting power to 12,000 homes across the county, officials said.";
const P2: &str = "Crews worked through the night to restore electricity, and the utility said most customers would be reconnected by Wednesday.";
const P3: &str = "Residents were urged to stay indoors, avoid flooded roads, and check on elderly neighbours, the mayor said in a statement.";

fn news_page() -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en-US"><head>
<title>Storm hits coast | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<link rel="canonical" href="/2024/02/29/storm-hits-coast/">
</head>
<body class="single-post has-sidebar">
<header class="site-header"><a href="/">Daily Example</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="content-with-comments">
  <article class="post">
    <h1>Storm hits coast</h1>
    <div class="byline">By Jane Doe and John Smith</div>
    <div class="share-buttons"><a href="/share">Share this</a> <a href="/share">Tweet</a></div>
    <div class="entry-content">
      <p>{P1}</p>
      <div class="advert">Advertisement</div>
      <p>{P2}</p>
      <p>{P3}</p>
      <p>Advertisement</p>
    </div>
  </article>
  <div class="related-articles"><h3>Related articles</h3>
    <ul><li><a href="/a">Flood warnings issued for the whole region as rivers rise, forecasters say</a></li>
    <li><a href="/b">How to prepare your home for a winter storm, according to experts</a></li></ul></div>
  <section id="comments" class="comments-area">
    <h3>3 comments</h3>
    <div class="comment"><p>This is a terrible storm, I hope everyone stays safe out there, truly awful weather.</p></div>
    <div class="comment"><p>My power went out at 3am and it is still not back, the utility is useless, honestly.</p></div>
  </section>
</div>
<aside class="sidebar"><h3>Most read</h3><p>Some other story that is popular today, with lots of words, and commas.</p></aside>
<footer><p>© 2024 Daily Example. All rights reserved.</p></footer>
</body></html>"#
    )
}

/// An article body written as `<div>` paragraphs, with no `<p>` on the page (the bundled
/// example's business paper): the page is still read as prose, so furniture named as such
/// (a consent bar, a ticker strip, a standfirst) goes.
#[test]
fn paragraphs_set_as_divs_make_a_prose_page() {
    let html = include_str!("../../../../examples/html/metro-ledger-greyhaven-factory-fire.html");
    let a = extract_html(html, None);
    assert!(
        a.text.starts_with("GREYHAVEN — Keller Plastics"),
        "{}",
        a.text
    );
    assert!(a.text.ends_with("tested the air."), "{}", a.text);
    for furniture in ["cookies", "EST-20", "Production halted", "Related articles"] {
        assert!(!a.text.contains(furniture), "{furniture}: {}", a.text);
    }
}

/// A lone text `<div>` in each card (testimonials, forum posts) is no body of paragraphs:
/// such a page keeps its blocks named like furniture.
#[test]
fn lone_text_divs_in_cards_do_not_make_a_prose_page() {
    let card = |name: &str, text: &str| {
        format!(
            r#"<div class="review-card"><div class="review-text">{text}</div><div class="review-name">{name}</div></div>"#
        )
    };
    let html = format!(
        r#"<html><head><title>Reviews</title></head><body>
<h1>What our customers say</h1>
<div class="testimonial-carousel">{}{}{}</div>
<div class="feature"><div class="feature-title">Simple</div><div class="feature-text">One page for every contact, with the next step always in view, so that no lead goes cold and nobody has to ask who called whom.</div></div>
<div class="feature"><div class="feature-title">Fast</div><div class="feature-text">Add a deal in seconds, from the browser or the phone, and see the whole pipeline, its value and its next steps, on one screen.</div></div>
<div class="feature"><div class="feature-title">Shared</div><div class="feature-text">Everyone on the team sees the same list, with notes, calls and emails in one place, so handovers take minutes, not days.</div></div>
</body></html>"#,
        card("Ana", P1),
        card("Ben", P2),
        card("Cy", P3)
    );
    let a = extract_html(&html, None);
    for p in [P1, P2, P3] {
        assert!(a.text.contains(p), "{}", a.text);
    }
}

#[test]
fn typical_news_page_keeps_the_article_only() {
    let a = extract_html(
        &news_page(),
        Some("https://news.example.com/2024/02/29/storm-hits-coast/"),
    );
    assert_eq!(a.text, format!("{P1}\n\n{P2}\n\n{P3}"), "{}", a.text);
    assert_eq!(a.title.as_deref(), Some("Storm hits coast"));
    assert_eq!(a.site_name.as_deref(), Some("Daily Example"));
    assert_eq!(a.authors, vec!["Jane Doe", "John Smith"]);
    assert_eq!(a.published.as_deref(), Some("2024-02-29"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://news.example.com/2024/02/29/storm-hits-coast/")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.example.com/2024/02/29/storm-hits-coast/")
    );
    for gone in [
        "World",
        "Most read",
        "terrible storm",
        "Flood warnings",
        "Share this",
        "©",
        "Advertisement",
    ] {
        assert!(!a.text.contains(gone), "{gone} should be gone: {}", a.text);
    }
}

#[test]
fn json_ld_metadata() {
    let html = format!(
        r#"<html><head><title>Ignored title - Example News</title>
<script type="application/ld+json">
{{"@context":"https://schema.org","@graph":[
  {{"@type":"WebSite","@id":"https://example.com/#website","name":"Example News"}},
  {{"@type":"Person","@id":"https://example.com/#/person/1","name":"Ana Lopez"}},
  {{"@type":["NewsArticle"],"headline":"Council approves new budget",
    "author":[{{"@id":"https://example.com/#/person/1"}},{{"@type":"Person","name":"By Ben Okafor"}},
              {{"@type":"Organization","name":"Example News"}}],
    "datePublished":"2024-03-05T09:30:00+01:00","dateModified":"2024-03-06T10:00:00Z",
    "publisher":{{"@type":"NewsMediaOrganization","name":"Example News"}},
    "image":{{"@type":"ImageObject","url":"/img/budget.jpg"}},
    "description":"The council voted 7-2.", "inLanguage":"es-ES",
    "url":"https://example.com/news/budget"}}
]}}
</script></head><body><div><p>{P1}</p><p>{P2}</p></div></body></html>"#
    );
    let a = extract_html(&html, Some("https://example.com/news/budget?utm=x"));
    assert_eq!(a.title.as_deref(), Some("Council approves new budget"));
    assert_eq!(a.authors, vec!["Ana Lopez", "Ben Okafor"]);
    assert_eq!(a.published.as_deref(), Some("2024-03-05T09:30:00+01:00"));
    assert_eq!(a.modified.as_deref(), Some("2024-03-06T10:00:00Z"));
    assert_eq!(a.site_name.as_deref(), Some("Example News"));
    assert_eq!(
        a.image.as_deref(),
        Some("https://example.com/img/budget.jpg")
    );
    assert_eq!(a.description.as_deref(), Some("The council voted 7-2."));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://example.com/news/budget")
    );
    assert_eq!(a.language.as_deref(), Some("es"));
}

#[test]
fn open_graph_metadata() {
    let html = format!(
        r#"<html><head>
<meta property="og:title" content="Markets rally on rate hopes">
<meta property="og:site_name" content="The Ledger">
<meta property="og:url" content="https://ledger.example/markets/rally">
<meta property="og:description" content="Stocks rose &amp;amp; bonds fell.">
<meta property="og:image" content="//cdn.ledger.example/rally.jpg">
<meta property="article:published_time" content="Tue, 05 Mar 2024 14:00:00 GMT">
<meta property="article:modified_time" content="2024-03-05T16:00:00Z">
<meta property="article:author" content="https://www.facebook.com/theledger">
<meta name="author" content="Maria Rossi">
</head><body><main><p>{P1}</p><p>{P2}</p></main></body></html>"#
    );
    let a = extract_html(&html, None);
    assert_eq!(a.title.as_deref(), Some("Markets rally on rate hopes"));
    assert_eq!(a.site_name.as_deref(), Some("The Ledger"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://ledger.example/markets/rally")
    );
    assert_eq!(a.description.as_deref(), Some("Stocks rose & bonds fell."));
    assert_eq!(
        a.image.as_deref(),
        Some("https://cdn.ledger.example/rally.jpg")
    );
    assert_eq!(a.published.as_deref(), Some("2024-03-05T14:00:00Z"));
    assert_eq!(a.modified.as_deref(), Some("2024-03-05T16:00:00Z"));
    assert_eq!(a.authors, vec!["Maria Rossi"]);
}

/// A headline printed inside an element named like furniture (`article__meta`) is still the
/// headline when the metadata vouches for it; it is not taken on position alone.
#[test]
fn headline_in_an_element_named_like_furniture() {
    let page = |og: &str| {
        format!(
            r#"<html><head>
<title>The seven secrets hotel owners keep from guests | The Ledger</title>
<meta property="og:title" content="{og}">
</head><body><article class="post">
<div class="article__meta"><h1 itemprop="headline">The seven secrets hotel owners keep from guests</h1></div>
<div class="entry-content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
</article></body></html>"#
        )
    };
    // The `<title>` starts with the printed headline: it is the title, over a rewording
    // written for social sites.
    let a = extract_html(&page("Seven secrets hotel owners keep"), None);
    assert_eq!(
        a.title.as_deref(),
        Some("The seven secrets hotel owners keep from guests")
    );
    // Where no metadata agrees with it, such a headline is not taken.
    let html = format!(
        r#"<html><head><meta property="og:title" content="Storm cuts power to 12,000 homes"></head>
<body><article class="post"><div class="article__meta"><h1>Subscribe to our newsletter</h1></div>
<div class="entry-content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article></body></html>"#
    );
    assert_eq!(
        extract_html(&html, None).title.as_deref(),
        Some("Storm cuts power to 12,000 homes")
    );
}

/// `og:site_name` with a slogan or the domain's ending after the name the structured data
/// gives is that name, and so is a part before a separator that the host spells; a longer
/// name of its own stays whole.
#[test]
fn site_name_without_its_slogan() {
    assert_eq!(
        plain_site_name(
            "Aktuálně.cz - Víte, co se právě děje",
            [Some("Aktuálně.cz"), None],
            None
        ),
        "Aktuálně.cz"
    );
    // The part before a separator that the host spells.
    assert_eq!(
        plain_site_name(
            "CNX Software - Embedded Systems News",
            [None, None],
            Some("www.cnx-software.com")
        ),
        "CNX Software"
    );
    assert_eq!(
        plain_site_name(
            "Office of Career Strategy - Yale University",
            [None, None],
            Some("ocs.yale.edu")
        ),
        "Office of Career Strategy - Yale University"
    );
    assert_eq!(
        plain_site_name("Libération.fr", [None, Some("Libération")], None),
        "Libération"
    );
    // A name that goes on within a word is another name.
    assert_eq!(
        plain_site_name("Spiceworks Inc", [Some("Spice")], None),
        "Spiceworks Inc"
    );
    assert_eq!(
        plain_site_name("Mark Denney | Landscape Photography", [None, None], None),
        "Mark Denney | Landscape Photography"
    );
}

/// Markup left in a description goes; a style sheet is no description, and the next one is
/// taken.
#[test]
fn descriptions_are_text() {
    use super::meta::plain_description;
    assert_eq!(
        plain_description(
            r#"<p>I did <a href="https://example.com">Advent of Code</a> again.</p>"#
        )
        .as_deref(),
        Some("I did Advent of Code again.")
    );
    assert_eq!(
        plain_description("hr { clear: both; } @media only screen { .nopad { padding: 0 } }"),
        None
    );
    assert_eq!(
        plain_description("Prices rise 3% {in some regions}: a guide").as_deref(),
        Some("Prices rise 3% {in some regions}: a guide")
    );
    let html = format!(
        r#"<html><head><title>Storm</title><meta name="description" content="hr {{ clear: both; }}">
<meta property="og:description" content="The storm cut power."></head><body><article><h1>Storm</h1>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    assert_eq!(
        extract_html(&html, None).description.as_deref(),
        Some("The storm cut power.")
    );
}

/// Style sheets set inside a headline (as CSS-in-JS does) are not its words.
#[test]
fn style_inside_the_headline_is_not_the_title() {
    let html = format!(
        r#"<html><head><title></title></head><body><article><h1><style>.css-1a8e{{cursor:pointer;}}</style><a href="/b">Bader</a> The Cream</h1>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    assert_eq!(
        extract_html(&html, None).title.as_deref(),
        Some("Bader The Cream")
    );
}

/// A separator with nothing on one side goes; a leading minus sign is part of the title.
#[test]
fn empty_title_before_the_site_name() {
    let sites = vec!["Nuts & Volts Magazine".to_owned()];
    assert_eq!(
        strip_site("| Nuts & Volts Magazine", &[], None),
        "Nuts & Volts Magazine"
    );
    assert_eq!(
        strip_site("-5 degrees tonight", &sites, None),
        "-5 degrees tonight"
    );
}

/// A page that names its site only in its `<title>`: the part the host spells.
#[test]
fn site_name_from_the_title() {
    use super::meta::site_from_title;
    assert_eq!(
        site_from_title("Travel Insurance Quotes | GEICO", Some("www.geico.com")).as_deref(),
        Some("GEICO")
    );
    assert_eq!(
        site_from_title(
            "Psychiatry.org - What Are the Latest Trends in Psychiatry?",
            Some("www.psychiatry.org")
        )
        .as_deref(),
        Some("Psychiatry.org")
    );
    // No part the host spells, or no host: no name.
    assert_eq!(
        site_from_title(
            "Tips for Online Success | Student Help",
            Some("www.gcccd.edu")
        ),
        None
    );
    assert_eq!(
        site_from_title("Travel Insurance Quotes | GEICO", None),
        None
    );
    // Display controls around a name are not part of it.
    assert_eq!(
        site_from_title(
            "Jane Doe - \u{202a}Google Scholar\u{202c}",
            Some("scholar.google.com")
        )
        .as_deref(),
        Some("Google Scholar")
    );
}

#[test]
fn title_suffix_and_prefix_stripping() {
    let sites = vec!["Daily Example".to_owned()];
    assert_eq!(
        strip_site("Storm hits coast | Daily Example", &sites, None),
        "Storm hits coast"
    );
    assert_eq!(
        strip_site("Storm hits coast - Daily Example", &sites, None),
        "Storm hits coast"
    );
    assert_eq!(
        strip_site("Storm hits coast — Daily Example", &sites, None),
        "Storm hits coast"
    );
    assert_eq!(
        strip_site("Daily Example :: Storm hits coast", &sites, None),
        "Storm hits coast"
    );
    // Each of several branding prefixes: the site's name, then its address.
    assert_eq!(
        strip_site(
            "Daily Example | DailyExample.com - Storm hits coast",
            &sites,
            Some("dailyexample.com")
        ),
        "Storm hits coast"
    );
    // Recognised by the domain alone.
    assert_eq!(
        strip_site("Storm hits coast - BBC News", &[], Some("www.bbc.co.uk")),
        "Storm hits coast"
    );
    // A short branded tail after `|`, site unknown.
    assert_eq!(
        strip_site("Storm hits the coast hard | Gazette", &[], None),
        "Storm hits the coast hard"
    );
    // A dash inside a real headline stays.
    assert_eq!(
        strip_site("Biden - Trump debate draws record audience", &sites, None),
        "Biden - Trump debate draws record audience"
    );
    // A share text's credit to the outlet's account, but not "via" in a headline.
    assert_eq!(
        strip_site("Storm hits coast via @DailyExample", &[], None),
        "Storm hits coast"
    );
    assert_eq!(
        strip_site("Getting to work via @ bus lanes", &[], None),
        "Getting to work via @ bus lanes"
    );

    // Through the whole extractor: `<title>` only, the h1 decides.
    let html = format!(
        "<html><head><title>Storm hits coast - Daily Example</title></head><body><article><h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    );
    let a = extract_html(&html, None);
    assert_eq!(a.title.as_deref(), Some("Storm hits coast"));
    assert!(
        a.text.starts_with(P1),
        "h1 equal to the title is not text: {}",
        a.text
    );
}

#[test]
fn author_splitting_and_cleaning() {
    let sites = vec!["Daily Example".to_owned()];
    let clean = |s: &[&str]| {
        clean_authors(
            &s.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            &sites,
            None,
        )
    };
    assert_eq!(
        clean(&["By Jane Doe and John Smith"]),
        vec!["Jane Doe", "John Smith"]
    );
    assert_eq!(
        clean(&["Jane Doe, John Smith & Li Wei"]),
        vec!["Jane Doe", "John Smith", "Li Wei"]
    );
    assert_eq!(clean(&["BY JANE DOE"]), vec!["JANE DOE"]);
    assert_eq!(
        clean(&["Jane Doe, MD, PhD", "John Smith, E-RYT 200"]),
        vec!["Jane Doe, MD, PhD", "John Smith, E-RYT 200"]
    );
    assert_eq!(
        clean(&["JANE DOE, JOHN SMITH"]),
        vec!["JANE DOE", "JOHN SMITH"]
    );
    assert_eq!(clean(&["Jane Doe, Staff Writer"]), vec!["Jane Doe"]);
    assert_eq!(clean(&["Jane Doe | Daily Example"]), vec!["Jane Doe"]);
    assert_eq!(clean(&["Jane Doe jane.doe@example.com"]), vec!["Jane Doe"]);
    assert_eq!(
        clean(&["https://example.com/authors/jane"]),
        Vec::<String>::new()
    );
    assert_eq!(
        clean(&["Jane Doe", "jane doe", "JANE DOE"]),
        vec!["Jane Doe"]
    );
    assert_eq!(clean(&["Staff"]), Vec::<String>::new());
    assert_eq!(clean(&["By Jane Doe | March 3, 2024"]), vec!["Jane Doe"]);
    // A job title after the name goes whole, "and" inside it included.
    assert_eq!(
        clean(&["This post was written by Jane Doe, Head of Marketing and Community Development"]),
        vec!["Jane Doe"]
    );
    assert_eq!(
        clean(&["Jane Doe, Home and Digital Security Expert"]),
        vec!["Jane Doe"]
    );
    assert_eq!(
        clean(&["Jane Doe and Li Wei, Extension horticulture educators"]),
        vec!["Jane Doe", "Li Wei"]
    );
    // What follows "on" is a day or a place, not a name.
    assert_eq!(
        clean(&["Posted by JaneD on Friday December 19, 2025 @08:00PM from the jobs dept."]),
        vec!["JaneD"]
    );
    assert_eq!(
        clean(&["Dec. 19, 2025 · Jane Doe on behalf of the Research team"]),
        vec!["Jane Doe"]
    );
    // An exclamation or a question is a greeting or a prompt, not a name.
    assert_eq!(clean(&["Jane Doe", "Hi! I'm Jane"]), vec!["Jane Doe"]);
    // Phrases are not names; particles are part of them.
    assert_eq!(clean(&["Personal finance"]), Vec::<String>::new());
    assert_eq!(
        clean(&["Center for Drug Evaluation and Research"]),
        Vec::<String>::new()
    );
    assert_eq!(clean(&["Erik van Vulpen"]), vec!["Erik van Vulpen"]);
    let many: Vec<String> = (0..20)
        .map(|i| format!("Person {}", char::from(b'A' + i)))
        .collect();
    assert_eq!(clean_authors(&many, &sites, None).len(), 10);
}

#[test]
fn byline_from_markup_when_no_metadata() {
    let html = format!(
        r#"<html><head><meta property="og:site_name" content="Gazette"></head><body><article>
<h1>Headline here</h1><p class="byline">By <a rel="author" href="/a/jd">Jane Doe</a>, Gazette</p>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    let a = extract_html(&html, None);
    assert_eq!(a.authors, vec!["Jane Doe"]);
    assert!(!a.text.contains("Jane Doe"), "{}", a.text);
}

#[test]
fn dates_from_url_and_visible_text() {
    assert_eq!(
        date_from_url("https://x.example/2024/02/29/slug/").as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(
        date_from_url("https://x.example/news/2023-11-05/slug").as_deref(),
        Some("2023-11-05")
    );
    assert_eq!(
        date_from_url("https://x.example/2024/2/3/slug").as_deref(),
        Some("2024-02-03")
    );
    assert_eq!(date_from_url("https://x.example/2024/02/30/slug"), None);
    assert_eq!(date_from_url("https://x.example/item/12345678"), None);

    let html = format!("<html><body><article><p>{P1}</p><p>{P2}</p></article></body></html>");
    let a = extract_html(&html, Some("https://x.example/world/2021/07/14/storm"));
    assert_eq!(a.published.as_deref(), Some("2021-07-14"));

    let html = format!(
        r#"<html><body><article><h1>T</h1><div class="post-date">Published March 3, 2024</div><p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    let a = extract_html(&html, Some("https://x.example/world/storm"));
    assert_eq!(a.published.as_deref(), Some("2024-03-03"));
    assert!(!a.text.contains("March 3"), "{}", a.text);

    let html = format!(
        r#"<html><body><article><time datetime="2022-01-02T03:04:05Z">Jan 2</time><p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    assert_eq!(
        extract_html(&html, None).published.as_deref(),
        Some("2022-01-02T03:04:05Z")
    );
}

#[test]
fn headings_lists_quotes_and_breaks_kept_in_order() {
    let html = format!(
        r#"<html><body><article>
<p>{P1}</p>
<h2>What happens next</h2>
<p>{P2}</p>
<ul><li>Schools will stay closed on Tuesday.</li><li>Bins will be collected on Thursday.</li></ul>
<blockquote><p>"We have never seen anything like it," said one resident.</p></blockquote>
<pre>line one
  line two</pre>
<p>First line of an address<br>Second line<br><br>A new paragraph after two breaks, with more words.</p>
<p>{P3}</p>
</article></body></html>"#
    );
    let a = extract_html(&html, None);
    let expected = [
        P1,
        "What happens next",
        P2,
        "Schools will stay closed on Tuesday.",
        "Bins will be collected on Thursday.",
        "\"We have never seen anything like it,\" said one resident.",
        "line one\n  line two",
        "First line of an address\nSecond line",
        "A new paragraph after two breaks, with more words.",
        P3,
    ]
    .join("\n\n");
    assert_eq!(a.text, expected);
}

#[test]
fn whitespace_and_inline_tags() {
    let html = "<html><body><article><p>  The   <b>quick</b>\n brown <a href='#'>fox</a>,\tjumped over the lazy dog again and again, people said. </p>\
        <p>Second paragraph with enough words to count as prose, clearly, for the scorer.</p></article></body></html>";
    let a = extract_html(html, None);
    assert!(
        a.text
            .starts_with("The quick brown fox, jumped over the lazy dog"),
        "{}",
        a.text
    );
}

#[test]
fn canonical_resolution() {
    let html = format!(
        r#"<html><head><base href="/news/"><link rel="canonical" href="story-1.html"></head><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    let a = extract_html(&html, Some("https://site.example/section/page?id=1"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://site.example/news/story-1.html")
    );

    // Relative canonical without any base: no guess.
    let html = format!(
        r#"<html><head><link rel="canonical" href="/x"></head><body><p>{P1}</p></body></html>"#
    );
    assert_eq!(extract_html(&html, None).canonical_url, None);
}

#[test]
fn language_from_attribute_and_detection() {
    assert_eq!(normalize_lang("en-US").as_deref(), Some("en"));
    assert_eq!(normalize_lang("pt_BR").as_deref(), Some("pt"));
    assert_eq!(normalize_lang("FR").as_deref(), Some("fr"));
    assert_eq!(normalize_lang(""), None);
    assert_eq!(normalize_lang("x"), None);

    let html = format!(r#"<html lang="de-AT"><body><p>{P1}</p></body></html>"#);
    assert_eq!(extract_html(&html, None).language.as_deref(), Some("de"));

    let html = "<html><body><article>\
        <p>El gobierno anunció el lunes nuevas medidas para apoyar a las pequeñas empresas del país, según informaron fuentes oficiales.</p>\
        <p>Las medidas entrarán en vigor la próxima semana y afectarán a miles de trabajadores en todas las regiones.</p>\
        </article></body></html>";
    assert_eq!(extract_html(html, None).language.as_deref(), Some("es"));

    // A theme's `lang="en"` over a story written in German: the text's language wins.
    let html = "<html lang=\"en\"><body><article>\
        <p>Der Hafen der Stadt wurde am Freitag wieder geöffnet, nachdem die Taucher jeden Pfeiler geprüft hatten. Die beiden Fähren legten vor Mittag an, und der Fischmarkt zog mit seinen Ständen vom Parkplatz zurück.</p>\
        <p>Die Reparatur der Beleuchtung wird bis zum Ende des Monats in der Nacht weitergehen, sagte die Hafengesellschaft. Der Bürgermeister dankte den Arbeitern für ihre schnelle Hilfe und kündigte an, dass die Stadt im Winter eine vierte Pumpe kaufen will.</p>\
        </article></body></html>";
    assert_eq!(extract_html(html, None).language.as_deref(), Some("de"));
}

#[test]
fn json_ld_body_when_page_text_is_missing() {
    let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "articleBody":"First paragraph of the body, which the page renders with script.\nSecond paragraph, also only in the data."}</script></head>
        <body><div id="app"></div></body></html>"#;
    let a = extract_html(html, None);
    assert_eq!(
        a.text,
        "First paragraph of the body, which the page renders with script.\n\nSecond paragraph, also only in the data."
    );
}

#[test]
fn broken_json_ld_is_tolerated() {
    let html = "<html><head><script type=\"application/ld+json\"><!--\n{\"@type\":\"Article\",\"headline\":\"Line\nbreak\"}\n--></script>\
        <script type=\"application/ld+json\">{not json</script></head><body><p>x</p></body></html>";
    let a = extract_html(html, None);
    assert_eq!(a.title.as_deref(), Some("Line break"));
}

#[test]
fn odd_inputs_do_not_panic() {
    for html in [
        "",
        "plain text, no tags",
        "<",
        "<html",
        "<p>unclosed <b>bold <i>italic",
        "<table><tr><td>cell</td><div>misplaced</div></tr></table>",
        "<script>never closed",
        "<svg><div><p>foreign</p></div></svg>",
        "<html><head><title></title><meta property=\"og:title\" content=\"\"></head></html>",
        "\u{0}\u{feff}<p>\u{200b}</p>",
    ] {
        let _ = extract_html(html, Some("not a url"));
        let _ = extract_html(html, None);
    }
}

/// 100,000 nested `<div>`s: the parser's own cost is quadratic in depth, so this checks both
/// that nesting is capped before parsing and that nothing here recurses.
#[test]
fn deeply_nested_divs() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 12);
    html.push_str("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>");
    html.push_str(P1);
    html.push_str("</p><p>");
    html.push_str(P2);
    html.push_str("</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let start = std::time::Instant::now();
    let a = extract_html(&html, None);
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

/// A big page stays linear. 5 MB rather than 20 MB keeps the test quick in debug builds; the
/// work per byte is the same.
#[test]
fn large_page() {
    let mut html = String::from("<html><body><div class=\"nav\">");
    while html.len() < 2_500_000 {
        html.push_str("<a href=\"/x\">Link text</a> ");
    }
    html.push_str("</div><article>");
    while html.len() < 5_000_000 {
        html.push_str("<p>");
        html.push_str(P1);
        html.push_str("</p>");
    }
    html.push_str("</article></body></html>");
    let start = std::time::Instant::now();
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(P1));
    assert!(!a.text.contains("Link text"));
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

/// Prints how the article container was chosen for the page in `$DUMP_HTML`; a tool for
/// studying misreads (`cargo test -p newsdesk-extract dump_choice -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump_choice() {
    let Ok(path) = std::env::var("DUMP_HTML") else {
        return;
    };
    let html = std::fs::read_to_string(path).unwrap_or_default();
    let limited = super::depth::limit_nesting(&html, super::depth::MAX_DEPTH);
    let doc = scraper::Html::parse_document(&limited);
    let dom = super::dom::Dom::new(&doc);
    let analysis = super::content::Analysis::new(&dom, false, false);
    let stats = super::content::compute_stats(&dom, &analysis.marks);
    // The biggest subtrees left out, by the text they would have given.
    let keep_all = vec![super::content::Mark::Keep; dom.len()];
    let raw = super::content::compute_stats(&dom, &keep_all);
    let mut i = 0;
    while i < dom.len() {
        if analysis.marks[i] != super::content::Mark::Keep {
            if raw[i].text > 200 {
                println!(
                    "left out {i} <{}> {:?} {:?} text={}",
                    dom.nodes[i].tag,
                    dom.class_id(i),
                    analysis.marks[i] == super::content::Mark::Header,
                    raw[i].text
                );
            }
            i = dom.nodes[i].end.max(i + 1);
            continue;
        }
        i += 1;
    }
    if let Some(l) = analysis.listing {
        println!("listing {l} <{}> {:?}", dom.nodes[l].tag, dom.class_id(l));
    }
    for &c in &analysis.chosen {
        println!("chosen {c} <{}> {:?}", dom.nodes[c].tag, dom.class_id(c));
        for a in std::iter::once(c).chain(dom.ancestors(c)) {
            let s = &stats[a];
            println!(
                "  up {a} <{}> {:?} keep={:?} text={} link={} para={}",
                dom.nodes[a].tag,
                dom.class_id(a),
                analysis.marks[a] == super::content::Mark::Keep,
                s.text,
                s.link,
                s.para
            );
            for ch in dom.children(a) {
                let s = &stats[ch];
                if s.text > 50 {
                    println!(
                        "      child {ch} <{}> {:?} text={} link={}",
                        dom.nodes[ch].tag,
                        dom.class_id(ch),
                        s.text,
                        s.link
                    );
                }
            }
        }
    }
}

#[test]
fn text_split_over_sibling_sections_is_read_whole() {
    let html = format!(
        r#"<html><head><title>Garden guide</title></head><body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
<div class="page"><div class="row"><div class="col"><div class="block"><p>{P1}</p></div></div></div>
<div class="row"><div class="col"><div class="block"><h2>Watering</h2><p>{P2}</p></div></div></div>
<div class="row"><div class="col"><div class="block"><p>{P3}</p></div></div></div></div>
</body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(
        a.text.contains(P1) && a.text.contains(P2) && a.text.contains(P3),
        "{}",
        a.text
    );
}

#[test]
fn long_noscript_content_is_read() {
    let html = format!(
        r#"<html><head><noscript><img src="/pixel"></noscript></head><body><div id="app"></div>
<noscript><div class="post"><p>{P1} {P2}</p><p>{P2} {P3}</p><p>{P3} {P1}</p></div></noscript>
<noscript>Please enable JavaScript.</noscript></body></html>"#
    );
    let a = extract_html(&html, None);
    assert_eq!(a.text, format!("{P1} {P2}\n\n{P2} {P3}\n\n{P3} {P1}"));
}

#[test]
fn printed_date_and_plain_byline() {
    // The stated date equals the last modification; the page prints another one.
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2025-06-01T10:00:00Z">
<meta property="article:modified_time" content="2025-06-01T10:00:00Z"></head><body><article>
<h1>How to prune roses</h1><div><span>by <a href="/people/ann">Ann Lee</a></span> <span>March 3, 2024</span></div>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    let a = extract_html(&html, None);
    assert_eq!(a.published.as_deref(), Some("2024-03-03"));
    assert_eq!(a.authors, vec!["Ann Lee"]);
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2023-01-05">
<meta property="article:modified_time" content="2024-02-10T08:00:00Z"></head><body><article>
<h1>How to prune roses</h1><p>Last updated: February 10, 2024</p><p>{P1}</p><p>{P2}</p>
</article></body></html>"#
    );
    let a = extract_html(&html, None);
    // Shown as updated: the stated first publication stands, the update is the modification.
    assert_eq!(a.published.as_deref(), Some("2023-01-05"));
    assert_eq!(a.modified.as_deref(), Some("2024-02-10T08:00:00Z"));
}

#[test]
fn author_links_and_declared_organisations() {
    let html = format!(
        r#"<html><body><article><h1>Roses</h1><div class="meta"><a href="/authors/ann-lee/">Ann Lee</a></div>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    assert_eq!(extract_html(&html, None).authors, vec!["Ann Lee"]);
    // No person named anywhere: the organisation the page declares as author.
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"BlogPosting","headline":"Roses",
"author":{{"@type":"Organization","name":"Acme Gardens"}}}}</script></head>
<body><article><h1>Roses</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
    );
    assert_eq!(extract_html(&html, None).authors, vec!["Acme Gardens"]);
}

fn prose(n: usize) -> String {
    (0..n).map(|_| format!("<p>{P1}</p><p>{P2}</p>")).collect()
}

#[test]
fn furniture_tag_or_hidden_wrapper_around_the_page_is_not_dropped() {
    // An `<aside>` left unclosed swallows the page; a page hidden until its scripts run.
    for open in [
        r#"<aside class="banner"><a href="/x">News</a>"#,
        r#"<div style="visibility: hidden">"#,
    ] {
        let html = format!(
            "<html><body>{open}<nav><a href=\"/\">Home</a></nav><main><article>{}</article></main>\
             <footer>Footer text here</footer></body></html>",
            prose(3)
        );
        let a = extract_html(&html, None);
        assert!(a.text.starts_with(P1), "{open}: {}", a.text);
        assert!(!a.text.contains("Home"), "{}", a.text);
    }
}

/// A page hidden until its scripts run is read even when its text is mostly links (a
/// tutorial's index); a small hidden part of a page is still dropped.
#[test]
fn page_of_links_hidden_until_scripts_run_is_read() {
    let items: String = (0..40)
        .map(|k| format!(r#"<li><a href="/t/{k}">Supervised learning lesson number {k}</a></li>"#))
        .collect();
    let html = format!(
        r#"<html><body><div style="visibility:hidden;min-height:100vh"><main><h1>Machine Learning Tutorial</h1>
<p>Machine learning lets computers learn from data without being told every rule.</p><ul>{items}</ul>
<div style="display:none"><p>A hidden notice that nobody sees, with commas, and more words.</p></div></main></div></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("lesson number 39"), "{}", a.text);
    assert!(!a.text.contains("hidden notice"), "{}", a.text);
}

/// A part of the page hidden until its styles load, holding the article and most of the
/// prose, is read; a hidden notice beside it is not.
#[test]
fn deferred_part_around_the_article_is_read() {
    let html = format!(
        r#"<html><body><header><a href="/">Shop</a><div>Hi</div></header>
<div class="product-grouping-wrapper defer-block" style="display: none"><article><h1>Almond thins</h1>{}</article></div>
<div style="display:none"><p>A hidden notice that nobody sees, with commas, and more words.</p></div></body></html>"#,
        prose(2)
    );
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(!a.text.contains("hidden notice"), "{}", a.text);
}

/// A page saved while a cookie dialog was open: the dialog's script hid the `<main>` part from
/// screen readers (`aria-hidden`), not from the eye, and it is still the page's content. An
/// element hidden so that holds no `<main>` (a decorative copy) is still dropped.
#[test]
fn main_part_behind_an_open_dialog_is_read() {
    let html = r#"<html><body><header><a href="/">Lamp Shop</a></header>
<div role="dialog" class="consent"><p>We use cookies to improve your visit, to measure traffic, and to show you offers; choose Accept to agree, or Settings to pick which ones.</p>
<p>Partners may store and read information on your device, such as cookies and identifiers, for personalised ads, content, measurement and audience research.</p></div>
<main aria-hidden="true"><h1>Harbour lantern, brass</h1>
<div>A brass lantern cast in Cornwall, thirty centimetres tall, with a glass chimney and a ring for hanging it in a porch or on a boat.</div>
<ul><li>Weight: 1.2 kg, with the chimney</li><li>Burns fourteen hours on one fill of lamp oil</li><li>Ships in a wooden crate within three days</li></ul>
<div aria-hidden="true">Decorative repeat of the lantern name for the slideshow behind the picture</div></main>
<footer><p>Lamp Shop Ltd, Quay Street, Falmouth. Registered in England, company number 01234567, all prices include VAT.</p></footer></body></html>"#;
    let a = extract_html(html, None);
    assert!(
        a.text.contains("A brass lantern cast in Cornwall"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Burns fourteen hours"), "{}", a.text);
    assert!(!a.text.contains("We use cookies"), "{}", a.text);
    assert!(!a.text.contains("Decorative repeat"), "{}", a.text);
}

/// An accordion whose panels follow their headings' buttons (`aria-expanded`, no
/// `aria-controls`; a link that only runs a script is a button) is read, closed panels too; a
/// menu that a button opens (`aria-haspopup`) is not, nor is a hidden block that no control
/// opens.
#[test]
fn accordion_panels_after_their_buttons_are_read() {
    let html = format!(
        r#"<html><body><article><h1>Choosing a storm lantern</h1>{}
<section class="embed"><div><h3><button aria-expanded="false"><span>+</span><p>Weight</p></button></h3>
<div aria-hidden="true" hidden><p>A good lantern for a boat weighs under a kilo when full, so that it can hang from a boom without swinging it.</p></div></div>
<div><h3><button aria-expanded="false"><p>Fuel</p></button></h3>
<div hidden><p>Paraffin burns cleaner than lamp oil, and a full tank lasts through a long winter night at sea.</p></div></div></section>
<div class="post-tools"><button type="button" aria-expanded="false" aria-haspopup="true" title="More options"></button>
<div class="menu" aria-hidden="true"><ul><li><a href="/quote/1">Add this lantern post to a multi-quote reply</a></li></ul></div></div>
<div hidden><p>A hidden notice that nobody sees, with commas, and more words.</p></div>
<div><a href="javascript:void(0);" aria-expanded="false">How we tested</a></div>
<div class="hide" aria-hidden="true"><p>Each lantern burned for a night on a mooring, and we weighed the fuel left at dawn.</p></div>
<div><a href="/lanterns/all" aria-expanded="false">All lanterns</a></div>
<div aria-hidden="true"><p>A list of every lantern the shop sells, with prices, sizes, and colours.</p></div>
</article></body></html>"#,
        prose(2)
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("weighs under a kilo"), "{}", a.text);
    assert!(a.text.contains("Paraffin burns cleaner"), "{}", a.text);
    assert!(!a.text.contains("multi-quote"), "{}", a.text);
    assert!(!a.text.contains("hidden notice"), "{}", a.text);
    // A link that runs a script is a button; one to another page is not.
    assert!(a.text.contains("weighed the fuel left"), "{}", a.text);
    assert!(
        !a.text.contains("every lantern the shop sells"),
        "{}",
        a.text
    );
}

/// A Bootstrap accordion sets `role="tablist"` on the whole group; its panels, named by the
/// tabs' `aria-controls` but given no role, are its content. A row of tabs alone is not.
#[test]
fn accordion_group_set_as_a_tab_list_is_read() {
    let html = format!(
        r#"<html><body><main><h1>Lantern care</h1>{}
<div class="panel-group" id="faq" role="tablist">
<div class="panel"><div class="panel-heading" role="tab" id="h1"><h4><a role="button" href="c1" aria-expanded="true" aria-controls="c1">How often should the wick be trimmed?</a></h4></div>
<div id="c1" class="panel-collapse" aria-labelledby="h1"><div class="panel-body"><p>Trim the wick after every few hours of burning, straight across, so that the flame stays low and even and the glass stays clean.</p></div></div></div>
<div class="panel"><div class="panel-heading" role="tab" id="h2"><h4><a role="button" href="c2" aria-expanded="false" aria-controls="c2">Can the chimney go in a dishwasher?</a></h4></div>
<div id="c2" class="panel-collapse" aria-labelledby="h2"><div class="panel-body"><p>Wash the glass chimney by hand in warm soapy water, because a dishwasher's heat can crack it along the seam.</p></div></div></div>
</div>
<div role="tablist"><a role="tab" aria-controls="specs-panel">Specifications and sizes</a><a role="tab" aria-controls="reviews-panel">Reviews from our customers</a></div>
</main></body></html>"#,
        prose(2)
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Trim the wick"), "{}", a.text);
    assert!(a.text.contains("dishwasher's heat"), "{}", a.text);
    assert!(!a.text.contains("Reviews from our customers"), "{}", a.text);
}

/// A heading over a list of links to other stories goes with its links ("More:" is no line of
/// the text), a rail's heading too where it starts no rail at the end ("Trending News" over
/// teasers in mid-story); a heading over the text's own paragraphs stays.
#[test]
fn heading_of_a_dropped_list_of_links_goes_with_it() {
    let html = format!(
        r#"<html><body><article><h1>Storm hits the coast</h1><p>{P1}</p>
<h4>More:</h4><ul><li><h4><a href="/a">Ferry timetable changes for the winter season</a></h4></li>
<li><h4><a href="/b">New lamps for the north pier after the storm</a></h4></li></ul>
<p>{P2}</p><figure><h4>Trending News</h4><ul><li><a href="/c">Council votes on the new sea wall budget</a></li>
<li><a href="/d">School reopens after the flood repairs end</a></li></ul></figure>
<h2>Repairs ahead</h2><p>{P3}</p></article></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(!a.text.contains("More:"), "{}", a.text);
    assert!(!a.text.contains("Trending News"), "{}", a.text);
    assert!(a.text.contains(P2), "{}", a.text);
    assert!(a.text.contains("Repairs ahead"), "{}", a.text);
}

/// A comment toggle below the story ("Comments (+)", "Comments (12)") is a control's label, not
/// a sentence that ends in a parenthesis: it goes with the other labels at the text's edge.
#[test]
fn comment_counter_below_the_story_is_a_label() {
    for counter in ["(+)", "(12)"] {
        let html = format!(
            r#"<html><body><article><h1>Storm hits the coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>
<div class="comm"><span>Comments</span> <span>{counter}</span></div></article></body></html>"#
        );
        let a = extract_html(&html, None);
        assert!(a.text.ends_with(P3), "{}", a.text);
    }
}

/// A reply that quotes a post not on the page (`<aside class="quote">` around a blockquote)
/// keeps the quote: it is part of what the reply says. A quote of a post the page already
/// shows is a repeat and goes, and so does an aside that is no quotation.
#[test]
fn quotation_set_apart_in_a_reply_is_read_unless_the_page_shows_its_source() {
    let html = r#"<html><body><main><h1>Which lamp oil burns cleanest?</h1>
<div class="post"><p>Paraffin has burned cleanest in my storm lantern, with almost no soot on the glass after a whole night of use.</p></div>
<div class="post"><aside class="quote"><div class="title">harbourmaster:</div><blockquote><p>Paraffin has burned cleanest in my storm lantern, with almost no soot on the glass after a whole night of use.</p></blockquote></aside>
<p>Same here, though I trim the wick before every evening so that the flame stays low and steady.</p></div>
<div class="post"><aside class="quote"><div class="title">oldsalt:</div><blockquote><p>Lamp oil smells less than paraffin indoors, which matters in a small cabin on a long passage.</p></blockquote></aside>
<p>That was in the other thread, and it matches what I found aboard last winter on the crossing.</p></div>
<aside class="widget"><p>Join our sailing club today and get a free lantern with every new membership this month.</p></aside>
</main></body></html>"#;
    let a = extract_html(html, None);
    assert!(a.text.contains("Lamp oil smells less"), "{}", a.text);
    assert_eq!(
        a.text.matches("Paraffin has burned cleanest").count(),
        1,
        "{}",
        a.text
    );
    assert!(!a.text.contains("Join our sailing club"), "{}", a.text);
}

/// A bar of short list items printed above the headline (weather and a market ticker) is the
/// page's, not the story's; a list inside the story stays.
#[test]
fn ticker_above_the_headline_is_not_text() {
    let html = format!(
        r#"<html><body><main><ul class="subnav"><li>Harbour 12 °C Rain</li><li>FTSE: 7512.3 +12.1</li><li>Tide: 4.2 m</li></ul>
<h1>Storm hits the coast</h1><p>{P1}</p><ul><li>Ferries stay in port until Thursday</li><li>Schools open late</li></ul><p>{P2}</p><p>{P3}</p></main></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(a.text.contains("Schools open late"), "{}", a.text);
}

/// A rail above the headline goes; the story's own list of short items under the headline
/// stays, though short lines stood above the headline too.
#[test]
fn story_list_under_the_headline_stays_after_a_rail_above_it() {
    let html = format!(
        r#"<html><body><main><p>News</p><h3>Most popular</h3><p>Council votes on sea wall</p><p>School reopens</p>
<h1>Storm hits the coast</h1><ul><li>Ferries cancelled</li><li>Schools closed</li><li>Roads flooded</li></ul>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></main></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Ferries cancelled"), "{}", a.text);
    assert!(!a.text.contains("Council votes"), "{}", a.text);
}

/// In a table of data (header cells over its columns) a linked cell is one of its values (a
/// ticker symbol); a table whose one header titles a column of links is a list of other
/// stories, and its links go as link lines.
#[test]
fn linked_cells_of_a_data_table_are_its_values() {
    let html = format!(
        r#"<html><body><article><h1>Harbour shares fall</h1><p>{P1}</p>
<table><thead><tr><th>Ticker</th><th>Company</th><th>Last</th></tr></thead>
<tbody><tr><td><a href="/q/HBR">HBR</a></td><td>Harbour Holdings</td><td>12.40</td></tr>
<tr><td><a href="/q/FRY">FRY</a></td><td>Ferry Lines</td><td>8.15</td></tr></tbody></table>
<p>{P2}</p><table><tr><th>Related stories</th></tr><tr><td><a href="/a">Council votes on the new sea wall budget</a></td></tr>
<tr><td><a href="/b">School reopens after the flood repairs end</a></td></tr></table><p>{P3}</p></article></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("HBR"), "{}", a.text);
    assert!(a.text.contains("FRY"), "{}", a.text);
    assert!(!a.text.contains("Council votes"), "{}", a.text);
}

#[test]
fn streamed_react_segments_are_read() {
    let html = format!(
        "<html><body><div hidden id=\"S:0\"><article>{}</article></div>\
         <div hidden><p>A hidden notice that nobody sees, with commas, and more words.</p></div></body></html>",
        prose(2)
    );
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(!a.text.contains("hidden notice"), "{}", a.text);
}

#[test]
fn post_flag_classes_do_not_make_furniture() {
    let html = format!(
        "<html><body><article class=\"post has-comments category-sidebar-news product_tag-related\">{}</article></body></html>",
        prose(2)
    );
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
}

#[test]
fn forum_thread_posts_are_content() {
    let posts: String = [P1, P2, P3, P1, P2, P3]
        .iter()
        .enumerate()
        .map(|(n, p)| {
            format!(
                "<article class=\"comment post\"><div class=\"comment-body\"><p>{p} Reply number {n}.</p></div></article>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=\"/\">Forums</a></nav><main><h1>Thread title</h1>{posts}</main></body></html>"
    );
    let a = extract_html(&html, None);
    for p in [P1, P2, P3] {
        assert!(a.text.contains(p), "{}", a.text);
    }
    // Under an article, the same thread is left out.
    let html = format!(
        "<html><body><article><h1>Story</h1>{}</article><section class=\"comments\">{posts}</section></body></html>",
        prose(3)
    );
    let a = extract_html(&html, None);
    assert!(!a.text.contains("Reply number"), "{}", a.text);
}

/// Three replies to a thread about a storm, for the forum tests.
const STORM_REPLIES: [&str; 3] = [
    "Our street lost power at midnight and it came back on Tuesday afternoon. The fridge \
     survived, the freezer did not, and the insurer wants photos of everything in it.",
    "The county opened two shelters in the school gyms, both with generators. They take \
     pets too, which is more than the last storm's shelters did, so spread the word.",
    "Ferries were cancelled until Wednesday, so the island crews came by road. It took \
     them five hours, and the bridge was down to one lane for most of the morning.",
];

/// A thread page: an opening post of `P1` and the three storm replies, each framed by `post`.
fn storm_thread(post: impl Fn(&str) -> String) -> String {
    let posts: String = [P1, STORM_REPLIES[0], STORM_REPLIES[1], STORM_REPLIES[2]]
        .into_iter()
        .map(post)
        .collect();
    format!(
        "<html><body><nav><a href=\"/\">Forums</a></nav><h1>Storm on Monday: who still has no power?</h1>\
         <div class=\"topic\">{posts}</div></body></html>"
    )
}

/// A thread as a forum engine prints it: each post framed by a card presenting its poster
/// (rank, join date, counts), a line with its date and number, a reactions bar, and, in a
/// reply, a quote of the post it answers. The posts are the content, all of them, though the
/// opening one is the longest; the frames are not, and a quoted post is not read twice.
#[test]
fn forum_posts_without_their_frames() {
    // The engine writes a post's paragraphs between `<br>`s.
    let opening = format!(
        "{P1}<br><br>{P2}<br><br>{P3}<br><br>{P1} {P2}<br><br>{P3} {P1}<br><br>{P2} {P3}<br><br>{P1}"
    );
    let replies = STORM_REPLIES;
    let post = |n: usize, name: &str, body: &str, quote: &str| {
        format!(
            "<article class=\"message message--post\" id=\"post-{n}\"><div class=\"message-inner\">\
             <div class=\"message-cell message-cell--user\"><section class=\"message-user\">\
             <h4 class=\"message-name\"><a href=\"/members/{name}\">{name}</a></h4>\
             <h5 class=\"userTitle message-userTitle\">Well-known member</h5>\
             <div class=\"message-userExtras\"><dl><dt>Joined</dt><dd>Oct 11, 2014</dd></dl>\
             <dl><dt>Messages</dt><dd>4,210</dd></dl></div></section></div>\
             <div class=\"message-cell message-cell--main\">\
             <header class=\"message-attribution\"><time>Jun 3, 2024</time> <a href=\"#post-{n}\">#{n}</a></header>\
             <div class=\"message-content\"><article class=\"message-body\"><div class=\"bbWrapper\">{quote}{body}</div></article></div>\
             <footer class=\"message-footer\"><div class=\"reactionsBar\">Reactions: someone</div></footer>\
             </div></div></article>"
        )
    };
    // The quoted opening lines sit in an element the engine names as content.
    let quote = format!(
        "<blockquote class=\"bbCodeBlock bbCodeBlock--quote\"><div class=\"bbCodeBlock-title\">stormwatch said:</div>\
         <div class=\"bbCodeBlock-content\"><div class=\"bbCodeBlock-expandContent\">{P1}<br><br>{P2}<br><br>{P3}<br><br>{P2} {P3}</div></div></blockquote>"
    );
    let posts = [
        post(1, "stormwatch", &opening, ""),
        post(2, "harbourview", replies[0], ""),
        post(3, "eastend", replies[1], &quote),
        post(4, "islander", replies[2], ""),
    ]
    .concat();
    let html = format!(
        "<html><body><nav><a href=\"/\">Forums</a> <a href=\"/weather\">Weather</a></nav><div class=\"p-body\">\
         <h1>Storm on Monday: who still has no power?</h1>\
         <div class=\"block-body js-replyNewMessageContainer\">{posts}</div></div></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains(P3), "{}", a.text);
    for reply in replies {
        assert_eq!(a.text.matches(reply).count(), 1, "{reply}: {}", a.text);
    }
    assert_eq!(
        a.text.matches(P1).count(),
        opening.matches(P1).count(),
        "{}",
        a.text
    );
    for frame in [
        "Well-known member",
        "Joined",
        "4,210",
        "#2",
        "Reactions",
        "said:",
    ] {
        assert!(!a.text.contains(frame), "{frame}: {}", a.text);
    }
}

/// A thread of two posts whose reply is the longer: the best container is the reply's body,
/// and the opening post's body, a cousin of it rather than a sibling, comes with it.
#[test]
fn a_short_threads_opening_post_stays_with_the_reply() {
    let opening =
        "I am spending my first winter aboard and the cabin gets dark by four. Which lamp \
                   do you trust when the shore power fails and the wind gets up?";
    let html = format!(
        "<html><body><nav><a href=\"/\">Forums</a></nav><h1>Storm lamp for a winter aboard?</h1>\
         <div class=\"topic\"><div class=\"post\"><div class=\"postbody\"><p>{opening}</p></div></div>\
         <div class=\"post\"><div class=\"postbody\"><p>{}</p><p>{}</p><p>{}</p></div></div></div></body></html>",
        STORM_REPLIES[0], STORM_REPLIES[1], STORM_REPLIES[2]
    );
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(opening), "{}", a.text);
    for reply in STORM_REPLIES {
        assert!(a.text.contains(reply), "{reply}: {}", a.text);
    }
}

/// A post's class name with characters outside ASCII, where the engines' words would end
/// (`comé€`), is read without breaking and the posts are kept.
#[test]
fn a_post_class_outside_ascii_is_read_whole() {
    let html = format!(
        "<html><body><div class=\"topic\"><div class=\"comé€ x\"><div class=\"postbody\"><p>{P1}</p><p>{P2}</p></div></div>\
         <div class=\"comé€ x\"><div class=\"postbody\"><p>{P3}</p></div></div></div></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
}

/// The card each engine prints beside a post, with the poster's counts and dates, in the
/// names vBulletin (`userinfo_extra`, `userstats`, `threadstarter`), XenForo 1
/// (`extraUserInfo`), MyBB (`author_statistics`) and FluxBB (`postleft`) give it.
#[test]
fn a_posters_card_goes_in_each_engines_names() {
    let replies = STORM_REPLIES;
    let cards = [
        "<div class=\"userinfo_extra\"><dl class=\"userstats\"><dt>Join Date</dt><dd>Nov 2014</dd><dt>Posts</dt><dd>4,210</dd></dl></div>",
        "<div class=\"username_container\"><span class=\"threadstarter\">Original Poster</span></div>",
        "<div class=\"extraUserInfo\"><dl class=\"pairsJustified\"><dt>Likes Received:</dt><dd>4,210</dd></dl></div>",
        "<div class=\"author_statistics\">Posts: 4,210<br>Threads: 23<br>Joined: Nov 2014</div>",
        "<div class=\"postleft\"><dl><dt><strong>stormwatch</strong></dt><dd>Member</dd><dd>Registered: 2014-11-02</dd></dl></div>",
    ];
    for card in cards {
        let html = storm_thread(|body| {
            format!("<div class=\"post\">{card}<div class=\"postbody\">{body}</div></div>")
        });
        let a = extract_html(&html, None);
        for reply in replies {
            assert!(a.text.contains(reply), "{card}, {reply}: {}", a.text);
        }
        for frame in [
            "4,210",
            "Original Poster",
            "Nov 2014",
            "Registered",
            "Member",
        ] {
            assert!(!a.text.contains(frame), "{frame}: {}", a.text);
        }
    }
}

/// The signature a poster sets once is printed under each of their posts, whatever the engine
/// calls it (phpBB's `signature`, XenForo's `message-signature`, Invision's
/// `ipsEntry__signature`). It is not what any post says, and neither is the link back to the
/// top of the page printed under each post. A post flagged as carrying one
/// (`with-signature`) stays, and so does a part of a story that only starts with the word.
#[test]
fn a_posters_signature_goes_with_each_post() {
    let signature = "Skipper of the Marigold since 1998. Ask me about diesel engines, tides and \
                     the best chowder on the north coast. Fair winds to all.";
    let replies = STORM_REPLIES;
    for class in [
        "signature",
        "message-signature",
        "ipsEntry__signature",
        "user-signature-42",
    ] {
        let html = storm_thread(|body| {
            format!(
                "<div class=\"post with-signature\"><div class=\"postbody\"><div class=\"content\">{body}</div>\
                 <div class=\"{class}\">{signature}</div></div>\
                 <div class=\"back2top\"><a href=\"#wrap\" class=\"top\" title=\"Top\">Top</a></div></div>"
            )
        });
        let a = extract_html(&html, None);
        for reply in replies {
            assert!(a.text.contains(reply), "{class}, {reply}: {}", a.text);
        }
        assert!(!a.text.contains("Marigold"), "{class}: {}", a.text);
        // Nor is phpBB's link back to the top of the page under each post.
        assert!(!a.text.lines().any(|l| l.trim() == "Top"), "{}", a.text);
    }
    // A story's section that is named for its subject, not a poster's signature, stays.
    let dish = "The signature dish is a chowder of smoked haddock, leeks and potatoes, served \
                with soda bread baked each morning in the harbour kitchen.";
    let html = format!(
        "<html><body><article><h1>Harbour kitchen</h1><p>{P1}</p><p>{P2}</p>\
         <section class=\"signature-dish\"><p>{dish}</p></section><p>{P3}</p></article></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains(dish), "{}", a.text);
}

/// A long thread whose posts are named as comments stays the content beside a sidebar of a few
/// paragraphs (the thread's most-liked posts, its top posters): the sidebar's paragraphs weigh
/// against the thread only as a share of it.
#[test]
fn long_thread_beside_a_sidebar_of_excerpts() {
    let posts: String = (0..40)
        .map(|n| {
            format!(
                "<div id=\"comment-{n}_wrap\" class=\"ipsEntry__content\"><p>{P1} {P2} Reply number {n}.</p></div>"
            )
        })
        .collect();
    let sidebar = format!(
        "<div class=\"ipsWidget\"><h3>Most liked posts</h3><p>{P3}</p><p>{P2}</p><p>{P1} {P3}</p></div>"
    );
    let html = format!(
        "<html><body><nav><a href=\"/\">Forums</a></nav><h1>Storm thread</h1>{sidebar}\
         <div class=\"thread\">{posts}</div></body></html>"
    );
    let a = extract_html(&html, None);
    for n in [0, 39] {
        assert!(a.text.contains(&format!("Reply number {n}.")), "{}", a.text);
    }
}

/// An article set as the first of a run of like items whose other items are teasers, each
/// under its own title: the run is no thread, and the teasers stay out.
#[test]
fn teasers_beside_an_article_are_not_its_replies() {
    let body: String = [
        P1.to_owned(),
        P2.to_owned(),
        P3.to_owned(),
        format!("{P1} {P2}"),
        format!("{P3} {P1}"),
        format!("{P2} {P3}"),
        P1.to_owned(),
        P2.to_owned(),
        P3.to_owned(),
        format!("{P1} {P3}"),
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect();
    let teasers: String = (1..=4)
        .map(|n| {
            format!(
                "<article class=\"post\"><h2><a href=\"/p/{n}\">Ferry timetable changes for the winter season number {n}</a></h2>\
                 <p>The harbour authority published the winter timetable on Friday, with fewer crossings on \
                 weekdays and a later first sailing on Sundays, item {n}.</p></article>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Storm hits coast</title></head><body><div class=\"posts\">\
         <article class=\"post\"><h1>Storm hits coast</h1>{body}</article>{teasers}</div></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(!a.text.contains("Ferry"), "{}", a.text);
}

#[test]
fn listing_page_reads_its_cards() {
    let cards: String = (0..12)
        .map(|n| {
            format!(
                "<li class=\"card job\"><a href=\"/job/{n}\">Senior engineer number {n} at Example Corp</a>\
                 <span>Remote, full time</span></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=\"/\">Home</a></nav><main><h1>Jobs</h1>\
         <p class=\"intro\">Find your next role.</p><ul class=\"jobs\">{cards}</ul></main></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(
        a.text.contains("Senior engineer number 0 at Example Corp"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("Senior engineer number 11 at Example Corp"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("Home"), "{}", a.text);
    // A page that names its article body is an article, whatever lists sit beside it.
    let html = format!(
        "<html><body><main><h1>Story</h1><div itemprop=\"articleBody\"><p>{P1}</p><p>{P2}</p></div>\
         <ul class=\"jobs\">{cards}</ul></main></body></html>"
    );
    let a = extract_html(&html, None);
    assert_eq!(a.text, format!("{P1}\n\n{P2}"));
}

/// A link aggregator's front page: a table whose every item takes a title row, a row of
/// details and a spacer, on a page with no article at all. The items are the content, links and
/// all.
#[test]
fn table_listing_with_items_over_several_rows_is_the_content() {
    let rows: String = (1..=20)
        .map(|n| {
            format!(
                "<tr class=\"item\"><td>{n}.</td><td><a href=\"/s/{n}\">Story number {n} about harbour \
                 cranes</a> (example.org)</td></tr><tr><td></td><td>{n} points by someone | \
                 <a href=\"/c/{n}\">comments</a></td></tr><tr class=\"spacer\"></tr>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><table><tr><td><a href=\"/\">Top</a> | <a href=\"/new\">New</a></td></tr>\
         <tr><td><table>{rows}</table></td></tr></table></body></html>"
    );
    // With details that are all links too, nothing on the page reads as prose and the page
    // itself is the best container: the list is still what it is.
    let all_links = html.replace("points by someone", "<a href=\"/u\">points by someone</a>");
    for page in [html, all_links] {
        let a = extract_html(&page, None);
        for n in [1, 20] {
            let story = format!("Story number {n} about harbour cranes");
            assert!(a.text.contains(&story), "{}", a.text);
        }
    }
}

/// An accordion that wraps its questions and their panels in one `role="tablist"` holds the
/// page's content; a tab list of buttons alone is still furniture.
#[test]
fn tablist_wrapping_its_panels_is_content() {
    let answers: String = (1..=3)
        .map(|n| {
            format!(
                "<div role=\"tab\" id=\"h{n}\"><h3><button aria-controls=\"c{n}\">Question {n}</button></h3></div>\
                 <div id=\"c{n}\" class=\"collapse\" role=\"tabpanel\" aria-labelledby=\"h{n}\">\
                 <p>Answer {n}: the rebate is paid by cheque within six weeks, once the application and the \
                 receipt have been checked by the programme's staff.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><main><h1>Smart thermostats</h1><p>{P1}</p><p>{P2}</p>\
         <div role=\"tablist\"><button role=\"tab\">Overview</button><button role=\"tab\">Specifications</button></div>\
         <div class=\"accordion\" role=\"tablist\">{answers}</div></main></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Answer 1: the rebate"), "{}", a.text);
    assert!(a.text.contains("Answer 3: the rebate"), "{}", a.text);
    assert!(!a.text.contains("Specifications"), "{}", a.text);
}

/// A services page of many short sections, one of which (a blog teaser) holds the longest
/// paragraph: that paragraph is a fragment of the page's content, which is all the sections.
/// A news brief declared as the page's one article stays brief whatever surrounds it.
#[test]
fn fragment_of_a_landing_page_gives_way_to_the_page() {
    let sections: String = (1..=30)
        .map(|n| {
            format!("<div class=\"svc-{n}\">Payroll rates, <a href=\"/r/{n}\">region {n}</a></div>")
        })
        .collect();
    let html = format!(
        "<html><body><main><h1>Human resources advisory</h1>{sections}\
         <article class=\"post\"><p>{P1}</p></article></main></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Payroll rates, region 10\n"), "{}", a.text);
    assert!(a.text.contains("Payroll rates, region 30"), "{}", a.text);

    let brief = format!("{P1} {P2}");
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \
         \"headline\": \"Storm\"}}</script></head><body><main><h1>Storm</h1>{sections}\
         <article class=\"post\"><p>{brief}</p></article></main></body></html>"
    );
    let a = extract_html(&html, None);
    assert_eq!(a.text, brief);
}

/// A second copy of the article, for a layout the site does not use, hidden by a framework's
/// class: read once. A part hidden only on wide screens (`md:hidden`) is shown; one shown only
/// on wide screens (`hidden md:block`) is a sidebar (see
/// `a_column_shown_only_on_wide_screens_goes`).
#[test]
fn copy_hidden_by_class_is_not_read_twice() {
    let body: String = (0..10)
        .map(|_| format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
        .collect();
    let html = format!(
        "<html><body><div class=\"blog\"><h1>Storm</h1><div class=\"rich-text\">{body}</div></div>\
         <main class=\"post-main hide\"><article><div class=\"rich-text\">{body}</div></article></main>\
         </body></html>"
    );
    let a = extract_html(&html, None);
    assert_eq!(a.text.matches(P1).count(), 10, "{}", a.text);
    let more: String = (1..=40)
        .map(|n| {
            format!("<p>Shelter number {n} opened in a school, and buses ran to it all night.</p>")
        })
        .collect();
    let html = format!(
        "<html><body><article><h1>Storm</h1><div class=\"rich-text\">{body}</div>\
         <div class=\"md:hidden\">{more}</div></article></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Shelter number 40 opened"), "{}", a.text);
}

/// A consent manager's preference centre (its panel named like content, in a dialog) can hold
/// more prose than a listing page's own cards: it is still no part of the page's text.
#[test]
fn consent_panel_is_not_content_however_long() {
    let cards: String = (0..16)
        .map(|n| {
            format!(
                "<div class=\"recipe-card\"><a href=\"/recipe/{n}\">Weeknight dinner number {n} with lentils</a>\
                 <span>30 minutes</span></div>"
            )
        })
        .collect();
    let purposes: String = (0..12)
        .map(|n| {
            format!(
                "<p>Purpose {n}: these cookies allow us to count visits and traffic sources, so that we \
                 can measure and improve the performance of our site, and they help us know which \
                 pages are the most and least popular.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><main><h1>Dinner recipes</h1><div class=\"cards\">{cards}</div></main>\
         <div id=\"onetrust-consent-sdk\"><div id=\"onetrust-pc-sdk\" role=\"dialog\">\
         <div class=\"ot-pc-content\">{purposes}</div></div></div></body></html>"
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Weeknight dinner number 15"), "{}", a.text);
    assert!(!a.text.contains("Purpose"), "{}", a.text);
}

mod page_types {
    use super::*;
    use crate::PageType;

    /// A news article with its byline, date and `NewsArticle` markup reads as an article, and
    /// confidently.
    #[test]
    fn news_article_is_an_article() {
        let x = extract_html(
            &news_page(),
            Some("https://example.com/2024/02/29/storm-hits-coast/"),
        );
        assert_eq!(x.page_type, Some(PageType::Article));
        assert!(x.page_type_confidence > 0.5, "{}", x.page_type_confidence);
    }

    /// A shop page: `Product` with an offer, prices and an add-to-cart form.
    #[test]
    fn product_page_is_a_product() {
        let html = r#"<html><head><title>Trail Runner 3 shoe | Example Shop</title>
<meta property="og:type" content="product">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
 "name":"Trail Runner 3","offers":{"@type":"Offer","price":"89.99","priceCurrency":"USD"}}</script>
</head><body><nav><a href="/">Shop</a> <a href="/cart">Cart</a></nav>
<div class="product-detail"><h1>Trail Runner 3</h1>
<div class="product-price">$89.99</div><div class="price-was">$119.00</div>
<form class="add-to-cart"><select name="size"><option>9</option><option>10</option></select>
<button class="add-to-cart-button">Add to cart</button></form>
<div class="product-description"><p>A light trail shoe with a grippy sole and a breathable upper,
made for long days on rough ground.</p></div></div></body></html>"#;
        let x = extract_html(
            html,
            Some("https://shop.example.com/products/trail-runner-3"),
        );
        assert_eq!(x.page_type, Some(PageType::Product));
    }

    /// A discussion thread: `DiscussionForumPosting`, several posts by different people.
    #[test]
    fn forum_thread_is_a_forum() {
        let post = |who: &str, what: &str| {
            format!(
                r#"<div class="post-message"><div class="post-author">{who}</div>
            <div class="post-body"><p>{what}</p></div><a class="reply" href="/reply">Reply</a></div>"#
            )
        };
        let html = format!(
            r#"<html><head><title>Boiler keeps losing pressure - Home Forum</title>
<script type="application/ld+json">{{"@type":"DiscussionForumPosting","headline":"Boiler keeps losing pressure"}}</script>
</head><body><h1>Boiler keeps losing pressure</h1><div class="thread">{}{}{}{}</div></body></html>"#,
            post("dave77", "My boiler drops from 1.5 bar to 0.5 overnight, no visible leaks anywhere. Any ideas what to check first?"),
            post("heatingpro", "Check the expansion vessel, a flat vessel is the usual cause of pressure loss, and the PRV pipe outside."),
            post("dave77", "Thanks, the pipe outside was dripping, so it may be the relief valve after all, I will get it looked at."),
            post("annie_b", "Had the same thing last winter, it was the vessel, recharging it cost very little and fixed it for good."),
        );
        let x = extract_html(
            &html,
            Some("https://forum.example.org/threads/boiler-keeps-losing-pressure.12345/"),
        );
        assert_eq!(x.page_type, Some(PageType::Forum));
        assert!(x.text.contains("expansion vessel"));
    }

    /// A tag page: a list of teaser cards and pagination; its text is still the list.
    #[test]
    fn tag_page_is_not_an_article() {
        let card = |n: usize| {
            format!(
                r#"<div class="card teaser"><h2><a href="/news/story-{n}">Council approves budget number {n} after a long debate</a></h2>
<p class="teaser-summary">The vote followed months of talks over spending on roads and schools, number {n}.</p>
<time datetime="2024-02-{n:02}">Feb {n}</time></div>"#
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let html = format!(
            r#"<html><head><title>Budget - Example News</title><meta property="og:type" content="website"></head>
<body><h1>Budget</h1><div class="grid results">{cards}</div>
<div class="pagination"><a href="/tag/budget/page/2">Next</a></div></body></html>"#
        );
        let x = extract_html(&html, Some("https://news.example.com/tag/budget/"));
        assert_ne!(x.page_type, Some(PageType::Article));
        assert!(x.text.contains("roads and schools, number 3"), "{}", x.text);
    }

    /// A documentation chapter: its contents, a list of links to its sections, are part of
    /// its text, as an article's link lists are not.
    #[test]
    fn documentation_keeps_its_contents_links() {
        let toc: String = (1..=9)
            .map(|n| {
                format!("<li><a href=\"indexes-{n}.html\">11.{n}. Index topic number {n}</a></li>")
            })
            .collect();
        // Sections of uneven shape (code in some), so that the page reads as no list of cards.
        let sections: String = (1..=4)
            .map(|n| {
                let code = if n % 2 == 1 {
                    format!("<pre><code>CREATE INDEX test{n}_id_index ON test{n} (id);</code></pre>")
                } else {
                    String::new()
                };
                format!(
                    "<h2>Section {n}</h2><p>An index on a column lets the server find rows without \
                     reading the whole table, at some cost to writes, as section {n} shows.</p>{code}"
                )
            })
            .collect();
        let html = format!(
            r#"<html><head><title>Chapter 11. Indexes</title></head><body>
<nav class="docs-sidebar"><ul><li><a href="/docs/intro.html">Introduction</a></li><li><a href="/docs/sql.html">SQL</a></li></ul></nav>
<main id="docContent"><h1>Chapter 11. Indexes</h1><p>This chapter covers:</p><ul>{toc}</ul>
{sections}</main>
<footer>Documentation for version 17</footer></body></html>"#
        );
        let x = extract_html(
            &html,
            Some("https://docs.example.org/docs/current/indexes.html"),
        );
        assert_eq!(x.page_type, Some(PageType::Documentation));
        assert!(x.text.contains("11.9. Index topic number 9"), "{}", x.text);
        assert!(x.text.contains("CREATE INDEX test3_id_index"), "{}", x.text);
    }

    /// Plain text is not judged; HTML always is, with a probability in (0, 1].
    #[test]
    fn confidence_is_a_probability() {
        assert_eq!(
            crate::extract_plain_text("Just some words.").page_type,
            None
        );
        let x = extract_html("<p>hi</p>", None);
        assert!(x.page_type.is_some());
        assert!(x.page_type_confidence > 0.0 && x.page_type_confidence <= 1.0);
    }

    /// Class-name word lists are matched in one pass, each hit setting the bits of every
    /// list the word is in.
    #[test]
    fn class_kinds_sets_every_list_of_a_word() {
        use super::super::page_type::{class_kinds, BYLINE_BIT, DATE_BIT};
        let k = class_kinds("post-byline entry-meta");
        assert_ne!(k & BYLINE_BIT, 0);
        assert_ne!(k & DATE_BIT, 0);
        assert_ne!(k & 1, 0, "post is a forum-part word");
        assert_eq!(class_kinds(""), 0);
        assert_eq!(class_kinds("wrapper main"), 0);
    }
}

mod titles {
    use super::super::meta::{choose_title, tidy_title};

    fn h1s(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    /// A headline printed in the page, reworded for social sites in `og:title`, is the title;
    /// of two `<h1>`s the one that agrees with the metadata wins, and the site's name never.
    #[test]
    fn printed_headline_beats_its_social_rewording() {
        let sites = vec!["Example Blog".to_owned()];
        let heads = h1s(&[
            "Example Blog",
            "How Machine Learning Personalizes Ecommerce Shopping",
        ]);
        let t = choose_title(
            None,
            Some("Using Machine Learning To Personalize Shopping"),
            None,
            Some("Using Machine Learning To Personalize Shopping | Example Blog"),
            &heads,
            Some(1),
            &[],
            &sites,
            Some("blog.example.com"),
        );
        assert_eq!(
            t.as_deref(),
            Some("How Machine Learning Personalizes Ecommerce Shopping")
        );
    }

    /// A printed headline loses a section or branding after a bar, a label or a date before
    /// the metadata title, and entities the page escaped twice.
    #[test]
    fn printed_headline_without_section_label_or_date() {
        let pick = |og: &str, h1: &str| {
            choose_title(
                None,
                Some(og),
                None,
                None,
                &h1s(&[h1]),
                Some(0),
                &[],
                &["Example Blog".to_owned()],
                None,
            )
        };
        let title = "How meditation rewires the brain";
        assert_eq!(
            pick(&format!("{title} | Opinion"), &format!("{title} | Opinion")).as_deref(),
            Some(title)
        );
        assert_eq!(
            pick(title, &format!("Blog: {title}")).as_deref(),
            Some(title)
        );
        assert_eq!(
            pick(title, &format!("Dec 18 2025 {title}")).as_deref(),
            Some(title)
        );
        // A year or a question opening the headline is part of it.
        assert_eq!(
            pick(
                "Software Price Guide and Rates",
                "2025 Software Price Guide and Rates"
            )
            .as_deref(),
            Some("2025 Software Price Guide and Rates")
        );
        assert_eq!(
            tidy_title("Data Tools for 2026: Python, SQL &#x26; AI"),
            "Data Tools for 2026: Python, SQL & AI"
        );
    }

    /// A headline cut off in one metadata field is completed by another that goes on with the
    /// same words, but not by one that adds branding.
    #[test]
    fn cut_off_headline_completed() {
        let cut = "Fix It Friday: We Help 4 Readers Find Solutions (Including";
        let full = "Fix It Friday: We Help 4 Readers Find Solutions (Including One Trick)";
        let t = choose_title(Some(cut), Some(full), None, None, &[], None, &[], &[], None);
        assert_eq!(t.as_deref(), Some(full));
        let t = choose_title(
            Some("Inside the Drug Lab"),
            Some("Inside the Drug Lab — Backchannel"),
            None,
            None,
            &[],
            None,
            &[],
            &[],
            None,
        );
        assert_eq!(t.as_deref(), Some("Inside the Drug Lab"));
    }

    /// An `<h1>` that shares nothing with the metadata does not replace it: a section name
    /// outside the article, or a section heading or pull quote set as an `<h1>` inside it.
    #[test]
    fn unrelated_h1_is_not_the_title() {
        let t = choose_title(
            None,
            Some("What do people love about Rust? | Rust Blog"),
            None,
            None,
            &h1s(&["But what they love is the sense of empowerment and versatility"]),
            Some(0),
            &[],
            &["Rust Blog".to_owned()],
            None,
        );
        assert_eq!(t.as_deref(), Some("What do people love about Rust?"));
        let heads = h1s(&["Latest from our partners"]);
        let t = choose_title(
            Some("Council approves the new budget"),
            None,
            None,
            None,
            &heads,
            Some(0),
            &[],
            &[],
            None,
        );
        assert_eq!(t.as_deref(), Some("Council approves the new budget"));
    }

    /// A standfirst set as the `<h1>` shares the headline's words, but is a paragraph, not a
    /// rewording of it.
    #[test]
    fn a_paragraph_in_the_h1_is_not_a_reworded_title() {
        let t = choose_title(
            None,
            Some("The 8 Best Garden Projects of 2024 | Yardly"),
            None,
            None,
            &h1s(&["The best garden projects of 2024: learn which garden projects give the best return for the money and the effort, and how our experts plan each of them."]),
            Some(0),
            &[],
            &["Yardly".to_owned()],
            None,
        );
        assert_eq!(t.as_deref(), Some("The 8 Best Garden Projects of 2024"));
        // A reworded headline of about the same length is the printed one.
        let t = choose_title(
            None,
            Some("Garden projects that pay off | Yardly"),
            None,
            None,
            &h1s(&["The garden projects that pay off most"]),
            Some(0),
            &[],
            &["Yardly".to_owned()],
            None,
        );
        assert_eq!(t.as_deref(), Some("The garden projects that pay off most"));
    }

    /// An `<h1>` that is the metadata title with characters lost to a wrong encoding, or with
    /// an aggregator's source domain and comment count after it, gives way to the metadata
    /// title; a real question mark or a different headline does not.
    #[test]
    fn a_damaged_or_padded_h1_gives_way_to_the_metadata_title() {
        let pick = |meta: &str, h1: &str| {
            choose_title(
                None,
                Some(meta),
                None,
                None,
                &h1s(&[h1]),
                Some(0),
                &[],
                &[],
                None,
            )
        };
        assert_eq!(
            pick(
                "The Basics Of Event Planning: Beginner's Guide",
                "The Basics Of Event Planning? Beginner? Guide"
            )
            .as_deref(),
            Some("The Basics Of Event Planning: Beginner's Guide")
        );
        assert_eq!(
            pick(
                "Grads Find Their Degrees No Longer Guarantee Jobs",
                "Grads Find Their Degrees No Longer Guarantee Jobs (latimes.com) 87"
            )
            .as_deref(),
            Some("Grads Find Their Degrees No Longer Guarantee Jobs")
        );
        // A question the page asks in print, over a metadata title without it.
        assert_eq!(
            pick("Is remote work over", "Is remote work over? Not yet").as_deref(),
            Some("Is remote work over? Not yet")
        );
        // Words after the title that are not a domain and a count are the printed headline.
        assert_eq!(
            pick(
                "Grads find fewer jobs",
                "Grads find fewer jobs (and lower pay) in 2025"
            )
            .as_deref(),
            Some("Grads find fewer jobs (and lower pay) in 2025")
        );
    }

    /// The site's domain printed before or after the title, with no separator, is branding.
    #[test]
    fn a_bare_domain_beside_the_title_is_branding() {
        assert_eq!(
            super::strip_site("davidbau.com Vibe Coding", &[], Some("davidbau.com")),
            "Vibe Coding"
        );
        assert_eq!(
            super::strip_site(
                "Vibe Coding www.davidbau.com",
                &[],
                Some("www.davidbau.com")
            ),
            "Vibe Coding"
        );
        // Another domain is part of the title.
        assert_eq!(
            super::strip_site("example.org Goes Down", &[], Some("davidbau.com")),
            "example.org Goes Down"
        );
    }

    /// A headline that names the site among words of its own is the headline, not the site's
    /// branding; a short prefix that is mostly the site's name is branding.
    #[test]
    fn a_headline_naming_the_site_is_not_branding() {
        use super::{P1, P2};
        let page = format!(
            r#"<html><head><title>How we built Harbour's tide tables: a year of data - Harbour</title>
<meta property="og:site_name" content="Harbour">
<meta property="og:title" content="How we built Harbour's tide tables - a year of data"></head><body>
<article><h1>How we built Harbour's tide tables: a year of data</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let a = crate::extract_html(&page, None);
        assert_eq!(
            a.title.as_deref(),
            Some("How we built Harbour's tide tables: a year of data")
        );
        let sites = ["Harbour".to_owned()];
        assert_eq!(
            super::strip_site(
                "How we built Harbour's tide tables - a year of data",
                &sites,
                None
            ),
            "How we built Harbour's tide tables - a year of data"
        );
        assert_eq!(
            super::strip_site("Harbour News - Tide tables for a year", &sites, None),
            "Tide tables for a year"
        );
    }

    /// Markdown heading marks and quotes around the whole title go; a leading `#1` stays.
    #[test]
    fn tidy_title_drops_markup_only() {
        assert_eq!(
            tidy_title("## Binding agents on Mars"),
            "Binding agents on Mars"
        );
        assert_eq!(tidy_title("\"What is Git?\""), "What is Git?");
        assert_eq!(tidy_title("#1 Coffee Maker"), "#1 Coffee Maker");
        assert_eq!(
            tidy_title("\"Yes\" and \"no\" in one title"),
            "\"Yes\" and \"no\" in one title"
        );
        assert_eq!(tidy_title("#"), "#");
    }

    /// Full-width forms of ASCII in a title in Latin letters are the plain characters; a
    /// Chinese or Japanese title keeps its own punctuation.
    #[test]
    fn full_width_ascii_in_a_latin_title_is_plain() {
        assert_eq!(
            tidy_title("How Does Robot Mapping Work？（2025）"),
            "How Does Robot Mapping Work?(2025)"
        );
        assert_eq!(tidy_title("台風はどこへ？"), "台風はどこへ？");
    }
}

mod bylines {
    use super::super::meta::clean_authors;
    use super::*;

    /// A "By" label in its own element before the name is a byline, and the label glued to the
    /// name by markup is not part of the name.
    #[test]
    fn by_label_in_its_own_element() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div class="x1"><span class="x2">By</span><span>Jane Doe</span></div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.authors, vec!["Jane Doe".to_owned()]);
    }

    /// "Contributors:" labels a byline like "By" does.
    #[test]
    fn contributors_label() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div><strong>Contributors:</strong> Janet Roe</div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.authors, vec!["Janet Roe".to_owned()]);
    }

    /// Abbreviations keep their full stop, credentials are not repeated, a sentence's full
    /// stop goes.
    #[test]
    fn credentials_and_full_stops() {
        let got = clean_authors(&["Ann Carlton, Ph.D.".to_owned()], &[], None);
        assert_eq!(got, vec!["Ann Carlton, Ph.D.".to_owned()]);
        let got = clean_authors(&["Matt Frank, CFP, CFP".to_owned()], &[], None);
        assert_eq!(got, vec!["Matt Frank, CFP".to_owned()]);
        let got = clean_authors(&["By John Doe.".to_owned()], &[], None);
        assert_eq!(got, vec!["John Doe".to_owned()]);
        // A place is nobody's name ("By Hardtail, Alberta").
        let got = clean_authors(&["By Jane Doe, Alberta".to_owned()], &[], None);
        assert_eq!(got, vec!["Jane Doe".to_owned()]);
        // Credentials left alone once the job title before them is dropped are no one.
        let got = clean_authors(&["Written by Travel Editor, SMT".to_owned()], &[], None);
        assert!(got.is_empty(), "{got:?}");
    }

    /// An organisation credited beside the writer is not a second writer.
    #[test]
    fn organisations_beside_the_writer_are_not_writers() {
        let raw = [
            "By Arlene Marturano".to_owned(),
            "Garden Learning Network".to_owned(),
        ];
        assert_eq!(clean_authors(&raw, &[], None), vec!["Arlene Marturano"]);
        for raw in ["By Ovolo Collective Hotels", "HR Strategy"] {
            let got = clean_authors(&[raw.to_owned()], &[], None);
            assert!(got.is_empty(), "{raw}: {got:?}");
        }
    }

    /// A heading "Article written by:" over an author card names the card's writer; the
    /// reviewer's card after "Article reviewed by:" does not.
    #[test]
    fn article_written_by_heading_over_a_card() {
        let html = format!(
            r#"<html><head><title>Weight care</title></head><body><article><h1>Weight care</h1><p>{P1}</p><p>{P2}</p></article>
<section><h2>Article reviewed by:</h2><div><img src="/a.webp" alt="Headshot"><div><h3>Anila Chadha</h3></div></div></section>
<section><h2>Article written by:</h2><div><img src="/d.webp" alt="Headshot"><div><h3>Doris Munoz-Mantilla, MD</h3></div></div></section>
</body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).authors,
            vec!["Doris Munoz-Mantilla, MD"]
        );
    }

    /// "This post was written by" opening the article names its writer; her job and
    /// employer after the name are not more writers.
    #[test]
    fn this_post_was_written_by() {
        let html = format!(
            r#"<html><head><title>Plant-based diet</title></head><body><article><h1>Plant-based diet</h1>
<p>This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health.</p>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).authors,
            vec!["Vanessa Mendez, MD"]
        );
    }

    /// A site that names itself nowhere else names itself in its feed link's title; on a
    /// person's site that is the writer. Titles naming the feed's format or contents only
    /// name no site.
    #[test]
    fn site_named_by_its_feed_link() {
        let page = |feed: &str| {
            format!(
                r#"<html><head><title>Configure your repositories</title>
<link rel="alternate" href="/rss.xml" type="application/rss+xml" title="{feed}"></head>
<body><article><h1>Configure your repositories</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
            )
        };
        let x = extract_html(&page("Cassidy Williams"), None);
        assert_eq!(x.site_name.as_deref(), Some("Cassidy Williams"));
        assert_eq!(x.authors, vec!["Cassidy Williams"]);
        for (feed, site) in [
            ("Feed - Raspberry Pi Forums", Some("Raspberry Pi Forums")),
            ("The Objective Dad Full RSS Feed", Some("The Objective Dad")),
            ("RSS Feed for code.example.com", Some("code.example.com")),
            ("Latest Threads (RSS 2.0)", None),
            ("Atom topic", None),
            ("Blogs (RSS 2.0)", None),
            ("Daily Example » Comments Feed", None),
        ] {
            assert_eq!(
                extract_html(&page(feed), None).site_name.as_deref(),
                site,
                "{feed}"
            );
        }
    }

    /// A writer printed in the date line by the headline without a label is the byline; a
    /// section name there is not.
    #[test]
    fn writer_in_the_date_line() {
        let page = |line: &str| {
            format!(
                r#"<html><head><title>AI in healthcare</title></head><body><main><header>
<h1>How AI Is Transforming Healthcare</h1><p>{line}</p></header><p>{P1}</p><p>{P2}</p></main></body></html>"#
            )
        };
        let x = extract_html(&page("Aaron Ricadela | Senior Writer | July 2, 2025"), None);
        assert_eq!(x.authors, vec!["Aaron Ricadela"]);
        assert_eq!(x.published.as_deref(), Some("2025-07-02"));
        let x = extract_html(&page("Product News | July 2, 2025"), None);
        assert!(x.authors.is_empty(), "{:?}", x.authors);
    }

    /// A commenter is not the article's writer, in WordPress's comment markup or another's.
    #[test]
    fn commenters_are_not_writers() {
        let page = |comments: &str| {
            format!(
                r#"<html><head><title>Tuesday notes</title></head><body><div id="content">
<h1>Tuesday notes</h1><p>{P1}</p><p>{P2}</p>{comments}</div></body></html>"#
            )
        };
        let wordpress = page(
            r#"<ol class="commentlist"><li><article class="comment-body"><footer>
<div class="comment-author vcard"><b class="fn">Chris Smith</b></div></footer><p>Nice.</p></article></li></ol>"#,
        );
        assert!(extract_html(&wordpress, None).authors.is_empty());
        let other = page(
            r#"<div id="comments"><div><span class="author-name">Chris Smith</span><p>Nice.</p></div></div>"#,
        );
        assert!(extract_html(&other, None).authors.is_empty());
    }

    /// A headline in an author-classed teaser is not a list of writers joined by its "&".
    #[test]
    fn headlines_joined_by_ampersands_are_not_names() {
        let raw = ["Top 10 Coffee Grinders & Burr Mills".to_owned()];
        let got = clean_authors(&raw, &[], None);
        assert!(got.is_empty(), "{got:?}");
        let raw = ["By Jane Doe & John Roe".to_owned()];
        assert_eq!(clean_authors(&raw, &[], None), vec!["Jane Doe", "John Roe"]);
    }

    /// An `author`-classed box that holds buttons besides the credit ("AA", "Text Size",
    /// "Small") gives no byline; the desk named in the structured data does.
    #[test]
    fn an_author_box_full_of_buttons_is_not_a_byline() {
        let html = format!(
            r#"<html><head><title>Winter skin care</title>
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Winter skin care",
"author":"Lifestyle Desk"}}</script></head><body><article><h1>Winter skin care</h1>
<div class="author-info"><div>Lifestyle Desk / Updated: Dec 17, 2025</div><div>Share</div><div>AA</div>
<div>Text Size</div><div>Small</div><div>Medium</div><div>Large</div></div>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Lifestyle Desk"]);
    }

    /// A byline names people (or a desk, a team), never the outlet: a company blog that
    /// declares itself as the author has no byline, and its name is the site name.
    #[test]
    fn the_outlet_declared_as_author_is_not_a_byline() {
        let html = format!(
            r#"<html><head><title>Ten event ideas</title><meta property="og:site_name" content="Eventco">
<script type="application/ld+json">{{"@type":"BlogPosting","headline":"Ten event ideas",
"author":{{"@type":"Organization","name":"Eventco"}}}}</script></head>
<body><article><h1>Ten event ideas</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.authors.is_empty(), "{:?}", x.authors);
        assert_eq!(x.site_name.as_deref(), Some("Eventco"));
    }

    /// `by:` labels a byline as `By` does.
    #[test]
    fn by_colon_label() {
        let html = format!(
            r#"<html><body><article><h1>Mini engines</h1><p class="text-xl">by: <!-- -->Jane Doe<!-- -->, <!-- -->Dec 17, 2025</p>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.authors, vec!["Jane Doe"]);
        assert_eq!(x.published.as_deref(), Some("2025-12-17"));
    }

    /// A personal site's publisher is its writer (`"@type": ["Person", "Organization"]`), not
    /// an outlet whose name stays out of the byline.
    #[test]
    fn a_person_publishing_their_own_site_is_the_byline() {
        let html = format!(
            r#"<html><head><title>Travel insurance</title><meta property="og:site_name" content="Budget Travel With Ann">
<script type="application/ld+json">{{"@graph":[{{"@type":"Article","headline":"Travel insurance",
"author":{{"name":"Ann Lee","@id":"https://example.com/#/schema/person/1"}},
"publisher":{{"@id":"https://example.com/#/schema/person/1"}}}},
{{"@type":["Person","Organization"],"@id":"https://example.com/#/schema/person/1","name":"Ann Lee"}}]}}</script></head>
<body><article><h1>Travel insurance</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.authors, vec!["Ann Lee"]);
        assert_eq!(x.site_name.as_deref(), Some("Budget Travel With Ann"));
    }

    /// "By Event Type" heading a navigation menu is not a byline; one in the article is.
    #[test]
    fn by_labels_in_menus_are_not_bylines() {
        let html = format!(
            r#"<html><body><header><a href="/"><img src="/logo.png" alt="Eventco"></a>
<div class="nav-dropdown"><h4>By Event Type</h4>
<ul><li><a href="/conferences/">Conferences</a></li><li><a href="/trade-shows/">Trade shows</a></li>
<li><a href="/galas/">Galas</a></li><li><a href="/webinars/">Webinars</a></li></ul></div>
<ul role="menu"><li><a href="/roles/">By Role</a></li></ul></header>
<article><h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert!(extract_html(&html, None).authors.is_empty());
        let html = format!(
            r#"<html><body><nav><a href="/topics/">By Topic</a></nav><main class="offset-nav">
<article><h1>Storm hits coast</h1><p>By Jane Doe</p><p>{P1}</p><p>{P2}</p></article></main>
</body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Jane Doe"]);
    }

    /// An author box prints the job title under the name: the name alone is the byline.
    #[test]
    fn job_title_under_the_name_is_not_part_of_it() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div class="author-box"><p>Meghan Neville</p><p>Content Marketing Coordinator</p></div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.authors, vec!["Meghan Neville".to_owned()]);
    }

    /// An author box after the article names its writer; a team byline is the team.
    #[test]
    fn author_box_after_the_article_and_team_bylines() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<div class="post-author-name">Shai Shmarel</div></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Shai Shmarel"]);
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p class="authorName">Podium Staff</p><p>{P1}</p><p>{P2}</p></article>
</body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Podium Staff"]);
    }

    /// On a person's own site the site's name is the writer's: kept as the byline, and taken
    /// as the byline when the page names no one. An outlet's name never is, even one that
    /// opens with a first name.
    #[test]
    fn a_personal_site_is_its_owners_byline() {
        let page = |site: &str, author: &str| {
            format!(
                r#"<html><head><title>Thoughts on Zig | {site}</title>
<meta property="og:site_name" content="{site}">{author}</head><body><article>
<h1>Thoughts on Zig</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
            )
        };
        let declared = r#"<meta name="author" content="Sam Bossley">"#;
        let x = extract_html(&page("Sam Bossley", declared), None);
        assert_eq!(x.authors, vec!["Sam Bossley"]);
        let x = extract_html(&page("Sam Bossley", ""), None);
        assert_eq!(x.authors, vec!["Sam Bossley"]);
        let x = extract_html(&page("Colin Watson's blog", ""), None);
        assert_eq!(x.authors, vec!["Colin Watson"]);
        let outlet = r#"<meta name="author" content="Cleveland Clinic">"#;
        let x = extract_html(&page("Cleveland Clinic", outlet), None);
        assert!(x.authors.is_empty(), "{:?}", x.authors);
        let x = extract_html(&page("Help Net Security", ""), None);
        assert!(x.authors.is_empty(), "{:?}", x.authors);
        // First names of other countries count as much as American ones.
        let x = extract_html(&page("Trond Halvorsen", ""), None);
        assert_eq!(x.authors, vec!["Trond Halvorsen"]);
        // A firm named with a first name is still a firm.
        for firm in ["Lukas Wealth Management", "Rei Co-op", "Milo Audio Series"] {
            let x = extract_html(&page(firm, ""), None);
            assert!(x.authors.is_empty(), "{firm}: {:?}", x.authors);
        }
    }

    /// A host that spells a person's name is that person's own domain: a byline the host
    /// spells is the writer's, not the outlet's, and the owner named in the site's own words
    /// (title, home link, copyright line) is the byline when the page names no one else. A
    /// company's domain spelling the company's name gives no byline.
    #[test]
    fn a_personal_domain_is_its_owners_byline() {
        let page = |title: &str, header: &str, footer: &str| {
            format!(
                r#"<html><head><title>{title}</title></head><body><header>{header}</header>
<article><h1>Thoughts on Zig</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<footer>{footer}</footer></body></html>"#
            )
        };
        let at = |host: &str| format!("https://{host}/2025/12/18/thoughts-on-zig/");
        let byline = r#"Posted by <a href="/author/scalzi/" rel="author">John Scalzi</a>"#;
        let x = extract_html(
            &page("Thoughts on Zig", byline, ""),
            Some(&at("whatever.scalzi.com")),
        );
        assert_eq!(x.authors, vec!["John Scalzi"]);
        let x = extract_html(
            &page(
                "Thoughts on Zig",
                "",
                "© 2025 Toby Hede. All rights reserved.",
            ),
            Some(&at("tobyhede.com")),
        );
        assert_eq!(x.authors, vec!["Toby Hede"]);
        let x = extract_html(
            &page("Thoughts on Zig (Erik Demaine)", "", ""),
            Some(&at("erikdemaine.org")),
        );
        assert_eq!(x.authors, vec!["Erik Demaine"]);
        let home = r#"<a href="/">Melissa Neill</a>"#;
        let x = extract_html(&page("Thoughts on Zig", home, ""), Some(&at("neill.dev")));
        assert_eq!(x.authors, vec!["Melissa Neill"]);
        // Another site's home link, or a name the host does not spell, is no one's.
        let other = r#"<a href="https://neill.dev/">Melissa Neill</a>"#;
        let x = extract_html(
            &page("Thoughts on Zig", other, ""),
            Some(&at("example.com")),
        );
        assert!(x.authors.is_empty(), "{:?}", x.authors);
        for (site, host) in [
            ("Five Books", "fivebooks.com"),
            ("Home Advisor", "homeadvisor.com"),
        ] {
            let footer = format!("© 2025 {site}. All rights reserved.");
            let x = extract_html(&page(site, "", &footer), Some(&at(host)));
            assert!(x.authors.is_empty(), "{site}: {:?}", x.authors);
        }
    }

    /// A writer's card (a person's picture, then their name) gives the byline when nothing
    /// else does; a photograph in the article, a firm's logo or a picture named otherwise
    /// than the words under it gives none.
    #[test]
    fn writers_card_with_portrait() {
        let page = |card: &str| {
            format!(
                r#"<html><head><title>Outsourcing payroll</title></head><body><article>
<h1>Outsourcing payroll</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<div class="card">{card}</div></body></html>"#
            )
        };
        for card in [
            r#"<img src="a.jpg" alt="Tim Green"><p><strong>Tim Green</strong> <em>Technology writer</em></p>"#,
            r#"<img src="a.jpg" alt="Headshot of Tim Green"><p>Tim Green, Staff Writer</p>"#,
            r#"<img src="a.jpg" alt="Tim Green Image"><p>Tim Green</p>"#,
        ] {
            assert_eq!(
                extract_html(&page(card), None).authors,
                vec!["Tim Green"],
                "{card}"
            );
        }
        for card in [
            r#"<figure><img src="a.jpg" alt="Tim Green"><figcaption>Tim Green</figcaption></figure>"#,
            r#"<img src="a.jpg" alt="William R. Biggs, PLLC"><p>William R. Biggs, PLLC</p>"#,
            r#"<img src="a.jpg" alt="Tim Green"><p>Our payroll team</p>"#,
            r#"<img src="a.jpg" alt="Cloud SQL"><p>Cloud SQL</p>"#,
        ] {
            let x = extract_html(&page(card), None);
            assert!(x.authors.is_empty(), "{card}: {:?}", x.authors);
        }
    }

    /// A reviewer, fact-checker or photographer credited in a byline-like element is not the
    /// writer: the writer is named elsewhere, or not at all.
    #[test]
    fn other_roles_are_not_the_byline() {
        let page = |credits: &str| {
            format!(
                r#"<html><head><title>Renovation costs</title></head><body><article><h1>Renovation costs</h1>
<div class="byline">{credits}</div><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
            )
        };
        for credits in [
            r#"Reviewed by <a class="author-link" href="/r/about-robert-tschudi/">Robert Tschudi</a>"#,
            r#"<div class="author-text">Medically reviewed by Dana Lee, MD</div>"#,
            r#"<span class="author">Photos by Sam Ortiz</span>"#,
        ] {
            let x = extract_html(&page(credits), None);
            assert!(x.authors.is_empty(), "{credits}: {:?}", x.authors);
        }
        let both = r#"<span class="author">By Jane Doe</span> · Reviewed by <a class="author-link" href="/r/tschudi/">Robert Tschudi</a>"#;
        assert_eq!(extract_html(&page(both), None).authors, vec!["Jane Doe"]);
    }

    /// A one-word name is a byline when it links to the writer's page named for it; a word
    /// in an author-classed element that links elsewhere is not.
    #[test]
    fn one_word_pen_name_with_its_own_page() {
        let page = |link: &str| {
            format!(
                r#"<html><head><title>Smart homes</title></head><body><article><h1>Smart homes</h1>
<div class="author"><strong class="name">{link}</strong><span class="time">3/4/2025</span></div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
            )
        };
        let x = extract_html(&page(r#"<a href="/blog/author/yucy/">Yucy</a>"#), None);
        assert_eq!(x.authors, vec!["Yucy"]);
        let x = extract_html(
            &page(r#"<a href="/blog/category/guides/">Guides</a>"#),
            None,
        );
        assert!(x.authors.is_empty(), "{:?}", x.authors);
    }

    /// A labelled byline that runs the writer's link into other links gives the link right
    /// after the label; a sentence that opens with "By" gives none of its links.
    #[test]
    fn labelled_byline_followed_by_other_links() {
        let page = |line: &str| {
            format!(
                r#"<html><head><title>DC motors</title></head><body><article><h1>DC motors</h1>
<p>{line}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
            )
        };
        let x = extract_html(
            &page(
                r#"By <a href="/contributor/a._j._neal">A. J. Neal</a> <a href="/digital">View In Digital Edition</a>"#,
            ),
            None,
        );
        assert_eq!(x.authors, vec!["A. J. Neal"]);
        let x = extract_html(
            &page(r#"By subscribing you agree to our <a href="/legal">Privacy Policy</a>"#),
            None,
        );
        assert!(x.authors.is_empty(), "{:?}", x.authors);
    }

    /// An author box with a biography under the name gives the name; a box headed "Author
    /// Spotlight" gives no writer called Spotlight.
    #[test]
    fn author_box_with_a_biography() {
        let bio = "is a growth-focused marketing writer who covers healthcare technology, \
                   practice management and the tools small clinics use to run their days.";
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<div class="blog_author-box"><div>Lauren Vetter</div><p>Lauren Vetter {bio}</p></div></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Lauren Vetter"]);
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<div class="author-box"><h3>Author Spotlight</h3><p>Our team {bio}</p></div></body></html>"#
        );
        assert!(extract_html(&html, None).authors.is_empty());
    }

    /// Citation metadata writes names surname first: "Roy, Aniruddha" is Aniruddha Roy.
    #[test]
    fn citation_authors_surname_first() {
        let html = format!(
            r#"<html><head><title>Model merging</title>
<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">
</head><body><article><h1>Model merging</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).authors,
            vec!["Aniruddha Roy", "Jyoti Patel"]
        );
    }

    /// A surname's particle written after the given name ("Jong, Michiel de") goes with the
    /// surname.
    #[test]
    fn citation_author_with_a_particle() {
        let html = format!(
            r#"<html><head><title>remoteStorage</title>
<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">
</head><body><article><h1>remoteStorage</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).authors,
            vec!["F. Kooman", "Michiel de Jong"]
        );
    }

    /// A consent line's links are nobody's names.
    #[test]
    fn consent_links_are_not_writers() {
        let names = |s: &str| clean_authors(&[s.to_owned()], &[], None);
        assert!(names("Privacy Policy & Terms").is_empty());
        assert!(names("By subscribing you agree to our Privacy Policy").is_empty());
        assert_eq!(names("By Jane Doe"), vec!["Jane Doe"]);
    }

    /// What a list is browsed or sorted by ("By Category" in a heading, a choice of a form, a
    /// list of "By" entries) is no writer; the writer's byline on the same page is.
    #[test]
    fn browse_orders_are_not_writers() {
        let page = |extra: &str| {
            format!(
                r#"<html><head><title>Storm hits coast</title></head><body>
<ul class="links"><li><a href="/c">By Manufacturer</a></li><li><a href="/d">By Category</a></li></ul>
<h2>Explore Courses <span>By Topic</span></h2>
<select><option value="a">By Review</option><option value="b">By Price</option></select>
<article><h1>Storm hits coast</h1>{extra}<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
            )
        };
        let found = extract_html(&page(""), None).authors;
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            extract_html(&page(r#"<div class="x">By Jane Price</div>"#), None).authors,
            vec!["Jane Price"]
        );
    }

    /// Co-writers named in brackets after the writer are writers too, each whole.
    #[test]
    fn co_writers_in_brackets() {
        let names = |s: &str| clean_authors(&[s.to_owned()], &[], None);
        assert_eq!(
            names("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            vec!["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        assert_eq!(
            names("By Jane Doe (with John Roe)"),
            vec!["Jane Doe", "John Roe"]
        );
        // A bracket that is part of a name stays.
        assert_eq!(names("Richard (R.J.) Eskow"), vec!["Richard (R.J.) Eskow"]);
    }

    /// A guest writer's piece is declared under the account that posted it: the byline printed
    /// with its label under the headline names the writer, and a job title after the name is
    /// not a second writer. A teaser's "by" above the headline, or a credit in the text, is not
    /// the byline.
    #[test]
    fn printed_byline_under_the_headline_over_the_posting_account() {
        let page = |byline: &str| {
            format!(
                r#"<html><head><title>Storm hits coast</title>
<meta name="author" content="Dana Whitfield"></head><body>
<ul class="latest"><li><a href="/other">Harbour reopens</a><p>by Lee Ambrose</p></li></ul>
<article><h1>Storm hits coast</h1>{byline}<p>{P1}</p><p>{P2}</p>
<figure><img src="/b.jpg"><figcaption><span>The Sea Road</span> <span>by Nils Ormond</span></figcaption></figure>
<p>{P3}</p></article></body></html>"#
            )
        };
        let guest = page(
            r#"<div class="by-div"><p>By <a href="/people/ana-ruiz">Ana Ruiz</a>, <span>Harbour Columnist</span></p></div>"#,
        );
        assert_eq!(extract_html(&guest, None).authors, vec!["Ana Ruiz"]);
        // Without a byline of its own, the declared author stands.
        assert_eq!(
            extract_html(&page(""), None).authors,
            vec!["Dana Whitfield"]
        );
    }

    /// The labelled pair that Yoast and Ghost write for link previews names the writer.
    #[test]
    fn link_preview_label_written_by() {
        let html = format!(
            r#"<html><head><title>May book list</title>
<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">
<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Andrew Liptak">
</head><body><article><h1>May book list</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Andrew Liptak"]);

        // An interview's writer is its interviewer, over the "by" of a book in the text.
        let html = format!(
            r#"<html><head><title>Five novels of the sea</title>
<meta name="twitter:label1" content="Interview by"><meta name="twitter:data1" content="Mara Quill">
</head><body><article><h1>Five novels of the sea</h1><p>{P1}</p>
<h2><span>The Salt Road</span><br>by Tomas Verey</h2><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Mara Quill"]);
    }

    /// A label in an element of its own names what follows it: the heading "Article by" over
    /// the name, a "Written by" span before a link in a busy metadata row.
    #[test]
    fn a_label_element_names_what_follows() {
        let html = format!(
            r#"<html><head><title>Understanding Lean</title></head><body><article>
<h1>Understanding Lean</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<section class="closing"><h2>Article by</h2><div class="lead">Matias Heikkila</div>
<button>Follow</button><button>Share</button></section></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Matias Heikkila"]);
        let html = format!(
            r#"<html><head><title>Understanding Lean</title></head><body><article>
<h1>Understanding Lean</h1><div class="row"><span>4 min read</span> <span>Updated</span>
<span class="k">Written by</span> <a href="/people/ld-ellis">Lisa D. Ellis</a> <span>Share</span>
<span>Print</span> <span>Email</span> <span>Save</span> <span>Listen</span></div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Lisa D. Ellis"]);
    }

    /// Structured data naming only the first writer gives way to the printed run of writer
    /// links that starts with that writer; a link after another role's label is not a writer.
    #[test]
    fn coauthor_links_beside_the_declared_writer() {
        let page = |byline: &str| {
            format!(
                r#"<html><head><title>Free courses</title><meta name="author" content="Rui Ma"></head>
<body><article><h1>Free courses</h1><div class="meta">{byline}</div><p>{P1}</p><p>{P2}</p></article></body></html>"#
            )
        };
        let run = page(
            r#"<a href="/author/rui/">Rui Ma</a><span>, </span><a href="/author/heba/">Heba Ledwon</a> &amp; <a href="/author/suparn/">Suparn Patra</a>"#,
        );
        assert_eq!(
            extract_html(&run, None).authors,
            vec!["Rui Ma", "Heba Ledwon", "Suparn Patra"]
        );
        let checked = page(
            r#"<a href="/author/rui/">Rui Ma</a> | Fact-checked by <a href="/author/frank/">Frank Bass</a>"#,
        );
        assert_eq!(extract_html(&checked, None).authors, vec!["Rui Ma"]);
    }

    /// A byline element that runs the name into the writer's job (inline spans) gives way to
    /// the labelled byline inside it; a writer's description is not a byline.
    #[test]
    fn job_beside_the_name_and_descriptions_are_not_names() {
        let html = format!(
            r#"<html><head><title>Planting by the Moon</title></head><body><article><h1>Planting by the Moon</h1>
<p>{P1}</p><p>{P2}</p><div class="author-info"><span class="author-label">Written By:</span>
<span class="author-name"><a href="/author/celeste-longacre">Celeste Longacre</a></span>
<span class="author-title">Gardener &amp; Astrologer</span></div></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Celeste Longacre"]);
        let html = format!(
            r#"<html><head><title>Coffee grading</title></head><body><article><h1>Coffee grading</h1>
<p>{P1}</p><p>{P2}</p><div class="dynamic-author-description">Licensed Q Arabica Grader, M.A. Journalism</div>
</article></body></html>"#
        );
        assert!(extract_html(&html, None).authors.is_empty());
    }

    /// Scholarly pages list every writer in `citation_authors`, surname first or not.
    #[test]
    fn every_citation_author() {
        let html = format!(
            r#"<html><head><title>Yoga study</title><meta name="citation_authors" content="Huberty, Jennifer">
<meta name="citation_authors" content="Jeni Green"></head><body><article><h1>Yoga study</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).authors,
            vec!["Jennifer Huberty", "Jeni Green"]
        );
    }

    /// "Written by:Jane Doe" (no space after the colon), and a name in its own block followed
    /// by a date in the same author box.
    #[test]
    fn labels_without_a_space_and_names_above_dates() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div class="post-author">Written by:Elise Nass</div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Elise Nass"]);
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div class="resource-author-details"><p>Luke Kim</p><small>December 17, 2025</small></div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Luke Kim"]);
        // The label in its own element, the name in an icon row beside it; a "Print" button
        // after the credit is no name.
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div class="meta"> <span class="label">Written by</span>
<div class="row"> <svg class="icon"><use href="/i.svg#user"></use></svg>
<span class="name">Elise Nass</span> <span class="role">- Product marketer</span> </div> </div>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Elise Nass"]);
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div class="x"><span>By:</span> <span>Ann Lee</span>
<div class="tools"><a href="/print">Print</a></div></div><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        assert_eq!(extract_html(&html, None).authors, vec!["Ann Lee"]);
    }
}

mod publication_dates {
    use super::*;

    /// Two structured objects of one article, one writing the day as midnight UTC and one the
    /// instant: the instant, whose day the midnight one may have shifted.
    #[test]
    fn a_timed_publication_over_a_midnight_one() {
        let ld = |first: &str, second: &str| {
            format!(
                r#"<html><head><title>Storm hits coast</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm hits coast","datePublished":"{first}"}}</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article","headline":"Storm hits coast","datePublished":"{second}"}}</script>
</head><body><article><h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
            )
        };
        let published = |html: String| extract_html(&html, None).published;
        assert_eq!(
            published(ld("2023-05-17T00:00:00+0000", "2023-05-18T04:39:05+00:00")).as_deref(),
            Some("2023-05-18T04:39:05Z")
        );
        // Days apart, they are not one date written two ways: the first object's stands.
        assert_eq!(
            published(ld("2023-05-17T00:00:00+0000", "2023-06-02T04:39:05+00:00")).as_deref(),
            Some("2023-05-17T00:00:00Z")
        );
    }

    /// A stated publication date stands when the page prints its last update by the headline.
    #[test]
    fn stated_publication_beats_a_shown_update() {
        let html = format!(
            r#"<html><head><title>Best kettles</title>
<meta property="article:published_time" content="2019-09-16T10:46:39+00:00">
<meta property="article:modified_time" content="2026-02-12T08:00:00+00:00"></head>
<body><article><h1>Best kettles</h1><p class="updated">Updated February 12, 2026</p>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.published.as_deref().map(|d| &d[..10]), Some("2019-09-16"));
        assert_eq!(x.modified.as_deref().map(|d| &d[..10]), Some("2026-02-12"));
    }

    /// A stated publication date later than the stated last modification is a site rebuild's
    /// stamp: the date printed by the headline is the article's. Without one, the stated
    /// date is still better than nothing.
    #[test]
    fn publication_after_modification_gives_way_to_the_printed_date() {
        let ld = r#"<script type="application/ld+json">{"@type":"Article","headline":"Fitness basics",
"datePublished":"Jun 12, 2025","dateModified":"Jun 10, 2025"}</script>"#;
        let page = |shown: &str| {
            format!(
                r#"<html><head><title>Fitness basics</title>{ld}</head><body><article>
<h1>Fitness basics</h1>{shown}<p>{P1}</p><p>{P2}</p></article></body></html>"#
            )
        };
        let x = extract_html(&page("<p>November 2, 2022</p>"), None);
        assert_eq!(x.published.as_deref(), Some("2022-11-02"));
        let x = extract_html(&page(""), None);
        assert_eq!(x.published.as_deref(), Some("2025-06-12"));
    }

    /// A menu of dated news above the headline does not date the article; the date under
    /// the headline does.
    #[test]
    fn dated_menu_above_the_headline() {
        let menu: String = (1..=20)
            .map(|k| format!(r#"<li><a href="/n/{k}">News {k}</a><time datetime="2025-12-{k:02}T12:00:00Z">12/{k:02}/2025</time></li>"#))
            .collect();
        let crumbs: String = (1..=15)
            .map(|k| format!(r#"<span><a href="/s/{k}">Section {k}</a></span>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Consulting or insurance</title></head><body><nav><ul>{menu}</ul></nav>
<div class="breadcrumbs">{crumbs}</div><main><h1>Consulting or insurance</h1><div class="node__meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time> by Ann Lee</div>
<p>{P1}</p><p>{P2}</p></main></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).published.as_deref(),
            Some("2017-03-01T12:00:00Z")
        );
    }

    /// Structured data carried in a `<meta>` instead of a `<script>` is read the same way.
    #[test]
    fn structured_data_in_a_meta_element() {
        let html = format!(
            r#"<html><head><title>EV guide</title><meta name="script:ld+json" content="{{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;EV guide&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}}"></head>
<body><article><h1>EV guide</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).published.as_deref(),
            Some("2025-11-17T09:00:00-05:00")
        );
    }

    /// A page that dates itself only in a labelled line at its foot has that date; an
    /// unlabelled date there (a copyright line, an event) is not taken.
    #[test]
    fn labelled_date_at_the_foot_when_nothing_else_dates_the_page() {
        let filler: String = (0..250).map(|k| format!("<p>{P1} {k}</p>")).collect();
        let page = |foot: &str| {
            format!(
                r#"<html><head><title>Happy Isles</title></head><body><main><h1>Happy Isles</h1>
{filler}</main><footer><p>{foot}</p></footer></body></html>"#
            )
        };
        let x = extract_html(&page("Last updated: November 13, 2025"), None);
        assert_eq!(x.published.as_deref(), Some("2025-11-13"));
        let x = extract_html(&page("Closed November 13, 2025"), None);
        assert_eq!(x.published, None);
    }

    /// A masthead clock printing today's date is not the article's date line.
    #[test]
    fn todays_date_in_the_masthead_is_not_the_article_date() {
        let html = format!(
            r#"<html><head><title>Taxes 101</title></head><body>
<div class="masthead"><p id="todays-date-custom"><strong>Friday</strong>, December 19, 2025</p></div>
<article><h1>Taxes 101</h1><p class="by">By Ann Lee</p><p class="when">12.12.2025</p>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).published.as_deref(),
            Some("2025-12-12")
        );
    }

    /// A date inside a sentence of the article, or in an embedded post, is not the page's
    /// date line: the stated publication date stands.
    #[test]
    fn dates_in_sentences_and_embeds_are_not_date_lines() {
        let html = format!(
            r#"<html><head><title>Drug safety</title>
<meta property="article:published_time" content="2025-09-25T11:38:00Z">
<meta property="article:modified_time" content="2025-09-25T11:38:00Z"></head>
<body><article><h1>Drug safety</h1><p>{P1}</p><p>As of July 31, 2025, the agency has received:</p>
<blockquote class="twitter-tweet"><p>{P2}</p>&mdash; Ann Lee <a href="https://x.example/1">October 16, 2024</a></blockquote>
<p>{P3}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.published.as_deref(), Some("2025-09-25T11:38:00Z"));
    }

    /// A stated date equal to the last modification gives way to an earlier printed date (it
    /// may be the page's build time), never to a later one (a related post's).
    #[test]
    fn later_printed_date_does_not_replace_the_stated_one() {
        let html = format!(
            r#"<html><head><title>Camera types</title>
<meta property="article:published_time" content="2025-01-30T23:07:52Z">
<meta property="article:modified_time" content="2025-01-30T23:07:53Z"></head>
<body><article><h1>Camera types</h1><p>{P1}</p><p>{P2}</p></article>
<div class="related"><a href="/x">Best lenses</a><p>December 19, 2025</p></div></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.published.as_deref(), Some("2025-01-30T23:07:52Z"));
    }

    /// A `<time>` element's machine-readable value is read over its text.
    #[test]
    fn time_element_value_over_its_text() {
        let html = format!(
            r#"<html><head><title>Coffee stack</title></head><body><article><h1>Coffee stack</h1>
<div class="meta"><time datetime="2024-12-20">10/12/2024 7:38 PM</time></div>
<p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        assert_eq!(
            extract_html(&html, None).published.as_deref(),
            Some("2024-12-20")
        );
    }

    /// A page that prints its byline and date together far from the headline (after the
    /// article) still has that date.
    #[test]
    fn date_printed_beside_the_byline() {
        let filler: String = (0..250).map(|k| format!("<p>{P1} {k}</p>")).collect();
        let html = format!(
            r#"<html><head><title>Apps</title></head><body><article><h1>How apps are made</h1>
{filler}</article><div class="post-footer"><p>Written by <a href="/blog/author/ann-lee">Ann Lee</a></p>
<p>April 8, 2024</p></div></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.published.as_deref(), Some("2024-04-08"));
        assert_eq!(x.authors, vec!["Ann Lee"]);
    }

    /// A site-specific `<meta>` named for publication is read when no standard one is there.
    #[test]
    fn site_specific_publication_meta() {
        let html = format!(
            r#"<html><head><title>In-house legal work</title>
<meta name="w-published-date" content="2025-05-27T06:03:43.000Z">
<meta name="w-expiry-date" content="2030-01-01T00:00:00Z"></head>
<body><article><h1>In-house legal work</h1><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.published.as_deref().map(|d| &d[..10]), Some("2025-05-27"));
    }
}

mod edges {
    use super::*;

    /// The rails after a story (a "Most popular" heading with its numbered links), a newsletter
    /// pitch, share counters and a share box's URL above the story are not article text.
    #[test]
    fn rails_pitches_and_share_boxes_go() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><div>https://news.example.com/article/storm-hits-coast-123.php</div>
<p>Sharing is caring!</p><p>858shares</p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p>
<p>Sign up for the newsletter Weather Watch. By signing up, you agree to our Privacy Policy.</p>
<h3>Most Popular</h3><ol><li>1</li><li>2</li><li>3</li></ol>
</article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.text.starts_with(P1), "{}", x.text);
        assert!(x.text.ends_with(&format!("{P1} {P2}")), "{}", x.text);
    }

    /// The other ways sites head the rail of their other stories, or the writer's box, after
    /// an article.
    #[test]
    fn story_rails_go_however_they_are_headed() {
        let headings = [
            "Explore more articles.",
            "Popular posts",
            "Trending stories in world travel",
            "More articles",
            "You may also be interested in",
            "Read this next",
            "Recent articles",
            "Related articles that may interest you",
            "More you might like",
            "Other posts you may enjoy",
            "You might like",
            "Written by",
            "More Great Example Stories",
            "Jane Doe's Most Recent Stories",
            "Explore related questions",
            "Hot Network Questions",
        ];
        assert_rails_go(&headings, story_with_rail);
    }

    /// A story whose text ends with `{P1} {P2}`, then a rail of two teasers under `heading`.
    fn story_with_rail(heading: &str) -> String {
        format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p>
<h2>{heading}</h2><p>The cheapest places to fly this winter include three cities with new routes.</p>
<p>Rivers rose overnight, and forecasters expect more rain before the weekend.</p>
</article></body></html>"#
        )
    }

    /// Rails headed in other languages go as well; a section heading of the story stays.
    #[test]
    fn rails_headed_in_other_languages_go() {
        let headings = [
            "Meistgelesen",
            "Das könnte Sie auch interessieren",
            "Articles similaires",
            "Les plus lus",
            "Noticias relacionadas",
            "Lo más leído",
            "Mais lidas",
            "Articoli correlati",
            "Meest gelezen",
            "Podobne artykuły",
            "Похожие статьи",
            "Самые популярные диеты",
        ];
        assert_rails_go(&headings, story_with_rail);
        let kept = extract_html(&story_with_rail("Die Folgen für die Küste"), None);
        assert!(
            kept.text.ends_with("more rain before the weekend."),
            "{}",
            kept.text
        );
    }

    /// Extracts the page built around each rail heading and checks that the text ends where
    /// the rail begins, after the last paragraph (`{P1} {P2}`).
    fn assert_rails_go(headings: &[&str], page: impl Fn(&str) -> String) {
        for heading in headings {
            let x = extract_html(&page(heading), None);
            assert!(
                x.text.ends_with(&format!("{P1} {P2}")),
                "{heading}: {}",
                x.text
            );
        }
    }

    /// A bracketed link to a related story set between the paragraphs, an ad's label, a
    /// gallery's "View all" and a line of publication times are not the story's text; nor is
    /// a "read also" line in a language whose word ends in a letter outside ASCII.
    #[test]
    fn related_links_and_ad_labels_in_the_story_go() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1>
<p>PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019</p><p>{P1}</p>
<p>[Related: Harbour lights return after the storm]</p>
<p>{P2}</p><p>Advert</p><p>View all (23)</p><p>À lire aussi : Les phares du port rallumés</p>
<p>Читайте также: Маяки снова горят</p><p>Czytaj również: Latarnie znów świecą</p><p>DON'T MISS</p><p>Loading paragraph...</p><p>{P3}</p>
</article></body></html>"#
        );
        super::assert_story_only(&html, "related links and ad labels");
    }

    /// Share buttons, ad labels and comment counts as other languages write them go as the
    /// English ones do.
    #[test]
    fn share_ad_and_comment_labels_in_other_languages_go() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>Werbung</p><p>{P2}</p>
<p>Teilen</p><p>Compartir</p><p>Поделиться</p><p>12 Kommentare</p><p>3 comentarios</p><p>{P3}</p>
</article></body></html>"#
        );
        super::assert_story_only(&html, "share, ad and comment labels in other languages");
    }

    /// A rail headed by a styled paragraph instead of a heading goes too; a label that ends
    /// in a colon introduces what follows and stays.
    #[test]
    fn rails_headed_by_a_paragraph_go_labels_stay() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p>
<p class="font-semibold uppercase">Popular posts</p>
<p>The cheapest places to fly this winter include three cities with new routes.</p>
<p>Rivers rose overnight, and forecasters expect more rain before the weekend.</p>
</article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.text.ends_with(&format!("{P1} {P2}")), "{}", x.text);

        let html = format!(
            r#"<html><head><title>Harbour kettle</title></head><body><main>
<h1>Harbour kettle</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p>
<p>Recommended:</p><p>Descale the kettle once a month in areas with hard water.</p>
</main></body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.text.ends_with("hard water."), "{}", x.text);
    }

    /// The writer's bio or contact line that closes a story, and the role line above it,
    /// present the byline: they go. A bio of someone else, an address that is not the
    /// writer's, or a brand's closing pitch, stays.
    #[test]
    fn the_writers_closing_bio_goes() {
        let page = |author: &str, closing: &str| {
            format!(
                r#"<html><head><title>Storm hits coast</title><meta name="author" content="{author}"></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p><p>{P2} {P3}</p>
<p>Contributing Writer</p><p>{closing}</p>
</article></body></html>"#
            )
        };
        let bio =
            "Jane Doe is a freelance writer who covers weather and energy for regional papers.";
        let x = extract_html(&page("Jane Doe", bio), None);
        assert!(x.text.ends_with(&format!("{P2} {P3}")), "{}", x.text);
        let x = extract_html(
            &page(
                "Jane Doe",
                "Jane has reported on storms along this coast since 2012.",
            ),
            None,
        );
        assert!(x.text.ends_with(&format!("{P2} {P3}")), "{}", x.text);

        let x = extract_html(
            &page(
                "Jane Doe",
                "Email Jane Doe at jdoe@example.com or follow her @janedoe.",
            ),
            None,
        );
        assert!(x.text.ends_with(&format!("{P2} {P3}")), "{}", x.text);
        let tips = "Send your storm pictures to tips@example.com.";
        let x = extract_html(&page("Jane Doe", tips), None);
        assert!(x.text.ends_with(tips), "{}", x.text);

        let x = extract_html(&page("John Smith", bio), None);
        assert!(x.text.ends_with(bio), "{}", x.text);
        let pitch =
            "Harbour is built to make storm kits simple. Browse our range of lamps and radios.";
        let x = extract_html(&page("Harbour Team", pitch), None);
        assert!(x.text.ends_with(pitch), "{}", x.text);
        let x = extract_html(&page("Harbour", pitch), None);
        assert!(x.text.ends_with(pitch), "{}", x.text);

        // The attribution closing a post the story embeds is the post's, not the writer's
        // role line.
        let embed = format!(
            r#"<html><head><title>Storm hits coast</title><meta name="author" content="Jane Doe"></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p>
<blockquote class="twitter-tweet"><p>The harbour wall held tonight, thanks to every crew.</p>&mdash; Harbour Council (@harbourcouncil) <a href="https://x.example/status/1">March 3, 2025</a></blockquote>
<p>Email Jane Doe at jdoe@example.com or follow her @janedoe.</p>
</article></body></html>"#
        );
        let x = extract_html(&embed, None);
        assert!(
            x.text
                .ends_with("— Harbour Council (@harbourcouncil) March 3, 2025"),
            "{}",
            x.text
        );

        // A writer who goes by one name, a first name.
        let x = extract_html(
            &page(
                "Jane",
                "Jane is a freelance writer who covers weather and energy for regional papers.",
            ),
            None,
        );
        assert!(x.text.ends_with(&format!("{P2} {P3}")), "{}", x.text);
    }

    /// A shop's rails after a product's description ("Customers who bought this item also
    /// bought", "Similar items", "Recently viewed") go as a story's "Most popular" does.
    #[test]
    fn shop_rails_after_a_description_go() {
        let headings = [
            "Customers who bought this item also bought",
            "People who viewed this item also viewed",
            "Similar items",
            "Frequently bought together",
            "Recently viewed products",
        ];
        assert_rails_go(&headings, |heading| {
            format!(
                r#"<html><head><title>Harbour kettle</title></head><body><main>
<h1>Harbour kettle</h1><div class="description"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p></div>
<h2>{heading}</h2><div class="rail"><p>Lighthouse teapot, white enamel</p><p>Dockside mug set of four</p></div>
</main></body></html>"#
            )
        });
    }

    /// A page that prints its content twice, once per screen size (each copy hidden by the
    /// other's styles), and once more for readers without scripts: the reader sees it once.
    #[test]
    fn second_copies_of_the_content_go() {
        let html = format!(
            r#"<html><head><title>Harbour kettle</title></head><body><main>
<h1>Harbour kettle</h1>
<div class="d-none d-md-block description"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
<div class="accordion d-md-none"><div class="card"><button class="card-header">Description</button>
<div class="card-body collapse"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></div>
<noscript><div class="description"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></noscript>
<p>Made by hand in Porto.</p>
</main></body></html>"#
        );
        let x = extract_html(&html, None);
        for p in [P1, P2, P3] {
            assert_eq!(x.text.matches(p).count(), 1, "{}", x.text);
        }
        assert!(x.text.contains("Made by hand in Porto."), "{}", x.text);
    }

    /// A page that declares itself a discussion (`DiscussionForumPosting`) is a thread: the
    /// replies under its opening post are its content, even named as comments and beside
    /// other prose.
    #[test]
    fn a_declared_discussion_keeps_its_replies() {
        let replies = [
            "Our street lost power at midnight and it came back on Tuesday afternoon, after the crews replaced the transformer.",
            "The county opened two shelters at the high schools, with cots and hot meals for anyone who needs them tonight.",
            "Still out here on Harbour Road. The utility's map says Wednesday evening, but nobody has come by yet to look.",
        ];
        let html = format!(
            r#"<html><head><title>Power back on the east side?</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Power back on the east side?","author":{{"@type":"Person","name":"stormwatch"}}}}</script>
</head><body>
<div class="topic"><h1>Power back on the east side?</h1><div class="post-body"><p>{P1}</p><p>{P2}</p></div>
<ul class="comments"><li class="comment"><p>{}</p><p>Sent from my Pixel 7 using Harbour Forums mobile app</p></li><li class="comment"><p>{}</p></li><li class="comment"><p>{}</p></li></ul></div>
<div class="about"><h2>About this forum</h2><p>{P3} {P1}</p><p>{P2} {P3}</p><p>{P1} {P2}</p></div>
</body></html>"#,
            replies[0], replies[1], replies[2]
        );
        let x = extract_html(&html, None);
        assert!(x.text.starts_with(P1), "{}", x.text);
        for r in replies {
            assert!(x.text.contains(r), "{r}: {}", x.text);
        }
        // The app's signature under a reply is not what the reply says.
        assert!(!x.text.contains("Sent from my"), "{}", x.text);
    }

    /// A Q&A page is no forum thread: the comments under its question and answers are asides,
    /// and they go as comments do anywhere.
    #[test]
    fn a_question_page_drops_the_comments_under_its_answers() {
        let aside = "Did you check whether the backup job runs as the same user as the cron job?";
        let html = format!(
            r#"<html><head><title>Why did the backup skip my files?</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"QAPage","mainEntity":{{"@type":"Question","name":"Why did the backup skip my files?"}}}}</script>
</head><body><div class="question"><h1>Why did the backup skip my files?</h1><div class="post-body"><p>{P1}</p></div>
<ul class="comments"><li class="comment"><p>{aside}</p></li><li class="comment"><p>{aside} Or root?</p></li></ul></div>
<div class="answer"><div class="post-body"><p>{P2}</p><p>{P3}</p></div>
<ul class="comments"><li class="comment"><p>{aside} It matters.</p></li></ul></div>
<div class="about"><h2>About this site</h2><p>{P3} {P1}</p><p>{P2} {P3}</p><p>{P1} {P2}</p></div>
</body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.text.contains(P2), "{}", x.text);
        assert!(!x.text.contains(aside), "{}", x.text);
    }

    /// A summary set above the story that its first paragraph repeats word for word: the
    /// story keeps its lead, and the summary is the copy that goes.
    #[test]
    fn a_story_keeps_the_lead_its_summary_repeats() {
        let lead = format!("{P2} {P3}");
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body>
<div class="box"><p>{lead}</p><ul>
<li><a href="/a">Flood warnings issued for the whole region as rivers rise, forecasters say</a></li>
<li><a href="/b">How to prepare your home for a winter storm, according to experts</a></li>
<li><a href="/c">Power cuts: what to do when the lights go out for days</a></li>
<li><a href="/d">The county budget vote, explained in five charts and a map</a></li></ul></div>
<div class="page"><article><h1>Storm hits coast</h1>
<p>{lead}</p><p>{P1}</p><p>{P1} {P3}</p><p>{P2} {P1}</p></article></div>
</body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.text.starts_with(&lead), "{}", x.text);
        assert_eq!(x.text.matches(&lead).count(), 1, "{}", x.text);
    }

    /// What a page repeats on purpose stays: a short line under each offer, and code shown
    /// again where it applies (an object in its reference and in a call's response).
    #[test]
    fn repeated_terms_and_code_stay() {
        let object = "{\n  \"id\": \"ch_1\",\n  \"object\": \"charge\",\n  \"amount\": 1099,\n  \"currency\": \"usd\",\n  \"captured\": true,\n  \"description\": null,\n  \"metadata\": {{}},\n  \"paid\": true,\n  \"refunded\": false,\n  \"receipt_email\": null,\n  \"statement_descriptor\": \"HARBOUR\",\n  \"status\": \"succeeded\"\n}}";
        let terms = "Valid for stays booked by 31 March. Taxes and resort fees apply.";
        let html = format!(
            r#"<html><head><title>Charges</title></head><body><main>
<h1>Charges</h1><p>{P1}</p>
<h2>The charge object</h2><p>{P2}</p><pre><code>{object}</code></pre>
<h2>Create a charge</h2><p>{P3}</p><pre><code>{object}</code></pre>
<div class="offer"><h3>Free breakfast</h3><p>{P1} {P2}</p><p>{terms}</p></div>
<div class="offer"><h3>Resort credit</h3><p>{P2} {P3}</p><p>{terms}</p></div>
</main></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(
            x.text.matches("\"refunded\": false").count(),
            2,
            "{}",
            x.text
        );
        assert_eq!(x.text.matches(terms).count(), 2, "{}", x.text);
    }

    /// A newsletter box set inside the story as plain paragraphs, with no consent line: its
    /// pitch (behind an emoji, or asking to join or to get the latest) and the lines that go
    /// on selling it go; the story's own paragraphs after it stay.
    #[test]
    fn newsletter_boxes_in_the_story_go() {
        let html = format!(
            r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p>
<p>🚀 Sign up for The Replay newsletter</p>
<p>The Replay is a weekly newsletter for dev and engineering leaders.</p>
<p>Delivered once a week, it's your curated guide to the most important conversations.</p>
<p>{P2}</p>
<p>Want more from The Daily? Sign up for our newsletter, The Selection, and shop smarter.</p>
<p>Get Jane Doe’s stories in your inbox</p>
<p>Join Medium for free to get updates from this writer.</p>
<h3>Join Our Genius Newsletter</h3>
<p>Get the latest articles, inspiring how-to guides, and workbooks delivered to your inbox.</p>
<p>{P3}</p>
</article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(x.text, format!("{P1}\n\n{P2}\n\n{P3}"), "{}", x.text);
    }

    /// Affiliate disclosures and price notices are about the page's links, not the story; a
    /// story about affiliate marketing keeps its sentences.
    #[test]
    fn affiliate_disclosures_go() {
        let html = format!(
            r#"<html><head><title>Best kettles</title></head><body><article>
<h1>Best kettles</h1>
<p>We may earn commission from links on this page, but we only recommend products we back.</p>
<p>{P1}</p>
<p>Disclosure: This post contains affiliate links. If you use them to make a purchase, we may earn a small commission at no extra cost to you.</p>
<p>{P2}</p>
<p>Prices were accurate at the time this article was published but may change over time.</p>
<p>Affiliate programs pay streamers when viewers buy games through their links, and many creators earn most of their income that way.</p>
</article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert_eq!(
            x.text,
            format!("{P1}\n\n{P2}\n\nAffiliate programs pay streamers when viewers buy games through their links, and many creators earn most of their income that way."),
            "{}",
            x.text
        );
    }

    /// Numbers in a table are data, and a link written out in the story's body stays.
    #[test]
    fn numbers_and_links_in_the_body_stay() {
        let html = format!(
            r#"<html><head><title>Snap counts</title></head><body><article>
<h1>Snap counts</h1><p>{P1}</p><p>{P2}</p><table><tr><td>Player</td><td>63</td></tr>
<tr><td>Other</td><td>57</td></tr></table><p>{P3}</p><p>Buy it here:</p><p>http://amzn.to/abc</p>
<p>{P1}</p></article></body></html>"#
        );
        let x = extract_html(&html, None);
        assert!(x.text.contains("63") && x.text.contains("57"), "{}", x.text);
        assert!(x.text.contains("http://amzn.to/abc"), "{}", x.text);
    }
}

#[test]
fn furniture_named_boxes_inside_an_article_are_dropped() {
    // Boxes inside the article body, named like furniture, with a line of text each: a
    // WordPress "Like this" box, a promo and an image credit. They are small against the page,
    // so their names decide.
    let page = format!(
        r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Storm hits coast</h1><div class="entry-content">
<p>{P1}</p>
<div class="image-credit">Photo by a staff photographer for the paper</div>
<p>{P2}</p>
<div class="promo-box">Get our weekly digest of local stories every Friday</div>
<p>{P3}</p>
<div class="sharedaddy sd-like"><h3 class="sd-title">Like this:</h3><span>Like</span> <span>Loading...</span></div>
</div></article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert_eq!(a.text, format!("{P1}\n\n{P2}\n\n{P3}"), "{}", a.text);
}

/// A sentence of the story that links most of its words stays: it opens with words of its own
/// and ends as a sentence. A paragraph that is only a link to another story goes.
#[test]
fn a_sentence_that_links_most_of_its_words_stays() {
    let linked = "The skipper, Tom Reed, was honoured on Friday and \
        <a href=\"/news/skipper-medal\">given the lifeboat medal for bravery at a ceremony in the harbour town</a>.";
    let page = format!(
        r#"<html><head><title>Harbour rescue</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour rescue</h1><div class="story-body">
<p>{P1}</p>
<p>{linked}</p>
<p><a href="/news/ferry">Ferry services cancelled across the bay as gales reach ninety miles an hour</a></p>
<p>{P2}</p>
<p>{P3}</p>
</div></article></body></html>"#
    );
    let a = extract_html(&page, None);
    let sentence =
        "The skipper, Tom Reed, was honoured on Friday and given the lifeboat medal for \
        bravery at a ceremony in the harbour town.";
    assert_eq!(
        a.text,
        format!("{P1}\n\n{sentence}\n\n{P2}\n\n{P3}"),
        "{}",
        a.text
    );
}

/// A post the story embeds stays, even in a wrapper named like share buttons
/// (`social-media-embed`); the share buttons themselves go.
#[test]
fn an_embedded_post_the_story_quotes_stays() {
    let post = "The harbour wall held tonight, thanks to every crew who worked through the storm.";
    let page = format!(
        r#"<html><head><title>Storm hits coast</title></head><body>
<article><h1>Storm hits coast</h1><div class="story-body">
<p>{P1}</p>
<div class="social-share"><a href="/share/fb">Share on Facebook</a> <a href="/share/x">Post on X</a></div>
<p>{P2}</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">{post}</p>&mdash; Harbour Council (@harbourcouncil) <a href="https://x.example/status/1">March 3, 2025</a></blockquote>
<script async src="https://x.example/widgets.js"></script></div>
<p>{P3}</p>
</div></article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.contains(post), "{}", a.text);
    assert!(!a.text.contains("Share on Facebook"), "{}", a.text);
    assert!(a.text.starts_with(P1) && a.text.ends_with(P3), "{}", a.text);
}

/// A box in the slot a theme keeps after the post (`after-post-optin`) is not the post, though
/// its name holds the word "post".
#[test]
fn a_box_in_the_slot_after_the_post_goes() {
    let pitch = "Get the free planting calendar, with every sowing date for the year, \
        when you join the list of readers who get the monthly letter from the garden.";
    let page = format!(
        r#"<html><head><title>Sowing beans</title></head><body>
<main><article><h1>Sowing beans</h1><div class="entry-content">
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
</div></article>
<div class="after-post-optin"><h3>Your free calendar</h3><p>{pitch}</p></div>
</main></body></html>"#
    );
    assert_story_only(&page, "box after the post");
}

/// A theme's hidden block of microdata (the image's address and size, the publisher's name, the
/// dates) is for search engines, not readers; a small block hidden by its class that holds
/// words of the page (a tab a script will show) stays.
#[test]
fn a_hidden_block_of_structured_data_goes() {
    let page = format!(
        r#"<html><head><title>Storm hits coast</title></head><body>
<article><h1>Storm hits coast</h1><div class="entry-content">
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<div class="hidden">Crews will be back on Thursday.</div>
</div>
<span class="hidden"><span itemprop="image" itemscope><span itemprop="url">https://example.com/uploads/storm-photo-01.jpg</span>
<span itemprop="height">540</span> <span itemprop="width">960</span></span>
<span itemprop="publisher" itemscope><span itemprop="name">siteadmin</span></span>
<span itemprop="datePublished">2025-03-03 10:33:49</span></span>
</article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(
        a.text.contains("Crews will be back on Thursday."),
        "{}",
        a.text
    );
    assert!(
        !a.text.contains("storm-photo") && !a.text.contains("siteadmin"),
        "{}",
        a.text
    );
}

/// A column that page builders show only on wide screens (`elementor-hidden-mobile`,
/// `hidden-xs`, `d-none d-lg-block`) is a sidebar, even one of teasers that outweighs a short
/// story beside it; a wide-screen copy of the story leaves its narrow-screen copy.
#[test]
fn a_column_shown_only_on_wide_screens_goes() {
    let teasers: String = (0..6)
        .map(|k| {
            format!(
                r#"<article class="post"><h3><a href="/news/{k}">Harbour notes, part {k}</a></h3>
<p>The council met again about the harbour wall, the ferry timetable and the summer market, and agreed to meet once more in the spring.</p></article>"#
            )
        })
        .collect();
    for hidden in [
        "elementor-hidden-mobile",
        "hidden-xs",
        "d-none d-lg-block",
        "hidden lg:block",
    ] {
        let page = format!(
            r#"<html><head><title>Storm hits coast</title></head><body>
<div class="row"><div class="col-main"><h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p></div>
<div class="col-side {hidden}"><h2>Latest news</h2>{teasers}</div></div></body></html>"#
        );
        let a = extract_html(&page, None);
        assert_eq!(a.text, format!("{P1}\n\n{P2}"), "{hidden}");
    }
    let page = format!(
        r#"<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1>
<div class="d-none d-md-block"><p>{P1}</p><p>{P2}</p></div>
<div class="d-md-none"><p>{P1}</p><p>{P2}</p></div></body></html>"#
    );
    assert_eq!(extract_html(&page, None).text, format!("{P1}\n\n{P2}"));
    // A page that is nearly all wide-screen column builds its phone version by script: the
    // column is the page.
    let page = format!(
        r#"<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1>
<div class="d-none d-md-block"><p>{P1}</p><p>{P2}</p></div><div id="app-mobile"></div></body></html>"#
    );
    assert_eq!(extract_html(&page, None).text, format!("{P1}\n\n{P2}"));
}

/// A utility class's words name a design token, not a part of the page: a table of a training
/// plan whose cells are set in `font-utility-2` is the story's, not a utility bar.
#[test]
fn a_style_utility_class_names_no_furniture() {
    let cell =
        |t: &str| format!(r#"<td class="border-b font-utility-2 font-bold"><span>{t}</span></td>"#);
    let head: String = ["Week", "Monday", "Tuesday", "Wednesday"]
        .map(cell)
        .concat();
    let row: String = ["1", "Rest", "Easy run 30 min", "Hill repeats"]
        .map(cell)
        .concat();
    let page = story_page(&format!(
        r#"<p>{P1}</p><p>{P2}</p><div class="overflow-x-scroll"><table class="w-full text-left">
<thead class="border-b border-border-medium"><tr>{head}</tr></thead><tbody><tr>{row}</tr></tbody></table></div><p>{P3}</p>"#
    ));
    let text = extract_html(&page, None).text;
    assert!(
        text.contains("Hill repeats") && text.contains("Wednesday"),
        "{text}"
    );
}

/// Code is read whole: a syntax highlighter's comment (`hljs-comment`, Prism's `token comment`)
/// is part of the code, not a comment thread.
#[test]
fn a_highlighted_code_comment_stays() {
    for class in ["hljs-comment", "token comment"] {
        let page = story_page(&format!(
            r#"<p>{P1}</p><pre><code class="language-bash"><span class="{class}"># start the pumps</span>
pumps start --all
<span class="{class}"># check the level</span>
gauge read</code></pre><p>{P2}</p>"#
        ));
        let text = extract_html(&page, None).text;
        assert!(
            text.contains("# start the pumps") && text.contains("# check the level"),
            "{class}: {text}"
        );
    }
}

/// "Commentary" names an article's analysis, not a comment thread: it stays, while a
/// `comments` section beside it goes.
#[test]
fn a_commentary_section_is_no_comment_thread() {
    let page = story_page(&format!(
        r#"<p>{P1}</p><section class="commentary"><h2>Commentary</h2><p>{P2}</p></section>
<section class="comments"><p>Great story, thanks for posting it, I read every word and then shared it twice.</p></section>"#
    ));
    let text = extract_html(&page, None).text;
    assert!(text.contains(P2), "{text}");
    assert!(!text.contains("Great story"), "{text}");
}

/// A story page: the headline, then `body` in the story's container.
fn story_page(body: &str) -> String {
    format!(
        r##"<html><head><title>Storm hits coast</title></head><body>
<article><h1>Storm hits coast</h1><div class="story-body">
{body}
</div></article></body></html>"##
    )
}

/// Asserts that a page's text is the story's three paragraphs and nothing else.
#[track_caller]
fn assert_story_only(page: &str, case: &str) {
    let a = extract_html(page, None);
    assert_eq!(
        a.text,
        format!("{P1}\n\n{P2}\n\n{P3}"),
        "{case}: {}",
        a.text
    );
}

/// Asserts that `line`, a paragraph of its own between the story's first two, goes.
#[track_caller]
fn assert_line_between_paragraphs_goes(line: &str) {
    let page = story_page(&format!("<p>{P1}</p><p>{line}</p><p>{P2}</p><p>{P3}</p>"));
    assert_story_only(&page, line);
}

/// An ad slot's label that says where the text goes on ("Advertisement - Continue Reading
/// Below") and a link's note that it opens a new tab are the page's, not the story's. A line
/// of the story that says where it goes on, with no advertisement in it, stays.
#[test]
fn an_ad_slots_label_and_a_new_tab_note_go() {
    for line in [
        "Advertisement - Continue Reading Below",
        "Advertisement - Page continues below",
        "Open in a new tab",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
    let kept = "Story continues below gallery";
    let page = story_page(&format!("<p>{P1}</p><p>{kept}</p><p>{P2}</p><p>{P3}</p>"));
    let a = extract_html(&page, None);
    assert!(a.text.contains(kept), "{}", a.text);
}

/// The label over a table of contents ("Table of Contents", "In this article:") goes with the
/// contents' links, a heading or a summary as much as a paragraph.
#[test]
fn a_table_of_contents_label_goes() {
    for label in [
        "<h2>Table of Contents</h2>",
        "<p><strong>In this article:</strong></p>",
        "<details><summary>Table of Contents</summary><nav><ul><li><a href=\"#b\">Crews</a></li></ul></nav></details>",
    ] {
        let page = story_page(&format!(
            r##"<p>{P1}</p>{label}<nav><ul><li><a href="#a">Power cuts</a></li><li><a href="#b">Crews at work</a></li></ul></nav>
<p>{P2}</p><p>{P3}</p>"##
        ));
        assert_story_only(&page, label);
    }
}

/// A page's feedback, rating, comment, summary and cart controls, its "last modified" or "last
/// edited" stamp, a post's edit note and an attachment's size and download count are not its
/// text.
#[test]
fn feedback_widgets_and_modified_stamps_go() {
    for line in [
        "Was this page helpful?",
        "Was this helpful?",
        "Expand description",
        "Open table of contents panel.",
        "Summarize with AI:",
        "Summarize this article with:",
        "This page was last modified on Aug 20, 2025 by the guide's contributors.",
        "Click on a star to rate it!",
        "No votes so far! Be the first to rate this post.",
        "Edit this page on GitHub",
        "Last edited by jdoe on Feb 17, 2026 at 9:17 am",
        "Edited March 3, 2025 by jdoe (see edit history)",
        "Edited 2 hours ago by jdoe",
        "(95.79 KiB) Downloaded 478 times",
        "Reply with quote",
        "Be the first to comment",
        "Write a review",
        "Add to cart",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
}

/// The prompt over a comment form goes, set as a heading as much as a paragraph.
#[test]
fn a_comment_prompt_goes_even_as_a_heading() {
    for line in [
        "<h3>What do you think?</h3>",
        "<h4>Be the first to comment</h4>",
        "<h3>Leave a Reply</h3>",
        "<p>Join the conversation</p>",
        "<p>Tell us what YOU think...</p>",
    ] {
        let page = story_page(&format!("<p>{P1}</p>{line}<p>{P2}</p><p>{P3}</p>"));
        assert_story_only(&page, line);
    }
}

/// A print magazine's subscription offer is the publisher selling itself.
#[test]
fn a_magazine_subscription_offer_goes() {
    assert_line_between_paragraphs_goes(
        "Get Harbour Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.",
    );
}

/// A poster's particulars printed beside a post ("Join Date: Aug 2008", "Posts: 1,077",
/// "410 posts · Joined 2002"), its number ("#4 ·"), its counts of likes and views and a
/// thread's counts are not what the post says.
#[test]
fn a_posters_particulars_go() {
    for line in [
        "Join Date: Aug 2008",
        "Posts: 1,077",
        "Threads: 23",
        "Reputation: 12",
        "Joined: Feb 2019",
        "12 likes",
        "1.2k views",
        "410 posts · Joined 2002",
        "16,287 posts | Joined Mar 2012",
        "4931 posts",
        "6.5K views 5 replies 5 participants last post by tidewatch Jun 5, 2024",
        "#4 ·",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
}

/// When a seller joined, on a line of its own, is what a shop's page says of the seller: only
/// beside a poster's counts is it a forum's furniture.
#[test]
fn a_joined_line_alone_stays() {
    let page = story_page(&format!("<p>{P1}</p><p>Joined Oct 2018</p><p>{P2}</p>"));
    let a = extract_html(&page, None);
    assert_eq!(a.text, format!("{P1}\n\nJoined Oct 2018\n\n{P2}"));
}

/// A thread's controls and counts ("Reply With Quote 0", "20 replies to this topic", "Report
/// inappropriate content") and a Q&A site's prompts to guests ("You must log in to answer this
/// question.") are not what anyone posted.
#[test]
fn a_threads_controls_go() {
    for line in [
        "Reply With Quote 0",
        "20 replies to this topic",
        "Report inappropriate content",
        "You must log in to answer this question.",
        "Start asking to get answers",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
}

/// A shop's controls and notices around an item ("Select a size", "Notify me when available",
/// "Sale price", "Shipping calculated at checkout", "Verified Buyer") and a page's buttons that
/// call to act ("Learn more", "Contact us", "Request a quote") are the site's, not what it says.
#[test]
fn a_shops_controls_go() {
    for line in [
        "Select a size",
        "Notify me when available",
        "Shop now",
        "Verified Buyer",
        "Based on 4,567 reviews",
        "Regular price",
        "Sale price",
        "Taxes, discounts and shipping calculated at checkout.",
        "Free pick-up in store",
        "Leave a review",
        "Quick view",
        "Learn more",
        "Find out more",
        "Show more",
        "Contact us",
        "Try it for free",
        "Order now",
        "Apply now",
        "Request a quote",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
}

/// A card's count of reviews or ratings ("1,234 reviews", "87 global ratings") is a shop's
/// particulars, as a post's count of likes is a forum's.
#[test]
fn a_count_of_reviews_goes() {
    for line in [
        "1,234 reviews",
        "12 Reviews",
        "87 global ratings",
        "5 ratings",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
}

/// A listing's controls ("Showing 1–12 of 40 results", "Sort by: Newest") are not its content.
#[test]
fn a_listings_count_and_sort_lines_go() {
    let page = story_page(&format!(
        "<p>{P1}</p>
<p>Showing 1–12 of 40 results</p><p>Sort by: Newest</p><p>1 - 12 of 27 Products</p>
<p>{P2}</p><p>{P3}</p>"
    ));
    assert_story_only(&page, "count and sort lines");
    for line in ["Sort by", "See all reviews"] {
        assert_line_between_paragraphs_goes(line);
    }
}

/// A template's placeholder text ("Lorem ipsum …") left on a page beside its text is nobody's
/// words.
#[test]
fn placeholder_text_goes() {
    let page = story_page(&format!(
        "<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>"
    ));
    assert_story_only(&page, "placeholder beside the story");
    // The dummy text going on in paragraphs of its own is the placeholder too.
    let page = story_page(&format!(
        "<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>
<p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>
<p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.</p>"
    ));
    assert_story_only(&page, "placeholder paragraphs beside the story");

    // A page of nothing else (a template's demo, a test page) keeps it: it is all there is.
    let lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor \
        incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud.";
    let page = format!(
        r#"<html><head><title>Test page</title></head><body>
<article><h1>Test page</h1><p>{lorem}</p><p>{lorem}</p></article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(
        a.text.starts_with("Lorem ipsum dolor sit amet"),
        "{}",
        a.text
    );
    // All of it, also the paragraphs that do not open with "Lorem ipsum".
    let more = "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu \
        fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa.";
    let page = format!(
        r#"<html><head><title>Test page</title></head><body>
<article><h1>Test page</h1><p>{lorem}</p><p>{more}</p></article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(
        a.text.starts_with("Lorem ipsum dolor sit amet") && a.text.ends_with("in culpa."),
        "{}",
        a.text
    );
}

/// A line that says when the story was updated goes, the time of day with its "p.m." too.
#[test]
fn an_update_time_line_goes() {
    let page = story_page(&format!(
        "<p>{P1}</p><p><em>Updated at 1:23 p.m.</em></p><p>{P2}</p><p>{P3}</p>"
    ));
    assert_story_only(&page, "update line");
}

/// A table's cells repeat their values along a row ("0", "0", "0"): each one stays, where the
/// same paragraph twice in a row is a layout's second copy and goes.
#[test]
fn repeated_values_in_a_table_stay() {
    let page = format!(
        r#"<html><head><title>Standings</title></head><body>
<article><h1>Standings</h1><p>{P1}</p><p>{P2}</p>
<table><tr><th>Pos</th><th>Driver</th><th>Points</th><th>Wins</th><th>Poles</th><th>Top 5</th></tr>
<tr><td>1</td><td>Jane Roe</td><td>5040</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>2</td><td>John Doe</td><td>5035</td><td>2</td><td>2</td><td>7</td></tr></table>
<p>{P3}</p><p>{P3}</p>
</article></body></html>"#
    );
    let a = extract_html(&page, None);
    let words: Vec<&str> = a.text.split_whitespace().collect();
    assert!(
        words.windows(4).any(|w| w == ["5040", "0", "0", "0"])
            && words.windows(3).any(|w| w == ["5035", "2", "2"]),
        "{}",
        a.text
    );
    assert_eq!(a.text.matches(P3).count(), 1, "{}", a.text);
}

/// What an ad manager or a theme puts in the slot after the content (`zone-content-after`)
/// goes even when it is written as prose: a fundraising letter, the publisher's "about us".
#[test]
fn prose_in_the_slot_after_the_content_goes() {
    let page = story_page(&format!(
        r#"<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<div class="zone zone-content-after"><div class="letter">
<h5>A word to our readers</h5>
<p>Every story we publish is free to read, but reporting it is far from free, and we rely on readers like you to keep going.</p>
<p>If you value local news, please consider a gift today. Every dollar you give this month will be doubled by our partners.</p>
</div></div>"#
    ));
    assert_story_only(&page, "slot after the content");
}

/// A pitch whose ask a link's label leads ("Click here to subscribe to …"), set as a heading
/// too, or whose ask a line break parts from a question, is a pitch.
#[test]
fn a_click_here_newsletter_pitch_goes() {
    let page = story_page(&format!(
        r#"<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<h4>Click <a href="/letter">here</a> to subscribe to The Harbour Letter newsletter</h4>"#
    ));
    assert_story_only(&page, "click-here pitch");

    // The ask on a line of its own after a question.
    let page = story_page(&format!(
        "<p>{P1}</p><p>Like what you're reading?<br>Subscribe to the monthly newsletter!</p><p>{P2}</p><p>{P3}</p>"
    ));
    assert_story_only(&page, "pitch after a line break");
}

/// A newsletter pitch whose ask follows a sentence of its own goes at the end of a story.
#[test]
fn a_closing_newsletter_pitch_goes() {
    let page = story_page(&format!(
        "<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<p>There is more where that came from. Sign up for the Harbour Letter to get the free daily newsletter in your inbox.</p>"
    ));
    assert_story_only(&page, "closing pitch");
}

/// A line of the post's particulars, parted by bars or dots (when, who, how long to read), is
/// not text; a press mention's date and outlet is.
#[test]
fn lines_of_particulars_go() {
    let page = format!(
        r#"<html><head><title>Storm hits coast</title></head><body><article><h1>Storm hits coast</h1>
<p>Last Updated: Dec 17, 2025 • 5 min read</p>
<p>By Jane Doe · Dec. 19, 2025</p>
<p>{P1}</p><p>{P2}</p>
<p>Jane Doe | 2 weeks ago</p>
<p>12 Comments | Jane Doe | Last Updated: March 11, 2019</p>
<p>11/25/2025 | The Harbour Times</p>
</article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert_eq!(
        a.text,
        format!("{P1}\n\n{P2}\n\n11/25/2025 | The Harbour Times"),
        "{}",
        a.text
    );
}

/// A shop's rail of similar items ends the item's text even where it comes early and its
/// cards outweigh the item's own description; a "Frequently bought together" bundle above the
/// description does not end it.
#[test]
fn an_early_shop_rail_ends_the_item() {
    let cards: String = (1..=12)
        .map(|n| {
            format!("<p>Storm lantern model {n}, brass and glass, rechargeable</p><p>${n}9.00</p>")
        })
        .collect();
    let page = format!(
        r#"<html><head><title>Harbour storm lamp</title></head><body><main>
<h1>Harbour storm lamp</h1><div class="description"><p>{P1}</p><p>{P2}</p></div>
<h2>Similar items</h2><div class="cards">{cards}</div>
</main></body></html>"#
    );
    let a = extract_html(&page, None);
    assert_eq!(a.text, format!("{P1}\n\n{P2}"), "{}", a.text);

    let page = format!(
        r#"<html><head><title>Harbour storm lamp</title></head><body><main>
<h1>Harbour storm lamp</h1><p>{P1}</p>
<h2>Frequently bought together</h2><p>Harbour storm lamp</p><p>Spare glass chimney</p>
<h2>Description</h2><p>{P2}</p><p>{P3}</p>
</main></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.ends_with(&format!("{P2}\n\n{P3}")), "{}", a.text);
}

/// A listing whose cards are all links is read by its links when nothing but its label would
/// be left without them.
#[test]
fn a_listing_of_linked_cards_keeps_its_cards() {
    let cards: String = (1..=12)
        .map(|n| {
            format!(
                r#"<article class="card"><a href="/news/{n}"><img src="/i/{n}.jpg"></a><header><h2><a href="/news/{n}">Harbour lamp model {n} reviewed: bright, light and built for storms at sea</a></h2><p><a href="/news/{n}">The lamp kept its charge through three nights of gales on the north pier.</a></p></header></article>"#
            )
        })
        .collect();
    let page = format!(
        r#"<html><head><title>Lamps - Harbour Reviews</title></head><body>
<nav><a href="/">Home</a><a href="/lamps">Lamps</a></nav>
<main><h1>Lamps</h1><h2>Latest News</h2><div class="grid">{cards}</div></main>
<footer><p>© Harbour Reviews</p></footer></body></html>"#
    );
    let a = extract_html(&page, None);
    assert_eq!(a.page_type, Some(crate::PageType::Listing));
    for n in [1, 12] {
        assert!(
            a.text.contains(&format!("Harbour lamp model {n} reviewed")),
            "{}",
            a.text
        );
    }
}

/// A rail printed above the headline goes up to the headline.
#[test]
fn a_rail_above_the_headline_goes() {
    let page = format!(
        r#"<html><head><title>Harbour storm lamp</title></head><body><main>
<h2>People who viewed this item also viewed</h2>
<p>Brass storm lantern with glass chimney</p><p>$24.00</p>
<p>Camping lamp, rechargeable, 300 lumens</p><p>$18.50</p>
<p>Wind-up radio with torch and phone charger</p><p>$31.99</p>
<p>Emergency candle set, twelve hours each</p><p>$9.99</p>
<p>Folding lantern with solar panel</p><p>$27.00</p>
<p>Headlamp with red night light</p><p>$14.25</p>
<h1>Harbour storm lamp</h1>
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
</main></body></html>"#
    );
    let a = extract_html(&page, None);
    assert_eq!(a.text, format!("{P1}\n\n{P2}\n\n{P3}"), "{}", a.text);
}

/// A popover shows only when a control opens it (an app's install card, a menu): its text is
/// not the page's.
#[test]
fn a_popover_is_not_text() {
    let card = "Add the Harbour app to your home screen for push notifications, badges and more.";
    let page = format!(
        r#"<html><head><title>Storm hits coast</title></head><body>
<article><h1>Storm hits coast</h1>
<p>{P1}</p><p>{P2}</p>
<button popovertarget="app-card">Learn more</button>
<div popover id="app-card"><p>{card}</p></div>
<p>{P3}</p>
</article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert_eq!(a.text, format!("{P1}\n\n{P2}\n\n{P3}"), "{}", a.text);
}

#[test]
fn listing_cards_named_like_teasers_are_the_content() {
    // A section page: its stories are teaser cards, with no paragraphs. The cards are what
    // the page holds, whatever they are called.
    let cards: String = (1..=6)
        .map(|n| {
            format!(
                r#"<li class="teaserItem"><div class="teaser-text"><a href="/story/{n}">Council approves budget item number {n} after a long debate</a><span>Voters will see changes to the service by spring, officials said on day {n}.</span></div></li>"#
            )
        })
        .collect();
    let page = format!(
        r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><h1>Local government</h1><ul class="sectionTeaserList">{cards}</ul></main>
<footer>Contact us</footer></body></html>"#
    );
    let a = extract_html(&page, None);
    for n in 1..=6 {
        assert!(
            a.text.contains(&format!("officials said on day {n}.")),
            "card {n} missing: {}",
            a.text
        );
    }
}

#[test]
fn page_sums_count_the_whole_document() {
    use super::content::{compute_stats, Mark};
    use super::dom::Dom;
    let doc = scraper::Html::parse_document("<html><body><p>One two three.</p></body></html>");
    let dom = Dom::new(&doc);
    let marks = vec![Mark::Keep; dom.len()];
    let stats = compute_stats(&dom, &marks);
    assert_eq!(stats[0].text, "Onetwothree.".len() as u32);
    assert_eq!(stats[0].para, stats[0].text);
}

#[test]
fn standfirst_under_the_headline_is_not_the_text() {
    // The summary set under the headline repeats the story in other words; a later block
    // with a similar name inside the body is text.
    let page = format!(
        r#"<html><body><article><header><h1>Storm hits coast</h1>
<h2 class="sub-headline">Thousands without power as the county cleans up.</h2></header>
<div class="entry-content"><p>{P1}</p><p>{P2}</p>
<h2 class="subheading">What comes next for the county and its residents</h2><p>{P3}</p></div>
</article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(!a.text.contains("Thousands without power"), "{}", a.text);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(a.text.contains("What comes next"), "{}", a.text);

    // A standfirst named a "sub-head"; a section's "subheader" in the body stays.
    let page = format!(
        r#"<html><body><article><h1>Storm hits coast</h1>
<h2 class="sub-head">Thousands without power as the county cleans up.</h2>
<div class="entry-content"><p>{P1}</p><p>{P2}</p>
<h2 class="subheader">What comes next for the county and its residents</h2><p>{P3}</p></div>
</article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(a.text.contains("What comes next"), "{}", a.text);
}

#[test]
fn wire_credits_at_the_end_are_not_the_text() {
    let page = format!(
        r#"<html><body><article><h1>Storm hits coast</h1><div class="entry-content">
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<p>Earlier reporting by the paper showed the levee had been weak for years.</p>
<p>Maria Lopez contributed reporting from Port Arthur.</p>
<p>(Reporting by Jane Doe; Editing by John Roe)</p>
<p>Our Standards: The Harbour Wire Trust Principles.</p>
</div></article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.ends_with("weak for years."), "{}", a.text);
}

/// An invitation to follow the outlet or the writer on two or more social networks is not the
/// story.
#[test]
fn a_follow_us_line_goes() {
    for line in [
        "Follow The Harbour Times Opinion section on Facebook, Twitter (@HarbourOpinion) and Instagram.",
        "Follow me on Twitter or LinkedIn. Check out my website.",
        "Follow the Harbour Wire's full coverage of the storm at https://wire.example/storm",
    ] {
        assert_line_between_paragraphs_goes(line);
    }
}

#[test]
fn datelines_at_the_head_are_not_the_text() {
    // A line giving the article's own day, with its author or time, before the story; a
    // sentence with the same date stays.
    let page = format!(
        r#"<html><head><meta property="article:published_time" content="2018-09-10T08:00:00Z"></head>
<body><article><h1>Storm hits coast</h1><div class="entry-content">
<p>September 10, 2018 by Catherine Hale</p>
<p>On September 10, 2018 the storm made landfall near the harbour.</p><p>{P1}</p><p>{P2}</p>
</div></article></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.starts_with("On September 10, 2018"), "{}", a.text);
}

#[test]
fn a_short_post_with_many_comments_is_the_post() {
    // An open thread: a few lines of post and a long comment section. The comments are the
    // post's, not the page's content, because the post has a body of its own.
    let comments: String = (1..=12)
        .map(|n| {
            format!(
                r#"<li class="comment"><div class="comment-body"><p>Reader {n} asks whether the grants for this year, and the ones before it, were all reviewed by the same people, and how.</p></div></li>"#
            )
        })
        .collect();
    let page = format!(
        r#"<html><body><main><article class="post hentry"><h1>September open thread</h1>
<div class="entry-content"><p>Our open threads let readers raise questions about our work in the comments below, as always. You are also welcome to write to us by email, or to ask for a call with a member of our staff.</p></div></article>
<div id="comments" class="comments-area"><ol class="comment-list">{comments}</ol></div></main></body></html>"#
    );
    let a = extract_html(&page, None);
    assert!(a.text.starts_with("Our open threads"), "{}", a.text);
    assert!(!a.text.contains("Reader 3"), "{}", a.text);
}

#[test]
fn a_sections_list_of_credited_links_is_kept() {
    let html = format!(
        r#"<html><head><title>Performance tuning</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/docs">Docs</a></li></ul></nav>
<div class="content"><h1>Performance tuning</h1><p>{P1}</p><p>{P2}</p>
<h2>Further reading</h2>
<ul><li><a href="/tuning">Tuning your server</a> by Greg Smith</li>
<li><a href="https://example.org/loops">Replacing slow loops</a> by Joel Burton</li></ul>
<p>{P3}</p>
<h3>Related stories</h3>
<ul><li><a href="/x">Five ways to speed up your queries</a> now</li></ul>
</div></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(
        a.text.contains("Tuning your server by Greg Smith"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("Replacing slow loops by Joel Burton"),
        "{}",
        a.text
    );
    assert!(
        !a.text.contains("Five ways"),
        "a rail's links stay out: {}",
        a.text
    );
    assert!(!a.text.contains("Docs"), "{}", a.text);
}

#[test]
fn collapsed_accordion_panels_are_read() {
    let html = format!(
        r#"<html><head><title>Going solar</title></head><body>
<nav aria-label="Main"><button aria-controls="site-menu">Menu</button>
<ul id="site-menu" class="menu" style="display:none"><li><a href="/a">Solar</a></li><li><a href="/b">Batteries</a></li></ul></nav>
<div class="main"><h1>Going solar</h1><p>{P1}</p>
<h2><a role="button" id="step1-head" aria-controls="step1">Step 1: check your bills</a></h2>
<div id="step1" style="display:none;" role="region" aria-labelledby="step1-head"><p>{P2}</p></div>
<h2><button id="step2-head" aria-controls="step2" aria-expanded="false">Step 2: check your roof</button></h2>
<div id="step2" style="display: none" role="region" aria-labelledby="step2-head"><p>{P3}</p></div>
<h2>Questions</h2><div class="faq-item"><h3>Do panels work in winter?</h3>
<div class="faq__answer" style="display:none"><p>Yes: cold, clear days are good for panels, and snow slides off their glass, so winter output drops far less than people expect.</p></div></div>
<div class="promo" style="display:none"><p>Hidden offer nobody opens: twenty percent off every panel this week only, sign up now.</p></div>
</div></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains(P2) && a.text.contains(P3), "{}", a.text);
    assert!(
        a.text.contains("snow slides off"),
        "an answer named as one: {}",
        a.text
    );
    assert!(
        a.text.contains("Step 2: check your roof"),
        "the heading's button: {}",
        a.text
    );
    assert!(!a.text.contains("Menu"), "{}", a.text);
    assert!(!a.text.contains("Hidden offer"), "{}", a.text);
    assert!(!a.text.contains("Batteries"), "{}", a.text);
}

/// The writer's bio box under an article ("About the Author" and a paragraph on them) is
/// furniture, like a rail: it and what follows go, and the article stays whole.
#[test]
fn the_authors_bio_box_after_an_article_goes() {
    let html = format!(
        r#"<html><head><title>Storm hits coast</title></head><body><article>
<h1>Storm hits coast</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>
<h3>About the Author</h3>
<p>Jane Marsh is the features editor of the Coast Weekly. She also writes for several other titles, and lives by the sea.</p>
</article></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.ends_with(P3), "{}", a.text);
    assert!(!a.text.contains("features editor"), "{}", a.text);
}

/// The permalink marks documentation generators print after headings (`¶`, `#` linking to the
/// heading itself) are neither in the title nor in the text; a `#` that is text stays.
#[test]
fn heading_permalink_marks_are_dropped() {
    let html = format!(
        r##"<html><head><title>Middleware</title></head><body><main>
<h1>Middleware<a class="headerlink" href="#middleware" title="Link to this heading">¶</a></h1>
<p>{P1}</p><h2>Cache middleware<a class="headerlink" href="#cache">¶</a></h2><p>{P2}</p>
<h2 id="c">Issue <a href="/issues/42">#</a>42 <a class="anchor" href="#c">#</a></h2><p>{P3}</p></main></body></html>"##
    );
    let x = extract_html(&html, None);
    assert_eq!(x.title.as_deref(), Some("Middleware"));
    assert!(!x.text.contains('¶'), "{}", x.text);
    assert!(x.text.contains("Cache middleware\n"), "{}", x.text);
    assert!(x.text.contains("Issue #42\n"), "{}", x.text);
}

/// A short control set as a link or a box is a button's label, not text; an FAQ's question
/// and an accordion's toggle, set the same way, title what they open and stay.
#[test]
fn button_labels_are_not_text() {
    let html = format!(
        r#"<html><head><title>Fan speed question</title></head><body><article><h1>Fan speed question</h1>
<p>{P1}</p><blockquote><p>{P2}</p><div class="bb"><span role="button" tabindex="0">Click to expand...</span></div><p>{P3}</p></blockquote>
<div role="button" class="faq-q">How long will the outage last?</div><p>{P3}</p>
<div role="button" aria-expanded="false" aria-controls="p1">Repair schedule</div><div id="p1"><p>{P1}</p></div>
</article></body></html>"#
    );
    let text = extract_html(&html, None).text;
    assert!(!text.contains("Click to expand"), "{text}");
    assert!(text.contains("How long will the outage last?"), "{text}");
    assert!(text.contains("Repair schedule"), "{text}");
}

/// A field's text is cleaned in one pass exactly as splitting it into words, joining them with
/// single spaces and dropping invisible and direction marks would clean it, a word of nothing
/// but invisible marks included (it leaves its two spaces).
#[test]
fn field_text_cleans_as_words_joined_then_marks_dropped() {
    let reference = |s: &str| {
        let decoded = super::meta::decode_entities(s);
        decoded
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|c| {
                !super::content::is_invisible_char(*c)
                    && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
            .collect::<String>()
    };
    for s in [
        "",
        "   ",
        "  Harbour   lights\treturn \n",
        "Harbour&nbsp;lights &amp; ferries",
        "a \u{200b} b",
        "\u{200b} lead and trail \u{feff}",
        "\u{202a}Galaxy Tab S9\u{202c} case",
        "ideographic\u{3000}space and\u{a0}no-break",
        "soft\u{ad}hyphen, zero\u{200d}joiner",
    ] {
        assert_eq!(super::meta::clean_text(s), reference(s), "{s:?}");
    }
    assert_eq!(super::meta::clean_text("a \u{200b} b"), "a  b");
}

/// A date inside a longer line is found between words of any script, a date set right against
/// a Chinese character included.
#[test]
fn dates_inside_lines_are_found_against_any_script() {
    use super::meta::find_date_in_text;
    assert_eq!(
        find_date_in_text("By Jane Doe | March 3, 2024").as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(
        find_date_in_text("发布于2024-03-03 来源：港口日报").as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(
        find_date_in_text("Публикация: 03.03.2024, обновлено").as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(find_date_in_text("Call 2024-03-0312 now"), None);
}

/// An inline element that a utility class displays as a block (`<span class="block">`,
/// Bootstrap's `d-block`) stands apart from the words beside it, in a headline and in the text,
/// though the markup runs them together.
#[test]
fn inline_elements_set_as_blocks_keep_their_words_apart() {
    let html = format!(
        r#"<html><head><title>Harbour lights return | Port News</title></head><body><article>
<h1>Harbour lights return<span class="block text-lg">A week of repairs</span></h1>
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<p>Measured length: 4.2 m<span class="d-block">(mast and lamp)</span></p>
</article></body></html>"#
    );
    let a = extract_html(&html, None);
    // The headline's first line is the metadata's title; the second is a subtitle.
    assert_eq!(a.title.as_deref(), Some("Harbour lights return"));
    assert!(a.text.contains("4.2 m (mast and lamp)"), "{}", a.text);
    // Without a metadata title to say where the headline ends, the `<h1>` is read whole.
    let untitled = html.replace("<title>Harbour lights return | Port News</title>", "");
    assert_eq!(
        extract_html(&untitled, None).title.as_deref(),
        Some("Harbour lights return A week of repairs")
    );
    // A class that only contains the word is no display rule.
    let html = html.replace("d-block", "blockish");
    assert!(extract_html(&html, None)
        .text
        .contains("4.2 m(mast and lamp)"));
}

/// Links side by side with nothing between them are separate words (tags, buttons, writers),
/// unless they go to the same address: then they are one link that an editor cut in pieces.
#[test]
fn links_side_by_side_are_separate_words_unless_one_link_in_pieces() {
    let html = format!(
        r#"<html><head><title>Harbour lights return | Port News</title></head><body><article>
<h1>Harbour lights return</h1>
<p>{P1}</p><p>{P2}</p>
<p>The lamps are part of the <a href="/harbour">harb</a><a href="/harbour">our renewal</a> plan.</p>
<p>{P3}</p>
<p>Ferries sail again to <a href="/places/falmouth">Falmouth</a><a href="/places/penzance">Penzance</a><a href="/places/scilly">Scilly</a> every morning, the port said.</p>
</article></body></html>"#
    );
    let a = extract_html(&html, None);
    assert!(a.text.contains("Falmouth Penzance Scilly"), "{}", a.text);
    assert!(a.text.contains("the harbour renewal plan"), "{}", a.text);
    // The text of one element, as a title or a byline is read, follows the same rule.
    let doc = scraper::Html::parse_document(
        r#"<html><body><div><a href="/people/jane-doe">Jane Doe</a><a href="/people/john-roe">John Roe</a><a href="/people/john-roe">s</a></div></body></html>"#,
    );
    let dom = super::dom::Dom::new(&doc);
    let div = (0..dom.len())
        .find(|&i| dom.nodes[i].tag == "div")
        .expect("the div");
    assert_eq!(dom.text_of(div, 100), "Jane Doe John Roes");
}

#[test]
fn a_heading_over_the_first_paragraph_opens_the_text() {
    // A section heading over running text is the article's first part, however short; a short
    // heading over another short line is a label of the page (a section name and its kicker).
    let page = story_page(&format!(
        "<h2>What happened</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    ));
    let text = extract_html(&page, None).text;
    assert!(
        text.starts_with(&format!("What happened\n\n{P1}")),
        "{text}"
    );
    let page = story_page(&format!(
        "<h2>Weather</h2><p>North county</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    ));
    let text = extract_html(&page, None).text;
    assert!(text.starts_with(P1), "{text}");
}

#[test]
fn a_rail_of_teasers_excerpts_after_the_story_goes() {
    // Cards of other stories after the text: a linked title over the first lines of each
    // story, cut off with an ellipsis. They go; on a page made of such cards they are its text.
    let card = |n: u32| {
        format!(
            r#"<div class="item"><h3><a href="/story-{n}">Other story number {n} about the county</a></h3>
<p>The council met on Thursday to discuss the budget for the coming year, and members argued over the cost of new roads and...</p></div>"#
        )
    };
    let cards: String = (1..=3).map(card).collect();
    let page = story_page(&format!(
        "<p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div class=\"slides\">{cards}"
    ));
    let text = extract_html(&page, None).text;
    assert!(text.ends_with(P3), "{text}");
    let listing = format!(
        "<html><head><title>Latest</title></head><body><main><h1>Latest</h1>{cards}</main></body></html>"
    );
    let text = extract_html(&listing, None).text;
    assert!(text.contains("members argued over the cost"), "{text}");
}

#[test]
fn an_excerpt_dropped_as_furniture_is_no_part_of_the_rail() {
    // The last card's excerpt is a sign-up pitch, dropped for what it says: the rail is read
    // from the blocks that were kept, and the page reads without a panic.
    let card = |n: u32, excerpt: &str| {
        format!(
            r#"<div class="item"><h3><a href="/story-{n}">Other story number {n} about the county</a></h3><p>{excerpt}</p></div>"#
        )
    };
    let excerpt = "The council met on Thursday to discuss the budget for the coming year, and members argued over the cost of new roads and...";
    let pitch = "Sign up for our newsletter to get the latest stories about the county delivered to your inbox every single morning and...";
    let cards = [card(1, excerpt), card(2, excerpt), card(3, pitch)].concat();
    let page = story_page(&format!(
        "<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1} {P2}</p></div><div class=\"slides\">{cards}"
    ));
    let text = extract_html(&page, None).text;
    assert!(text.ends_with(&format!("{P1} {P2}")), "{text}");
}

#[test]
fn a_widgets_json_state_written_into_the_page_goes() {
    // A shop's grid keeps its state as JSON in a `<div>` that a class hides: data for its
    // script, not words. The same JSON set out in `<pre>` is a sample the reader is shown.
    let state = r#"{"painter":"GridWidget","pageType":"BROWSE","items":["B0001","B0002","B0003","B0004"],"sort":"featured","filters":{"price":[10,50],"brand":["Harbour","Bay"]},"showAddToCart":true,"reftag":"grid_1","locale":"en-GB"}"#;
    let page = story_page(&format!(
        r#"<p>{P1}</p><div class="grid-state">{state}</div><p>{P2}</p><p>{P3}</p>"#
    ));
    assert_story_only(&page, "json state");
    let page = story_page(&format!(
        "<p>{P1}</p><pre>{state}</pre><p>{P2}</p><p>{P3}</p>"
    ));
    let text = extract_html(&page, None).text;
    assert!(text.contains("GridWidget"), "{text}");
}
