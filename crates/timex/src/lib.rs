//! stanceshift-timex: find time expressions in English news text and
//! normalise them TIMEX3-style against a reference date (the document
//! creation time, or the date a statement was made).
//!
//! Besides the TIMEX3 `value` (`2025-10-16`, `2025-W42`, `P2W`, `FUTURE_REF`,
//! ...) each expression that denotes a range of days gets a [`DateWindow`]
//! resolved against the reference date, and is marked as a deadline
//! ("within", "by", "before") or vague ("soon", "in the coming weeks").
//!
//! ```
//! use chrono::NaiveDate;
//! use stanceshift_timex::{find, TimexKind};
//!
//! let said_on = NaiveDate::from_ymd_opt(2025, 10, 16).unwrap();
//! let found = find("The minister said a decision would come within two weeks or so.", said_on);
//! assert_eq!(found.len(), 1);
//! let expr = &found[0];
//! assert_eq!(expr.text, "two weeks or so");
//! assert_eq!((expr.kind, expr.value.as_str()), (TimexKind::Duration, "P2W"));
//! let window = expr.window.unwrap();
//! assert_eq!((window.start.to_string(), window.end.to_string()), ("2025-10-16".into(), "2025-10-30".into()));
//! assert_eq!(window.slack_days, 3);
//! assert!(expr.deadline);
//! ```
//!
//! The recogniser is a hand-written grammar over a single-pass tokenizer: it only
//! tries to parse at tokens that can begin a time expression (a hash-set
//! prefilter), so it does no regex work and never panics on odd input.
//!
//! Window lengths chosen for vague expressions (offsets from the reference date):
//! "recently" = the 30 days before; "soon" = 30 days; "pretty soon" = 30 days + 7 days
//! slack; "shortly" and "the immediate future" = 14 days; "the near future", "the near
//! term", "the short term" = 90 days; "within days" = 7 days; an unspecified number of
//! weeks/months/years ("the coming weeks") counts as three of the unit.
//! Hedges ("about", "roughly", "or so") add slack of a quarter of the window, at least 2 days.
//! "in two weeks" (a duration after "in", outside past-tense context) gets the window
//! from the reference date to two weeks on, with the same slack. Open-ended references
//! ("the past", "the future") have no window.
//!
//! Underspecified dates ("Friday", "Nov. 1", "March", "the third quarter") are resolved
//! with a [`TenseHint`]; by default the nearest verb cue in the sentence decides
//! ("will", "would", "plans to", "set to", "is to" look ahead; "was", "said", irregular
//! past forms and other -ed verbs look back, but not names, passives after "be" or
//! nouns like "the plan"), and relative phrases after an explicit quarter or date ("a
//! year earlier", "the following month", "that year") count from that date, as
//! HeidelTime does for news. With no cue a weekday is the nearer one; a possessive
//! weekday ("Wednesday's ruling") is the past one.

mod calendar;
mod lexicon;
mod parse;
mod token;

use calendar::{add_days, add_months};
use chrono::NaiveDate;
use parse::{Amount, Anchor, Clock, Found, Parser, Position, Sem};
use serde::{Deserialize, Serialize};
pub use stanceshift_core::{DateWindow, Span};

/// Calendar and number words, exported once for other crates (lowercase input).
pub mod words {
    use crate::lexicon;

    /// A weekday name: "monday" … "sunday".
    pub fn is_weekday(lower: &str) -> bool {
        lexicon::weekday(lower).is_some()
    }

    /// A full month name: "january" … "december".
    pub fn is_month(lower: &str) -> bool {
        lexicon::month(lower).is_some()
    }

    /// The month of an abbreviation without its period ("jan", "sept"; "may"
    /// is a full name, not an abbreviation).
    pub fn month_abbreviation(lower: &str) -> Option<u32> {
        lexicon::month_abbr(lower)
    }

    /// A cardinal number word below a hundred that stands alone: "zero" …
    /// "nineteen" and the tens ("twenty", "thirty", …).
    pub fn cardinal(lower: &str) -> Option<u32> {
        lexicon::small_number(lower).or_else(|| lexicon::tens(lower))
    }
}
use std::fmt;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

impl fmt::Display for TimexKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an expression lies before, at or after the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Past,
    Present,
    Future,
}

/// How to resolve underspecified dates ("Friday", "March", "the third quarter").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenseHint {
    /// Look at nearby words ("will", "said", verbs in -ed); with no cue, take
    /// the nearest occurrence.
    #[default]
    Auto,
    /// The most recent occurrence (news reporting).
    Past,
    /// The nearest occurrence either way.
    Present,
    /// The next occurrence (plans, promises).
    Future,
}

