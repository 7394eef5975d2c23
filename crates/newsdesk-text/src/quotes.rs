//! Quotes, reported speech and who said them.
//!
//! [`quotes`] finds direct quotes: text between quotation marks, three words or more. Its
//! speaker is read from the attribution around it: `"…," said Mayor Ana Ribeiro`, `"…," the
//! official told Reuters`, `An Iraqi military spokesman said: "…"`, `According to a US source,
//! "…"`. A quote whose closing mark never comes (scraped text loses them) runs to the end of its
//! paragraph, and an attribution at its tail (`…, the official told Reuters.`) is cut off and
//! read.
//!
//! [`attributions`] adds reported speech: a cue verb with its subject and the clause it
//! reports (`The mayor said that power would be back by tonight`, `Power will be back, she
//! said.`, `According to the utility, 3,400 homes are without power`, `A study found that …`).

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// One quote, or (from [`attributions`]) one reported statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks (for reported speech: the reported clause).
    pub text: String,
    /// Who said it, as the text names them ("an Iraqi military spokesman", "Mayor Ana Ribeiro");
    /// a pronoun ("she said") is resolved to the speaker named before.
    pub speaker: Option<String>,
    /// The cue verb ("said", "told", "according to").
    pub cue: Option<String>,
    /// Byte range of the quoted words in the text.
    pub span: (usize, usize),
    /// Byte range where the attribution names the speaker: the pronoun itself for "she said",
    /// though `speaker` is resolved. `None` without a speaker (and in analyses stored before
    /// this field existed).
    #[serde(default)]
    pub speaker_span: Option<(usize, usize)>,
    /// Words between quotation marks (`true`) or reported speech (`false`).
    #[serde(default = "direct_by_default")]
    pub direct: bool,
}

/// Analyses stored before reported speech existed hold direct quotes only.
fn direct_by_default() -> bool {
    true
}

const CUES: &str = r"said|says|told|added|stated|noted|explained|warned|insisted|argued|wrote|declared|announced|asked|replied|recalled|stressed|urged|tweeted|posted";

/// One character of a speaker's name or of the words around it: no clause punctuation, but the
/// full stops of titles and initials (`Mr. Obama`, `Gov. Terry McAuliffe`, `U.S. officials`).
/// ASCII word boundaries: a Unicode `\b` sends the regex engine off its fast automaton on any
/// non-ASCII text, and titles and initials are ASCII anyway.
const NAME: &str = r"(?:(?-u:\b)(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Adm|Jr|Sr|Prof|Rev|St)\.|(?-u:\b)[A-Z]\.|[^,.;:!?“”])";

/// The attribution patterns repeat a name character many times over, which makes for a large
/// automaton; a roomier cache keeps the lazy DFA from rebuilding its states on every search.
fn build(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .build()
        .expect("valid regex")
}

/// Titles and initials whose full stop ends no sentence.
fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphabetic() && c != '.')
        .next()
        .unwrap_or("");
    let word = word.rsplit('.').next().unwrap_or(word);
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gov"
                | "Sen"
                | "Rep"
                | "Gen"
                | "Lt"
                | "Col"
                | "Sgt"
                | "Capt"
                | "Adm"
                | "Jr"
                | "Sr"
                | "Prof"
                | "Rev"
                | "St"
        )
}

fn after_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        build(&format!(
            r"^[\s,.]*(?:(?P<cue1>{CUES})\s+(?P<sp1>{NAME}{{2,}})|(?P<sp2>{NAME}{{2,}}?)\s+(?P<cue2>{CUES})(?:\s+{NAME}*)?|(?P<sp3>{NAME}{{2,}}?),\s+{NAME}{{2,}}?,\s+(?P<cue3>{CUES})(?:\s+{NAME}*)?)\s*(?:[,.;:!?]|$)"
        ))
    })
}

fn before_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        build(&format!(
            r#"(?i:according to)\s+(?P<sp1>{NAME}{{2,}})[,:]?\s*$|(?:^|[.!?]\s+|,\s+|[”"]\s*)(?P<sp2>{NAME}{{2,}}?)\s+(?P<cue>{CUES})(?-u:\b)[^.!?“”"]{{0,60}}$"#
        ))
    })
}

fn tail_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        build(&format!(
            r",\s+(?P<sp>{NAME}{{2,}}?)\s+(?P<cue>{CUES})(?:\s+{NAME}*)?\.?\s*$"
        ))
    })
}

/// The patterns anchored at the end of a stretch (`before_re`, `tail_re`) look only at its last
/// few hundred bytes: an attribution names its speaker right next to the quote, and searching
/// whole paragraphs made quote finding the slowest part of the analysis. The window also bounds
/// how long a speaker these patterns can return (they repeat name characters without a count,
/// because counted repetitions blow up the regex automaton); `quotes` keeps speakers of ten
/// words at most.
const END_ANCHORED_WINDOW: usize = 320;

/// Start of the window of `text[from..to]` that an end-anchored pattern needs to see: `from`
/// itself when the stretch is short, else a word start about `END_ANCHORED_WINDOW` bytes
/// before `to`.
fn window_start(text: &str, from: usize, to: usize) -> usize {
    if to.saturating_sub(from) <= END_ANCHORED_WINDOW {
        return from;
    }
    let mut at = to - END_ANCHORED_WINDOW;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    // Begin after a space, so that the window never starts inside a word.
    match text[at..to].char_indices().find(|(_, c)| c.is_whitespace()) {
        Some((i, c)) => at + i + c.len_utf8(),
        None => at,
    }
}

/// Finds the direct quotes of `text` and their speakers.
pub fn quotes(text: &str) -> Vec<Quote> {
    let masked = mask_parentheticals(text);
    unmask(direct_quotes(&masked))
}

/// Stands in, while quotes are read, for a full stop inside a short parenthetical after a name
/// (`Rep. Lena Ortiz (D-Ore.) said`, `Acme Corp. (NYSE: ACM.N) said`): read as a full stop it
/// would end the speaker's name or the sentence. One byte, like the full stop, so every byte
/// offset stays true; a control character no prose holds.
const MASKED_STOP: char = '\u{1f}';

/// Longest parenthetical, in bytes, whose full stops are masked.
const SHORT_PARENTHETICAL: usize = 24;

