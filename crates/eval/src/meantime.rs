//! MEANTIME (English) event factuality: for every gold `EVENT_MENTION` in the
//! CAT XML files we predict its `certainty` (CERTAIN, PROBABLE, POSSIBLE,
//! UNDERSPECIFIED), `polarity` (POS, NEG, UNDERSPECIFIED) and `time` (FUTURE,
//! NON_FUTURE) with the analyzer's stance machinery
//! ([`stanceshift_analyzer::stance::assess`] on the mention's sentence, anchored
//! at the mention), and report macro-F1 per attribute beside the majority
//! baseline, with the gold label distributions.
//!
//! Mapping: commitment ±3 → CERTAIN, ±2 → PROBABLE, ±1 → POSSIBLE, Uu →
//! UNDERSPECIFIED; its sign gives the polarity (Uu → UNDERSPECIFIED); FUTURE
//! when a future modal governs the mention or it is an infinitive after "to".
//! Mentions whose gold attribute is empty are skipped for that attribute.
//!
//! The corpus ships each article twice (`intra-doc_annotation` and
//! `intra_cross-doc_annotation`); only the first is read when both are present.

use crate::metrics::macro_f1;
use crate::{xml, Error, EvalReport, Result};
use quick_xml::events::Event;
use stanceshift_analyzer::stance::assess;
use stanceshift_core::Commitment;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Where the gold data lives under the shared data directory.
pub const DEFAULT_SUBDIR: &str = "meantime_english";

/// One event mention with its gold attributes and sentence context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMention {
    /// The sentence's tokens joined by spaces.
    pub sentence: String,
    /// Byte offset of the mention's first token in `sentence`.
    pub anchor: usize,
    pub text: String,
    pub certainty: String,
    pub polarity: String,
    pub time: String,
}

/// Predicted attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prediction {
    pub certainty: &'static str,
    pub polarity: &'static str,
    pub time: &'static str,
}

/// Reads the event mentions of one CAT XML document. Reading stops at the
/// first malformed markup, keeping what came before it.
pub fn parse_document(source: &str) -> Vec<EventMention> {
    // token id -> (sentence, text)
    let mut tokens: BTreeMap<u64, (u64, String)> = BTreeMap::new();
    let mut mentions: Vec<(BTreeMap<String, String>, Vec<u64>)> = Vec::new();
    let mut in_event = false;
    let mut reader = xml::reader(source);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(tag) if tag.name().as_ref() == b"token" => {
                let attrs = xml::attributes(&tag);
                // The token's content as written, up to its end tag.
                let Ok(raw) = reader.read_text(tag.name()) else { break };
                if let (Some(id), Some(sentence)) = (num(&attrs, "t_id"), num(&attrs, "sentence")) {
                    tokens.insert(id, (sentence, xml::decode(&raw)));
                }
            }
            Event::Start(tag) if tag.name().as_ref() == b"EVENT_MENTION" => {
                mentions.push((xml::attributes(&tag), Vec::new()));
                in_event = true;
            }
            Event::End(tag) if tag.name().as_ref() == b"EVENT_MENTION" => in_event = false,
            Event::Start(tag) | Event::Empty(tag) if in_event && tag.name().as_ref() == b"token_anchor" => {
                if let (Some(id), Some(m)) = (num(&xml::attributes(&tag), "t_id"), mentions.last_mut()) {
                    m.1.push(id);
                }
            }
            _ => {}
        }
    }
    // sentence -> ordered token ids
    let mut sentences: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for (&id, (sentence, _)) in &tokens {
        sentences.entry(*sentence).or_default().push(id);
    }
    let mut out = Vec::new();
    for (attrs, anchors) in mentions {
        let Some(&first) = anchors.iter().min() else { continue };
        let Some((sentence_no, _)) = tokens.get(&first) else { continue };
        let mut sentence = String::new();
        let mut anchor = 0;
        for id in sentences.get(sentence_no).into_iter().flatten() {
            if !sentence.is_empty() {
                sentence.push(' ');
            }
            if *id == first {
                anchor = sentence.len();
            }
            sentence.push_str(&tokens[id].1);
        }
        let text =
            anchors.iter().filter_map(|a| tokens.get(a)).map(|t| t.1.as_str()).collect::<Vec<_>>().join(" ");
        let get = |k: &str| attrs.get(k).cloned().unwrap_or_default();
        out.push(EventMention {
            sentence,
            anchor,
            text,
            certainty: get("certainty"),
            polarity: get("polarity"),
            time: get("time"),
        });
    }
    out
}

