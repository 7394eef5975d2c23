//! How many metadata truths a page states at all: the ceiling for exact-match extraction.
//!
//! An annotator who read the live page may give a byline, a title wording or a date that the
//! saved HTML never contains (a name shown only after scripts ran, a date from the site's
//! archive page). No extractor can find those, so the metadata figures are read against the
//! share of truths that the page's source holds somewhere: in its text, its attributes or its
//! structured data, after character references are decoded and case and whitespace folded.

use super::score::fold;
use crate::dates::MONTHS;

/// The page's source as searched: character references decoded, case and whitespace folded.
pub fn searchable(html: &str) -> String {
    fold(&newsdesk_extract::decode_entities(html))
}

/// Whether a title or byline truth is written on the page: the whole value, or each name of a
/// list of names ("A, B and C") somewhere on its own.
pub fn text_on_page(truth: &str, page: &str) -> bool {
    let t = fold(truth);
    if t.is_empty() {
        return false;
    }
    if page.contains(&t) {
        return true;
    }
    let parts: Vec<&str> = t
        .split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() > 1 && parts.iter().all(|p| page.contains(p))
}

/// Whether the day of a `YYYY-MM-DD…` truth is written on the page in one of the usual
/// forms: ISO or slashed numbers (either order of day and month), "December 17, 2025",
/// "Dec. 17th 2025", "17 December 2025", "17.12.2025".
pub fn day_on_page(truth: &str, page: &str) -> bool {
    let Some(day) = truth.trim().get(..10) else {
        return false;
    };
    let mut parts = day.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let (Ok(mi), Ok(di)) = (m.parse::<usize>(), d.parse::<usize>()) else {
        return false;
    };
    if !(1..=12).contains(&mi) || y.len() != 4 {
        return false;
    }
    let month = MONTHS[mi - 1];
    let short = &month[..3];
    let mut forms = vec![
        format!("{y}-{m}-{d}"),
        format!("{y}/{m}/{d}"),
        format!("{m}/{d}/{y}"),
        format!("{d}/{m}/{y}"),
        format!("{mi}/{di}/{y}"),
        format!("{di}/{mi}/{y}"),
        format!("{d}.{m}.{y}"),
        format!("{di}.{mi}.{y}"),
        format!("{d}-{m}-{y}"),
    ];
    for name in [month, short] {
        for suffix in ["", "st", "nd", "rd", "th"] {
            for sep in [" ", ". "] {
                forms.push(format!("{name}{sep}{di}{suffix}, {y}"));
                forms.push(format!("{name}{sep}{di}{suffix} {y}"));
            }
            forms.push(format!("{di}{suffix} {name} {y}"));
            forms.push(format!("{di}{suffix} {name}, {y}"));
            forms.push(format!("{d}{suffix} {name} {y}"));
        }
    }
    forms.iter().any(|f| page.contains(f.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_titles_are_found_folded_and_decoded() {
        let page = searchable("<h1>Why  Cheap SEO Doesn&#8217;t Work</h1><span>By JANE Doe</span> and <a>John Roe</a>");
        assert!(text_on_page("Why cheap SEO doesn’t work", &page));
        assert!(text_on_page("Jane Doe and John Roe", &page));
        assert!(text_on_page("Jane Doe, John Roe", &page));
        assert!(!text_on_page("Jane Doe and Ann Poe", &page));
        assert!(!text_on_page("", &page));
    }

    #[test]
    fn days_are_found_in_usual_forms() {
        for written in [
            "2025-12-17T10:00:00Z",
            "Dec 17, 2025",
            "December 17th, 2025",
            "17 December 2025",
            "12/17/2025",
            "17.12.2025",
        ] {
            let page = searchable(&format!("<time>{written}</time>"));
            assert!(day_on_page("2025-12-17", &page), "{written}");
        }
        let page = searchable("<time>Dec 18, 2025</time>");
        assert!(!day_on_page("2025-12-17", &page));
        assert!(!day_on_page("2025-13", &page));
    }
}
