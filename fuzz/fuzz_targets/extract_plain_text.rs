//! Any text as a plain-text article: extraction must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = newsdesk_extract::extract_plain_text(text);
    let _ = newsdesk_extract::clean_plain_body(text);
});
