//! `stanceshift extract`: statements as JSON Lines from standard input or
//! files, the same statements `index` stores, bad records on stderr.

use crate::util::{repo_root, stderr, stdout, TestDir};

fn statements(lines: &str) -> Vec<serde_json::Value> {
    lines.lines().map(|l| serde_json::from_str(l).expect("one JSON statement per line")).collect()
}

#[test]
fn extract_streams_statements_from_stdin_and_reports_bad_lines() {
    let sample = std::fs::read_to_string(repo_root().join("data/sample/articles.jsonl")).unwrap();
    let mut input = String::new();
    for (i, line) in sample.lines().enumerate() {
        input.push_str(line);
        input.push('\n');
        if i == 1 {
            input.push_str("{not json\n");
        }
    }
    let dir = TestDir::new();
    let out = dir.run_with_stdin(&["extract"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("-:3: invalid JSON"), "{}", stderr(&out));
    let from_stdin = statements(&stdout(&out));
    assert!(from_stdin.len() > 20, "{}", from_stdin.len());
    for s in &from_stdin {
        for field in ["article_id", "index", "speaker", "cue", "content", "kind", "date", "confidence"] {
            assert!(s.get(field).is_some(), "{field} missing in {s}");
        }
    }

    // The same statements from the file, and the same ones `index` stores.
    let path = dir.write("in/articles.jsonl", &sample);
    let out = dir.run(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(statements(&stdout(&out)), from_stdin);
    let out = dir.run(&["index", "in", "--index", "idx", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out =
        dir.run(&["statements", "--index", "idx", "--json", "--article", "vdc-2025-09-08-strand-trade"]);
    let stored: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let extracted: Vec<&serde_json::Value> =
        from_stdin.iter().filter(|s| s["article_id"] == "vdc-2025-09-08-strand-trade").collect();
    let stored: Vec<&serde_json::Value> = stored["statements"].as_array().unwrap().iter().collect();
    assert!(!stored.is_empty());
    assert_eq!(stored.len(), extracted.len());
}
