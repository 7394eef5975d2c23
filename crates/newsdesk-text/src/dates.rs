//! Dates in running text, absolute and relative, resolved against the publication date.
//!
//! "On Tuesday", "last year", "in August", "the third quarter", "a year earlier" mean nothing
//! without the day the article was written; with it they are days, months, quarters and years
//! on the calendar, which is what a timeline needs. Values are written as TimeML's TIMEX3
//! `value`s (`2024-02-27`, `2023`, `2024-08`, `1989-Q3`, `1998-W47`, `1998-W47-WE`, `1997-FA`,
//! `199` for the 1990s, `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`), so that they can be scored
//! against TimeML corpora and read by people.
//!
//! Rules, English: a weekday or a month without a year is the one before the publication date
//! unless its sentence speaks of the future (a weekday in a sentence in the conditional, a
//! reported plan, is the nearer one either side); "a year earlier" counts back from the last
//! date the text mentioned, at its granularity (a quarter's year-earlier is a quarter), since
//! financial and news prose chain comparisons that way. Without a publication date only
//! absolute dates are returned.

use std::fmt;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::{Captures, Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Byte range of the expression in the text.
    pub start: usize,
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3-style normalised value (see the module documentation).
    pub value: String,
    /// Whether the value depended on the publication date or on an earlier mention.
    pub relative: bool,
}

/// A point or period on the calendar, at the granularity the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Day(Date),
    Week(i16, i8),
    Weekend(i16, i8),
    Month(i16, i8),
    Quarter(i16, i8),
    Season(i16, Season),
    Year(i16),
    Decade(i16),
    Present,
    Past,
    Future,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            When::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            When::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            When::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            When::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            When::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            When::Season(y, s) => {
                let code = match s {
                    Season::Spring => "SP",
                    Season::Summer => "SU",
                    Season::Fall => "FA",
                    Season::Winter => "WI",
                };
                write!(f, "{y:04}-{code}")
            }
            When::Year(y) => write!(f, "{y:04}"),
            When::Decade(d) => write!(f, "{d:03}"),
            When::Present => f.write_str("PRESENT_REF"),
            When::Past => f.write_str("PAST_REF"),
            When::Future => f.write_str("FUTURE_REF"),
        }
    }
}

/// The kinds of expression, one pattern each; the longest match at a place wins.
#[derive(Debug, Clone, Copy)]
enum Rule {
    MonthDayYear,
    DayMonthYear,
    MonthDay,
    DayMonth,
    MonthYear,
    Month,
    IsoDate,
    CompactDate,
    SlashDate,
    SeasonYear,
    QuarterOfYear,
    YearQuarter,
    Holiday,
    Quarter,
    ReferencePeriod,
    Year,
    Decade,
    NamedDay,
    Weekday,
    UnitRelative,
    Ago,
    YearEarlierAdjective,
    Reference,
}

const MONTH_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_ABBR: &str =
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?";
const WEEKDAY: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const HOLIDAYS: &str = "Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|Independence Day|Fourth of July|Thanksgiving Day|Thanksgiving|Halloween|Valentine's Day|Memorial Day|Labor Day|Easter Sunday|Easter";

/// The rules, and one regex that is any of them: a single pass over the text finds where a
/// date may start, and only there are the rules tried one by one (thirty passes over every
/// text were most of the cost of finding dates).
struct Rules {
    each: Vec<(Rule, Regex)>,
    any: Regex,
    /// All the rules' patterns in one automaton that reports every pattern matching at a
    /// place, so that the rules are not searched one by one at each candidate.
    which: Option<regex_automata::meta::Regex>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let each = rule_patterns();
        let any = RegexBuilder::new(
            &each
                .iter()
                .map(|(_, re)| format!("(?:{})", re.as_str()))
                .collect::<Vec<_>>()
                .join("|"),
        )
        .unicode(false)
        .dfa_size_limit(8 << 20)
        .build()
        .unwrap_or_else(|_| Regex::new("$^").expect("an empty regex"));
        let which = regex_automata::meta::Regex::builder()
            .configure(
                regex_automata::meta::Regex::config()
                    .match_kind(regex_automata::MatchKind::All)
                    .dfa_size_limit(Some(8 << 20)),
            )
            .syntax(regex_automata::util::syntax::Config::new().unicode(false))
            .build_many(&each.iter().map(|(_, re)| re.as_str()).collect::<Vec<_>>())
            .ok();
        Rules { each, any, which }
    })
}

