//! HTML to article. (Placeholder until the HTML extractor lands.)

use crate::Extracted;

/// Extracts the article from one HTML page.
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    Extracted {
        url: url.map(str::to_owned),
        text: html.to_owned(),
        ..Default::default()
    }
}

#[cfg(test)]
mod scratch {
    #[test]
    fn deep() {
        let t = std::time::Instant::now();
        let s = "<div>".repeat(100_000) + "hello" + &"</div>".repeat(100_000);
        let doc = scraper::Html::parse_document(&s);
        eprintln!("parse {:?}", t.elapsed());
        let n = doc.tree.root().descendants().count();
        eprintln!("nodes {n} {:?}", t.elapsed());
        let big = "<p>Some words here, and more words.</p>".repeat(500_000);
        let t = std::time::Instant::now();
        let doc = scraper::Html::parse_document(&big);
        eprintln!("parse 20MB {:?} {}", t.elapsed(), big.len());
        drop(doc);
    }
}
