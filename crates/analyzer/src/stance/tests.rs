use super::*;
use chrono::NaiveDate;
use stanceshift_core::{ArticleId, DateBasis, Mention, StatementDate};

/// A statement whose content starts at byte 1000 of its article, said on `date`.
fn statement(content: &str, cue: &str, kind: SpeechKind, date: &str) -> Statement {
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    Statement {
        article_id: ArticleId::new("a1"),
        index: 0,
        speaker: Mention { text: "the president".into(), span: Span::new(980, 993), actor: None },
        principal: None,
        proxy: None,
        anonymous: false,
        cue: cue.into(),
        cue_span: Span::new(994, 994 + cue.len()),
        content: content.into(),
        content_span: Span::new(1000, 1000 + content.len()),
        kind,
        date: StatementDate {
            date: day,
            window: DateWindow::new(day, day),
            basis: DateBasis::ArticleDate,
            evidence: None,
            timex_value: None,
        },
        confidence: 1.0,
        referents: Vec::new(),
        continues: None,
    }
}

/// One line: polarity, level, certainty, future, timeframe, tone, then the cues.
fn check(content: &str, cue: &str, kind: SpeechKind, topic: &str) -> String {
    let s = statement(content, cue, kind, "2025-10-16");
    let topic = Topic { key: topic.into(), label: topic.into() };
    let f = features(&s, &topic);
    let mut line = format!(
        "{:?} {} certainty {:.2}{} tone {:+.2}",
        f.polarity,
        f.commitment.factbank_label(),
        f.certainty,
        if f.future { " future" } else { "" },
        f.tone
    );
    if let Some(w) = f.timeframe {
        line.push_str(&format!(" window {}..{}+{}", w.start, w.end, w.slack_days));
    }
    for c in &f.cues {
        // Spans point into the article: content starts at 1000, the cue verb at 994.
        let local = if c.span.start >= 1000 {
            content.get(c.span.start - 1000..c.span.end - 1000)
        } else {
            cue.get(c.span.start - 994..c.span.end - 994)
        };
        assert_eq!(local.map(str::to_lowercase), Some(c.text.to_lowercase()), "span of {c:?}");
        line.push_str(&format!("\n  {:?} {:?}", c.kind, c.text));
    }
    line
}

