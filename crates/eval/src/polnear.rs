//! PolNeAR attribution evaluation: source, cue and content spans.
//!
//! Gold: a PolNeAR split directory with `text/<name>.txt` and
//! `attributions/<name>_<annotator>.ann` (brat standoff, character offsets;
//! `Source`/`Cue`/`Content` text-bound annotations linked by `Attribution`
//! or `Attribution-no-source` events). When an article has several
//! annotators the first annotation file in name order is used.
//!
//! Each article is run through [`analyze_article`] (dated from the date in
//! its file name; dates do not affect spans) and every statement yields a
//! predicted source (speaker span), cue and content span. Quote-only
//! continuation statements (empty cue) contribute only their content.
//!
//! Scores, each as P/R/F1 with [`Counts`]:
//! - per role, **exact** (identical byte span; a discontinuous gold span is
//!   taken as its hull) and **overlap** (one-to-one matching of overlapping spans);
//! - **attribution**: a statement matches a gold attribution when source, cue
//!   and content all overlap.
//!
//! Given the corpus root instead of a split (a directory holding `train/`
//! and `dev/`, directly or under `data/`), each split is scored and reported
//! in turn, train first.
//!
//! Two gold sets are scored. **all**: every gold attribution. PolNeAR also
//! annotates thoughts, wishes and actions ("X thinks", "X wants", "X
//! signed the bill"); the analyzer reports the positions among them
//! (beliefs, wishes, judgements, support, findings) but not bare actions, so
//! **speech** restricts the gold to attributions whose cue contains a speech
//! word ([`SPEECH_CUE_WORDS`]: say, tell, according to, write, announce, ...)
//! and ignores predictions that overlap a non-speech gold attribution
//! (neither right nor wrong there).

use crate::metrics::Counts;
use crate::{Error, EvalReport, Result};
use chrono::NaiveDate;
use serde_json::json;
use stanceshift_analyzer::{analyze_article, ActorBook};
use stanceshift_core::{Article, Span};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Where the gold data lives under the shared data directory.
pub const DEFAULT_SUBDIR: &str = "polnear/data/dev";

/// Lowercase words whose presence in a gold cue makes the attribution speech.
pub const SPEECH_CUE_WORDS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "according",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "state",
    "states",
    "stated",
    "announce",
    "announces",
    "announced",
    "announcing",
    "note",
    "notes",
    "noted",
    "noting",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "insist",
    "insists",
    "insisted",
    "argue",
    "argues",
    "argued",
    "arguing",
    "ask",
    "asks",
    "asked",
    "asking",
    "explain",
    "explains",
    "explained",
    "declare",
    "declared",
    "warn",
    "warns",
    "warned",
    "deny",
    "denies",
    "denied",
    "acknowledge",
    "acknowledged",
    "admit",
    "admitted",
    "confirm",
    "confirmed",
    "report",
    "reports",
    "reported",
    "suggest",
    "suggested",
    "suggests",
    "reply",
    "replied",
    "respond",
    "responded",
    "vow",
    "vowed",
    "promise",
    "promised",
    "pledge",
    "pledged",
    "stress",
    "stressed",
    "emphasized",
    "repeated",
    "reiterated",
    "joked",
    "quipped",
    "recalled",
    "continued",
    "concluded",
    "conceded",
    "contended",
    "predicted",
    "declined",
    "statement",
    "interview",
    "remarks",
    "comment",
    "commented",
    "posted",
    "boasted",
    "complained",
    "yelled",
    "shouted",
    "charged",
    "alleged",
    "countered",
    "retorted",
    "assured",
    "urged",
    "told",
    ":",
];

/// One gold attribution: hull spans (byte offsets) of its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Option<Span>,
    pub speech: bool,
}

/// One predicted attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Option<Span>,
}

/// Counts for one gold set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RoleScores {
    pub source_exact: Counts,
    pub source_overlap: Counts,
    pub cue_exact: Counts,
    pub cue_overlap: Counts,
    pub content_exact: Counts,
    pub content_overlap: Counts,
    pub attribution: Counts,
}

