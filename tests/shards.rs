//! Sharded indexes: `index --shard K --shards N`, `shards publish`, and a
//! manifest directory searched and reported on like one index.

use crate::util::{repo_root, stderr, stdout, TestDir};

fn run_ok(dir: &TestDir, args: &[&str]) -> String {
    let out = dir.run(args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The sample corpus as one index `one` and as a 3-shard index `sharded`.
fn one_and_sharded() -> TestDir {
    let dir = TestDir::new();
    let sample = repo_root().join("data/sample");
    let sample = sample.to_str().unwrap();
    run_ok(&dir, &["index", sample, "--index", "one", "--quiet"]);
    for k in ["0", "1", "2"] {
        let part = format!("sharded/gen-1/part-{k}");
        run_ok(&dir, &["index", sample, "--index", &part, "--shard", k, "--shards", "3", "--quiet"]);
    }
    run_ok(&dir, &["shards", "publish", "sharded", "--generation", "1", "--shards", "3", "--quiet"]);
    dir
}

#[test]
fn shards_hold_disjoint_parts_of_the_corpus() {
    let dir = one_and_sharded();
    let count = |index: &str| -> u64 {
        run_ok(&dir, &["search", "*", "--count", "--index", index]).trim().parse().unwrap()
    };
    let parts: Vec<u64> = (0..3).map(|k| count(&format!("sharded/gen-1/part-{k}"))).collect();
    assert!(parts.iter().all(|&n| n > 0), "{parts:?}");
    assert_eq!(parts.iter().sum::<u64>(), count("one"));
    assert_eq!(count("sharded"), count("one"));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("sharded/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["generation"], 1);
    assert_eq!(manifest["shards"].as_array().unwrap().len(), 3);
}

#[test]
fn a_sharded_index_searches_and_reports_like_one_index() {
    let dir = one_and_sharded();
    for query in ["trade deal", "said", "\"trade agreement\"", "strand OR minister", "*"] {
        for sort in ["relevance", "newest", "oldest"] {
            for (limit, offset) in [("50", "0"), ("3", "2")] {
                let args = |index: &'static str| {
                    vec![
                        "search", query, "--json", "--sort", sort, "--limit", limit, "--offset", offset,
                        "--index", index,
                    ]
                };
                let one = run_ok(&dir, &args("one"));
                assert!(one.contains("\"hits\""), "{one}");
                assert_eq!(run_ok(&dir, &args("sharded")), one, "{query} {sort} {limit} {offset}");
            }
        }
    }
    let one = run_ok(&dir, &["report", "--all", "--format", "json", "--index", "one"]);
    let sharded = run_ok(&dir, &["report", "--all", "--format", "json", "--index", "sharded"]);
    // The only difference allowed is the index path the report names.
    let value: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(value["meta"]["generated_from"], "one");
    assert_eq!(sharded.replacen("\"generated_from\": \"sharded\"", "\"generated_from\": \"one\"", 1), one);
    assert!(one.len() > 10_000);
    for actor in ["anneke-strand", "Strand"] {
        let args = |index: &'static str| vec!["statements", "--actor", actor, "--json", "--index", index];
        assert_eq!(run_ok(&dir, &args("sharded")), run_ok(&dir, &args("one")));
    }
}

#[test]
fn publishing_an_incomplete_generation_fails() {
    let dir = one_and_sharded();
    let out = dir.run(&["shards", "publish", "sharded", "--generation", "1", "--shards", "4"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("3 shards of 4"), "{}", stderr(&out));
    let out = dir.run(&["index", "x", "--index", "i", "--shard", "3", "--shards", "3"]);
    assert_eq!(out.status.code(), Some(2));
}