/// Options for [`find_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub tense: TenseHint,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte offsets into the input.
    pub span: Span,
    pub text: String,
    pub kind: TimexKind,
    /// TIMEX3 value.
    pub value: String,
    /// The days the expression covers, when it denotes a bounded range of days.
    pub window: Option<DateWindow>,
    /// Introduced by "within", "by", "before", "until", "no later than": the window runs
    /// from the reference date to the bound and is a deadline.
    pub deadline: bool,
    /// Fuzzy ("soon", "recently", "the coming weeks"): the window is a convention.
    pub vague: bool,
    pub direction: Option<Direction>,
}

/// Errors of this crate (it does no I/O; only reference-date parsing can fail).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a date: {0:?}")]
    BadDate(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Parses a reference date as found in document metadata: `2025-10-16`,
/// `20251016`, or a timestamp starting with a date (`2025-10-16T08:00:00Z`).
pub fn parse_reference(text: &str) -> Result<NaiveDate> {
    let t = text.trim();
    let bad = || Error::BadDate(text.to_string());
    if t.len() >= 10 {
        if let Ok(d) = NaiveDate::parse_from_str(t.get(..10).ok_or_else(bad)?, "%Y-%m-%d") {
            return Ok(d);
        }
    }
    if t.len() >= 8 && t.get(..8).is_some_and(|s| s.bytes().all(|b| b.is_ascii_digit())) {
        return NaiveDate::parse_from_str(t.get(..8).ok_or_else(bad)?, "%Y%m%d").map_err(|_| bad());
    }
    Err(bad())
}

/// Finds time expressions in `text`, resolving them against `reference`.
pub fn find(text: &str, reference: NaiveDate) -> Vec<TimeExpr> {
    find_with(text, reference, &Options::default())
}

/// [`find`] with options (a tense hint for underspecified dates).
pub fn find_with(text: &str, reference: NaiveDate, options: &Options) -> Vec<TimeExpr> {
    let lower = text.to_ascii_lowercase();
    let toks = token::tokenize(text, &lower);
    let mut parser = Parser { toks: &toks, reference, hint: options.tense, anchor: None, previous_day: None };
    let found = parser.run();
    found.iter().filter_map(|f| build(text, &toks, reference, f)).collect()
}

/// Normalises a known time expression (its whole text) against `reference`.
/// Returns the longest expression recognised inside it, with its span relative
/// to `expr_text`; `None` if nothing in it is a time expression.
pub fn normalise(expr_text: &str, reference: NaiveDate) -> Option<TimeExpr> {
    normalise_with(expr_text, reference, &Options::default())
}

/// [`normalise`] with options.
pub fn normalise_with(expr_text: &str, reference: NaiveDate, options: &Options) -> Option<TimeExpr> {
    find_with(expr_text, reference, options).into_iter().max_by_key(|e| e.span.len())
}

/// The words right before token `start` that make the expression a deadline or
/// anchor it: "within", "by", "before", "in", "for", "no later than".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    None,
    Within,
    By,
    Before,
    In,
    For,
}

