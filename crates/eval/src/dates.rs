//! Statement dates on real news: is a statement dated when it was made?
//!
//! Gold: our own tab-separated file (`data/gold/dates-dev.tsv`), judged by
//! hand, holding only ids, offsets, labels and notes; the articles are read
//! from the shared data directory ([`crate::corpora`]). One row per statement:
//!
//! ```text
//! <corpus> <article id> <content start> <content end> <check> <class> <gold date or window> <note>
//! ```
//!
//! The content span is in bytes of the article body and `check` is the
//! FNV-1a hash of those bytes (see [`crate::check_hash`]). Classes say
//! what dates the saying: `explicit` (a calendar date), `relative` ("on
//! Tuesday", "last week"), `context` (an earlier sentence's time: "at the
//! time", a continued quote) and `document` (nothing: the article's date).
//! The gold is a day (`2016-03-01`) or a window (`2016-02-22..2016-02-28`).
//!
//! A gold statement is the tool's statement whose content span overlaps it
//! most. It is **right** when the tool's window lies inside the gold window
//! (a day inside a month the text gives is right; a week where the text gives
//! a day is not), and **exact** when the windows are equal. Accuracy is over
//! all gold rows (a statement the tool did not find is wrong), overall and
//! per class.

use crate::check_hash;
use crate::corpora::Corpus;
use crate::{Error, EvalReport, Result};
use chrono::NaiveDate;
use serde_json::json;
use stanceshift_analyzer::{analyze_article, ActorBook};
use stanceshift_core::{DateWindow, Span, Statement};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// Where the gold lives in the project.
pub const DEFAULT_GOLD: &str = "data/gold/dates-dev.tsv";

/// What dates the act of saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateClass {
    Explicit,
    Relative,
    Context,
    Document,
}

impl DateClass {
    pub const ALL: [DateClass; 4] =
        [DateClass::Explicit, DateClass::Relative, DateClass::Context, DateClass::Document];

