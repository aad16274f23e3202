//! The sample corpus's expected findings (data/README.md, "Storylines and
//! expected findings"), checked on what users see: `report --all --format
//! json` and `statements --article`. Every row of the table is one or more
//! checks; a failing run lists every unmet expectation at once, so this test
//! doubles as the analyzer's scorecard on our own gold.
//!
//! Statements are identified as a reader would: by the day they were made and
//! a few words of what was said, never by statement index.

use crate::analyze::{path, sample_actors, sample_index};
use crate::util::{repo_root, stderr, stdout, TestDir};
use serde_json::Value;

/// A statement by day and some of its words (case-insensitive).
#[derive(Clone, Copy)]
struct Said {
    day: &'static str,
    words: &'static str,
}

const fn said(day: &'static str, words: &'static str) -> Said {
    Said { day, words }
}

impl Said {
    fn matches(&self, evidence: &Value) -> bool {
        evidence["date"] == self.day && quote(evidence).contains(&self.words.to_lowercase())
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.day, self.words)
    }
}

fn quote(v: &Value) -> String {
    v["quote"].as_str().unwrap_or_default().to_lowercase()
}

struct Report {
    doc: Value,
    failures: Vec<String>,
}

impl Report {
    fn actor(&self, id: &str) -> Option<&Value> {
        self.doc["actors"].as_array()?.iter().find(|a| a["id"] == id)
    }

    fn topics(&self, actor: &str) -> Vec<&Value> {
        self.actor(actor).and_then(|a| a["topics"].as_array()).map(|t| t.iter().collect()).unwrap_or_default()
    }

    fn shifts(&self, actor: &str) -> Vec<&Value> {
        self.topics(actor).into_iter().flat_map(|t| t["shifts"].as_array().into_iter().flatten()).collect()
    }

    fn commitments(&self, actor: &str) -> Vec<&Value> {
        self.topics(actor)
            .into_iter()
            .flat_map(|t| t["commitments"].as_array().into_iter().flatten())
            .collect()
    }

    fn points(&self, actor: &str) -> Vec<&Value> {
        self.topics(actor).into_iter().flat_map(|t| t["points"].as_array().into_iter().flatten()).collect()
    }

    fn fail(&mut self, message: String) {
        self.failures.push(message);
    }

    fn summary(&self, actor: &str) -> String {
        let lines: Vec<String> = self
            .shifts(actor)
            .iter()
            .map(|s| {
                format!(
                    "    {} {} {:?} -> {} {:?}",
                    s["kind"].as_str().unwrap_or("?"),
                    s["before"]["date"].as_str().unwrap_or("?"),
                    clip(&quote(&s["before"])),
                    s["after"]["date"].as_str().unwrap_or("?"),
                    clip(&quote(&s["after"])),
                )
            })
            .collect();
        if lines.is_empty() {
            "    (no shifts)".to_string()
        } else {
            lines.join("\n")
        }
    }

    /// A shift of `kind` from `before` to `after` in one of the actor's topics.
    fn shift(&mut self, actor: &str, kind: &str, before: Said, after: Said, after_by_proxy: bool) {
        let found = self
            .shifts(actor)
            .into_iter()
            .find(|s| s["kind"] == kind && before.matches(&s["before"]) && after.matches(&s["after"]))
            .cloned();
        match found {
            None => {
                let summary = self.summary(actor);
                self.fail(format!("{actor}: no {kind} from {before} to {after}; shifts:\n{summary}"));
            }
            Some(s) if s["after"]["proxy_for"].is_string() != after_by_proxy => {
                self.fail(format!("{actor}: {kind} to {after}: proxy_for is {}", s["after"]["proxy_for"]))
            }
            Some(_) => {}
        }
    }

    /// No flagged shift of the actor ends at `after`.
    fn no_flagged_shift_to(&mut self, actor: &str, after: Said, why: &str) {
        let bad: Vec<String> = self
            .shifts(actor)
            .into_iter()
            .filter(|s| s["flagged"] == true && after.matches(&s["after"]))
            .map(|s| s["kind"].as_str().unwrap_or("?").to_string())
            .collect();
        if !bad.is_empty() {
            self.fail(format!("{actor}: {} flagged at {after} ({why})", bad.join(", ")));
        }
    }

    /// No flagged shift of the actor of `kind` at all.
    fn no_shift_kind(&mut self, actor: &str, kind: &str, why: &str) {
        if self.shifts(actor).iter().any(|s| s["kind"] == kind) {
            let summary = self.summary(actor);
            self.fail(format!("{actor}: unexpected {kind} ({why}); shifts:\n{summary}"));
        }
    }

