//! End-to-end tests of the `newsdesk` binary: the bundled examples, the seed articles, and bad
//! input.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn newsdesk(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsdesk").expect("binary");
    cmd.arg("--data").arg(data).env_remove("NEWSDESK_DATA");
    cmd
}

fn run(data: &Path, args: &[&str]) -> Output {
    newsdesk(data).args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn story_json(data: &Path, id: i64) -> Value {
    let o = run(data, &["story", &id.to_string(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("story JSON")
}

/// The stories of a data directory, and each story's JSON.
fn stories(data: &Path) -> Vec<Value> {
    let o = run(data, &["stories", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    json_lines(&o)
        .into_iter()
        .map(|s| story_json(data, s["id"].as_i64().expect("id")))
        .collect()
}

fn find_story<'a>(stories: &'a [Value], outlet_article_title: &str) -> &'a Value {
    stories
        .iter()
        .find(|s| {
            s["articles"].as_array().expect("articles").iter().any(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.contains(outlet_article_title))
            })
        })
        .unwrap_or_else(|| panic!("no story with an article titled like {outlet_article_title:?}"))
}

#[test]
fn examples_make_four_stories_with_copies_conflicts_and_updates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let o = run(
        &data,
        &[
            "ingest",
            repo().join("examples").to_str().expect("utf-8 path"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("15 stored, 0 already known, 0 skipped"),
        "{}",
        stderr(&o)
    );

    let all = stories(&data);
    assert_eq!(
        all.len(),
        4,
        "four invented events: {:#?}",
        all.iter().map(|s| &s["title"]).collect::<Vec<_>>()
    );

    // The wire story, its reprint (a copy: same chain), the reworded copy and an independent report.
    let storm = find_story(&all, "Storm Corvina");
    assert_eq!(storm["article_count"], 5);
    // Its summary is the central article's lead, without the wire's dateline.
    let summary = storm["summary"].as_str().expect("summary");
    assert!(
        summary.starts_with("Storm Corvina swept across the Estavian coast overnight"),
        "{summary}"
    );
    let articles = storm["articles"].as_array().expect("articles");
    let wire = articles
        .iter()
        .find(|a| a["outlet"] == "Harbor Wire")
        .expect("wire");
    let reprint = articles
        .iter()
        .find(|a| a["outlet"] == "Coastline Times")
        .expect("reprint");
    assert_eq!(
        reprint["chain"], wire["id"],
        "the reprint is in the wire story's chain"
    );
    assert_eq!(reprint["copy_of"]["article"], wire["id"]);
    // The Spanish translation of the wire story is a copy too.
    let translation = articles
        .iter()
        .find(|a| a["outlet"] == "El Heraldo del Puerto")
        .expect("translation");
    assert_eq!(
        translation["chain"], wire["id"],
        "the translation is in the wire story's chain"
    );
    assert_eq!(translation["copy_of"]["kind"], "translation");
    assert_eq!(
        translation["published"], "2025-02-11",
        "a Spanish date line"
    );
    let chains: std::collections::BTreeSet<&str> = articles
        .iter()
        .map(|a| a["chain"].as_str().expect("chain"))
        .collect();
    assert_eq!(
        storm["independent_sources"].as_u64(),
        Some(chains.len() as u64),
        "independent sources are copy chains"
    );
    assert!(
        chains.len() <= 3,
        "the reprint and the translation are not independent sources"
    );

    // Two outlets disagree on the death toll on the same day: one conflict, both values cited.
    let bridge = find_story(&all, "Halvard Bridge");
    let killed = bridge["ledger"]["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .find(|q| q["what"] == "people killed")
        .expect("death toll claim");
    assert_eq!(killed["status"], "conflict");
    let values: Vec<f64> = killed["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["value"].as_f64().expect("value"))
        .collect();
    assert!(
        values.contains(&14.0) && values.contains(&16.0),
        "{values:?}"
    );
    assert_eq!(
        bridge["conflicts"], 1,
        "{:#}",
        bridge["ledger"]["quantities"]
    );

    // A toll that rises from one day to the next is an update, not a conflict.
    let fire = find_story(&all, "Greyhaven");
    let injured = fire["ledger"]["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .find(|q| q["what"] == "people injured")
        .expect("injured claim");
    assert_eq!(injured["status"], "updated");
    assert!(injured["latest"].as_str().expect("latest").contains("19"));
    // Every outlet reports it, one as "the number of people injured … has risen to 19".
    assert_eq!(injured["sources"], 4, "{injured:#}");
    assert_eq!(fire["conflicts"], 0);
    // In text, the update reads as its two steps: each day's wordings with their outlets.
    let text = stdout(&run(&data, &["story", &fire["id"].to_string()]));
    let line = text
        .lines()
        .find(|l| l.contains("people injured:"))
        .expect("injured line");
    assert_eq!(line.matches(" → ").count(), 1, "{line}");
    assert!(
        line.contains("19 (Northgate Daily) on 2025-04-09"),
        "{line}"
    );

    // The trade deal quote is given to its speaker by three independent outlets.
    let trade = find_story(&all, "Vellmark");
    let quote = trade["ledger"]["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.contains("half-closed for thirty years"))
        })
        .expect("minister's quote");
    assert_eq!(quote["sources"], 3);
    assert!(quote["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .any(|s| s.as_str().is_some_and(|s| s.contains("Sofia Marenko"))));

    // Ingesting again adds nothing.
    let again = run(
        &data,
        &[
            "ingest",
            repo().join("examples").to_str().expect("utf-8 path"),
        ],
    );
    assert!(
        stderr(&again).contains("0 stored, 15 already known, 0 skipped"),
        "{}",
        stderr(&again)
    );
    assert_eq!(stories(&data).len(), 4);

    // Export: every article once, with its story and chain.
    let exported = json_lines(&run(&data, &["export"]));
    assert_eq!(exported.len(), 15);
    for a in &exported {
        for field in [
            "id",
            "url",
            "outlet",
            "title",
            "published",
            "story",
            "chain",
        ] {
            assert!(a.get(field).is_some(), "export lacks {field}: {a}");
        }
    }
}

#[test]
fn demo_lists_the_example_stories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = newsdesk(&dir.path().join("data"))
        .current_dir(repo())
        .arg("demo")
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.starts_with("STORY"), "{table}");
    assert_eq!(table.lines().count(), 5, "header and four stories: {table}");
}

fn seeds() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSDESK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"))
        .join("data/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: seed articles not found at {} (set NEWSDESK_SHARED)",
            dir.display()
        );
        None
    }
}

#[test]
fn seeds_are_one_story_from_two_independent_outlets() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let o = run(&data, &["ingest", seeds.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = stories(&data);
    assert_eq!(all.len(), 1, "one story");
    let story = &all[0];
    assert_eq!(story["article_count"], 2);
    assert_eq!(story["outlets"], 2);
    assert_eq!(
        story["independent_sources"], 2,
        "the seeds rewrite different originals"
    );
    let brighton = story["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["outlet"] == "Brighton Journal")
        .expect("the Brighton Journal article");
    assert_eq!(brighton["published"], "2024-02-29");
    assert_eq!(brighton["dated"], true);
    // The other seed states no date: when it was ingested is no publication time, and is
    // shown as such.
    let undated = story["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["outlet"] != "Brighton Journal")
        .expect("the other article");
    assert_eq!(undated["dated"], false);
    assert_eq!(story["dated"], true);
    assert!(undated["published"].is_null());
    let text = stdout(&run(&data, &["story", &story["id"].to_string()]));
    let line = text
        .lines()
        .find(|l| l.contains(&undated["id"].as_str().expect("id")[..8]))
        .expect("the undated article's line");
    assert!(line.trim_start().starts_with("undated"), "{text}");
    assert_eq!(story["conflicts"], 0);

    // The claims a reader wants, each with the sources that state it.
    let ledger = &story["ledger"];
    let outlets_of = |claim: &serde_json::Value| -> Vec<String> {
        let mut o: Vec<String> = claim["reports"]
            .as_array()
            .expect("reports")
            .iter()
            .map(|r| {
                let cited = if r["cited"].is_object() {
                    &r["cited"]
                } else {
                    r
                };
                cited["outlet"].as_str().unwrap_or("").to_owned()
            })
            .collect();
        o.dedup();
        o
    };
    let quantity = |value: f64, noun: &str| {
        ledger["quantities"]
            .as_array()
            .expect("quantities")
            .iter()
            .find(|q| {
                q["what"].as_str().is_some_and(|w| w.contains(noun))
                    && q["reports"][0]["value"].as_f64() == Some(value)
            })
            .unwrap_or_else(|| panic!("{value} {noun} in {:#}", ledger["quantities"]))
    };
    for (value, noun) in [(85.0, "targets"), (39.0, "killed")] {
        let q = quantity(value, noun);
        assert_eq!(q["sources"], 1);
        assert_eq!(outlets_of(q), vec!["Brighton Journal"]);
    }
    for (value, noun) in [(2500.0, "soldiers"), (150.0, "times")] {
        let q = quantity(value, noun);
        assert_eq!(q["sources"], 1);
        assert_ne!(outlets_of(q), vec!["Brighton Journal"]);
    }
    let speakers: Vec<String> = ledger["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .flat_map(|q| q["speakers"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s.as_str().map(str::to_lowercase))
        .collect();
    for speaker in ["an iraqi military spokesman", "a us source", "the official"] {
        assert!(
            speakers.iter().any(|s| s == speaker),
            "{speaker} in {speakers:?}"
        );
    }
    // Both say the Islamic State took territory in 2014: one date, two sources.
    let year = ledger["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .find(|d| d["value"] == "2014")
        .expect("2014 in the ledger");
    assert_eq!(year["sources"], 2, "{year:#}");
    // Both lead with the talks on the coalition's future: the story's event, two sources.
    let leads = ledger["leads"].as_array().expect("leads");
    assert_eq!(leads.len(), 2, "{leads:#?}");
    assert!(leads.iter().all(|l| l["sentence"]
        .as_str()
        .is_some_and(|s| s.contains("coalition"))));

    let exported = json_lines(&run(&data, &["export"]));
    assert_eq!(exported.len(), 2);
    for a in &exported {
        let text = a["text"].as_str().expect("text");
        for line in text.lines() {
            for boilerplate in [
                "Complete News World",
                "See also",
                "INTERNATIONAL",
                "Related Articles",
                "Back to top",
            ] {
                assert!(
                    !line.contains(boilerplate),
                    "boilerplate {boilerplate:?} left in {}",
                    a["title"]
                );
            }
        }
    }
}

/// A story of undated articles says so, rather than passing off when it was ingested as when
/// it happened.
/// Chinese and Japanese are written without spaces between words: their texts are read,
/// clustered and checked for copies by their characters (see `newsdesk_text::script`).
#[test]
fn chinese_and_japanese_articles_make_stories_and_copy_chains() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles: [(&str, &str); 6] = [
        (
            "zh-quake-1.txt",
            r#"Title: 东岭县发生5.9级地震 已造成12人遇难
Date: 2025-06-10

据省地震局消息，6月10日凌晨3时许，东岭县发生5.9级地震，震源深度10千米。截至上午九时，地震已造成12人遇难，另有80余人受伤。县城部分老旧房屋倒塌，多条乡村道路因山体滑坡中断。

省政府已启动二级应急响应，消防和武警救援队伍正连夜赶往震中。当地学校宣布停课三天，并在操场搭建临时帐篷安置受灾群众。
"#,
        ),
        (
            "zh-quake-2-reprint.txt",
            r#"Title: 东岭县发生5.9级地震 已造成12人遇难
Date: 2025-06-10

据省地震局消息，6月10日凌晨3时许，东岭县发生5.9级地震，震源深度10千米。截至上午九时，地震已造成12人遇难，另有80余人受伤。县城部分老旧房屋倒塌，多条乡村道路因山体滑坡中断。

省政府已启动二级应急响应，消防和武警救援队伍正连夜赶往震中。当地学校宣布停课三天，并在操场搭建临时帐篷安置受灾群众。

本文来源：东岭日报。
"#,
        ),
        (
            "zh-quake-3-update.txt",
            r#"Title: 东岭县地震遇难人数升至19人
Date: 2025-06-11

东岭县抗震救灾指挥部11日通报，此次5.9级地震遇难人数已升至19人，受伤人数超过120人。救援人员在震中附近的三个村庄继续搜救被困群众，目前仍有4人失联。

地震造成东岭县境内多处道路和桥梁受损，电力和通信一度中断。指挥部表示，余震仍在持续，提醒群众不要返回受损房屋。
"#,
        ),
        (
            "zh-metro.txt",
            r#"Title: 南湾市地铁三号线正式开通运营
Date: 2025-06-11

南湾市地铁三号线11日上午正式开通运营，全长二十八公里，共设二十二座车站。首班列车早上六点从西港站发出，市民纷纷前来体验。

市交通局表示，三号线开通后，城市东西两端的通勤时间将缩短约四十分钟，预计日均客流量可达三十万人次。
"#,
        ),
        (
            "ja-flood-1.txt",
            r#"Title: 北浜市で大雨 川が氾濫し300世帯に避難指示
Date: 2025-06-12

北浜市では12日未明から記録的な大雨が降り、市内を流れる青葉川が氾濫した。市は川沿いの約300世帯に避難指示を出し、住民は近くの小学校などに避難している。

気象台によると、12日午前6時までの24時間雨量は280ミリに達し、観測史上最大となった。市内では道路の冠水や土砂崩れが相次いでいる。
"#,
        ),
        (
            "ja-flood-2.txt",
            r#"Title: 青葉川氾濫 北浜市で浸水被害が拡大
Date: 2025-06-13

大雨で青葉川が氾濫した北浜市では、13日も浸水被害の確認が続いている。市によると、床上浸水は少なくとも150棟に上り、避難所には約600人が身を寄せている。

気象台は北浜市周辺で引き続き土砂災害に警戒するよう呼びかけている。
"#,
        ),
    ];
    for (name, text) in articles {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let data = dir.path().join("data");
    let inputs: Vec<String> = articles
        .iter()
        .map(|(name, _)| dir.path().join(name).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["ingest"];
    args.extend(inputs.iter().map(String::as_str));
    let o = run(&data, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("6 stored, 0 already known, 0 skipped"),
        "{}",
        stderr(&o)
    );
    let all = stories(&data);
    let mut sizes: Vec<usize> = all
        .iter()
        .map(|s| s["articles"].as_array().map_or(0, Vec::len))
        .collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![1, 2, 3], "{all:#?}");

    // The earthquake: its report, a reprint of it and an update; the reprint is a copy, so
    // the story has two independent sources, each leading with its own first sentence.
    let quake = find_story(&all, "东岭县地震遇难人数升至19人");
    assert_eq!(quake["articles"].as_array().map(Vec::len), Some(3));
    assert_eq!(quake["independent_sources"], 2, "{quake:#?}");
    let reprint = quake["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| {
            a["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("zh-quake-2-reprint.txt"))
        })
        .expect("the reprint is in the story");
    assert_eq!(reprint["copy_of"]["kind"], "near", "{reprint:#?}");
    let leads = quake["ledger"]["leads"].as_array().expect("leads");
    assert_eq!(leads.len(), 2, "{leads:#?}");
    assert!(
        leads.iter().any(|l| l["sentence"]
            .as_str()
            .is_some_and(|s| s.ends_with("震源深度10千米。"))),
        "{leads:#?}"
    );

    // The death toll rose from the first report to the update: one claim, updated.
    let claims = quake["ledger"]["quantities"]
        .as_array()
        .expect("quantities");
    let toll = claims
        .iter()
        .find(|c| c["what"] == "人 遇难")
        .unwrap_or_else(|| panic!("no death toll claim: {claims:#?}"));
    assert_eq!(toll["status"], "updated", "{toll:#?}");
    assert_eq!(toll["latest"], "19人", "{toll:#?}");

    let flood = find_story(&all, "青葉川氾濫");
    assert_eq!(flood["articles"].as_array().map(Vec::len), Some(2));
    let metro = find_story(&all, "南湾市地铁三号线正式开通运营");
    assert_eq!(metro["articles"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_story_with_no_dated_article_says_it_is_undated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("bridge.txt");
    std::fs::write(
        &input,
        "Halvard Bridge reopens after repairs\n\nThe Halvard Bridge over the Teller River reopened to traffic after three months of repairs that cost the city about 2 million euros, the mayor said.\n",
    )
    .expect("write");
    let data = dir.path().join("data");
    let o = run(&data, &["ingest", input.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = stories(&data);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["dated"], false);
    assert_eq!(all[0]["articles"][0]["dated"], false);
    let text = stdout(&run(&data, &["story", "1"]));
    assert!(
        text.contains("1 article from 1 outlet, 1 independent source; undated; first seen"),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("undated ")),
        "{text}"
    );
}

#[test]
fn bad_input_is_reported_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("input");
    std::fs::create_dir_all(input.join("nested")).expect("mkdir");
    let good = "Ferry talks resume in the capital\n\nNegotiators from both sides met again on Monday to discuss the ferry schedule for the coming summer, officials said.";
    std::fs::write(input.join("good.txt"), good).expect("write");
    std::fs::write(
        input.join("nested/good.html"),
        "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>The old bridge reopened to traffic on Friday after three months of repairs, the city said.</p></article></body></html>",
    )
    .expect("write");
    std::fs::write(input.join("binary.html"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
    std::fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 owners protest new rules in the old town",
    )
    .expect("write");
    std::fs::write(input.join("empty.txt"), b"").expect("write");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, good.replace("Ferry", "Train").as_bytes()).expect("gzip");
    let gz = gz.finish().expect("gzip");
    std::fs::write(input.join("cut.txt.gz"), &gz[..gz.len() / 2]).expect("write");
    std::fs::write(input.join("huge.txt"), "word ".repeat(10 * 1024 * 1024)).expect("write");

    let data = dir.path().join("data");
    let o = run(&data, &["ingest", input.to_str().expect("utf-8 path")]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("2 stored, 0 already known, 5 skipped"),
        "{err}"
    );
    for (file, reason) in [
        ("binary.html", "binary"),
        ("latin1.txt", "invalid UTF-8"),
        ("empty.txt", "empty"),
        ("cut.txt.gz", "gzip"),
        ("huge.txt", "too large"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(reason)),
            "{file} should be named with {reason:?}:\n{err}"
        );
    }
    assert!(!err.contains("panicked"), "{err}");

    let strict = run(
        &dir.path().join("strict"),
        &["ingest", "--strict", input.to_str().expect("utf-8 path")],
    );
    assert_eq!(strict.status.code(), Some(2), "--strict fails on skips");
}

/// Many inputs are extracted in parallel but printed in the order given, a broken one
/// reported in its place and the rest kept.
#[test]
fn extract_keeps_the_inputs_order_across_many_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut args = vec!["extract".to_owned(), "--json".to_owned()];
    for i in 0..60 {
        let path = dir.path().join(format!("{i:02}.txt"));
        let body = if i == 17 {
            String::new()
        } else {
            format!("Title: Ferry talks, round {i}\n\nNegotiators met for round {i} of the ferry talks on Monday, officials in the capital said.")
        };
        std::fs::write(&path, body).expect("write");
        args.push(path.to_str().expect("utf-8").to_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(Path::new("unused"), &args);
    assert_eq!(o.status.code(), Some(2), "a skipped input is reported");
    assert!(stderr(&o).contains("17.txt: empty file"), "{}", stderr(&o));
    let titles: Vec<String> = json_lines(&o)
        .iter()
        .map(|d| d["title"].as_str().expect("title").to_owned())
        .collect();
    let expected: Vec<String> = (0..60)
        .filter(|i| *i != 17)
        .map(|i| format!("Ferry talks, round {i}"))
        .collect();
    assert_eq!(titles, expected);
}

#[test]
fn extract_prints_one_json_object_per_input() {
    let o = run(
        Path::new("unused"),
        &[
            "extract",
            "--json",
            repo()
                .join("examples/html/northgate-daily-halvard-bridge-collapse.html")
                .to_str()
                .expect("utf-8"),
            repo()
                .join("examples/text/valley-sentinel-halvard-bridge.txt")
                .to_str()
                .expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = json_lines(&o);
    assert_eq!(docs.len(), 2);
    for d in &docs {
        for field in [
            "input",
            "url",
            "title",
            "text",
            "authors",
            "published",
            "site_name",
            "language",
        ] {
            assert!(d.get(field).is_some(), "missing {field}");
        }
        assert!(d["authors"].is_array());
        assert_eq!(d["language"], "en");
    }
    assert_eq!(docs[0]["site_name"], "Northgate Daily");
    assert!(docs[0]["published"]
        .as_str()
        .expect("date")
        .starts_with("2025-03-04T"));
    assert!(
        !docs[0]["text"].as_str().expect("text").contains("Related"),
        "{}",
        docs[0]["text"]
    );
    assert_eq!(docs[1]["site_name"], "Valley Sentinel");
    assert_eq!(docs[1]["published"], "2025-03-04");
}

#[test]
fn reading_commands_need_existing_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(&dir.path().join("nowhere"), &["stories"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no newsdesk data in"), "{}", stderr(&o));
    assert!(
        !dir.path().join("nowhere").exists(),
        "a typo must not create an archive"
    );
}

#[test]
fn compare_tells_copies_from_reports_of_the_same_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("none");
    let examples = repo().join("examples");
    let wire = dir.path().join("wire.jsonl");
    // The wire story, as its own file.
    let first = std::fs::read_to_string(examples.join("feeds/wire.jsonl")).expect("read");
    std::fs::write(&wire, first.lines().next().expect("a line")).expect("write");
    let reprint = examples.join("html/coastline-times-storm-corvina-reprint.html");
    let independent = examples.join("html/lakeside-courier-storm-corvina.html");

    let o = run(
        &data,
        &[
            "compare",
            "--json",
            wire.to_str().expect("utf-8"),
            reprint.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["copy"], true);
    assert_eq!(v["kind"], "near");
    assert_eq!(v["original"], "a", "the wire story was published first");
    assert_eq!(v["same_story"], true);

    let o = run(
        &data,
        &[
            "compare",
            "--json",
            wire.to_str().expect("utf-8"),
            independent.to_str().expect("utf-8"),
        ],
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["copy"], false, "{v:#}");
    assert_eq!(v["same_story"], true);

    let trade = examples.join("html/metro-ledger-estavia-vellmark-trade-deal.html");
    let o = run(
        &data,
        &[
            "compare",
            "--json",
            wire.to_str().expect("utf-8"),
            trade.to_str().expect("utf-8"),
        ],
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        (v["copy"].as_bool(), v["same_story"].as_bool()),
        (Some(false), Some(false))
    );

    // Many pairs in one run, one JSON line each; a broken line is reported and skipped.
    let wire_record: Value =
        serde_json::from_str(first.lines().next().expect("line")).expect("record");
    let mut copy = wire_record.clone();
    copy["text"] = Value::String(format!(
        "Syndicated under licence.\n\n{}",
        wire_record["text"].as_str().expect("text")
    ));
    copy["url"] = Value::String("https://reprints.example/1".into());
    let pairs = dir.path().join("pairs.jsonl");
    std::fs::write(
        &pairs,
        format!(
            "{}\n{{broken\n{}\n",
            serde_json::json!({"id": "p1", "a": wire_record, "b": copy}),
            serde_json::json!({"id": 2, "a": wire_record, "b": {"title": "Rates", "text": "The central bank of Estavia raised its main interest rate by half a point on Thursday, its governor said."}}),
        ),
    )
    .expect("write");
    let o = run(
        &data,
        &["compare", "--pairs", pairs.to_str().expect("utf-8")],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "a skipped line makes the run fail"
    );
    assert!(stderr(&o).contains("pairs.jsonl:2"), "{}", stderr(&o));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["id"].as_str(), lines[0]["copy"].as_bool()),
        (Some("p1"), Some(true))
    );
    assert_eq!(
        (lines[1]["id"].as_i64(), lines[1]["copy"].as_bool()),
        (Some(2), Some(false))
    );
    for l in &lines {
        for field in ["id", "copy", "kind", "score"] {
            assert!(l.get(field).is_some(), "missing {field}");
        }
    }
}

#[test]
fn seeds_are_the_same_story_but_not_copies() {
    let Some(seeds) = seeds() else { return };
    let files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(
        &dir.path().join("none"),
        &[
            "compare",
            "--json",
            files[0].to_str().expect("utf-8"),
            files[1].to_str().expect("utf-8"),
        ],
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["copy"], false, "{v:#}");
    assert_eq!(v["same_story"], true, "{v:#}");
}

#[test]
fn story_why_explains_each_assignment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let o = run(
        &data,
        &[
            "ingest",
            repo().join("examples").to_str().expect("utf-8 path"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let storm = stories(&data)
        .into_iter()
        .find(|s| s["title"].as_str().is_some_and(|t| t.contains("Corvina")))
        .expect("storm story");
    let o = run(&data, &["story", &storm["id"].to_string(), "--why"]);
    let why = stdout(&o);
    assert_eq!(why.matches("started the story").count(), 1, "{why}");
    assert!(why.contains("near copy of"), "{why}");
    assert!(why.contains("joined with probability"), "{why}");
    assert!(
        why.contains("port meridian"),
        "shared terms are shown: {why}"
    );
}

/// A stream ingested in one run or in several is clustered alike: a later run still finds the
/// stories that the earlier one left behind the active window (a reprint two months on follows
/// its original into its story).
#[test]
fn a_stream_in_several_runs_is_clustered_as_in_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "The Halvard Bridge over the Teller River reopened to traffic on Tuesday after three months of repairs that cost the city about 2 million euros, the mayor of Port Meridian said. Engineers replaced the bearings and resurfaced the deck, and a weight limit of 40 tonnes now applies.";
    let line = |url: &str, day: &str| {
        serde_json::json!({
            "url": url,
            "title": "Halvard Bridge reopens after repairs",
            "text": text,
            "published": day,
        })
        .to_string()
    };
    let first = dir.path().join("first.jsonl");
    let later = dir.path().join("later.jsonl");
    std::fs::write(&first, line("https://a.example/bridge", "2025-03-04")).expect("write");
    std::fs::write(&later, line("https://b.example/bridge", "2025-05-06")).expect("write");

    let one_run = dir.path().join("one");
    let o = run(
        &one_run,
        &[
            "ingest",
            first.to_str().expect("utf-8"),
            later.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let two_runs = dir.path().join("two");
    for input in [&first, &later] {
        let o = run(&two_runs, &["ingest", input.to_str().expect("utf-8")]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    for data in [&one_run, &two_runs] {
        let all = stories(data);
        assert_eq!(all.len(), 1, "{}: {all:#?}", data.display());
        assert_eq!(all[0]["articles"].as_array().map(Vec::len), Some(2));
    }
    // Stories let go of when the stream moves years on come back for a late arrival.
    let unrelated = serde_json::json!({
        "url": "https://c.example/rates",
        "title": "Central bank of Estavia raises rates",
        "text": "The central bank of Estavia raised its main interest rate by half a point on Thursday to curb inflation, which reached 6 percent in December, its governor said.",
        "published": "2029-01-11",
    })
    .to_string();
    let stream = dir.path().join("stream.jsonl");
    std::fs::write(
        &stream,
        [
            line("https://a.example/bridge", "2025-03-04"),
            unrelated,
            line("https://b.example/bridge", "2025-03-10"),
        ]
        .join("\n"),
    )
    .expect("write");
    let late = dir.path().join("late");
    let o = run(&late, &["ingest", stream.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut sizes: Vec<usize> = stories(&late)
        .iter()
        .map(|s| s["articles"].as_array().map_or(0, Vec::len))
        .collect();
    sizes.sort_unstable();
    assert_eq!(
        sizes,
        vec![1, 2],
        "the late reprint joins its original's story"
    );

    // The active window is the user's to set, within reason.
    let wide = dir.path().join("wide");
    let with_window = |days: &str, input: &Path| {
        let input = input.to_str().expect("utf-8");
        run(&wide, &["ingest", "--window-days", days, input])
    };
    let o = with_window("30", &first);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = with_window("0", &later);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--window-days"), "{}", stderr(&o));
}
