//! The checks a pair of stance points must pass before a change between them
//! is flagged. Each one answers a way real news fooled word-level comparison
//! (measured on PolNeAR, Reuters-21578 and SOTU flags judged by hand): past
//! facts and statistics read as stances, questions and conditions read as
//! commitments, other people's words, different propositions that share
//! words, and recurring acts (a weekly tender) read as a changing deadline.

use std::sync::LazyLock;

use stanceshift_core::{ActorId, Commitment, CueKind, ShiftKind, StancePoint, Unflagged};

use crate::lexicon::words;
use crate::stance::shift::{is_by_proxy, is_quote};

/// Shared-argument identity below which two statements are different
/// propositions, when every argument weighs alike (a corpus too small for
/// word statistics).
pub const MIN_IDENTITY: f32 = 0.25;

/// The same when arguments weigh by their specificity in the corpus. Chosen
/// on the flags of PolNeAR, Reuters-21578 and SOTU judged by hand
/// (`data/gold/shift-judgments.tsv`): every flag below 0.7 was wrong (22 of
/// 22), the right ones were all at 0.71 or above.
pub const MIN_IDENTITY_WEIGHTED: f32 = 0.7;

/// Least summed specificity (idf above its floor) of the arguments two
/// statements share, across a corpus, for them to be one proposition: about
/// one word found in fewer than one article in seven, or a name in fewer
/// than one in four. "win nomination", "meet goal", "start winning" share
/// only what a whole campaign or every address talks of. Chosen on the
/// judged flags (`data/gold/shift-judgments.tsv`): the 6 flags below 2.0
/// were all wrong, the 7 right ones were at 2.2 or above.
pub const MIN_SHARED_SPECIFICITY: f32 = 2.0;

/// How far two statements share their specific arguments (0..1), and whether
/// corpus statistics weighed them (the two scales have their own minimum).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Identity {
    pub value: f32,
    pub weighted: bool,
    /// The summed specificity of the arguments the two share (0 when
    /// unweighted): how much the shared words pick out on their own.
    pub shared: f32,
}

impl Identity {
    /// The least identity of one proposition on this identity's scale.
    pub fn minimum(self) -> f32 {
        if self.weighted {
            MIN_IDENTITY_WEIGHTED
        } else {
            MIN_IDENTITY
        }
    }
}

/// How strong a tone must be on both sides of a tone shift (on -1..1).
const CLEAR_TONE: f32 = 0.5;

/// Word-for-word overlap (share of the shorter side's words) at or above
/// which two statements are one remark restated.
const RESTATED: f32 = 0.8;

/// Fewest words a statement needs before a repeat of it counts as one remark restated.
const MIN_RESTATED_WORDS: usize = 8;

/// Days after an earlier window's end beyond which a later window is a new
/// occasion: deadlines that slip are reset within months, budgets and annual
/// programmes recur every year.
const PASSED_LONG_AGO_DAYS: i64 = 180;

/// Our lists from `stance.txt`.
struct StanceWords {
    stance_words: crate::FastSet<String>,
    stance_cues: Vec<String>,
    recurrence: crate::FastSet<String>,
    revision: crate::FastSet<String>,
    revision_of_date: crate::FastSet<String>,
    date_noun: crate::FastSet<String>,
    one_off: crate::FastSet<String>,
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
        revision: list("revision").into_iter().collect(),
        revision_of_date: list("revision_of_date").into_iter().collect(),
        date_noun: list("date_noun").into_iter().collect(),
        one_off: list("one_off").into_iter().collect(),
    }
});

