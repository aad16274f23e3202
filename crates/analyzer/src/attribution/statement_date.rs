//! When a statement was made.
//!
//! The article date, unless the words around the reporting verb date it:
//! "said last week", "on Monday", "at the time", "after last week's phone
//! call", "on Oct. 16". Time expressions inside the content ("he would meet
//! within two weeks") are about what was said, not when, and are ignored, as
//! are expressions inside quotation marks and ones pointing to the future.

use crate::attribution::RawStatement;
use crate::lexicon::ATTRIBUTION;
use crate::text::quotes::Quote;
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
/// `previous` is the date of the statement before it (for "at the time");
/// `times` are the sentence's time expressions ([`sentence_times`]).
pub(crate) fn date_statement(
    body: &str,
    sentence: Span,
    st: &RawStatement,
    quotes: &[Quote],
    article: NaiveDate,
    previous: Option<&StatementDate>,
    times: &[stanceshift_timex::TimeExpr],
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
    let cue_mid = st.cue_span.start.saturating_sub(sentence.start);
    let cue_end = st.cue_span.end.saturating_sub(sentence.start).max(cue_mid);
    let mut best: Option<(usize, stanceshift_timex::TimeExpr)> = None;
    for expr in times.iter().cloned() {
        // "Two weeks after Trump said he would meet Putin, no summit has been
        // scheduled": the saying was that long before the article's own day.
        if expr.kind == TimexKind::Duration && outside(expr.span) && expr.span.end <= cue_mid {
            let rest = text[expr.span.end..].trim_start();
            if rest.len() > 6 && rest.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("after ")) {
                if let Some(days) = duration_days(&expr.value) {
                    let date = article - chrono::Duration::days(days);
                    // A round span is approximate: a quarter of it either way, at most a week.
                    let slack = (days / 4).min(7);
                    let evidence_end = expr.span.end + (text[expr.span.end..].len() - rest.len()) + 5;
                    return StatementDate {
                        date,
                        window: DateWindow::new(
                            date - chrono::Duration::days(slack),
                            (date + chrono::Duration::days(slack)).min(article),
                        ),
                        basis: DateBasis::Relative,
                        evidence: Some(text[expr.span.start..evidence_end].to_string()),
                        timex_value: None,
                    };
                }
            }
        }
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
        if !dates_the_saying(text, &expr, window, cue_mid, cue_end) {
            continue;
        }
        // "April 15" in a March wire is a deadline to come, not last April's
        // remark: without a year of its own a date is within half a year.
        let has_year = expr.text.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4);
        let lower = expr.text.to_ascii_lowercase();
        let counted_back = ["last", "ago", "earlier", "previous", "before"].iter().any(|w| lower.contains(w));
        if !has_year && !counted_back && (article - window.start).num_days() > MAX_YEARLESS_DAYS_BACK {
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
            // A period still running ("this week", "today") holds the article's own
            // day, the likeliest day of the remark; a past one gives its first day.
            let date = if window.end >= article && expr.direction != Some(Direction::Past) {
                article
            } else {
                window.start
            };
            StatementDate {
                date,
                window,
                basis: if explicit { DateBasis::Explicit } else { DateBasis::Relative },
                evidence: Some(expr.text),
                timex_value: Some(expr.value),
            }
        }
        None => article_date(article),
    }
}

/// Farthest a day- or week-sized expression may stand from the reporting
/// verb and still date the act of saying ("said after a phone call with
/// Vladimir Putin last Thursday that"); farther off, it belongs to the
/// sentence's other clauses.
const MAX_SAYING_DISTANCE: usize = 80;

/// How far back a date written without its year and without counting back
/// ("April 15", but not "last year") may date a remark.
const MAX_YEARLESS_DAYS_BACK: i64 = 183;

/// Longest gap between the reporting verb and a year- or month-sized
/// expression that dates the saying: "said in 1986", "told reporters last
/// year". Anywhere else a year is what the statement is about ("earned
/// 1.2 mln dlrs in 1986", "asked the Navy in 1976"), not when it was said.
const MAX_COARSE_GAP: usize = 20;

/// Whether a past time expression outside the content can date the act of
/// saying: reporters date a remark to the day or the week ("on Tuesday",
/// "last week", "Oct. 16"), near the verb or fronted ("On Monday, ..."); a
/// coarser one (a month, a year, "last year") only right after the verb.
fn dates_the_saying(
    text: &str,
    expr: &stanceshift_timex::TimeExpr,
    window: DateWindow,
    cue_start: usize,
    cue_end: usize,
) -> bool {
    let days = (window.end - window.start).num_days();
    let after_cue = expr.span.start >= cue_end;
    let gap = if after_cue {
        text.get(cue_end..expr.span.start)
    } else {
        text.get(expr.span.end.min(cue_start)..cue_start)
    };
    let Some(gap) = gap else { return false };
    let before = text[..expr.span.start].trim();
    let fronted =
        before.is_empty() || ["on", "late on", "earlier on"].iter().any(|w| before.eq_ignore_ascii_case(w));
    if days > 10 {
        // "Earlier this month, Reyl told a committee": a fronted month in
        // words still dates the telling; a fronted year ("In 1986, profits
        // rose ... it said") is the content's.
        let month_in_words = days <= 31 && !expr.text.contains(|c: char| c.is_ascii_digit());
        // After the verb, a year or month dates the saying only as an
        // adverbial: "said in 1986", "said last year", not "said 1986 net
        // profit rose", where the year opens the content.
        let gap_lower = gap.trim().to_ascii_lowercase();
        let adverbial = !expr.text.starts_with(|c: char| c.is_ascii_digit())
            || ["in", "during", "early in", "late in", "earlier in"].iter().any(|p| gap_lower.ends_with(p));
        return (fronted && month_in_words)
            || after_cue
                && adverbial
                && gap.len() <= MAX_COARSE_GAP
                && !gap.contains([',', ';', '"', '“', '”']);
    }
    fronted || gap.len() <= MAX_SAYING_DISTANCE
}

