//! Actor identity on real corpora: does a speaker mention get the canonical
//! actor a reader would give it?
//!
//! Gold: our own tab-separated file (`data/gold/actors-dev.tsv`), judged by
//! hand, holding only ids, offsets, labels and notes; the articles are read
//! from the shared data directory ([`crate::corpora`]). Two kinds of rows:
//!
//! ```text
//! mention  <corpus> <article id> <start> <end> <check> <actor|-> <note>
//! person   <actor id> <names, comma-separated; !name excludes> <note>
//! ```
//!
//! A mention's offsets are bytes of the article body; `check` is the FNV-1a
//! hash of those bytes (8 hex digits), so a body read differently is caught
//! instead of scored. `-` means the mention names no actor of its own (an
//! anonymous source, a generic body the text does not qualify).
//!
//! Every article of each corpus the gold names is analyzed, as `stanceshift
//! index` would, and the tool's ids are read through [`Selection`] over all
//! of them, as every query command reads them (a surname-only id becomes the
//! full name the corpus gives). A mention's tool actor is the actor of the
//! statement whose speaker span overlaps it most. Scores:
//! - **precision**: right ids / ids the tool gave to gold mentions (an id for a
//!   `-` mention is wrong); **recall**: right ids / gold mentions with an id;
//! - **ids per person**, for the `person` rows (the most frequent Reuters
//!   speakers): the distinct ids, holding the person's surname (the last
//!   word of the person's id), that the tool gives to speaker mentions that
//!   contain one of the person's names as whole words and none of the
//!   excluded ones (`Baker,!Howard Baker`). The surname keeps out the other
//!   speaker of a coordination ("Baker and Greenspan").

use crate::corpora::Corpus;
use crate::metrics::Counts;
use crate::{check_hash, Error, EvalReport, Result};
use rayon::prelude::*;
use serde_json::json;
use stanceshift_analyzer::{analyze_article, ActorBook, Selection};
use stanceshift_core::{ActorId, Article, Span, Statement};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// Where the gold lives in the project.
pub const DEFAULT_GOLD: &str = "data/gold/actors-dev.tsv";

/// One judged speaker mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    pub corpus: Corpus,
    pub article: String,
    pub span: Span,
    pub check: u32,
    /// `None`: the mention names no actor of its own.
    pub actor: Option<ActorId>,
}

/// One real person and the names that write them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPerson {
    pub actor: ActorId,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gold {
    pub mentions: Vec<GoldMention>,
    pub people: Vec<GoldPerson>,
}

/// Parses the gold file; `#` lines and blank lines are comments.
pub fn parse_gold(text: &str, path: &Path) -> Result<Gold> {
    let mut gold = Gold::default();
    for row in crate::gold_rows(text, path) {
        let fields = &row.fields;
        match fields.first().copied() {
            Some("mention") if fields.len() >= 7 => {
                let corpus = Corpus::parse(fields[1]).ok_or_else(|| row.error("unknown corpus"))?;
                let actor = (fields[6] != "-").then(|| ActorId::new(fields[6]));
                gold.mentions.push(GoldMention {
                    corpus,
                    article: fields[2].to_string(),
                    span: row.span(3, 4)?,
                    check: row.check(5)?,
                    actor,
                });
            }
            Some("person") if fields.len() >= 3 => gold.people.push(GoldPerson {
                actor: ActorId::new(fields[1]),
                names: fields[2].split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            }),
            _ => return Err(row.error("expected a mention row (7+ fields) or a person row (3+ fields)")),
        }
    }
    Ok(gold)
}

/// The tool's statements for a corpus, with ids read as queries read them.
pub struct Predictions {
    pub articles: BTreeMap<String, Article>,
    pub statements: BTreeMap<String, Vec<Statement>>,
}

impl Predictions {
    /// Analyzes every article; ids are made canonical over all of them.
    pub fn of(articles: Vec<Article>) -> Predictions {
        let book = ActorBook::builtin();
        let analyzed: Vec<(Article, Vec<Statement>)> = articles
            .into_par_iter()
            .map(|article| {
                let statements = analyze_article(&article, &book).statements;
                (article, statements)
            })
            .collect();
        let all: Vec<Statement> = analyzed.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        let as_of = all.iter().map(|s| s.date.date).max().unwrap_or_default();
        let selection = Selection::new(book, all.as_slice(), as_of).unwrap_or_else(|never| match never {});
        let mut out = Predictions { articles: BTreeMap::new(), statements: BTreeMap::new() };
        for (article, statements) in analyzed {
            let id = article.id.as_str().to_string();
            out.statements
                .insert(id.clone(), statements.into_iter().map(|s| selection.canonicalized(s)).collect());
            out.articles.insert(id, article);
        }
        out
    }