/// Why `before` -> `after` must not be flagged as `kind`, if it must not.
/// `identity` is how far the two share their specific arguments (0..1).
pub fn check(
    actor: &ActorId,
    kind: ShiftKind,
    before: &StancePoint,
    after: &StancePoint,
    identity: Identity,
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
    // A forecast moved ("is expected to be completed in October 1990",
    // "GDP should grow 2.3 pct in 1988") is an outlook revised, not a
    // commitment's deadline slipping.
    if kind == ShiftKind::TimelineSlip
        && (crate::stance::ledger::is_forecast(before) || crate::stance::ledger::is_forecast(after))
    {
        return Err((Unflagged::NotAStance, "a forecast, not a commitment: its date is no deadline".into()));
    }
    // The same remark reported twice within days ("he opposes legislation to
    // deny primary dealer status to firms from countries that do not grant
    // …"): the reporters' verbs differ, the remark does not.
    let days = (after.statement.date.date - before.statement.date.date).num_days().abs();
    if kind != ShiftKind::ToneShift && days <= REPRINT_DAYS {
        let overlap = word_overlap(before, after);
        if overlap >= RESTATED {
            return Err((
                Unflagged::ToneNoise,
                format!("the same remark reported twice {days} days apart (overlap {overlap:.2})"),
            ));
        }
    }
    if kind == ShiftKind::TimelineSlip {
        if let Some(date) = later_date_named_before(before, after) {
            return Err((
                Unflagged::DifferentProposition,
                format!("the later date '{date}' is in the earlier words already: the date did not move, the earlier one was another part's"),
            ));
        }
    }
    if let Some(why) = different_occasion(before, after) {
        return Err((Unflagged::DifferentOccasion, why));
    }
    // Before its window has closed, naming a later one moves the date ("by
    // the end of the month", then on the 29th "early next year"); so does a
    // later date for an act done once ("finished early next year"). Once it
    // has closed, a later window for an act that recurs is another occasion
    // (this July's price rise, then January's) unless the words say the date moved.
    let earlier_closed = before.features.timeframe.is_some_and(|w| after.statement.date.date > w.latest());
    if kind == ShiftKind::TimelineSlip && earlier_closed && is_another_occasion(before, after) {
        return Err((
            Unflagged::DifferentOccasion,
            "the earlier window had closed and the later words do not say the date moved (extended, postponed, new, again …): another occasion"
                .into(),
        ));
    }
    if identity.value < identity.minimum() {
        return Err((
            Unflagged::DifferentProposition,
            format!("shared arguments {:.2} < {:.2}", identity.value, identity.minimum()),
        ));
    }
    if identity.weighted && identity.shared < MIN_SHARED_SPECIFICITY {
        return Err((
            Unflagged::DifferentProposition,
            format!(
                "the shared arguments pick out nothing in particular (specificity {:.2} < {MIN_SHARED_SPECIFICITY:.2})",
                identity.shared
            ),
        ));
    }
    if kind == ShiftKind::ToneShift && (is_by_proxy(actor, before) || is_by_proxy(actor, after)) {
        return Err((Unflagged::ToneNoise, "tone compared only between the actor's own words".into()));
    }
    // Tone is read from words, and the words around a remark move it a
    // little either way: a change of tone is praise turned into blame (or
    // back), each side clearly toned ("productive and constructive", then "a
    // disaster"), or a move between two of the actor's own quotes. Of the
    // tone shifts judged on real corpora, all but one short of that were wrong.
    let (bt, at) = (before.features.tone, after.features.tone);
    let flipped = bt.abs() >= CLEAR_TONE && at.abs() >= CLEAR_TONE && bt * at < 0.0;
    if kind == ShiftKind::ToneShift && !flipped && !(is_quote(before) && is_quote(after)) {
        return Err((
            Unflagged::ToneNoise,
            format!("tone {bt:+.2} -> {at:+.2}: neither praise turned into blame nor quote against quote"),
        ));
    }
    // The same quote in two articles, the same sentence in next year's speech:
    // the tone moved only with the words around it.
    if kind == ShiftKind::ToneShift {
        let overlap = word_overlap(before, after);
        if overlap >= RESTATED {
            return Err((Unflagged::ToneNoise, format!("the same words restated (overlap {overlap:.2})")));
        }
    }
    Ok(())
}

