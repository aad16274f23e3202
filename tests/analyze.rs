//! `stanceshift analyze`: flagged shifts on the sample corpus (the motivating
//! case: Trump's dated promise to meet Putin, withdrawn by an anonymous White
//! House official), on a corpus written here, exit codes and errors.

use crate::util::{repo_root, stderr, stdout, TestDir};

/// A temp dir with the bundled sample corpus indexed into `idx`, using the
/// sample actor file (which makes the White House speak for the president).
pub fn sample_index() -> TestDir {
    let dir = TestDir::new();
    let sample = repo_root().join("data/sample");
    let actors = repo_root().join("data/actors.toml");
    let out = dir.run(&["index", path(&sample), "--index", "idx", "--actors", path(&actors), "-q"]);
    assert!(out.status.success(), "indexing the sample failed: {}", stderr(&out));
    dir
}

pub fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

pub fn sample_actors() -> String {
    path(&repo_root().join("data/actors.toml")).to_string()
}

#[test]
fn flags_the_withdrawn_summit_with_the_proxy_quote() {
    let dir = sample_index();
    let actors = sample_actors();
    let out = dir.run(&[
        "analyze",
        "--actor",
        "Donald Trump",
        "--topic",
        "meet Putin",
        "--index",
        "idx",
        "--actors",
        &actors,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let withdraw = text.lines().find(|l| l.starts_with("withdraw")).unwrap_or_else(|| panic!("{text}"));
    assert!(withdraw.contains("meet Putin"), "{withdraw}");
    assert!(withdraw.contains("2025-10-16"), "{withdraw}");
    assert!(withdraw.contains("2025-10-21 [proxy] a White House official"), "{withdraw}");
    assert!(text.starts_with("Donald Trump (donald-trump): "), "{text}");
    assert!(text.contains("KIND") && text.contains("BEFORE") && text.contains("AFTER"), "{text}");
}

#[test]
fn json_output_is_a_report_document() {
    let dir = sample_index();
    let actors = sample_actors();
    let out = dir.run(&["analyze", "--actor", "Trump", "--json", "--index", "idx", "--actors", &actors]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("analyze --json prints JSON");
    assert_eq!(doc["schema"], "stanceshift.report/v1");
    assert_eq!(doc["meta"]["as_of"], "2025-12-05", "the corpus's last date");
    let actor = &doc["actors"][0];
    assert_eq!(actor["id"], "donald-trump");
    let shifts: Vec<&serde_json::Value> =
        actor["topics"].as_array().unwrap().iter().flat_map(|t| t["shifts"].as_array().unwrap()).collect();
    let withdraw = shifts
        .iter()
        .find(|s| {
            s["kind"] == "withdraw" && s["after"]["quote"].as_str().is_some_and(|q| q.contains("no plans"))
        })
        .expect("the summit's withdraw shift");
    assert_eq!(withdraw["before"]["date"], "2025-10-16");
    assert_eq!(withdraw["after"]["date"], "2025-10-21");
    assert!(withdraw["after"]["proxy_for"].is_string(), "{withdraw}");
    assert!(withdraw["after"]["speaker"].as_str().unwrap().contains("White House official"));
    assert!(withdraw["after"]["quote"].as_str().unwrap().contains("no plans"));
}

#[test]
fn exit_one_when_nothing_is_flagged() {
    let dir = sample_index();
    let actors = sample_actors();
    // Statements, but none on this topic.
    let out = dir.run(&[
        "analyze",
        "--actor",
        "Donald Trump",
        "--topic",
        "zeppelin",
        "--index",
        "idx",
        "--actors",
        &actors,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("no flagged shifts"), "{}", stderr(&out));
    // No statements at all, with a hint naming actors that have some.
    let out = dir.run(&["analyze", "--actor", "Nobody Known", "--index", "idx", "--actors", &actors]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("actors with the most statements"), "{}", stderr(&out));
    // Before the promise was made there is nothing to compare.
    let out = dir.run(&[
        "analyze",
        "--actor",
        "Donald Trump",
        "--to",
        "2025-10-15",
        "--index",
        "idx",
        "--actors",
        &actors,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn errors_exit_two() {
    let dir = TestDir::new();
    let out = dir.run(&["analyze", "--actor", "Donald Trump", "--index", "missing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing"), "{}", stderr(&out));
    let out = dir.run(&["analyze", "--index", "missing"]);
    assert_eq!(out.status.code(), Some(2), "--actor is required");
}

/// A corpus written here, independent of the sample: a mayor's dated promise,
/// then her spokesman backing away from it.
#[test]
fn own_corpus_spokesman_withdrawal() {
    let dir = TestDir::new();
    dir.write(
        "actors.toml",
        r#"
[[actor]]
id = "ilse-marten"
name = "Ilse Marten"
aliases = ["Marten", "Mayor Ilse Marten", "the mayor"]
gender = "female"

[[actor]]
id = "tobias-wren"
name = "Tobias Wren"
aliases = ["Wren"]
gender = "male"
spokesperson_for = "ilse-marten"
"#,
    );
    let article = |id: &str, date: &str, title: &str, body: &str| {
        serde_json::json!({ "id": id, "date": date, "title": title, "source": "Test Gazette", "body": body })
            .to_string()
    };
    dir.write(
        "news.jsonl",
        [
            article(
                "tg-1",
                "2025-03-03",
                "Mayor promises new bridge",
                "Mayor Ilse Marten said on Monday that the city would open the new harbour bridge within two weeks. \
                 \"We will open the bridge within two weeks,\" Marten told reporters.",
            ),
            article(
                "tg-2",
                "2025-03-10",
                "Bridge opening in doubt",
                "Tobias Wren, a spokesman for Mayor Ilse Marten, said there were \"no plans\" to open the harbour \
                 bridge in the immediate future. \"There are no plans to open the bridge soon,\" Wren said.",
            ),
        ]
        .join("\n"),
    );
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "--actors", "actors.toml", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dir.run(&[
        "analyze",
        "--actor",
        "Ilse Marten",
        "--json",
        "--index",
        "idx",
        "--actors",
        "actors.toml",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&out), stderr(&out)));
    let points: Vec<&serde_json::Value> = across_topics(&doc, "points");
    // The spokesman's words are on the mayor's timeline, as a proxy's.
    let wren = points.iter().find(|p| p["speaker"]["actor"] == "tobias-wren");
    let wren = wren.unwrap_or_else(|| panic!("no statement by Wren: {doc:#}"));
    assert_eq!(wren["is_proxy"], true);
    assert_eq!(wren["proxy"], "spokesperson");
    assert_eq!(wren["principal"], "ilse-marten");
    let marten =
        points.iter().find(|p| p["speaker"]["actor"] == "ilse-marten").expect("the mayor's own words");
    assert_eq!(marten["is_proxy"], false);
    // The dated promise, then "no plans" from her spokesman: a withdrawal.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shifts: Vec<&serde_json::Value> = across_topics(&doc, "shifts");
    let withdraw = shifts.iter().find(|s| s["kind"] == "withdraw").unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(withdraw["before"]["date"], "2025-03-03");
    assert_eq!(withdraw["after"]["date"], "2025-03-10");
}

/// Corpus-learned actors: an article that only says "Kovac" is about the
/// Anna Kovac another article names in full, and her spokesman, named as
/// such once, speaks for her where an article gives only his role.
#[test]
fn surnames_and_spokespeople_are_learned_across_articles() {
    let dir = TestDir::new();
    let article = |id: &str, date: &str, body: &str| {
        serde_json::json!({ "id": id, "date": date, "source": "Test Gazette", "body": body }).to_string()
    };
    dir.write(
        "news.jsonl",
        [
            article(
                "k-1",
                "2025-05-05",
                "Prime Minister Anna Kovac said on Monday that the government would sign the port treaty \
                 by the end of the month. Her spokesman, Ivo Dren, said the text was ready.",
            ),
            article("k-2", "2025-05-20", "Kovac said the port treaty would now be signed in the autumn."),
            article(
                "k-3",
                "2025-05-27",
                "\"The prime minister will sign the port treaty in the autumn,\" government spokesman Ivo Dren said.",
            ),
        ]
        .join("\n"),
    );
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dir.run(&["analyze", "--actor", "Anna Kovac", "--json", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let points: Vec<&serde_json::Value> = across_topics(&doc, "points");
    let articles: std::collections::BTreeSet<&str> =
        points.iter().filter_map(|p| p["article_id"].as_str()).collect();
    assert!(articles.contains("k-2"), "the surname-only article counts: {articles:?}");
    assert!(articles.contains("k-3"), "the learned spokesman counts: {articles:?}");
    let shifts: Vec<&str> = across_topics(&doc, "shifts").iter().filter_map(|s| s["kind"].as_str()).collect();
    assert!(shifts.contains(&"timeline_slip"), "{shifts:?}");

    // Regression: `statements --actor` ran a raw query and listed only the
    // statements stored under the full-name id; it lists what `analyze` uses.
    let out = dir.run(&["statements", "--actor", "Anna Kovac", "--json", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed: std::collections::BTreeSet<&str> =
        listed["statements"].as_array().unwrap().iter().filter_map(|s| s["article_id"].as_str()).collect();
    assert_eq!(
        listed,
        ["k-1", "k-2", "k-3"].into_iter().collect(),
        "statements --actor lists what analyze uses"
    );
    let out = dir.run(&["statements", "--actor", "Anna Kovac", "--role", "speaker", "--index", "idx"]);
    assert!(!stdout(&out).contains("Ivo Dren"), "--role speaker lists her own words only: {}", stdout(&out));

    // A surname says on stderr which actor it chose; an id needs no note, nor does -q.
    let out = dir.run(&["statements", "--actor", "Kovac", "--index", "idx"]);
    assert!(stderr(&out).contains("anna-kovac (Anna Kovac)"), "{}", stderr(&out));
    let out = dir.run(&["statements", "--actor", "anna-kovac", "--index", "idx"]);
    assert!(!stderr(&out).contains("--actor"), "{}", stderr(&out));
    let out = dir.run(&["statements", "--actor", "Kovac", "--index", "idx", "-q"]);
    assert!(!stderr(&out).contains("--actor"), "{}", stderr(&out));
}

/// The `field` entries ("points", "shifts") of every topic of the first actor of a report document.
fn across_topics<'a>(doc: &'a serde_json::Value, field: &str) -> Vec<&'a serde_json::Value> {
    let topics = doc["actors"][0]["topics"].as_array().expect("a report with topics");
    topics.iter().flat_map(|t| t[field].as_array().expect("a list in every topic")).collect()
}
