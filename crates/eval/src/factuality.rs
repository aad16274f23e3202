//! Predicate factuality on the unified UW/MEANTIME data (CoNLL files with a
//! −3..+3 factuality value on each annotated predicate and a dependency parse).
//!
//! For every annotated predicate we predict the commitment score of the
//! analyzer's stance machinery ([`stanceshift_analyzer::stance::assess`]) and
//! report Pearson r and MAE against the gold value. Two readings are scored:
//!
//! - **sentence**: the predicate's clause in the plain sentence, cues before the predicate;
//!   on UW a bare infinitive no modal governs ("tried to reach") counts as only
//!   possible, on MEANTIME not (its scheme keeps certainty apart from time; see
//!   [`options_for`]);
//! - **scope**: only the words the parse links to the predicate: its own
//!   auxiliaries, negation, adverbs and subordinators, and those of the words it
//!   hangs from (up to a clause boundary: `ccomp`/`parataxis`), plus those
//!   words themselves ("plans to", "refused to", "if ... lose").
//!
//! A third column, **calibrated**, maps each predicted level of the sentence
//! reading to the median gold value of that level on the TRAIN split of the same
//! corpus (seven numbers learned from train, never from the split scored): it
//! shows how much of the error is the scale's spacing rather than the cues.
//!
//! The baseline "always 3" (everything happened) is shown beside them: most
//! predicates in news are factual, so MAE alone flatters any system.
//!
//! Layout expected under the given directory: `uw/{dev,test}.conll` and
//! optionally `meantime/{dev,test}.conll`; the DEV splits are the headline.

use crate::metrics::{mae, pearson};
use crate::{Error, EvalReport, Result};
use stanceshift_analyzer::stance::{assess_with, AssessOptions};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Where the gold data lives under the shared data directory.
pub const DEFAULT_SUBDIR: &str = "unified_factuality_uw_meantime";

/// One token of a CoNLL sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub text: String,
    /// Gold factuality, on annotated predicates only.
    pub factuality: Option<f64>,
    /// Index of the head (the root points to itself).
    pub head: usize,
    pub deprel: String,
}

/// Reads sentences from the unified CoNLL format
/// (`index, token, value or _, POS, head, relation, lemma`, blank line between sentences).
pub fn parse_conll(text: &str, path: &Path) -> Result<Vec<Vec<Token>>> {
    let mut sentences = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| Error::Format {
            path: path.to_path_buf(),
            message: format!("line {}: {what}", n + 1),
        };
        if cols.len() < 6 {
            return Err(bad("fewer than 6 columns"));
        }
        let factuality = match cols[2] {
            "_" => None,
            v => Some(v.parse::<f64>().map_err(|_| bad("factuality is not a number"))?),
        };
        let head = cols[4].parse::<usize>().map_err(|_| bad("head is not a number"))?;
        current.push(Token { text: cols[1].to_string(), factuality, head, deprel: cols[5].to_string() });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// How a predicate's context is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Sentence,
    Scope,
}

/// Relations whose dependents decide a predicate's factuality.
const SCOPE_RELATIONS: &[&str] = &["aux", "auxpass", "neg", "advmod", "mark"];

/// Predicted factuality (−3..3) of token `at` of `sentence`, with the options
/// of the corpus's scheme (see [`options_for`]).
pub fn predict(sentence: &[Token], at: usize, reading: Reading) -> f64 {
    predict_with(sentence, at, reading, AssessOptions { infinitives_unasserted: true })
}

/// The reading options that fit a corpus: UW asks whether an event happened,
/// so a bare infinitive ("tried to reach") is not asserted; MEANTIME judges
/// certainty apart from time, so "to sell" stays certain.
pub fn options_for(corpus: &str) -> AssessOptions {
    AssessOptions { infinitives_unasserted: corpus != "meantime" }
}

/// [`predict`] with explicit options.
pub fn predict_with(sentence: &[Token], at: usize, reading: Reading, options: AssessOptions) -> f64 {
    let picked: Vec<usize> = match reading {
        Reading::Sentence => (0..sentence.len()).collect(),
        Reading::Scope => scope_tokens(sentence, at),
    };
    let mut text = String::new();
    let mut anchor = 0;
    for &i in &picked {
        if !text.is_empty() {
            text.push(' ');
        }
        if i == at {
            anchor = text.len();
        }
        text.push_str(&sentence[i].text);
    }
    f64::from(assess_with(&text, Some(anchor), options).commitment.score())
}