    /// The actor the tool gives the speaker mention at `span`: that of the
    /// statement whose speaker span overlaps it most (`None` when no speaker
    /// span overlaps, or the overlapping speaker has no actor).
    pub fn actor_at(&self, article: &str, span: Span) -> Option<&ActorId> {
        let overlap = |s: &Statement| {
            let (a, b) = (s.speaker.span, span);
            a.end.min(b.end).saturating_sub(a.start.max(b.start))
        };
        self.statements
            .get(article)?
            .iter()
            .filter(|s| overlap(s) > 0)
            .max_by_key(|s| (overlap(s), std::cmp::Reverse(s.speaker.span.start)))
            .and_then(|s| s.speaker.actor.as_ref())
    }
}

/// How one gold mention came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Right,
    /// The tool gave another id (or an id to a `-` mention).
    Wrong,
    /// The tool gave no id to a mention with one.
    Missed,
    /// Neither the gold nor the tool gives an id.
    RightlyNone,
    /// The body at the offsets does not hash to the row's check.
    Misaligned,
}

/// One gold mention, how it came out, and the id the tool gave it.
pub type ScoredMention<'a> = (&'a GoldMention, Outcome, Option<ActorId>);

/// Scores one corpus's mentions: counts, and each row's outcome with the tool's id.
pub fn score_mentions<'a>(
    mentions: &[&'a GoldMention],
    predictions: &Predictions,
) -> (Counts, Vec<ScoredMention<'a>>) {
    let mut counts = Counts::default();
    let mut rows = Vec::new();
    for &mention in mentions {
        let body = predictions.articles.get(&mention.article).map(|a| a.body.as_bytes());
        let aligned = body
            .and_then(|b| b.get(mention.span.start..mention.span.end))
            .is_some_and(|bytes| check_hash(bytes) == mention.check);
        if !aligned {
            rows.push((mention, Outcome::Misaligned, None));
            continue;
        }
        let tool = predictions.actor_at(&mention.article, mention.span).cloned();
        let outcome = match (&mention.actor, &tool) {
            (Some(gold), Some(tool)) if gold == tool => Outcome::Right,
            (Some(_), None) => Outcome::Missed,
            (None, None) => Outcome::RightlyNone,
            _ => Outcome::Wrong,
        };
        match outcome {
            Outcome::Right => counts.tp += 1,
            Outcome::Missed => counts.fn_ += 1,
            Outcome::Wrong => {
                counts.fp += 1;
                counts.fn_ += usize::from(mention.actor.is_some());
            }
            Outcome::RightlyNone | Outcome::Misaligned => {}
        }
        rows.push((mention, outcome, tool));
    }
    (counts, rows)
}

/// The distinct ids (with statement counts) the tool gives to speaker
/// mentions containing one of `person`'s names as whole words.
pub fn ids_of_person(person: &GoldPerson, predictions: &Predictions) -> BTreeMap<ActorId, usize> {
    let mut ids = BTreeMap::new();
    let names_it = |text: &str| {
        let words: Vec<&str> =
            text.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
        let has = |name: &str| {
            let wanted: Vec<&str> = name.split_whitespace().collect();
            !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted.as_slice())
        };
        let (excluded, names): (Vec<&String>, Vec<&String>) =
            person.names.iter().partition(|n| n.starts_with('!'));
        names.iter().any(|n| has(n)) && !excluded.iter().any(|n| has(&n[1..]))
    };
    let surname = person.actor.as_str().rsplit('-').next().unwrap_or_default();
    for statement in predictions.statements.values().flatten() {
        if let Some(actor) = &statement.speaker.actor {
            if actor.as_str().split('-').any(|part| part == surname) && names_it(&statement.speaker.text) {
                *ids.entry(actor.clone()).or_insert(0) += 1;
            }
        }
    }
    ids
}

