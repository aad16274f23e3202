//! Every `stanceshift` command in README.md runs as written on the sample
//! corpus: the commands are read from the README's `sh` code blocks and run
//! by `sh` in a temp dir, in README order, with the built binary first on
//! PATH. A README edit that breaks a command fails here.

use std::path::Path;
use std::process::Command;

use crate::util::{bin, repo_root, TestDir};

/// Commands the test cannot run here, and why.
const SKIPPED: &[(&str, &str)] = &[
    ("stanceshift eval", "scores third-party gold data ($STANCESHIFT_DATA), absent from the repository"),
    ("cargo ", "builds the workspace: the test already runs the built binary"),
    ("scale/spark/", "needs Java and pyspark (scale/spark/test.sh checks it)"),
];

/// Placeholders the README uses, and what stands for them here.
const PLACEHOLDERS: &[(&str, &str)] =
    &[("CORPUS", "data/sample"), (" DIR", " sharded"), ("< articles.jsonl", "< data/sample/articles.jsonl")];

/// The command lines of the README's `sh` blocks that run stanceshift.
fn readme_commands(readme: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = !in_sh && line.trim() == "```sh";
            continue;
        }
        let line = line.trim();
        if in_sh && !line.starts_with('#') && line.contains("stanceshift ") {
            commands.push(line.to_string());
        }
    }
    commands
}

fn skip_reason(command: &str) -> Option<&'static str> {
    SKIPPED.iter().find(|(start, _)| command.contains(start)).map(|(_, why)| *why)
}

#[test]
fn every_readme_command_runs_on_the_sample_corpus() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let commands = readme_commands(&readme);
    assert!(commands.len() >= 10, "found only {commands:?}");
    let dir = TestDir::new();
    std::os::unix::fs::symlink(repo_root().join("data"), dir.path().join("data")).unwrap();
    let bin_dir = bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut ran = 0;
    for command in &commands {
        if let Some(why) = skip_reason(command) {
            eprintln!("skipped `{command}`: {why}");
            continue;
        }
        let mut line = command.clone();
        for (placeholder, value) in PLACEHOLDERS {
            line = line.replace(placeholder, value);
        }
        let out = Command::new("sh")
            .args(["-c", &line])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("COLUMNS", "120")
            .output()
            .expect("run sh");
        assert!(
            out.status.success(),
            "README command `{command}` (run as `{line}`) exited {:?}:\n{}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 10, "ran only {ran} commands");
    // The files the README's commands say they write.
    for written in ["trump.html", "corpus.json", "stanceshift.bash", "stanceshift.1", "statements.jsonl"] {
        let len = std::fs::metadata(dir.path().join(written)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 0, "{written} was not written");
    }
    assert!(Path::new(&dir.path().join("sharded/manifest.json")).is_file());
}

#[test]
fn the_readme_commands_are_found_and_comments_dropped() {
    let text =
        "```sh\nstanceshift index x   # why\n# stanceshift not this\n```\n```\nstanceshift output\n```\n";
    assert_eq!(readme_commands(text), vec!["stanceshift index x   # why"]);
}