/// The tokens the parse links to the predicate (see the module docs), in text order.
fn scope_tokens(sentence: &[Token], at: usize) -> Vec<usize> {
    let mut picked = vec![at];
    let mut node = at;
    for _ in 0..6 {
        for (i, t) in sentence.iter().enumerate() {
            if t.head == node && i != node && SCOPE_RELATIONS.contains(&t.deprel.as_str()) {
                picked.push(i);
            }
        }
        let relation = sentence[node].deprel.as_str();
        let head = sentence[node].head;
        if head == node || head >= sentence.len() || matches!(relation, "parataxis" | "ROOT" | "root") {
            break;
        }
        if relation == "ccomp" {
            // The embedding verb itself still counts ("denied that ..."), its own modals do not.
            picked.push(head);
            break;
        }
        node = head;
        picked.push(node);
    }
    picked.sort_unstable();
    picked.dedup();
    picked
}

/// Figures for one split.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SplitScores {
    pub split: String,
    pub predicates: usize,
    pub sentence_pearson: Option<f64>,
    pub sentence_mae: Option<f64>,
    pub scope_pearson: Option<f64>,
    pub scope_mae: Option<f64>,
    pub calibrated_pearson: Option<f64>,
    pub calibrated_mae: Option<f64>,
    /// MAE of predicting 3 (factual) everywhere.
    pub all_factual_mae: Option<f64>,
    pub gold_mean: f64,
}

/// Median gold value per predicted level (sentence reading), from training
/// sentences (the median, because MAE is what it should lower).
pub fn calibrate(train: &[Vec<Token>], options: AssessOptions) -> BTreeMap<i64, f64> {
    let mut values: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
    for sentence in train {
        for (i, t) in sentence.iter().enumerate() {
            let Some(gold) = t.factuality else { continue };
            values
                .entry(predict_with(sentence, i, Reading::Sentence, options) as i64)
                .or_default()
                .push(gold);
        }
    }
    values
        .into_iter()
        .map(|(level, mut v)| {
            v.sort_by(f64::total_cmp);
            let mid = v.len() / 2;
            let median = if v.len() % 2 == 0 { (v[mid - 1] + v[mid]) / 2.0 } else { v[mid] };
            (level, median)
        })
        .collect()
}

/// Scores one CoNLL split; `calibration` as from [`calibrate`] (empty: no calibrated column).
pub fn score_split(
    name: &str,
    sentences: &[Vec<Token>],
    calibration: &BTreeMap<i64, f64>,
    options: AssessOptions,
) -> SplitScores {
    let (mut by_sentence, mut by_scope, mut all_factual) = (Vec::new(), Vec::new(), Vec::new());
    let mut calibrated = Vec::new();
    for sentence in sentences {
        for (i, t) in sentence.iter().enumerate() {
            let Some(gold) = t.factuality else { continue };
            let level = predict_with(sentence, i, Reading::Sentence, options);
            by_sentence.push((level, gold));
            if let Some(&value) = calibration.get(&(level as i64)) {
                calibrated.push((value, gold));
            }
            by_scope.push((predict_with(sentence, i, Reading::Scope, options), gold));
            all_factual.push((3.0, gold));
        }
    }
    let n = by_scope.len();
    SplitScores {
        split: name.to_string(),
        predicates: n,
        sentence_pearson: pearson(&by_sentence),
        sentence_mae: mae(&by_sentence),
        scope_pearson: pearson(&by_scope),
        scope_mae: mae(&by_scope),
        calibrated_pearson: pearson(&calibrated),
        calibrated_mae: mae(&calibrated),
        all_factual_mae: mae(&all_factual),
        gold_mean: if n == 0 { 0.0 } else { by_scope.iter().map(|p| p.1).sum::<f64>() / n as f64 },
    }
}

