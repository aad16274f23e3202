//! Comparing two consecutive stance points of one actor on one topic.
//!
//! Rules, in order (b = before, a = after, scores on the -3..3 commitment scale):
//! 1. b positive, a at or below zero: **Withdraw** when a carries a retreat cue
//!    ("no plans", "wasn't necessary") and b was a commitment (≥ PR+);
//!    **Reverse** when a is an outright negation; otherwise **Soften**.
//! 2. Polarity flipped the other way (negative to positive): **Reverse**.
//! 3. Same direction, both dated, a's window ends after b's window (slack
//!    included): **TimelineSlip**.
//! 4. Same direction, weaker or stronger level (or certainty moved ≥ 0.2):
//!    **Soften** / **Harden** — except a one-step difference where a reporter's
//!    paraphrase is one side, which is a **Reaffirm**.
//! 5. Tone moved by ≥ 0.6 with one side clearly toned (≥ 0.5): **ToneShift**.
//! 6. Otherwise **Reaffirm**.
//!
//! Statements on the same day that do not conflict (rules 1–2) are not shifts.

use stanceshift_core::{
    ActorId, CueKind, Evidence, Shift, ShiftKind, SpeechKind, StanceFeatures, StancePoint, Topic, Unflagged,
    UnflaggedPair,
};

use crate::stance::gate;

/// Score at or above which a change passing every check is flagged. Chosen on
/// the dev gold (`data/gold/shifts-dev.tsv`) for precision before recall.
pub const FLAG_THRESHOLD: f32 = 0.3;

/// What comparing two points decided.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparison {
    /// Same-day statements that agree: nothing to say.
    Agree,
    /// A flagged change, or a reaffirmation.
    Shift(Shift),
    /// A change the checks or the threshold turned down, with the reason.
    Unflagged(UnflaggedPair),
}

/// [`compare`], then the checks of [`gate::check`] and the threshold for a
/// change. `identity` gives (0..1) how far the two share their specific
/// arguments; it scales the score, so a change between loosely related
/// statements needs to be a strong one.
pub fn judge(
    actor: &ActorId,
    topic: &Topic,
    before: &StancePoint,
    after: &StancePoint,
    identity: impl FnOnce() -> gate::Identity,
) -> Comparison {
    let Some(mut shift) = compare(actor, topic, before, after) else { return Comparison::Agree };
    if !shift.kind.is_change() {
        return Comparison::Shift(shift);
    }
    // Only a change needs the arguments weighed.
    let identity = identity();
    shift.score = round2(shift.score * (0.5 + 0.5 * identity.value));
    shift.explanation.push_str(&format!(", arguments shared {:.2}", identity.value));
    if identity.weighted {
        shift.explanation.push_str(&format!(" (specificity {:.2})", identity.shared));
    }
    if let Err((reason, detail)) = gate::check(actor, shift.kind, before, after, identity) {
        return Comparison::Unflagged(UnflaggedPair { shift, reason, detail });
    }
    if shift.score < FLAG_THRESHOLD {
        let detail = format!("score {:.2} < {FLAG_THRESHOLD:.2}", shift.score);
        return Comparison::Unflagged(UnflaggedPair { shift, reason: Unflagged::BelowThreshold, detail });
    }
    Comparison::Shift(shift)
}

/// How far tone must move (on -1..1) for a tone shift.
const TONE_SHIFT: f32 = 0.6;
/// How strong one side's tone must be: a move between two nearly neutral
/// remarks is lexicon noise, not a change of tone.
const TONE_CLEAR: f32 = 0.5;

/// The evidence a point gives, labelled as proxy speech when the speaker is not `actor`.
pub fn evidence(actor: &ActorId, point: &StancePoint) -> Evidence {
    let s = &point.statement;
    let by_proxy = is_by_proxy(actor, point);
    Evidence {
        article_id: s.article_id.clone(),
        statement_index: s.index,
        date: s.date.date,
        speaker: s.speaker.text.clone(),
        proxy_for: by_proxy.then(|| actor.clone()),
        quote: s.content.clone(),
        span: s.content_span,
        commitment: point.features.commitment,
        timeframe: point.features.timeframe,
        tone: point.features.tone,
        cues: point.features.cues.iter().filter(|c| c.kind != CueKind::Topic).cloned().collect(),
    }
}

/// Whether someone other than `actor` spoke: a proxy, another actor, or an unnamed speaker.
pub fn is_by_proxy(actor: &ActorId, point: &StancePoint) -> bool {
    let s = &point.statement;
    s.proxy.is_some() || s.speaker.actor.as_ref() != Some(actor)
}

fn has(f: &StanceFeatures, kind: CueKind) -> bool {
    f.cues.iter().any(|c| c.kind == kind)
}

/// The cues that decided a point's level, for explanations: "'no plans' + 'the immediate future' (PR-)".
pub fn describe(f: &StanceFeatures) -> String {
    let pick = |kinds: &[CueKind]| -> Vec<String> {
        f.cues.iter().filter(|c| kinds.contains(&c.kind)).map(|c| format!("'{}'", c.text)).collect()
    };
    let mut parts = pick(&[CueKind::Retreat]);
    if parts.is_empty() {
        parts = pick(&[CueKind::Negation, CueKind::Modal]);
    }
    // Hedges inside the timeframe ("or so") show up with the timeframe itself.
    let in_timeframe = |c: &stanceshift_core::Cue| {
        f.cues.iter().any(|t| t.kind == CueKind::Timeframe && t.span.contains(&c.span))
    };
    parts.extend(
        f.cues
            .iter()
            .filter(|c| matches!(c.kind, CueKind::Booster | CueKind::Hedge) && !in_timeframe(c))
            .map(|c| format!("'{}'", c.text)),
    );
    parts.extend(pick(&[CueKind::Timeframe]));
    let mut seen = Vec::new();
    parts.retain(|p| {
        let new = !seen.contains(p);
        seen.push(p.clone());
        new
    });
    let words = if parts.is_empty() { "plain assertion".to_string() } else { parts.join(" + ") };
    format!("{words} ({})", f.commitment.factbank_label())
}