/// Whether a point can stand as the actor's stance that later points are
/// measured against: the actor's (or its proxy's) own position, neither a
/// question, a condition nor a report of facts. A conditional remark between
/// an offer and its withdrawal ("for the price to be raised, …") must not
/// become the baseline, or the withdrawal is measured against it.
pub fn can_anchor(actor: &ActorId, point: &StancePoint) -> bool {
    other_speaker(actor, point).is_none() && embedded(point).is_none() && is_stance(point)
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
    // "For the tender price to be raised, Cyclops must provide …": the
    // conditions of an act, not a position on it.
    let opening: Vec<String> = words(&point.statement.content).into_iter().take(8).map(|w| w.lower).collect();
    if first == "for" && opening.windows(2).any(|w| w[0] == "to" && w[1] == "be") {
        return Some("a condition (for … to be …)");
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

/// How far the shorter of two statements repeats the other word for word:
/// the share of its words inside a run of three or more words the other also
/// has. 1 when one quotes the other ("I love Oreos. I will never eat them
/// again" inside "''I love Oreos,'' he said, ''I will never eat them
/// again''"); low for the same intention said again in new words ("We still
/// intend to conclude the agreement, but we will not be bullied").
fn word_overlap(a: &StancePoint, b: &StancePoint) -> f32 {
    let seq = |p: &StancePoint| -> Vec<String> {
        words(&p.statement.content)
            .into_iter()
            .filter(|w| w.lower.chars().any(char::is_alphanumeric))
            .map(|w| w.lower)
            .collect()
    };
    let (x, y) = (seq(a), seq(b));
    let (shorter, longer) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    // A short formula ("we intend to conclude the agreement") is said again
    // on new occasions; only a longer run of words repeated is one remark.
    if shorter.len() < MIN_RESTATED_WORDS {
        return 0.0;
    }
    let runs: std::collections::BTreeSet<&[String]> = longer.windows(3).collect();
    let mut covered = vec![false; shorter.len()];
    for (i, run) in shorter.windows(3).enumerate() {
        if runs.contains(run) {
            covered[i..i + 3].iter_mut().for_each(|c| *c = true);
        }
    }
    covered.iter().filter(|&&c| c).count() as f32 / shorter.len() as f32
}

/// Days within which two reports of one remark are a reprint, whatever their verbs.
const REPRINT_DAYS: i64 = 7;

/// Whether `after`, said once `before`'s window had passed, is about another
/// occasion of a recurring act (next January's price rise after July's)
/// rather than the same act late: the act recurs and nothing says its date
/// moved.
pub fn is_another_occasion(before: &StancePoint, after: &StancePoint) -> bool {
    let predicate = before.features.topic.key.split_whitespace().next().unwrap_or("");
    !STANCE.one_off.contains(predicate) && !says_date_moved(after)
}

/// The words of the later window when the earlier statement named that
/// window already: "a package in early April, in time for his visit starting
/// on April 29", then "a package in time for his visit starting on April 29"
/// restates the visit's date; the earlier timeframe was the package's.
fn later_date_named_before(before: &StancePoint, after: &StancePoint) -> Option<String> {
    let later = after.features.timeframe?;
    stanceshift_timex::find(&before.statement.content, before.statement.date.date)
        .into_iter()
        .find(|t| t.window.is_some_and(|w| w.start == later.start && w.end == later.end))
        .map(|t| t.text)
}

/// Whether a statement says that a date was moved ("extended … to April 6",
/// "the new target date", "adjourned to June 30").
fn says_date_moved(point: &StancePoint) -> bool {
    let ws = words(&point.statement.content);
    ws.iter().enumerate().any(|(i, w)| {
        STANCE.revision.contains(&w.lower)
            || STANCE.revision_of_date.contains(&w.lower)
                && ws[i + 1..].iter().take(3).any(|n| STANCE.date_noun.contains(&n.lower))
    })
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
    // "This year", "the years ahead", "next week" said again on a later day
    // name a later window only because the day of speaking moved.
    let time_words = |p: &StancePoint| {
        p.features.cues.iter().find(|c| c.kind == CueKind::Timeframe).map(|c| c.text.trim().to_lowercase())
    };
    if let (Some(bt), Some(at)) = (time_words(before), time_words(after)) {
        if bt == at && a != b {
            return Some(format!(
                "the same words '{bt}' said again later: the window moved with the day of speaking"
            ));
        }
    }
    // A window that had passed long before the later words were said ("a
    // balanced budget next year", then three years on "in fiscal 1962") is a
    // new occasion, not the old deadline moved.
    let said = after.statement.date.date;
    if (said - b.latest()).num_days() > PASSED_LONG_AGO_DAYS {
        return Some(format!(
            "the earlier window ended {} and the later words came {} days after it: a new occasion",
            b.latest(),
            (said - b.latest()).num_days()
        ));
    }
    let disjoint = a.start > b.latest() || b.start > a.latest();
    if !disjoint {
        return None;
    }
    (is_recurring(before) || is_recurring(after))
        .then(|| format!("a recurring act: windows {} and {} are two occasions", b.start, a.start))
}
