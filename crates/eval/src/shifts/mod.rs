//! Flagged stance shifts against a gold file of pairs we judged by hand
//! (`data/gold/shifts-dev.tsv`): real shifts with their kind, and non-shift
//! pairs of the kinds that fooled earlier versions (different propositions,
//! recurring tenders, reprints, conditionals …).
//!
//! The gold holds ids, byte offsets and an FNV-1a checksum of each quoted
//! span, never the text: the caller supplies article bodies (from an index of
//! the corpus) and the flags its analysis raised, and [`score`] matches them.
//! A flag matches a pair when its earlier and later evidence overlap the
//! pair's two spans in the same articles.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use stanceshift_core::{ActorId, ArticleId, Shift, ShiftKind, Span, UnflaggedPair};

use crate::metrics::Counts;
use crate::{check_hash, Error, EvalReport, Result};

/// Where the gold lives in the repository.
pub const DEFAULT_GOLD: &str = "data/gold/shifts-dev.tsv";

/// One side of a gold pair: a span of an article's body.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSide {
    pub article: ArticleId,
    pub span: Span,
    pub date: NaiveDate,
    /// FNV-1a 32-bit hash of the body bytes in `span`.
    pub check: u32,
}

/// A judged pair: a real shift of `label`'s kind, or no shift (`label` None).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldPair {
    pub id: String,
    pub corpus: String,
    pub actor: String,
    pub before: GoldSide,
    pub after: GoldSide,
    pub label: Option<ShiftKind>,
    pub category: String,
}

/// Reads a gold TSV (header row, `#` comments).
pub fn read_gold(path: &Path) -> Result<Vec<GoldPair>> {
    let text =
        std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    parse_gold(&text).map_err(|message| Error::Format { path: path.to_path_buf(), message })
}

/// Parses gold TSV text; errors name the line.
pub fn parse_gold(text: &str) -> std::result::Result<Vec<GoldPair>, String> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let Some((_, header)) = lines.next() else { return Ok(Vec::new()) };
    let columns: Vec<&str> = header.split('\t').collect();
    let at = |name: &str| columns.iter().position(|c| *c == name).ok_or(format!("no column {name:?}"));
    let cols = [
        "pair",
        "corpus",
        "actor",
        "before_article",
        "before_start",
        "before_end",
        "before_date",
        "before_check",
        "after_article",
        "after_start",
        "after_end",
        "after_date",
        "after_check",
        "label",
        "category",
    ]
    .map(at);
    let mut idx = [0usize; 15];
    for (i, c) in cols.into_iter().enumerate() {
        idx[i] = c?;
    }
    let mut out = Vec::new();
    for (n, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let field = |i: usize| fields.get(idx[i]).copied().ok_or(format!("line {}: too few columns", n + 1));
        let number = |i: usize| -> std::result::Result<usize, String> {
            field(i)?
                .parse()
                .map_err(|_| format!("line {}: {:?} is not an offset", n + 1, field(i).unwrap_or("")))
        };
        let date = |i: usize| -> std::result::Result<NaiveDate, String> {
            field(i)?.parse().map_err(|_| format!("line {}: bad date {:?}", n + 1, field(i).unwrap_or("")))
        };
        let check = |i: usize| -> std::result::Result<u32, String> {
            u32::from_str_radix(field(i)?, 16)
                .map_err(|_| format!("line {}: bad check {:?}", n + 1, field(i).unwrap_or("")))
        };
        let side = |a: usize| -> std::result::Result<GoldSide, String> {
            Ok(GoldSide {
                article: ArticleId::new(field(a)?),
                span: Span::new(number(a + 1)?, number(a + 2)?),
                date: date(a + 3)?,
                check: check(a + 4)?,
            })
        };
        let label = match field(13)? {
            "none" => None,
            kind => Some(
                ShiftKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind)
                    .ok_or(format!("line {}: unknown label {kind:?}", n + 1))?,
            ),
        };
        out.push(GoldPair {
            id: field(0)?.to_string(),
            corpus: field(1)?.to_string(),
            actor: field(2)?.to_string(),
            before: side(3)?,
            after: side(8)?,
            label,
            category: field(14)?.to_string(),
        });
    }
    Ok(out)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn matches(flag: &Shift, pair: &GoldPair) -> bool {
    flag.before.article_id == pair.before.article
        && overlaps(flag.before.span, pair.before.span)
        && flag.after.article_id == pair.after.article
        && overlaps(flag.after.span, pair.after.span)
}

