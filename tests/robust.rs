//! Robustness on real archives: multi-byte text, analyzer failures, broken
//! pipes, bounded query and paging sizes, dates real archives hold, and
//! durability of the rejects file across a kill and resume.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::util::{bin, stderr, stdout, TestDir};

fn jsonl(id: &str, date: &str, body: &str) -> String {
    serde_json::json!({ "id": id, "date": date, "title": id, "body": body }).to_string()
}

fn rejects(dir: &TestDir, index: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(dir.path().join(index).join("rejects.jsonl")).unwrap_or_default();
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}"))).collect()
}

/// A small deterministic generator (xorshift), so the property test is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn duration_before_multibyte_punctuation_does_not_panic() {
    let book = stanceshift_analyzer::ActorBook::builtin();
    let date = chrono::DateTime::parse_from_rfc3339("2025-10-21T00:00:00Z").unwrap();
    for text in [
        "Two weeks ’s — after Trump said he would meet Putin, no summit has been scheduled.",
        "Two weeks ’s after the talks, the president said he would meet Putin.",
        "Three days —— after the vote the senator said the bill would pass.",
        "Two weeks é—after Trump said he would meet Putin, nothing happened.",
    ] {
        let article = stanceshift_core::Article::new(date, text.to_string());
        let _ = stanceshift_analyzer::analyze_article(&article, &book);
    }
}

/// Random and multi-byte text around time expressions, reporting verbs and
/// quotes: the analyzer must never panic.
#[test]
fn analyzer_survives_random_multibyte_text_around_time_expressions_and_quotes() {
    let pieces = [
        "Two weeks",
        "three days",
        "last week",
        "on Monday",
        "at the time",
        "after",
        "Oct. 16",
        "2025-10-01",
        "said",
        "told reporters",
        "denied",
        "the president",
        "Trump",
        "Putin",
        "officials",
        "he would meet",
        "—",
        "–",
        "’",
        "‘",
        "“",
        "”",
        "\"",
        "'",
        "«",
        "»",
        "…",
        "é",
        "ß",
        "日本",
        "🙂",
        "\u{200b}",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "after ",
        "’s",
        "a",
        "within a month",
        "yesterday",
    ];
    let book = stanceshift_analyzer::ActorBook::builtin();
    let date = chrono::DateTime::parse_from_rfc3339("2025-10-21T00:00:00Z").unwrap();
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    for case in 0..400 {
        let words = 1 + rng.next() % 60;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(rng.pick(&pieces));
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let article = stanceshift_core::Article::new(date, text.clone());
        let result = std::panic::catch_unwind(|| stanceshift_analyzer::analyze_article(&article, &book));
        assert!(result.is_ok(), "case {case} panicked on {text:?}");
    }
}

#[test]
fn an_analyzer_failure_on_one_article_does_not_stop_the_job() {
    let dir = TestDir::new();
    let body = "The president said on Monday that he would meet the governor.";
    dir.write("in.jsonl", [jsonl("a1", "2025-10-20", body), jsonl("a2", "2025-10-21", body)].join("\n"));
    let out = Command::new(bin())
        .args(["index", "in.jsonl", "--index", "idx"])
        .env("STANCESHIFT_TEST_FAIL_ANALYSIS", "a1")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(stdout(&out).starts_with("added 2,"), "{}", stdout(&out));
    assert!(err.contains("analysis failed for article a1"), "{err}");
    assert!(!err.contains("panicked at"), "the caught panic is reported once, not by the panic hook: {err}");
    let rejects = rejects(&dir, "idx");
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert!(rejects[0]["error"].as_str().unwrap().contains("a1"), "{rejects:?}");
    assert!(rejects[0]["error"].as_str().unwrap().contains("forced for a test"), "{rejects:?}");
    let out = dir.run(&["search", "governor", "--count", "--index", "idx"]);
    assert_eq!(stdout(&out).trim(), "2");
}

/// Articles in [`small_index`]: enough output to fill a pipe's buffer.
const SMALL: usize = 1500;

