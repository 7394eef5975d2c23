//! Named entities by their shape: runs of capitalised words.
//!
//! News names its people, organisations and places in capitals, and a rule that reads those
//! runs (joining "of", "al-", "de" inside them, dropping sentence-initial function words and
//! titles such as "President") finds most of them at a tiny fraction of a tagger's cost. The
//! kind is a guess from the words around and inside the name.

use serde::{Deserialize, Serialize};

use crate::sentences::sentences;
use crate::stopwords::is_stopword;

/// What sort of thing an entity names, as far as its shape tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Other,
}

/// One named entity of a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The name as first written, titles removed ("Mohammed Shia al-Sudani").
    pub text: String,
    /// The comparison key: lower case, periods dropped, common aliases joined ("united states").
    pub key: String,
    pub kind: EntityKind,
    /// Mentions in the text.
    pub count: u32,
}

/// Words that can sit inside a name without capitals.
const CONNECTORS: &[&str] = &[
    "of", "al", "el", "de", "del", "della", "di", "da", "bin", "ibn", "van", "von", "der", "la",
    "le", "du", "for",
];

/// Titles and roles written before names; kept out of the name itself.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "secretary",
    "mayor",
    "governor",
    "gov",
    "senator",
    "sen",
    "rep",
    "representative",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "chief",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "ambassador",
    "chancellor",
    "commissioner",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "inspector",
    "detective",
    "sheriff",
    "councillor",
    "councilor",
    "deputy",
    "chairman",
    "chairwoman",
    "ceo",
    "coach",
    "sir",
    "dame",
    "lord",
    "lady",
    "saint",
    "iraqi",
    "american",
    "british",
    "french",
    "german",
];

const MONTHS_AND_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const ORGANISATION_WORDS: &[&str] = &[
    "ministry",
    "committee",
    "commission",
    "council",
    "agency",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "company",
    "party",
    "university",
    "bank",
    "army",
    "navy",
    "forces",
    "coalition",
    "association",
    "department",
    "office",
    "court",
    "police",
    "union",
    "institute",
    "group",
    "organisation",
    "organization",
    "authority",
    "service",
    "parliament",
    "congress",
    "senate",
    "reuters",
    "press",
    "news",
    "times",
    "journal",
    "wire",
    "front",
    "movement",
    "state",
    "nations",
    "fund",
    "board",
    "federation",
    "league",
    "club",
    "hospital",
    "school",
    "museum",
];

const PLACE_WORDS: &[&str] = &[
    "city",
    "county",
    "province",
    "river",
    "lake",
    "island",
    "islands",
    "mountains",
    "valley",
    "bay",
    "gulf",
    "sea",
    "ocean",
    "street",
    "road",
    "square",
    "district",
    "region",
    "republic",
    "kingdom",
    "port",
    "bridge",
    "harbour",
    "harbor",
];

/// A token of the original text, with surrounding punctuation noted.
struct Token<'a> {
    word: &'a str,
    /// Punctuation after the word ends a name (comma, period, colon, quote…).
    breaks_after: bool,
}

fn tokens(sentence: &str) -> Vec<Token<'_>> {
    sentence
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '—' | '–' | '/' | '“' | '”' | '"' | '(' | ')')
        })
        .filter_map(|raw| {
            let start = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
            let leading_break = start.len() != raw.len();
            let mut word = start.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            // Keep the period of "U.S." but not of a sentence end.
            if word.ends_with('.') && !word[..word.len() - 1].contains('.') {
                word = &word[..word.len() - 1];
            }
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word);
            let breaks_after = word.len() + (raw.len() - start.len()) < raw.len()
                || raw.ends_with("'s")
                || raw.ends_with("’s");
            if word.is_empty() {
                return None;
            }
            let _ = leading_break;
            Some(Token { word, breaks_after })
        })
        .collect()
}

/// `US`, `NATO`: all capitals, two letters or more.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Finds the named entities of `text`, in order of first mention.
pub fn entities(text: &str) -> Vec<Entity> {
    let lower_words: std::collections::HashSet<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let spans = sentences(text);
    let mut capitalised_inside = std::collections::HashSet::new();
    for span in &spans {
        for t in tokens(&text[span.start..span.end]).iter().skip(1) {
            if is_capitalised(t.word) {
                capitalised_inside.insert(t.word);
            }
        }
    }
    let mut out: Vec<Entity> = Vec::new();
    for span in spans {
        let sentence = &text[span.start..span.end];
        let toks = tokens(sentence);
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalised(toks[i].word) {
                i += 1;
                continue;
            }
            // Grow the run: capitalised words, with connectors inside it.
            let mut j = i;
            let mut last_cap = i;
            while j < toks.len() {
                let w = toks[j].word;
                if is_capitalised(w) || (j > i && is_particle_name(w)) {
                    last_cap = j;
                } else if !(CONNECTORS.contains(&w.to_lowercase().as_str()) || is_particle_name(w))
                    || j == i
                {
                    break;
                }
                if toks[j].breaks_after {
                    break;
                }
                j += 1;
            }
            let run: Vec<&str> = toks[i..=last_cap].iter().map(|t| t.word).collect();
            let preceding = if i > 0 { Some(toks[i - 1].word) } else { None };
            if let Some(entity) =
                name_from_run(&run, i == 0, preceding, &lower_words, &capitalised_inside)
            {
                match out.iter_mut().find(|e| e.key == entity.key) {
                    Some(e) => e.count += 1,
                    None => out.push(entity),
                }
            }
            i = last_cap + 1;
        }
    }
    out
}