/// `text` with each full stop inside a short parenthetical (no line break, no nested bracket)
/// replaced by [`MASKED_STOP`].
fn mask_parentheticals(text: &str) -> std::borrow::Cow<'_, str> {
    let mut masked: Option<Vec<u8>> = None;
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|p| from + p) {
        let inner = &text[open + 1..];
        let Some(close) = inner
            .char_indices()
            .take_while(|&(i, c)| i <= SHORT_PARENTHETICAL && !matches!(c, '(' | '\n'))
            .find(|&(_, c)| c == ')')
            .map(|(i, _)| open + 1 + i)
        else {
            from = open + 1;
            continue;
        };
        for k in open + 1..close {
            if bytes[k] == b'.' {
                masked.get_or_insert_with(|| bytes.to_vec())[k] = MASKED_STOP as u8;
            }
        }
        from = close + 1;
    }
    match masked {
        // Only ASCII full stops were replaced, by ASCII: still UTF-8.
        Some(m) => {
            std::borrow::Cow::Owned(String::from_utf8(m).unwrap_or_else(|_| text.to_owned()))
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Quotes read from a masked text, with their full stops back.
fn unmask(mut quotes: Vec<Quote>) -> Vec<Quote> {
    let restore = |s: &mut String| {
        if s.contains(MASKED_STOP) {
            *s = s.replace(MASKED_STOP, ".");
        }
    };
    for q in &mut quotes {
        restore(&mut q.text);
        if let Some(s) = q.speaker.as_mut() {
            restore(s);
        }
    }
    quotes
}

/// [`quotes`] over a text whose parentheticals are already masked.
fn direct_quotes(text: &str) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut from = 0;
    while let Some((open, open_len)) = find_open(text, from) {
        let content_start = open + open_len;
        let para_end = text[content_start..]
            .find("\n\n")
            .map_or(text.len(), |p| content_start + p);
        let close = find_close(&text[content_start..para_end], &text[open..content_start])
            .map(|(c, len)| (content_start + c, len));
        let (mut content_end, resume) = match close {
            Some((c, len)) => (c, c + len),
            None => (para_end, para_end),
        };
        // The speaker as a byte range of `text`, and the cue.
        let mut speaker: Option<(usize, usize)> = None;
        let mut cue = None;
        if close.is_none() {
            // An unclosed quote: the attribution, if any, is at its tail.
            let w = window_start(text, content_start, content_end);
            if let Some(c) = tail_re().captures(&text[w..content_end]) {
                let whole = c.get(0).expect("match");
                speaker = c.name("sp").map(|m| clean_speaker(text, w, m));
                cue = c.name("cue").map(|m| m.as_str().to_lowercase());
                content_end = w + whole.start();
            }
        }
        let words = text[content_start..content_end].split_whitespace().count();
        // "“Not yet,” Irena said": a word or two set off as dialogue (a comma, question or
        // exclamation mark inside the closing mark) is speech when a speaker follows; shorter
        // quoted phrases are otherwise scare quotes and titles.
        let dialogue = (1..3).contains(&words)
            && close.is_some()
            && text[content_start..content_end]
                .trim_end()
                .ends_with([',', '?', '!']);
        let dialogue_speaker = if dialogue {
            speaker_after(text, resume, para_end)
        } else {
            None
        };
        if dialogue && dialogue_speaker.is_none() {
            from = resume.max(content_start);
            continue;
        }
        if words >= 3 || dialogue {
            let para_start = text[..open].rfind("\n\n").map_or(0, |p| p + 2);
            let para_start = window_start(text, para_start, open);
            let before = before_re().captures(&text[para_start..open]);
            // "According to X, “…”" names the speaker right before the quote: it wins.
            if let Some(m) = before
                .as_ref()
                .and_then(|c| c.name("sp1"))
                .filter(|_| speaker.is_none())
            {
                speaker = Some(clean_speaker(text, para_start, m));
                cue = Some("according to".to_owned());
            }
            // A quote that closes its sentence (`said: "… tonight." Officials said …`) belongs
            // to the attribution before it, when there is one: what follows is a new sentence.
            let closes_sentence = text[content_start..content_end].trim_end().ends_with('.');
            if speaker.is_none() && closes_sentence {
                if let Some(c) = &before {
                    speaker = c.name("sp2").map(|m| clean_speaker(text, para_start, m));
                    cue = c.name("cue").map(|m| m.as_str().to_lowercase());
                }
            }
            let after = match dialogue_speaker {
                Some(found) => Some(found),
                None if speaker.is_none() => speaker_after(text, resume, para_end),
                None => None,
            };
            if let Some((sp, c)) = after {
                speaker = Some(sp);
                cue = Some(c);
            }
            if speaker.is_none() && !dialogue {
                speaker = dash_signature(text, resume, para_end);
            }
            if speaker.is_none() {
                if let Some(c) = &before {
                    speaker = c.name("sp2").map(|m| clean_speaker(text, para_start, m));
                    cue = c.name("cue").map(|m| m.as_str().to_lowercase());
                }
            }
            let speaker_span =
                speaker.filter(|&(a, b)| a < b && text[a..b].split_whitespace().count() <= 10);
            let mut name = speaker_span.map(|(a, b)| text[a..b].to_owned());
            // "he said": the speaker is the one named before, a speaker or, when one is named
            // since, the last person the text names (`Felix Aranda, 31, was on his break. “…,”
            // he said`).
            if name.as_deref().is_some_and(is_pronoun) {
                let last_speaker = out.iter().rev().find(|q| q.speaker.is_some());
                let since = last_speaker
                    .and_then(|q| q.speaker_span)
                    .map_or(0, |(_, end)| end)
                    .max(text[..open].rfind("\n\n").map_or(0, |p| p + 2))
                    .min(open);
                let named = last_person(text, since, open).map(|written| {
                    // A surname alone is the full name a speaker had before.
                    out.iter()
                        .rev()
                        .filter_map(|q| q.speaker.as_deref())
                        .find(|s| s.ends_with(&format!(" {written}")))
                        .map_or_else(|| written.to_owned(), str::to_owned)
                });
                name = named
                    .or_else(|| last_speaker.and_then(|q| q.speaker.clone()))
                    .or(name);
            }
            let quoted = text[content_start..content_end]
                .trim()
                .trim_end_matches(',')
                .to_owned();
            out.push(Quote {
                text: quoted,
                cue: cue.filter(|_| name.is_some()),
                speaker: name,
                span: (content_start, content_end),
                speaker_span,
                direct: true,
            });
        }
        from = resume.max(content_start);
    }
    share_speakers_within_sentences(text, &mut out);
    out
}

/// The person a pronoun after `text[from..to]` most likely means, as written: the subject of
/// the last sentence there that names one, i.e. the first person it names (`Mayor Ana Ribeiro,
/// who cut short a visit to the capital, Valdera, declared …. “…,” she said` is the mayor).
/// Only that stretch is read: the paragraph before a quote, after its last speaker. One who
/// reports speech there counts as named where the report names them, and a name inside what
/// they report does not: after `Aldous said Vellmark's exporters would benefit.`, "he" is
/// Aldous, not Vellmark.
fn last_person(text: &str, from: usize, to: usize) -> Option<&str> {
    let slice = text.get(from..to)?;
    let sentences = crate::sentences::sentences(slice);
    let reports = reported(slice, &sentences);
    let reported_by = reports
        .iter()
        .filter_map(|r| r.speaker_span.filter(|&(a, b)| !is_pronoun(&slice[a..b])));
    let named = crate::entities::entity_mentions(slice)
        .into_iter()
        .filter(|m| m.kind == crate::entities::EntityKind::Person)
        .filter(|m| {
            !reports
                .iter()
                .any(|r| r.span.0 <= m.start && m.end <= r.span.1)
        })
        .map(|m| (m.start, m.end));
    let candidates: Vec<(usize, usize)> = named.chain(reported_by).collect();
    let last = candidates.iter().map(|&(start, _)| start).max()?;
    let sentence = sentences
        .iter()
        .find(|s| s.start <= last && last < s.end)
        .map_or(0, |s| s.start);
    candidates
        .into_iter()
        .filter(|&(start, _)| start >= sentence)
        .min_by_key(|&(start, _)| start)
        .map(|(start, end)| &slice[start..end])
}

/// Quotes in one sentence have one speaker: `He noted that as long as “…,” the meetings would
/// go on to “…”` gives both quotes to him.
fn share_speakers_within_sentences(text: &str, quotes: &mut [Quote]) {
    let same_sentence = |a: &Quote, b: &Quote| {
        !a.text.ends_with(['.', '!', '?'])
            && text.get(a.span.1..b.span.0).is_some_and(|between| {
                !between.contains(['.', '!', '?']) && !between.contains("\n\n")
            })
    };
    for i in 1..quotes.len() {
        if quotes[i].speaker.is_none()
            && quotes[i - 1].speaker.is_some()
            && same_sentence(&quotes[i - 1], &quotes[i])
        {
            quotes[i].speaker = quotes[i - 1].speaker.clone();
            quotes[i].speaker_span = quotes[i - 1].speaker_span;
            quotes[i].cue = quotes[i - 1].cue.clone();
        }
    }
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        if quotes[i].speaker.is_none()
            && quotes[i + 1].speaker.is_some()
            && same_sentence(&quotes[i], &quotes[i + 1])
        {
            quotes[i].speaker = quotes[i + 1].speaker.clone();
            quotes[i].speaker_span = quotes[i + 1].speaker_span;
            quotes[i].cue = quotes[i + 1].cue.clone();
        }
    }
}

/// The speaker named after a quote's closing mark (`…,” said Mayor Ana Ribeiro.`, `…,” she
/// said`), in the sentence that `resume` starts, and the cue.
fn speaker_after(text: &str, resume: usize, para_end: usize) -> Option<((usize, usize), String)> {
    let sentence_end = sentence_end(text, resume, para_end);
    let c = after_re().captures(&text[resume..sentence_end])?;
    // "…,” Kessler, a city engineer, said Thursday.": the name before the aside (`sp3`).
    let speaker = c
        .name("sp1")
        .or(c.name("sp2"))
        .or(c.name("sp3"))
        .map(|m| clean_speaker(text, resume, m))?;
    let cue = c
        .name("cue1")
        .or(c.name("cue2"))
        .or(c.name("cue3"))?
        .as_str()
        .to_lowercase();
    Some((speaker, cue))
}

/// `“…” ― Marta Velasquez`: a quote signed with a dash and a name that ends its line, as
/// pull quotes, testimonials and readers' voices are. The name: one to five words, each
/// capitalised (an initial, a particle or a comma and a role after it may follow).
fn dash_signature(text: &str, resume: usize, para_end: usize) -> Option<(usize, usize)> {
    let rest = &text[resume..para_end];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let line = &rest[..line_end];
    let after_dash = line.trim_start().strip_prefix(['―', '—', '–', '-'])?;
    let name = after_dash.trim();
    let head = name.split(',').next().unwrap_or("").trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                *w,
                "de" | "van" | "von" | "der" | "da" | "del" | "la" | "le" | "bin" | "al"
            )
    };
    if words.is_empty()
        || words.len() > 5
        || !words.iter().all(capitalised)
        || name.ends_with(['.', '!', '?']) && !name.ends_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let start = resume
        + (line.len() - after_dash.len())
        + (after_dash.len() - after_dash.trim_start().len());
    Some((start, start + name.len()))
}

