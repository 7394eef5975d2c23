//! Where the evaluation data lives.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// The shared data folder: `$NEWSDESK_SHARED/data`, else `../shared/data` beside the repository.
pub fn data_dir() -> Result<PathBuf> {
    let base = std::env::var_os("NEWSDESK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = base.join("data");
    if !dir.is_dir() {
        bail!(
            "evaluation data not found at {} (set NEWSDESK_SHARED to the folder holding data/)",
            dir.display()
        );
    }
    Ok(dir)
}

/// Reads a gzipped JSON-lines file into values.
pub fn read_jsonl_gz(path: &Path) -> Result<Vec<serde_json::Value>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: invalid JSON", path.display(), i + 1))?,
        );
    }
    Ok(out)
}