/// The shift from `before` to `after`, or `None` when same-day statements agree.
pub fn compare(actor: &ActorId, topic: &Topic, before: &StancePoint, after: &StancePoint) -> Option<Shift> {
    let (b, a) = (&before.features, &after.features);
    let (bs, as_) = (i32::from(b.commitment.score()), i32::from(a.commitment.score()));
    let confidence = before.statement.confidence.min(after.statement.confidence).clamp(0.0, 1.0);
    let weight = 0.5 + 0.5 * confidence;
    let same_day = before.statement.date.date == after.statement.date.date;

    let (kind, strength) = if bs > 0 && as_ <= 0 {
        // Only a commitment can be withdrawn: "could take place within two
        // weeks" (PS+) followed by "serious preparation is needed" softens.
        if has(a, CueKind::Retreat) && bs >= 2 {
            (ShiftKind::Withdraw, ((bs - as_) as f32 / 5.0).clamp(0.5, 1.0))
        } else if as_ < 0 {
            (ShiftKind::Reverse, ((bs - as_) as f32 / 6.0).clamp(0.5, 1.0))
        } else {
            // "could take place within two weeks" -> "no dates have been set":
            // a timeframe given up weighs as much as a step down the scale.
            let dropped = if b.timeframe.is_some() && a.timeframe.is_none() { 0.25 } else { 0.0 };
            (ShiftKind::Soften, ((bs - as_) as f32 / 6.0 + dropped).min(1.0))
        }
    } else if bs < 0 && as_ > 0 {
        (ShiftKind::Reverse, ((as_ - bs) as f32 / 6.0).clamp(0.5, 1.0))
    } else if same_day {
        return None;
    } else if let Some(days) = slip_days(b, a).filter(|_| bs > 0 && as_ > 0) {
        (ShiftKind::TimelineSlip, days as f32 / (days as f32 + 30.0))
    } else if paraphrase_noise(before, after, bs, as_) {
        (ShiftKind::Reaffirm, 0.5)
    } else if as_.abs() != bs.abs() || (a.certainty - b.certainty).abs() >= 0.2 {
        let delta = (as_.abs() - bs.abs()) as f32 / 3.0 + (a.certainty - b.certainty);
        let kind = if delta < 0.0 { ShiftKind::Soften } else { ShiftKind::Harden };
        (kind, delta.abs().min(1.0))
    } else if (a.tone - b.tone).abs() >= TONE_SHIFT && a.tone.abs().max(b.tone.abs()) >= TONE_CLEAR {
        (ShiftKind::ToneShift, ((a.tone - b.tone).abs() / 2.0).min(1.0))
    } else {
        (ShiftKind::Reaffirm, 1.0 - (a.certainty - b.certainty).abs())
    };

    let before_ev = evidence(actor, before);
    let after_ev = evidence(actor, after);
    let mut explanation = format!("{}: {} -> {}", kind.as_str(), describe(b), describe(a));
    if let Some(days) = slip_days(b, a).filter(|_| kind == ShiftKind::TimelineSlip) {
        explanation.push_str(&format!(", {days} days later"));
    }
    if kind == ShiftKind::Soften && b.timeframe.is_some() && a.timeframe.is_none() {
        explanation.push_str(", timeframe dropped");
    }
    if kind == ShiftKind::ToneShift {
        explanation.push_str(&format!(", tone {:+.2} -> {:+.2}", b.tone, a.tone));
    }
    if after_ev.proxy_for.is_some() {
        explanation.push_str(&format!(" (by proxy: {})", after.statement.speaker.text));
    }
    Some(Shift {
        actor: actor.clone(),
        topic: topic.clone(),
        kind,
        score: round2(strength * weight),
        before: before_ev,
        after: after_ev,
        explanation,
    })
}

/// One step on the scale where a reporter's paraphrase is involved ("will be
/// signed" quoted, "still expected to sign" reported; "she would attend" vs
/// "she still plans to attend") is how the reporter put it, not a change of
/// stance. Between two quotes of the speaker's own words it is a change.
fn paraphrase_noise(before: &StancePoint, after: &StancePoint, bs: i32, as_: i32) -> bool {
    (as_ - bs).abs() == 1 && bs.signum() == as_.signum() && !(is_quote(before) && is_quote(after))
}

/// Whether a point is the speaker's own quoted words.
pub fn is_quote(point: &StancePoint) -> bool {
    matches!(point.statement.kind, SpeechKind::Direct | SpeechKind::Colon)
}

/// Whether `after` is a reporter's paraphrase one step off the quote `before`:
/// such a point is compared, but the next point is compared with the quote.
pub fn is_paraphrase_echo(before: &StancePoint, after: &StancePoint) -> bool {
    let (bs, as_) =
        (i32::from(before.features.commitment.score()), i32::from(after.features.commitment.score()));
    is_quote(before) && !is_quote(after) && paraphrase_noise(before, after, bs, as_)
}

/// Days by which `a`'s window ends later than `b`'s latest day, if it does.
fn slip_days(b: &StanceFeatures, a: &StanceFeatures) -> Option<i64> {
    let (bw, aw) = (b.timeframe?, a.timeframe?);
    let days = (aw.end - bw.latest()).num_days();
    (days > 0).then_some(days)
}

fn round2(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}
