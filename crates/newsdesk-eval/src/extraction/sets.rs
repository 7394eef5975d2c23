//! The three extraction sets of `../shared/data/extraction`: their pages and their labels.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One page to extract: what every extractor (in this process or another) is handed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageRef {
    pub id: String,
    /// The gzipped HTML.
    pub path: PathBuf,
    pub url: Option<String>,
}

/// The labels of one page.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    /// Main text (aeb `articleBody`, wcxb `main_content`); empty for readability.
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub site_name: Option<String>,
    /// wcxb page type (`article`, `forum`, ...).
    pub page_type: Option<String>,
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// A set's pages, sorted by id, with their labels.
pub struct Set {
    pub name: &'static str,
    pub pages: Vec<PageRef>,
    pub truths: Vec<Truth>,
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn read_json(path: &Path) -> Result<Value> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("{}: invalid JSON", path.display()))
}

fn limited(mut set: Set, limit: Option<usize>) -> Set {
    if let Some(n) = limit {
        set.pages.truncate(n);
        set.truths.truncate(n);
    }
    set
}

/// Zyte's article-extraction-benchmark: 181 pages, main text.
pub fn aeb(extraction: &Path, limit: Option<usize>) -> Result<Set> {
    let dir = extraction.join("aeb");
    let gt = read_json(&dir.join("ground-truth.json"))?;
    let map: BTreeMap<String, Value> = serde_json::from_value(gt)?;
    let mut set = Set {
        name: "aeb",
        pages: Vec::new(),
        truths: Vec::new(),
    };
    for (id, v) in map {
        set.pages.push(PageRef {
            path: dir.join("html").join(format!("{id}.html.gz")),
            url: text(&v["url"]),
            id,
        });
        set.truths.push(Truth {
            text: v["articleBody"].as_str().unwrap_or_default().to_owned(),
            ..Truth::default()
        });
    }
    Ok(limited(set, limit))
}

/// WCXB dev split: 1,497 pages of seven types, main text, snippets and metadata.
pub fn wcxb(extraction: &Path, limit: Option<usize>) -> Result<Set> {
    let dir = extraction.join("wcxb-dev");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("ground-truth"))
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut set = Set {
        name: "wcxb",
        pages: Vec::new(),
        truths: Vec::new(),
    };
    for f in files {
        let v = read_json(&f)?;
        let id = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let g = &v["ground_truth"];
        set.pages.push(PageRef {
            path: dir.join("html").join(format!("{id}.html.gz")),
            url: text(&v["url"]),
            id,
        });
        set.truths.push(Truth {
            text: g["main_content"].as_str().unwrap_or_default().to_owned(),
            title: text(&g["title"]),
            author: text(&g["author"]),
            date: text(&g["publish_date"]),
            site_name: None,
            page_type: text(&v["_internal"]["page_type"]["primary"]),
            with: strings(&g["with"]),
            without: strings(&g["without"]),
        });
    }
    Ok(limited(set, limit))
}

/// Mozilla Readability's test pages: 130 pages, metadata as Readability itself reads it.
pub fn readability(extraction: &Path, limit: Option<usize>) -> Result<Set> {
    let dir = extraction.join("readability");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html.gz").is_file())
        .collect();
    dirs.sort();
    let mut set = Set {
        name: "readability",
        pages: Vec::new(),
        truths: Vec::new(),
    };
    for d in dirs {
        let v = read_json(&d.join("expected-metadata.json"))?;
        let id = d
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        set.pages.push(PageRef {
            path: d.join("source.html.gz"),
            url: None,
            id,
        });
        set.truths.push(Truth {
            title: text(&v["title"]),
            author: text(&v["byline"]),
            date: text(&v["publishedTime"]),
            site_name: text(&v["siteName"]),
            ..Truth::default()
        });
    }
    Ok(limited(set, limit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::score;

    /// The sets load with the sizes the data README gives, and each truth scored against itself
    /// is perfect (skipped, with a message, when the shared data is absent).
    #[test]
    fn sets_load_and_truth_scores_perfect() {
        let Ok(dir) = crate::data::data_dir() else {
            eprintln!("skipped: evaluation data not found (../shared/data)");
            return;
        };
        let extraction = dir.join("extraction");
        let a = aeb(&extraction, None).unwrap();
        assert_eq!(a.pages.len(), 181);
        assert!(a.pages.iter().all(|p| p.path.is_file()));
        let pages: Vec<_> = a
            .truths
            .iter()
            .map(|t| (score::aeb_page(&t.text, &t.text), true))
            .collect();
        let s = score::aeb_aggregate(&pages);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (1.0, 1.0, 1.0, 1.0)
        );

        let w = wcxb(&extraction, None).unwrap();
        assert_eq!(w.pages.len(), 1497);
        assert!(w.pages.iter().all(|p| p.path.is_file()));
        assert!(w.truths.iter().all(|t| t.page_type.is_some()));
        assert!(w
            .truths
            .iter()
            .all(|t| score::bow_page(&t.text, &t.text).f1 == 1.0));

        let r = readability(&extraction, Some(10)).unwrap();
        assert_eq!(r.pages.len(), 10);
        assert_eq!(readability(&extraction, None).unwrap().pages.len(), 130);
    }
}
