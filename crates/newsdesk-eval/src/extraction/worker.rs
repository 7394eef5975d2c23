//! One extractor over one page list, in its own process, so that its speed and its peak memory
//! are its own. The protocol is shared with `bench/peers/extract_peer.py`: the page list comes on
//! stdin as JSON lines (`{"id", "path", "url"}`, `path` a gzipped HTML file); the worker reads
//! every page into memory, then extracts all of them `runs` times on one thread, writes one JSON
//! line per page (`{"id", "text", "title", "authors", "date", "site_name"}`, from the first run)
//! to `--out`, and prints one JSON line of timing on stdout: `{"extractor", "version", "pages",
//! "bytes", "run_seconds": [...], "rss_loaded_kb", "rss_peak_kb"}`.

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::sets::PageRef;

/// What one extractor read from one page: the fields that are scored.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Output {
    pub id: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// The last-modified date, where the extractor tells it apart from `date` (newsdesk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    #[serde(default)]
    pub site_name: Option<String>,
    /// newsdesk's page-type guess and its probability (peers make none).
    #[serde(default)]
    pub page_type: Option<String>,
    #[serde(default)]
    pub page_type_confidence: Option<f32>,
    /// newsdesk's page-type model inputs, for `--fit-page-type`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<f32>,
}

/// Timing and memory of one worker run.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Timing {
    pub extractor: String,
    #[serde(default)]
    pub version: String,
    pub pages: usize,
    #[serde(default)]
    pub bytes: usize,
    pub run_seconds: Vec<f64>,
    #[serde(default)]
    pub rss_loaded_kb: Option<u64>,
    #[serde(default)]
    pub rss_peak_kb: Option<u64>,
}

impl Timing {
    /// The median run's seconds.
    pub fn median_seconds(&self) -> f64 {
        let mut v = self.run_seconds.clone();
        v.sort_by(|a, b| a.total_cmp(b));
        match v.len() {
            0 => f64::NAN,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
        }
    }

    pub fn pages_per_second(&self) -> f64 {
        self.pages as f64 / self.median_seconds()
    }
}

/// The Rust extractors this build can run in a worker.
pub fn rust_extractors() -> Vec<&'static str> {
    let mut v = vec!["newsdesk"];
    if cfg!(feature = "peers") {
        v.extend([
            "trafilatura-rs",
            "trafilatura-rs-fast",
            "rs-trafilatura",
            "dom_smoothie",
        ]);
    }
    v
}

#[cfg(feature = "peers")]
fn none_if_empty(s: impl Into<String>) -> Option<String> {
    let s = s.into();
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}

fn newsdesk(page: &PageRef, html: &[u8]) -> Output {
    let decoded = newsdesk_extract::decode_html(html, None);
    let (x, features) = newsdesk_extract::extract_html_with_features(&decoded, page.url.as_deref());
    Output {
        id: page.id.clone(),
        text: x.text,
        title: x.title,
        authors: x.authors,
        date: x.published,
        modified: x.modified,
        site_name: x.site_name,
        page_type: x.page_type.map(|t| t.as_str().to_owned()),
        page_type_confidence: x.page_type.map(|_| x.page_type_confidence),
        features: features.to_vec(),
    }
}

#[cfg(feature = "peers")]
fn trafilatura_rs(page: &PageRef, html: &[u8], fallback: bool) -> Output {
    let decoded = newsdesk_extract::decode_html(html, None);
    let mut opts = trafilatura::Options::default();
    opts.enable_fallback = fallback;
    opts.exclude_comments = true;
    opts.original_url = page.url.as_deref().and_then(|u| u.parse().ok());
    match trafilatura::extract(&decoded, &opts) {
        Ok(r) => Output {
            id: page.id.clone(),
            text: r.content_text,
            title: none_if_empty(r.metadata.title),
            authors: r
                .metadata
                .author
                .split(';')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            date: r.metadata.date.map(|d| d.to_string()),
            site_name: none_if_empty(r.metadata.sitename),
            ..Output::default()
        },
        Err(_) => Output {
            id: page.id.clone(),
            ..Output::default()
        },
    }
}