/// What an analysis of the corpus decided: every flagged change, every
/// compared pair it turned down, and where each statement went (to say why a
/// real shift was missed).
#[derive(Debug, Clone, Copy)]
pub struct Analysis<'a> {
    pub flagged: &'a [Shift],
    pub unflagged: &'a [UnflaggedPair],
    pub placements: &'a [Placement],
}

/// Where the analysis filed one statement: under which actor, and in which
/// topic (`None`: in no kept topic).
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub actor: ActorId,
    pub article: ArticleId,
    pub span: Span,
    pub topic: Option<String>,
}

/// Why a real shift was never compared, from where its two statements went:
/// not found as statements, filed under different actors, in no topic, in
/// different topics, or in one topic but not consecutive (another statement
/// of the day or in between was compared instead).
fn never_compared(pair: &GoldPair, placements: &[Placement]) -> String {
    let at = |side: &GoldSide| -> Vec<&Placement> {
        placements.iter().filter(|p| p.article == side.article && overlaps(p.span, side.span)).collect()
    };
    let (before, after) = (at(&pair.before), at(&pair.after));
    match (before.is_empty(), after.is_empty()) {
        (true, true) => return "neither side found as a statement".into(),
        (true, false) => return "earlier side not found as a statement".into(),
        (false, true) => return "later side not found as a statement".into(),
        _ => {}
    }
    let shared_actor = |p: &&Placement| after.iter().any(|q| q.actor == p.actor);
    if !before.iter().any(shared_actor) {
        let ids = |side: &[&Placement]| {
            let mut ids: Vec<&str> = side.iter().map(|p| p.actor.as_str()).collect();
            ids.dedup();
            ids.join(", ")
        };
        return format!("filed under different actors ({} / {})", ids(&before), ids(&after));
    }
    let topics = |side: &[&Placement]| -> Vec<String> {
        side.iter()
            .filter(|p| before.iter().any(|b| b.actor == p.actor))
            .filter_map(|p| p.topic.clone())
            .collect()
    };
    let (tb, ta) = (topics(&before), topics(&after));
    match (tb.is_empty(), ta.is_empty()) {
        (true, true) => "neither side in a topic".into(),
        (true, false) => "earlier side in no topic".into(),
        (false, true) => "later side in no topic".into(),
        _ if tb.iter().any(|t| ta.contains(t)) => "same topic, not consecutive".into(),
        _ => format!("different topics ({} / {})", tb.join(", "), ta.join(", ")),
    }
}

