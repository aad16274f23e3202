//! The commitment ledger: a positive, future statement with a window
//! ("within two weeks or so", said Oct 16: due Oct 16–30, 3 days' slack) opens
//! an entry; what later statements on the topic say settles it:
//!
//! - **Kept**: a report that it happened ("met", "held talks": a certain,
//!   positive, non-future statement) or of the state it leaves ("the plant is
//!   open") dated inside the window;
//! - **Withdrawn**: a retreat or negation before the window closed;
//! - **Renewed**: restated with a window before this one closed (that
//!   restatement opens its own entry), and nothing else happened since; a
//!   later withdrawal or report still decides the entry;
//! - **Broken**: not done in time, on the evidence: a retreat, a report of it
//!   done, a restatement, or any words still speaking of it as to come, said
//!   only after the window closed (slack included);
//! - **Overdue**: the window closed before `as_of` and nothing later says what
//!   became of it;
//! - **Pending**: still open as of `as_of`.

use crate::lexicon::EVENT_WORDS;
use crate::stance::shift::{evidence, is_quote};
use stanceshift_core::{ActorId, CommitmentEntry, CommitmentStatus, CueKind, SpeechKind, StancePoint, Topic};

/// Whether a point opens a commitment: positive (≥ PR+), about the future,
/// with a window not already past, and a commitment of the speaker's rather
/// than a forecast ("GDP is expected to grow 2 pct this year") or someone
/// else's obligation ("Cyclops must provide the information").
pub fn opens_commitment(point: &StancePoint) -> bool {
    let f = &point.features;
    f.commitment.score() >= 2
        && f.future
        && f.timeframe.is_some_and(|w| w.latest() >= point.statement.date.date)
        && !is_forecast(point)
        && !is_obligation_of_others(point)
}

/// Words that make a future statement a forecast, not a promise.
const FORECAST_WORDS: &[&str] = &[
    "expected",
    "expect",
    "expects",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "estimated",
    "estimates",
    "predicted",
    "predicts",
    "anticipated",
    "anticipates",
    "likely",
];

/// A forecast word in the passive ("is expected to grow") or with another
/// subject ("analysts expect"); "she still expected to sign" is her own
/// intention, no forecast.
pub(crate) fn is_forecast(point: &StancePoint) -> bool {
    let ws = crate::lexicon::words(&point.statement.content);
    // "exports will drop to 600,000 tonnes", "GDP will grow around four pct":
    // a figure that moves is an outlook, whoever gives it.
    let figure = ws.iter().any(|w| crate::lexicon::NAME_WORDS.units.contains(w.lower.as_str()));
    let moves = ws.iter().any(|w| MOVEMENT_WORDS.iter().any(|m| w.lower.starts_with(m)));
    if figure && moves {
        return true;
    }
    ws.iter().enumerate().any(|(i, w)| {
        if !FORECAST_WORDS.contains(&w.lower.as_str()) {
            return false;
        }
        let before = |k: usize| i.checked_sub(k).map_or("", |j| ws[j].lower.as_str());
        let passive = matches!(before(1), "is" | "are" | "was" | "were" | "be" | "been");
        // "it currently expects the meeting will be held in August": a
        // company's own plan ("it is expected" is caught as passive above).
        let own = (1..=2).any(|k| matches!(before(k), "i" | "we" | "he" | "she" | "it" | "they"));
        passive || !own
    })
}

/// Stems of verbs a figure moves by ("grow", "rose", "fall", "decline").
const MOVEMENT_WORDS: &[&str] = &[
    "grow", "grew", "rise", "rose", "risen", "fall", "fell", "drop", "declin", "increas", "decreas", "go up",
    "climb", "slow", "expand", "contract", "reach", "total", "averag",
];

/// "X must / should …" with a subject other than the speaker's own ("we
/// must", "I should"): what someone else ought to do.
fn is_obligation_of_others(point: &StancePoint) -> bool {
    let ws = crate::lexicon::words(&point.statement.content);
    let Some(modal) = ws.iter().position(|w| matches!(w.lower.as_str(), "must" | "should" | "ought")) else {
        return false;
    };
    let own = |w: &str| matches!(w, "i" | "we" | "he" | "she" | "it" | "they");
    let subject_is_own = modal > 0 && own(ws[modal - 1].lower.as_str());
    // A plain "will" before the modal's clause still commits ("we will and must …").
    let promised = ws[..modal].iter().any(|w| matches!(w.lower.as_str(), "will" | "would" | "shall"));
    !subject_is_own && !promised
}

/// Whether a point reports the proposition as done (not promised): a certain,
/// non-future statement whose topic word is a past form ("met", "signed"), or
/// that says "held talks" / "took place".
fn reports_event(point: &StancePoint) -> bool {
    let f = &point.features;
    let past_topic_word = f.cues.iter().filter(|c| c.kind == CueKind::Topic).any(|c| {
        let w = c.text.to_lowercase();
        (w.len() > 3 && w.ends_with("ed")) || EVENT_WORDS.done_pasts.contains(w.as_str())
    });
    let lower = point.statement.content.to_lowercase();
    let past_phrase =
        ["held talks", "took place", "have met", "has met", "had met"].iter().any(|p| lower.contains(p));
    (past_topic_word || past_phrase)
        && f.commitment.score() == 3
        && !f.future
        && f.timeframe.is_none()
        && !f.cues.iter().any(|c| c.kind == CueKind::Modal)
}