/// Scores the DEV and TEST splits of UW and MEANTIME found under `path`.
pub fn evaluate(path: &Path) -> Result<EvalReport> {
    let mut splits = Vec::new();
    for corpus in ["uw", "meantime"] {
        let train_file = path.join(corpus).join("train.conll");
        let calibration = if train_file.is_file() {
            let text = std::fs::read_to_string(&train_file)
                .map_err(|source| Error::Io { path: train_file.clone(), source })?;
            calibrate(&parse_conll(&text, &train_file)?, options_for(corpus))
        } else {
            BTreeMap::new()
        };
        for split in ["dev", "test"] {
            let file: PathBuf = path.join(corpus).join(format!("{split}.conll"));
            if !file.is_file() {
                continue;
            }
            let text =
                std::fs::read_to_string(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let sentences = parse_conll(&text, &file)?;
            splits.push(score_split(
                &format!("{corpus}/{split}"),
                &sentences,
                &calibration,
                options_for(corpus),
            ));
        }
    }
    if splits.is_empty() {
        return Err(Error::NoGold(path.to_path_buf()));
    }
    let fmt = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
    let mut text = String::from(
        "split           predicates  sentence r  sentence MAE  scope r  scope MAE  calibrated r  calibrated MAE  all-3 MAE  gold mean\n",
    );
    for s in &splits {
        let _ = writeln!(
            text,
            "{:<15} {:>10}  {:>10}  {:>12}  {:>7}  {:>9}  {:>12}  {:>14}  {:>9}  {:>9.2}",
            s.split,
            s.predicates,
            fmt(s.sentence_pearson),
            fmt(s.sentence_mae),
            fmt(s.scope_pearson),
            fmt(s.scope_mae),
            fmt(s.calibrated_pearson),
            fmt(s.calibrated_mae),
            fmt(s.all_factual_mae),
            s.gold_mean
        );
    }
    let figures = serde_json::to_value(&splits).unwrap_or(serde_json::Value::Null);
    Ok(EvalReport { task: "factuality".into(), gold: path.to_path_buf(), text, figures })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/factuality")
    }

    fn sentences() -> Vec<Vec<Token>> {
        let file = fixture().join("uw/dev.conll");
        parse_conll(&std::fs::read_to_string(&file).unwrap(), &file).unwrap()
    }

    /// Each annotated predicate of the fixture: token, gold, sentence and scope predictions.
    fn check() -> String {
        let mut out = Vec::new();
        for s in sentences() {
            for (i, t) in s.iter().enumerate() {
                if let Some(gold) = t.factuality {
                    let (a, b) = (predict(&s, i, Reading::Sentence), predict(&s, i, Reading::Scope));
                    out.push(format!("{} gold {gold:+} sentence {a:+} scope {b:+}", t.text));
                }
            }
        }
        out.join("\n")
    }

    #[test]
    fn predictions_follow_modals_negation_and_embedding() {
        // "denied" in the plain-sentence reading picks up the earlier "plans to" of
        // the other conjunct; the parse-scope reading does not.
        insta::assert_snapshot!(check(), @r"
        said gold +3 sentence +3 scope +3
        close gold -3 sentence -3 scope -3
        meet gold +1 sentence +1 scope +1
        resume gold +0.5 sentence +0 scope +0
        plans gold +3 sentence +3 scope +3
        visit gold +1.5 sentence +2 scope +2
        denied gold +3 sentence +2 scope +3
        met gold -2 sentence -3 scope -3
        ");
    }

    #[test]
    fn evaluate_reports_every_split_found() {
        let report = evaluate(&fixture()).unwrap();
        assert!(report.text.contains("uw/dev"), "{}", report.text);
        let figures = report.figures.as_array().unwrap();
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0]["predicates"], 8);
    }

    #[test]
    fn calibration_maps_levels_to_train_means() {
        let table = calibrate(&sentences(), options_for("uw"));
        // Each predicted level maps to the mean gold value of its predicates.
        assert_eq!(table.get(&1), Some(&1.0));
        assert_eq!(table.get(&0), Some(&0.5));
        let scores = score_split("fixture", &sentences(), &table, options_for("uw"));
        assert!(scores.calibrated_mae.unwrap() <= scores.sentence_mae.unwrap());
    }

    #[test]
    fn malformed_lines_are_errors_and_missing_data_is_no_gold() {
        let bad = parse_conll("0\tword\tx\tNN\t0\tROOT\tword\n", Path::new("bad.conll"));
        assert!(matches!(bad, Err(Error::Format { .. })));
        assert!(matches!(evaluate(Path::new("/nonexistent")), Err(Error::NoGold(_))));
    }
}
