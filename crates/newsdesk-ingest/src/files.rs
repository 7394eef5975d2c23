//! Files and folders to documents.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::{display_path, jsonl, Document, Roots, SkipReason, Skipped, MAX_DOCUMENT_BYTES};

/// The kinds of file newsdesk reads, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
    Markdown,
    JsonLines,
}

impl Format {
    /// The format of a file from its name, and whether it is gzipped.
    pub fn of(path: &Path) -> Option<(Format, bool)> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (name, gz) = match name.strip_suffix(".gz") {
            Some(n) => (n.to_owned(), true),
            None => (name, false),
        };
        let ext = name.rsplit_once('.')?.1;
        let format = match ext {
            "html" | "htm" | "xhtml" => Format::Html,
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        };
        Some((format, gz))
    }
}

/// The files under `roots`, in a stable order: folders are walked recursively (hidden entries
/// and files of other types are passed over), files are taken as given. A root that does not
/// exist, or a file of an unknown type named directly, is reported.
pub fn discover(roots: &Roots) -> impl Iterator<Item = Result<PathBuf, Skipped>> + '_ {
    roots.iter().flat_map(
        |root| -> Box<dyn Iterator<Item = Result<PathBuf, Skipped>>> {
            if root.is_dir() {
                let walker = walkdir::WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                Box::new(walker.filter_map(|entry| match entry {
                    Ok(e) if e.file_type().is_file() && !is_project_document(e.path()) => {
                        Format::of(e.path()).map(|_| Ok(e.into_path()))
                    }
                    Ok(_) => None,
                    Err(err) => {
                        let source = err.path().map_or_else(|| "?".to_owned(), display_path);
                        Some(Err(Skipped::new(source, SkipReason::Walk(err.to_string()))))
                    }
                }))
            } else if root.is_file() {
                Box::new(std::iter::once(match Format::of(root) {
                    Some(_) => Ok(root.clone()),
                    None => Err(Skipped::new(display_path(root), SkipReason::Unsupported)),
                }))
            } else {
                let reason = SkipReason::Io(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such file or folder",
                ));
                Box::new(std::iter::once(Err(Skipped::new(
                    display_path(root),
                    reason,
                ))))
            }
        },
    )
}

/// `README.md`, `LICENSE.txt` and their kin describe a folder; they are not news. A walk
/// passes them over (naming one directly still reads it).
fn is_project_document(path: &Path) -> bool {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "CHANGELOG" | "CONTRIBUTING" | "NOTICE" | "COPYING"
    )
}

/// Reads the documents of one file: one for a page or text file, one per line for JSON lines.
pub fn read_path(path: &Path) -> Box<dyn Iterator<Item = Result<Document, Skipped>>> {
    Box::new(read_pending(path).map(|p| p.and_then(Pending::extract)))
}

/// Reads the inputs of one file into memory without extracting them (see [`Pending`]): one
/// for a page or text file, one per line for JSON lines.
pub fn read_pending(path: &Path) -> Box<dyn Iterator<Item = Result<Pending, Skipped>>> {
    let source = display_path(path);
    let Some((format, gz)) = Format::of(path) else {
        return one(Err(Skipped::new(source, SkipReason::Unsupported)));
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return one(Err(Skipped::new(source, SkipReason::Io(e)))),
    };
    let reader: Box<dyn Read> = if gz {
        Box::new(GzipErrors(MultiGzDecoder::new(BufReader::new(file))))
    } else {
        Box::new(file)
    };
    match format {
        Format::JsonLines => Box::new(jsonl::read(reader, source)),
        Format::Html | Format::Text | Format::Markdown => one(read_bounded(reader)
            .map_err(|reason| Skipped::new(source.clone(), reason))
            .map(|bytes| Pending {
                source,
                input: Input::Page { bytes, format },
            })),
    }
}

fn one(item: Result<Pending, Skipped>) -> Box<dyn Iterator<Item = Result<Pending, Skipped>>> {
    Box::new(std::iter::once(item))
}

/// One input read into memory, not yet extracted. Reading is I/O and must follow the inputs'
/// order; extracting is pure work on one document, so many can be extracted at once
/// ([`extract_in_order`](crate::extract_in_order)).
#[derive(Debug)]
pub struct Pending {
    source: String,
    input: Input,
}

#[derive(Debug)]
enum Input {
    /// A whole file's bytes: an HTML page, a text or Markdown article.
    Page { bytes: Vec<u8>, format: Format },
    /// One line of a JSON-lines file.
    Record(Vec<u8>),
}

impl Pending {
    pub(crate) fn record(source: String, line: Vec<u8>) -> Pending {
        Pending {
            source,
            input: Input::Record(line),
        }
    }

    /// Where it came from: a path, with `:LINE` for JSON lines.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Bytes of input it holds.
    pub fn bytes(&self) -> usize {
        match &self.input {
            Input::Page { bytes, .. } | Input::Record(bytes) => bytes.len(),
        }
    }

    /// The article in it, or why there is none.
    pub fn extract(self) -> Result<Document, Skipped> {
        let Pending { source, input } = self;
        let read = match input {
            Input::Page { bytes, format } => {
                extract_page(bytes, format).map(|extracted| Document {
                    source: String::new(),
                    extracted,
                    outlet: None,
                })
            }
            Input::Record(line) => jsonl::parse(&line),
        };
        match read {
            Ok(doc) => Ok(Document { source, ..doc }),
            Err(reason) => Err(Skipped::new(source, reason)),
        }
    }
}

/// Marks errors that come out of the gzip decoder, so they are reported as a broken stream.
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| std::io::Error::other(GzipError(e)))
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct GzipError(std::io::Error);