impl RoleScores {
    fn add(&mut self, o: &RoleScores) {
        self.source_exact.add(o.source_exact);
        self.source_overlap.add(o.source_overlap);
        self.cue_exact.add(o.cue_exact);
        self.cue_overlap.add(o.cue_overlap);
        self.content_exact.add(o.content_exact);
        self.content_overlap.add(o.content_overlap);
        self.attribution.add(o.attribution);
    }

    fn rows(&self) -> [(&'static str, Counts); 7] {
        [
            ("source exact", self.source_exact),
            ("source overlap", self.source_overlap),
            ("cue exact", self.cue_exact),
            ("cue overlap", self.cue_overlap),
            ("content exact", self.content_exact),
            ("content overlap", self.content_overlap),
            ("attribution (all overlap)", self.attribution),
        ]
    }
}

/// Parses a brat `.ann` file against its text. Offsets are characters; they
/// are turned into byte offsets of `text`.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let to_byte = |c: usize| byte_at.get(c).copied();
    let mut spans: BTreeMap<&str, (&str, Span)> = BTreeMap::new();
    let mut out = Vec::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        if id.starts_with('T') {
            let Some((label, ranges)) = body.split_once(' ') else { continue };
            let mut hull: Option<Span> = None;
            for range in ranges.split(';') {
                let mut nums = range.split_whitespace().filter_map(|n| n.parse::<usize>().ok());
                let (Some(s), Some(e)) = (nums.next(), nums.next()) else { continue };
                let (Some(s), Some(e)) = (to_byte(s), to_byte(e)) else { continue };
                if s > e {
                    continue;
                }
                hull = Some(match hull {
                    Some(h) => Span::new(h.start.min(s), h.end.max(e)),
                    None => Span::new(s, e),
                });
            }
            if let Some(h) = hull {
                spans.insert(id, (label, h));
            }
        } else if id.starts_with('E') {
            events.push(body.split_whitespace().filter_map(|arg| arg.split_once(':')).collect());
        }
    }
    for args in events {
        let mut g = GoldAttribution { source: None, cue: None, content: None, speech: false };
        let mut is_attribution = false;
        for (role, tid) in args {
            let span = spans.get(tid).map(|(_, s)| *s);
            match role {
                "Attribution" | "Attribution-no-source" => is_attribution = true,
                "Source" => g.source = span,
                "Cue" => g.cue = span,
                "Content" => g.content = span,
                _ => {}
            }
        }
        if !is_attribution {
            continue;
        }
        g.speech = g.cue.and_then(|c| c.slice(text)).is_some_and(is_speech_cue);
        out.push(g);
    }
    out
}

fn is_speech_cue(cue: &str) -> bool {
    cue.split(|c: char| !(c.is_alphanumeric() || c == ':'))
        .filter(|w| !w.is_empty())
        .any(|w| SPEECH_CUE_WORDS.contains(&w.to_lowercase().as_str()))
        || cue.trim() == ":"
}

/// Scores one document's predictions against its gold attributions.
pub fn score(gold: &[GoldAttribution], predicted: &[Predicted]) -> RoleScores {
    let pick = |f: fn(&GoldAttribution) -> Option<Span>| gold.iter().filter_map(f).collect::<Vec<_>>();
    let pick_p = |f: fn(&Predicted) -> Option<Span>| predicted.iter().filter_map(f).collect::<Vec<_>>();
    let gs = pick(|g| g.source);
    let gc = pick(|g| g.cue);
    let gt = pick(|g| g.content);
    let ps = pick_p(|p| p.source);
    let pc = pick_p(|p| p.cue);
    let pt = pick_p(|p| p.content);
    // Attribution level: one-to-one, all three parts overlap.
    let mut used = vec![false; gold.len()];
    let mut attribution = Counts::default();
    for p in predicted {
        let (Some(s), Some(c), Some(t)) = (p.source, p.cue, p.content) else { continue };
        let hit = gold.iter().enumerate().position(|(i, g)| {
            !used[i]
                && g.source.is_some_and(|x| x.overlaps(&s))
                && g.cue.is_some_and(|x| x.overlaps(&c))
                && g.content.is_some_and(|x| x.overlaps(&t))
        });
        match hit {
            Some(i) => {
                used[i] = true;
                attribution.tp += 1;
            }
            None => attribution.fp += 1,
        }
    }
    attribution.fn_ = gold.len() - attribution.tp;
    RoleScores {
        source_exact: match_spans(&gs, &ps, false),
        source_overlap: match_spans(&gs, &ps, true),
        cue_exact: match_spans(&gc, &pc, false),
        cue_overlap: match_spans(&gc, &pc, true),
        content_exact: match_spans(&gt, &pt, false),
        content_overlap: match_spans(&gt, &pt, true),
        attribution,
    }
}