/// The next opening mark: `“`, or `"` or `''` (two apostrophes, as some archives write
/// quotation marks) at the start of a word.
fn find_open(text: &str, from: usize) -> Option<(usize, usize)> {
    text[from..]
        .char_indices()
        .find(|&(i, c)| {
            let word_start = || {
                text[..from + i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
            };
            c == '“'
                || (c == '"' && word_start())
                || (c == '\'' && text[from + i..].starts_with("''") && word_start())
        })
        .map(|(i, c)| {
            let len = if c == '\'' { 2 } else { c.len_utf8() };
            (from + i, len)
        })
}

fn find_close(segment: &str, open: &str) -> Option<(usize, usize)> {
    if open == "''" {
        return segment.find("''").map(|i| (i, 2));
    }
    let closers: &[char] = if open == "“" {
        &['”', '"']
    } else {
        &['"', '”']
    };
    segment
        .char_indices()
        .find(|(_, c)| closers.contains(c))
        .map(|(i, c)| (i, c.len_utf8()))
}

fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let slice = &text[from..limit];
    // Skip the punctuation that directly follows the closing mark ("…," said X.)
    let skip = slice.len() - slice.trim_start_matches([',', '.', ' ']).len();
    let rest = &slice[skip..];
    rest.char_indices()
        .find(|&(p, c)| {
            matches!(c, '!' | '?' | '“' | '"') || (c == '.' && !ends_abbreviation(&rest[..p]))
        })
        .map_or(limit, |(p, c)| from + skip + p + c.len_utf8())
}

/// The speaker a regex caught (`m`, in the slice of `text` that starts at `base`) as a byte
/// range of `text`, less what is not part of the name: "told Reuters on Monday" objects and
/// time phrases, a leading "and".
fn clean_speaker(text: &str, base: usize, m: regex::Match<'_>) -> (usize, usize) {
    let (mut start, mut end) = (base + m.start(), base + m.end());
    let trim = |start: &mut usize, end: &mut usize| {
        let s = &text[*start..*end];
        *start += s.len() - s.trim_start().len();
        *end = *start + s.trim().len();
    };
    trim(&mut start, &mut end);
    (start, end) = without_time_phrase(text, (start, end));
    while text[start..end].starts_with("and ") {
        start += 4;
    }
    (start, with_abbreviation_stop(text, start, end))
}

/// The end of a speaker's name at `text[start..end]`, taking in the full stop of an
/// abbreviation that closes it (`the U.S.`, `Acme Inc.`, `Martin Luther King Jr.`): word
/// boundaries leave it out, and without it the name reads `the U.S`.
fn with_abbreviation_stop(text: &str, start: usize, end: usize) -> usize {
    if !text[end..].starts_with('.') {
        return end;
    }
    let last = text[start..end]
        .rsplit(|c: char| !c.is_alphabetic() && c != '.')
        .next()
        .unwrap_or("");
    let initialism = last.contains('.')
        && last
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    let closing = matches!(
        last,
        "Jr" | "Sr" | "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Mfg" | "Intl"
    );
    if initialism || closing {
        end + 1
    } else {
        end
    }
}

/// A speaker without the time or place phrase that follows the name (`…, said Acme Inc. on
/// Friday.`, `told Reuters in a statement`, `said Mayor Ana Ribeiro at a briefing at City
/// Hall`). "At the" stays when it tells where the speaker works (`a spokesman at the
/// embassy`), and goes only before an occasion (`at the signing ceremony`).
fn without_time_phrase(text: &str, (start, mut end): (usize, usize)) -> (usize, usize) {
    for cut in [" on ", " in a ", " in an ", " at a ", " at an ", " during "] {
        if let Some(p) = text[start..end].find(cut) {
            end = start + p;
        }
    }
    if let Some(p) = text[start..end].find(" at the ") {
        let occasion = text[start + p + 8..end]
            .split(|c: char| !c.is_alphanumeric())
            .take(3)
            .any(|w| OCCASIONS.contains(&w.to_lowercase().as_str()));
        if occasion {
            end = start + p;
        }
    }
    (start, start + text[start..end].trim_end().len())
}

/// Occasions a speaker speaks at, which are no part of who they are.
const OCCASIONS: &[&str] = &[
    "briefing",
    "conference",
    "meeting",
    "rally",
    "ceremony",
    "summit",
    "hearing",
    "signing",
    "event",
    "funeral",
    "vigil",
    "launch",
    "session",
    "forum",
];

/// `he`, `she also`: a speaker that only points back at someone named before.
fn is_pronoun(s: &str) -> bool {
    let mut words = s.split_whitespace().map(str::to_lowercase);
    let first_is_pronoun = words
        .next()
        .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they" | "it" | "we" | "i"));
    first_is_pronoun
        && words
            .all(|w| w.ends_with("ly") || matches!(w.as_str(), "also" | "then" | "later" | "too"))
}

/// Verbs that report what someone said or thinks, whatever follows them (`X said the plan …`,
/// `X told reporters the plan …`, `…, X said.`).
const SPEECH_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "note",
    "noted",
    "explain",
    "explains",
    "explained",
    "warn",
    "warns",
    "warned",
    "insist",
    "insists",
    "insisted",
    "argue",
    "argues",
    "argued",
    "write",
    "writes",
    "wrote",
    "declare",
    "declares",
    "declared",
    "announce",
    "announces",
    "announced",
    "ask",
    "asks",
    "asked",
    "reply",
    "replies",
    "replied",
    "recall",
    "recalls",
    "recalled",
    "stress",
    "stresses",
    "stressed",
    "urge",
    "urges",
    "urged",
    "tweet",
    "tweets",
    "tweeted",
    "posted",
    "stated",
    "claimed",
    "contend",
    "contends",
    "contended",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "concede",
    "concedes",
    "conceded",
    "suggest",
    "suggests",
    "suggested",
    "predict",
    "predicts",
    "predicted",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "emphasize",
    "emphasizes",
    "emphasized",
    "complain",
    "complains",
    "complained",
    "allege",
    "alleges",
    "alleged",
    "assert",
    "asserts",
    "asserted",
    "charge",
    "charged",
    "vow",
    "vows",
    "vowed",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "promised",
    "testify",
    "testifies",
    "testified",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "repeated",
    "responded",
    "countered",
    "continued",
    "reported",
    "cautioned",
    "estimated",
    "estimates",
    "wondered",
    "mentioned",
    "observed",
    "indicated",
    "hinted",
    "speculated",
    "agreed",
    "agrees",
];

/// Words that report only with a that-clause after them (`A study found that …`, `Polls show
/// that …`): without it they are too often something else (`the body was found`, `TV shows`).
const THAT_VERBS: &[&str] = &[
    "found",
    "finds",
    "find",
    "show",
    "shows",
    "showed",
    "shown",
    "claim",
    "claims",
    "report",
    "reports",
    "notes",
    "know",
    "knows",
    "knew",
    "hope",
    "hopes",
    "hoped",
    "fear",
    "fears",
    "feared",
    "expect",
    "expects",
    "expected",
    "worry",
    "worries",
    "worried",
    "feel",
    "feels",
    "felt",
    "realize",
    "realized",
    "learned",
    "maintain",
    "maintains",
    "maintained",
    "state",
    "states",
    "agree",
    "argue",
    "insist",
    "point",
    "points",
    "pointed",
    "revealed",
    "reveals",
    "understand",
    "understands",
    "understood",
];

/// Words between a subject and its cue verb: `Trump has long said`, `she later told`.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "repeatedly",
    "again",
    "then",
    "once",
    "often",
    "long",
    "never",
    "not",
    "did",
    "does",
    "do",
    "didn't",
    "doesn't",
    "don't",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "even",
    "still",
    "already",
    "further",
    "simply",
    "just",
    "now",
    "first",
    "since",
    "ever",
    "always",
];

/// Words that cannot end a subject: the cue is then not a reporting verb of that subject
/// (`to say`, `was told`, `the notes`, `what he said` is caught by [`NOT_BEFORE_SUBJECT`]).
const NOT_SUBJECT: &[&str] = &[
    "to", "a", "an", "the", "was", "were", "is", "are", "be", "been", "being", "am", "of", "in",
    "on", "at", "for", "with", "by", "from", "as", "than", "and", "or", "but", "that", "this",
    "these", "those", "if", "when", "while", "because", "his", "her", "its", "their", "our", "my",
    "your", "not", "no", "so", "very", "too", "what", "how", "why", "where", "get", "got", "gets",
    "let", "lets", "make", "makes", "made", "hear", "heard", "'s", "about", "into", "over",
    "after", "before", "during", "against", "without", "under", "like", "more", "most", "such",
    "all", "some", "any", "each", "every", "other", "can't", "cannot", "won't",
];

/// Words that end a subject going back from its verb: they start the clause it is in.
const CLAUSE_START: &[&str] = &[
    "that", "and", "but", "or", "because", "when", "while", "if", "as", "since", "after", "before",
    "although", "though", "so", "where", "whether", "than", "until", "unless", "once", "yet",
    "what", "whom", "whose", "said", "says", "told",
];

/// Auxiliary and modal verbs: a phrase with one is a clause, not a name.
const AUXILIARIES: &[&str] = &[
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "did",
    "does",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "didn't",
    "doesn't",
    "don't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "shouldn't",
    "mustn't",
];

/// Words before a subject that make its clause an object, not a report (`what he said was`).
const NOT_BEFORE_SUBJECT: &[&str] = &["what", "whatever", "how", "all"];