fn rule_patterns() -> Vec<(Rule, Regex)> {
    let month_any = format!("{MONTH_FULL}|{MONTH_ABBR}");
    let day = r"(\d{1,2})(?:st|nd|rd|th)?";
    let part_of_day = r"(?:\s+(?i:morning|afternoon|evening|night))?";
    let ord = format!(
        "{}|1st|2nd|3rd|4th",
        first_capital("first|second|third|fourth")
    );
    let year = r"((?:1[6-9]|20)\d\d)";
    // Patterns that a word may precede ("last", "early") come twice: with the word and
    // without it (an empty group keeps the numbering), so that every pattern starts with
    // literal text the regex engine can skip to.
    let patterns: Vec<(Rule, String)> = vec![
        (
            Rule::MonthDayYear,
            format!(r"\b({month_any})\s+{day},?\s+(\d{{4}})\b"),
        ),
        (
            Rule::DayMonthYear,
            format!(r"\b{day}\s+(?:of\s+)?({month_any}),?\s+(\d{{4}})\b"),
        ),
        (
            Rule::MonthDay,
            format!(r"\b({month_any})\s+{day}\b{part_of_day}"),
        ),
        (Rule::DayMonth, format!(r"\b{day}\s+(?:of\s+)?({MONTH_FULL})\b")),
        (
            Rule::MonthYear,
            format!(
                r"\b((?:{})-?\s*)({month_any}),?\s+(?:of\s+)?(\d{{4}})\b",
                first_capital("early|late|mid")
            ),
        ),
        (
            Rule::MonthYear,
            format!(r"\b()({month_any}),?\s+(?:of\s+)?(\d{{4}})\b"),
        ),
        (
            Rule::Month,
            format!(
                r"\b((?:{})\s+|[Mm]id-)({MONTH_FULL})\b",
                first_capital("last|next|this|this past|this coming|early|late|mid|the end of|the beginning of|the start of|the middle of")
            ),
        ),
        (Rule::Month, format!(r"\b()({MONTH_FULL})\b")),
        (Rule::IsoDate, r"\b(\d{4})-(\d{2})-(\d{2})\b".to_owned()),
        (Rule::CompactDate, r"\b((?:19|20)\d{2})(\d{2})(\d{2})\b".to_owned()),
        (
            Rule::SlashDate,
            r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b".to_owned(),
        ),
        (
            Rule::SeasonYear,
            format!(
                r"\b({})\s+(?:of\s+)?(\d{{4}})\b",
                first_capital("spring|summer|fall|autumn|winter")
            ),
        ),
        (
            Rule::QuarterOfYear,
            format!(r"\b({ord})[-\s]+(?:fiscal\s+)?quarter\s+of\s+(?:fiscal\s+)?(\d{{4}})\b"),
        ),
        (
            Rule::QuarterOfYear,
            format!(r"\b()(){year}'s\s+(first|second|third|fourth)[-\s]+quarter\b"),
        ),
        (
            Rule::YearQuarter,
            format!(
                r"\b{year}\s+(?:(first|second|third|fourth)\s+)?(?:fiscal\s+)?(quarter|period)\b"
            ),
        ),
        (
            Rule::Holiday,
            format!(r"\b((?:{})\s+)({HOLIDAYS})\b", first_capital("last|next|this")),
        ),
        (Rule::Holiday, format!(r"\b()({HOLIDAYS})\b")),
        (
            Rule::Quarter,
            format!(
                r"\b({}) year's\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?({ord})[-\s]+(?:fiscal\s+)?(?:quarter|period)\b",
                first_capital("this|last|next")
            ),
        ),
        (
            Rule::Quarter,
            format!(r"\b()({ord})[-\s]+(?:fiscal\s+)?(?:quarter|period)\b"),
        ),
        (
            Rule::ReferencePeriod,
            r"\b[Tt]he\s+(?:(latest|current|same|year-earlier|year-ago|previous|prior|comparable|recent|most recent|fiscal|latest fiscal)\s+)?(quarter|period)\b"
                .to_owned(),
        ),
        (
            Rule::Year,
            format!(
                r"\b((?:{})[-\s]+){year}\b",
                first_capital("fiscal year|fiscal|calendar year|calendar|the year|early|late|mid")
            ),
        ),
        (Rule::Year, format!(r"\b(){year}\b")),
        (
            Rule::Decade,
            r"\b(?:[Tt]he\s+(?:(?:early|mid|late)-?\s*)?|(?:[Ee]arly|[Mm]id|[Ll]ate)-?\s*)((?:1[6-9]|20)\d)0'?s\b"
                .to_owned(),
        ),
        (Rule::Decade, r"\b((?:1[6-9]|20)\d)0'?s\b".to_owned()),
        (
            Rule::NamedDay,
            format!(
                r"\b({})\b{part_of_day}",
                first_capital("the day before yesterday|the day after tomorrow|late yesterday|early today|yesterday|today|tomorrow")
            ),
        ),
        (
            Rule::Weekday,
            format!(
                r"\b((?:{})\s+)({WEEKDAY})\b{part_of_day}",
                first_capital("last|next|this|this past|this coming|past|coming")
            ),
        ),
        (Rule::Weekday, format!(r"\b()({WEEKDAY})\b{part_of_day}")),
        (
            Rule::UnitRelative,
            format!(
                r"\b({})\s+(week|weekend|month|year|quarter|spring|summer|fall|autumn|winter|decade)\b",
                first_capital("this|last|next|the|the current|the current fiscal|the full|the fiscal|the past|the coming|the previous|the following|previous|past|coming|earlier this|later this|early this|late this|early next|late next|early last|late last|earlier last|the end of this|the end of last|the end of the|the start of this|the beginning of this|the end of next")
            ),
        ),
        (
            Rule::Ago,
            r"\b(day|week|month|year|decade)s?\s+(ago|earlier|before|later|after|from now)\b"
                .to_owned(),
        ),
        (
            Rule::YearEarlierAdjective,
            r"\b[Yy]ear-(?:earlier|ago)(?:\s+(?:quarter|period))?\b".to_owned(),
        ),
        (
            Rule::Reference,
            format!(
                r"\b({})\b",
                first_capital("right now|now|currently|presently|at present|nowadays|these days|at the moment|current|recently|lately|in recent years|recent years|in recent months|recent months|recent|the past|in the past|the future|in the future")
            ),
        ),
    ];
    // ASCII classes and boundaries keep every pattern on the fast automaton; dates are
    // written in ASCII digits and English words.
    patterns
        .iter()
        .filter_map(|(rule, p)| {
            RegexBuilder::new(p)
                .unicode(false)
                .build()
                .ok()
                .map(|re| (*rule, re))
        })
        .collect()
}

