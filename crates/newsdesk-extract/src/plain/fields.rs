//! Metadata that a text states about itself in labelled lines at its top.
//!
//! Exports, mail-style dumps and static-site sources say what they are before the body:
//! Markdown front matter between `---` lines (`title: "…"`, `date: 2024-02-29`, a list of
//! authors), or plain `Title: …` / `Date: …` / `By: …` lines. Those labels are the author's
//! own statement of the metadata, so they are read as such instead of being guessed at (or
//! joined into one run-on "headline" with the body's wrapped lines).

/// A piece of metadata a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Published,
    Modified,
    Authors,
    Site,
    Url,
    Language,
    Description,
}

/// The labelled fields at the top of a text, in order, and the text after them. A text with
/// none comes back whole.
pub fn labelled_fields(input: &str) -> (Vec<(Field, String)>, &str) {
    let start = input.len() - input.trim_start().len();
    let text = &input[start..];
    if let Some(found) = front_matter(text) {
        return found;
    }
    mail_style(text).unwrap_or((Vec::new(), input))
}

/// Lines of front matter read before giving up on finding its closing line.
const MAX_FRONT_MATTER_LINES: usize = 200;

/// Lines of a mail-style header block read at most.
const MAX_LABELLED_LINES: usize = 20;

/// YAML front matter: `---`, `key: value` lines (a key with no value may be followed by its
/// `- item` list), then `---` or `...`. Keys that name no metadata are read past.
fn front_matter(text: &str) -> Option<(Vec<(Field, String)>, &str)> {
    let mut lines = line_spans(text);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    let mut list_of: Option<Field> = None;
    for (end, line) in lines.take(MAX_FRONT_MATTER_LINES) {
        let trimmed = line.trim();
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((fields, &text[end..]));
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(field) = list_of {
                push(&mut fields, field, unquote(item));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) || trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        list_of = None;
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let Some(field) = field_for(key) else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            list_of = Some(field);
        } else if let Some(items) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            for item in items.split(',') {
                push(&mut fields, field, unquote(item));
            }
        } else {
            push(&mut fields, field, unquote(value));
        }
    }
    None
}

/// `Title: …` lines at the very top, one after another; the first line that is not one ends
/// the block. Only labels that name metadata count, so a body that opens "WASHINGTON: …"
/// or "Update: …" is left alone.
fn mail_style(text: &str) -> Option<(Vec<(Field, String)>, &str)> {
    let mut fields = Vec::new();
    let mut rest_at = 0;
    for (end, line) in line_spans(text).take(MAX_LABELLED_LINES) {
        let Some((key, value)) = line.split_once(':') else {
            break;
        };
        let (Some(field), false) = (field_for(key), value.trim().is_empty()) else {
            break;
        };
        // "Date: …" ends at its line; a key with spaces before the colon is prose.
        if key.len() > 24 || key.trim() != key {
            break;
        }
        push(&mut fields, field, value.trim().to_owned());
        rest_at = end;
    }
    (!fields.is_empty()).then(|| (fields, &text[rest_at..]))
}

/// Each line with the byte offset just past it (and its line break).
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |l| {
        at += l.len();
        (at, l.trim_end_matches(['\n', '\r']))
    })
}

fn push(fields: &mut Vec<(Field, String)>, field: Field, value: String) {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if !value.is_empty() {
        // A source given as an address is the article's address, not its outlet's name.
        let field = if field == Field::Site && value.starts_with("http") {
            Field::Url
        } else {
            field
        };
        fields.push((field, value));
    }
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    let inner = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v);
    inner.replace("\\\"", "\"")
}

/// The metadata a label names, whatever its case and separators (`Published_At`, `pub-date`).
fn field_for(key: &str) -> Option<Field> {
    let key: String = key
        .trim()
        .chars()
        .map(|c| match c {
            '_' | '-' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match key.as_str() {
        "title" | "headline" => Field::Title,
        "date" | "published" | "published at" | "published on" | "publish date" | "pubdate"
        | "pub date" | "date published" | "publication date" | "created" => Field::Published,
        "updated" | "modified" | "last modified" | "last updated" | "date modified"
        | "updated at" | "lastmod" => Field::Modified,
        "author" | "authors" | "by" | "byline" | "writer" => Field::Authors,
        "site" | "site name" | "source" | "outlet" | "publisher" | "publication" => Field::Site,
        "url" | "link" | "canonical" | "canonical url" | "source url" | "permalink" => Field::Url,
        "lang" | "language" => Field::Language,
        "description" | "summary" | "excerpt" => Field::Description,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_with_lists_and_quotes() {
        let text = "---\nlayout: post\ntitle: \"Port Meridian: the bridge reopens\"\ndate: 2025-03-04\nauthors:\n  - Jane Doe\n  - Tom Ruiz\ntags: [bridges, transport]\n---\n\nThe Halvard Bridge reopened on Tuesday.\n";
        let (fields, rest) = labelled_fields(text);
        assert_eq!(
            fields,
            vec![
                (Field::Title, "Port Meridian: the bridge reopens".to_owned()),
                (Field::Published, "2025-03-04".to_owned()),
                (Field::Authors, "Jane Doe".to_owned()),
                (Field::Authors, "Tom Ruiz".to_owned()),
            ]
        );
        assert_eq!(rest.trim(), "The Halvard Bridge reopened on Tuesday.");
    }

    #[test]
    fn mail_style_lines_until_the_first_other_line() {
        let text = "Title: Storm cuts power to 46,000 homes\nDate: 2025-02-11\nSource: https://example.org/storm\n\nThe storm knocked out power overnight.";
        let (fields, rest) = labelled_fields(text);
        assert_eq!(
            fields,
            vec![
                (Field::Title, "Storm cuts power to 46,000 homes".to_owned()),
                (Field::Published, "2025-02-11".to_owned()),
                (Field::Url, "https://example.org/storm".to_owned()),
            ]
        );
        assert_eq!(rest.trim(), "The storm knocked out power overnight.");
    }

    #[test]
    fn prose_that_opens_with_a_colon_is_no_header() {
        for text in [
            "WASHINGTON: The president said on Monday that talks would resume.",
            "Update: the death toll has risen to 40, officials said.",
            "---\ntitle: never closed\n\nThe body starts here.",
            "Note to editors : Title: not a header",
        ] {
            let (fields, rest) = labelled_fields(text);
            assert!(fields.is_empty(), "{text}: {fields:?}");
            assert_eq!(rest, text);
        }
    }
}
