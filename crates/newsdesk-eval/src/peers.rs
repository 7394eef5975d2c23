//! What every side-by-side run needs: where the repository and the peers' Python are, and how
//! to start a peer on one thread.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The repository root (peers' scripts live under `bench/peers/`).
pub fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The Python that `bench/peers/setup.sh` installs the peers into.
pub fn default_python() -> PathBuf {
    repo_root().join("target/peers-venv/bin/python")
}

/// The interpreter for `what` (the given one, else the default), which must exist.
pub fn peer_python(given: Option<&Path>, what: &str) -> Result<PathBuf> {
    let python = given.map_or_else(default_python, Path::to_path_buf);
    if !python.exists() {
        bail!(
            "{what} need {} (run `bash bench/peers/setup.sh`, or pass --python)",
            python.display()
        );
    }
    Ok(python)
}

/// Keeps numeric libraries to one thread, so a peer is timed as newsdesk is.
pub fn single_threaded(command: &mut Command) -> &mut Command {
    command.envs([
        ("OMP_NUM_THREADS", "1"),
        ("OPENBLAS_NUM_THREADS", "1"),
        ("MKL_NUM_THREADS", "1"),
    ])
}

/// Resident memory of this process, from /proc (0 where there is none).
pub fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Runs a peer script as `SCRIPT --input INPUT --out OUTPUT --runs N` on one thread and reads
/// the JSON it wrote. On failure, says which peer failed and which packages
/// `bench/peers/setup.sh` would install.
pub fn run_script<T: serde::de::DeserializeOwned>(
    python: &Path,
    script: &Path,
    input: &Path,
    output: &Path,
    runs: usize,
    peer: &str,
    packages: &str,
) -> Result<T> {
    let mut command = Command::new(python);
    single_threaded(&mut command);
    let status = command
        .arg(script)
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(output)
        .arg("--runs")
        .arg(runs.max(1).to_string())
        .status()
        .with_context(|| format!("starting {}", python.display()))?;
    if !status.success() {
        bail!(
            "{peer} failed ({status}); if {packages} is missing, run `bash bench/peers/setup.sh`"
        );
    }
    let text =
        std::fs::read_to_string(output).with_context(|| format!("reading {}", output.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", output.display()))
}