fn small_index(dir: &TestDir) {
    let lines: Vec<String> = (0..SMALL)
        .map(|i| {
            jsonl(
                &format!("p{i}"),
                "2025-10-20",
                "Donald Trump said on Monday that he would meet the governor about the harbour.",
            )
        })
        .collect();
    dir.write("in.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "in.jsonl", "--index", "idx"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Runs the binary with its stdout read for `keep` bytes and then closed.
fn run_closing_stdout(dir: &TestDir, args: &[&str], keep: usize) -> std::process::Output {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = vec![0; keep];
    let _ = stdout.read(&mut buf);
    drop(stdout);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let dir = TestDir::new();
    small_index(&dir);
    for args in [
        &["search", "harbour", "--index", "idx", "--limit", "1500"][..],
        &["statements", "--actor", "donald-trump", "--index", "idx"][..],
        &["statements", "--actor", "donald-trump", "--index", "idx", "--json"][..],
        &["search", "harbour", "--index", "idx", "--json", "--limit", "1500"][..],
    ] {
        let out = run_closing_stdout(&dir, args, 1);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
}

#[test]
fn deeply_nested_queries_and_huge_limits_are_refused_clearly() {
    let dir = TestDir::new();
    small_index(&dir);
    let nested = format!("{}harbour{}", "(".repeat(10_000), ")".repeat(10_000));
    let out = dir.run(&["search", &nested, "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("nested 10000 deep"), "{}", stderr(&out));
    assert!(stderr(&out).len() < 400, "the error does not echo the whole query: {}", stderr(&out));
    let out = dir.run(&["search", "((harbour))", "--index", "idx", "--count"]);
    assert_eq!(stdout(&out).trim(), SMALL.to_string(), "{}", stderr(&out));

    for flag in ["--limit", "--offset"] {
        let out = dir.run(&["search", "harbour", "--index", "idx", flag, "18446744073709551615"]);
        assert_eq!(out.status.code(), Some(2), "{flag}: {}", stderr(&out));
        assert!(stderr(&out).contains("not in"), "{flag}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{flag}: {}", stderr(&out));
    }
    let out = dir.run(&["search", "harbour", "--index", "idx", "--offset", "100000"]);
    assert!(
        stderr(&out).contains("no hits after the first 100000 (there are 1500 hits)"),
        "{}",
        stderr(&out)
    );
}

fn sorted_ids(dir: &TestDir, sort: &str) -> Vec<String> {
    let out = dir.run(&["search", "*", "--json", "--index", "idx", "--limit", "100", "--sort", sort]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("search --json prints JSON");
    doc["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn newest_and_oldest_are_right_for_every_year() {
    let dir = TestDir::new();
    let dates = [
        ("y2300", "2300-06-01"),
        ("y1066", "1066-10-14"),
        ("y1999", "1999-12-31T23:00:00Z"),
        ("y1500", "1500-01-01"),
        ("y2262", "2262-12-31"),
        ("y1789", "1789-04-30"),
        ("y1677", "1677-01-01"),
        ("y2000", "2000-01-01T01:00:00Z"),
    ];
    let lines: Vec<String> =
        dates.iter().map(|(id, date)| jsonl(id, date, "A dated note about the harbour.")).collect();
    dir.write("in.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "in.jsonl", "--index", "idx", "--no-analyze"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let oldest = ["y1066", "y1500", "y1677", "y1789", "y1999", "y2000", "y2262", "y2300"];
    assert_eq!(sorted_ids(&dir, "oldest"), oldest);
    let newest: Vec<&str> = oldest.iter().rev().copied().collect();
    assert_eq!(sorted_ids(&dir, "newest"), newest);
}

#[test]
fn text_files_dated_by_an_old_file_name_or_a_header_line_with_text_after_it() {
    let dir = TestDir::new();
    dir.write(
        "in/1789-04-30-washington.txt",
        "Fellow-Citizens of the Senate and of the House of Representatives.\n",
    );
    dir.write("in/note.txt", "date 2025-10-21      The first paragraph about the lighthouse.\nMore text.\n");
    let out = dir.run(&["index", "in", "--index", "idx", "--no-analyze"]);
    assert!(
        stdout(&out).starts_with("added 2, updated 0, unchanged 0, rejected 0"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = dir.run(&["search", "lighthouse", "--json", "--index", "idx"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["hits"][0]["date"].as_str().unwrap()[..10], *"2025-10-21", "{doc}");
    let out = dir.run(&["search", "senate", "--json", "--index", "idx"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["hits"][0]["date"].as_str().unwrap()[..10], *"1789-04-30", "{doc}");
}

#[test]
fn files_without_an_extension_are_read_and_other_types_are_listed_as_skipped() {
    let dir = TestDir::new();
    dir.write("in/wire", jsonl("w1", "2025-10-21", "A wire story about the lighthouse."));
    dir.write("in/notes", "date 2025-10-22\nA note about the windmill.\n");
    dir.write("in/scan.pdf", "%PDF-1.4 whatever");
    let out = dir.run(&["index", "in", "--index", "idx", "--no-analyze"]);
    assert!(
        stdout(&out).starts_with("added 2, updated 0, unchanged 0, rejected 1"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stderr(&out).contains("scan.pdf: skipped: `.pdf` is not a corpus format"), "{}", stderr(&out));
    let rejects = rejects(&dir, "idx");
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert!(rejects[0]["file"].as_str().unwrap().ends_with("scan.pdf"), "{rejects:?}");
}

#[test]
fn csv_row_with_an_unbalanced_quote_is_rejected_not_merged_with_the_next() {
    let dir = TestDir::new();
    dir.write(
        "q.csv",
        "id,date,body\na1,2025-10-20,\"The first body\na2,2025-10-21,The second body\na3,2025-10-22,The third body\n",
    );
    let out = dir.run(&["index", "q.csv", "--index", "idx", "--no-analyze"]);
    assert!(
        stdout(&out).starts_with("added 2, updated 0, unchanged 0, rejected 1"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("q.csv:2: CSV: a quoted field runs on over the row at line 3"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ambiguous_numeric_dates_need_a_date_order_and_numbers_need_unix_time() {
    let dir = TestDir::new();
    dir.write("in.csv", "id,date,body\na1,02/10/2025,One harbour.\na2,13/10/2025,Two harbour.\na3,1761039000,Three harbour.\n");
    let out = dir.run(&["index", "in.csv", "--index", "idx", "--no-analyze"]);
    assert!(
        stdout(&out).starts_with("added 1, updated 0, unchanged 0, rejected 2"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stderr(&out).contains("in.csv:2: ambiguous date \"02/10/2025\""), "{}", stderr(&out));
    assert!(stderr(&out).contains("in.csv:4: date \"1761039000\" is a bare number"), "{}", stderr(&out));

    let out = dir.run(&[
        "index",
        "in.csv",
        "--index",
        "idx2",
        "--no-analyze",
        "--date-order",
        "dmy",
        "--unix-time",
    ]);
    assert!(
        stdout(&out).starts_with("added 3, updated 0, unchanged 0, rejected 0"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = dir.run(&["search", "one", "--json", "--index", "idx2"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["hits"][0]["date"].as_str().unwrap()[..10], *"2025-10-02", "{doc}");

    let out = dir.run(&["index", "in.csv", "--index", "idx3", "--no-analyze", "--date-order", "mdy"]);
    assert!(
        stdout(&out).starts_with("added 1, updated 0, unchanged 0, rejected 2"),
        "13/10 has no 13th month: {}",
        stdout(&out)
    );
}

#[test]
fn index_exits_1_when_every_record_is_rejected_and_reads_stdin_for_dash() {
    let dir = TestDir::new();
    dir.write("bad.jsonl", "{not json\n{\"body\":\"no date\"}\n");
    let out = dir.run(&["index", "bad.jsonl", "--index", "idx", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("every record was rejected (2)"), "{}", stderr(&out));

    let input = format!("{}\n", jsonl("s1", "2025-10-21", "Read from standard input about the lighthouse."));
    let out = dir.run_with_stdin(&["index", "-", "--index", "idx2", "--no-analyze"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("added 1,"), "{}", stdout(&out));
    let out = dir.run(&["search", "lighthouse", "--count", "--index", "idx2"]);
    assert_eq!(stdout(&out).trim(), "1");
}

fn count(dir: &TestDir, index: &str) -> u64 {
    let out = dir.run(&["search", "*", "--count", "--index", index]);
    stdout(&out).trim().parse().unwrap_or_else(|_| panic!("count: {}{}", stdout(&out), stderr(&out)))
}

/// Kill a job after its first commits, resume it under another spelling of the
/// corpus path: every bad record is in the rejects file once, on whole JSON
/// lines, matching the counts; committed records are not read again.
#[test]
fn after_a_kill_and_resume_the_rejects_file_holds_each_bad_record_once() {
    use std::time::{Duration, Instant};
    let dir = TestDir::new();
    let (files, per_file, bad_every) = (3, 4000, 37);
    let mut bad = 0u64;
    for f in 0..files {
        let lines: Vec<String> = (0..per_file)
            .map(|i| {
                if i % bad_every == 5 {
                    bad += 1;
                    return format!("{{\"id\": \"bad-{f}-{i}\", \"body\": \"broken");
                }
                jsonl(
                    &format!("f{f}-{i}"),
                    "2025-10-16",
                    &format!("Record {i} of file {f} about ferries. {}", "Filler. ".repeat(20)),
                )
            })
            .collect();
        dir.write(&format!("big/part{f}.jsonl"), lines.join("\n"));
    }
    let total = (files * per_file) as u64;
    let mut child = Command::new(bin())
        .args(["index", "big", "--index", "idx", "--batch", "300", "--threads", "1", "--no-analyze"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let checkpoint = stanceshift_index::Index::open(dir.path().join("idx"))
            .ok()
            .and_then(|index| index.last_checkpoint().ok().flatten());
        if checkpoint.is_some_and(|c| c.counts.rejected > 3) {
            break;
        }
        assert!(Instant::now() < deadline, "no commit within two minutes");
        assert!(child.try_wait().unwrap().is_none(), "the job finished before it could be killed");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let committed =
        stanceshift_index::Index::open(dir.path().join("idx")).unwrap().last_checkpoint().unwrap().unwrap();
    assert!(!committed.complete, "the job finished before it was killed");

    // Resume with the corpus path spelled differently (absolute, via `..`).
    let other_spelling = dir.path().join("big").join("..").join("big");
    let out = dir.run(&[
        "index",
        other_spelling.to_str().unwrap(),
        "--index",
        "idx",
        "--batch",
        "5000",
        "--no-analyze",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("resumed an interrupted run: skipped "), "{}", stderr(&out));
    let added_before = committed.counts.added;
    let summary = stdout(&out);
    assert!(
        summary.starts_with(&format!(
            "added {}, updated 0, unchanged 0, rejected {}",
            total - bad - added_before,
            bad - committed.counts.rejected
        )),
        "committed before the kill: {:?}; {summary}",
        committed.counts
    );
    assert_eq!(count(&dir, "idx"), total - bad);

    let text = std::fs::read_to_string(dir.path().join("idx/rejects.jsonl")).unwrap();
    assert!(text.ends_with('\n'), "the rejects file ends with a whole line");
    let mut seen = std::collections::HashSet::new();
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
        let key = (value["file"].as_str().unwrap().to_string(), value["line"].as_u64().unwrap());
        assert!(seen.insert(key.clone()), "{key:?} is in the rejects file twice");
    }
    assert_eq!(seen.len() as u64, bad);
    let last =
        stanceshift_index::Index::open(dir.path().join("idx")).unwrap().last_checkpoint().unwrap().unwrap();
    assert_eq!(last.counts.rejected, bad);
    assert_eq!(last.rejects.unwrap().bytes, text.len() as u64);
}

#[test]
fn strict_commits_exactly_the_batches_before_the_bad_record() {
    let dir = TestDir::new();
    let mut lines: Vec<String> =
        (0..5).map(|i| jsonl(&format!("g{i}"), "2025-10-16", "Good text about otters.")).collect();
    lines.push("{not json".to_string());
    lines.push(jsonl("g9", "2025-10-17", "More good text about otters."));
    dir.write("news.jsonl", lines.join("\n"));
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "--strict", "--batch", "2", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("news.jsonl:6: "), "{}", stderr(&out));
    assert_eq!(count(&dir, "idx"), 4, "two complete batches of two before the bad record");
}

#[test]
fn readers_need_no_write_access_to_the_index() {
    let dir = TestDir::new();
    small_index(&dir);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["meta.json", ".managed.json"] {
            let mode = std::fs::metadata(dir.path().join("idx").join(name)).unwrap().permissions().mode();
            assert_eq!(mode & 0o044, 0o044, "{name} is readable by group and others: {mode:o}");
        }
    }
    // A lock file that cannot be opened for writing stands for a read-only
    // index (tests may run as root, whom permissions do not stop).
    let lock = dir.path().join("idx/.tantivy-meta.lock");
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    let out = dir.run(&["search", "harbour", "--count", "--index", "idx"]);
    assert_eq!(stdout(&out).trim(), SMALL.to_string(), "{}", stderr(&out));
    let out = dir.run(&["statements", "--actor", "donald-trump", "--index", "idx", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dir.run(&["report", "--all", "--format", "json", "-o", "r.json", "--index", "idx"]);
    assert!(dir.path().join("r.json").is_file(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn report_output_refuses_non_regular_files_and_writes_through_symlinks() {
    let dir = TestDir::new();
    small_index(&dir);
    let fifo = dir.path().join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let out = dir.run(&["report", "--all", "--format", "json", "-o", "fifo", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not a regular file (a FIFO)"), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo_like());

    dir.write("real.json", "old");
    std::os::unix::fs::symlink(dir.path().join("real.json"), dir.path().join("link.json")).unwrap();
    let out = dir.run(&["report", "--all", "--format", "json", "-o", "link.json", "--index", "idx"]);
    assert!(out.status.code() != Some(2), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(dir.path().join("link.json")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(dir.path().join("real.json")).unwrap().starts_with('{'));
}

#[cfg(unix)]
trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

#[cfg(unix)]
impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

/// A run-on sentence is analyzed in bounded pieces (linear work) and still
/// yields its statements; a statement with a huge content is analyzed from
/// its first part. Timings are in `stanceshift-bench growth`.
#[test]
fn run_on_sentences_and_huge_contents_are_analyzed_in_bounded_pieces() {
    let book = stanceshift_analyzer::ActorBook::builtin();
    let date = chrono::DateTime::parse_from_rfc3339("2025-10-21T00:00:00Z").unwrap();
    let sentence =
        "the minister said officials told reporters the senator claimed that aides announced ".repeat(250);
    let analysis =
        stanceshift_analyzer::analyze_article(&stanceshift_core::Article::new(date, sentence), &book);
    assert!(analysis.statements.len() > 500, "{}", analysis.statements.len());

    let body = format!(
        "Donald Trump said on Monday that {}.",
        "he would meet Putin in Budapest soon and ".repeat(500)
    );
    let statements =
        stanceshift_analyzer::analyze_article(&stanceshift_core::Article::new(date, body), &book).statements;
    let actor = stanceshift_core::ActorId::new("donald-trump");
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 10, 21).unwrap();
    let analysis = stanceshift_analyzer::timeline::analyze_actor(
        &actor,
        "Donald Trump",
        &statements,
        Some("meet Putin"),
        as_of,
    );
    let point = &analysis.topics[0].points[0];
    assert!(point.statement.content.len() <= 4096 + '…'.len_utf8(), "{}", point.statement.content.len());
    assert!(point.statement.content.ends_with('…'));
}
