use super::*;

fn day(s: &str) -> NaiveDate {
    parse_reference(s).unwrap()
}

/// One line per expression: `text | TYPE | value | window` (window with
/// `+slack`, then the flags `deadline` and `vague`).
fn render(found: &[TimeExpr]) -> String {
    found
        .iter()
        .map(|e| {
            let mut line = format!("{} | {} | {}", e.text, e.kind, e.value);
            if let Some(w) = e.window {
                line.push_str(&format!(" | {}..{}", w.start, w.end));
                if w.slack_days > 0 {
                    line.push_str(&format!(" +{}", w.slack_days));
                }
            }
            if e.deadline {
                line.push_str(" | deadline");
            }
            if e.vague {
                line.push_str(" | vague");
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(text: &str, reference: &str) -> String {
    let found = find(text, day(reference));
    for e in &found {
        assert_eq!(e.span.slice(text), Some(e.text.as_str()), "span of {e:?}");
    }
    render(&found)
}

#[test]
fn within_two_weeks_or_so() {
    insta::assert_snapshot!(check("He said the talks would conclude within two weeks or so.", "2025-10-16"), @"two weeks or so | DURATION | P2W | 2025-10-16..2025-10-30 +3 | deadline");
}

#[test]
fn immediate_future() {
    insta::assert_snapshot!(check("A deal is expected in the immediate future.", "2025-10-21"), @"the immediate future | DATE | FUTURE_REF | 2025-10-21..2025-11-04 | vague");
}

#[test]
fn last_week_and_weekday_in_a_tuesday_article() {
    insta::assert_snapshot!(check("Prices fell last week, officials said on Monday.", "2025-10-21"), @r"
    last week | DATE | 2025-W42 | 2025-10-13..2025-10-19
    Monday | DATE | 2025-10-20 | 2025-10-20..2025-10-20
    ");
}

#[test]
fn earlier_this_month() {
    insta::assert_snapshot!(check("The plan was announced earlier this month.", "2025-10-21"), @"earlier this month | DATE | 2025-10 | 2025-10-01..2025-10-20");
}

#[test]
fn at_the_time_is_left_to_the_analyzer() {
    insta::assert_snapshot!(check("At the time, nobody objected. Then it was over.", "2025-10-21"), @"");
}
