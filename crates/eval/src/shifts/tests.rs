use super::*;
use stanceshift_core::{Commitment, Evidence, Topic};

const BODY_A: &str = "The minister said the plant will open in March. Later text.";
const BODY_B: &str = "The minister said the plant will not open this year.";

fn span_of(body: &str, words: &str) -> Span {
    let start = body.find(words).unwrap();
    Span::new(start, start + words.len())
}

fn gold_text() -> String {
    let a = span_of(BODY_A, "the plant will open in March");
    let b = span_of(BODY_B, "the plant will not open this year");
    let check = |body: &str, s: Span| format!("{:08x}", crate::check_hash(&body.as_bytes()[s.start..s.end]));
    let row = |id: &str, label: &str, category: &str, after_check: String| {
        format!(
            "{id}\tfixture\tminister\ta\t{}\t{}\t2025-01-01\t{}\tb\t{}\t{}\t2025-02-01\t{after_check}\t{label}\t{category}\tour note\n",
            a.start,
            a.end,
            check(BODY_A, a),
            b.start,
            b.end
        )
    };
    let mut text = String::from("# fixture gold\npair\tcorpus\tactor\tbefore_article\tbefore_start\tbefore_end\tbefore_date\tbefore_check\tafter_article\tafter_start\tafter_end\tafter_date\tafter_check\tlabel\tcategory\tnote\n");
    text.push_str(&row("p1", "reverse", "hunt", check(BODY_B, b)));
    text.push_str(&row("p2", "none", "reprint", check(BODY_B, b)));
    text.push_str(&row("p3", "reverse", "hunt", "00000000".into()));
    text
}

fn evidence(article: &str, span: Span) -> Evidence {
    Evidence {
        article_id: ArticleId::new(article),
        statement_index: 0,
        date: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        speaker: "The minister".into(),
        proxy_for: None,
        quote: String::new(),
        span,
        commitment: Commitment::Certain,
        timeframe: None,
        tone: 0.0,
        cues: Vec::new(),
    }
}

fn flag(kind: ShiftKind) -> Shift {
    Shift {
        actor: stanceshift_core::ActorId::new("minister"),
        topic: Topic { key: "open plant".into(), label: "open plant".into() },
        kind,
        score: 0.9,
        before: evidence("a", Span::new(20, 30)),
        after: evidence("b", Span::new(20, 30)),
        explanation: String::new(),
    }
}

fn body(id: &ArticleId) -> Option<String> {
    match id.as_str() {
        "a" => Some(BODY_A.into()),
        "b" => Some(BODY_B.into()),
        _ => None,
    }
}

#[test]
fn a_flag_of_the_right_kind_is_found_and_counts_as_a_false_alarm_on_the_none_pair() {
    let gold = parse_gold(&gold_text()).unwrap();
    assert_eq!(gold.len(), 3);
    let report = score(
        Path::new("fixture.tsv"),
        &gold,
        &Analysis { flagged: &[flag(ShiftKind::Reverse)], unflagged: &[], placements: &[] },
        &body,
    );
    // p3's checksum does not match: counted apart, not scored.
    assert_eq!(report.figures["mismatched_offsets"], 1);
    assert_eq!(report.figures["real"], 1);
    assert_eq!(report.figures["recall"], 1.0);
    // The same spans are also the none pair p2: one false alarm of two flagged pairs.
    assert_eq!(report.figures["false_alarm_rate"], 1.0);
    assert_eq!(report.figures["precision"], 0.5);
    assert_eq!(report.figures["by_kind"]["reverse"]["tp"], 1);
}

#[test]
fn no_flags_means_no_recall_and_no_false_alarms() {
    let gold = parse_gold(&gold_text()).unwrap();
    let report = score(
        Path::new("fixture.tsv"),
        &gold,
        &Analysis { flagged: &[], unflagged: &[], placements: &[] },
        &body,
    );
    assert_eq!(report.figures["recall"], 0.0);
    assert_eq!(report.figures["false_alarm_rate"], 0.0);
}

#[test]
fn a_flag_of_another_kind_is_found_but_the_kind_is_wrong() {
    let gold = parse_gold(&gold_text()).unwrap();
    let report = score(
        Path::new("fixture.tsv"),
        &gold,
        &Analysis { flagged: &[flag(ShiftKind::Soften)], unflagged: &[], placements: &[] },
        &body,
    );
    assert_eq!(report.figures["recall"], 1.0);
    assert_eq!(report.figures["kind_right"], 0);
    assert_eq!(report.figures["by_kind"]["reverse"]["fn"], 1);
}

#[test]
fn articles_missing_from_the_corpus_are_skipped() {
    let gold = parse_gold(&gold_text()).unwrap();
    let report = score(
        Path::new("fixture.tsv"),
        &gold,
        &Analysis { flagged: &[], unflagged: &[], placements: &[] },
        &|_| None,
    );
    assert_eq!(report.figures["skipped"], 3);
    assert_eq!(report.figures["pairs"], 0);
}

#[test]
fn bad_rows_name_their_line() {
    let err = parse_gold("pair\tcorpus\n").unwrap_err();
    assert!(err.contains("no column"), "{err}");
    let mut text = gold_text();
    text = text.replace("\treverse\thunt", "\tsidestep\thunt");
    let err = parse_gold(&text).unwrap_err();
    assert!(err.contains("line 3") && err.contains("sidestep"), "{err}");
}