    pub fn parse(s: &str) -> Option<DateClass> {
        DateClass::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DateClass::Explicit => "explicit",
            DateClass::Relative => "relative",
            DateClass::Context => "context",
            DateClass::Document => "document",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDate {
    pub corpus: Corpus,
    pub article: String,
    pub content: Span,
    pub check: u32,
    pub class: DateClass,
    pub window: DateWindow,
}

fn parse_window(s: &str) -> Option<DateWindow> {
    let day = |d: &str| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
    match s.split_once("..") {
        Some((a, b)) => Some(DateWindow::new(day(a)?, day(b)?)),
        None => day(s).map(|d| DateWindow::new(d, d)),
    }
}

/// Parses the gold file; `#` lines and blank lines are comments.
pub fn parse_gold(text: &str, path: &Path) -> Result<Vec<GoldDate>> {
    let mut out = Vec::new();
    for row in crate::gold_rows(text, path) {
        let f = &row.fields;
        if f.len() < 7 {
            return Err(row.error("expected 7+ tab-separated fields"));
        }
        out.push(GoldDate {
            corpus: Corpus::parse(f[0]).ok_or_else(|| row.error("unknown corpus"))?,
            article: f[1].to_string(),
            content: row.span(2, 3)?,
            check: row.check(4)?,
            class: DateClass::parse(f[5])
                .ok_or_else(|| row.error("class must be explicit, relative, context or document"))?,
            window: parse_window(f[6]).ok_or_else(|| row.error("bad date or window"))?,
        });
    }
    Ok(out)
}

/// How one gold statement came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Exact,
    /// The tool's window lies inside the gold window but is narrower.
    Inside,
    Wrong,
    /// No tool statement overlaps the gold content.
    NotFound,
    Misaligned,
}

impl Outcome {
    fn right(self) -> bool {
        matches!(self, Outcome::Exact | Outcome::Inside)
    }
}

/// The outcome of one gold row against the statements of its article.
pub fn judge(gold: &GoldDate, body: &str, statements: &[Statement]) -> (Outcome, Option<DateWindow>) {
    let aligned = body
        .as_bytes()
        .get(gold.content.start..gold.content.end)
        .is_some_and(|b| check_hash(b) == gold.check);
    if !aligned {
        return (Outcome::Misaligned, None);
    }
    let overlap = |s: &Statement| {
        s.content_span.end.min(gold.content.end).saturating_sub(s.content_span.start.max(gold.content.start))
    };
    let Some(found) = statements.iter().filter(|s| overlap(s) > 0).max_by_key(|s| overlap(s)) else {
        return (Outcome::NotFound, None);
    };
    let tool = found.date.window;
    let outcome = if tool.start == gold.window.start && tool.end == gold.window.end {
        Outcome::Exact
    } else if tool.start >= gold.window.start && tool.end <= gold.window.end {
        Outcome::Inside
    } else {
        Outcome::Wrong
    };
    (outcome, Some(tool))
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
struct Tally {
    rows: usize,
    right: usize,
    exact: usize,
    not_found: usize,
}

impl Tally {
    fn add(&mut self, outcome: Outcome) {
        self.rows += 1;
        self.right += usize::from(outcome.right());
        self.exact += usize::from(outcome == Outcome::Exact);
        self.not_found += usize::from(outcome == Outcome::NotFound);
    }

    fn accuracy(&self) -> f64 {
        self.right as f64 / self.rows.max(1) as f64
    }
}

/// Scores the analyzer's statement dates on the gold file, reading articles under `data`.
pub fn evaluate(gold_path: &Path, data: &Path) -> Result<EvalReport> {
    let text = std::fs::read_to_string(gold_path)
        .map_err(|source| Error::Io { path: gold_path.to_path_buf(), source })?;
    let gold = parse_gold(&text, gold_path)?;
    let wanted: BTreeSet<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    let book = ActorBook::builtin();
    let mut articles = BTreeMap::new();
    for corpus in gold.iter().map(|g| g.corpus).collect::<BTreeSet<_>>() {
        for article in corpus.articles(data)? {
            if wanted.contains(article.id.as_str()) {
                let statements = analyze_article(&article, &book).statements;
                articles.insert(article.id.as_str().to_string(), (article, statements));
            }
        }
    }
    if articles.is_empty() {
        return Err(Error::NoCorpus(data.to_path_buf()));
    }
    let mut overall = Tally::default();
    let mut by_class: BTreeMap<DateClass, Tally> = BTreeMap::new();
    let mut misaligned = 0;
    let mut errors = String::new();
    for row in &gold {
        let Some((article, statements)) = articles.get(&row.article) else { continue };
        let (outcome, tool) = judge(row, &article.body, statements);
        if outcome == Outcome::Misaligned {
            misaligned += 1;
            continue;
        }
        overall.add(outcome);
        by_class.entry(row.class).or_default().add(outcome);
        if !outcome.right() {
            let show = |w: DateWindow| {
                if w.start == w.end {
                    w.start.to_string()
                } else {
                    format!("{}..{}", w.start, w.end)
                }
            };
            let _ = writeln!(
                errors,
                "      {:?} {} {}-{} {}: gold {} tool {}",
                outcome,
                row.article,
                row.content.start,
                row.content.end,
                row.class.as_str(),
                show(row.window),
                tool.map_or("-".into(), show)
            );
        }
    }
    let mut report = format!(
        "Statement dates — gold {}, {} statements ({} misaligned, skipped)\n",
        gold_path.display(),
        overall.rows,
        misaligned
    );
    let line = |label: &str, t: &Tally| {
        format!(
            "  {label:<9} accuracy {:.3} ({} of {}; exact window {}, not found {})\n",
            t.accuracy(),
            t.right,
            t.rows,
            t.exact,
            t.not_found
        )
    };
    report.push_str(&line("all", &overall));
    for (class, tally) in &by_class {
        report.push_str(&line(class.as_str(), tally));
    }
    report.push_str(&errors);
    let mut figures = serde_json::Map::new();
    figures.insert("all".into(), json!({"accuracy": overall.accuracy(), "counts": overall}));
    for (class, tally) in &by_class {
        figures.insert(class.as_str().into(), json!({"accuracy": tally.accuracy(), "counts": tally}));
    }
    figures.insert("misaligned".into(), json!(misaligned));
    Ok(EvalReport {
        task: "dates".into(),
        gold: gold_path.to_path_buf(),
        text: report,
        figures: serde_json::Value::Object(figures),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("polnear/data/dev/text");
        std::fs::create_dir_all(&text).unwrap();
        // 2016-03-02 is a Wednesday.
        let body = "Mara Keel said on Tuesday that the bridge would open. \
                    Joren Pell said the vote was close.";
        std::fs::write(text.join("wire_2016-03-02_bridge.txt"), body).unwrap();
        (dir, body.to_string())
    }

    fn row(body: &str, content: &str, class: &str, gold: &str) -> String {
        let start = body.find(content).unwrap();
        let end = start + content.len();
        format!(
            "polnear\tpolnear-wire_2016-03-02_bridge\t{start}\t{end}\t{:08x}\t{class}\t{gold}\tnote\n",
            check_hash(&body.as_bytes()[start..end])
        )
    }

    #[test]
    fn scores_per_class_and_counts_a_wrong_gold_as_wrong() {
        let (data, body) = fixture();
        let gold = format!(
            "# our own fixture\n{}{}{}",
            row(&body, "the bridge would open", "relative", "2016-03-01"),
            row(&body, "the vote was close", "document", "2016-03-02"),
            // Deliberately wrong: this statement is not from February.
            row(&body, "the vote was close", "context", "2016-02-01..2016-02-29"),
        );
        let path = data.path().join("dates.tsv");
        std::fs::write(&path, gold).unwrap();
        let report = evaluate(&path, data.path()).unwrap();
        assert_eq!(report.figures["relative"]["counts"]["right"], 1, "{}", report.text);
        assert_eq!(report.figures["document"]["counts"]["right"], 1, "{}", report.text);
        assert_eq!(report.figures["context"]["counts"]["right"], 0, "{}", report.text);
        assert_eq!(report.figures["all"]["counts"]["rows"], 3);
    }

    #[test]
    fn a_day_inside_a_gold_window_is_right_but_not_exact() {
        let (data, body) = fixture();
        let path = data.path().join("dates.tsv");
        std::fs::write(&path, row(&body, "the vote was close", "document", "2016-03-01..2016-03-31"))
            .unwrap();
        let report = evaluate(&path, data.path()).unwrap();
        assert_eq!(report.figures["all"]["counts"]["right"], 1, "{}", report.text);
        assert_eq!(report.figures["all"]["counts"]["exact"], 0, "{}", report.text);
    }

    #[test]
    fn windows_and_classes_parse() {
        let w = parse_window("2016-02-22..2016-02-28").unwrap();
        assert_eq!((w.start.to_string(), w.end.to_string()), ("2016-02-22".into(), "2016-02-28".into()));
        assert!(parse_window("soon").is_none());
        assert!(parse_gold("polnear\ta\t1\t2\t0\tsometime\t2016-01-01\tn\n", Path::new("g")).is_err());
    }
}
