//! TempEval-3 TIMEX3 evaluation: runs `stanceshift_timex::find` over the
//! `<TEXT>` of each TimeML `.tml` file with the document creation time as the
//! reference date, and scores it against the gold TIMEX3 annotations.
//!
//! Scores, as in the TempEval-3 task:
//! - extent strict: exact span match; extent relaxed: any overlap (one-to-one);
//! - value: correct when the extents match relaxedly and the values are equal
//!   ([`same_value`]: spellings of one ISO value, `2000-W7` and `2000-W07`,
//!   `T17` and `T17:00`, are equal), with precision over all system
//!   expressions and recall over all gold ones;
//! - type accuracy: share of relaxed matches with the same TIMEX3 type;
//! - value accuracy on gold extents: `stanceshift_timex::normalise` applied to
//!   each gold extent's text alone (no sentence context), compared with the gold
//!   value; this isolates normalisation from recognition.
//!
//! Set `STANCESHIFT_TEMPEVAL_DEBUG=1` to print every miss, spurious and wrong
//! value to stderr.

use crate::metrics::Counts;
use crate::{xml, Error, EvalReport, Result};
use chrono::NaiveDate;
use quick_xml::events::Event;
use stanceshift_core::Span;
use stanceshift_timex::TimeExpr;
use std::path::{Path, PathBuf};

/// Where the gold data lives under the shared data directory.
pub const DEFAULT_SUBDIR: &str = "tempeval3/TBAQ-cleaned";

/// Environment variable that turns on per-expression error output.
pub const DEBUG_ENV: &str = "STANCESHIFT_TEMPEVAL_DEBUG";

/// One gold or system time expression, with byte offsets into the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// A TimeML document reduced to what the scorer needs.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    pub path: PathBuf,
    pub dct: NaiveDate,
    /// The `<TEXT>` content with tags removed and entities decoded.
    pub text: String,
    /// Gold TIMEX3s inside `<TEXT>` (the creation time itself is outside it).
    pub gold: Vec<Timex>,
}

/// Counts for one document or a whole collection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Scores {
    pub strict: Counts,
    pub relaxed: Counts,
    pub value: Counts,
    /// Relaxed matches with the same type.
    pub type_correct: usize,
}

impl Scores {
    fn add(&mut self, other: &Scores) {
        self.strict.add(other.strict);
        self.relaxed.add(other.relaxed);
        self.value.add(other.value);
        self.type_correct += other.type_correct;
    }

    /// Share of relaxed matches whose type is right.
    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed.tp == 0 {
            0.0
        } else {
            self.type_correct as f64 / self.relaxed.tp as f64
        }
    }

    /// Share of relaxed matches whose value is right.
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed.tp == 0 {
            0.0
        } else {
            self.value.tp as f64 / self.relaxed.tp as f64
        }
    }
}

/// Reads one TimeML file.
pub fn read_timeml(path: &Path) -> Result<TimemlDoc> {
    let source =
        std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    parse_timeml(&source)
        .map_err(|message| Error::Format { path: path.to_path_buf(), message })
        .map(|(dct, text, gold)| TimemlDoc { path: path.to_path_buf(), dct, text, gold })
}

/// Parses TimeML: the DCT (the TIMEX3 with `functionInDocument="CREATION_TIME"`),
/// and the `<TEXT>` element's plain text with its TIMEX3 spans.
///
/// Offsets are byte offsets into that text, which is every text and entity
/// reference inside `<TEXT>` with the predefined entities decoded (see
/// [`crate::xml`]); comments, CDATA sections and other markup add nothing.
fn parse_timeml(source: &str) -> std::result::Result<(NaiveDate, String, Vec<Timex>), String> {
    let mut reader = xml::reader(source);
    let mut dct = None;
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut in_text = false;
    let mut open: Vec<(usize, String, String)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| xml::describe(&e))?;
        match event {
            Event::Eof => break,
            Event::Text(t) if in_text => xml::decode_into(&t.decode().map_err(|e| e.to_string())?, &mut text),
            Event::GeneralRef(r) if in_text => xml::push_reference(&r, &mut text),
            Event::Start(tag) if tag.name().as_ref() == b"TEXT" => in_text = true,
            Event::End(tag) if tag.name().as_ref() == b"TEXT" => in_text = false,
            Event::Start(ref tag) | Event::Empty(ref tag) if tag.name().as_ref() == b"TIMEX3" => {
                let mut attrs = xml::attributes(tag);
                let mut attr = |key: &str| attrs.remove(key).unwrap_or_default();
                let (function, kind, value) = (attr("functionInDocument"), attr("type"), attr("value"));
                if function == "CREATION_TIME" {
                    dct = Some(stanceshift_timex::parse_reference(&value).map_err(|e| e.to_string())?);
                }
                if in_text && matches!(event, Event::Start(_)) {
                    open.push((text.len(), kind, value));
                }
            }
            Event::End(tag) if in_text && tag.name().as_ref() == b"TIMEX3" => {
                let (start, kind, value) = open.pop().ok_or("unbalanced </TIMEX3>")?;
                let (start, end) = trim_span(&text, start, text.len());
                gold.push(Timex { span: Span::new(start, end), kind, value });
            }
            _ => {}
        }
    }
    let dct = dct.ok_or("no creation-time TIMEX3")?;
    Ok((dct, text, gold))
}