/// Cues whose first word after them is their object, not what was said.
const TELL: &[&str] = &["told", "tell", "tells", "ask", "asks", "asked"];

/// Words that start a phrase about the saying, not what was said (`said in a statement`).
const AFTER_CUE_NOT_CONTENT: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "to",
    "from",
    "after",
    "before",
    "with",
    "via",
    "through",
    "about",
    "for",
    "of",
    "while",
    "when",
    "as",
    "last",
    "earlier",
    "yesterday",
    "today",
    "repeatedly",
    "later",
];

/// Words that say when something was said, right after the cue ("said Friday afternoon").
fn is_time_of_saying(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    )
}

/// Pronouns that stand for a speaker named elsewhere.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "this",
];

/// One word of a sentence: its byte range without the punctuation around it, and that
/// punctuation.
struct Word<'a> {
    start: usize,
    end: usize,
    /// Lower case; borrowed from the text when it already is (most words), so that splitting
    /// a text into words allocates only for capitalised ones.
    lower: std::borrow::Cow<'a, str>,
    /// Punctuation glued before the word (opening quotes, brackets).
    before: &'a str,
    /// Punctuation glued after it (commas, closing quotes, a sentence's full stop).
    after: &'a str,
    /// The word lists it belongs to, one bit per [`List`].
    lists: u16,
}

impl Word<'_> {
    /// A dash or a bracket standing alone, or a word followed by a comma, colon or the like:
    /// a phrase ends here. (A full stop inside a sentence ends an abbreviation, not a phrase.)
    fn ends_phrase(&self) -> bool {
        self.start == self.end
            || self
                .after
                .contains([',', ';', ':', '(', ')', '"', '“', '”', '—', '–', '!', '?'])
    }

    fn starts_phrase(&self) -> bool {
        self.before
            .contains(['(', ')', '"', '“', '”', '—', '–', '‘', '\''])
    }

    fn is(&self, list: List) -> bool {
        self.lists & (1 << list as u16) != 0
    }
}

/// The word lists the reported-speech rules test words against. Each word's memberships are
/// looked up once, in one hash table, when the text is split into words: testing lists of a
/// hundred verbs word by word was the bulk of the analysis time.
#[derive(Clone, Copy)]
enum List {
    Speech,
    That,
    Between,
    NotSubject,
    ClauseStart,
    NotBeforeSubject,
    Tell,
    AfterCue,
    Pronouns,
    Auxiliary,
}

fn list_memberships(lower: &str) -> u16 {
    static TABLE: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(List, &[&str]); 10] = [
            (List::Speech, SPEECH_VERBS),
            (List::That, THAT_VERBS),
            (List::Between, BETWEEN),
            (List::NotSubject, NOT_SUBJECT),
            (List::ClauseStart, CLAUSE_START),
            (List::NotBeforeSubject, NOT_BEFORE_SUBJECT),
            (List::Tell, TELL),
            (List::AfterCue, AFTER_CUE_NOT_CONTENT),
            (List::Pronouns, PRONOUNS),
            (List::Auxiliary, AUXILIARIES),
        ];
        let mut table: HashMap<&'static str, u16> = HashMap::new();
        for (list, words) in lists {
            for w in words {
                *table.entry(w).or_default() |= 1 << list as u16;
            }
        }
        table
    });
    match table.get(lower) {
        Some(&lists) => lists,
        // "didn’t": the lists spell the apostrophe straight.
        None if lower.contains('’') => table
            .get(lower.replace('’', "'").as_str())
            .copied()
            .unwrap_or(0),
        None => 0,
    }
}

fn is_punct(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '’' | '\'' | '-' | '&' | '$' | '%'))
}

/// The words of `text[start..end]`. Dashes are words of their own (with an empty range).
fn words_of(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let slice = &text[start..end];
    let mut push = |from: usize, to: usize| {
        let raw = &text[from..to];
        let core = raw.trim_matches(is_punct);
        if core.is_empty() {
            out.push(Word {
                start: from,
                end: from,
                lower: std::borrow::Cow::Borrowed(""),
                before: raw,
                after: raw,
                lists: 0,
            });
            return;
        }
        let lead = raw.len() - raw.trim_start_matches(is_punct).len();
        let (s, e) = (from + lead, from + lead + core.len());
        let core = core.trim_end_matches(['’', '\'']);
        let lower = if core.chars().any(|c| !c.is_lowercase() && c.is_alphabetic()) {
            std::borrow::Cow::Owned(core.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(core)
        };
        out.push(Word {
            start: s,
            end: s + core.len(),
            lists: list_memberships(&lower),
            lower,
            before: &text[from..s],
            after: &text[s + core.len()..to.max(e)],
        });
    };
    let mut token: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        let at = start + i;
        if c.is_whitespace() || matches!(c, '—' | '–') {
            if let Some(t) = token.take() {
                push(t, at);
            }
            if !c.is_whitespace() {
                push(at, at + c.len_utf8());
            }
        } else if token.is_none() {
            token = Some(at);
        }
    }
    if let Some(t) = token {
        push(t, end);
    }
    out
}

