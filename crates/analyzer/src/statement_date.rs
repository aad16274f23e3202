//! When a statement was made.
//!
//! The article date, unless the words around the reporting verb date it:
//! "said last week", "on Monday", "at the time", "after last week's phone
//! call", "on Oct. 16". Time expressions inside the content ("he would meet
//! within two weeks") are about what was said, not when, and are ignored, as
//! are expressions inside quotation marks and ones pointing to the future.

use crate::attribution::RawStatement;
use crate::quotes::Quote;
use chrono::NaiveDate;
use stanceshift_core::{DateBasis, DateWindow, Span, StatementDate};
use stanceshift_timex::{Direction, Options, TenseHint, TimexKind};

/// The article date as a statement date.
pub(crate) fn article_date(date: NaiveDate) -> StatementDate {
    StatementDate {
        date,
        window: DateWindow::new(date, date),
        basis: DateBasis::ArticleDate,
        evidence: None,
        timex_value: None,
    }
}

/// Dates `st` from the words of its sentence outside content and quotes.
/// `previous` is the date of the statement before it (for "at the time").
pub(crate) fn date_statement(
    body: &str,
    sentence: Span,
    st: &RawStatement,
    quotes: &[Quote],
    article: NaiveDate,
    previous: Option<&StatementDate>,
) -> StatementDate {
    let text = &body[sentence.start..sentence.end];
    let content = st.content_span();
    let outside = |span: Span| {
        let abs = Span::new(span.start + sentence.start, span.end + sentence.start);
        let in_content = st.content_pieces.iter().any(|p| p.overlaps(&abs))
            || content.start <= abs.start && abs.end <= content.end;
        let in_quote = quotes.iter().any(|q| q.span.overlaps(&abs));
        !(in_content || in_quote)
    };
    // "at the time" refers back to the previous statement's date.
    if let Some(pos) = find_ci(text, "at the time") {
        let span = Span::new(pos, pos + "at the time".len());
        if outside(span) {
            if let Some(prev) = previous {
                return StatementDate {
                    basis: DateBasis::Context,
                    evidence: Some(text[pos..pos + 11].to_string()),
                    ..prev.clone()
                };
            }
        }
    }
    let options = Options { tense: TenseHint::Past };
    let cue_mid = st.cue_span.start.saturating_sub(sentence.start);
    let mut best: Option<(usize, stanceshift_timex::TimeExpr)> = None;
    for expr in stanceshift_timex::find_with(text, article, &options) {
        if !outside(expr.span) || expr.kind == TimexKind::Duration || expr.kind == TimexKind::Set {
            continue;
        }
        if expr.direction == Some(Direction::Future) || expr.deadline || expr.vague {
            continue;
        }
        let Some(window) = expr.window else { continue };
        if window.start > article {
            continue;
        }
        let distance =
            if expr.span.start >= cue_mid { expr.span.start - cue_mid } else { cue_mid - expr.span.end };
        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, expr));
        }
    }
    match best {
        Some((_, expr)) => {
            let window = expr.window.unwrap_or_else(|| DateWindow::new(article, article));
            let window = DateWindow { end: window.end.min(article), ..window };
            let explicit = expr.value.len() == 10 && expr.text.chars().any(|c| c.is_ascii_digit());
            StatementDate {
                date: window.start,
                window,
                basis: if explicit { DateBasis::Explicit } else { DateBasis::Relative },
                evidence: Some(expr.text),
                timex_value: Some(expr.value),
            }
        }
        None => article_date(article),
    }
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}