/// Scores the analyzer on the gold file at `gold`, reading articles under `data`.
pub fn evaluate(gold_path: &Path, data: &Path) -> Result<EvalReport> {
    let text = std::fs::read_to_string(gold_path)
        .map_err(|source| Error::Io { path: gold_path.to_path_buf(), source })?;
    let gold = parse_gold(&text, gold_path)?;
    let corpora: BTreeSet<Corpus> = gold.mentions.iter().map(|m| m.corpus).collect();
    let mut report = String::new();
    let mut figures = serde_json::Map::new();
    let mut total = Counts::default();
    let mut scored_any = false;
    let mut reuters: Option<Predictions> = None;
    let _ = writeln!(report, "Actor identity — gold {}", gold_path.display());
    for corpus in corpora {
        let articles = corpus.articles(data)?;
        if articles.is_empty() {
            let _ = writeln!(
                report,
                "  {}: no corpus at {}, skipped",
                corpus.as_str(),
                corpus.home(data).display()
            );
            continue;
        }
        scored_any = true;
        let article_count = articles.len();
        let predictions = Predictions::of(articles);
        let mentions: Vec<&GoldMention> = gold.mentions.iter().filter(|m| m.corpus == corpus).collect();
        let (counts, rows) = score_mentions(&mentions, &predictions);
        total.add(counts);
        let outcome_count = |o: Outcome| rows.iter().filter(|r| r.1 == o).count();
        let _ = writeln!(
            report,
            "  {:<8} {} mentions over {} articles: {counts}; no-actor mentions left without id {}, misaligned {}",
            corpus.as_str(),
            mentions.len(),
            article_count,
            outcome_count(Outcome::RightlyNone),
            outcome_count(Outcome::Misaligned)
        );
        let errors: Vec<_> =
            rows.iter().filter(|r| matches!(r.1, Outcome::Wrong | Outcome::Missed)).collect();
        for (mention, outcome, tool) in errors.iter().take(40) {
            let show = |id: &Option<ActorId>| id.as_ref().map_or("-".to_string(), |a| a.as_str().to_string());
            let _ = writeln!(
                report,
                "      {:?} {} {}-{}: gold {} tool {}",
                outcome,
                mention.article,
                mention.span.start,
                mention.span.end,
                show(&mention.actor),
                show(tool)
            );
        }
        figures.insert(
            corpus.as_str().to_string(),
            json!({
                "mentions": mentions.len(),
                "precision": counts.precision(),
                "recall": counts.recall(),
                "f1": counts.f1(),
                "counts": counts,
                "rightly_none": outcome_count(Outcome::RightlyNone),
                "misaligned": outcome_count(Outcome::Misaligned),
            }),
        );
        if corpus == Corpus::Reuters {
            reuters = Some(predictions);
        }
    }
    if !scored_any {
        return Err(Error::NoCorpus(data.to_path_buf()));
    }
    let _ = writeln!(report, "  {:<8} {total}", "all");
    figures.insert(
        "all".into(),
        json!({"precision": total.precision(), "recall": total.recall(), "f1": total.f1(), "counts": total}),
    );
    if let (Some(predictions), false) = (&reuters, gold.people.is_empty()) {
        let mut per_person: Vec<(&GoldPerson, BTreeMap<ActorId, usize>)> =
            gold.people.iter().map(|p| (p, ids_of_person(p, predictions))).collect();
        per_person.sort_by_key(|(p, ids)| (std::cmp::Reverse(ids.values().sum::<usize>()), p.actor.clone()));
        let id_counts: Vec<usize> = per_person.iter().map(|(_, ids)| ids.len()).collect();
        let most = id_counts.iter().copied().max().unwrap_or(0);
        let mean = id_counts.iter().sum::<usize>() as f64 / id_counts.len().max(1) as f64;
        let one = id_counts.iter().filter(|&&n| n == 1).count();
        let _ = writeln!(
            report,
            "  ids per person, {} Reuters speakers: most {most}, mean {mean:.2}, exactly one id {one}",
            per_person.len()
        );
        for (person, ids) in
            per_person.iter().filter(|(p, ids)| ids.len() != 1 || !ids.contains_key(&p.actor))
        {
            let listed: Vec<String> = ids.iter().map(|(id, n)| format!("{id} ({n})")).collect();
            let _ = writeln!(
                report,
                "      {}: {}",
                person.actor,
                if listed.is_empty() { "none".into() } else { listed.join(", ") }
            );
        }
        figures.insert(
            "ids_per_person".into(),
            json!({
                "people": per_person.len(),
                "most": most,
                "mean": mean,
                "exactly_one": one,
                "by_person": per_person.iter().map(|(p, ids)| (p.actor.as_str().to_string(), json!(ids.iter().map(|(id, n)| (id.as_str().to_string(), *n)).collect::<BTreeMap<_, _>>()))).collect::<serde_json::Map<_, _>>(),
            }),
        );
    }
    Ok(EvalReport {
        task: "actors".into(),
        gold: gold_path.to_path_buf(),
        text: report,
        figures: serde_json::Value::Object(figures),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shared-data directory holding one PolNeAR article of our own.
    fn fixture_data() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("polnear/data/dev/text");
        std::fs::create_dir_all(&text).unwrap();
        let body = "Senator Mara Keel said on Monday that the bridge would open. \
                    Keel said the vote was close. Analysts said costs would rise.";
        std::fs::write(text.join("wire_2016-03-01_bridge.txt"), body).unwrap();
        dir
    }

    fn row(body: &str, word: &str, nth: usize, actor: &str) -> String {
        let start = body.match_indices(word).nth(nth).unwrap().0;
        let span = &body.as_bytes()[start..start + word.len()];
        format!(
            "mention\tpolnear\tpolnear-wire_2016-03-01_bridge\t{start}\t{}\t{:08x}\t{actor}\tnote\n",
            start + word.len(),
            check_hash(span)
        )
    }

    #[test]
    fn scores_right_wrong_and_rightly_none_mentions() {
        let data = fixture_data();
        let body =
            std::fs::read_to_string(data.path().join("polnear/data/dev/text/wire_2016-03-01_bridge.txt"))
                .unwrap();
        let gold = format!(
            "# our own fixture\n{}{}{}{}person\tmara-keel\tKeel\tnote\n",
            row(&body, "Mara Keel", 0, "mara-keel"),
            // The surname after the full name is the same person.
            row(&body, "Keel", 1, "mara-keel"),
            // A deliberately wrong judgement, so precision must drop.
            row(&body, "Keel", 1, "somebody-else"),
            row(&body, "Analysts", 0, "-"),
        );
        let path = data.path().join("gold.tsv");
        std::fs::write(&path, gold).unwrap();
        let report = evaluate(&path, data.path()).unwrap();
        let polnear = &report.figures["polnear"];
        assert_eq!(polnear["counts"]["tp"], 2, "{}", report.text);
        assert_eq!(polnear["counts"]["fp"], 1, "{}", report.text);
        assert_eq!(polnear["rightly_none"], 1, "{}", report.text);
        assert!(report.text.contains("gold somebody-else tool mara-keel"), "{}", report.text);
    }

    #[test]
    fn a_row_whose_bytes_differ_is_misaligned_not_scored() {
        let data = fixture_data();
        let row = "mention\tpolnear\tpolnear-wire_2016-03-01_bridge\t8\t17\tdeadbeef\tmara-keel\tnote\n";
        let path = data.path().join("gold.tsv");
        std::fs::write(&path, row).unwrap();
        let report = evaluate(&path, data.path()).unwrap();
        assert_eq!(report.figures["polnear"]["misaligned"], 1);
        assert_eq!(report.figures["polnear"]["counts"]["tp"], 0);
    }

    #[test]
    fn without_the_corpus_the_task_reports_missing_data() {
        let data = tempfile::tempdir().unwrap();
        let path = data.path().join("gold.tsv");
        std::fs::write(&path, "mention\treuters\treuters-1\t0\t4\t00000000\tx\tnote\n").unwrap();
        let err = evaluate(&path, data.path()).unwrap_err();
        assert!(err.is_missing_data(), "{err}");
    }

    #[test]
    fn person_names_with_exclusions() {
        let person = GoldPerson {
            actor: ActorId::new("james-baker"),
            names: vec!["Baker".into(), "!Howard Baker".into()],
        };
        let mut predictions = Predictions { articles: BTreeMap::new(), statements: BTreeMap::new() };
        let body = "Treasury Secretary James Baker said rates would fall. \
                    Howard Baker said the president was well. Baker said growth was firm.";
        let article =
            Article::new(chrono::DateTime::parse_from_rfc3339("1987-03-03T00:00:00Z").unwrap(), body.into())
                .with_id(stanceshift_core::ArticleId::new("reuters-1"));
        predictions
            .statements
            .insert("reuters-1".into(), analyze_article(&article, &ActorBook::builtin()).statements);
        let ids = ids_of_person(&person, &predictions);
        assert!(!ids.contains_key(&ActorId::new("howard-baker")), "{ids:?}");
        assert!(ids.keys().all(|id| id.as_str().contains("baker")), "{ids:?}");
        assert!(!ids.is_empty());
    }

    #[test]
    fn parse_rejects_a_bad_row() {
        assert!(parse_gold("mention\tnowhere\ta\t1\t2\t0\tx\tn\n", Path::new("g")).is_err());
        assert!(parse_gold("# only a comment\n\n", Path::new("g")).unwrap().mentions.is_empty());
    }
}
