//! The actor file an index was built with is recorded in it (`INDEX/actors.toml`),
//! so results never depend on repeating `--actors`: queries and incremental
//! re-runs use the recorded file, another `--actors` is warned of, and
//! `--no-actors` drops it.

use crate::analyze::{path, sample_actors, sample_index};
use crate::util::{repo_root, stderr, stdout, TestDir};

/// Runs a command that must succeed or find nothing (exit 0 or 1).
fn run_ok(dir: &TestDir, args: &[&str]) -> (String, String) {
    let out = dir.run(args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", stderr(&out));
    (stdout(&out), stderr(&out))
}

fn sample() -> String {
    path(&repo_root().join("data/sample")).to_string()
}

/// A different actor file: Trump is someone else's alias.
const OTHER_ACTORS: &str =
    "[[actor]]\nid = \"someone-else\"\nname = \"Someone Else\"\naliases = [\"Trump\"]\n";

/// Queries whose answers depend on the sample actor file (its aliases and
/// affiliations), as argument lists without `--actors`.
fn actor_dependent_queries(index: &str) -> Vec<Vec<String>> {
    let queries: [&[&str]; 5] = [
        &["statements", "--actor", "the president", "--json"],
        &["statements", "--actor", "Rubio", "--json"],
        &["statements", "--actor", "Trump administration", "--json"],
        &["analyze", "--actor", "Donald Trump", "--topic", "meet Putin", "--json"],
        &["search", "*", "--actor", "the president", "--count"],
    ];
    queries
        .iter()
        .map(|q| q.iter().map(|s| s.to_string()).chain(["--index".into(), index.into()]).collect())
        .collect()
}

fn run_query(dir: &TestDir, query: &[String], extra: &[&str]) -> (String, String) {
    let mut args: Vec<&str> = query.iter().map(String::as_str).collect();
    args.extend(extra);
    run_ok(dir, &args)
}

#[test]
fn queries_without_actors_use_the_file_the_index_was_built_with() {
    let dir = sample_index();
    let actors = sample_actors();
    let recorded = std::fs::read(dir.path().join("idx/actors.toml")).expect("index records its actor file");
    assert_eq!(recorded, std::fs::read(&actors).unwrap(), "a byte-for-byte copy");
    let source = std::fs::read_to_string(dir.path().join("idx/actors.source")).unwrap();
    assert_eq!(source.trim_end(), std::fs::canonicalize(&actors).unwrap().to_str().unwrap());
    for query in actor_dependent_queries("idx") {
        let (given, _) = run_query(&dir, &query, &["--actors", &actors]);
        let (recorded, warnings) = run_query(&dir, &query, &[]);
        assert_eq!(recorded, given, "{query:?} without --actors");
        assert!(!warnings.contains("warning"), "{query:?}: {warnings}");
        // The built-in actors alone answer otherwise: the recorded file is what made them equal.
        let (builtin, _) = run_query(&dir, &query, &["--no-actors", "-q"]);
        assert_ne!(builtin, given, "{query:?} with --no-actors");
    }
}

#[test]
fn an_index_re_run_without_actors_keeps_the_recorded_file_and_changes_nothing() {
    let dir = sample_index();
    let (out, err) = run_ok(&dir, &["index", &sample(), "--index", "idx"]);
    assert!(out.starts_with("added 0, updated 0, unchanged 30, rejected 0 in "), "{out}");
    assert!(err.contains("using the actor file recorded in the index (idx/actors.toml, a copy of "), "{err}");
    let (json, _) = run_ok(&dir, &["index", &sample(), "--index", "idx", "--json", "-q"]);
    let summary: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((summary["updated"].as_u64(), summary["unchanged"].as_u64()), (Some(0), Some(30)), "{json}");
    // Repeating the same file is not a change either, and says nothing about it.
    let (out, err) = run_ok(&dir, &["index", &sample(), "--index", "idx", "--actors", &sample_actors()]);
    assert!(out.starts_with("added 0, updated 0, unchanged 30, "), "{out}");
    assert!(!err.contains("actors:"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("idx/actors.toml")).unwrap(),
        std::fs::read(sample_actors()).unwrap()
    );
}

#[test]
fn another_actor_file_at_query_time_is_warned_of() {
    let dir = sample_index();
    dir.write("other.toml", OTHER_ACTORS);
    let (_, err) =
        run_ok(&dir, &["statements", "--actor", "Trump", "--index", "idx", "--actors", "other.toml"]);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(warnings[0].contains("idx was built with another actor file (idx/actors.toml"), "{err}");
    assert!(warnings[0].contains("than other.toml"), "{err}");
    assert!(warnings[0].contains("keep the attribution they were indexed with until"), "{err}");
    let args = ["analyze", "--actor", "Donald Trump", "--index", "idx", "--actors", "other.toml", "--quiet"];
    let (_, err) = run_ok(&dir, &args);
    assert!(!err.contains("warning"), "--quiet: {err}");
    // The recorded copy itself, and the original, are the same file.
    for same in [sample_actors(), "idx/actors.toml".to_string()] {
        let (_, err) = run_ok(&dir, &["statements", "--actor", "Trump", "--index", "idx", "--actors", &same]);
        assert!(!err.contains("warning"), "{same}: {err}");
    }
    // A config file's actor file is given too.
    dir.write("stanceshift.toml", "actors = \"other.toml\"\n");
    let (_, err) = run_ok(&dir, &["statements", "--actor", "Trump", "--index", "idx"]);
    assert!(err.contains("warning: the index idx was built with another actor file"), "{err}");
}

#[test]
fn index_with_another_actor_file_re_analyzes_and_records_it() {
    let dir = sample_index();
    dir.write("other.toml", OTHER_ACTORS);
    let (out, err) = run_ok(&dir, &["index", &sample(), "--index", "idx", "--actors", "other.toml"]);
    assert!(out.starts_with("added 0, updated 30, unchanged 0, "), "{out}");
    assert!(err.contains("other.toml is not the actor file the index was built with"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("idx/actors.toml")).unwrap(), OTHER_ACTORS);
    // Now the other file is the one queries use without being told.
    let args = ["statements", "--actor", "Trump", "--index", "idx", "--json"];
    let (recorded, err) = run_ok(&dir, &args);
    assert!(!err.contains("warning"), "{err}");
    let (given, _) = run_ok(&dir, &[&args[..], &["--actors", "other.toml"]].concat());
    assert_eq!(recorded, given);
}

#[test]
fn no_actors_drops_the_recorded_file() {
    let dir = sample_index();
    let query = ["statements", "--actor", "the president", "--index", "idx", "--json"];
    // On a query, it leaves the recorded file out, with a warning.
    let (_, err) = run_ok(&dir, &[&query[..], &["--no-actors"]].concat());
    assert!(err.contains("warning: the index idx was built with an actor file (idx/actors.toml"), "{err}");
    assert!(err.contains("that --no-actors leaves out"), "{err}");
    assert!(dir.path().join("idx/actors.toml").is_file(), "a query never changes the record");
    let (builtin, _) = run_ok(&dir, &[&query[..], &["--no-actors", "-q"]].concat());
    // On index, it re-analyzes with the built-in actors and drops the record.
    let (out, err) = run_ok(&dir, &["index", &sample(), "--index", "idx", "--no-actors"]);
    assert!(out.starts_with("added 0, updated 30, unchanged 0, "), "{out}");
    assert!(err.contains("the recorded actor file (idx/actors.toml"), "{err}");
    assert!(!dir.path().join("idx/actors.toml").exists() && !dir.path().join("idx/actors.source").exists());
    let (after, err) = run_ok(&dir, &query);
    assert_eq!(after, builtin);
    assert!(!err.contains("warning"), "{err}");
    let (out, _) = run_ok(&dir, &["index", &sample(), "--index", "idx"]);
    assert!(out.starts_with("added 0, updated 0, unchanged 30, "), "{out}");
    // Both at once is a usage error.
    let out = dir.run(&["actors", "--index", "idx", "--no-actors", "--actors", "x.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_index_built_without_an_actor_file_records_none() {
    let dir = TestDir::new();
    run_ok(&dir, &["index", &sample(), "--index", "idx", "-q"]);
    run_ok(&dir, &["index", &sample(), "--index", "idx", "-q", "--no-actors"]);
    run_ok(
        &dir,
        &["index", &sample(), "--index", "plain", "-q", "--no-analyze", "--actors", &sample_actors()],
    );
    for index in ["idx", "plain"] {
        for name in ["actors.toml", "actors.source"] {
            assert!(!dir.path().join(index).join(name).exists(), "{index}/{name}");
        }
    }
    // Nothing recorded: a given file is no change to warn of.
    let args = ["statements", "--actor", "Trump", "--index", "idx", "--actors", &sample_actors()];
    let (_, err) = run_ok(&dir, &args);
    assert!(!err.contains("warning"), "{err}");
}

/// Shards of generation `g` built with `actors` (`None`: `--no-actors`) into `sharded/gen-G/part-K`.
fn build_shards(dir: &TestDir, g: u32, actors: [Option<&str>; 3]) {
    for (k, actors) in actors.iter().enumerate() {
        let (k, part) = (k.to_string(), format!("sharded/gen-{g}/part-{k}"));
        let sample = sample();
        let mut args = vec!["index", &sample, "--index", &part, "--shard", &k, "--shards", "3", "-q"];
        match actors {
            Some(actors) => args.extend(["--actors", actors]),
            None => args.push("--no-actors"),
        }
        run_ok(dir, &args);
    }
}

#[test]
fn a_published_sharded_index_carries_its_shards_actor_file() {
    let dir = sample_index();
    let actors = sample_actors();
    build_shards(&dir, 1, [Some(&actors); 3]);
    run_ok(&dir, &["shards", "publish", "sharded", "--generation", "1", "-q"]);
    assert_eq!(
        std::fs::read(dir.path().join("sharded/actors.toml")).unwrap(),
        std::fs::read(&actors).unwrap()
    );
    for query in actor_dependent_queries("sharded").into_iter().filter(|q| q[0] == "statements") {
        let (sharded, err) = run_query(&dir, &query, &[]);
        assert!(!err.contains("warning"), "{err}");
        let one: Vec<String> =
            query.iter().map(|a| if a == "sharded" { "idx".into() } else { a.clone() }).collect();
        assert_eq!(sharded, run_query(&dir, &one, &["--actors", &actors]).0, "{query:?}");
    }
    // A stale copy (a publish interrupted before copying) is not used, and is named.
    dir.write("sharded/actors.toml", OTHER_ACTORS);
    let query = ["statements", "--actor", "the president", "--index", "sharded", "--json"];
    let (stale, err) = run_ok(&dir, &query);
    assert!(err.contains("warning: sharded/actors.toml is not the actor file the shards"), "{err}");
    assert_eq!(
        stale,
        run_ok(&dir, &["statements", "--actor", "the president", "--index", "idx", "--json"]).0
    );
    // Generation 2 without an actor file: publishing it removes the copy.
    build_shards(&dir, 2, [None; 3]);
    run_ok(&dir, &["shards", "publish", "sharded", "--generation", "2", "-q"]);
    assert!(!dir.path().join("sharded/actors.toml").exists());
}

#[test]
fn publishing_shards_built_with_different_actor_files_fails() {
    let dir = TestDir::new();
    dir.write("other.toml", OTHER_ACTORS);
    let actors = sample_actors();
    build_shards(&dir, 1, [Some(&actors), Some("other.toml"), Some(&actors)]);
    let out = dir.run(&["shards", "publish", "sharded", "--generation", "1"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("part-1 was built with another actor file than shard 0"), "{err}");
    assert!(
        !dir.path().join("sharded/manifest.json").exists()
            && !dir.path().join("sharded/actors.toml").exists()
    );
    build_shards(&dir, 1, [Some(&actors), None, Some(&actors)]);
    let out = dir.run(&["shards", "publish", "sharded", "--generation", "1"]);
    assert!(stderr(&out).contains("another actor file than shard 0 (none vs "), "{}", stderr(&out));
}

#[test]
fn the_actor_file_is_recorded_only_once_an_article_analyzed_with_it_is_committed() {
    let dir = TestDir::new();
    dir.write("other.toml", OTHER_ACTORS);
    let line = |id: &str, body: &str| {
        serde_json::json!({ "id": id, "date": "2025-10-16", "body": body }).to_string()
    };
    let lines =
        [line("g1", "Trump said he would meet Putin."), "{not json".into(), line("g2", "Trump said so.")];
    dir.write("news.jsonl", lines.join("\n"));
    run_ok(&dir, &["index", "news.jsonl", "--index", "idx", "--actors", &sample_actors(), "-q"]);
    let recorded = || std::fs::read(dir.path().join("idx/actors.toml")).unwrap();
    assert_eq!(recorded(), std::fs::read(sample_actors()).unwrap());
    // --strict stops at the bad record before any commit: the record stays.
    let out = dir.run(&["index", "news.jsonl", "--index", "idx", "--strict", "--actors", "other.toml", "-q"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(recorded(), std::fs::read(sample_actors()).unwrap());
    // With a commit after each record, g1 is committed first: then it is recorded.
    let args =
        ["index", "news.jsonl", "--index", "idx", "--strict", "--batch", "1", "--actors", "other.toml", "-q"];
    assert_eq!(dir.run(&args).status.code(), Some(2));
    assert_eq!(recorded(), OTHER_ACTORS.as_bytes());
}
