//! The checks a pair of stance points must pass before a change between them
//! is flagged. Each one answers a way real news fooled word-level comparison
//! (measured on PolNeAR, Reuters-21578 and SOTU flags judged by hand): past
//! facts and statistics read as stances, questions and conditions read as
//! commitments, other people's words, different propositions that share
//! words, and recurring acts (a weekly tender) read as a changing deadline.

use std::sync::LazyLock;

use stanceshift_core::{ActorId, Commitment, CueKind, ShiftKind, StancePoint, Unflagged};

use crate::lexicon::words;
use crate::stance::shift::is_by_proxy;

/// Shared-argument identity below which two statements are different propositions.
pub const MIN_IDENTITY: f32 = 0.25;

/// Our lists from `stance.txt`.
struct StanceWords {
    stance_words: crate::FastSet<String>,
    stance_cues: Vec<String>,
    recurrence: crate::FastSet<String>,
}

static STANCE: LazyLock<StanceWords> = LazyLock::new(|| {
    let sections = crate::lexicon::sections(include_str!("../../../../data/lexicons/stance.txt"));
    let list = |name: &str| -> Vec<String> {
        sections.get(name).into_iter().flatten().map(|w| w.to_string()).collect()
    };
    StanceWords {
        stance_words: list("stance_word").into_iter().collect(),
        stance_cues: list("stance_cue"),
        recurrence: list("recurrence").into_iter().collect(),
    }
});

/// Why `before` -> `after` must not be flagged as `kind`, if it must not.
/// `identity` is how far the two share their specific arguments (0..1).
pub fn check(
    actor: &ActorId,
    kind: ShiftKind,
    before: &StancePoint,
    after: &StancePoint,
    identity: f32,
) -> Result<(), (Unflagged, String)> {
    for (side, point) in [("before", before), ("after", after)] {
        if let Some(other) = other_speaker(actor, point) {
            return Err((Unflagged::OtherSpeaker, format!("{side}: spoken by {other}")));
        }
    }
    for (side, point) in [("before", before), ("after", after)] {
        if let Some(why) = embedded(point) {
            return Err((Unflagged::Embedded, format!("{side}: {why}")));
        }
    }
    for (side, point) in [("before", before), ("after", after)] {
        if !is_stance(point) {
            return Err((Unflagged::NotAStance, format!("{side}: a report of facts, no position")));
        }
    }
    if let Some(why) = different_occasion(before, after) {
        return Err((Unflagged::DifferentOccasion, why));
    }
    if identity < MIN_IDENTITY {
        return Err((
            Unflagged::DifferentProposition,
            format!("shared arguments {identity:.2} < {MIN_IDENTITY:.2}"),
        ));
    }
    if kind == ShiftKind::ToneShift && (is_by_proxy(actor, before) || is_by_proxy(actor, after)) {
        return Err((Unflagged::ToneNoise, "tone compared only between the actor's own words".into()));
    }
    Ok(())
}

/// The speaker, when someone other than the actor spoke without speaking for
/// it: another named actor, not a spokesperson or official of the actor.
fn other_speaker(actor: &ActorId, point: &StancePoint) -> Option<String> {
    let s = &point.statement;
    let named = s.speaker.actor.as_ref()?;
    (named != actor && s.proxy.is_none() && s.principal.as_ref() != Some(actor)).then(|| named.to_string())
}

/// Why a point holds no commitment of its own: a question, or a condition or
/// report the reading could not commit to (Uu).
fn embedded(point: &StancePoint) -> Option<&'static str> {
    let content = point.statement.content.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | '.')
    });
    if content.ends_with('?') {
        return Some("a question");
    }
    let first = words(&point.statement.content).into_iter().next().map(|w| w.lower).unwrap_or_default();
    if matches!(first.as_str(), "whether" | "asked") {
        return Some("a question");
    }
    // "no dates have been set" is Uu too, but a retreat from a plan: a stance.
    let retreat = point.features.cues.iter().any(|c| c.kind == CueKind::Retreat);
    (point.features.commitment == Commitment::Uncommitted && !retreat)
        .then_some("no commitment either way (Uu: a condition, or words the reading could not commit to)")
}

/// Whether a point states a position, intention, commitment, belief or
/// judgement, rather than a fact or figure ("refinery runs fell to 12.2 mln").
pub fn is_stance(point: &StancePoint) -> bool {
    let f = &point.features;
    if f.future {
        return true;
    }
    // A tone word is a judgement ("the talks were productive", "a disaster").
    if f.cues
        .iter()
        .any(|c| matches!(c.kind, CueKind::Modal | CueKind::Retreat | CueKind::Hedge | CueKind::Tone))
    {
        return true;
    }
    let cue = point.statement.cue.to_lowercase();
    if STANCE.stance_cues.iter().any(|c| cue.contains(c.as_str())) {
        return true;
    }
    words(&point.statement.content).iter().any(|w| STANCE.stance_words.contains(&w.lower))
}

/// Whether a statement names one occasion of a recurring act ("its weekly tender").
fn is_recurring(point: &StancePoint) -> bool {
    words(&point.statement.content).iter().any(|w| STANCE.recurrence.contains(&w.lower))
}

/// Why two dated points are two occasions rather than one stance changing:
/// windows that do not overlap when one names a recurring act ("next weekly
/// tender on March 9" then "on March 30"). A one-off deadline missed and set
/// again later is a slip, so a passed window alone proves nothing.
fn different_occasion(before: &StancePoint, after: &StancePoint) -> Option<String> {
    let (b, a) = (before.features.timeframe?, after.features.timeframe?);
    let disjoint = a.start > b.latest() || b.start > a.latest();
    if !disjoint {
        return None;
    }
    (is_recurring(before) || is_recurring(after))
        .then(|| format!("a recurring act: windows {} and {} are two occasions", b.start, a.start))
}