fn overlaps_non_speech(p: &Predicted, non_speech: &[Span]) -> bool {
    [p.source, p.cue, p.content].iter().flatten().any(|s| non_speech.iter().any(|n| n.overlaps(s)))
}

/// One-to-one matching of predicted to gold spans: exact equality or overlap.
fn match_spans(gold: &[Span], predicted: &[Span], overlap: bool) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut c = Counts::default();
    for p in predicted {
        if p.is_empty() {
            continue;
        }
        let hit = gold
            .iter()
            .enumerate()
            .position(|(i, g)| !used[i] && if overlap { g.overlaps(p) } else { g == p });
        match hit {
            Some(i) => {
                used[i] = true;
                c.tp += 1;
            }
            None => c.fp += 1,
        }
    }
    c.fn_ = gold.len() - c.tp;
    c
}

/// Scores a document for both gold sets.
pub fn score_document(gold: &[GoldAttribution], predicted: &[Predicted]) -> (RoleScores, RoleScores) {
    let all = score(gold, predicted);
    // Speech set: drop predictions that overlap only non-speech gold parts.
    let non_speech: Vec<Span> =
        gold.iter().filter(|g| !g.speech).flat_map(|g| [g.source, g.cue, g.content]).flatten().collect();
    let speech_gold: Vec<GoldAttribution> = gold.iter().filter(|g| g.speech).cloned().collect();
    let speech_spans: Vec<Span> =
        speech_gold.iter().flat_map(|g| [g.source, g.cue, g.content]).flatten().collect();
    let kept: Vec<Predicted> = predicted
        .iter()
        .filter(|p| {
            let touches_speech = [p.source, p.cue, p.content]
                .iter()
                .flatten()
                .any(|s| speech_spans.iter().any(|g| g.overlaps(s)));
            touches_speech || !overlaps_non_speech(p, &non_speech)
        })
        .cloned()
        .collect();
    let speech = score(&speech_gold, &kept);
    (all, speech)
}

/// Predictions of the analyzer for one text.
pub fn predict(text: &str, date: NaiveDate, actors: &ActorBook) -> Vec<Predicted> {
    let datetime = date.and_hms_opt(12, 0, 0).map(|d| d.and_utc().fixed_offset());
    let Some(datetime) = datetime else { return Vec::new() };
    let analysis = analyze_article(&Article::new(datetime, text.to_string()), actors);
    analysis
        .statements
        .iter()
        .map(|s| {
            let continuation = s.cue_span.is_empty();
            Predicted {
                source: (!continuation && !s.speaker.span.is_empty()).then_some(s.speaker.span),
                cue: (!continuation).then_some(s.cue_span),
                content: (!s.content_span.is_empty()).then_some(s.content_span),
            }
        })
        .collect()
}

