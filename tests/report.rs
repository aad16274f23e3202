//! `stanceshift report`: the motivating case in every format, byte-identical
//! reruns (same index, and a second index built from the same corpus),
//! `--all`, stdout, format selection and errors.

use crate::analyze::{sample_actors, sample_index};
use crate::util::{stderr, stdout, TestDir};

fn report(dir: &TestDir, extra: &[&str]) -> std::process::Output {
    let actors = sample_actors();
    let mut args = vec!["report", "--index", "idx", "--actors", &actors];
    args.extend_from_slice(extra);
    dir.run(&args)
}

fn read(dir: &TestDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn motivating_case_in_every_format() {
    let dir = sample_index();
    for file in ["trump.md", "trump.html", "trump.json"] {
        let out = report(&dir, &["--actor", "Donald Trump", "-o", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "the report goes to the file only");
    }

    let md = read(&dir, "trump.md");
    assert!(md.starts_with("# Stance shift report\n"), "{md}");
    assert!(md.contains("## Donald Trump"));
    assert!(md.contains("### meet Putin"), "{md}");
    let withdraw = md.find("withdraw · score").unwrap_or_else(|| panic!("no withdraw section: {md}"));
    let section = &md[withdraw..];
    assert!(section.contains("**After** 2025-10-21 · a White House official (for "), "{section}");
    assert!(section.contains("via proxy"));
    assert!(md.contains("#### Commitment ledger"));

    let html = read(&dir, "trump.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    assert!(html.contains(r#"<circle class="point proxy""#), "the official's statement is hollow");
    assert!(html.contains(">withdraw "), "the shift is labelled on the chart");
    assert!(html.contains(r#"<span class="kind">withdraw</span>"#));
    // Web addresses only in the namespace and in links to the quoted articles.
    let mut without_links = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(without_links.contains(r#"href="https://capitalledger.example/"#));
    while let Some(at) = without_links.find("href=\"http") {
        let end = at + without_links[at + 6..].find('"').unwrap() + 7;
        without_links.replace_range(at..end, "");
    }
    assert!(!without_links.contains("http://") && !without_links.contains("https://"));
    assert!(!html.contains("<script") && !html.contains("src="));

    let json: serde_json::Value = serde_json::from_str(&read(&dir, "trump.json")).unwrap();
    assert_eq!(json["schema"], "stanceshift.report/v1");
    assert_eq!(json["meta"]["generated_from"], "idx");
    let topic = json["actors"][0]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"] == "meet Putin")
        .expect("the meet Putin topic");
    let withdraw = topic["shifts"].as_array().unwrap().iter().find(|s| s["kind"] == "withdraw").unwrap();
    assert_eq!(withdraw["flagged"], true);
    assert!(withdraw["after"]["proxy_for"].is_string());
    let official = topic["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["statement_id"] == withdraw["after"]["statement_id"])
        .expect("the cited statement is on the timeline");
    assert_eq!(official["is_proxy"], true);
    assert_eq!(official["proxy"], "anonymous_official");
}

#[test]
fn reruns_are_byte_identical() {
    let first = sample_index();
    let second = sample_index();
    for format in ["md", "html", "json"] {
        let name = format!("all.{format}");
        for dir in [&first, &second] {
            let out = report(dir, &["--all", "-o", &name]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        }
        let again = format!("again.{format}");
        let out = report(&first, &["--all", "-o", &again]);
        assert_eq!(out.status.code(), Some(0));
        let bytes = read(&first, &name);
        assert_eq!(bytes, read(&first, &again), "{format}: same index, different report");
        assert_eq!(bytes, read(&second, &name), "{format}: same corpus indexed twice, different report");
    }
}

#[test]
fn all_reports_every_actor_once() {
    let dir = sample_index();
    let out = report(&dir, &["--all", "--format", "json", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> =
        json["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"donald-trump"), "{ids:?}");
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(unique, ids, "sorted, each actor once");
    // The White House speaks for the president: not analyzed on its own.
    assert!(!ids.contains(&"white-house") && !ids.contains(&"trump-administration"), "{ids:?}");
    // The one-actor report's analysis is the same as in the batch.
    let single = report(&dir, &["--actor", "Donald Trump", "--format", "json"]);
    let single: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    let batch = json["actors"].as_array().unwrap().iter().find(|a| a["id"] == "donald-trump").unwrap();
    assert_eq!(&single["actors"][0], batch);
}

#[test]
fn format_comes_from_the_flag_or_the_file_name() {
    let dir = sample_index();
    // Markdown on stdout by default.
    let out = report(&dir, &["--actor", "Donald Trump"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("# Stance shift report"));
    // An explicit format wins over the extension.
    let out = report(&dir, &["--actor", "Donald Trump", "--format", "json", "-o", "out.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read(&dir, "out.txt").starts_with("{\n  \"schema\""));
    // No flag and an unknown extension: an error, and no file.
    let out = report(&dir, &["--actor", "Donald Trump", "-o", "out.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("out.pdf"), "{}", stderr(&out));
    assert!(!dir.path().join("out.pdf").exists());
    let out = report(&dir, &["--actor", "Donald Trump", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn actor_or_all_is_required() {
    let dir = sample_index();
    let out = report(&dir, &["-o", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
    let out = report(&dir, &["--actor", "Donald Trump", "--all", "-o", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_actor_without_statements_gets_an_empty_report_and_exit_one() {
    let dir = sample_index();
    let out = report(&dir, &["--actor", "Nobody Known", "-o", "nobody.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let md = read(&dir, "nobody.md");
    assert!(md.contains("## Nobody Known"));
    assert!(md.contains("No statements on any topic."));
}

#[test]
fn reports_cite_outlet_headline_and_link() {
    let dir = sample_index();
    let out = report(&dir, &["--actor", "Donald Trump", "-o", "trump.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = read(&dir, "trump.md");
    assert!(md.contains("The Capital Ledger, [“Trump says he will meet Putin in Budapest after long phone call”](<https://capitalledger.example/2025/10/16/trump-putin-budapest>), 2025-10-16 · `cl-2025-10-16-budapest#1`"), "{md}");
    // "he" resolved to Donald Trump is shown by name, the words beside it.
    assert!(md.contains("| Donald Trump (“he”) |"), "{md}");
    assert!(md.contains("## How to read this report"));
    let out = report(&dir, &["--actor", "Donald Trump", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let point = &json["actors"][0]["topics"][0]["points"][0];
    assert!(point["article"]["outlet"].is_string(), "{point}");
    assert!(point["article"]["title"].is_string(), "{point}");
}

#[test]
fn all_opens_with_ranked_findings() {
    let dir = sample_index();
    let out = report(&dir, &["--all", "-o", "all.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("analyzing"), "no progress bar when stderr is no terminal");
    let md = read(&dir, "all.md");
    let findings = md.find("## Findings").expect("a findings section");
    let first_actor = md.find("\n## ").map(|i| i + 1).unwrap();
    assert_eq!(findings, first_actor, "findings come first");
    let scores: Vec<f32> = md[findings..]
        .lines()
        .skip(4)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split('|').nth(2).unwrap().trim().parse().unwrap())
        .collect();
    assert!(scores.len() >= 3, "{md}");
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "ranked by score: {scores:?}");
    assert!(md.contains("## Actors without flagged shifts"), "one line each for the rest");

    let out = report(&dir, &["--all", "--only-flagged", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actors = json["actors"].as_array().unwrap();
    assert!(actors.iter().all(|a| a["summary"]["flagged_shifts"].as_u64() > Some(0)));
    assert!(json["findings"].as_array().unwrap().len() >= 3);

    let out = report(&dir, &["--all", "--min-score", "0.8", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty() && findings.iter().all(|f| f["score"].as_f64() >= Some(0.8)));
    let out = report(&dir, &["--all", "--min-score", "2", "-o", "x.md"]);
    assert_eq!(out.status.code(), Some(2), "a score is 0..1");
}

#[test]
fn open_hands_the_file_to_the_viewer_and_never_fails() {
    let dir = sample_index();
    let bin_dir = dir.path().join("bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    let opener = bin_dir.join(if cfg!(target_os = "macos") { "open" } else { "xdg-open" });
    let record = bin_dir.join("opened");
    std::fs::write(&opener, format!("#!/bin/sh\necho \"$1\" > '{}'\n", record.display())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let actors = crate::analyze::sample_actors();
    let run = |path: &std::path::Path| {
        std::process::Command::new(crate::util::bin())
            .args([
                "report", "--index", "idx", "--actors", &actors, "--actor", "Trump", "-o", "t.html", "--open",
            ])
            .current_dir(dir.path())
            .env("PATH", path)
            .output()
            .unwrap()
    };
    let out = run(&bin_dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let opened = std::fs::read_to_string(&record).expect("the viewer ran");
    assert!(opened.trim().ends_with("t.html"), "{opened}");
    // No viewer at all: the report is written, the path printed, exit 0.
    let out = run(&dir.path().join("nowhere"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("the report is at") && stderr(&out).contains("t.html"), "{}", stderr(&out));
}

#[test]
fn statements_json_has_the_report_point_shape() {
    let dir = sample_index();
    let actors = sample_actors();
    let out =
        dir.run(&["statements", "--actor", "Donald Trump", "--json", "--index", "idx", "--actors", &actors]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "stanceshift.statements/v1");
    for statement in doc["statements"].as_array().unwrap() {
        for field in ["statement_id", "quote", "reporting_cue", "attribution_confidence", "speech", "article"]
        {
            assert!(statement.get(field).is_some(), "{field} missing in {statement}");
        }
        let confidence = statement["attribution_confidence"].as_f64().unwrap();
        assert_eq!((confidence * 1000.0).round() / 1000.0, confidence, "rounded to 3 decimals");
        assert!(statement.get("content").is_none() && statement.get("confidence").is_none());
    }
}

#[test]
fn sample_charts_have_no_colliding_labels() {
    let dir = sample_index();
    let out = report(&dir, &["--all", "-o", "all.html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(&dir, "all.html");
    assert!(html.matches("<svg ").count() > 5);
    assert_eq!(stanceshift_report::chart_label_collisions(&html), Vec::<String>::new());
}
