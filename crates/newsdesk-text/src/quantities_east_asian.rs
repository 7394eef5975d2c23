//! Quantities in Chinese and Japanese: `造成12人遇难` ("killed 12 people"), `80余人受伤`
//! ("more than 80 injured"), `遇难人数升至19人` ("the death toll rose to 19"), `約300世帯に避難指示`
//! ("evacuation ordered for about 300 households").
//!
//! These languages write a number, then a counter word that says what is counted (`人` people,
//! `户` households, `棟` buildings), and often the event right after it. A counter is required:
//! it is what tells a count from a date (`6月10日`) or a time (`3時`), which have counters of
//! their own that are not on the list.

use std::sync::OnceLock;

use regex::Regex;

use crate::quantities::{Qualifier, Quantity};
use crate::sentences::Span;

/// Counter words and units that say what a number counts.
const COUNTERS: &str = "人|名|户|戶|座|栋|棟|间|間|辆|輛|架|艘|家|所|处|處|起|公里|千米|公顷|公頃|亩|吨|噸|亿元|億元|万元|萬元|美元|元|世帯|戸|台|件|軒|隻|機|キロ|メートル|ミリ|万円|億円|円|トン|级|級";

/// What happened to what was counted, as the words right after the counter say it (Japanese
/// with its particle).
const EVENTS: &str = "遇难|遇難|罹难|罹難|死亡|丧生|喪生|身亡|受伤|受傷|伤亡|傷亡|失联|失聯|失踪|失蹤|被困|获救|獲救|撤离|撤離|疏散|转移|轉移|确诊|確診|感染|被捕|住院|が死亡|が負傷|がけが|が行方不明|が避難|に避難指示|が救助|が搬送|が浸水|が倒壊|が全壊";

/// Hedges before the number.
const BEFORE: &str = "约|約|大约|大約|近|将近|將近|超过|超過|逾|至少|最少|不少于|不少於|多达|多達|およそ|少なくとも|最大";

/// Digits, or Chinese numerals.
const NUMBER: &str = r"\d+(?:[.,]\d+)*|[〇零一二两兩三四五六七八九十百千万萬亿億]+";

fn count_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:(?P<event_first>遇难|遇難|死亡|受伤|受傷|伤亡|傷亡|失联|失聯|失踪|失蹤)人数(?:已经|已)?(?P<v1>升至|上升至|增至|增加到|增加至|达到|達到|达|達|超过|超過|为|為)(?P<q1>{BEFORE})?(?P<n1>{NUMBER})(?P<s1>万|萬|亿|億)?(?P<m1>余|餘|多)?(?P<c1>人|名))|(?:(?P<q>{BEFORE})?(?P<n>{NUMBER})(?P<s>万|萬|亿|億)?(?P<m>余|餘|多|以上|あまり|余り)?(?P<c>{COUNTERS})(?P<e>{EVENTS})?)"
        ))
        .expect("valid regex")
    })
}

/// The quantities stated in the sentences of a Chinese or Japanese text.
pub(crate) fn quantities_in(text: &str, spans: &[Span]) -> Vec<Quantity> {
    let mut out = Vec::new();
    for span in spans {
        let sentence = &text[span.start..span.end];
        for c in count_re().captures_iter(sentence) {
            let (hedge, number, scale, more, counter, event) = if c.name("event_first").is_some() {
                (
                    c.name("q1"),
                    c.name("n1"),
                    c.name("s1"),
                    c.name("m1"),
                    c.name("c1"),
                    c.name("event_first"),
                )
            } else {
                (
                    c.name("q"),
                    c.name("n"),
                    c.name("s"),
                    c.name("m"),
                    c.name("c"),
                    c.name("e"),
                )
            };
            let (Some(number), Some(counter)) = (number, counter) else {
                continue;
            };
            let digits = number.as_str().starts_with(|ch: char| ch.is_ascii_digit());
            let Some(mut value) = (if digits {
                number.as_str().replace(',', "").parse::<f64>().ok()
            } else {
                chinese_numeral(number.as_str())
            }) else {
                continue;
            };
            // `一起` ("together"), `一家` ("a family"), `一级` (first-level): a numeral one
            // is rarely a count; a magnitude is written in digits.
            if !digits && (value <= 1.0 || matches!(counter.as_str(), "级" | "級" | "起" | "家"))
            {
                continue;
            }
            value *= match scale.map(|s| s.as_str()) {
                Some("万" | "萬") => 1e4,
                Some("亿" | "億") => 1e8,
                _ => 1.0,
            };
            // `受伤人数超过120人`: the toll "exceeds" 120.
            let exceeds = c
                .name("v1")
                .is_some_and(|v| matches!(v.as_str(), "超过" | "超過"));
            let qualifier = match (hedge.map(|h| h.as_str()), more.map(|m| m.as_str())) {
                _ if exceeds => Qualifier::MoreThan,
                (_, Some("以上")) => Qualifier::AtLeast,
                (_, Some(_)) => Qualifier::MoreThan,
                (Some("至少" | "最少" | "不少于" | "不少於" | "少なくとも"), _) => {
                    Qualifier::AtLeast
                }
                (Some("超过" | "超過" | "逾"), _) => Qualifier::MoreThan,
                (Some("最大"), _) => Qualifier::AtMost,
                (Some(_), _) => Qualifier::About,
                (None, None) => Qualifier::Exact,
            };
            let start = match c.name("v1") {
                Some(v) if exceeds => v.start(),
                _ => hedge.unwrap_or(number).start(),
            };
            // `第3名` is third place, not three people.
            if sentence[..number.start()].ends_with('第') {
                continue;
            }
            let end = more.map_or(counter.end(), |m| m.end().max(counter.end()));
            out.push(Quantity {
                value,
                upper: value,
                qualifier,
                noun: Some(counter.as_str().to_owned()),
                event: event.map(|e| e.as_str().trim_start_matches(['が', 'に']).to_owned()),
                surface: sentence[start..end].to_owned(),
                sentence: (span.start, span.end),
            });
        }
    }
    out
}