/// The content of a report: `words[from..to]` as a byte range, when it has three words or more.
fn content_of(words: &[Word<'_>], from: usize, to: usize) -> Option<(usize, usize)> {
    let real: Vec<&Word<'_>> = words
        .get(from..to)?
        .iter()
        .filter(|w| w.start < w.end)
        .collect();
    (real.len() >= 3).then(|| (real[0].start, real[real.len() - 1].end))
}

/// Reported speech in one sentence (`words`).
fn reports_in(text: &str, words: &[Word<'_>], out: &mut Vec<Quote>) {
    let n = words.len();
    let mut i = 0;
    while i < n {
        let w = &words[i];
        // "According to X, …" and "…, according to X."
        if w.lower == "according" && words.get(i + 1).is_some_and(|x| x.lower == "to") {
            let src_from = i + 2;
            let mut src_to = src_from;
            while src_to < n && src_to - src_from < 12 {
                src_to += 1;
                if words[src_to - 1].ends_phrase() {
                    break;
                }
            }
            if src_to > src_from && words[src_from].start < words[src_to - 1].end {
                let speaker = (words[src_from].start, words[src_to - 1].end);
                let before = content_of(words, 0, i);
                let content = before.or_else(|| content_of(words, src_to, n));
                if let Some(span) = content {
                    out.push(report(text, span, speaker, speaker, "according to"));
                }
            }
            i = src_to.max(i + 1);
            continue;
        }
        let speech = w.is(List::Speech);
        let that_only = !speech && w.is(List::That);
        let lowercase = text[w.start..w.end]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if !(speech || that_only) || !lowercase || i == 0 || is_noun_or_idiom(words, i) {
            i += 1;
            continue;
        }
        if let Some(q) = report_at(text, words, i, that_only) {
            out.push(q);
        }
        i += 1;
    }
}

/// A report of `text[span]` by the speaker named at `speaker`, whose name is `text[name]` (the
/// same range but for a relative pronoun: "Jane Doe, who said …").
fn report(
    text: &str,
    span: (usize, usize),
    speaker: (usize, usize),
    name: (usize, usize),
    cue: &str,
) -> Quote {
    let speaker = (
        speaker.0,
        with_abbreviation_stop(text, speaker.0, speaker.1),
    );
    let name = (name.0, with_abbreviation_stop(text, name.0, name.1));
    Quote {
        text: text[span.0..span.1].to_owned(),
        speaker: Some(text[name.0..name.1].to_owned()),
        cue: Some(cue.to_owned()),
        span,
        speaker_span: Some(speaker),
        direct: false,
    }
}

/// The report whose cue verb is `words[i]`, if it has a subject and a content.
fn report_at(text: &str, words: &[Word<'_>], i: usize, that_only: bool) -> Option<Quote> {
    let n = words.len();
    let cue = &words[i];
    // "…, said Mr. Smith." / "…, says Jane Doe, a spokeswoman": the subject comes after.
    if words[i - 1].ends_phrase() && words[i - 1].after.contains(',') && !that_only {
        let first = words.get(i + 1)?;
        let capital = text[first.start..first.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        // "…, said one union official": "one" and "another" open a speaker there; other numbers
        // are more often what was declared ("declared three days of mourning").
        let determiner = matches!(&*first.lower, "the" | "a" | "an" | "one" | "another");
        // "…, Kessler, a city engineer, said Thursday morning.": a day is when, not who.
        if (capital || determiner) && !is_time_of_saying(&first.lower) {
            let mut to = i + 1;
            let mut closed = false;
            while to < n && to - i <= 8 {
                to += 1;
                if words[to - 1].ends_phrase() {
                    closed = true;
                    break;
                }
            }
            // The subject runs to a comma or the sentence's end, else this is "…, said the
            // plan would fail" with the subject before.
            let runs_to_a_close = closed || to == n;
            // "Greyhaven's mayor, Niklas Ahn, said the town would rally": what follows the cue
            // is a clause (it has a verb), so the subject is the one before, set off by commas.
            let clause = words[i + 1..to].iter().any(|w| w.is(List::Auxiliary));
            if runs_to_a_close && !clause {
                let speaker = without_time_phrase(text, (first.start, words[to - 1].end));
                return content_of(words, 0, i)
                    .map(|span| report(text, span, speaker, speaker, &cue.lower));
            }
        }
    }
    // The subject: back over "has", "also", "later" and -ly words to its head.
    let mut head = i - 1;
    while head > 0
        && (words[head].is(List::Between) || words[head].lower.ends_with("ly"))
        && !words[head].ends_phrase()
    {
        head -= 1;
    }
    head = before_bracket(words, head);
    let h = &words[head];
    if h.start == h.end || h.is(List::NotSubject) || h.is(List::Between) || h.lower.ends_with("ly")
    {
        return None;
    }
    // A head followed by a colon or a bracket is not a subject; a comma may close an
    // appositive ("Jane Doe, the mayor, said").
    if h.after.contains([';', ':', '!', '?', '(', ')']) {
        return None;
    }
    // "Jane Doe, who chairs the board, said" / "Jane Doe, 45, said": the subject is named
    // before the comma that opens the aside.
    // An aside that is a relative clause may hold commas of its own ("Mayor Ana Ribeiro, who
    // cut short a visit to the capital, Valdera, declared"): it opens at the comma before its
    // "who" or "which".
    if h.after.contains(',') {
        let window = head.saturating_sub(25)..head;
        let relative_opening = (head.saturating_sub(RELATIVE_ASIDE_WORDS)..head)
            .rev()
            .find(|&k| {
                words[k].after.contains(',') && matches!(&*words[k + 1].lower, "who" | "which")
            });
        head = relative_opening.or_else(|| window.rev().find(|&k| words[k].after.contains(',')))?;
        head = before_bracket(words, head);
    }
    let h = &words[head];
    if h.start == h.end || h.is(List::NotSubject) || h.after.contains([';', ':', '(', ')']) {
        return None;
    }
    let mut from = head;
    if !h.is(List::Pronouns) {
        while from > 0
            && head - from < 9
            && !words[from - 1].ends_phrase()
            && !words[from].starts_phrase()
            && !words[from - 1].is(List::ClauseStart)
        {
            from -= 1;
        }
    }
    if from > 0 && words[from - 1].is(List::NotBeforeSubject) {
        return None;
    }
    // "…, up from 12 reported on Tuesday": a number after a preposition is the preposition's
    // object, and the verb a participle that describes it.
    let number = h
        .lower
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if number
        && head > from
        && matches!(
            &*words[head - 1].lower,
            "from" | "to" | "of" | "than" | "by" | "at" | "about" | "over" | "under"
        )
    {
        return None;
    }
    let speaker = (words[from].start, h.end);
    // "Jane Doe, who …, said": the speaker is named before the comma.
    let mut name = speaker;
    // "The company, which said …, …": the same for a thing.
    let relative =
        matches!(&*h.lower, "who" | "which") && head > 0 && words[head - 1].after.contains(',');
    if relative {
        let end = head - 1;
        let mut start = end;
        let capital = |w: &Word<'_>| text[w.start..w.end].starts_with(char::is_uppercase);
        while start > 0
            && end - start < 6
            && !words[start - 1].ends_phrase()
            && !words[start].starts_phrase()
            && capital(&words[start - 1])
        {
            start -= 1;
        }
        if words[start].start < words[end].end {
            name = (words[start].start, words[end].end);
        }
    }
    // The content after the cue: from a "that" within the next few words, else (for speech
    // verbs) right after the cue.
    let mut that = None;
    if !cue.ends_phrase() {
        for (k, x) in words.iter().enumerate().take(n.min(i + 9)).skip(i + 1) {
            // "… could change that.": a "that" that ends the phrase is a pronoun, not the
            // start of what was said.
            if x.lower == "that" && !x.ends_phrase() && !x.after.contains('.') {
                that = Some(k);
                break;
            }
            if x.ends_phrase() {
                break;
            }
        }
    }
    // "The city has added 40 buses to its timetable": a perfect "added" with an object is
    // something done, not said.
    let perfect = i > 0 && matches!(&*words[i - 1].lower, "has" | "have" | "had");
    if cue.lower == "added" && perfect && that.is_none() && !cue.ends_phrase() {
        return None;
    }
    let rest = words[i + 1..].iter().filter(|w| w.start < w.end).count();
    // Without a "that", what follows the cue may be no content at all: "said in an interview
    // with …", "told reporters on Monday".
    // "told reporters at the gates": the one told, then where, and nothing said.
    let told_where = cue.is(List::Tell)
        && !words[i + 1..].first().is_some_and(|w| w.ends_phrase())
        && words.get(i + 2).is_some_and(|w| w.is(List::AfterCue));
    let weak = that.is_none()
        && !cue.ends_phrase()
        && words.get(i + 1).is_some_and(|w| {
            w.is(List::AfterCue)
                || is_time_of_saying(&w.lower)
                || (cue.is(List::Tell) && rest <= 5)
                || told_where
        });
    // "…, she said." / "The plan, she said, will …": the content comes before.
    let before = if from > 0
        && words[from - 1].after.contains(',')
        && !that_only
        && (rest <= 4 || weak || cue.after.contains(','))
    {
        content_of(words, 0, from)
    } else {
        None
    };
    // What a relative clause reports ends with the clause, at the comma that closes the
    // aside: "The company, which reported a loss, said …".
    let end = if relative {
        (i..n)
            .find(|&k| words[k].after.contains(','))
            .map_or(n, |k| k + 1)
    } else {
        n
    };
    let after = match that {
        Some(k) if k < end => content_of(words, k, end),
        Some(_) => None,
        // "she said, but the crowd had gone home": a new clause, not what was said.
        None if cue.after.contains(',')
            && words
                .get(i + 1)
                .is_some_and(|w| matches!(&*w.lower, "but" | "and" | "or" | "so" | "yet")) =>
        {
            None
        }
        // "said Friday the plan would fail": the day is when it was said, not what.
        None if !that_only => {
            let skip = words[i + 1..end]
                .iter()
                .take_while(|w| is_time_of_saying(&w.lower) && !w.ends_phrase())
                .count();
            content_of(words, i + 1 + skip, end)
        }
        None => None,
    };
    if weak && (before.is_some() || rest <= 8) {
        return before.map(|span| report(text, span, speaker, name, &cue.lower));
    }
    // "said, “…”": a direct quote may follow, which `quotes` reads; `attributions` keeps one.
    after
        .or(before)
        .map(|span| report(text, span, speaker, name, &cue.lower))
}

/// Whether the cue word `words[i]` is a noun or part of an idiom, not a report: after an
/// article or a determiner (`a pledge`, `his tweet`), or in "having said that" and "let's
/// say". (After a possessive it may still attribute: "the mayor's claim that …".)
fn is_noun_or_idiom(words: &[Word<'_>], i: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|k| &words[k]) else {
        return false;
    };
    matches!(
        &*before.lower,
        "a" | "an"
            | "the"
            | "this"
            | "his"
            | "her"
            | "its"
            | "their"
            | "having"
            | "let's"
            | "let’s"
    )
}

/// The longest relative clause, in words, that can stand between a subject and its cue
/// (`Dr. Helena Brandt, who as a young engineer designed the first span of the bridge …, said`).
const RELATIVE_ASIDE_WORDS: usize = 40;

/// The word before a short bracket that `words[head]` closes (`Sen. Paul Crane (R-Ky.)
/// said`: the bracket is no part of the name), else `head`.
fn before_bracket(words: &[Word<'_>], head: usize) -> usize {
    if !words[head].after.contains(')') {
        return head;
    }
    (head.saturating_sub(2)..=head)
        .find(|&k| k > 0 && words[k].before.ends_with('('))
        .map_or(head, |k| k - 1)
}

/// Reported speech of `text`, sentence by sentence.
fn reported(text: &str, spans: &[crate::sentences::Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    for &s in spans {
        // A line break ends a sentence too (captions, lists, a closing quote's line).
        let mut start = s.start;
        for line in text[s.start..s.end].split('\n') {
            let words = words_of(text, start, start + line.len());
            reports_in(text, &words, &mut out);
            start += line.len() + 1;
        }
    }
    out
}

/// `“The Steve Harvey Morning Show”`, `“War On Drugs”`: a name in quotation marks, not
/// something said. Every word of four letters or more is capitalised, and no full stop ends it.
fn is_title(quoted: &str) -> bool {
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 8
        && !quoted.trim_end().ends_with(['.', '!', '?'])
        && words[0].starts_with(char::is_uppercase)
        // A title capitalises its long words; with none ("Not yet,") it shows nothing.
        && words.iter().any(|w| w.chars().count() >= 4)
        && words
            .iter()
            .all(|w| w.chars().count() < 4 || !w.starts_with(char::is_lowercase))
}

/// Speaker labels of a transcript at the start of a line: `WALLACE: Let's start …`.
fn turn_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?m)^(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?P<said>\S[^\n]*)",
        )
        .expect("valid regex")
    })
}

/// Capitalised labels that are page furniture, not speakers (`UPDATE: …`, `WATCH: …`).
const NOT_SPEAKER_LABELS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "WATCH",
    "READ",
    "READ MORE",
    "MORE",
    "NOTE",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "PHOTO",
    "PHOTOS",
    "VIDEO",
    "RELATED",
    "CORRECTION",
    "CLARIFICATION",
    "SOURCE",
    "SOURCES",
    "ADVERTISEMENT",
    "LISTEN",
    "SEE ALSO",
    "ALSO",
    "BREAKING",
    "EXCLUSIVE",
    "ABSTRACT",
    "FULL TEXT",
    "CAPTION",
    "TAGS",
    "TOPICS",
    "CREDIT",
];

