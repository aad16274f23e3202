//! What users expect of a command line: colour switches, tables that fit the
//! terminal, date flags with a format hint, counted nouns, `demo` flags,
//! `statements --limit`, `index --json`, shell completions and a man page.

use crate::util::{repo_root, stderr, stdout, TestDir};

fn sample() -> TestDir {
    let dir = TestDir::new();
    let corpus = repo_root().join("data/sample");
    let out = dir.run(&["index", corpus.to_str().unwrap(), "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn color_follows_the_flag_over_no_color() {
    let dir = sample();
    let search = |color: &str| {
        let out = std::process::Command::new(crate::util::bin())
            .args(["search", "Putin", "--index", "idx", "--limit", "1", "--color", color])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        stdout(&out)
    };
    assert!(search("always").contains("\x1b[1mPutin\x1b[0m"));
    let never = search("never");
    assert!(!never.contains('\x1b') && never.contains("**Putin**"), "{never}");
    assert!(!search("auto").contains('\x1b'));
}

#[test]
fn analyze_tables_fit_the_columns() {
    let dir = sample();
    for columns in ["70", "100"] {
        let out = std::process::Command::new(crate::util::bin())
            .args(["analyze", "--actor", "Donald Trump", "--index", "idx", "-q"])
            .current_dir(dir.path())
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        let table = stdout(&out);
        let width: usize = columns.parse().unwrap();
        assert!(table.lines().count() >= 4, "{table}");
        assert!(table.lines().all(|l| l.chars().count() <= width), "wider than {width}:\n{table}");
        assert!(table.contains('…'), "{table}");
    }
}

#[test]
fn date_flags_explain_the_format_and_their_order() {
    let dir = sample();
    let out = dir.run(&["search", "Putin", "--index", "idx", "--from", "16/10/2025"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("write the day as YYYY-MM-DD, e.g. 2025-10-16"), "{}", stderr(&out));
    for command in [
        &["search", "Putin"][..],
        &["statements", "--actor", "Donald Trump"],
        &["analyze", "--actor", "Trump"],
    ] {
        let mut args = command.to_vec();
        args.extend(["--index", "idx", "--from", "2025-10-30", "--to", "2025-10-01"]);
        let out = dir.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("--from 2025-10-30 is after --to 2025-10-01"), "{}", stderr(&out));
    }
}

#[test]
fn an_offset_past_the_hits_says_so() {
    let dir = sample();
    let out = dir.run(&["search", "Putin", "--index", "idx", "--offset", "50"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("no hits after the first 50 (there are 6 hits)"), "{}", stderr(&out));
}

#[test]
fn one_statement_is_singular() {
    let dir = TestDir::new();
    dir.write(
        "one.jsonl",
        r#"{"id":"x","date":"2025-10-16","body":"Mara Keel said the lighthouse would reopen within two weeks."}"#,
    );
    let out = dir.run(&["index", "one.jsonl", "--index", "idx"]);
    assert!(stderr(&out).contains("1 statement found"), "{}", stderr(&out));
    let out = dir.run(&["search", "lighthouse", "--index", "idx"]);
    assert!(stderr(&out).contains("1-1 of 1 hit\n"), "{}", stderr(&out));
}

#[test]
fn statements_limit_and_plain_words_after_the_colon() {
    let dir = sample();
    let out = dir.run(&["statements", "--actor", "Donald Trump", "--index", "idx", "--limit", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
    assert!(stderr(&out).contains("2 of 21 statements"), "{}", stderr(&out));
    let all = stdout(&dir.run(&["statements", "--actor", "Donald Trump", "--index", "idx"]));
    assert!(all.contains("Trump told: We will meet in Budapest within two weeks or so  ["), "{all}");
    assert!(!all.contains(": \"\"") && !all.contains(": \"“"), "{all}");
}

#[test]
fn index_json_summarises_the_run() {
    let dir = TestDir::new();
    dir.write(
        "a.jsonl",
        "{\"id\":\"a\",\"date\":\"2025-10-16\",\"body\":\"Keel said the pier will open.\"}\nnot json\n",
    );
    let out = dir.run(&["index", "a.jsonl", "--index", "idx", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((doc["added"].as_u64(), doc["rejected"].as_u64()), (Some(1), Some(1)), "{doc}");
    assert_eq!(
        (doc["updated"].as_u64(), doc["unchanged"].as_u64(), doc["skipped"].as_u64()),
        (Some(0), Some(0), Some(0))
    );
    assert_eq!(doc["statements"], 1);
    assert_eq!(doc["index"], "idx");
    assert!(doc["elapsed_seconds"].as_f64().is_some_and(|s| s >= 0.0), "{doc}");
    let again = dir.run(&["index", "a.jsonl", "--index", "idx", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!((doc["added"].as_u64(), doc["unchanged"].as_u64()), (Some(0), Some(1)), "{doc}");
}

#[test]
fn demo_honours_quiet_and_index() {
    let dir = TestDir::new();
    let corpus = repo_root().join("data/sample");
    let out =
        dir.run(&["demo", "-q", "--corpus", corpus.to_str().unwrap(), "--index", "mine", "--out", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("mine/meta.json").is_file());
    assert!(!dir.path().join("out/index").exists());
    assert!(dir.path().join("out/report.html").is_file());
    assert!(!stdout(&out).contains("== 1/5"), "{}", stdout(&out));
    assert!(!stderr(&out).contains("statements found"), "{}", stderr(&out));
}

#[test]
fn completions_and_man_page() {
    let dir = TestDir::new();
    for (shell, mark) in
        [("bash", "complete -F"), ("zsh", "#compdef stanceshift"), ("fish", "complete -c stanceshift")]
    {
        let out = dir.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(mark), "{shell}: {script}");
        assert!(script.contains("facet") && script.contains("statements"), "{shell}");
    }
    let out = dir.run(&["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.starts_with(".ie") || page.contains(".TH stanceshift"), "{}", &page[..200.min(page.len())]);
    assert!(
        page.contains("STANCESHIFT SEARCH") && page.contains("\\-\\-facet"),
        "man page lacks search's flags"
    );
}
