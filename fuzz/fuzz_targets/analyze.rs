//! Any text as an article: analysis (sentences, entities, quantities, quotes) must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    // English rules, and a language that writes numbers the other way round (2.500,5).
    for language in ["en", "es"] {
        let a = newsdesk_text::analyze(text, text, Some(language));
        for q in &a.quotes {
            assert!(text.get(q.span.0..q.span.1).is_some());
        }
    }
    let _ = newsdesk_text::attributions(text);
});