/// "The plant is open", "the deal is signed": the state the promised event
/// leaves, said as a plain present fact.
fn reports_result(point: &StancePoint) -> bool {
    let f = &point.features;
    let text = point.statement.content.to_lowercase();
    let base = point.statement.content_span.start;
    let after_copula = f.cues.iter().filter(|c| c.kind == CueKind::Topic).any(|c| {
        let before = c.span.start.checked_sub(base).and_then(|at| text.get(..at)).unwrap_or("");
        let last = before.split_whitespace().last().unwrap_or("");
        matches!(last, "is" | "are" | "now" | "been")
    });
    after_copula && f.commitment.score() == 3 && !f.future && f.timeframe.is_none()
}

/// Whether a point speaks of the act as still to come: a positive stance
/// about the future, however hedged, that is no report of it done.
fn still_to_come(point: &StancePoint) -> bool {
    let f = &point.features;
    f.commitment.score() > 0 && (f.future || f.cues.iter().any(|c| c.kind == CueKind::Modal))
}

fn retreats(point: &StancePoint) -> bool {
    point.features.commitment.score() < 0
        || (point.features.commitment.score() == 0
            && point.features.cues.iter().any(|c| c.kind == CueKind::Retreat))
}

/// The ledger of one topic; `points` in statement-date order. A commitment
/// said twice on one day (a quote and its paraphrase) is one entry, opened by
/// the quote. Later points settle it: a report of it done (kept, or broken
/// when late), a retreat (withdrawn, or broken when late) — the first of
/// these decides; a restatement with a window renews it (broken when only
/// restated after its window closed) and the search for an outcome goes on.
/// Refusals to comment settle nothing.
pub fn ledger(
    actor: &ActorId,
    topic: &Topic,
    points: &[StancePoint],
    as_of: chrono::NaiveDate,
) -> Vec<CommitmentEntry> {
    // Read once: every opener looks at the points after it.
    let opens: Vec<bool> = points.iter().map(opens_commitment).collect();
    // The opener of each (day, window): the first quote, else the first point.
    let mut openers: Vec<usize> = Vec::new();
    for (i, point) in points.iter().enumerate() {
        if !opens[i] {
            continue;
        }
        let key = |p: &StancePoint| (p.statement.date.date, p.features.timeframe);
        match openers.iter().position(|&o| key(&points[o]) == key(point)) {
            Some(k) if !is_quote(&points[openers[k]]) && is_quote(point) => openers[k] = i,
            Some(_) => {}
            None => openers.push(i),
        }
    }
    openers.sort_unstable();
    let mut out = Vec::new();
    for i in openers {
        let opener = &points[i];
        let Some(due) = opener.features.timeframe else { continue };
        let opened_on = opener.statement.date.date;
        let mut renewed_by = None;
        let mut outcome = None;
        for (later, &later_opens) in points[i + 1..].iter().zip(&opens[i + 1..]) {
            let day = later.statement.date.date;
            if later.statement.kind == SpeechKind::NoComment || day < opened_on {
                continue;
            }
            let on_time = day <= due.latest();
            if reports_event(later) || reports_result(later) {
                outcome =
                    Some((if on_time { CommitmentStatus::Kept } else { CommitmentStatus::Broken }, later));
                break;
            }
            if retreats(later) {
                let status = if on_time { CommitmentStatus::Withdrawn } else { CommitmentStatus::Broken };
                outcome = Some((status, later));
                break;
            }
            // Once the window has passed, a new date for an act that recurs is
            // its next occasion, no evidence about this one.
            let next_occasion = !on_time && crate::stance::gate::is_another_occasion(opener, later);
            if later_opens && day > opened_on && renewed_by.is_none() && !next_occasion {
                if !on_time {
                    outcome = Some((CommitmentStatus::Broken, later));
                    break;
                }
                renewed_by = Some(later);
            }
            // After the window closed, words that still speak of it as to come
            // ("we might cut rates", "only once inflation falls") show it was
            // not done in time; after a renewal they are the renewal's to settle.
            if !on_time && renewed_by.is_none() && still_to_come(later) && !next_occasion {
                outcome = Some((CommitmentStatus::Broken, later));
                break;
            }
        }
        let (status, settled_by) = match (outcome, renewed_by) {
            (Some((status, by)), _) => (status, Some(by)),
            (None, Some(by)) => (CommitmentStatus::Renewed, Some(by)),
            // Passed with nothing said since: late as far as the corpus knows.
            (None, None) if as_of > due.latest() => (CommitmentStatus::Overdue, None),
            (None, None) => (CommitmentStatus::Pending, None),
        };
        out.push(CommitmentEntry {
            actor: actor.clone(),
            topic: topic.clone(),
            opened: evidence(actor, opener),
            due,
            status,
            settled_by: settled_by.map(|p| evidence(actor, p)),
            as_of,
        });
    }
    out
}
