//! Dates as documents write them, to ISO 8601.
//!
//! Pages and text files give dates in many shapes (`2024-02-29T10:15:00+01:00`,
//! `Thu, 29 Feb 2024 10:15:00 GMT`, `February 29, 2024`, `29 Feb. 2024, 10:15`). newsdesk keeps
//! what the document says and no more: a date without a time stays a date, and a time without a
//! zone stays local, because inventing midnight UTC would move stories across days.

use std::sync::OnceLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use jiff::Timestamp;
use regex::Regex;

/// Normalises a date or date-time string to ISO 8601.
///
/// Accepts ISO 8601 and RFC 3339, RFC 2822 (`Thu, 29 Feb 2024 10:15:00 +0000`), and written
/// dates in English with month names in either order (`February 29, 2024`, `29 Feb 2024`),
/// optionally led by a weekday or a label such as `Published:` and followed by a time; numeric
/// dates; and Chinese, Japanese and Korean dates (`2025年6月11日 09:30`).
/// Returns `None` for anything it cannot read as a real calendar date.
pub fn parse_date(input: &str) -> Option<String> {
    let s = strip_label(input.trim());
    if s.is_empty() || s.len() > 120 {
        return None;
    }
    // Every form read below has a four-digit year, so text with fewer than four digits (most
    // of the short lines a page is checked for dates) is none, and its patterns need not run.
    s.chars().filter(|c| c.is_numeric()).nth(3)?;
    parse_iso(s)
        .or_else(|| parse_written(s))
        .or_else(|| parse_written_other_languages(s))
        .or_else(|| parse_numeric(s))
        .or_else(|| parse_east_asian(s))
}

/// A date as Chinese, Japanese and Korean pages print it: `2025年6月11日`, `2025년 6월 11일`,
/// with a weekday in brackets (`（水）`) and a time (`09:30`, `8時15分`, `午後3時`, `오후 3:20`)
/// after it as they come; full-width digits too (`２０２５年`).
pub(crate) const EAST_ASIAN_DATE: &str =
    r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]";

fn parse_east_asian(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!(
            r"^(?:\p{{L}}+\s*:?\s*)?{EAST_ASIAN_DATE}\s*(?:[(（]\s*\p{{L}}+\s*[)）])?\s*(?:(午前|午後|上午|下午|오전|오후)\s*)?(?:(\d{{1,2}})\s*(?::|時|时|시)\s*(?:(\d{{2}})\s*(?:分|분)?)?)?\s*$"
        ))
        .expect("valid regex")
    });
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '：' => ':',
            c => c,
        })
        .collect();
    let c = re.captures(&ascii)?;
    let date = make_date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
    let Some(hour) = c.get(5) else {
        return Some(date.to_string());
    };
    let mut hour: i8 = hour.as_str().parse().ok()?;
    if let Some(half) = c.get(4) {
        let pm = matches!(half.as_str(), "午後" | "下午" | "오후");
        if pm && (1..12).contains(&hour) {
            hour += 12;
        }
    }
    let minute = c.get(6).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let time = Time::new(hour, minute, 0, 0).ok()?;
    Some(format_datetime(date, time, None))
}

/// The instant an ISO 8601 value (as [`parse_date`] writes it) stands for, in Unix seconds.
///
/// A date alone counts as its midnight UTC and a local time as UTC: good enough to order and
/// window articles, which is all this is for.
pub fn to_unix_seconds(iso: &str) -> Option<i64> {
    if let Ok(ts) = iso.parse::<Timestamp>() {
        return Some(ts.as_second());
    }
    if let Ok(dt) = iso.parse::<DateTime>() {
        return dt
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp().as_second());
    }
    if let Ok(d) = iso.parse::<Date>() {
        return d
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp().as_second());
    }
    None
}

fn strip_label(s: &str) -> &str {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let re = LABEL.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|modified|date|dated|created)(?:\s+(?:on|at))?\s*:?\s*)+")
            .expect("valid regex")
    });
    match re.find(s) {
        Some(m) => s[m.end()..].trim(),
        None => s,
    }
}