/// Gold documents of a split: (name, text path, ann path), one annotator each.
pub fn documents(split: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>> {
    let ann_dir = split.join("attributions");
    let text_dir = split.join("text");
    let entries = std::fs::read_dir(&ann_dir).map_err(|_| Error::NoGold(split.to_path_buf()))?;
    let mut anns: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for ann in anns {
        let Some(stem) = ann.file_stem().and_then(|s| s.to_str()) else { continue };
        // `<name>_<annotator>`: the annotator id has no underscore.
        let name = stem.rsplit_once('_').map_or(stem, |(n, _)| n).to_string();
        let text = text_dir.join(format!("{name}.txt"));
        if !text.exists() || !seen.insert(name.clone()) {
            continue;
        }
        out.push((name, text, ann));
    }
    if out.is_empty() {
        return Err(Error::NoGold(split.to_path_buf()));
    }
    Ok(out)
}

/// The date in a PolNeAR file name (`publisher_2016-10-12_slug`), else 2016-11-08.
fn date_of(name: &str) -> NaiveDate {
    name.split('_')
        .find_map(|part| NaiveDate::parse_from_str(part, "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::from_ymd_opt(2016, 11, 8))
        .unwrap_or_default()
}

/// The splits under a PolNeAR root, train first: `train/` and `dev/`, or
/// `data/train/` and `data/dev/`. Empty when `path` is a split itself.
pub fn splits(path: &Path) -> Vec<(&'static str, PathBuf)> {
    if path.join("attributions").is_dir() {
        return Vec::new();
    }
    let base = if path.join("data").is_dir() { path.join("data") } else { path.to_path_buf() };
    ["train", "dev"]
        .into_iter()
        .map(|name| (name, base.join(name)))
        .filter(|(_, dir)| dir.join("attributions").is_dir())
        .collect()
}

/// Scores the analyzer on a PolNeAR split directory, or on every split of
/// the corpus root (see [`splits`]).
pub fn evaluate(path: &Path) -> Result<EvalReport> {
    let splits = splits(path);
    if splits.is_empty() {
        return evaluate_split(path);
    }
    let mut text = String::new();
    let mut figures = serde_json::Map::new();
    for (name, dir) in &splits {
        let report = evaluate_split(dir)?;
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&report.text);
        figures.insert((*name).to_string(), report.figures);
    }
    Ok(EvalReport {
        task: "polnear".into(),
        gold: path.to_path_buf(),
        text,
        figures: json!({ "splits": figures }),
    })
}

/// Scores the analyzer on one PolNeAR split directory.
pub fn evaluate_split(path: &Path) -> Result<EvalReport> {
    let docs = documents(path)?;
    let actors = ActorBook::builtin();
    let mut all = RoleScores::default();
    let mut speech = RoleScores::default();
    let mut gold_total = 0usize;
    let mut gold_speech = 0usize;
    for (name, text_path, ann_path) in &docs {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| Error::Io { path: p.to_path_buf(), source })
        };
        let text = read(text_path)?;
        let ann = read(ann_path)?;
        let gold = parse_ann(&ann, &text);
        gold_total += gold.len();
        gold_speech += gold.iter().filter(|g| g.speech).count();
        let predicted = predict(&text, date_of(name), &actors);
        let (a, s) = score_document(&gold, &predicted);
        all.add(&a);
        speech.add(&s);
    }
    let mut text = format!(
        "PolNeAR {} — {} articles, {} gold attributions ({} speech)\n",
        path.display(),
        docs.len(),
        gold_total,
        gold_speech
    );
    for (label, scores) in [("all attributions", &all), ("speech attributions", &speech)] {
        let _ = writeln!(text, "\n{label}:");
        for (row, c) in scores.rows() {
            let _ = writeln!(text, "  {row:<27} {c}");
        }
    }
    let figures = json!({
        "articles": docs.len(),
        "gold_attributions": gold_total,
        "gold_speech_attributions": gold_speech,
        "all": figures_of(&all),
        "speech": figures_of(&speech),
    });
    Ok(EvalReport { task: "polnear".into(), gold: path.to_path_buf(), text, figures })
}

