//! JSON lines: one article per line.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;

use crate::files::{classify_io, looks_binary, Pending};
use crate::{Document, SkipReason, Skipped, MAX_DOCUMENT_BYTES};

/// The fields newsdesk reads from a record; any others are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
}

/// Reads records line by line. Blank lines are passed over; a bad line is reported with its
/// number and the rest are read. A line longer than [`MAX_DOCUMENT_BYTES`] is skipped without
/// being held in memory.
pub(crate) fn read(
    reader: impl Read + 'static,
    source: String,
) -> impl Iterator<Item = Result<Pending, Skipped>> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut line_no = 0usize;
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        line_no += 1;
        let here = format!("{source}:{line_no}");
        let mut line = Vec::new();
        match read_line_bounded(&mut reader, &mut line) {
            Ok(LineRead::Eof) => {
                done = true;
                if line_no == 1 {
                    return Some(Err(Skipped::new(source.clone(), SkipReason::Empty)));
                }
                return None;
            }
            Ok(LineRead::TooLong) => return Some(Err(Skipped::new(here, SkipReason::TooLarge))),
            Ok(LineRead::Line) => {}
            Err(e) => {
                done = true;
                return Some(Err(Skipped::new(here, classify_io(e))));
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(Ok(Pending::record(here, line)));
    })
}

enum LineRead {
    Line,
    TooLong,
    Eof,
}

/// Reads one line into `buf`, or, past the size limit, discards the rest of it.
fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                too_long = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let consumed = found.unwrap_or(available.len());
        reader.consume(consumed);
        if found.is_some() {
            return Ok(if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
    }
}

pub(crate) fn parse(line: &[u8]) -> Result<Document, SkipReason> {
    if looks_binary(line) {
        return Err(SkipReason::Binary);
    }
    let text = std::str::from_utf8(line).map_err(|e| SkipReason::InvalidUtf8(e.valid_up_to()))?;
    let record: Record = serde_json::from_str(text).map_err(SkipReason::Json)?;
    from_record(record)
}

/// Reads one article from a JSON value shaped like a JSON-lines record (`url`, `title`,
/// `text` or `html`, `published`, `outlet`), as `newsdesk compare --pairs` gives them.
pub fn document_from_json(value: serde_json::Value, source: &str) -> Result<Document, Skipped> {
    serde_json::from_value(value)
        .map_err(SkipReason::Json)
        .and_then(from_record)
        .map(|doc| Document {
            source: source.to_owned(),
            ..doc
        })
        .map_err(|reason| Skipped::new(source, reason))
}

fn from_record(record: Record) -> Result<Document, SkipReason> {
    let mut extracted = match (&record.html, &record.text) {
        (Some(html), _) => newsdesk_extract::extract_html(html, record.url.as_deref()),
        (None, Some(text)) => newsdesk_extract::Extracted {
            text: newsdesk_extract::clean_plain_body(text),
            language: newsdesk_extract::detect_language(text),
            ..Default::default()
        },
        (None, None) => return Err(SkipReason::NoBody),
    };
    if extracted.text.trim().is_empty() {
        return Err(SkipReason::NoText);
    }
    // The record's own fields say what the page may only guess.
    if let Some(url) = record.url.filter(|u| !u.trim().is_empty()) {
        extracted.url = Some(url);
    }
    if let Some(title) = record.title.filter(|t| !t.trim().is_empty()) {
        extracted.title = Some(title.trim().to_owned());
    }
    if let Some(published) = record.published {
        let parsed = newsdesk_extract::dates::parse_date(&published)
            .or_else(|| newsdesk_extract::dates::parse_rfc2822(&published));
        if parsed.is_some() {
            extracted.published = parsed;
        }
    }
    Ok(Document {
        source: String::new(),
        extracted,
        outlet: record.outlet.filter(|o| !o.trim().is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Vec<Result<Document, Skipped>> {
        read(
            std::io::Cursor::new(s.as_bytes().to_vec()),
            "feed.jsonl".into(),
        )
        .map(|p| p.and_then(Pending::extract))
        .collect()
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = concat!(
            r#"{"url":"https://a.example/1","title":"One","text":"First article body, long enough to count.","published":"2025-03-04T10:00:00+01:00","outlet":"A Wire","extra":1}"#,
            "\n\n",
            "{not json}\n",
            r#"{"title":"No body"}"#,
            "\n",
            r#"{"title":"Two","html":"<p>Second article in HTML, also long enough to be read as a paragraph.</p>","published":"Tue, 04 Mar 2025 10:00:00 GMT"}"#,
            "\n"
        );
        let out = read_str(input);
        assert_eq!(out.len(), 4);
        let first = out[0].as_ref().expect("first");
        assert_eq!(first.source, "feed.jsonl:1");
        assert_eq!(first.outlet.as_deref(), Some("A Wire"));
        assert_eq!(
            first.extracted.published.as_deref(),
            Some("2025-03-04T10:00:00+01:00")
        );
        let bad = out[1].as_ref().expect_err("bad json");
        assert!(
            bad.to_string().starts_with("feed.jsonl:3: invalid JSON"),
            "{bad}"
        );
        assert!(out[2]
            .as_ref()
            .expect_err("no body")
            .to_string()
            .contains("neither"));
        let html = out[3].as_ref().expect("html");
        assert_eq!(html.extracted.title.as_deref(), Some("Two"));
        assert_eq!(
            html.extracted.published.as_deref(),
            Some("2025-03-04T10:00:00Z")
        );
    }

    #[test]
    fn overlong_line_is_skipped_and_the_next_read() {
        let mut input = "x".repeat(MAX_DOCUMENT_BYTES + 10);
        input.push('\n');
        input.push_str(
            r#"{"title":"After","text":"The line after the long one is still read in full."}"#,
        );
        let out = read_str(&input);
        assert_eq!(out.len(), 2);
        assert!(out[0]
            .as_ref()
            .expect_err("long")
            .to_string()
            .contains("too large"));
        assert_eq!(
            out[1].as_ref().expect("after").extracted.title.as_deref(),
            Some("After")
        );
    }

    #[test]
    fn empty_file_is_reported() {
        let out = read_str("");
        assert!(out[0]
            .as_ref()
            .expect_err("empty")
            .to_string()
            .contains("empty"));
    }
}