fn parse_iso(s: &str) -> Option<String> {
    static ISO: OnceLock<Regex> = OnceLock::new();
    let re = ISO.get_or_init(|| {
        Regex::new(
            r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$",
        )
        .expect("valid regex")
    });
    let c = re.captures(s)?;
    let date = make_date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
    let Some(hour) = c.get(4) else {
        return Some(date.to_string());
    };
    let time = Time::new(
        hour.as_str().parse().ok()?,
        num(&c, 5)? as i8,
        c.get(6).and_then(|m| m.as_str().parse().ok()).unwrap_or(0),
        0,
    )
    .ok()?;
    Some(format_datetime(date, time, c.get(7).map(|m| m.as_str())))
}

fn parse_written(s: &str) -> Option<String> {
    static WRITTEN: OnceLock<Regex> = OnceLock::new();
    let re = WRITTEN.get_or_init(|| {
        let month = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let weekday = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?";
        let time = TIME_SUFFIX;
        Regex::new(&format!(
            r"(?i)^{weekday}(?:{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-){month}(?:,?\s+|-)(\d{{4}})|(\d{{4}})\s+{month}\s+(\d{{1,2}})){time}$"
        ))
        .expect("valid regex")
    });
    let c = re.captures(s)?;
    let (month, day, year) = if let Some(m) = c.get(1) {
        (month_number(m.as_str())?, num(&c, 2)?, num(&c, 3)?)
    } else if let Some(m) = c.get(5) {
        (month_number(m.as_str())?, num(&c, 4)?, num(&c, 6)?)
    } else {
        // `2023 Jan 7`, as journals and citation metadata write it.
        (month_number(c.get(8)?.as_str())?, num(&c, 9)?, num(&c, 7)?)
    };
    let date = make_date(year, month, day)?;
    with_time(date, &c, 10)
}

/// The date with the time captured from group `first` on (hour, minute, second, am/pm, zone),
/// or the date alone when no time was written.
fn with_time(date: Date, c: &regex::Captures<'_>, first: usize) -> Option<String> {
    let Some(hour) = c.get(first) else {
        return Some(date.to_string());
    };
    let mut hour: i8 = hour.as_str().parse().ok()?;
    if let Some(ampm) = c.get(first + 3) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let time = Time::new(
        hour,
        num(c, first + 1)? as i8,
        c.get(first + 2)
            .and_then(|m| m.as_str().parse().ok())
            .unwrap_or(0),
        0,
    )
    .ok()?;
    Some(format_datetime(
        date,
        time,
        c.get(first + 4).map(|m| m.as_str()),
    ))
}

/// A written time after a date: `, 10:15`, ` at 4:05 pm EST`, ` - 11:38`, ` | 09:00 UTC`.
const TIME_SUFFIX: &str = r"(?:(?:,|\s+at|\s*-|\s*\|)?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(Z|UTC|GMT|[A-Z]{3,4}|[+-]\d{2}:?\d{2})?)?";

/// Month names of other languages newsdesk meets often, by month number (1-based index).
const OTHER_MONTHS: [&[&str]; 12] = [
    &[
        "enero", "janvier", "januar", "jänner", "gennaio", "janeiro", "januari",
    ],
    &[
        "febrero",
        "février",
        "fevrier",
        "februar",
        "febbraio",
        "fevereiro",
        "februari",
    ],
    &["marzo", "mars", "märz", "maerz", "março", "marco", "maart"],
    &["abril", "avril", "april", "aprile"],
    &["mayo", "mai", "maggio", "maio", "mei"],
    &["junio", "juin", "juni", "giugno", "junho"],
    &["julio", "juillet", "juli", "luglio", "julho"],
    &["agosto", "août", "aout", "august", "augustus"],
    &[
        "septiembre",
        "setiembre",
        "septembre",
        "september",
        "settembre",
        "setembro",
    ],
    &["octubre", "octobre", "oktober", "ottobre", "outubro"],
    &["noviembre", "novembre", "november", "novembro"],
    &[
        "diciembre",
        "décembre",
        "decembre",
        "dezember",
        "dicembre",
        "dezembro",
        "december",
    ],
];