/// Gold extents sometimes include surrounding whitespace; scoring ignores it.
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        (start, end)
    } else {
        (start + lead, end - trail)
    }
}

/// Runs the recogniser on a document.
pub fn predict(doc: &TimemlDoc) -> Vec<Timex> {
    stanceshift_timex::find(&doc.text, doc.dct).into_iter().map(to_timex).collect()
}

fn to_timex(e: TimeExpr) -> Timex {
    Timex { span: e.span, kind: e.kind.as_str().to_string(), value: e.value }
}

/// A one-to-one relaxed alignment: for each gold expression (in order), the
/// unused system expression overlapping it most. Returns (gold, system) index pairs.
fn align(gold: &[Timex], system: &[Timex]) -> Vec<(usize, usize)> {
    let mut used = vec![false; system.len()];
    let mut pairs = Vec::new();
    for (g, gt) in gold.iter().enumerate() {
        let best = system
            .iter()
            .enumerate()
            .filter(|(s, st)| !used[*s] && st.span.overlaps(&gt.span))
            .max_by_key(|(_, st)| (st.span.intersection_len(&gt.span), st.span == gt.span));
        if let Some((s, _)) = best {
            used[s] = true;
            pairs.push((g, s));
        }
    }
    pairs
}

/// Scores system expressions against gold ones.
pub fn score(gold: &[Timex], system: &[Timex]) -> Scores {
    let pairs = align(gold, system);
    let counts = |tp: usize| Counts { tp, fp: system.len() - tp, fn_: gold.len() - tp };
    let strict = gold.iter().filter(|g| system.iter().any(|s| s.span == g.span)).count();
    let value = pairs.iter().filter(|(g, s)| same_value(&gold[*g].value, &system[*s].value)).count();
    let type_correct = pairs.iter().filter(|(g, s)| gold[*g].kind == system[*s].kind).count();
    Scores { strict: counts(strict), relaxed: counts(pairs.len()), value: counts(value), type_correct }
}

/// Whether two TIMEX3 values are one value. The gold spells some weeks
/// without their leading zero (`2000-W7`, beside `1998-W08` elsewhere) and
/// some hours without minutes (`1989-11-06T17`); ISO 8601 reads both alike.
pub fn same_value(a: &str, b: &str) -> bool {
    a == b || canonical_value(a) == canonical_value(b)
}

/// `2000-W7` -> `2000-W07`, `1989-11-06T17` -> `1989-11-06T17:00`.
fn canonical_value(value: &str) -> String {
    let mut out = value.to_string();
    if let Some(at) = out.find("-W") {
        let digits = out[at + 2..].chars().take_while(char::is_ascii_digit).count();
        if digits == 1 {
            out.insert(at + 2, '0');
        }
    }
    if let Some(at) = out.find('T') {
        let hour = &out[at + 1..];
        if hour.len() == 2 && hour.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(":00");
        }
    }
    out
}

/// How many gold extents `normalise` gives the gold value when read alone.
pub fn normalised_correctly(doc: &TimemlDoc) -> usize {
    doc.gold
        .iter()
        .filter(|g| {
            g.span
                .slice(&doc.text)
                .and_then(|text| stanceshift_timex::normalise(text, doc.dct))
                .is_some_and(|e| same_value(&e.value, &g.value))
        })
        .count()
}

