//! What makes two inputs the same article.
//!
//! The canonical URL when there is one (normalised: lower-case scheme and host, no fragment,
//! no tracking parameters, no trailing slash), else the normalised text: lower case, words
//! only, so re-wrapping or re-encoding a file does not make it a new article.

use xxhash_rust::xxh3::xxh3_64;

/// The identity key of an article and its id (16 hex digits of the key's hash).
pub fn identity(url: Option<&str>, text: &str) -> (String, String) {
    let key = match url.and_then(canonical_url) {
        Some(u) => format!("url:{u}"),
        None => format!("content:{:016x}", content_hash(text)),
    };
    let id = format!("{:016x}", xxh3_64(key.as_bytes()));
    (key, id)
}

/// Hash of the text's words, lower-cased, ignoring punctuation and spacing.
pub fn content_hash(text: &str) -> u64 {
    let normalised: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    xxh3_64(normalised.join(" ").as_bytes())
}

/// Normalises an article URL; `None` for anything that is not an absolute http(s) URL.
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = url::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_parameter(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    let _ = url.set_scheme("https");
    let mut s = url.to_string();
    if s.ends_with('/') && url.path() != "/" {
        s.pop();
    }
    Some(s.replacen("://www.", "://", 1))
}

fn is_tracking_parameter(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_")
        || matches!(
            k.as_str(),
            "fbclid"
                | "gclid"
                | "mc_cid"
                | "mc_eid"
                | "ocid"
                | "cmpid"
                | "ref"
                | "src"
                | "smid"
                | "ito"
        )
}

/// The host of a URL without `www.`, for naming an outlet that does not name itself.
pub fn host(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    let host = url.host_str()?;
    Some(host.trim_start_matches("www.").to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_variants_are_one_article() {
        let a = identity(
            Some("https://www.example.com/news/story-1/?utm_source=x#top"),
            "a",
        );
        let b = identity(Some("http://example.com/news/story-1"), "b");
        assert_eq!(a, b);
        assert_eq!(a.0, "url:https://example.com/news/story-1");
        let c = identity(Some("https://example.com/news/story-1?id=2"), "a");
        assert_ne!(a.1, c.1);
    }

    #[test]
    fn content_identity_ignores_layout() {
        let a = identity(None, "Hello, world.\n\nSecond  para.");
        let b = identity(Some("not a url"), "hello world second para");
        assert_eq!(a, b);
        assert!(a.0.starts_with("content:"));
    }

    #[test]
    fn host_names() {
        assert_eq!(
            host("https://www.example.org/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(host("nope"), None);
    }
}
