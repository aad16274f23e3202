//! The commitment ledger: a positive, future statement with a window
//! ("within two weeks or so", said Oct 16: due Oct 16–30, 3 days' slack) opens
//! an entry; what later statements on the topic say settles it:
//!
//! - **Kept**: a report that it happened ("met", "held talks": a certain,
//!   positive, non-future statement) dated inside the window;
//! - **Withdrawn**: a retreat or negation before the window closed;
//! - **Renewed**: restated with a window (that restatement opens its own entry);
//! - **Broken**: the window closed (slack included) before `as_of` with none of
//!   the above, or a retreat/late report after it closed;
//! - **Pending**: still open as of `as_of`.

use crate::shift::evidence;
use stanceshift_core::{ActorId, CommitmentEntry, CommitmentStatus, CueKind, StancePoint, Topic};

/// Whether a point opens a commitment: positive (≥ PR+), about the future, with a window not already past.
pub fn opens_commitment(point: &StancePoint) -> bool {
    let f = &point.features;
    f.commitment.score() >= 2
        && f.future
        && f.timeframe.is_some_and(|w| w.latest() >= point.statement.date.date)
}

/// Irregular past forms of verbs that report a promised thing as done.
const IRREGULAR_PAST: &[&str] = &[
    "met", "held", "began", "begun", "took", "went", "came", "spoke", "sat", "made", "won", "built", "gave",
    "paid", "sent", "sold", "left", "brought", "put", "set", "cut", "struck", "fought",
];

/// Whether a point reports the proposition as done (not promised): a certain,
/// non-future statement whose topic word is a past form ("met", "signed"), or
/// that says "held talks" / "took place".
fn reports_event(point: &StancePoint) -> bool {
    let f = &point.features;
    let past_topic_word = f.cues.iter().filter(|c| c.kind == CueKind::Topic).any(|c| {
        let w = c.text.to_lowercase();
        (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PAST.contains(&w.as_str())
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

fn retreats(point: &StancePoint) -> bool {
    point.features.commitment.score() < 0
        || (point.features.commitment.score() == 0
            && point.features.cues.iter().any(|c| c.kind == CueKind::Retreat))
}

/// The ledger of one topic; `points` in statement-date order.
pub fn ledger(
    actor: &ActorId,
    topic: &Topic,
    points: &[StancePoint],
    as_of: chrono::NaiveDate,
) -> Vec<CommitmentEntry> {
    let mut out = Vec::new();
    let mut opened: Vec<(chrono::NaiveDate, stanceshift_core::DateWindow)> = Vec::new();
    for (i, opener) in points.iter().enumerate() {
        if !opens_commitment(opener) {
            continue;
        }
        let Some(due) = opener.features.timeframe else { continue };
        // The same promise said twice on one day (a quote and its paraphrase) is one commitment.
        let key = (opener.statement.date.date, due);
        if opened.contains(&key) {
            continue;
        }
        opened.push(key);
        let mut status = None;
        let mut settled_by = None;
        for later in &points[i + 1..] {
            let day = later.statement.date.date;
            let on_time = day <= due.latest();
            let outcome = if reports_event(later) && day >= opener.statement.date.date {
                Some(if on_time { CommitmentStatus::Kept } else { CommitmentStatus::Broken })
            } else if retreats(later) {
                Some(if on_time { CommitmentStatus::Withdrawn } else { CommitmentStatus::Broken })
            } else if opens_commitment(later) && day > opener.statement.date.date {
                // Restated in time: renewed; restated after the window closed: it was broken.
                Some(if on_time { CommitmentStatus::Renewed } else { CommitmentStatus::Broken })
            } else {
                None
            };
            if let Some(o) = outcome {
                status = Some(o);
                settled_by = Some(evidence(actor, later));
                break;
            }
        }
        let status = status.unwrap_or(if as_of > due.latest() {
            CommitmentStatus::Broken
        } else {
            CommitmentStatus::Pending
        });
        out.push(CommitmentEntry {
            actor: actor.clone(),
            topic: topic.clone(),
            opened: evidence(actor, opener),
            due,
            status,
            settled_by,
            as_of,
        });
    }
    out
}