fn figures_of(s: &RoleScores) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (row, c) in s.rows() {
        map.insert(
            row.replace(' ', "_").replace(['(', ')'], ""),
            json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_}),
        );
    }
    serde_json::Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polnear")
    }

    #[test]
    fn parses_brat_with_character_offsets_and_discontinuous_spans() {
        let text = "“Ça va,” Zoë said. Critics think it failed.";
        // Character offsets: “=0, Ç=1 ... Zoë starts at char 9.
        let ann = "T1\tSource 9 12\tZoë\nT2\tCue 13 17\tsaid\nT3\tContent 0 5;6 8\t“Ça va,”\n\
                   T4\tAttribution 13 17\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
                   T5\tSource 19 26\tCritics\nT6\tCue 27 32\tthink\nT7\tContent 33 42\tit failed\n\
                   T8\tAttribution 27 32\tthink\nE2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n";
        let gold = parse_ann(ann, text);
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].source.unwrap().slice(text), Some("Zoë"));
        assert_eq!(gold[0].content.unwrap().slice(text), Some("“Ça va,”"));
        assert!(gold[0].speech);
        assert_eq!(gold[1].cue.unwrap().slice(text), Some("think"));
        assert!(!gold[1].speech);
    }

    #[test]
    fn exact_and_overlap_matching_are_one_to_one() {
        let g = [Span::new(0, 5), Span::new(10, 15)];
        let p = [Span::new(0, 5), Span::new(1, 4), Span::new(12, 20), Span::new(30, 31)];
        assert_eq!(match_spans(&g, &p, false), Counts { tp: 1, fp: 3, fn_: 1 });
        assert_eq!(match_spans(&g, &p, true), Counts { tp: 2, fp: 2, fn_: 0 });
    }

    #[test]
    fn scores_the_fixture_split() {
        let report = evaluate(&fixtures()).unwrap();
        let f = &report.figures;
        assert_eq!(f["articles"], 2);
        assert_eq!(f["gold_attributions"], 4);
        assert_eq!(f["gold_speech_attributions"], 3);
        insta::assert_snapshot!(report.text.replace(&fixtures().display().to_string(), "<fixtures>"), @r#"
            PolNeAR <fixtures> — 2 articles, 4 gold attributions (3 speech)

            all attributions:
              source exact                P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)
              source overlap              P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)
              cue exact                   P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)
              cue overlap                 P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)
              content exact               P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)
              content overlap             P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)
              attribution (all overlap)   P 1.000  R 0.750  F1 0.857  (tp 3, fp 0, fn 1)

            speech attributions:
              source exact                P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
              source overlap              P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
              cue exact                   P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
              cue overlap                 P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
              content exact               P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
              content overlap             P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
              attribution (all overlap)   P 1.000  R 1.000  F1 1.000  (tp 3, fp 0, fn 0)
        "#);
    }

    #[test]
    fn a_corpus_root_scores_train_then_dev() {
        let root = tempfile::tempdir().unwrap();
        for split in ["train", "dev"] {
            for sub in ["text", "attributions"] {
                let to = root.path().join("data").join(split).join(sub);
                std::fs::create_dir_all(&to).unwrap();
                for entry in std::fs::read_dir(fixtures().join(sub)).unwrap() {
                    let from = entry.unwrap().path();
                    std::fs::copy(&from, to.join(from.file_name().unwrap())).unwrap();
                }
            }
        }
        assert_eq!(splits(&fixtures()), Vec::new());
        let names: Vec<_> = splits(root.path()).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["train", "dev"]);
        let report = evaluate(root.path()).unwrap();
        let text = report.text.replace(&root.path().display().to_string(), "<root>");
        let headings: Vec<_> = text.lines().filter(|l| l.starts_with("PolNeAR")).collect();
        assert_eq!(
            headings,
            [
                "PolNeAR <root>/data/train — 2 articles, 4 gold attributions (3 speech)",
                "PolNeAR <root>/data/dev — 2 articles, 4 gold attributions (3 speech)"
            ]
        );
        assert_eq!(report.figures["splits"]["train"]["gold_attributions"], 4);
        assert_eq!(report.figures["splits"]["dev"]["all"], report.figures["splits"]["train"]["all"]);
    }

    #[test]
    fn missing_split_is_no_gold() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(evaluate(dir.path()), Err(Error::NoGold(_))));
    }
}