/// The turns of a transcript: a line that starts with a speaker's label in capitals.
fn turns(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    for c in turn_re().captures_iter(text) {
        let (Some(name), Some(said)) = (c.name("name"), c.name("said")) else {
            continue;
        };
        let label = name.as_str().trim_end_matches('.');
        let content = said.as_str().trim_end();
        if NOT_SPEAKER_LABELS.contains(&label) || content.split_whitespace().count() < 3 {
            continue;
        }
        out.push(Quote {
            text: content.to_owned(),
            speaker: Some(label.to_owned()),
            cue: None,
            span: (said.start(), said.start() + content.len()),
            speaker_span: Some((name.start(), name.start() + label.len())),
            direct: true,
        });
    }
    out
}

/// `Ribeiro said on Monday:` ending the paragraph before a quote that starts at `content`:
/// the speaker's range and the cue.
fn colon_speaker(text: &str, content: usize) -> Option<((usize, usize), String)> {
    let before = text[..content]
        .trim_end_matches(['“', '"', '\''])
        .trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let para_start = before.rfind("\n\n").map_or(0, |p| p + 2);
    let para_start = window_start(before, para_start, before.len());
    let c = before_re().captures(&before[para_start..])?;
    let m = c.name("sp2")?;
    let span = clean_speaker(text, para_start, m);
    let cue = c.name("cue")?.as_str().to_lowercase();
    (span.0 < span.1).then_some((span, cue))
}

/// Finds who said what in `text`: the direct quotes of [`quotes`], the turns of a transcript
/// (`WALLACE: …`) and reported speech (a cue verb with its subject and the clause it reports),
/// in text order.
///
/// - A name in quotation marks (`the “Make Trade Fair Act”`) is no quote.
/// - A report whose content holds a direct quote with a named speaker gives way to that quote,
///   and so does a report inside a quote (`“I think we will win,” she said`: one attribution);
///   a direct quote with no speaker named gives way to the report that holds it (`She said the
///   plan was "a mistake"`).
/// - A direct quote with no speaker takes the speaker of a paragraph before it that ends with
///   `Ribeiro said on Monday:`, else that of the attribution just before it, in its paragraph
///   or the one before: news writing names a speaker once and goes on quoting.
/// - A pronoun speaker ("he", "who") is resolved to the speaker named before it; its
///   `speaker_span` stays on the pronoun.
pub fn attributions(text: &str) -> Vec<Quote> {
    attributions_in(text, &crate::sentences::sentences(text))
}

/// [`attributions`] over sentences already found.
pub(crate) fn attributions_in(text: &str, spans: &[crate::sentences::Span]) -> Vec<Quote> {
    match mask_parentheticals(text) {
        std::borrow::Cow::Borrowed(_) => attributions_masked(text, spans),
        // A masked full stop ended no sentence: the sentences are found again.
        std::borrow::Cow::Owned(masked) => {
            let spans = crate::sentences::sentences(&masked);
            unmask(attributions_masked(&masked, &spans))
        }
    }
}