/// `"last|next"` → `"[Ll]ast|[Nn]ext"`: each alternative as written in running text or at the
/// start of a sentence. (Case-insensitive alternations defeat the engine's literal prefilter,
/// and dates are not written in random case.)
fn first_capital(alternatives: &str) -> String {
    alternatives
        .split('|')
        .map(|alt| {
            let mut chars = alt.chars();
            match chars.next() {
                Some(c) if c.is_ascii_alphabetic() => {
                    format!("[{}{}]{}", c.to_ascii_uppercase(), c, chars.as_str())
                }
                _ => alt.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The longest a date expression can be, in bytes ("the day before yesterday evening", "the
/// fiscal third quarter of 1989").
const MAX_EXPRESSION: usize = 80;

/// Finds the dates a text mentions and resolves them against `published` (the day the article
/// was written). Without `published`, relative expressions are left out.
pub fn date_mentions(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let mut found: Vec<(usize, usize, Rule, Captures<'_>)> = Vec::new();
    let rules = rules();
    let mut from = 0;
    while let Some(m) = rules.any.find_at(text, from) {
        let start = m.start();
        // No expression is longer than this; the window ends at a word's end, so that a
        // pattern's closing word boundary means what it means in the whole text.
        let mut limit = (start + MAX_EXPRESSION).min(text.len());
        while limit < text.len()
            && (!text.is_char_boundary(limit) || text.as_bytes()[limit].is_ascii_alphanumeric())
        {
            limit += 1;
        }
        let window = &text[..limit];
        // Which rules match right here, in one anchored search; then only those capture.
        let mut here = regex_automata::PatternSet::new(rules.each.len());
        match &rules.which {
            Some(which) => which.which_overlapping_matches(
                &regex_automata::Input::new(window)
                    .range(start..)
                    .anchored(regex_automata::Anchored::Yes),
                &mut here,
            ),
            None => {
                for i in 0..rules.each.len() {
                    let _ = here.try_insert(regex_automata::PatternID::new_unchecked(i));
                }
            }
        }
        for id in here.iter() {
            let Some((rule, re)) = rules.each.get(id.as_usize()) else {
                continue;
            };
            if let Some(caps) = re.captures_at(window, start) {
                if let Some(whole) = caps.get(0).filter(|w| w.start() == start) {
                    found.push((start, whole.end(), *rule, caps));
                }
            }
        }
        // Every place where some rule matches is a candidate, also inside a longer match that
        // may yet fail to resolve.
        from = start + 1;
        while from < text.len() && !text.is_char_boundary(from) {
            from += 1;
        }
    }
    // Leftmost, then longest; a shorter match inside a taken one is dropped.
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<DateMention> = Vec::new();
    let mut taken_until = 0;
    let mut last: Option<When> = None;
    for (start, end, rule, caps) in found {
        if start < taken_until {
            continue;
        }
        let context = Context {
            text,
            start,
            end,
            published,
            last,
        };
        let Some((when, relative, span)) = resolve(rule, &caps, &context) else {
            continue;
        };
        let (mut s, e) = span;
        // "The (fiscal) third quarter", "the year-earlier period": the article and the
        // qualifier belong to the expression; the patterns start at the word they key on.
        if matches!(
            rule,
            Rule::Quarter | Rule::QuarterOfYear | Rule::YearQuarter | Rule::YearEarlierAdjective
        ) {
            while let Some((at, word)) = last_word(&text[..s]) {
                let gap = &text[at + word.len()..s];
                let joined = gap.chars().all(char::is_whitespace) && !gap.is_empty();
                if joined
                    && ["the", "fiscal", "calendar"]
                        .iter()
                        .any(|w| word.eq_ignore_ascii_case(w))
                {
                    s = at;
                } else {
                    break;
                }
            }
        }
        taken_until = end;
        // Comparisons ("a year earlier", "the quarter") refer to the last date; they do not
        // become it.
        let comparison = matches!(
            rule,
            Rule::Ago | Rule::YearEarlierAdjective | Rule::ReferencePeriod
        );
        if !comparison && !matches!(when, When::Present | When::Past | When::Future) {
            last = Some(when);
        }
        out.push(DateMention {
            start: s,
            end: e,
            text: text[s..e].to_owned(),
            value: when.to_string(),
            relative,
        });
    }
    out
}

/// What a rule may look at besides its own match.
struct Context<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    published: Option<Date>,
    /// The last date the text mentioned, for "a year earlier" and "the quarter".
    last: Option<When>,
}

impl Context<'_> {
    /// Whether the sentence around the match speaks of the future.
    fn future_tense(&self) -> bool {
        // "Would" is left out: in news it is mostly reported speech about the past ("said it
        // would vote Friday" after the vote), and counting it as future loses more than it wins
        // on TimeBank.
        const MARKERS: [&str; 17] = [
            " will ",
            " expect to ",
            " expects to ",
            " aim to ",
            " aims to ",
            "'ll ",
            " shall ",
            " is to ",
            " are to ",
            " scheduled ",
            " is expected to ",
            " are expected to ",
            " plans to ",
            " plan to ",
            " going to ",
            " upcoming ",
            " is set to ",
        ];
        let sentence = self.sentence();
        MARKERS.iter().any(|m| sentence.contains(m))
    }

    /// The sentence around the match (by its punctuation), lower case and padded with a space
    /// each side, so that markers can be matched as whole words.
    fn sentence(&self) -> String {
        let from = self.text[..self.start]
            .rfind(['.', '!', '?', '\n'])
            .map_or(0, |i| i + 1);
        let to = self.text[self.end..]
            .find(['.', '!', '?', '\n'])
            .map_or(self.text.len(), |i| self.end + i);
        format!(" {} ", self.text[from..to].to_lowercase())
    }

    /// Whether the sentence around the match speaks in the conditional ("would"), as reported
    /// plans do.
    fn conditional(&self) -> bool {
        let sentence = self.sentence();
        sentence.contains(" would ") || sentence.contains("'d ")
    }

    fn preceded_by_digit_or_currency(&self) -> bool {
        let before = self.text[..self.start].trim_end_matches(' ');
        before.ends_with(['$', '£', '€', '#']) || before.ends_with(|c: char| c.is_ascii_digit())
    }
}

fn month_number(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday_of(name: &str) -> Option<Weekday> {
    Some(match name.get(..3)?.to_ascii_lowercase().as_str() {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn count_of(word: &str) -> Option<i32> {
    let lower = word.to_ascii_lowercase();
    Some(match lower.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => lower.parse().ok()?,
    })
}

/// The last word of `text` (a run of letters, digits and apostrophes) and where it starts.
fn last_word(text: &str) -> Option<(usize, &str)> {
    let trimmed = text.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'')
        .last()
        .map(|(i, _)| i)?;
    Some((start, &trimmed[start..]))
}

/// The count before a unit ("two" years ago, "12" days, "a", "a few", "a couple of",
/// "several"), read backwards from `at`; returns it and where it starts.
fn count_before(text: &str, at: usize) -> Option<(i32, usize)> {
    let (start, word) = last_word(text.get(..at)?)?;
    let phrase = |words: &[&str]| -> Option<usize> {
        let mut from = start;
        for w in words.iter().rev() {
            let (s, found) = last_word(&text[..from])?;
            if !found.eq_ignore_ascii_case(w) {
                return None;
            }
            from = s;
        }
        Some(from)
    };
    match word.to_ascii_lowercase().as_str() {
        "of" => phrase(&["a", "couple"]).map(|from| (2, from)),
        "few" => phrase(&["a"]).map(|from| (3, from)),
        other => count_of(other).map(|n| (n, start)),
    }
}

fn ordinal(word: &str) -> Option<i8> {
    Some(match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

fn season_of(word: &str) -> Option<Season> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

fn season_index(s: Season) -> i8 {
    match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    }
}

/// The season a day falls in (northern meteorological seasons; December is the next year's
/// winter start but TimeML writes it in the year it begins).
fn season_at(d: Date) -> Season {
    match d.month() {
        3..=5 => Season::Spring,
        6..=8 => Season::Summer,
        9..=11 => Season::Fall,
        _ => Season::Winter,
    }
}

/// The day of a fixed or rule-based holiday in a year (Western and US calendars, which the
/// English-language wires use).
fn holiday(name: &str, y: i32) -> Option<Date> {
    let nth_weekday = |month: i8, weekday: Weekday, nth: i32| -> Option<Date> {
        day(y, month, 1)?
            .nth_weekday_of_month(i8::try_from(nth).ok()?, weekday)
            .ok()
    };
    match name {
        "christmas eve" => day(y, 12, 24),
        "christmas" | "christmas day" => day(y, 12, 25),
        "new year's eve" => day(y, 12, 31),
        "new year's day" => day(y, 1, 1),
        "independence day" | "fourth of july" => day(y, 7, 4),
        "halloween" => day(y, 10, 31),
        "valentine's day" => day(y, 2, 14),
        "thanksgiving" | "thanksgiving day" => nth_weekday(11, Weekday::Thursday, 4),
        "memorial day" => nth_weekday(5, Weekday::Monday, -1),
        "labor day" => nth_weekday(9, Weekday::Monday, 1),
        "easter" | "easter sunday" => easter(y),
        _ => None,
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let dom = (h + l - 7 * m + 114) % 31 + 1;
    day(y, i8::try_from(month).ok()?, i8::try_from(dom).ok()?)
}

fn quarter_at(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

fn day(y: i32, m: i8, d: i8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m, d).ok()
}

fn add_days(d: Date, n: i32) -> Option<Date> {
    d.checked_add(i64::from(n).days()).ok()
}

fn add_months(y: i16, m: i8, n: i32) -> (i16, i8) {
    let index = i32::from(y) * 12 + i32::from(m) - 1 + n;
    (
        i16::try_from(index.div_euclid(12)).unwrap_or(y),
        (index.rem_euclid(12) + 1) as i8,
    )
}

fn week_of(d: Date) -> (i16, i8) {
    let w = d.iso_week_date();
    (w.year(), w.week())
}

fn two_digit_year(y: i32, published: Option<Date>) -> i32 {
    if y >= 100 {
        return y;
    }
    let century = published.map_or(1900, |p| i32::from(p.year()) / 100 * 100);
    let candidate = century + y;
    match published {
        Some(p) if candidate > i32::from(p.year()) + 10 => candidate - 100,
        _ => candidate,
    }
}

/// The year of a month and day given without one: the publication year, moved back when the
/// day would lie well after publication in a past-tense sentence, and forward when it would lie
/// before it in a future-tense one.
fn year_for(month: i8, dom: i8, ctx: &Context<'_>, p: Date) -> i32 {
    let y = i32::from(p.year());
    let Some(candidate) = day(y, month, dom.min(28)) else {
        return y;
    };
    let gap = (candidate - p).get_days();
    if ctx.future_tense() {
        if gap < -60 {
            return y + 1;
        }
    } else if gap > 60 {
        return y - 1;
    }
    y
}

fn nearest_weekday(p: Date, target: Weekday, future: bool, strict: bool) -> Option<Date> {
    let here = i32::from(p.weekday().to_monday_zero_offset());
    let there = i32::from(target.to_monday_zero_offset());
    let mut delta = if future {
        (there - here).rem_euclid(7)
    } else {
        -((here - there).rem_euclid(7))
    };
    if strict && delta == 0 {
        delta = if future { 7 } else { -7 };
    }
    add_days(p, delta)
}

/// Moves a calendar value by whole years, keeping its granularity.
fn shift_years(w: When, n: i32) -> Option<When> {
    let by = |y: i16| i16::try_from(i32::from(y) + n).ok();
    Some(match w {
        When::Day(d) => {
            let y = i32::from(d.year()) + n;
            When::Day(day(y, d.month(), d.day()).or_else(|| day(y, d.month(), 28))?)
        }
        When::Week(y, k) => When::Week(by(y)?, k),
        When::Weekend(y, k) => When::Weekend(by(y)?, k),
        When::Month(y, m) => When::Month(by(y)?, m),
        When::Quarter(y, q) => When::Quarter(by(y)?, q),
        When::Season(y, s) => When::Season(by(y)?, s),
        When::Year(y) => When::Year(by(y)?),
        other => other,
    })
}

/// Resolves one match; returns the value, whether it was relative, and the span to report
/// (prepositions such as "in" and "since" are matched but not reported).
fn resolve(
    rule: Rule,
    c: &Captures<'_>,
    ctx: &Context<'_>,
) -> Option<(When, bool, (usize, usize))> {
    let whole = (c.get(0)?.start(), c.get(0)?.end());
    // Empty groups stand for a word the pattern's other form requires ("last"): absent.
    let g = |i: usize| c.get(i).map(|m| m.as_str()).filter(|s| !s.is_empty());
    let num = |i: usize| g(i).and_then(|s| s.parse::<i32>().ok());
    let p = ctx.published;
    match rule {
        Rule::MonthDayYear => {
            let d = day(num(3)?, month_number(g(1)?)?, num(2)? as i8)?;
            Some((When::Day(d), false, whole))
        }
        Rule::DayMonthYear => {
            let d = day(num(3)?, month_number(g(2)?)?, num(1)? as i8)?;
            Some((When::Day(d), false, whole))
        }
        Rule::MonthDay | Rule::DayMonth => {
            let (m, dom) = if matches!(rule, Rule::MonthDay) {
                (month_number(g(1)?)?, num(2)?)
            } else {
                (month_number(g(2)?)?, num(1)?)
            };
            if !(1..=31).contains(&dom) {
                return None;
            }
            let p = p?;
            let y = year_for(m, dom as i8, ctx, p);
            Some((When::Day(day(y, m, dom as i8)?), true, whole))
        }
        Rule::MonthYear => {
            let y = i16::try_from(num(3)?).ok()?;
            Some((When::Month(y, month_number(g(2)?)?), false, whole))
        }
        Rule::Month => {
            let m = month_number(g(2)?)?;
            let modifier = g(1).map(|s| s.trim().to_ascii_lowercase());
            let name = g(2)?;
            // "May" and "March" are words too: without a modifier or a preposition before them,
            // they are not dates.
            if modifier.is_none() && matches!(name, "May" | "March") {
                let before = ctx.text[..ctx.start].trim_end();
                let word = before
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                const PREPOSITIONS: [&str; 12] = [
                    "in", "since", "until", "by", "through", "from", "during", "before", "after",
                    "of", "to", "till",
                ];
                if !PREPOSITIONS.contains(&word.as_str()) {
                    return None;
                }
            }
            let p = p?;
            let here = p.month();
            let y = i32::from(p.year());
            let year = match modifier.as_deref() {
                Some("last" | "this past") => {
                    if m < here {
                        y
                    } else {
                        y - 1
                    }
                }
                Some("next" | "this coming") => {
                    if m > here {
                        y
                    } else {
                        y + 1
                    }
                }
                Some("this") => y,
                _ => year_for(m, 15, ctx, p),
            };
            Some((When::Month(i16::try_from(year).ok()?, m), true, whole))
        }
        Rule::IsoDate => {
            let d = day(num(1)?, num(2)? as i8, num(3)? as i8)?;
            Some((When::Day(d), false, whole))
        }
        Rule::CompactDate => {
            let d = day(num(1)?, num(2)? as i8, num(3)? as i8)?;
            Some((When::Day(d), false, whole))
        }
        Rule::SlashDate => {
            // Month first, as American newswire writes it, unless the first cannot be a month;
            // when both readings are dates, the one nearer the publication date wins (a
            // European dateline "08/04/2025" on an article of 8 April 2025).
            let (a, b) = (num(1)?, num(2)?);
            let y = two_digit_year(num(3)?, p);
            let us = day(y, i8::try_from(a).ok()?, i8::try_from(b).ok()?);
            let european = day(y, i8::try_from(b).ok()?, i8::try_from(a).ok()?);
            let d = match (us, european, p) {
                (Some(u), Some(e), Some(p)) => {
                    let distance = |d: Date| (d - p).get_days().abs();
                    if distance(e) < distance(u) {
                        e
                    } else {
                        u
                    }
                }
                (Some(u), _, _) => u,
                (None, e, _) => e?,
            };
            Some((When::Day(d), false, whole))
        }
        Rule::SeasonYear => {
            let y = i16::try_from(num(2)?).ok()?;
            Some((When::Season(y, season_of(g(1)?)?), false, whole))
        }
        Rule::QuarterOfYear => {
            let (q, y) = match (g(1), g(2)) {
                (Some(q), Some(y)) => (ordinal(q)?, y.parse::<i16>().ok()?),
                _ => (ordinal(g(4)?)?, g(3)?.parse::<i16>().ok()?),
            };
            Some((When::Quarter(y, q), false, whole))
        }
        Rule::YearQuarter => {
            let y = i16::try_from(num(1)?).ok()?;
            let q = match (g(2).and_then(ordinal), ctx.last) {
                (Some(q), _) => q,
                (None, Some(When::Quarter(_, q))) => q,
                // "The 1989 period" without a quarter in sight is the year.
                (None, _) => return Some((When::Year(y), false, whole)),
            };
            Some((When::Quarter(y, q), g(2).is_none(), whole))
        }
        Rule::Holiday => {
            let p = p?;
            let name = g(2)?.to_ascii_lowercase();
            let modifier = g(1).map(|s| s.trim().to_ascii_lowercase());
            let on = |y: i32| holiday(&name, y);
            let y = i32::from(p.year());
            let d = match modifier.as_deref() {
                Some("last") => [y, y - 1].into_iter().filter_map(on).find(|d| *d < p)?,
                Some("next") => [y, y + 1].into_iter().filter_map(on).find(|d| *d > p)?,
                Some(_) => on(y)?,
                None if ctx.future_tense() => {
                    [y, y + 1].into_iter().filter_map(on).find(|d| *d >= p)?
                }
                None => [y, y - 1].into_iter().filter_map(on).find(|d| *d <= p)?,
            };
            Some((When::Day(d), true, whole))
        }
        Rule::Quarter => {
            let q = ordinal(g(2)?)?;
            let p = p?;
            let y = p.year();
            let year = match g(1).map(str::to_ascii_lowercase).as_deref() {
                Some("last") => y - 1,
                Some("next") => y + 1,
                Some(_) => y,
                // A quarter not yet begun is last year's, unless the sentence looks ahead.
                None if q > quarter_at(p) && !ctx.future_tense() => y - 1,
                None => y,
            };
            Some((When::Quarter(year, q), true, whole))
        }
        Rule::ReferencePeriod => {
            let p = p?;
            let which = g(1).map(str::to_ascii_lowercase);
            let reference = match ctx.last {
                Some(q @ When::Quarter(..)) => q,
                _ => {
                    let (y, m) = add_months(p.year(), p.month(), -3);
                    When::Quarter(y, (m - 1) / 3 + 1)
                }
            };
            let when = match which.as_deref() {
                Some("year-earlier" | "year-ago" | "comparable") => shift_years(reference, -1)?,
                Some("current") if g(2)?.eq_ignore_ascii_case("quarter") => {
                    When::Quarter(p.year(), quarter_at(p))
                }
                _ => reference,
            };
            Some((when, true, whole))
        }
        Rule::Year => {
            if ctx.preceded_by_digit_or_currency() {
                return None;
            }
            let after = ctx.text[ctx.end..].chars().next();
            if after == Some('%') {
                return None;
            }
            if matches!(after, Some('/' | ',' | '.'))
                && ctx.text[ctx.end..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
            Some((When::Year(num(2)? as i16), false, whole))
        }
        Rule::Decade => Some((When::Decade(num(1)? as i16), false, whole)),
        Rule::NamedDay => {
            let p = p?;
            let word = g(1)?.to_ascii_lowercase();
            let offset = match word.as_str() {
                "the day before yesterday" => -2,
                "yesterday" | "late yesterday" => -1,
                "tomorrow" => 1,
                "the day after tomorrow" => 2,
                _ => 0,
            };
            Some((When::Day(add_days(p, offset)?), true, whole))
        }
        Rule::Weekday => {
            let p = p?;
            let target = weekday_of(g(2)?)?;
            let modifier = g(1).map(|s| s.trim().to_ascii_lowercase());
            let d = match modifier.as_deref() {
                Some("last" | "past" | "this past") => nearest_weekday(p, target, false, true)?,
                Some("next" | "coming" | "this coming") => nearest_weekday(p, target, true, true)?,
                _ if ctx.future_tense() => nearest_weekday(p, target, true, false)?,
                // "said the council would meet on Thursday": reported plans may lie either
                // side of the day of writing; the nearer day is the one meant.
                _ if ctx.conditional() => {
                    let before = nearest_weekday(p, target, false, false)?;
                    let after = nearest_weekday(p, target, true, false)?;
                    if (after - p).get_days() < (p - before).get_days() {
                        after
                    } else {
                        before
                    }
                }
                _ => nearest_weekday(p, target, false, false)?,
            };
            Some((When::Day(d), true, whole))
        }
        Rule::UnitRelative => {
            let p = p?;
            let modifier = g(1)?.to_ascii_lowercase();
            let unit = g(2)?.to_ascii_lowercase();
            let step: i32 = if modifier.contains("next")
                || modifier.contains("coming")
                || modifier.contains("following")
            {
                1
            } else if modifier.contains("last")
                || modifier.contains("past")
                || modifier.contains("previous")
            {
                -1
            } else {
                0
            };
            let when = match unit.as_str() {
                "week" | "weekend" => {
                    // Said on a weekday, "the weekend" of a past-tense sentence is the one
                    // that just ended, which ISO counts in the week before.
                    let on_weekday = p.weekday().to_monday_zero_offset() < 5;
                    let step =
                        if unit == "weekend" && step == 0 && on_weekday && !ctx.future_tense() {
                            -1
                        } else {
                            step
                        };
                    let (y, w) = week_of(add_days(p, step * 7)?);
                    if unit == "weekend" {
                        When::Weekend(y, w)
                    } else {
                        When::Week(y, w)
                    }
                }
                "month" => {
                    let (y, m) = add_months(p.year(), p.month(), step);
                    When::Month(y, m)
                }
                "quarter" => {
                    let (y, m) = add_months(p.year(), p.month(), step * 3);
                    When::Quarter(y, (m - 1) / 3 + 1)
                }
                "year" => When::Year(i16::try_from(i32::from(p.year()) + step).ok()?),
                "decade" => When::Decade(i16::try_from((i32::from(p.year()) / 10) + step).ok()?),
                season => {
                    let s = season_of(season)?;
                    let now = season_at(p);
                    let y = i32::from(p.year());
                    let year = match step {
                        -1 if season_index(s) < season_index(now) => y,
                        -1 => y - 1,
                        1 if season_index(s) > season_index(now) => y,
                        1 => y + 1,
                        _ => y,
                    };
                    When::Season(i16::try_from(year).ok()?, s)
                }
            };
            Some((when, true, whole))
        }
        Rule::Ago => {
            let (n, from) = count_before(ctx.text, whole.0)?;
            let whole = (from, whole.1);
            let unit = g(1)?.to_ascii_lowercase();
            let direction = g(2)?.to_ascii_lowercase();
            // "Two days after the span fell": counted from an event the text names, not from
            // a date; the day is unknown.
            let anchored_on_event = matches!(direction.as_str(), "after" | "before")
                && ctx.text[whole.1..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(char::is_alphabetic);
            if anchored_on_event {
                return None;
            }
            let forward = matches!(direction.as_str(), "later" | "after" | "from now");
            let n = if forward { n } else { -n };
            // "Ago" and "from now" count from publication; "earlier" and "later" from the last
            // date mentioned, when there is one.
            let from_last = matches!(direction.as_str(), "earlier" | "before" | "later" | "after");
            let p = p?;
            let when = match unit.as_str() {
                "year" => match ctx.last {
                    Some(w @ (When::Quarter(..) | When::Month(..) | When::Day(_)))
                        if from_last || matches!(w, When::Quarter(..)) =>
                    {
                        shift_years(w, n)?
                    }
                    Some(When::Year(y)) if from_last => When::Year(y + n as i16),
                    _ => When::Year(i16::try_from(i32::from(p.year()) + n).ok()?),
                },
                "decade" => When::Decade(i16::try_from(i32::from(p.year()) / 10 + n).ok()?),
                "month" => {
                    let (y, m) = add_months(p.year(), p.month(), n);
                    When::Month(y, m)
                }
                "week" => {
                    let (y, w) = week_of(add_days(p, n * 7)?);
                    When::Week(y, w)
                }
                _ => When::Day(add_days(p, n)?),
            };
            Some((when, true, whole))
        }
        Rule::YearEarlierAdjective => {
            let p = p?;
            let when = match ctx.last {
                Some(w @ (When::Quarter(..) | When::Month(..) | When::Year(_))) => {
                    shift_years(w, -1)?
                }
                _ => When::Year(p.year() - 1),
            };
            Some((when, true, whole))
        }
        Rule::Reference => {
            let word = g(1)?.to_ascii_lowercase();
            let when = match word.as_str() {
                "right now" | "now" | "currently" | "presently" | "at present" | "nowadays"
                | "these days" | "at the moment" | "current" => When::Present,
                "the future" | "in the future" => When::Future,
                _ => When::Past,
            };
            // "In the past" reports "the past", as TimeML marks it. "Previously", "soon" and
            // "future" as an adjective speak of order or aspect more than of a time, and are
            // left out.
            let span = match word.strip_prefix("in ") {
                Some(_) => (whole.0 + 3, whole.1),
                None => whole,
            };
            Some((when, true, span))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: &str) -> Vec<(String, String)> {
        let p: Date = published.parse().unwrap();
        date_mentions(text, Some(p))
            .into_iter()
            .map(|m| (m.text, m.value))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn weekdays_are_the_last_one_unless_the_sentence_looks_ahead() {
        // 1998-11-20 was a Friday.
        assert_eq!(
            values(
                "The paper reported Friday. Police said Tuesday.",
                "1998-11-20"
            ),
            vec![pair("Friday", "1998-11-20"), pair("Tuesday", "1998-11-17")]
        );
        assert_eq!(
            values("The council will vote on Tuesday.", "1998-11-20"),
            vec![pair("Tuesday", "1998-11-24")]
        );
        assert_eq!(
            values("It happened last Friday.", "1998-11-20"),
            vec![pair("last Friday", "1998-11-13")]
        );
        // A reported plan is on the nearer day: 1998-11-20 was a Friday.
        assert_eq!(
            values(
                "The mayor said the council would meet on Saturday evening.",
                "1998-11-20"
            ),
            vec![pair("Saturday evening", "1998-11-21")]
        );
        assert_eq!(
            values("Officials said it would vote Wednesday.", "1998-11-20"),
            vec![pair("Wednesday", "1998-11-18")]
        );
        // An expectation looks ahead as "will" does.
        assert_eq!(
            values(
                "We expect to restore power to most customers by Wednesday evening.",
                "1998-11-20"
            ),
            vec![pair("Wednesday evening", "1998-11-25")]
        );
    }

    #[test]
    fn absolute_dates_in_their_usual_shapes() {
        let v = values(
            "Born Aug. 7, 1998, filed on 1999-03-13, and 11/02/89 in the header; in July 1997 too.",
            "1999-12-01",
        );
        assert_eq!(
            v,
            vec![
                pair("Aug. 7, 1998", "1998-08-07"),
                pair("1999-03-13", "1999-03-13"),
                pair("11/02/89", "1989-11-02"),
                pair("July 1997", "1997-07"),
            ]
        );
    }

    #[test]
    fn months_and_days_without_a_year_take_the_publication_year() {
        assert_eq!(
            values("The Oct. 23 slaying shook the town.", "1998-11-20"),
            vec![pair("Oct. 23", "1998-10-23")]
        );
        // December, read in February in a past-tense sentence, is last December.
        assert_eq!(
            values("The group was ousted in December.", "2024-02-29"),
            vec![pair("December", "2023-12")]
        );
        assert_eq!(
            values("The dialogue announced back in August.", "2024-02-29"),
            vec![pair("August", "2023-08")]
        );
        assert_eq!(
            values("You may go now.", "2024-02-29"),
            vec![pair("now", "PRESENT_REF")]
        );
    }

    #[test]
    fn relative_periods() {
        let v = values(
            "Last year sales rose; this week, last month and next year too. The weekend was calm. Last fall it rained.",
            "1998-03-04",
        );
        assert_eq!(
            v,
            vec![
                pair("Last year", "1997"),
                pair("this week", "1998-W10"),
                pair("last month", "1998-02"),
                pair("next year", "1999"),
                // Said on a Wednesday in the past tense: the weekend just gone.
                pair("The weekend", "1998-W09-WE"),
                pair("Last fall", "1997-FA"),
            ]
        );
    }

    #[test]
    fn days_after_an_event_are_no_date_but_days_later_count() {
        let v = values(
            "Two days after the span fell, the city rerouted traffic. It reopened two days later.",
            "2025-03-06",
        );
        assert_eq!(v, vec![pair("two days later", "2025-03-08")]);
    }

    #[test]
    fn quarters_and_year_earlier_comparisons_follow_the_text() {
        let v = values(
            "Net income rose in the third quarter from a year earlier. For the quarter, sales fell from the year-earlier period.",
            "1989-10-26",
        );
        assert_eq!(
            v,
            vec![
                pair("the third quarter", "1989-Q3"),
                pair("a year earlier", "1988-Q3"),
                pair("the quarter", "1989-Q3"),
                pair("the year-earlier period", "1988-Q3"),
            ]
        );
    }

    #[test]
    fn years_and_decades_but_not_amounts() {
        let v = values(
            "The group took control in 2014, a trend of the 1990s. It cost $2000, rose 2000% and hit 1,990 people.",
            "2024-02-29",
        );
        assert_eq!(v, vec![pair("2014", "2014"), pair("the 1990s", "199")]);
    }

    #[test]
    fn without_a_publication_date_only_absolute_dates() {
        let m = date_mentions("On Friday, March 3, 2023, and yesterday.", None);
        let v: Vec<_> = m.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(v, vec!["2023-03-03"]);
    }

    #[test]
    fn ambiguous_slash_dates_read_nearest_publication() {
        assert_eq!(
            values("Posted 08/04/2025 13:45 and 11/02/89.", "2025-04-08"),
            vec![
                pair("08/04/2025", "2025-04-08"),
                pair("11/02/89", "1989-11-02")
            ]
        );
    }

    #[test]
    fn holidays_and_year_quarters() {
        assert_eq!(
            values(
                "Sales fell over Thanksgiving. In the 1988 third quarter it rose.",
                "1999-12-01"
            ),
            vec![
                pair("Thanksgiving", "1999-11-25"),
                pair("the 1988 third quarter", "1988-Q3")
            ]
        );
        assert_eq!(easter(2024), Date::new(2024, 3, 31).ok());
        assert_eq!(
            values("They met last Christmas.", "2024-02-29"),
            vec![pair("last Christmas", "2023-12-25")]
        );
    }

    #[test]
    fn never_panics_on_odd_numbers() {
        for t in [
            "99/99/99",
            "Feb. 31, 2024",
            "0000-00-00",
            "32 December",
            "the 1600s",
            "99999 years ago",
            "200 decades ago",
            "Jan. 0",
        ] {
            let _ = date_mentions(t, Some(Date::constant(2024, 2, 29)));
            let _ = date_mentions(t, None);
        }
    }
}