fn print_errors(doc: &TimemlDoc, system: &[Timex]) {
    let pairs = align(&doc.gold, system);
    let slice = |t: &Timex| t.span.slice(&doc.text).unwrap_or("?").replace('\n', " ");
    let name = doc.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for (g, gt) in doc.gold.iter().enumerate() {
        match pairs.iter().find(|(pg, _)| *pg == g) {
            None => eprintln!("MISS\t{name}\t{}\t{}\t{}\t{}", doc.dct, slice(gt), gt.kind, gt.value),
            Some((_, s)) if !same_value(&system[*s].value, &gt.value) || system[*s].span != gt.span => {
                eprintln!(
                    "DIFF\t{name}\t{}\t{} | {} | {}\t{} | {} | {}",
                    doc.dct,
                    slice(gt),
                    gt.kind,
                    gt.value,
                    slice(&system[*s]),
                    system[*s].kind,
                    system[*s].value
                )
            }
            Some(_) => {}
        }
    }
    for (s, st) in system.iter().enumerate() {
        if !pairs.iter().any(|(_, ps)| *ps == s) {
            eprintln!("SPUR\t{name}\t{}\t{}\t{}\t{}", doc.dct, slice(st), st.kind, st.value);
        }
    }
}

/// Evaluates every `.tml` file under `path` (a file or a directory).
pub fn evaluate(path: &Path) -> Result<EvalReport> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "tml"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::NoGold(path.to_path_buf()));
    }
    let debug = std::env::var_os(DEBUG_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    let mut total = Scores::default();
    let mut documents = 0;
    let mut problems: Vec<String> = Vec::new();
    let mut gold_count = 0;
    let mut system_count = 0;
    let mut normalised_right = 0;
    for file in &files {
        let doc = match read_timeml(file) {
            Ok(doc) => doc,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let system = predict(&doc);
        if debug {
            print_errors(&doc, &system);
        }
        total.add(&score(&doc.gold, &system));
        normalised_right += normalised_correctly(&doc);
        gold_count += doc.gold.len();
        system_count += system.len();
        documents += 1;
    }
    let row = |name: &str, c: &Counts| {
        format!(
            "{name:<16} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}\n",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        )
    };
    let mut text = format!(
        "TempEval-3 TIMEX3 on {} ({documents} documents, {gold_count} gold, {system_count} system)\n",
        path.display()
    );
    text.push_str(&format!(
        "{:<16} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
        "", "P", "R", "F1", "tp", "fp", "fn"
    ));
    text.push_str(&row("extent strict", &total.strict));
    text.push_str(&row("extent relaxed", &total.relaxed));
    text.push_str(&row("value", &total.value));
    text.push_str(&format!("type accuracy    {:.3}  (of relaxed matches)\n", total.type_accuracy()));
    text.push_str(&format!("value accuracy   {:.3}  (of relaxed matches)\n", total.value_accuracy()));
    let gold_extent_accuracy =
        if gold_count == 0 { 0.0 } else { normalised_right as f64 / gold_count as f64 };
    text.push_str(&format!("value accuracy   {gold_extent_accuracy:.3}  (normalising gold extents alone)\n"));
    if !problems.is_empty() {
        text.push_str(&format!("{} documents skipped:\n", problems.len()));
        for p in &problems {
            text.push_str(&format!("  {p}\n"));
        }
    }
    let counts_json = |c: &Counts| serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_});
    let figures = serde_json::json!({
        "documents": documents,
        "gold": gold_count,
        "system": system_count,
        "extent_strict": counts_json(&total.strict),
        "extent_relaxed": counts_json(&total.relaxed),
        "value": counts_json(&total.value),
        "type_accuracy": total.type_accuracy(),
        "value_accuracy": total.value_accuracy(),
        "value_accuracy_gold_extents": gold_extent_accuracy,
        "diagnostics": problems.len(),
        "skipped": problems,
    });
    Ok(EvalReport { task: "tempeval".to_string(), gold: path.to_path_buf(), text, figures })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tempeval")
    }

    fn doc(name: &str) -> TimemlDoc {
        read_timeml(&fixtures().join(name)).unwrap()
    }

    /// `text | TYPE | value` for each gold expression.
    fn render(doc: &TimemlDoc) -> String {
        let mut out = format!("DCT {}\n", doc.dct);
        for g in &doc.gold {
            out.push_str(&format!("{} | {} | {}\n", g.span.slice(&doc.text).unwrap_or("?"), g.kind, g.value));
        }
        out
    }

    #[test]
    fn reads_gold_offsets_in_plain_text() {
        let d = doc("harbour.tml");
        insta::assert_snapshot!(render(&d), @r"
        DCT 2025-10-21
        Monday | DATE | 2025-10-20
        last week | DATE | 2025-W42
        two weeks | DURATION | P2W
        ");
        assert!(d.text.contains("Smith & Sons"), "entities decoded: {}", d.text);
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let d = doc("harbour.tml");
        let s = score(&d.gold, &d.gold);
        assert_eq!((s.strict.f1(), s.relaxed.f1(), s.value.f1(), s.type_accuracy()), (1.0, 1.0, 1.0, 1.0));
    }

    #[test]
    fn a_missed_expression_lowers_recall_only() {
        let d = doc("harbour.tml");
        let s = score(&d.gold, &d.gold[..2]);
        assert_eq!(s.relaxed, Counts { tp: 2, fp: 0, fn_: 1 });
        assert!((s.value.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.value.precision(), 1.0);
    }

    #[test]
    fn partial_overlap_counts_relaxed_not_strict_and_wrong_value_costs_both_sides() {
        let gold = vec![Timex { span: Span::new(10, 19), kind: "DATE".into(), value: "2025-W42".into() }];
        let system = vec![
            Timex { span: Span::new(15, 19), kind: "DATE".into(), value: "2025-W41".into() },
            Timex { span: Span::new(30, 35), kind: "DATE".into(), value: "2025".into() },
        ];
        let s = score(&gold, &system);
        assert_eq!(s.strict, Counts { tp: 0, fp: 2, fn_: 1 });
        assert_eq!(s.relaxed, Counts { tp: 1, fp: 1, fn_: 0 });
        assert_eq!(s.value, Counts { tp: 0, fp: 2, fn_: 1 });
        assert_eq!(s.type_accuracy(), 1.0);
    }

    #[test]
    fn evaluates_the_fixture_directory() {
        let report = evaluate(&fixtures()).unwrap();
        assert_eq!(report.figures["documents"], 2);
        assert_eq!(report.figures["gold"], 6);
        // The recogniser gets every fixture expression right.
        assert_eq!(report.figures["value"]["f1"], 1.0, "{}", report.text);
        assert_eq!(report.figures["value_accuracy_gold_extents"], 1.0, "{}", report.text);
    }

    #[test]
    fn no_gold_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(evaluate(dir.path()), Err(Error::NoGold(_))));
    }

    #[test]
    fn missing_dct_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(fixtures().join("harbour.tml"), dir.path().join("a.tml")).unwrap();
        std::fs::write(dir.path().join("b.tml"), "<TimeML><TEXT>On Monday.</TEXT></TimeML>").unwrap();
        let report = evaluate(dir.path()).unwrap();
        assert_eq!(report.figures["documents"], 1);
        assert_eq!(report.figures["diagnostics"], 1);
    }

    #[test]
    fn spellings_of_one_iso_value_are_the_same_value() {
        assert!(same_value("2000-W7", "2000-W07") && same_value("2000-W07-WE", "2000-W7-WE"));
        assert!(same_value("1989-11-06T17", "1989-11-06T17:00"));
        assert!(!same_value("2000-W7", "2000-W17") && !same_value("2000-W7", "2000-W08"));
        assert!(!same_value("1989-11-06T17", "1989-11-06T17:30") && !same_value("1989", "1989-01"));
    }

    /// The real TempEval-3 data, when present (`$STANCESHIFT_DATA`).
    #[test]
    fn tbaq_cleaned_when_available() {
        let path = crate::data_dir().join(DEFAULT_SUBDIR);
        if !path.exists() {
            return;
        }
        let report = evaluate(&path).unwrap();
        assert!(report.figures["documents"].as_u64().unwrap() > 200);
        assert!(report.figures["extent_relaxed"]["f1"].as_f64().unwrap() > 0.5, "{}", report.text);
    }
}