/// Days in a TIMEX3 duration value such as `P2W`, `P3D`, `P1M` (months as 30
/// days, years as 365); `None` for anything vaguer (`PXW`) or compound.
fn duration_days(value: &str) -> Option<i64> {
    let body = value.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let amount: i64 = body[..body.len() - unit.len_utf8()].parse().ok()?;
    let per = match unit {
        'D' => 1,
        'W' => 7,
        'M' => 30,
        'Y' => 365,
        _ => return None,
    };
    (amount > 0 && amount <= 100).then_some(amount * per)
}

/// The day of the occasion the sentence before an undated statement narrates,
/// when it names the statement's speaker: "Cruz on Friday played down the
/// idea of a deal. “There never was a grand alliance,” he said."; "On Monday
/// night, Robby Mook released a memo. He writes …". Only a past day or week
/// outside quotes: a year or a month there is history, not the occasion.
pub(crate) fn occasion_of_previous_sentence(
    body: &str,
    previous: Span,
    previous_index: usize,
    times_by_sentence: &mut crate::FastMap<usize, Vec<stanceshift_timex::TimeExpr>>,
    quotes: &[Quote],
    article: NaiveDate,
    st: &RawStatement,
) -> Option<StatementDate> {
    let actor = st.speaker.actor.as_ref()?;
    let surname = actor.as_str().rsplit('-').next().filter(|s| s.len() > 2)?;
    let text = body.get(previous.start..previous.end)?;
    // Cheap test first: most sentences before an undated statement do not name its speaker.
    find_ci(text, surname)?;
    let words = word_indices(text);
    if !words.iter().any(|(_, w)| w.eq_ignore_ascii_case(surname)) {
        return None;
    }
    // The day must be an occasion of speaking, named within a few words of it.
    let near_speech = |span: Span| {
        words.iter().any(|&(at, w)| {
            let close = at + w.len() + OCCASION_REACH >= span.start && at <= span.end + OCCASION_REACH;
            close && ATTRIBUTION.speech_occasions.contains(w.to_ascii_lowercase().as_str())
        })
    };
    // Time expressions are the costly part: read them only when a word of a
    // speaking occasion is there at all.
    let speaks =
        words.iter().any(|(_, w)| ATTRIBUTION.speech_occasions.contains(w.to_ascii_lowercase().as_str()));
    if !speaks {
        return None;
    }
    let times =
        times_by_sentence.entry(previous_index).or_insert_with(|| sentence_times(body, previous, article));
    let expr = times.iter().find(|expr| {
        let abs = Span::new(expr.span.start + previous.start, expr.span.end + previous.start);
        let window_days = expr.window.map_or(i64::MAX, |w| (w.end - w.start).num_days());
        matches!(expr.kind, TimexKind::Date | TimexKind::Time)
            && !expr.deadline
            && !expr.vague
            && expr.direction != Some(Direction::Future)
            && window_days <= 7
            && expr.window.is_some_and(|w| w.end < article && (article - w.start).num_days() <= 14)
            && !quotes.iter().any(|q| q.span.overlaps(&abs))
            && near_speech(expr.span)
    })?;
    let window = expr.window?;
    Some(StatementDate {
        date: window.start,
        window,
        basis: DateBasis::Context,
        evidence: Some(expr.text.clone()),
        timex_value: Some(expr.value.clone()),
    })
}

/// How far (in bytes) from a time expression the word of a speaking occasion
/// may stand: "In talking to reporters on Monday", "an email sent out Friday".
const OCCASION_REACH: usize = 40;

/// The time expressions of a sentence as statement dating reads them (past
/// tense), computed once per sentence however many statements it holds.
pub(crate) fn sentence_times(
    body: &str,
    sentence: Span,
    article: NaiveDate,
) -> Vec<stanceshift_timex::TimeExpr> {
    let text = body.get(sentence.start..sentence.end).unwrap_or("");
    stanceshift_timex::find_with(text, article, &Options { tense: TenseHint::Past })
}

/// The alphanumeric runs of `text` (hyphens kept inside: "e-mail") with their offsets.
fn word_indices(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}