fn num(attrs: &BTreeMap<String, String>, key: &str) -> Option<u64> {
    attrs.get(key)?.parse().ok()
}

/// Predicts the three attributes of a mention.
pub fn predict(mention: &EventMention) -> Prediction {
    let a = assess(&mention.sentence, Some(mention.anchor));
    let certainty = match a.commitment.score().abs() {
        3 => "CERTAIN",
        2 => "PROBABLE",
        1 => "POSSIBLE",
        _ => "UNDERSPECIFIED",
    };
    let polarity = match a.commitment {
        Commitment::Uncommitted => "UNDERSPECIFIED",
        c if c.score() < 0 => "NEG",
        _ => "POS",
    };
    // "to sell", "to be revived", "is to be held": an infinitive looks ahead.
    let before = mention.sentence.get(..mention.anchor).unwrap_or("");
    let infinitive = before
        .split_whitespace()
        .rev()
        .find(|w| !matches!(w.to_ascii_lowercase().as_str(), "be" | "have" | "been"))
        .is_some_and(|w| w.eq_ignore_ascii_case("to"));
    let time = if a.future || infinitive { "FUTURE" } else { "NON_FUTURE" };
    Prediction { certainty, polarity, time }
}

/// Scores of one attribute.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AttributeScores {
    pub attribute: String,
    pub mentions: usize,
    pub macro_f1: f64,
    pub majority_label: String,
    pub majority_macro_f1: f64,
    pub accuracy: f64,
    /// Gold label counts.
    pub gold: BTreeMap<String, usize>,
    /// Predicted label counts.
    pub predicted: BTreeMap<String, usize>,
}

/// Scores (gold, predicted) label pairs of one attribute.
pub fn score_attribute(attribute: &str, pairs: &[(String, String)]) -> AttributeScores {
    let mut gold: BTreeMap<String, usize> = BTreeMap::new();
    let mut predicted: BTreeMap<String, usize> = BTreeMap::new();
    for (g, p) in pairs {
        *gold.entry(g.clone()).or_default() += 1;
        *predicted.entry(p.clone()).or_default() += 1;
    }
    // Most frequent gold label; ties go to the alphabetically first.
    let majority = gold.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|(l, _)| l.clone());
    let majority_label = majority.unwrap_or_default();
    let baseline: Vec<(String, String)> =
        pairs.iter().map(|(g, _)| (g.clone(), majority_label.clone())).collect();
    let correct = pairs.iter().filter(|(g, p)| g == p).count();
    AttributeScores {
        attribute: attribute.to_string(),
        mentions: pairs.len(),
        macro_f1: macro_f1(pairs),
        majority_macro_f1: macro_f1(&baseline),
        majority_label,
        accuracy: if pairs.is_empty() { 0.0 } else { correct as f64 / pairs.len() as f64 },
        gold,
        predicted,
    }
}

