//! Any bytes as an HTML page: decoding and extraction must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = newsdesk_extract::decode_html(data, None);
    let _ = newsdesk_extract::extract_html(&html, Some("https://example.org/2024/02/29/story"));
});
