//! Extracts the article from one saved HTML page and prints it as JSON.
//!
//! ```sh
//! cargo run --release -p newsdesk-extract --example extract_page -- page.html [URL]
//! ```
//!
//! The page's bytes are decoded first (BOM, `<meta charset>`, else sniffing), as a crawler
//! would hand them over; the address, when given, resolves relative links and can date the
//! article (`/2024/02/29/`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_page PAGE.html [URL]");
        return ExitCode::from(2);
    };
    let url = args.next();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let html = newsdesk_extract::decode_html(&bytes, None);
    let article = newsdesk_extract::extract_html(&html, url.as_deref());
    match serde_json::to_string_pretty(&article) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
