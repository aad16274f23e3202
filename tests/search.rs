//! `stanceshift search` and `stanceshift statements` on small indexes built
//! by the real `index` command.

use crate::util::{repo_root, stderr, stdout, TestDir};

fn jsonl(id: &str, date: &str, source: &str, title: &str, body: &str) -> String {
    serde_json::json!({ "id": id, "date": date, "source": source, "title": title, "body": body }).to_string()
}

/// Four articles over two months and two sources.
fn corpus() -> TestDir {
    let dir = TestDir::new();
    let lines = [
        jsonl(
            "a",
            "2025-10-16T09:00:00Z",
            "Harbor Wire",
            "Summit planned",
            "The president said he would meet the premier in Budapest soon.",
        ),
        jsonl(
            "b",
            "2025-10-22T09:00:00Z",
            "Meridian Post",
            "Summit off",
            "Officials said there were no plans to meet the premier.",
        ),
        jsonl(
            "c",
            "2025-10-30T09:00:00Z",
            "Harbor Wire",
            "Tariffs",
            "The ministry announced new tariffs on steel.",
        ),
        jsonl(
            "d",
            "2025-11-05T09:00:00Z",
            "Meridian Post",
            "Meeting again",
            "The premier said a meeting in Budapest was still possible.",
        ),
    ];
    dir.write("news.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "news.jsonl", "--index", "idx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn search(dir: &TestDir, args: &[&str]) -> std::process::Output {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--index", "idx"]);
    dir.run(&all)
}

fn ids(dir: &TestDir, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("--json");
    let out = search(dir, &all);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", stdout(&out), stderr(&out)));
    doc["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn sorts_and_filters() {
    let dir = corpus();
    assert_eq!(ids(&dir, &["meet", "--sort", "oldest"]), vec!["a", "b", "d"]);
    assert_eq!(ids(&dir, &["meet", "--sort", "newest"]), vec!["d", "b", "a"]);
    assert_eq!(ids(&dir, &["meet", "--sort", "newest", "--limit", "1"]), vec!["d"]);
    assert_eq!(
        ids(&dir, &["meet", "--sort", "oldest", "--from", "2025-10-20", "--to", "2025-10-31"]),
        vec!["b"]
    );
    assert_eq!(ids(&dir, &["*", "--sort", "oldest", "--source", "harbor wire"]), vec!["a", "c"]);
    let two_sources =
        ids(&dir, &["*", "--sort", "oldest", "--source", "Harbor Wire", "--source", "Meridian Post"]);
    assert_eq!(two_sources, vec!["a", "b", "c", "d"]);
    assert_eq!(ids(&dir, &["\"meet the premier\" AND NOT budapest"]), vec!["b"]);
    assert_eq!(ids(&dir, &["title:tariffs"]), vec!["c"]);
}

#[test]
fn human_output_shows_date_source_title_id_and_a_marked_snippet() {
    let dir = corpus();
    let out = search(&dir, &["tariffs"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("2025-10-30  Harbor Wire  Tariffs  [c]"));
    assert_eq!(lines.next(), Some("    The ministry announced new **tariffs** on steel."));
    assert_eq!(lines.next(), None);
    assert!(stderr(&out).contains("1-1 of 1 hit"), "{}", stderr(&out));
}

#[test]
fn json_output_is_one_document_with_highlights() {
    let dir = corpus();
    let out = search(&dir, &["budapest", "--json", "--sort", "oldest"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["total"], 2);
    assert_eq!(doc["hits"][0]["id"], "a");
    assert_eq!(doc["hits"][0]["date"], "2025-10-16T09:00:00Z");
    assert_eq!(doc["hits"][0]["source"], "Harbor Wire");
    let snippet = &doc["hits"][0]["snippet"];
    let text = snippet["text"].as_str().unwrap();
    let span = &snippet["highlights"][0];
    let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "Budapest");
}

#[test]
fn count_and_per_bucket() {
    let dir = corpus();
    let out = search(&dir, &["premier", "--count"]);
    assert_eq!((stdout(&out).as_str(), out.status.code()), ("3\n", Some(0)));
    let out = search(&dir, &["premier", "--per", "month"]);
    assert_eq!(stdout(&out), "2025-10-01\t2\n2025-11-01\t1\n");
    let out = search(&dir, &["*", "--per", "week"]);
    assert_eq!(stdout(&out), "2025-10-13\t1\n2025-10-20\t1\n2025-10-27\t1\n2025-11-03\t1\n");
    let out = search(&dir, &["*", "--per", "week", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["buckets"][3], serde_json::json!({ "start": "2025-11-03", "count": 1 }));
}

#[test]
fn no_hits_exit_1_and_bad_queries_exit_2() {
    let dir = corpus();
    let out = search(&dir, &["zeppelin"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    let out = search(&dir, &["zeppelin", "--count"]);
    assert_eq!((stdout(&out).as_str(), out.status.code()), ("0\n", Some(1)));
    let out = search(&dir, &["title:(unclosed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad query"), "{}", stderr(&out));
    let out = dir.run(&["search", "x", "--index", "missing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no index at missing"), "{}", stderr(&out));
}

#[test]
fn statements_of_an_unknown_actor_exit_1() {
    let dir = corpus();
    let out = dir.run(&["statements", "--actor", "Nobody Known", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

/// The bundled sample corpus analyzed with its actor file.
fn sample() -> TestDir {
    let dir = TestDir::new();
    let corpus = repo_root().join("data/sample");
    let out = dir.run(&["index", corpus.to_str().unwrap(), "--index", "idx", "--actors", ACTORS]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

const ACTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/actors.toml");

#[test]
fn statements_come_in_date_order_with_proxies_labelled() {
    let dir = sample();
    let out = dir.run(&["statements", "--actor", "Peskov", "--index", "idx", "--actors", ACTORS]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let dates: Vec<&str> = text.lines().map(|l| &l[..10]).collect();
    assert!(dates.len() >= 2, "{text}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "not in date order:\n{text}");

    let out = dir.run(&["statements", "--actor", "dmitry-peskov", "--json", "--index", "idx"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["actor"], "dmitry-peskov");
    let statements = doc["statements"].as_array().unwrap();
    assert_eq!(statements.len(), dates.len());
    for (line, statement) in text.lines().zip(statements) {
        let speaker = &statement["speaker"];
        assert!(line.contains(speaker["text"].as_str().unwrap()), "{line}");
        assert!(line.ends_with(&format!("[{}]", statement["article_id"].as_str().unwrap())), "{line}");
        match statement["principal"].as_str() {
            Some(principal) if Some(principal) != speaker["actor"].as_str() => {
                assert!(line.contains(&format!("(for {principal})")), "proxy not labelled: {line}")
            }
            _ => assert!(!line.contains("(for "), "{line}"),
        }
    }
}

#[test]
fn statements_of_one_article_list_every_speaker() {
    let dir = sample();
    let run = |extra: &[&str]| {
        let mut args = vec!["statements", "--index", "idx", "--actors", ACTORS];
        args.extend_from_slice(extra);
        dir.run(&args)
    };
    let out = run(&["--article", "cl-2025-10-21-no-plans", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let statements = doc["statements"].as_array().unwrap();
    assert!(statements.iter().all(|s| s["article_id"] == "cl-2025-10-21-no-plans"));
    let speakers: Vec<&str> = statements.iter().filter_map(|s| s["speaker"]["text"].as_str()).collect();
    assert!(speakers.iter().any(|s| s.contains("White House official")), "{speakers:?}");
    assert!(speakers.iter().any(|s| s.contains("Peskov")), "{speakers:?}");
    // With --actor too, only that actor's statements in the article.
    let out = run(&["--article", "cl-2025-10-21-no-plans", "--actor", "Peskov", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let peskov = doc["statements"].as_array().unwrap();
    assert!(!peskov.is_empty() && peskov.len() < statements.len(), "{doc}");
    // An article with no statements (or no such article) exits 1.
    let out = run(&["--article", "psg-2025-10-02-storm"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("no statements"), "{}", stderr(&out));
    // Neither --actor nor --article is a usage error.
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn the_actor_filter_keeps_articles_with_the_actors_statements() {
    let dir = sample();
    let count = |extra: &[&str]| -> u64 {
        let mut args = vec!["search", "summit", "--count", "--index", "idx", "--actors", ACTORS];
        args.extend_from_slice(extra);
        stdout(&dir.run(&args)).trim().parse().unwrap()
    };
    let all = count(&[]);
    let peskov = count(&["--actor", "Peskov"]);
    assert!(0 < peskov && peskov < all, "peskov {peskov} of {all}");
    assert_eq!(count(&["--actor", "Peskov", "--actor", "nobody-at-all"]), peskov);
}
