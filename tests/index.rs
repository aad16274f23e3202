//! `stanceshift index`: input formats, bad records, idempotence, upserts,
//! --strict, the writer lock, kill-and-resume, and opening an old index.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{bin, repo_root, stderr, stdout, TestDir};

fn jsonl(id: &str, date: &str, source: &str, title: &str, body: &str) -> String {
    serde_json::json!({ "id": id, "date": date, "source": source, "title": title, "body": body }).to_string()
}

/// Total number of articles in the index at `index`.
fn count(dir: &TestDir, index: &str) -> u64 {
    let out = dir.run(&["search", "*", "--count", "--index", index]);
    stdout(&out).trim().parse().unwrap_or_else(|_| panic!("count: {}{}", stdout(&out), stderr(&out)))
}

fn hits(dir: &TestDir, query: &str) -> Vec<String> {
    let out = dir.run(&["search", query, "--json", "--index", "idx", "--limit", "100", "--sort", "oldest"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("search --json prints JSON");
    doc["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn indexes_every_input_format() {
    let dir = TestDir::new();
    dir.write(
        "in/news.jsonl",
        [
            jsonl("j1", "2025-10-16T10:00:00Z", "Wire", "Jsonl one", "The zeppelin landed in Velmar."),
            jsonl(
                "j2",
                "2025-10-17T10:00:00Z",
                "Wire",
                "Jsonl two",
                "A second jsonl article about harbours.",
            ),
        ]
        .join("\n"),
    );
    dir.write("in/wire.csv", "id,date,title,source,body\nc1,2025-10-18,Csv one,Courier,\"A csv body, with a comma and marmalade.\"\n");
    dir.write(
        "in/notes/story.md",
        "---\nid: m1\ndate: 2025-10-19\ntitle: Markdown one\nsource: Post\n---\n\nThe markdown story mentions a lighthouse.\n",
    );
    dir.write("in/notes/plain.txt", "2025-10-20\nA plain text note about a windmill.\n");
    std::fs::copy(repo_root().join("data/sample/archive.jsonl.gz"), dir.path().join("in/archive.jsonl.gz"))
        .unwrap();

    let out = dir.run(&["index", "in", "--index", "idx", "--no-analyze"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let gz_records = count_gz_records(&repo_root().join("data/sample/archive.jsonl.gz"));
    let summary = stdout(&out);
    assert!(
        summary.starts_with(&format!("added {}, updated 0, unchanged 0, rejected 0 in ", 5 + gz_records)),
        "{summary}"
    );
    assert_eq!(hits(&dir, "zeppelin"), vec!["j1"]);
    assert_eq!(hits(&dir, "marmalade"), vec!["c1"]);
    assert_eq!(hits(&dir, "lighthouse"), vec!["m1"]);
    assert_eq!(hits(&dir, "windmill").len(), 1);
    assert_eq!(count(&dir, "idx"), 5 + gz_records);
}

fn count_gz_records(path: &Path) -> u64 {
    let out = Command::new("zcat").arg(path).output().expect("zcat");
    String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.trim().is_empty()).count() as u64
}

#[test]
fn bad_records_are_rejected_with_file_and_line_and_nothing_else_is_lost() {
    let dir = TestDir::new();
    let lines = [
        jsonl("g1", "2025-10-16", "Wire", "Good one", "The first good article about walruses."),
        r#"{"id": "b1", "date": "2025-10-16", "body": "broken"#.to_string(),
        r#"{"id": "b2", "title": "no date", "body": "An article without a date."}"#.to_string(),
        jsonl("b3", "not a date", "Wire", "Bad date", "An article with a bad date."),
        jsonl("g2", "2025-10-17", "Wire", "Good two", "The second good article about walruses."),
    ];
    dir.write("news.jsonl", lines.join("\n") + "\n");
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "--no-analyze"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [2, 3, 4] {
        assert!(err.contains(&format!("news.jsonl:{line}: ")), "line {line} not reported: {err}");
    }
    assert!(stdout(&out).starts_with("added 2, updated 0, unchanged 0, rejected 3 in "), "{}", stdout(&out));
    assert_eq!(hits(&dir, "walrus"), vec!["g1", "g2"]);

    let rejects = std::fs::read_to_string(dir.path().join("idx/rejects.jsonl")).expect("rejects file");
    let rejects: Vec<&str> = rejects.lines().collect();
    assert_eq!(rejects.len(), 3, "{rejects:?}");
    assert!(rejects[0].contains("news.jsonl") && rejects[0].contains("broken"), "{}", rejects[0]);
    let first: serde_json::Value = serde_json::from_str(rejects[0]).unwrap();
    assert!(first.to_string().contains('2'), "line number missing: {first}");
}

#[test]
fn rejects_go_where_asked_and_printing_is_capped() {
    let dir = TestDir::new();
    let mut lines: Vec<String> = (0..30).map(|i| format!("{{\"id\": \"bad{i}\"")).collect();
    lines.push(jsonl("ok", "2025-10-16", "Wire", "Fine", "A fine article."));
    dir.write("news.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "--no-analyze", "--rejects", "bad.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().filter(|l| l.contains("news.jsonl:")).count(), 20, "{err}");
    assert!(err.contains("... and 10 more"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("bad.jsonl")).unwrap().lines().count(), 30);
}

#[test]
fn reindexing_the_same_corpus_changes_nothing() {
    let dir = TestDir::new();
    let corpus = repo_root().join("data/sample");
    let corpus = corpus.to_str().unwrap();
    let first = dir.run(&["index", corpus, "--index", "idx"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let total = count(&dir, "idx");
    assert!(total >= 30, "sample corpus indexed {total} articles");
    let second = dir.run(&["index", corpus, "--index", "idx"]);
    assert!(second.status.success(), "{}", stderr(&second));
    let expected = format!("added 0, updated 0, unchanged {total}, rejected 0 in ");
    assert!(stdout(&second).starts_with(&expected), "{}", stdout(&second));
    assert_eq!(count(&dir, "idx"), total);
}

#[test]
fn a_changed_body_replaces_the_article() {
    let dir = TestDir::new();
    let write = |body: &str| {
        dir.write(
            "news.jsonl",
            [
                jsonl("a", "2025-10-16", "Wire", "First", body),
                jsonl("b", "2025-10-17", "Wire", "Second", "An unrelated article about ferries."),
            ]
            .join("\n"),
        )
    };
    write("The minister promised a new bridge.");
    assert!(dir.run(&["index", "news.jsonl", "--index", "idx"]).status.success());
    write("The minister cancelled the tunnel.");
    let out = dir.run(&["index", "news.jsonl", "--index", "idx"]);
    assert!(stdout(&out).starts_with("added 0, updated 1, unchanged 1, rejected 0 in "), "{}", stdout(&out));
    assert_eq!(count(&dir, "idx"), 2);
    assert_eq!(hits(&dir, "tunnel"), vec!["a"]);
    assert!(hits(&dir, "bridge").is_empty());
}

#[test]
fn rebuild_starts_from_scratch() {
    let dir = TestDir::new();
    dir.write("one.jsonl", jsonl("a", "2025-10-16", "Wire", "A", "Alpha text."));
    dir.write("two.jsonl", jsonl("b", "2025-10-16", "Wire", "B", "Beta text."));
    assert!(dir.run(&["index", "one.jsonl", "--index", "idx"]).status.success());
    let out = dir.run(&["index", "two.jsonl", "--index", "idx", "--rebuild"]);
    assert!(stdout(&out).starts_with("added 1, "), "{}", stdout(&out));
    assert_eq!(hits(&dir, "text"), vec!["b"]);
}

#[test]
fn strict_stops_at_the_first_bad_record_and_commits_nothing_of_the_batch() {
    let dir = TestDir::new();
    let lines = [
        jsonl("g1", "2025-10-16", "Wire", "Good", "Good text about otters."),
        "{not json".to_string(),
        jsonl("g2", "2025-10-17", "Wire", "Good", "More good text about otters."),
    ];
    dir.write("news.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "--strict"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("news.jsonl:2: "), "{}", stderr(&out));
    assert_eq!(count(&dir, "idx"), 0);
}

#[test]
fn a_second_writer_gets_a_clear_error() {
    let dir = TestDir::new();
    dir.write("news.jsonl", jsonl("a", "2025-10-16", "Wire", "A", "Alpha text."));
    let index = stanceshift_index::Index::open_or_create(dir.path().join("idx")).unwrap();
    let writer = index.writer(stanceshift_index::WriterOptions { heap_bytes: 32 << 20, threads: 1 }).unwrap();
    let out = dir.run(&["index", "news.jsonl", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("index is locked by another job (lock file "), "{}", stderr(&out));
    // Searching works while the writer holds the lock.
    let out = dir.run(&["search", "alpha", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    drop(writer);
    assert!(dir.run(&["index", "news.jsonl", "--index", "idx"]).status.success());
}

#[test]
fn a_killed_job_leaves_a_searchable_index_and_a_rerun_completes_it() {
    let dir = TestDir::new();
    let files = 4;
    let per_file = 6000;
    for f in 0..files {
        let lines: Vec<String> = (0..per_file)
            .map(|i| {
                let id = format!("f{f}-{i}");
                let body = format!(
                    "Record {i} of file {f} reports on harbours, ferries and {} tariffs. {}",
                    i % 97,
                    "Filler words. ".repeat(10)
                );
                jsonl(&id, "2025-10-16T08:00:00Z", "Wire", &format!("Report {id}"), &body)
            })
            .collect();
        dir.write(&format!("big/part{f}.jsonl"), lines.join("\n"));
    }
    let total = (files * per_file) as u64;

    let mut child = Command::new(bin())
        .args(["index", "big", "--index", "idx", "--batch", "500", "--threads", "1"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let committed = loop {
        let checkpoint = stanceshift_index::Index::open(dir.path().join("idx"))
            .ok()
            .and_then(|index| index.last_checkpoint().ok().flatten());
        if let Some(checkpoint) = checkpoint.filter(|c| c.counts.added > 0) {
            break checkpoint;
        }
        assert!(Instant::now() < deadline, "no commit within two minutes");
        assert!(child.try_wait().unwrap().is_none(), "the job finished before it could be killed");
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(!committed.complete, "the job finished before it was killed");

    let after_kill = count(&dir, "idx");
    assert!(after_kill > 0 && after_kill < total, "{after_kill} of {total} after the kill");
    let out = dir.run(&["search", "harbours", "--count", "--index", "idx"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = dir.run(&["index", "big", "--index", "idx", "--batch", "5000"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("resumed an interrupted run: skipped "), "{}", stderr(&out));
    assert_eq!(count(&dir, "idx"), total);
    assert_eq!(dir.run(&["search", "id:f3-5999", "--count", "--index", "idx"]).stdout, b"1\n");

    // A third run finds everything unchanged: the resumed job completed.
    let out = dir.run(&["index", "big", "--index", "idx"]);
    assert!(
        stdout(&out).starts_with(&format!("added 0, updated 0, unchanged {total}, ")),
        "{}",
        stdout(&out)
    );
}

/// An index written by the first release of the schema must stay readable;
/// if this fails, the schema changed incompatibly: bump the format and
/// tell users to re-index with --rebuild.
#[test]
fn opens_an_index_written_by_schema_v1() {
    let dir = TestDir::new();
    let fixture = repo_root().join("tests/fixtures/index-v1");
    copy_dir(&fixture, &dir.path().join("idx"));
    let out = dir.run(&["search", "lighthouse", "--json", "--index", "idx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["total"], 1);
    assert_eq!(doc["hits"][0]["id"], "v1-lighthouse");
    assert_eq!(doc["hits"][0]["date"], "2025-10-16T09:00:00+02:00");
    assert_eq!(doc["hits"][0]["source"], "Fixture Wire");
    assert_eq!(count(&dir, "idx"), 2);
    // Field queries that need no new field work on it; author: asks for a new index.
    let out = dir.run(&["search", "source:\"fixture wire\" date:2025-10", "--count", "--index", "idx"]);
    assert_eq!(stdout(&out), "2\n", "{}", stderr(&out));
    let out = dir.run(&["search", "author:keel", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("built before author: search (index schema v1, now v2)"),
        "{}",
        stderr(&out)
    );
    let out = dir.run(&["statements", "--actor", "mara-keel", "--index", "idx"]);
    assert_eq!(
        stdout(&out),
        "2025-10-16  Mara Keel said: the lighthouse would reopen within two weeks  [v1-lighthouse]\n\
         2025-10-20  Keel told: The ferries will run again on Monday  [v1-harbour]\n"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn a_missing_corpus_path_fails_before_creating_the_index() {
    let dir = TestDir::new();
    let out = dir.run(&["index", "nope.jsonl", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.jsonl: no such file or directory"), "{}", stderr(&out));
    assert!(!dir.path().join("idx").exists());
}