fn signal(toks: &[token::Tok<'_>], start: usize) -> Signal {
    let w = |back: usize| start.checked_sub(back).and_then(|i| toks.get(i)).map_or("", |t| t.text);
    match w(1) {
        "within" => Signal::Within,
        "by" | "until" | "till" => Signal::By,
        "before" => Signal::Before,
        "than" if w(2) == "later" && w(3) == "no" => Signal::By,
        "in" => Signal::In,
        "for" => Signal::For,
        _ => Signal::None,
    }
}

fn slack_for(days: i64) -> u32 {
    u32::try_from((days / 4).max(2)).unwrap_or(u32::MAX)
}

fn direction_of(window: &DateWindow, reference: NaiveDate) -> Direction {
    if window.end < reference {
        Direction::Past
    } else if window.start > reference {
        Direction::Future
    } else {
        Direction::Present
    }
}

fn build(text: &str, toks: &[token::Tok<'_>], reference: NaiveDate, f: &Found) -> Option<TimeExpr> {
    let first = toks.get(f.start)?;
    let last = toks.get(f.end.checked_sub(1)?)?;
    let span = Span::new(first.start, last.end);
    let expr_text = text.get(span.start..span.end)?.to_string();
    let signal = signal(toks, f.start);
    let deadline = matches!(signal, Signal::Within | Signal::By | Signal::Before);
    let mut vague = false;
    let mut window = None;
    let mut direction = None;
    let (kind, value) = match &f.sem {
        Sem::Point { point, clock, position } => {
            let mut value = point.value();
            let kind = match clock {
                Some(Clock::At(h, m)) if point.is_day() => {
                    value.push_str(&format!("T{h:02}:{m:02}"));
                    TimexKind::Time
                }
                Some(Clock::Part(p)) if point.is_day() => {
                    value.push('T');
                    value.push_str(p);
                    TimexKind::Time
                }
                _ => TimexKind::Date,
            };
            if let Some((s, e)) = point.range() {
                let (s, e) = narrow(s, e, *position, reference);
                let w = match signal {
                    Signal::By if e >= reference => DateWindow::new(reference.min(s), e),
                    Signal::Within if e >= reference => DateWindow::new(reference.max(s), e),
                    // "before the end of the year" is by its last day, not
                    // before the end-of-year stretch begins.
                    Signal::Before
                        if matches!(position, Position::End | Position::Late) && e >= reference =>
                    {
                        DateWindow::new(reference.min(s), e)
                    }
                    Signal::Before if s > reference => DateWindow::new(reference, add_days(s, -1)?),
                    _ => DateWindow::new(s, e),
                };
                direction = Some(direction_of(&DateWindow::new(s, e), reference));
                window = Some(if f.hedged { w.with_slack(slack_for(w.days())) } else { w });
            }
            (kind, value)
        }
        Sem::Duration { amount, unit, anchor } => {
            let value = parse::duration_value(*amount, *unit);
            let (days, fuzzy) = match amount {
                Amount::N(n) => (n * unit.approx_days(), false),
                Amount::X => (if *unit == lexicon::Unit::Day { 7.0 } else { 3.0 * unit.approx_days() }, true),
            };
            vague = fuzzy;
            let span_end = |sign: i64| -> Option<NaiveDate> {
                match (amount, unit.months()) {
                    (Amount::N(n), Some(months)) if n.fract() == 0.0 && *n < 10_000.0 => {
                        add_months(reference, sign * (*n as i64) * months)
                    }
                    _ => add_days(reference, sign * days.round() as i64),
                }
            };
            let w = match (anchor, signal) {
                (Anchor::Past, _) => {
                    direction = Some(Direction::Past);
                    Some(DateWindow::new(span_end(-1)?, reference))
                }
                (Anchor::Future, _) | (Anchor::Free, Signal::Within | Signal::By) => {
                    direction = Some(Direction::Future);
                    Some(DateWindow::new(reference, span_end(1)?))
                }
                (Anchor::Free, Signal::In)
                    if days >= 1.0 && !is_past_context(toks, f.start) && !is_bounded_after(toks, f.end) =>
                {
                    // "in two weeks": around then; early delivery still counts.
                    direction = Some(Direction::Future);
                    let w = DateWindow::new(reference, span_end(1)?);
                    Some(w.with_slack(slack_for(w.days())))
                }
                _ => None,
            };
            window = w.map(|w| {
                if f.hedged || fuzzy {
                    w.with_slack(w.slack_days.max(slack_for(w.days())))
                } else {
                    w
                }
            });
            (TimexKind::Duration, value)
        }
        Sem::Fuzzy(fz) => {
            vague = true;
            direction = Some(match fz.value {
                "PAST_REF" => Direction::Past,
                "FUTURE_REF" => Direction::Future,
                _ => Direction::Present,
            });
            if let Some((a, b)) = fz.offsets {
                let w =
                    DateWindow::new(add_days(reference, a)?, add_days(reference, b)?).with_slack(fz.slack);
                window = Some(w);
            }
            (TimexKind::Date, fz.value.to_string())
        }
        Sem::Set(v) => (TimexKind::Set, v.clone()),
    };
    Some(TimeExpr { span, text: expr_text, kind, value, window, deadline, vague, direction })
}

/// "in 1990 ... in two years" after a past verb is a duration, not a forecast.
fn is_past_context(toks: &[token::Tok<'_>], start: usize) -> bool {
    toks[start.saturating_sub(6)..start].iter().any(|t| {
        matches!(t.text, "was" | "were" | "had" | "did") || (t.text.len() > 4 && t.text.ends_with("ed"))
    })
}

/// "in the year ended June 30", "in the six months through March": a period named by
/// its end, not a stretch from the reference date.
fn is_bounded_after(toks: &[token::Tok<'_>], end: usize) -> bool {
    toks.get(end).is_some_and(|t| matches!(t.text, "ended" | "ending" | "through"))
}

/// The part of [s, e] a position modifier selects.
fn narrow(s: NaiveDate, e: NaiveDate, position: Position, reference: NaiveDate) -> (NaiveDate, NaiveDate) {
    let len = (e - s).num_days();
    let at = |days: i64| add_days(s, days).unwrap_or(s);
    let contains = s <= reference && reference <= e;
    match position {
        Position::Whole => (s, e),
        Position::Early => (s, at(len / 3)),
        Position::Mid => (at(len / 3), at(2 * len / 3)),
        Position::Late => (at(2 * len / 3), e),
        Position::Begin => (s, at(len / 6)),
        Position::End => (at(len - len / 6), e),
        Position::Earlier if contains => (s, add_days(reference, -1).unwrap_or(s).max(s)),
        Position::Earlier => (s, at(len / 2)),
        Position::Later if contains => (add_days(reference, 1).unwrap_or(e).min(e), e),
        Position::Later => (at(len / 2), e),
    }
}

#[cfg(test)]
mod tests;