/// `al-Sudani`, `bin-Salman`: lower-case particles joined to a capitalised name.
fn is_particle_name(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(p, rest)| CONNECTORS.contains(&p) && is_capitalised(rest))
}

fn name_from_run(
    run: &[&str],
    sentence_start: bool,
    preceding: Option<&str>,
    lower_words: &std::collections::HashSet<&str>,
    capitalised_inside: &std::collections::HashSet<&str>,
) -> Option<Entity> {
    let mut words: Vec<&str> = run.to_vec();
    let mut titled = false;
    // Sentence-initial function words ("The", "According") and titles are not the name.
    while let Some(first) = words.first() {
        let lower = first.to_lowercase();
        let lower = lower.trim_end_matches('.');
        let before_title = words
            .get(1)
            .is_some_and(|next| TITLES.contains(&next.to_lowercase().trim_end_matches('.')));
        if words.len() > 1 && (TITLES.contains(&lower) || (before_title && words.len() > 2)) {
            titled = true;
            words.remove(0);
        } else if (is_stopword(lower, "en") && !is_acronym(first))
            || (words.len() > 1 && MONTHS_AND_DAYS.contains(&lower))
            || (sentence_start && words.len() == run.len() && lower_words.contains(lower))
        {
            words.remove(0);
        } else {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    if words.len() == 1 {
        let lower = words[0].to_lowercase();
        if MONTHS_AND_DAYS.contains(&lower.as_str())
            || (is_stopword(&lower, "en") && !is_acronym(words[0]))
            || words[0].chars().count() < 2
            || words[0].chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        // A lone capitalised word that the text also writes in lower case is a common word
        // at the start of a sentence or heading.
        if lower_words.contains(lower.as_str()) {
            return None;
        }
        // A lone word opening a sentence is capitalised by grammar, not because it is a name:
        // it counts only when the text also capitalises it elsewhere.
        if sentence_start && run.len() == 1 && !capitalised_inside.contains(words[0]) {
            return None;
        }
    }
    let text = words.join(" ");
    let lower_words_of: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let kind = if lower_words_of
        .iter()
        .any(|w| ORGANISATION_WORDS.contains(&w.as_str()))
        || words.iter().all(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        }) && words.len() == 1
            && words[0].len() <= 5
            && words[0].len() >= 3
    {
        EntityKind::Organisation
    } else if lower_words_of
        .iter()
        .any(|w| PLACE_WORDS.contains(&w.as_str()))
        || preceding.is_some_and(|p| matches!(p, "in" | "at" | "from" | "near" | "to"))
    {
        EntityKind::Place
    } else if titled || (2..=4).contains(&words.len()) {
        EntityKind::Person
    } else {
        EntityKind::Other
    };
    Some(Entity {
        key: normalise_entity(&text),
        text,
        kind,
        count: 1,
    })
}

/// The comparison key of a name: lower case, periods and possessives dropped, and the common
/// aliases of the same thing joined ("U.S.", "US", "United States", "America").
pub fn normalise_entity(name: &str) -> String {
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    let key: String = name
        .to_lowercase()
        .replace(['.', '\u{2019}', '\''], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match key.as_str() {
        "us" | "usa" | "united states" | "united states of america" | "america" => {
            "united states".into()
        }
        "uk" | "united kingdom" | "britain" | "great britain" => "united kingdom".into(),
        "un" | "united nations" => "united nations".into(),
        "eu" | "european union" => "european union".into(),
        "is" | "isis" | "isil" | "islamic state" | "daesh" => "islamic state".into(),
        _ => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        entities(text).into_iter().map(|e| e.text).collect()
    }

    #[test]
    fn finds_names_and_drops_titles() {
        let text = "Iraqi Prime Minister Mohammed Shia al-Sudani met the U.S. envoy in Baghdad. The talks were long, said Foreign Minister Fuad Hussein.";
        let found = names(text);
        assert!(
            found.contains(&"Mohammed Shia al-Sudani".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"U.S.".to_string()), "{found:?}");
        assert!(found.contains(&"Baghdad".to_string()), "{found:?}");
        assert!(found.contains(&"Fuad Hussein".to_string()), "{found:?}");
        assert!(!found.iter().any(|n| n == "The"), "{found:?}");
    }

    #[test]
    fn role_words_before_a_title_go_with_it() {
        let found = names("Officials met Transport Minister Jonas Brekke. On Monday President Lea Tan spoke. The Health Ministry said nothing.");
        assert!(found.contains(&"Lea Tan".to_string()), "{found:?}");
        assert!(found.contains(&"Jonas Brekke".to_string()), "{found:?}");
        assert!(found.contains(&"Health Ministry".to_string()), "{found:?}");
    }

    #[test]
    fn joins_aliases_by_key() {
        assert_eq!(normalise_entity("U.S."), "united states");
        assert_eq!(normalise_entity("United States"), "united states");
        assert_eq!(normalise_entity("Iraq’s"), "iraq");
        let e = entities("The US said so. The United States agreed.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].count, 2);
    }

    #[test]
    fn organisations_and_places() {
        let e = entities(
            "Officials of the Higher Military Commission arrived in Port Meridian on Monday.",
        );
        let commission = e
            .iter()
            .find(|e| e.text == "Higher Military Commission")
            .expect("commission");
        assert_eq!(commission.kind, EntityKind::Organisation);
        let port = e.iter().find(|e| e.text == "Port Meridian").expect("port");
        assert_eq!(port.kind, EntityKind::Place);
        assert!(!e.iter().any(|e| e.text == "Monday"));
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let e = names("Relations are fraying. Officials said relations would improve.");
        assert!(e.is_empty(), "{e:?}");
    }
}
