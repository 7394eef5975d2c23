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
