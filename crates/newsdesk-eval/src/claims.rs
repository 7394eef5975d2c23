//! The same claim across renderings: in the DUC 2004 translations, each article comes in three
//! English renderings that state the same facts in different words. Each quantity claim of the
//! human translation should be grouped by the ledger with the matching claim (the same value)
//! of each machine translation: recall is the share of such pairs grouped together, precision
//! the share of grouped (human, machine) pairs whose values match.

use anyhow::Result;
use clap::Args as ClapArgs;

use newsdesk_core::ledger::{Ledger, LedgerArticle};

use crate::data::{data_dir, read_jsonl_gz};

#[derive(ClapArgs)]
pub struct Args {
    /// Print the claims of the human translation that were not grouped with their match.
    #[arg(long)]
    show_misses: bool,
}

const MACHINE: [&str; 2] = ["ibm", "isi"];

pub fn run(args: Args) -> Result<()> {
    let rows = read_jsonl_gz(&data_dir()?.join("copies/duc2004-translations-dev.jsonl.gz"))?;
    let (mut gold, mut found, mut grouped, mut right) = (0usize, 0usize, 0usize, 0usize);
    let mut claims = 0usize;
    for r in &rows {
        let texts: Vec<(&str, &str)> = ["manual", "ibm", "isi"]
            .iter()
            .map(|k| (*k, r[*k].as_str().unwrap_or_default()))
            .collect();
        let analyses: Vec<_> = texts
            .iter()
            .map(|(_, t)| newsdesk_text::analyze("", t, Some("en")))
            .collect();
        // Three renderings by three "outlets", one source each.
        let articles: Vec<LedgerArticle<'_>> = texts
            .iter()
            .zip(&analyses)
            .map(|((k, t), a)| LedgerArticle {
                id: k,
                outlet: k,
                chain: k,
                time: Some(0),
                text: t,
                analysis: a,
            })
            .collect();
        let ledger = Ledger::build(&articles);
        for claim in &ledger.quantities {
            for h in claim.reports.iter().filter(|x| x.cited.article == "manual") {
                claims += 1;
                for m in MACHINE {
                    let in_group: Vec<_> = claim
                        .reports
                        .iter()
                        .filter(|x| x.cited.article == m)
                        .collect();
                    grouped += in_group.len();
                    right += in_group.iter().filter(|x| x.value == h.value).count();
                    // The matching claim exists when the machine translation states the value.
                    let states_it = ledger
                        .quantities
                        .iter()
                        .flat_map(|c| &c.reports)
                        .any(|x| x.cited.article == m && x.value == h.value);
                    if states_it {
                        gold += 1;
                        if in_group.iter().any(|x| x.value == h.value) {
                            found += 1;
                        } else if args.show_misses {
                            let theirs: Vec<String> = ledger
                                .quantities
                                .iter()
                                .filter(|c| {
                                    c.reports
                                        .iter()
                                        .any(|x| x.cited.article == m && x.value == h.value)
                                })
                                .map(|c| c.what.clone())
                                .collect();
                            println!(
                                "miss: {} ({}) in {m} as {theirs:?}: {}",
                                h.surface,
                                claim.what,
                                h.cited.sentence.replace('\n', " ")
                            );
                        }
                    }
                }
            }
        }
    }
    let recall = found as f64 / gold.max(1) as f64;
    let precision = right as f64 / grouped.max(1) as f64;
    println!("same claim across renderings: {} articles, {claims} quantity claims in the human translations", rows.len());
    println!("recall {recall:.3} ({found}/{gold} matching machine-translation claims grouped), precision {precision:.3} ({right}/{grouped} grouped pairs right)");
    Ok(())
}