/// `rs-trafilatura` 0.2: another Rust port of trafilatura, with its own page-type classifier
/// and per-type extraction profiles, run with its defaults (comments left out) and the page's
/// URL.
#[cfg(feature = "peers")]
fn rs_trafilatura(page: &PageRef, html: &[u8]) -> Output {
    let decoded = newsdesk_extract::decode_html(html, None);
    let opts = rs_trafilatura::Options {
        url: page.url.clone(),
        ..rs_trafilatura::Options::default()
    };
    match rs_trafilatura::extract_with_options(&decoded, &opts) {
        Ok(r) => Output {
            id: page.id.clone(),
            text: r.content_text,
            title: r.metadata.title.and_then(none_if_empty),
            authors: r
                .metadata
                .author
                .unwrap_or_default()
                .split(';')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            date: r.metadata.date.map(|d| d.to_rfc3339()),
            site_name: r.metadata.sitename.and_then(none_if_empty),
            page_type: r.metadata.page_type,
            page_type_confidence: r.classification_confidence.map(|c| c as f32),
            ..Output::default()
        },
        Err(_) => Output {
            id: page.id.clone(),
            ..Output::default()
        },
    }
}

#[cfg(feature = "peers")]
fn dom_smoothie(page: &PageRef, html: &[u8]) -> Output {
    let decoded = newsdesk_extract::decode_html(html, None);
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let parsed = dom_smoothie::Readability::new(decoded.as_str(), page.url.as_deref(), Some(cfg))
        .and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => Output {
            id: page.id.clone(),
            text: a.text_content.to_string(),
            title: none_if_empty(a.title),
            authors: a.byline.and_then(none_if_empty).into_iter().collect(),
            date: a.published_time,
            site_name: a.site_name,
            ..Output::default()
        },
        Err(_) => Output {
            id: page.id.clone(),
            ..Output::default()
        },
    }
}

fn version_of(name: &str) -> String {
    match name {
        "newsdesk" => env!("CARGO_PKG_VERSION").to_owned(),
        "trafilatura-rs" | "trafilatura-rs-fast" => "0.6 (crates.io)".to_owned(),
        "rs-trafilatura" => "0.2 (crates.io)".to_owned(),
        "dom_smoothie" => "0.19 (crates.io)".to_owned(),
        _ => String::new(),
    }
}

fn extractor(name: &str) -> Result<fn(&PageRef, &[u8]) -> Output> {
    Ok(match name {
        "newsdesk" => newsdesk,
        #[cfg(feature = "peers")]
        "trafilatura-rs" => |p, h| trafilatura_rs(p, h, true),
        #[cfg(feature = "peers")]
        "trafilatura-rs-fast" => |p, h| trafilatura_rs(p, h, false),
        #[cfg(feature = "peers")]
        "rs-trafilatura" => rs_trafilatura,
        #[cfg(feature = "peers")]
        "dom_smoothie" => dom_smoothie,
        other => bail!(
            "unknown extractor {other:?} in this build (known: {})",
            rust_extractors().join(", ")
        ),
    })
}

/// The process's peak resident memory so far (`VmHWM`), in KiB; `None` off Linux.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Reads one gzipped page.
pub fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut out)
        .with_context(|| format!("decompressing {}", path.display()))?;
    Ok(out)
}

/// The worker's main: see the module comment.
pub fn run(name: &str, runs: usize, out: &Path) -> Result<()> {
    let extract = extractor(name)?;
    let mut pages = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let page: PageRef = serde_json::from_str(&line).context("page list line")?;
        let html = read_gz(&page.path)?;
        pages.push((page, html));
    }
    let rss_loaded_kb = peak_rss_kb();
    let bytes = pages.iter().map(|(_, h)| h.len()).sum();
    let mut outputs = Vec::with_capacity(pages.len());
    let mut run_seconds = Vec::new();
    for run in 0..runs.max(1) {
        let start = Instant::now();
        for (page, html) in &pages {
            let o = extract(page, html);
            if run == 0 {
                outputs.push(o);
            } else {
                std::hint::black_box(o);
            }
        }
        run_seconds.push(start.elapsed().as_secs_f64());
    }
    let rss_peak_kb = peak_rss_kb();
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?,
    );
    for o in &outputs {
        serde_json::to_writer(&mut w, o)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    let timing = Timing {
        extractor: name.to_owned(),
        version: version_of(name),
        pages: pages.len(),
        bytes,
        run_seconds,
        rss_loaded_kb,
        rss_peak_kb,
    };
    println!("{}", serde_json::to_string(&timing)?);
    Ok(())
}