/// Scores an analysis's flags against `gold`.
/// `body` gives an article's text when the corpus holds it; pairs whose
/// articles are missing are skipped, and pairs whose checksums do not match
/// the bodies are counted apart (the offsets point elsewhere: a different
/// version of the corpus).
pub fn score(
    gold_path: &Path,
    gold: &[GoldPair],
    analysis: &Analysis<'_>,
    body: &dyn Fn(&ArticleId) -> Option<String>,
) -> EvalReport {
    let flags = analysis.flagged;
    // Why each missed real shift was missed: the reason a compared pair was
    // turned down, else why it was never compared (other actor, other topic, not found).
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed_lines = String::new();
    let mut alarm_lines = String::new();
    let mut skipped = 0usize;
    let mut mismatched = 0usize;
    let mut kinds: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let (mut real, mut real_found, mut real_kind_right) = (0usize, 0usize, 0usize);
    let (mut none, mut false_alarms) = (0usize, 0usize);
    let mut alarms_by_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut found_by_corpus: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let verified = |side: &GoldSide| -> Option<bool> {
        let text = body(&side.article)?;
        Some(text.as_bytes().get(side.span.start..side.span.end).is_some_and(|b| check_hash(b) == side.check))
    };
    for pair in gold {
        match (verified(&pair.before), verified(&pair.after)) {
            (Some(true), Some(true)) => {}
            (None, _) | (_, None) => {
                skipped += 1;
                continue;
            }
            _ => {
                mismatched += 1;
                continue;
            }
        }
        let hits: Vec<&Shift> = flags.iter().filter(|f| matches(f, pair)).collect();
        match pair.label {
            Some(kind) => {
                real += 1;
                let entry = found_by_corpus.entry(pair.corpus.clone()).or_default();
                entry.1 += 1;
                if hits.is_empty() {
                    let why = analysis.unflagged.iter().find(|u| matches(&u.shift, pair)).map_or_else(
                        || format!("never compared: {}", never_compared(pair, analysis.placements)),
                        |u| u.reason.as_str().to_string(),
                    );
                    missed_lines.push_str(&format!(
                        "    {} {} {}: {why}\n",
                        pair.id,
                        pair.actor,
                        kind.as_str()
                    ));
                    // Counted by kind of reason, without the ids and topics that detail it.
                    let kind = why.split(" (").next().unwrap_or(&why).to_string();
                    *missed.entry(kind).or_default() += 1;
                } else {
                    real_found += 1;
                    entry.0 += 1;
                }
                let right = hits.iter().any(|f| f.kind == kind);
                real_kind_right += usize::from(right);
                let counts = kinds.entry(kind.as_str()).or_default();
                if right {
                    counts.tp += 1;
                } else {
                    counts.fn_ += 1;
                }
                for f in hits.iter().filter(|f| f.kind != kind) {
                    kinds.entry(f.kind.as_str()).or_default().fp += 1;
                }
            }
            None => {
                none += 1;
                let entry = alarms_by_category.entry(pair.category.clone()).or_default();
                entry.1 += 1;
                if !hits.is_empty() {
                    false_alarms += 1;
                    entry.0 += 1;
                    for f in &hits {
                        alarm_lines.push_str(&format!(
                            "    {} {} ({}): {} {:.2} — {}\n",
                            pair.id,
                            pair.actor,
                            pair.category,
                            f.kind.as_str(),
                            f.score,
                            f.explanation
                        ));
                    }
                    for f in &hits {
                        kinds.entry(f.kind.as_str()).or_default().fp += 1;
                    }
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    // Precision over the gold pairs a flag touched: real shifts among them.
    let flagged_pairs = real_found + false_alarms;
    let precision = ratio(real_found, flagged_pairs);
    let recall = ratio(real_found, real);
    let mut text = format!(
        "Shifts {} — {} pairs scored ({} real shifts, {} non-shift), {} skipped (articles not in the indexes), {} with offsets that do not match\n",
        gold_path.display(),
        real + none,
        real,
        none,
        skipped,
        mismatched
    );
    text.push_str(&format!(
        "  flagged pairs: precision {precision:.3} ({real_found}/{flagged_pairs}), recall {recall:.3} ({real_found}/{real}), kind right {real_kind_right}/{real}\n"
    ));
    text.push_str(&format!(
        "  false alarms on non-shift pairs: {:.3} ({false_alarms}/{none})\n",
        ratio(false_alarms, none)
    ));
    text.push_str("  by kind (kind must match):\n");
    for (kind, c) in &kinds {
        text.push_str(&format!("    {kind:<14} {c}\n"));
    }
    text.push_str("  false alarms by category:\n");
    for (category, (alarms, total)) in &alarms_by_category {
        text.push_str(&format!("    {category:<22} {alarms}/{total}\n"));
    }
    text.push_str(&alarm_lines);
    text.push_str("  real shifts found by corpus:\n");
    for (corpus, (found, total)) in &found_by_corpus {
        text.push_str(&format!("    {corpus:<22} {found}/{total}\n"));
    }
    text.push_str("  missed real shifts by reason:\n");
    for (why, n) in &missed {
        text.push_str(&format!("    {why:<22} {n}\n"));
    }
    text.push_str(&missed_lines);
    let figures = json!({
        "missed_by_reason": missed,
        "pairs": real + none,
        "real": real,
        "non_shift": none,
        "skipped": skipped,
        "mismatched_offsets": mismatched,
        "precision": precision,
        "recall": recall,
        "f1": if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) },
        "kind_right": real_kind_right,
        "false_alarm_rate": ratio(false_alarms, none),
        "false_alarms_by_category": alarms_by_category.iter().map(|(k, (a, t))| (k.clone(), json!({"alarms": a, "pairs": t}))).collect::<serde_json::Map<_, _>>(),
        "by_kind": kinds.iter().map(|(k, c)| (k.to_string(), json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_}))).collect::<serde_json::Map<_, _>>(),
    });
    EvalReport { task: "shifts".into(), gold: gold_path.to_path_buf(), text, figures }
}

#[cfg(test)]
mod tests;
