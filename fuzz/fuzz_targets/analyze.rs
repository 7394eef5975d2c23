//! Any text as an article: analysis (sentences, entities, quantities, quotes) and what copy
//! detection keeps of it (shingles, the sentence profile) and a story's summary of it must
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    // English rules, and a language that writes numbers the other way round (2.500,5).
    for language in ["en", "es"] {
        let a = newsdesk_text::analyze(text, text, Some(language));
        for q in &a.quotes {
            assert!(text.get(q.span.0..q.span.1).is_some());
        }
        let _ = newsdesk_core::copies::rewrite::profile(text, &a);
    }
    let _ = newsdesk_core::copies::fingerprint(text);
    let _ = newsdesk_text::attributions(text);
    for span in newsdesk_text::sentences(text) {
        assert!(text.get(span.start..span.end).is_some());
    }
    let (start, _) = newsdesk_text::script::first_words(text, 12);
    assert!(text.starts_with(start));
    // A story's summary is made of the text's own sentences.
    let summary = newsdesk_core::ledger::summary(text);
    assert!(summary.len() <= text.len() + 2 * text.split_whitespace().count());
});