/// The XML files to read: `intra-doc_annotation` when present, else everything under `path`.
fn documents(path: &Path) -> Vec<PathBuf> {
    let intra = path.join("intra-doc_annotation");
    let root = if intra.is_dir() { intra } else { path.to_path_buf() };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "xml"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Scores every event mention of the MEANTIME files under `path`.
pub fn evaluate(path: &Path) -> Result<EvalReport> {
    let files = documents(path);
    let mut pairs: [Vec<(String, String)>; 3] = Default::default();
    for file in &files {
        let xml = std::fs::read_to_string(file).map_err(|source| Error::Io { path: file.clone(), source })?;
        for mention in parse_document(&xml) {
            let p = predict(&mention);
            for (slot, (gold, predicted)) in pairs.iter_mut().zip([
                (&mention.certainty, p.certainty),
                (&mention.polarity, p.polarity),
                (&mention.time, p.time),
            ]) {
                if !gold.is_empty() {
                    slot.push((gold.clone(), predicted.to_string()));
                }
            }
        }
    }
    if pairs[0].is_empty() {
        return Err(Error::NoGold(path.to_path_buf()));
    }
    let scores: Vec<AttributeScores> = ["certainty", "polarity", "time"]
        .iter()
        .zip(&pairs)
        .map(|(name, p)| score_attribute(name, p))
        .collect();
    let mut text = format!(
        "{} documents\nattribute   mentions  macro-F1  majority macro-F1 (label)       accuracy\n",
        files.len()
    );
    for s in &scores {
        let _ = writeln!(
            text,
            "{:<11} {:>8}  {:>8.3}  {:>8.3} ({:<20}) {:>8.3}",
            s.attribute, s.mentions, s.macro_f1, s.majority_macro_f1, s.majority_label, s.accuracy
        );
    }
    for s in &scores {
        let dist = |m: &BTreeMap<String, usize>| {
            m.iter().map(|(l, c)| format!("{l} {c}")).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(
            text,
            "{} gold: {}\n{} predicted: {}",
            s.attribute,
            dist(&s.gold),
            s.attribute,
            dist(&s.predicted)
        );
    }
    let figures = serde_json::json!({ "documents": files.len(), "attributes": scores });
    Ok(EvalReport { task: "meantime".into(), gold: path.to_path_buf(), text, figures })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meantime")
    }

    fn check() -> String {
        let xml = std::fs::read_to_string(fixture().join("doc1.xml")).unwrap();
        parse_document(&xml)
            .iter()
            .map(|m| {
                let p = predict(m);
                format!(
                    "{}: gold {}/{}/{} predicted {}/{}/{}",
                    m.text, m.certainty, m.polarity, m.time, p.certainty, p.polarity, p.time
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn mentions_are_read_and_predicted() {
        insta::assert_snapshot!(check(), @r"
        sign: gold CERTAIN/NEG/FUTURE predicted CERTAIN/NEG/FUTURE
        close: gold POSSIBLE/POS/FUTURE predicted POSSIBLE/POS/FUTURE
        fall: gold UNDERSPECIFIED/UNDERSPECIFIED/FUTURE predicted UNDERSPECIFIED/UNDERSPECIFIED/FUTURE
        rose: gold CERTAIN/POS/NON_FUTURE predicted CERTAIN/POS/NON_FUTURE
        said: gold CERTAIN//NON_FUTURE predicted CERTAIN/POS/NON_FUTURE
        ");
    }

    #[test]
    fn majority_baseline_and_distributions() {
        let pairs: Vec<(String, String)> = [("POS", "POS"), ("POS", "NEG"), ("NEG", "NEG"), ("POS", "POS")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let s = score_attribute("polarity", &pairs);
        assert_eq!(s.majority_label, "POS");
        // Majority: POS F1 = 2*0.75*1/(1.75) = 0.857, NEG F1 = 0 -> 0.429.
        assert!((s.majority_macro_f1 - 0.428_571).abs() < 1e-5, "{}", s.majority_macro_f1);
        assert!((s.accuracy - 0.75).abs() < 1e-9);
        assert_eq!(s.gold["POS"], 3);
    }

    #[test]
    fn evaluate_reads_the_fixture_and_reports_no_gold_elsewhere() {
        let report = evaluate(&fixture()).unwrap();
        assert!(report.text.starts_with("1 documents"), "{}", report.text);
        assert_eq!(report.figures["attributes"][0]["mentions"], 5);
        assert!(matches!(evaluate(Path::new("/nonexistent")), Err(Error::NoGold(_))));
    }
}
