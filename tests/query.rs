//! The search query language and what `search` reports beside hits:
//! field queries, prefixes and edit distances, errors with positions,
//! facets, character offsets of highlights, and `--count --per`.

use crate::util::{stderr, stdout, TestDir};

fn article(id: &str, date: &str, source: &str, author: &str, title: &str, body: &str) -> String {
    serde_json::json!({ "id": id, "date": date, "source": source, "author": author, "title": title, "body": body })
        .to_string()
}

fn corpus() -> TestDir {
    let dir = TestDir::new();
    let lines = [
        article(
            "a",
            "2025-10-16T09:00:00Z",
            "Meridian Post",
            "Ada Quill",
            "Summit planned",
            "Trump said he would meet Putin in Budapest within two weeks.",
        ),
        article(
            "b",
            "2025-10-22T09:00:00Z",
            "Harbor Wire",
            "Ben Roe",
            "Summit off",
            "Officials said there were no plans for a meeting with Putin.",
        ),
        article(
            "c",
            "2025-11-05T09:00:00Z",
            "Meridian Post",
            "Ben Roe",
            "Orbán waits",
            "Orbán said Budapest was still ready to host Putin.",
        ),
    ];
    dir.write("news.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn ids(dir: &TestDir, query: &str) -> Vec<String> {
    let out = dir.run(&["search", query, "--index", "idx", "--json", "--sort", "oldest"]);
    assert!(out.status.code().is_some_and(|c| c < 2), "{query}: {}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn field_queries_match_source_author_title_and_dates() {
    let dir = corpus();
    assert_eq!(ids(&dir, "source:\"Meridian Post\""), ["a", "c"]);
    assert_eq!(ids(&dir, "source:\"meridian post\" -Orbán"), ["a"]);
    assert_eq!(ids(&dir, "author:roe"), ["b", "c"]);
    assert_eq!(ids(&dir, "author:\"Ada Quill\""), ["a"]);
    assert_eq!(ids(&dir, "title:summit"), ["a", "b"]);
    assert_eq!(ids(&dir, "date:2025-10-16"), ["a"]);
    assert_eq!(ids(&dir, "date:2025-10"), ["a", "b"]);
    assert_eq!(ids(&dir, "date:[2025-10-17 TO 2025-11-30]"), ["b", "c"]);
    assert_eq!(ids(&dir, "date:{2025-10-16 TO *]"), ["b", "c"]);
    assert_eq!(ids(&dir, "putin (date:[* TO 2025-10-16] OR source:\"Harbor Wire\")"), ["a", "b"]);
}

#[test]
fn words_take_a_prefix_or_an_edit_distance() {
    let dir = corpus();
    assert_eq!(ids(&dir, "Budap*"), ["a", "c"]);
    assert_eq!(ids(&dir, "Putn~1"), ["a", "b", "c"]);
    assert!(ids(&dir, "Putn").is_empty());
    assert_eq!(ids(&dir, "title:summ*"), ["a", "b"]);
}

#[test]
fn the_default_operator_is_and_and_help_says_so() {
    let dir = corpus();
    assert_eq!(ids(&dir, "Budapest Officials"), Vec::<String>::new());
    assert_eq!(ids(&dir, "Budapest OR Officials"), ["a", "b", "c"]);
    let help = stdout(&dir.run(&["search", "--help"]));
    assert!(help.contains("the default operator is AND"), "{help}");
    assert!(help.contains("source:\"Meridian Post\""), "{help}");
    assert!(help.contains("Latest article first"), "--sort values are described: {help}");
}

#[test]
fn bad_queries_name_the_position_and_the_fields() {
    let dir = corpus();
    let error = |query: &str| {
        let out = dir.run(&["search", query, "--index", "idx"]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        stderr(&out)
    };
    let unknown = error("putin url:x");
    assert!(unknown.contains("unknown field \"url\" at character 7"), "{unknown}");
    assert!(unknown.contains("fields: title, body, source, author, date, id"), "{unknown}");
    let internal = error("kind:article");
    assert!(internal.contains("unknown field \"kind\""), "{internal}");
    assert!(error("meet \"putin").contains("the quote at character 6 is never closed"));
    assert!(error("(meet putin").contains("at character 12"));
    let date = error("date:16.10.2025");
    assert!(date.contains("write YYYY-MM-DD") && date.contains("at character 1"), "{date}");
    assert!(error("Putin~3").contains("at most ~2"));
    for message in [unknown, internal, date] {
        assert!(!message.contains("not declared") && !message.contains("index engine"), "{message}");
    }
}

#[test]
fn facets_count_hits_by_source_and_actor() {
    let dir = corpus();
    let out = dir.run(&["search", "putin", "--index", "idx", "--facet", "source", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["facets"]["source"],
        serde_json::json!([{ "value": "meridian post", "count": 2 }, { "value": "harbor wire", "count": 1 }])
    );
    let out =
        dir.run(&["search", "putin", "--index", "idx", "--facet", "source", "--facet", "actor", "--count"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("3\n\nby source:\n  2  meridian post\n  1  harbor wire\n\nby actor:\n"),
        "{text}"
    );
    assert!(text.ends_with("by actor:\n  1  orbán\n  1  trump\n"), "{text}");
}

#[test]
fn highlights_carry_character_offsets_beside_byte_offsets() {
    let dir = corpus();
    let out = dir.run(&["search", "ready", "--index", "idx", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let snippet = &doc["hits"][0]["snippet"];
    let text = snippet["text"].as_str().unwrap();
    let bytes = &snippet["highlights"][0];
    let chars = &snippet["char_highlights"][0];
    let (b0, b1) = (bytes["start"].as_u64().unwrap() as usize, bytes["end"].as_u64().unwrap() as usize);
    let (c0, c1) = (chars["start"].as_u64().unwrap() as usize, chars["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[b0..b1], "ready");
    assert_eq!(text.chars().skip(c0).take(c1 - c0).collect::<String>(), "ready");
    assert_eq!(b0 - c0, 1, "Orbán's á is two bytes: {snippet}");
}

#[test]
fn count_per_week_is_allowed_and_per_implies_count() {
    let dir = corpus();
    let both = dir.run(&["search", "putin", "--index", "idx", "--count", "--per", "month"]);
    assert!(both.status.success(), "{}", stderr(&both));
    assert_eq!(stdout(&both), "2025-10-01\t2\n2025-11-01\t1\n");
    let per = dir.run(&["search", "putin", "--index", "idx", "--per", "month"]);
    assert_eq!(stdout(&per), stdout(&both));
}