/// `11 de febrero de 2025`, `11 février 2025`, `11. Februar 2025`, `11 febbraio 2025`: day
/// first, a month name in Spanish, French, German, Italian, Portuguese or Dutch.
fn parse_written_other_languages(s: &str) -> Option<String> {
    static OTHER: OnceLock<Regex> = OnceLock::new();
    let re = OTHER.get_or_init(|| {
        Regex::new(r"(?i)^(?:[\p{L}]+\.?,?\s+)?(\d{1,2})(?:\.|º|°|er)?(?:\s+(?:de\s+)?|-)([\p{L}]+)\.?(?:,?\s+(?:de\s+|del\s+)?|-)(\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
            .expect("valid regex")
    });
    let c = re.captures(s)?;
    let name = c.get(2)?.as_str().to_lowercase();
    let month = other_month(&name)?;
    make_date(num(&c, 3)?, month, num(&c, 1)?).map(|d| d.to_string())
}

/// A month of [`OTHER_MONTHS`] by its name, or by an abbreviation of three letters or more
/// that begins the names of one month only (`ago` for agosto, `févr` for février).
fn other_month(name: &str) -> Option<i32> {
    if let Some(i) = OTHER_MONTHS.iter().position(|names| names.contains(&name)) {
        return Some(i as i32 + 1);
    }
    if name.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for (i, names) in OTHER_MONTHS.iter().enumerate() {
        if names.iter().any(|n| n.starts_with(name)) {
            if found.is_some_and(|f| f != i) {
                return None;
            }
            found = Some(i);
        }
    }
    found.map(|i| i as i32 + 1)
}

/// `2024/02/29`, `29/02/2024`, `29.02.2024`: day-first unless the first field cannot be a day
/// or the second cannot be a month. A weekday may lead and a time follow, as content systems
/// print them (`Thu, 02/29/2024 - 10:15`, `02/29/2024 7:38:01 PM`).
fn parse_numeric(s: &str) -> Option<String> {
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    let re = NUMERIC.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}})|(\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{4}})){TIME_SUFFIX}$"
        ))
        .expect("valid regex")
    });
    let c = re.captures(s)?;
    let date = if c.get(1).is_some() {
        make_date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?
    } else {
        let (a, b, year) = (num(&c, 4)?, num(&c, 5)?, num(&c, 6)?);
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        make_date(year, month, day)?
    };
    with_time(date, &c, 7)
}

fn num(c: &regex::Captures<'_>, i: usize) -> Option<i32> {
    c.get(i)?.as_str().parse().ok()
}

fn make_date(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(year as i16, month as i8, day as i8).ok()
}

fn month_number(name: &str) -> Option<i32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as i32 + 1)
}