pub(crate) fn classify_io(e: std::io::Error) -> SkipReason {
    if e.get_ref().is_some_and(|inner| inner.is::<GzipError>()) {
        let inner = e
            .into_inner()
            .and_then(|b| b.downcast::<GzipError>().ok())
            .map(|g| g.0)
            .unwrap_or_else(|| std::io::Error::other("gzip"));
        SkipReason::Gzip(inner)
    } else {
        SkipReason::Io(e)
    }
}

/// Reads a whole document, refusing more than [`MAX_DOCUMENT_BYTES`].
pub(crate) fn read_bounded(reader: impl Read) -> Result<Vec<u8>, SkipReason> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(classify_io)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(SkipReason::TooLarge);
    }
    Ok(bytes)
}

/// Whether bytes are binary: a NUL byte, or many control characters, in the first 8 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

/// Strict UTF-8 for text formats, with the offset of the first bad byte.
pub(crate) fn utf8(bytes: Vec<u8>) -> Result<String, SkipReason> {
    String::from_utf8(bytes).map_err(|e| SkipReason::InvalidUtf8(e.utf8_error().valid_up_to()))
}

fn extract_page(bytes: Vec<u8>, format: Format) -> Result<newsdesk_extract::Extracted, SkipReason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SkipReason::Empty);
    }
    if looks_binary(&bytes) {
        return Err(SkipReason::Binary);
    }
    let extracted = match format {
        Format::Html => {
            newsdesk_extract::extract_html(&newsdesk_extract::decode_html(&bytes, None), None)
        }
        Format::Text => newsdesk_extract::extract_plain_text(&utf8(bytes)?),
        Format::Markdown => newsdesk_extract::extract_plain_text(&strip_markdown(&utf8(bytes)?)),
        Format::JsonLines => unreachable!("JSON lines are read line by line"),
    };
    if extracted.text.trim().is_empty() {
        return Err(SkipReason::NoText);
    }
    Ok(extracted)
}

/// Markdown's heading and emphasis marks are not part of the article's words.
fn strip_markdown(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start();
            let t = t.trim_start_matches('#').trim_start();
            t.replace("**", "").replace("__", "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    const ARTICLE: &str = "Ferry talks resume in the capital\n\nNegotiators from both sides met again on Monday to discuss the ferry schedule for the coming summer, officials said.";

    #[test]
    fn formats_by_name() {
        assert_eq!(
            Format::of(Path::new("a/b.HTML")),
            Some((Format::Html, false))
        );
        assert_eq!(
            Format::of(Path::new("a.jsonl.gz")),
            Some((Format::JsonLines, true))
        );
        assert_eq!(
            Format::of(Path::new("a.md")),
            Some((Format::Markdown, false))
        );
        assert_eq!(Format::of(Path::new("a.png")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn discovers_recursively_in_order_and_skips_hidden() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("sub/.hidden")).expect("mkdir");
        write(dir.path(), "b.txt", ARTICLE.as_bytes());
        write(dir.path(), "a.html", b"<p>x</p>");
        write(dir.path(), "image.png", b"\x89PNG");
        write(dir.path(), "README.md", b"# About this folder");
        write(&dir.path().join("sub"), "c.jsonl", b"{}");
        write(&dir.path().join("sub/.hidden"), "d.txt", b"x");
        let roots = vec![dir.path().to_owned(), dir.path().join("missing")];
        let found: Vec<String> = discover(&roots)
            .map(|r| match r {
                Ok(p) => p
                    .strip_prefix(dir.path())
                    .expect("prefix")
                    .display()
                    .to_string(),
                Err(s) => format!("skip {}", s.reason),
            })
            .collect();
        assert_eq!(
            found,
            vec![
                "a.html",
                "b.txt",
                "sub/c.jsonl",
                "skip cannot read: no such file or folder"
            ]
        );
    }

    #[test]
    fn bad_files_are_named_with_their_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(ARTICLE.as_bytes()).expect("gz");
        let full = gz.finish().expect("gz");
        let cases = [
            (write(dir.path(), "empty.txt", b""), "empty file"),
            (
                write(dir.path(), "binary.html", b"\x00\x01\x02PNG\x00\x00"),
                "binary",
            ),
            (
                write(dir.path(), "latin1.txt", b"caf\xe9 au lait et croissants"),
                "invalid UTF-8 at byte 3",
            ),
            (
                write(dir.path(), "cut.txt.gz", &full[..full.len() / 2]),
                "gzip",
            ),
        ];
        for (path, expected) in cases {
            let results: Vec<_> = read_path(&path).collect();
            assert_eq!(results.len(), 1);
            let err = results
                .into_iter()
                .next()
                .expect("one")
                .expect_err("skipped");
            assert!(
                err.to_string().contains(expected),
                "{err} should say {expected}"
            );
            assert!(err.to_string().contains(&path.display().to_string()));
        }
        let ok = write(dir.path(), "good.txt.gz", &full);
        let doc = read_path(&ok).next().expect("one").expect("read");
        assert_eq!(
            doc.extracted.title.as_deref(),
            Some("Ferry talks resume in the capital")
        );
    }

    #[test]
    fn oversized_document_is_refused_without_loading_it_all() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.txt");
        let mut f = File::create(&path).expect("create");
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..(MAX_DOCUMENT_BYTES / chunk.len() + 2) {
            f.write_all(&chunk).expect("write");
        }
        drop(f);
        let err = read_path(&path)
            .next()
            .expect("one")
            .expect_err("too large");
        assert!(err.to_string().contains("too large"), "{err}");
    }
}