    /// A ledger entry opened by `opened`, with `status`, settled by `settled` when given.
    fn ledger(&mut self, actor: &str, opened: Said, status: &str, settled: Option<Said>) {
        let entries: Vec<Value> =
            self.commitments(actor).into_iter().filter(|c| opened.matches(&c["opened"])).cloned().collect();
        let listing = || {
            self.commitments(actor)
                .iter()
                .map(|c| {
                    format!(
                        "    {} {:?} -> {}",
                        c["opened"]["date"].as_str().unwrap_or("?"),
                        clip(&quote(&c["opened"])),
                        c["status"].as_str().unwrap_or("?")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let Some(entry) = entries.iter().find(|c| c["status"] == status) else {
            let listing = listing();
            self.fail(format!("{actor}: no {status} commitment opened by {opened}; ledger:\n{listing}"));
            return;
        };
        if let Some(settled) = settled {
            if !settled.matches(&entry["settled_by"]) {
                self.fail(format!(
                    "{actor}: commitment {opened} is {status} but settled by {} {:?}, not {settled}",
                    entry["settled_by"]["date"],
                    clip(&quote(&entry["settled_by"]))
                ));
            }
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// `report --actor NAME --format json` on the index `idx` in `dir`, with no actor file.
fn actor_report(dir: &TestDir, actor: &str) -> Report {
    let out = dir.run(&["report", "--actor", actor, "--format", "json", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    Report { doc: serde_json::from_slice(&out.stdout).unwrap(), failures: Vec::new() }
}

fn statements_in(dir: &TestDir, article: &str) -> String {
    let actors = sample_actors();
    let out = dir.run(&["statements", "--article", article, "--index", "idx", "--actors", &actors]);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn sample_corpus_findings_match_the_readme_table() {
    let dir = sample_index();
    let actors = sample_actors();
    let out = dir.run(&[
        "report", "--all", "--format", "json", "-o", "all.json", "--index", "idx", "--actors", &actors,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&std::fs::read(dir.path().join("all.json")).unwrap()).unwrap();
    let mut r = Report { doc, failures: Vec::new() };

    // 1: the motivating case. A dated promise, withdrawn by an anonymous official.
    let promise = said("2025-10-16", "within two weeks or so");
    let no_plans = said("2025-10-21", "no plans");
    r.shift("donald-trump", "withdraw", promise, no_plans, true);
    r.ledger("donald-trump", promise, "withdrawn", Some(no_plans));
    // The later articles' restatements of the promise are dated to it, never to their own day.
    for point in r.points("donald-trump").into_iter().cloned().collect::<Vec<_>>() {
        let q = point["quote"].as_str().unwrap_or_default().to_string();
        let window = &point["date_window"];
        let (start, end) = (window["start"].as_str().unwrap_or(""), window["end"].as_str().unwrap_or(""));
        if q.contains("within two weeks or so") && !(start <= "2025-10-16" && "2025-10-16" <= end) {
            r.fail(format!("donald-trump: {:?} dated {start}..{end}, not to the 10-16 promise", clip(&q)));
        }
    }
    // 1b: his own softer words that evening, then a conditional remark.
    r.shift("donald-trump", "soften", said("2025-10-16", ""), said("2025-10-21", "might still meet"), false);
    r.no_flagged_shift_to("donald-trump", said("2025-10-30", "only when"), "a conditional remark");
    for entry in r.commitments("donald-trump").into_iter().cloned().collect::<Vec<_>>() {
        if entry["opened"]["date"].as_str().unwrap_or("") > "2025-10-21" {
            r.fail(format!("donald-trump: commitment opened by a later restatement: {}", entry["opened"]));
        }
    }
    // 2: the ministers' meeting, "pretty soon, next week", then "wasn't necessary".
    let ministers = said("2025-10-16", "next week");
    let unnecessary = said("2025-10-21", "wasn't necessary");
    r.shift("donald-trump", "withdraw", ministers, unnecessary, true);
    r.ledger("donald-trump", ministers, "withdrawn", Some(unnecessary));
    // The 10-16 reprint by a second outlet adds nothing on that day.
    let same_day: Vec<String> = r
        .shifts("donald-trump")
        .iter()
        .filter(|s| s["before"]["date"] == "2025-10-16" && s["after"]["date"] == "2025-10-16")
        .map(|s| s["kind"].as_str().unwrap_or("?").to_string())
        .collect();
    if !same_day.is_empty() {
        r.fail(format!("donald-trump: shifts within 2025-10-16: {same_day:?}"));
    }

    // 3: the Kremlin side softens, never withdraws, and opens no dated commitment.
    r.shift(
        "vladimir-putin",
        "soften",
        said("2025-10-17", "within two weeks or perhaps"),
        said("2025-10-21", ""),
        true,
    );
    r.no_shift_kind("vladimir-putin", "withdraw", "PS+ was never a commitment");
    if !r.commitments("vladimir-putin").is_empty() {
        r.fail("vladimir-putin: a PS+ remark opened a commitment".to_string());
    }

    // 4: a slipped deadline, then the new one restated (the last time by a spokesman).
    let end_of_month = said("2025-09-08", "by the end of the month");
    let next_year = said("2025-09-29", "early next year");
    r.shift("anneke-strand", "timeline_slip", end_of_month, next_year, false);
    r.shift("anneke-strand", "reaffirm", next_year, said("2025-11-10", "nothing has changed"), false);
    r.shift("anneke-strand", "reaffirm", said("2025-11-10", ""), said("2025-12-02", "early next year"), true);
    r.ledger("anneke-strand", end_of_month, "renewed", Some(next_year));
    let strand = r.commitments("anneke-strand").into_iter().cloned().collect::<Vec<_>>();
    if !strand.iter().any(|c| c["status"] == "pending" && quote(&c["opened"]).contains("early next year")) {
        r.fail("anneke-strand: the early-2026 commitment is not pending as of 2025-12-05".to_string());
    }

    // 5: the same intention, said warmly, then angrily.
    r.shift(
        "joren-pell",
        "tone_shift",
        said("2025-09-10", "intend"),
        said("2025-10-27", "still intend"),
        false,
    );

    // 6: a promised cut hedged, then hedged again; the October window passed.
    let cut = said("2025-09-18", "we will cut rates");
    r.shift("tomas-reyl", "soften", cut, said("2025-10-01", "might"), false);
    r.shift(
        "tomas-reyl",
        "reaffirm",
        said("2025-10-01", "might"),
        said("2025-11-20", "only once inflation"),
        false,
    );
    r.ledger("tomas-reyl", cut, "broken", None);

    // 7: an idea became a pledge; the deadline passed with nothing said since (overdue);
    // "declined to comment" is no stance.
    r.shift(
        "dalia-fenwick",
        "harden",
        said("2025-09-12", "could build"),
        said("2025-10-20", "definitely"),
        false,
    );
    r.no_flagged_shift_to("dalia-fenwick", said("2025-12-05", ""), "declining to comment is no withdrawal");
    r.ledger("dalia-fenwick", said("2025-10-20", "december 1"), "overdue", None);

    // 8: no comment, then a dated promise, kept.
    let plant = said("2025-11-03", "within three weeks");
    r.ledger("rafael-brandt", plant, "kept", Some(said("2025-11-21", "")));
    r.no_flagged_shift_to("rafael-brandt", plant, "no comment is not a stance to shift from");

    // 9: a pledge reaffirmed by her spokesman, then reversed by her.
    // Her own words and their paraphrase ("she would attend … next month") are one occasion.
    let attend = said("2025-10-06", "attend");
    let spokesman = said("2025-10-24", "attend");
    let reversal = said("2025-11-10", "not attend");
    r.shift("edda-varga", "reaffirm", attend, spokesman, true);
    r.shift("edda-varga", "reverse", spokesman, reversal, false);
    r.ledger("edda-varga", attend, "withdrawn", Some(reversal));

    // Things that must not produce findings.
    for article in [
        "psg-2025-10-02-storm",
        "lbr-2025-10-30-rate-hold",
        "hws-2025-11-05-stadium-budget",
        "nh-2025-11-24-forum-opens",
    ] {
        let found = statements_in(&dir, article);
        if !found.trim().is_empty() {
            r.fail(format!("{article} is an event report, yet has statements:\n{found}"));
        }
    }
    if statements_in(&dir, "psg-2025-11-15-mariners-cup").trim().is_empty() {
        r.fail("psg-2025-11-15-mariners-cup: the coach's and striker's quotes were not found".to_string());
    }
    let actors: Vec<String> =
        r.doc["actors"].as_array().unwrap().iter().map(|a| a["id"].to_string()).collect();
    for actor in r.doc["actors"].as_array().unwrap().clone() {
        for topic in actor["topics"].as_array().into_iter().flatten() {
            for shift in topic["shifts"].as_array().into_iter().flatten().filter(|s| s["flagged"] == true) {
                for side in ["before", "after"] {
                    let article = shift[side]["article_id"].as_str().unwrap_or("");
                    if article == "psg-2025-11-15-mariners-cup"
                        || article == "nh-2025-10-20-rubio-lavrov-call"
                    {
                        r.fail(format!("{}: flagged {} from {article}", actor["id"], shift["kind"]));
                    }
                }
            }
            for entry in topic["commitments"].as_array().into_iter().flatten() {
                if entry["opened"]["article_id"] == "nh-2025-10-20-rubio-lavrov-call" {
                    r.fail(format!("{}: a commitment opened by a report of a call", actor["id"]));
                }
            }
        }
    }

    assert!(
        r.failures.is_empty(),
        "{} unmet expectation(s) on the sample corpus (actors in the report: {}):\n\n{}",
        r.failures.len(),
        actors.join(", "),
        r.failures.join("\n\n")
    );
}

/// Without an actor file the official still speaks for the administration,
/// and the administration's withdrawal of the president's promise is found.
#[test]
fn motivating_case_without_an_actor_file() {
    let dir = TestDir::new();
    let sample = repo_root().join("data/sample");
    let out = dir.run(&["index", path(&sample), "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut r = actor_report(&dir, "Donald Trump");
    r.shift(
        "donald-trump",
        "withdraw",
        said("2025-10-16", "within two weeks or so"),
        said("2025-10-21", "no plans"),
        true,
    );
    assert!(r.failures.is_empty(), "{}", r.failures.join("\n\n"));
}

/// The requirement: the motivating case works from the one article
/// that reports both statements, dating the promise from its own words
/// ("after last week's phone call").
#[test]
fn motivating_case_from_a_single_article() {
    let dir = TestDir::new();
    let sample = std::fs::read_to_string(repo_root().join("data/sample/articles.jsonl")).unwrap();
    let line = sample.lines().find(|l| l.contains("\"cl-2025-10-21-no-plans\"")).expect("the article");
    dir.write("one.jsonl", format!("{line}\n"));
    let out = dir.run(&["index", "one.jsonl", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut r = actor_report(&dir, "Donald Trump");
    // "last week" from Tuesday 2025-10-21 is the week of Monday 2025-10-13.
    r.shift(
        "donald-trump",
        "withdraw",
        said("2025-10-13", "within two weeks or so"),
        said("2025-10-21", "no plans"),
        true,
    );
    r.shift(
        "donald-trump",
        "withdraw",
        said("2025-10-13", "pretty soon"),
        said("2025-10-21", "wasn't necessary"),
        true,
    );
    let promise =
        r.points("donald-trump").into_iter().find(|p| quote(p).contains("within two weeks")).cloned();
    let promise = promise.expect("the promise is on the timeline");
    assert_eq!(promise["date_basis"], "relative", "{promise}");
    assert_eq!(promise["date_window"]["end"], "2025-10-19", "{promise}");
    assert!(r.failures.is_empty(), "{}", r.failures.join("\n\n"));
}

/// The motivating article's own wording of the ministers' meeting: a second
/// reported clause after ", and" with no "that" ("said the call … had been
/// productive, and an in-person meeting … also wasn't necessary"). Both
/// withdrawals are found from that one article.
#[test]
fn motivating_case_in_the_original_wording() {
    let dir = TestDir::new();
    let sample = std::fs::read_to_string(repo_root().join("data/sample/articles.jsonl")).unwrap();
    let line = sample.lines().find(|l| l.contains("\"cl-2025-10-21-no-plans\"")).expect("the article");
    let paraphrase = "The official said Rubio and Lavrov had held a productive call on Monday and that an in-person meeting of the two ministers \\\"wasn't necessary.\\\"";
    assert!(line.contains(paraphrase), "the sample's wording changed");
    let original = "The official said the call between Rubio and Lavrov on Monday had been productive, and an in-person meeting between the two also \\\"wasn't necessary.\\\"";
    dir.write("one.jsonl", format!("{}\n", line.replace(paraphrase, original)));
    let out = dir.run(&["index", "one.jsonl", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut r = actor_report(&dir, "Donald Trump");
    r.shift(
        "donald-trump",
        "withdraw",
        said("2025-10-13", "within two weeks or so"),
        said("2025-10-21", "no plans"),
        true,
    );
    r.shift(
        "donald-trump",
        "withdraw",
        said("2025-10-13", "pretty soon"),
        said("2025-10-21", "wasn't necessary"),
        true,
    );
    assert!(r.failures.is_empty(), "{}", r.failures.join("\n\n"));
}
