//! Bytes to text for HTML documents. (Placeholder until the HTML extractor lands.)

/// Decodes an HTML document's bytes: charset from the HTTP header when given, then BOM,
/// `<meta charset>`, else sniffing.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    let _ = http_charset;
    String::from_utf8_lossy(bytes).into_owned()
}
