//! Which language is this text in?

/// Detects the language of `text`, as an ISO 639-1 code (`en`, `es`), or the ISO 639-3 code
/// where the language has no two-letter one.
///
/// Returns `None` when the text is too short or too mixed for a reliable answer: a wrong
/// language code would send the text to the wrong stemmer downstream, which is worse than none.
pub fn detect_language(text: &str) -> Option<String> {
    // whatlang is linear in its input and needs only a couple of kilobytes to be sure.
    let sample = sample(text, 4096);
    // Words as every script has them: Chinese and Japanese have no spaces to count.
    if newsdesk_text::script::word_count(sample) < 5 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso639_1(info.lang().code()).to_owned())
}

/// Words of text from which the text's own language, when whatlang is sure of it, may outweigh
/// the page's declared one: a paragraph or two.
const OVERRIDE_MIN_WORDS: usize = 40;

/// Share of a text's words that are a language's function words, from which the text reads
/// as written in it: running prose has a third or more.
const FUNCTION_WORDS_MIN: f32 = 0.15;

/// Share of the declared language's function words below which a text in another script
/// holds next to none of them.
const FUNCTION_WORDS_NONE: f32 = 0.02;

/// whatlang's confidence from which it is sure of a text's language.
const SURE: f64 = 0.9;

/// The language of a page's text: the one the page declares (`declared`, already a primary
/// language code), unless the text is surely in another. CMS themes ship `<html lang="en">`
/// to sites that write in German or Portuguese, and the declared code would send the text to
/// the wrong stemmer and stop words. The declared language's function words must be rare in
/// the text, whatlang must be sure of another language, and the words must bear it out: the
/// other language's function words are common in the text and twice as common as the declared
/// language's (a guide that is mostly code, which whatlang may read as anything, has neither;
/// a close relative of the declared language, Danish under a declared Norwegian, shares its
/// function words and keeps the declared code). A text in a script with no list of function
/// words (Japanese under a declared English) needs only to hold next to none of the declared
/// language's. Without a declaration, the text's language as [`detect_language`] reads it.
pub fn language_of(declared: Option<String>, text: &str) -> Option<String> {
    let Some(declared) = declared else {
        return detect_language(text);
    };
    if !newsdesk_text::has_stopwords(&declared) {
        return Some(declared);
    }
    let sample = sample(text, 2048);
    if newsdesk_text::script::word_count(sample) < OVERRIDE_MIN_WORDS {
        return Some(declared);
    }
    // Most pages are in the language they declare, and their words say so at once: whatlang,
    // which costs more than the rest of this, is asked only about the others.
    let in_declared = newsdesk_text::function_word_share(sample, &declared);
    if in_declared >= FUNCTION_WORDS_MIN {
        return Some(declared);
    }
    let Some(info) = whatlang::detect(sample).filter(|i| i.is_reliable() && i.confidence() >= SURE)
    else {
        return Some(declared);
    };
    let found = iso639_1(info.lang().code());
    if found == declared {
        return Some(declared);
    }
    let borne_out = if newsdesk_text::has_stopwords(found) {
        let in_found = newsdesk_text::function_word_share(sample, found);
        in_found >= FUNCTION_WORDS_MIN && in_found >= 2.0 * in_declared
    } else {
        info.script() != whatlang::Script::Latin && in_declared < FUNCTION_WORDS_NONE
    };
    Some(if borne_out {
        found.to_owned()
    } else {
        declared
    })
}

/// A declared language tag's primary language: `en-US` → `en`; `None` for anything that is
/// not a language tag.
pub fn normalize_lang(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

fn sample(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Maps whatlang's ISO 639-3 codes to ISO 639-1 where one exists.
pub(crate) fn iso639_1(code3: &str) -> &str {
    match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        assert_eq!(
            detect_language("The talks between the two governments resumed on Monday in the capital, officials said.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language("Las conversaciones entre los dos gobiernos se reanudaron el lunes en la capital, dijeron los funcionarios.").as_deref(),
            Some("es")
        );
    }

    const GERMAN: &str = "Der Hafen der Stadt wurde am Freitag wieder geöffnet, nachdem die \
        Taucher jeden Pfeiler geprüft hatten. Die beiden Fähren legten vor Mittag an, und der \
        Fischmarkt zog mit seinen Ständen vom Parkplatz zurück, wo er die ganze Woche gehandelt \
        hatte. Die Reparatur der Beleuchtung wird bis zum Ende des Monats in der Nacht \
        weitergehen, sagte die Hafengesellschaft. Der Bürgermeister dankte den Arbeitern für \
        ihre schnelle Hilfe und kündigte an, dass die Stadt im Winter eine vierte Pumpe kaufen \
        will.";

    #[test]
    fn a_text_surely_in_another_language_outweighs_the_declared_one() {
        // A theme's `lang="en"` on a German site.
        assert_eq!(
            language_of(Some("en".into()), GERMAN).as_deref(),
            Some("de")
        );
        assert_eq!(
            language_of(Some("de".into()), GERMAN).as_deref(),
            Some("de")
        );
        assert_eq!(language_of(None, GERMAN).as_deref(), Some("de"));
        let english = "The harbour reopened on Friday after divers had checked every pile. \
            The two ferries berthed before noon, and the fish market moved its stalls back from \
            the car park where it had traded all week. Repairs to the lighting will go on at \
            night until the end of the month, the harbour company said, and the mayor thanked \
            the workers for their quick help and said the town would buy a fourth pump.";
        assert_eq!(
            language_of(Some("en".into()), english).as_deref(),
            Some("en")
        );
        assert_eq!(
            language_of(Some("de".into()), english).as_deref(),
            Some("en")
        );
        // Japanese under a declared English: no English function words at all.
        let japanese = "港は金曜日に再開された。ダイバーがすべての杭を調べた後、二隻のフェリーが昼前に接岸し、\
            魚市場は一週間営業していた駐車場から屋台を戻した。照明の修理は月末まで夜間に続くと港湾会社は述べた。\
            市長は作業員の迅速な助けに感謝し、町は冬までに四台目のポンプを買うと発表した。\
            港の周りの店も少しずつ営業を再開し、観光客も戻り始めている。";
        assert_eq!(
            language_of(Some("en".into()), japanese).as_deref(),
            Some("ja")
        );
    }

    #[test]
    fn the_declared_language_stands_where_the_text_cannot_overrule_it() {
        // Too little text to be sure.
        let short = "Der Hafen wurde am Freitag wieder geöffnet, sagte die Stadt.";
        assert_eq!(language_of(Some("en".into()), short).as_deref(), Some("en"));
        // A close relative: Danish shares most of its function words with the declared
        // Norwegian Bokmål, which stands.
        let danish = "Havnen blev genåbnet fredag, efter at dykkerne havde kontrolleret hver \
            eneste pæl. De to færger lagde til før middag, og fiskemarkedet flyttede sine boder \
            tilbage fra parkeringspladsen, hvor det havde handlet hele ugen. Reparationen af \
            belysningen vil fortsætte om natten indtil udgangen af måneden, sagde havneselskabet, \
            og borgmesteren takkede arbejderne for deres hurtige hjælp og sagde, at byen vil \
            købe en fjerde pumpe inden vinteren.";
        assert_eq!(
            language_of(Some("nb".into()), danish).as_deref(),
            Some("nb")
        );
        // A declared language with no list of function words to weigh the text against.
        assert_eq!(
            language_of(Some("eu".into()), GERMAN).as_deref(),
            Some("eu")
        );
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect_language("Hello"), None);
        assert_eq!(detect_language(""), None);
    }
}