/// The value of a number written in Chinese numerals: `二十八` 28, `一百五十` 150,
/// `三十万` 300,000, `两千` 2,000.
fn chinese_numeral(s: &str) -> Option<f64> {
    let digit = |c: char| -> Option<f64> {
        Some(match c {
            '〇' | '零' => 0.0,
            '一' => 1.0,
            '二' | '两' | '兩' => 2.0,
            '三' => 3.0,
            '四' => 4.0,
            '五' => 5.0,
            '六' => 6.0,
            '七' => 7.0,
            '八' => 8.0,
            '九' => 9.0,
            _ => return None,
        })
    };
    let (mut total, mut section, mut current) = (0.0, 0.0, 0.0);
    let mut any = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            current = d;
            any = true;
            continue;
        }
        let unit = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' | '萬' => 1e4,
            '亿' | '億' => 1e8,
            _ => return None,
        };
        any = true;
        if unit >= 1e4 {
            section += current;
            total += section * unit;
            section = 0.0;
        } else {
            // `十五` is fifteen: a ten with no digit before it is one ten.
            section += if current == 0.0 { 1.0 } else { current } * unit;
        }
        current = 0.0;
    }
    any.then_some(total + section + current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::sentences;

    fn read(text: &str) -> Vec<(f64, Qualifier, String, Option<String>)> {
        quantities_in(text, &sentences(text))
            .into_iter()
            .map(|q| (q.value, q.qualifier, q.noun.unwrap_or_default(), q.event))
            .collect()
    }

    #[test]
    fn chinese_counts_with_their_events() {
        assert_eq!(
            read("截至上午九时，地震已造成12人遇难，另有80余人受伤。"),
            vec![
                (12.0, Qualifier::Exact, "人".into(), Some("遇难".into())),
                (80.0, Qualifier::MoreThan, "人".into(), Some("受伤".into())),
            ]
        );
        assert_eq!(
            read("此次地震遇难人数已升至19人，受伤人数超过120人。"),
            vec![
                (19.0, Qualifier::Exact, "人".into(), Some("遇难".into())),
                (120.0, Qualifier::MoreThan, "人".into(), Some("受伤".into())),
            ]
        );
        // Dates, times, a first-level response and a place are not counts; a length in
        // numerals is.
        assert_eq!(
            read("6月10日凌晨3时许，省政府启动一级应急响应，他获得第3名，全长二十八公里。"),
            vec![(28.0, Qualifier::Exact, "公里".into(), None)]
        );
    }

    #[test]
    fn japanese_counts() {
        assert_eq!(
            read("市は川沿いの約300世帯に避難指示を出した。床上浸水は少なくとも150棟に上る。"),
            vec![
                (
                    300.0,
                    Qualifier::About,
                    "世帯".into(),
                    Some("避難指示".into())
                ),
                (150.0, Qualifier::AtLeast, "棟".into(), None),
            ]
        );
    }

    #[test]
    fn numerals() {
        assert_eq!(chinese_numeral("二十八"), Some(28.0));
        assert_eq!(chinese_numeral("十五"), Some(15.0));
        assert_eq!(chinese_numeral("一百五十"), Some(150.0));
        assert_eq!(chinese_numeral("三十万"), Some(300_000.0));
        assert_eq!(chinese_numeral("两千"), Some(2000.0));
        assert_eq!(chinese_numeral("地震"), None);
    }
}