#[test]
fn dated_promise_in_reported_speech_is_certain() {
    insta::assert_snapshot!(check("he would meet Putin within two weeks or so", "said", SpeechKind::Indirect, "meet putin"), @r#"
    Positive CT+ certainty 0.80 future tone +0.00 window 2025-10-16..2025-10-30+3
      Modal "would"
      Topic "meet"
      Topic "Putin"
      Timeframe "two weeks or so"
      Hedge "or so"
    "#);
}

#[test]
fn no_plans_negates_the_near_term_meeting_only() {
    insta::assert_snapshot!(check("there are no plans for a meeting between Trump and Putin in the immediate future", "said", SpeechKind::Indirect, "meet putin"), @r#"
    Negative PR- certainty 0.70 future tone +0.00 window 2025-10-16..2025-10-30+0
      Retreat "there are no plans"
      Topic "meeting"
      Topic "Putin"
      Timeframe "the immediate future"
    "#);
}

#[test]
fn each_clause_keeps_its_own_modal_and_timeframe() {
    let text = "he would meet Putin within two weeks or so and the foreign ministers might meet pretty soon";
    let ministers = check(text, "said", SpeechKind::Indirect, "meet minister");
    assert!(ministers.starts_with("Positive PS+"), "{ministers}");
    assert!(ministers.contains("Timeframe \"pretty soon\""), "{ministers}");
    assert!(!ministers.contains("two weeks"), "{ministers}");
}

#[test]
fn negation_scope_stops_at_the_clause() {
    // "not" negates "attend", not the later clause's "will".
    insta::assert_snapshot!(check("I will not attend the summit in Aldmere", "told reporters", SpeechKind::Direct, "attend aldmere"), @r#"
    Negative CT- certainty 0.90 future tone +0.00
      Modal "will"
      Negation "not"
      Topic "attend"
      Topic "Aldmere"
    "#);
    let later = check("the talks failed, but we will attend", "said", SpeechKind::Indirect, "attend");
    assert!(later.starts_with("Positive CT+"), "{later}");
    let before = check("we will attend, not boycott", "said", SpeechKind::Indirect, "attend");
    assert!(before.starts_with("Positive CT+"), "{before}");
}

#[test]
fn commitment_levels() {
    let level = |text: &str| assess(text, None).commitment.factbank_label();
    assert_eq!(level("We will meet."), "CT+");
    assert_eq!(level("We are going to meet."), "CT+");
    assert_eq!(level("We plan to meet."), "PR+");
    assert_eq!(level("We would meet."), "PR+");
    assert_eq!(level("We might meet."), "PS+");
    assert_eq!(level("We could meet."), "PS+");
    assert_eq!(level("We might not meet."), "PS-");
    assert_eq!(level("We won't meet."), "CT-");
    assert_eq!(level("A meeting of the ministers wasn't necessary."), "PR-");
    assert_eq!(level("The spokesman declined to comment."), "Uu");
    assert_eq!(level("No decision has been made on a summit."), "Uu");
    assert_eq!(level("The leaders met on Monday."), "CT+");
}

#[test]
fn hedges_and_boosters_move_certainty_not_level() {
    let hedged = assess("I think we will probably meet at some point.", None);
    let boosted = assess("We will definitely, absolutely meet.", None);
    assert_eq!(hedged.commitment, Commitment::Certain);
    assert_eq!(boosted.commitment, Commitment::Certain);
    assert!(hedged.certainty < 0.7 && boosted.certainty > 0.95, "{} {}", hedged.certainty, boosted.certainty);
}

#[test]
fn reporting_verb_counts_as_hedge_or_booster() {
    let insisted = check("the summit will go ahead", "insisted", SpeechKind::Indirect, "summit");
    let suggested = check("the summit will go ahead", "suggested", SpeechKind::Indirect, "summit");
    assert!(insisted.contains("Booster \"insisted\"") && insisted.contains("certainty 1.00"), "{insisted}");
    assert!(suggested.contains("Hedge \"suggested\"") && suggested.contains("certainty 0.80"), "{suggested}");
}

#[test]
fn tone_is_flipped_by_nearby_negation() {
    assert!(assess("It was a great, productive meeting.", None).tone > 0.5);
    assert!(assess("It was a total waste of time and a disaster.", None).tone < -0.5);
    assert!(assess("It was not good.", None).tone < 0.0);
}

#[test]
fn timeframe_resolves_against_the_statement_date() {
    let s = statement(
        "we will sign the deal by the end of the month",
        "said",
        SpeechKind::Indirect,
        "2025-11-05",
    );
    let f = features(&s, &Topic { key: "sign deal".into(), label: "sign deal".into() });
    let w = f.timeframe.unwrap();
    assert_eq!(w.end, NaiveDate::from_ymd_opt(2025, 11, 30).unwrap());
    assert!(f.future);
}

#[test]
fn declining_to_comment_is_uncommitted() {
    let mut s = statement("", "declined to comment", SpeechKind::NoComment, "2025-10-16");
    s.content_span = Span::new(1000, 1000);
    let f = features(&s, &Topic { key: "meet".into(), label: "meet".into() });
    assert_eq!((f.polarity, f.commitment), (Polarity::Unknown, Commitment::Uncommitted));
    assert_eq!(f.cues.last().map(|c| (c.kind, c.span)), Some((CueKind::Retreat, Span::new(994, 1013))));
}

#[test]
fn messy_text_never_panics() {
    for text in ["", "’’’", "no", "\u{200b}—;:", "won't won't not never", "éé ünïcode will 3.5% by"]
    {
        let s = statement(text, "", SpeechKind::Direct, "2025-10-16");
        let _ = features(&s, &Topic { key: "".into(), label: "".into() });
        let _ = assess(text, Some(text.len()));
    }
}

#[test]
fn bare_infinitives_are_unasserted_only_when_asked() {
    let text = "The rebels tried to reach the capital.";
    let anchor = text.find("reach");
    assert_eq!(assess(text, anchor).commitment, Commitment::Certain);
    let options = AssessOptions { infinitives_unasserted: true };
    assert_eq!(assess_with(text, anchor, options).commitment, Commitment::Possible);
    // A governing modal still decides: "plans to reach" is probable either way.
    let planned = "The rebels plan to reach the capital.";
    assert_eq!(assess_with(planned, planned.find("reach"), options).commitment, Commitment::Probable);
    // "failed to" negates what follows.
    let failed = "The rebels failed to reach the capital.";
    assert_eq!(assess_with(failed, failed.find("reach"), options).commitment, Commitment::CertainNot);
}

#[test]
fn a_judgement_carries_the_tone_of_its_verb() {
    let criticized = check("the budget for its cuts", "criticized", SpeechKind::Indirect, "budget");
    assert!(criticized.contains("Tone \"criticized\"") && criticized.contains("tone -0.40"), "{criticized}");
    let praised = check("Valdoria's negotiators", "praised", SpeechKind::Indirect, "negotiator");
    assert!(praised.contains("tone +0.60"), "{praised}");
    let s = statement("Valdoria's negotiators", "praised", SpeechKind::Indirect, "2025-10-16");
    assert!(tone(&s) > 0.5);
}

#[test]
fn an_intention_verb_is_the_modal_of_its_infinitive() {
    let level = |content: &str, cue: &str| {
        let s = statement(content, cue, SpeechKind::Position, "2025-10-16");
        let f = features(&s, &Topic { key: "close office".into(), label: "close office".into() });
        assert!(f.future, "{cue}");
        f.commitment.factbank_label()
    };
    assert_eq!(level("to close two offices", "plans"), "PR+");
    assert_eq!(level("to close two offices", "vowed"), "CT+");
    assert_eq!(level("to close two offices", "wants"), "PR+");
    // Its own modal or retreat wins.
    assert_eq!(level("to close two offices, but might not", "plans"), "PR+");
    let own = statement("to close two offices if it can", "hopes", SpeechKind::Position, "2025-10-16");
    let f = features(&own, &Topic { key: "close office".into(), label: "close office".into() });
    assert_eq!(f.commitment.factbank_label(), "PS+", "hopes to: possible");
}

/// Regression (Reuters-21578): the month May was read as the modal "may",
/// a hedge that turned steady figures into softened stances.
#[test]
fn the_month_may_is_no_modal() {
    let month =
        check("the company will pay the dividend on May 15", "said", SpeechKind::Indirect, "pay dividend");
    assert!(!month.contains("Modal \"May\""), "{month}");
    let inside =
        check("exports rose in May and will rise again", "said", SpeechKind::Indirect, "rise export");
    assert!(!inside.contains("Modal \"May\""), "{inside}");
    let modal = check("May we meet soon", "asked", SpeechKind::Direct, "meet");
    assert!(modal.contains("Modal \"May\""), "sentence-initial May is the modal: {modal}");
}

/// Regression (Reuters, April 1987): "I hope we don't have to use these
/// powers, but ... we shall use them" was read as a refusal to use them, its
/// first clause naming more of the topic's words, and flagged as a reversal
/// of the earlier threat.
#[test]
fn a_clause_after_but_that_names_the_act_again_is_the_point() {
    let text = "I hope we don't have to use these powers, but I made it clear in Tokyo that if our timetable isn't met, we shall use them";
    let stance = check(text, "said", SpeechKind::Direct, "use power");
    assert!(stance.starts_with("Positive"), "{stance}");
    // Without the act in the later clause, the clause that names it stays the point.
    let other =
        check("we will not use these powers, but the talks go on", "said", SpeechKind::Indirect, "use power");
    assert!(other.starts_with("Negative"), "{other}");
}

/// Regression (Reuters, judged wrong): "the order ... provided for
/// shareholders' meetings by May 15" read "provided" as a condition and
/// flagged the court's dates as a softening.
#[test]
fn provided_is_a_condition_only_as_a_conjunction() {
    let verb = check(
        "the order extended the stay of proceedings to May 20 and provided for shareholders' meetings by May 15",
        "said",
        SpeechKind::Indirect,
        "extend stay",
    );
    assert!(!verb.contains("Hedge \"provided\""), "{verb}");
    let condition = check(
        "it will extend the stay provided the creditors agree",
        "said",
        SpeechKind::Indirect,
        "extend stay",
    );
    assert!(condition.contains("Hedge \"provided\""), "{condition}");
}