/// [`attributions_in`] over a text whose parentheticals are already masked.
fn attributions_masked(text: &str, spans: &[crate::sentences::Span]) -> Vec<Quote> {
    let mut direct = direct_quotes(text);
    direct.retain(|q| !is_title(&q.text));
    direct.extend(turns(text));
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let inside = |a: (usize, usize), b: (usize, usize)| b.0 <= a.0 && a.1 <= b.1;
    let mut reports: Vec<Quote> = reported(text, spans)
        .into_iter()
        .filter(|r| {
            !direct.iter().any(|q| {
                (q.speaker.is_some() && overlaps(q.span, r.span))
                    || r.speaker_span.is_some_and(|s| inside(s, q.span))
            })
        })
        .collect();
    reports.dedup_by(|b, a| a.span == b.span && a.speaker_span == b.speaker_span);
    let mut out: Vec<Quote> = direct
        .into_iter()
        .filter(|q| q.speaker.is_some() || !reports.iter().any(|r| overlaps(q.span, r.span)))
        .collect();
    out.append(&mut reports);
    out.sort_by_key(|q| (q.span.0, q.speaker_span.map_or(0, |s| s.0)));
    let mut last_named: Option<String> = None;
    // The last attribution with a speaker and where it ends.
    let mut last: Option<(usize, usize)> = None;
    for i in 0..out.len() {
        if out[i].speaker.is_none() {
            if let Some((sp, cue)) = colon_speaker(text, out[i].span.0) {
                out[i].speaker = Some(text[sp.0..sp.1].to_owned());
                out[i].speaker_span = Some(sp);
                out[i].cue = Some(cue);
            } else if let Some((l, end)) = last {
                let gap = text
                    .get(end.min(out[i].span.0)..out[i].span.0)
                    .unwrap_or("");
                if gap.matches("\n\n").count() <= 1 {
                    out[i].speaker = out[l].speaker.clone();
                    out[i].speaker_span = out[l].speaker_span;
                    out[i].cue = out[l].cue.clone();
                }
            }
        } else if !out[i].direct {
            // Direct quotes were resolved by `quotes`.
            let pronoun = out[i].speaker.as_deref().is_some_and(|s| {
                is_pronoun(s) || matches!(s.to_lowercase().as_str(), "who" | "which")
            });
            if pronoun {
                if let Some(name) = &last_named {
                    out[i].speaker = Some(name.clone());
                }
            }
        }
        let q = &out[i];
        if let Some(s) = q.speaker.as_deref().filter(|s| !is_pronoun(s)) {
            last_named = Some(s.to_owned());
        }
        if let (Some(_), Some(span)) = (&q.speaker, q.speaker_span) {
            last = Some((i, q.span.1.max(span.1)));
        }
    }
    // "“…,” she said, “…”": one attribution whose content the attribution interrupts.
    let mut merged: Vec<Quote> = Vec::with_capacity(out.len());
    for q in out {
        if let Some(prev) = merged.last_mut() {
            let one_paragraph = text
                .get(prev.span.1.min(q.span.0)..q.span.0)
                .is_some_and(|gap| !gap.contains("\n\n"));
            if prev.direct
                && q.direct
                && prev.speaker_span.is_some()
                && prev.speaker_span == q.speaker_span
                && one_paragraph
                && q.span.1 > prev.span.1
            {
                prev.span.1 = q.span.1;
                prev.text = format!("{} … {}", prev.text, q.text);
                continue;
            }
        }
        merged.push(q);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_after_the_quote() {
        let q = quotes("\"We expect power back by tonight,\" said Mayor Ana Ribeiro.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We expect power back by tonight");
        assert_eq!(q[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"));
        assert_eq!(q[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn speaker_before_and_according_to() {
        let q = quotes("According to a US source, “the two sides are close to agreeing on a date.” Later an Iraqi military spokesman said: \"talks will go on for months.\"");
        assert_eq!(q[0].speaker.as_deref(), Some("a US source"));
        assert_eq!(q[0].cue.as_deref(), Some("according to"));
        assert_eq!(
            q[1].speaker.as_deref(),
            Some("Later an Iraqi military spokesman")
        );
    }

    #[test]
    fn unclosed_quote_with_tail_attribution() {
        let q = quotes("“We have talked about this for months. The timing has nothing to do with the attacks, the official told Reuters.\n\nNext paragraph.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("the official"));
        assert_eq!(q[0].cue.as_deref(), Some("told"));
        assert!(q[0].text.ends_with("nothing to do with the attacks"));
    }

    #[test]
    fn closing_quote_glued_to_attribution() {
        let q = quotes("the talks will assess “the military situation and the threat level.”An Iraqi military spokesman said in a statement.");
        assert_eq!(q[0].speaker.as_deref(), Some("An Iraqi military spokesman"));
    }

    #[test]
    fn pronoun_takes_previous_speaker() {
        let q = quotes("\"This is the first step,\" said Minister Lea Tan. \"More will follow soon,\" she said.");
        assert_eq!(q[1].speaker.as_deref(), Some("Minister Lea Tan"));
    }

    #[test]
    fn quotes_in_one_sentence_share_the_speaker() {
        let q = quotes("\"The talks went well,\" said Minister Lea Tan. She also noted that as long as “nothing disturbs the talks,” the meetings would go on to “quickly conclude the work of the group,” without elaborating.");
        assert_eq!(q.len(), 3);
        assert_eq!(q[1].speaker.as_deref(), Some("Minister Lea Tan"), "{q:?}");
        assert_eq!(q[2].speaker.as_deref(), Some("Minister Lea Tan"));
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(quotes("He called it \"important\" twice.").is_empty());
    }

    #[test]
    fn speaker_spans_point_into_the_text() {
        let text = "\"We expect power back by tonight,\" said Mayor Ana Ribeiro. \"More will follow soon,\" she said.";
        let q = quotes(text);
        let (a, b) = q[0].speaker_span.expect("span");
        assert_eq!(&text[a..b], "Mayor Ana Ribeiro");
        // The pronoun is resolved, its span stays on the pronoun.
        let (a, b) = q[1].speaker_span.expect("span");
        assert_eq!(&text[a..b], "she");
        assert_eq!(q[1].speaker.as_deref(), Some("Mayor Ana Ribeiro"));
        assert!(q.iter().all(|q| q.direct));
    }

    fn said<'a>(text: &'a str, q: &Quote) -> (&'a str, &'a str) {
        let (a, b) = q.speaker_span.expect("speaker span");
        (&text[a..b], &text[q.span.0..q.span.1])
    }

    #[test]
    fn reported_speech_with_its_subject() {
        let text = "The harbour master told reporters on Monday that the port would reopen within a week. Residents say the water is still rising.";
        let a = attributions(text);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            said(text, &a[0]),
            (
                "The harbour master",
                "that the port would reopen within a week"
            )
        );
        assert_eq!(
            said(text, &a[1]),
            ("Residents", "the water is still rising")
        );
        assert!(!a[0].direct);
        assert_eq!(a[0].cue.as_deref(), Some("told"));
    }

    #[test]
    fn a_clause_after_the_cue_is_content_not_an_inverted_subject() {
        let text = "Greyhaven's mayor, Niklas Ahn, said the town would rally around the plant's workers. The plant will reopen, said the company.";
        let a = attributions(text);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            said(text, &a[0]),
            (
                "Greyhaven's mayor",
                "the town would rally around the plant's workers"
            )
        );
        assert_eq!(said(text, &a[1]), ("the company", "The plant will reopen"));
    }

    #[test]
    fn a_subject_set_off_by_an_aside_speaks_whatever_follows_the_cue() {
        let text = "Jane Doe, a spokeswoman for the agency, said she expected delays. The company, which employs 620 people, said it was too early to estimate the cost.";
        let a = attributions(text);
        let found: Vec<(&str, &str)> = a.iter().map(|q| said(text, q)).collect();
        assert!(
            found.contains(&("Jane Doe", "she expected delays")),
            "{found:?}"
        );
        assert!(
            found.contains(&("The company", "it was too early to estimate the cost")),
            "{found:?}"
        );
    }

    #[test]
    fn he_said_is_the_person_named_since_the_last_speaker() {
        let text = "\u{201c}The fire spread in minutes,\u{201d} fire chief Marta Lind told reporters.\n\nMachine operator Felix Aranda, 31, was on his break when the alarm went off. \u{201c}We could see the glow,\u{201d} he said.";
        let q = quotes(text);
        let speakers: Vec<&str> = q.iter().filter_map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, ["fire chief Marta Lind", "Felix Aranda"], "{q:?}");
    }

    #[test]
    fn he_said_after_a_report_is_its_speaker_not_a_name_it_reports() {
        let text = "\u{201c}It opens a door,\u{201d} Marenko said.\n\nAldous said Vellmark's machinery and timber exporters would be the first to benefit. \u{201c}Our manufacturers have waited a long time for this,\u{201d} he told reporters.";
        let q = quotes(text);
        let speakers: Vec<&str> = q.iter().filter_map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, ["Marenko", "Aldous"], "{q:?}");
    }

    #[test]
    fn she_said_is_the_subject_of_the_sentence_before() {
        let text = "Mayor Ana Ribeiro, who cut short a visit to the capital, Valdera, declared three days of mourning. \u{201c}Today is one of the darkest days in the history of Port Meridian,\u{201d} she said.";
        let q = quotes(text);
        assert_eq!(q[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"), "{q:?}");
    }

    #[test]
    fn a_relative_aside_with_commas_of_its_own_still_has_its_subject_before() {
        let a = attributions("Mayor Ana Ribeiro, who cut short a visit to the capital, Valdera, declared three days of mourning.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"), "{a:?}");
        assert_eq!(a[0].text, "three days of mourning");
    }

    #[test]
    fn the_occasion_is_no_part_of_the_speaker() {
        let speaker = |text: &str| quotes(text)[0].speaker.clone();
        assert_eq!(
            speaker("\u{201c}Our crews worked through the night,\u{201d} said Mayor Ana Ribeiro at a briefing at City Hall."),
            Some("Mayor Ana Ribeiro".to_owned())
        );
        assert_eq!(
            speaker("\u{201c}This treaty is now signed and sealed,\u{201d} said Jane Roe at the signing ceremony."),
            Some("Jane Roe".to_owned())
        );
        assert_eq!(
            speaker("\u{201c}We will leave the country next week,\u{201d} said a spokesman at the embassy."),
            Some("a spokesman at the embassy".to_owned())
        );
    }

    #[test]
    fn a_subject_set_off_by_an_aside_reports_a_long_that_clause() {
        let a = attributions("Karl Denning, president of the union, told the Herald that the government had \u{201c}bargained with our milk and called it progress.\u{201d}");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].speaker.as_deref(), Some("Karl Denning"), "{a:?}");
        assert!(a[0].text.contains("bargained with our milk"), "{a:?}");
    }

    #[test]
    fn a_short_bracket_after_a_name_is_read_past() {
        let q = quotes("\u{201c}The levee plan leaves the river towns exposed,\u{201d} Rep. Lena Ortiz (D-Ore.) said Friday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Rep. Lena Ortiz (D-Ore.)"));
        let a = attributions(
            "Sen. Paul Crane (R-Ky.) said the storm had not delayed the vote on the levee.",
        );
        assert!(
            a.iter()
                .any(|a| a.speaker.as_deref() == Some("Sen. Paul Crane")
                    && a.text == "the storm had not delayed the vote on the levee"),
            "{a:?}"
        );
        // The text itself is untouched.
        let a = attributions("The firm (est. 1901) said profits rose (by 3.5 pct.) last year.");
        assert_eq!(a[0].text, "profits rose (by 3.5 pct.) last year", "{a:?}");
    }

    #[test]
    fn the_day_after_the_cue_is_when_not_what() {
        let a = attributions(
            "Harbour officials said Monday the new pier was safe for the heaviest ships.",
        );
        assert_eq!(
            a[0].text, "the new pier was safe for the heaviest ships",
            "{a:?}"
        );
        let a = attributions("The new pier is safe for the heaviest ships, harbour officials said Monday afternoon, as inspectors left the site.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].text, "The new pier is safe for the heaviest ships");
    }

    #[test]
    fn a_word_or_two_of_dialogue_is_speech_when_a_speaker_follows() {
        let a = attributions("\u{201c}Not yet,\u{201d} Irena said to the reporters.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (a[0].text.as_str(), a[0].speaker.as_deref()),
            ("Not yet", Some("Irena"))
        );
        // What follows "she said, but" is a new clause, not more speech.
        let a = attributions(
            "\u{201c}Any news?\u{201d} she said, but the crowd had already gone home.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        // Scare quotes stay out.
        assert!(attributions(
            "The minister called the plan \u{201c}a gamble,\u{201d} and moved on."
        )
        .is_empty());
    }

    #[test]
    fn a_quote_signed_with_a_dash_is_its_signers() {
        let a = attributions("\u{201c}The new ferry timetable has made my commute twice as long. Nobody asked us.\u{201d} \u{2015} Marta Velasquez\n\n\u{201c}I have never seen the harbour this busy.\u{201d} \u{2014} Tomas Reyes, fisherman");
        let speakers: Vec<Option<&str>> = a.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Marta Velasquez"), Some("Tomas Reyes, fisherman")],
            "{a:?}"
        );
        let q = quotes("\u{201c}We will build it and they will come.\u{201d} - it was late.");
        assert_eq!(q[0].speaker, None, "{q:?}");
    }

    #[test]
    fn subjects_past_long_asides_brackets_and_negated_clauses() {
        let said = |text: &str| {
            attributions(text)
                .into_iter()
                .map(|a| (a.speaker.unwrap_or_default(), a.text))
                .collect::<Vec<_>>()
        };
        let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
        // A clause with a negated auxiliary after the cue is what was said, not who said it.
        assert_eq!(
            said("Economist Jane Roe, 45, said Congress didn\u{2019}t act in time."),
            pair("Economist Jane Roe", "Congress didn\u{2019}t act in time")
        );
        // "…, said one union official": a speaker after the cue may open with "one".
        assert_eq!(
            said("The talks broke down from there, said one union official at the table."),
            pair(
                "one union official at the table",
                "The talks broke down from there"
            )
        );
        // A bracket and then an aside.
        assert_eq!(
            said("Rep. Daniel K. Ames (D-Vt.), chairman of the rail caucus, said members will help him fund the line."),
            pair("Rep. Daniel K. Ames", "members will help him fund the line")
        );
        // A relative clause of thirty words.
        assert_eq!(
            said("Dr. Helena Brandt, who as a young engineer designed the first span of the old bridge across the Teller River and later ran the city's inspection office for two decades until she retired, said that the bridge had been sound."),
            pair("Dr. Helena Brandt", "that the bridge had been sound")
        );
    }

    #[test]
    fn a_that_at_the_end_is_a_pronoun() {
        let a = attributions("Engineers said the new river sensors could change that.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].text, "the new river sensors could change that");
        assert_eq!(a[0].speaker.as_deref(), Some("Engineers"));
    }

    #[test]
    fn a_speaker_with_an_aside_after_the_quote_and_the_day_after_the_cue() {
        let q = quotes("\u{201c}The repairs are on schedule. The bridge will open in May,\u{201d} Kessler, a city engineer, said Thursday morning.");
        assert_eq!(q[0].speaker.as_deref(), Some("Kessler"), "{q:?}");
        let a = attributions(
            "The levy will be repealed, Council Leader Maria Olsen, D-Minn., said Tuesday.",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].speaker.as_deref(), Some("Council Leader Maria Olsen"));
    }

    #[test]
    fn idioms_and_nouns_report_nothing() {
        assert!(attributions(
            "Having said that, there are engineers who argue the old bridge is sound."
        )
        .iter()
        .all(|a| a.cue.as_deref() != Some("said")),);
        assert!(attributions(
            "Let's say you think a new roof will cost $20,000 in ten years, with labour included."
        )
        .iter()
        .all(|a| a.cue.as_deref() != Some("say")));
    }

    #[test]
    fn what_has_been_added_was_not_said() {
        let a = attributions("The city has added 40 buses to its timetable, officials said.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].speaker.as_deref(), Some("officials"));
        let a = attributions("The firm has added that it will appeal.");
        assert_eq!(a[0].speaker.as_deref(), Some("The firm"), "{a:?}");
    }

    #[test]
    fn told_reporters_at_a_place_says_nothing_itself() {
        let text = "\u{201c}The fire spread in minutes,\u{201d} fire chief Marta Lind told reporters at the gates of the industrial park.";
        let a = attributions(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].text, "The fire spread in minutes");
        assert_eq!(a[0].speaker.as_deref(), Some("fire chief Marta Lind"));
    }

    #[test]
    fn a_relative_clause_reports_for_its_antecedent_up_to_its_comma() {
        let text = "Fire chief Marta Lind led the crews. The company, which reported a loss of 3 million crowns last year, said it was too early to estimate the cost.";
        let a = attributions(text);
        let found: Vec<(&str, &str)> = a
            .iter()
            .map(|q| (q.speaker.as_deref().unwrap_or(""), q.text.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("The company", "a loss of 3 million crowns last year"),
                ("The company", "it was too early to estimate the cost")
            ],
            "{a:?}"
        );
    }

    #[test]
    fn a_number_after_a_preposition_reports_nothing() {
        let text = "At least 19 people have been injured, up from 12 reported on Tuesday, after four firefighters sought treatment. Up to 30 residents said the smoke was thick.";
        let a = attributions(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            said(text, &a[0]),
            ("Up to 30 residents", "the smoke was thick")
        );
    }

    #[test]
    fn a_speaker_ending_in_an_abbreviation_keeps_its_full_stop() {
        let text = "The U.S. announced it would withdraw from the mission. Wages will rise next year, said Acme Holdings Inc. on Friday. \u{201c}We are ready,\u{201d} said Martin Luther King Jr.";
        let a = attributions(text);
        let speakers: Vec<&str> = a.iter().filter_map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            ["The U.S.", "Acme Holdings Inc.", "Martin Luther King Jr."],
            "{a:?}"
        );
        for q in &a {
            let (s, e) = q.speaker_span.expect("speaker span");
            assert_eq!(Some(&text[s..e]), q.speaker.as_deref());
        }
    }

    #[test]
    fn reported_speech_with_the_attribution_after() {
        let text = "The bridge will stay closed until spring, the county engineer said on Tuesday. The repairs, she added, will cost at least $2 million.";
        let a = attributions(text);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            said(text, &a[0]),
            (
                "the county engineer",
                "The bridge will stay closed until spring"
            )
        );
        assert_eq!(said(text, &a[1]), ("she", "will cost at least $2 million"));
        assert_eq!(a[1].speaker.as_deref(), Some("the county engineer"));
    }

    #[test]
    fn according_to_and_that_clauses() {
        let text = "According to the port authority, ships are waiting offshore. A survey by the guild found that most captains expect delays. Fishing boats left early, said Captain Ines Varga.";
        let a = attributions(text);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(
            said(text, &a[0]),
            ("the port authority", "ships are waiting offshore")
        );
        assert_eq!(
            said(text, &a[1]),
            ("A survey by the guild", "that most captains expect delays")
        );
        assert_eq!(
            said(text, &a[2]),
            ("Captain Ines Varga", "Fishing boats left early")
        );
    }

    #[test]
    fn relative_pronoun_speakers_are_named() {
        let text = "The plan was backed by Tomas Lind, who has said the tunnel is too costly.";
        let a = attributions(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(said(text, &a[0]), ("who", "the tunnel is too costly"));
        assert_eq!(a[0].speaker.as_deref(), Some("Tomas Lind"));
    }

    #[test]
    fn not_every_cue_word_is_a_report() {
        for text in [
            "The ferry was found drifting near the pier on Sunday morning.",
            "He was told to leave the building before the storm hit.",
            "What he said was not what the council wanted to hear at all.",
            "The cooking shows drew large crowds across the region this year.",
            "They want to say goodbye to the old mill before it closes.",
        ] {
            assert!(
                attributions(text).is_empty(),
                "{text}: {:?}",
                attributions(text)
            );
        }
    }

    #[test]
    fn direct_quotes_win_over_the_report_around_them() {
        let text = "Mayor Ana Ribeiro said: \"We expect power back by tonight.\" Officials said the grid was \"holding up under the strain\" for now.";
        let a = attributions(text);
        assert_eq!(a.len(), 2, "{a:?}");
        assert!(a[0].direct);
        assert_eq!(a[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"));
        assert_eq!(said(text, &a[1]).0, "Officials");
    }

    #[test]
    fn long_paragraphs_keep_their_speakers_and_char_boundaries() {
        // Over the end-anchored window, with non-breaking spaces (two bytes) where it may cut.
        let filler = "Officials\u{a0}met in the city hall for many hours.\u{a0}".repeat(12);
        let text = format!("{filler}Mayor Ana Ribeiro said: \"Crews are out in force tonight.\"");
        let q = quotes(&text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Mayor Ana Ribeiro"));
        for cut in 0..40 {
            let t = format!("{}{text}", "é".repeat(cut));
            let _ = attributions(&t);
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "’s",
            "—",
            "–",
            " ",
            "\n\n",
            ".",
            ",",
            "said",
            "told",
            "says",
            "according to",
            "that",
            "Ana Ribeiro",
            "who",
            "he",
            "é",
            "中文",
            "🙂",
            "Mr.",
            ":",
            "found",
            "the",
            "officials",
            "(",
            ")",
            "‘",
            "'",
        ];
        let mut seed = 0x9e37_79b9_u32;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                text.push_str(PIECES[seed as usize % PIECES.len()]);
                if seed.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            for q in attributions(&text).iter().chain(quotes(&text).iter()) {
                assert!(text.get(q.span.0..q.span.1).is_some(), "{text:?} {q:?}");
                if let Some((a, b)) = q.speaker_span {
                    assert!(a <= b && text.get(a..b).is_some(), "{text:?} {q:?}");
                }
            }
        }
    }

    #[test]
    fn an_interrupted_quote_is_one_attribution() {
        let text = "“We will rebuild the bridge,” the mayor said, “and we will do it this year.”";
        let a = attributions(text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(said(text, &a[0]).0, "the mayor");
        assert!(said(text, &a[0]).1.ends_with("this year."));
    }

    #[test]
    fn continued_quotes_transcripts_titles_and_double_apostrophes() {
        let text = "Ribeiro said on Monday:\n\n“The water is falling. We will reopen the schools soon.”\n\nHOST: Will the schools reopen this week?\n\nShe spoke on “The Morning Show With Dan” later. ''It was a long night for everyone,'' said Mr. Tan.";
        let a = attributions(text);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(said(text, &a[0]).0, "Ribeiro");
        assert!(a[0].text.starts_with("The water is falling"));
        assert_eq!(
            said(text, &a[1]),
            ("HOST", "Will the schools reopen this week?")
        );
        assert_eq!(a[2].text, "It was a long night for everyone");
        assert_eq!(said(text, &a[2]).0, "Mr. Tan");
        // `quotes` alone keeps the continued quote without a speaker.
        assert!(quotes(text)[0].speaker.is_none());
    }
}