fn format_datetime(date: Date, time: Time, zone: Option<&str>) -> String {
    let local = DateTime::from_parts(date, time);
    let base = local.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    match zone.and_then(parse_offset) {
        Some(offset) if offset == Offset::UTC => format!("{base}Z"),
        Some(offset) => {
            let secs = offset.seconds();
            let sign = if secs < 0 { '-' } else { '+' };
            let secs = secs.abs();
            format!("{base}{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
        }
        None => base,
    }
}

fn parse_offset(zone: &str) -> Option<Offset> {
    let z = zone.trim();
    match z.to_ascii_uppercase().as_str() {
        "Z" | "UTC" | "GMT" => return Some(Offset::UTC),
        "EST" => return Offset::from_hours(-5).ok(),
        "EDT" => return Offset::from_hours(-4).ok(),
        "CST" => return Offset::from_hours(-6).ok(),
        "CDT" => return Offset::from_hours(-5).ok(),
        "MST" => return Offset::from_hours(-7).ok(),
        "MDT" => return Offset::from_hours(-6).ok(),
        "PST" => return Offset::from_hours(-8).ok(),
        "PDT" => return Offset::from_hours(-7).ok(),
        "BST" => return Offset::from_hours(1).ok(),
        "CET" => return Offset::from_hours(1).ok(),
        "CEST" => return Offset::from_hours(2).ok(),
        _ => {}
    }
    let (sign, rest) = match z.as_bytes().first()? {
        b'+' => (1, &z[1..]),
        b'-' => (-1, &z[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// Reads an RFC 2822 date (`Thu, 29 Feb 2024 10:15:00 +0000`), as feeds and HTTP headers give.
pub fn parse_rfc2822(s: &str) -> Option<String> {
    let dt = jiff::fmt::rfc2822::parse(s.trim()).ok()?;
    let offset = dt.offset();
    let local = dt.datetime();
    let base = local.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    Some(if offset == Offset::UTC {
        format!("{base}Z")
    } else {
        let secs = offset.seconds();
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.abs();
        format!("{base}{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn east_asian_dates() {
        assert_eq!(parse_date("2025年6月11日").as_deref(), Some("2025-06-11"));
        assert_eq!(
            parse_date("2025年6月11日 09:30").as_deref(),
            Some("2025-06-11T09:30:00")
        );
        assert_eq!(
            parse_date("2025年6月12日（木） 午後3時15分").as_deref(),
            Some("2025-06-12T15:15:00")
        );
        assert_eq!(
            parse_date("发布时间：2022年09月05日 14:20").as_deref(),
            Some("2022-09-05T14:20:00")
        );
        assert_eq!(
            parse_date("２０２５年６月１２日").as_deref(),
            Some("2025-06-12")
        );
        assert_eq!(
            parse_date("2025년 6월 11일 오후 3:20").as_deref(),
            Some("2025-06-11T15:20:00")
        );
        assert_eq!(parse_date("2025年13月11日"), None);
    }

    #[test]
    fn iso_forms_keep_what_they_say() {
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(
            parse_date("2024-02-29T10:15:00Z").as_deref(),
            Some("2024-02-29T10:15:00Z")
        );
        assert_eq!(
            parse_date("2024-02-29T10:15:00.123+0100").as_deref(),
            Some("2024-02-29T10:15:00+01:00")
        );
        assert_eq!(
            parse_date("2024-02-29 10:15").as_deref(),
            Some("2024-02-29T10:15:00")
        );
        assert_eq!(parse_date("2023-02-29"), None, "not a leap year");
    }

    #[test]
    fn written_dates_in_either_order() {
        assert_eq!(
            parse_date("February 29, 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            parse_date("Thursday, Feb. 29, 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            parse_date("29 February 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            parse_date("Published: 3rd March 2025").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            parse_date("March 3, 2025 at 4:05 pm EST").as_deref(),
            Some("2025-03-03T16:05:00-05:00")
        );
        assert_eq!(parse_date("Brighton Journal"), None);
        assert_eq!(parse_date("March 2025 was warm"), None);
    }

    #[test]
    fn written_dates_in_other_languages() {
        assert_eq!(
            parse_date("11 de febrero de 2025").as_deref(),
            Some("2025-02-11")
        );
        assert_eq!(
            parse_date("martes, 11 de febrero de 2025").as_deref(),
            Some("2025-02-11")
        );
        assert_eq!(parse_date("1er mars 2024").as_deref(), Some("2024-03-01"));
        assert_eq!(
            parse_date("11. Februar 2025").as_deref(),
            Some("2025-02-11")
        );
        assert_eq!(
            parse_date("29 febbraio 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(parse_date("11 de nada de 2025"), None);
        // Abbreviated, with hyphens, as content systems print them; an abbreviation that
        // begins two months' names is no month.
        assert_eq!(
            parse_date("04-ago-2021 5:11:10").as_deref(),
            Some("2021-08-04")
        );
        assert_eq!(parse_date("3 févr. 2024").as_deref(), Some("2024-02-03"));
        assert_eq!(parse_date("3 ju 2024"), None);
        assert_eq!(parse_date("3 jun. 2024").as_deref(), Some("2024-06-03"));
        assert_eq!(parse_date("04-Aug-2021").as_deref(), Some("2021-08-04"));
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(parse_date("2024/02/29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("29.02.2024").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("02/29/2024").as_deref(), Some("2024-02-29"));
        assert_eq!(
            parse_date("Thu, 02/29/2024 - 11:38").as_deref(),
            Some("2024-02-29T11:38:00")
        );
        assert_eq!(
            parse_date("02/29/2024 7:38:01 PM").as_deref(),
            Some("2024-02-29T19:38:01")
        );
        assert_eq!(parse_date("Thu, 29/02/2024 and more"), None);
    }

    #[test]
    fn year_first_written_dates() {
        assert_eq!(parse_date("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(
            parse_date("2024 February 29").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(parse_date("2023 Feb 30"), None);
    }

    #[test]
    fn rfc2822_and_unix() {
        assert_eq!(
            parse_rfc2822("Thu, 29 Feb 2024 10:15:00 +0000").as_deref(),
            Some("2024-02-29T10:15:00Z")
        );
        assert_eq!(to_unix_seconds("1970-01-02"), Some(86_400));
        assert_eq!(to_unix_seconds("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(to_unix_seconds("1970-01-01T00:00:10"), Some(10));
    }
}
