//! Assessment: what the lexicon says about a stretch of words (negation
//! scope, modal level, retreat, hedges, boosters, condition, tone words),
//! before topic and time are considered.

use super::*;

/// What the lexicon says about a stretch of text, before topic and time are considered.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub polarity: Polarity,
    pub commitment: Commitment,
    /// 0..1 after hedges and boosters.
    pub certainty: f32,
    /// A modal or intention cue speaks of the future.
    pub future: bool,
    pub tone: f32,
    /// The signed score of every tone word counted, for combining with others.
    pub tone_words: Vec<f32>,
    /// Cues with spans relative to the assessed text.
    pub cues: Vec<Cue>,
}

/// Assesses a text (a clause or sentence), optionally around an anchor word at
/// byte offset `anchor`: the predicate whose commitment is wanted. With an
/// anchor only its clause is read, and only cues before it count (a modal at
/// most six words before it), so "he said the firm lost money and would
/// close" gives "lost" CT+ and "close" PR+.
pub fn assess(text: &str, anchor: Option<usize>) -> Assessment {
    assess_with(text, anchor, AssessOptions::default())
}

/// How [`assess_with`] reads a predicate, where annotation schemes differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AssessOptions {
    /// A bare infinitive that no modal, retreat or negation governs ("tried to
    /// reach", "agreed to sell") is only possible (PS+): right when the question
    /// is whether it happened (UW factuality); off when certainty is judged apart
    /// from time (MEANTIME, where "to sell" is CERTAIN and FUTURE).
    pub infinitives_unasserted: bool,
}

/// [`assess`] with options.
pub fn assess_with(text: &str, anchor: Option<usize>, options: AssessOptions) -> Assessment {
    let ws = words(text);
    let anchor_word = anchor.and_then(|a| ws.iter().position(|w| w.start <= a && a < w.end.max(w.start + 1)));
    let range = match anchor_word {
        Some(a) => clauses(&ws).into_iter().find(|r| r.contains(&a)).unwrap_or(0..ws.len()),
        None => 0..ws.len(),
    };
    let reading = if anchor_word.is_some() {
        Reading::Strict { infinitives_unasserted: options.infinitives_unasserted }
    } else {
        Reading::Statement
    };
    assess_words(text, &ws, range, anchor_word, Voice::Direct, reading)
}

/// A condition phrase in `ws[from..to]`: "only if/when/once/after", "unless",
/// "provided (that)", "as long as", "on condition"; its first and last word.
pub(super) fn condition_at(ws: &[Word], from: usize, to: usize) -> Option<(usize, usize)> {
    let w = |i: usize| ws.get(i).filter(|_| i < to).map_or("", |w| w.lower.as_str());
    (from..to).find_map(|i| match w(i) {
        "only" if matches!(w(i + 1), "if" | "when" | "once" | "after") => Some((i, i + 1)),
        "unless" => Some((i, i)),
        // "provided (that) the talks succeed", not the verb ("the order
        // provided for meetings", "the data was provided by the bank").
        "provided"
            if !matches!(w(i + 1), "for" | "by" | "to" | "with" | "in" | "under" | "as")
                && !matches!(
                    i.checked_sub(1).map_or("", |p| ws[p].lower.as_str()),
                    "has" | "have" | "had" | "was" | "were" | "is" | "are" | "be" | "been" | "and" | "also"
                ) =>
        {
            Some((i, i))
        }
        "as" if w(i + 1) == "long" && w(i + 2) == "as" => Some((i, i + 2)),
        "on" if w(i + 1) == "condition" => Some((i, i + 1)),
        _ => None,
    })
}

/// Words that end a negation's scope.
pub(super) fn ends_scope(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "." | "!" | "?" | "but" | "although" | "though" | "while" | "whereas" | "because"
    )
}

pub(super) fn cue(kind: CueKind, text: &str, ws: &[Word]) -> Cue {
    let (start, end) = (ws.first().map_or(0, |w| w.start), ws.last().map_or(0, |w| w.end));
    Cue { kind, text: text.get(start..end).unwrap_or("").to_string(), span: Span::new(start, end) }
}

pub(super) fn flip(level: Commitment) -> Commitment {
    match level {
        Commitment::Certain => Commitment::CertainNot,
        Commitment::Probable => Commitment::ProbableNot,
        Commitment::Possible => Commitment::PossibleNot,
        Commitment::CertainNot => Commitment::Certain,
        Commitment::ProbableNot => Commitment::Probable,
        Commitment::PossibleNot => Commitment::Possible,
        Commitment::Uncommitted => Commitment::Uncommitted,
    }
}

pub(super) fn base_certainty(level: Commitment) -> f32 {
    match level.score().abs() {
        3 => 0.9,
        2 => 0.7,
        1 => 0.45,
        _ => 0.2,
    }
}

/// Whose words are assessed: reported speech backshifts "will" to "would".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Voice {
    /// The speaker's own words, or a text read on its own.
    Direct,
    /// Reported speech, where "would" is the backshifted "will".
    Reported,
}

impl Voice {
    pub(super) fn of(kind: SpeechKind) -> Voice {
        if is_reported(kind) {
            Voice::Reported
        } else {
            Voice::Direct
        }
    }
}

/// How cues around the anchor count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// A statement's later modal still governs an earlier topic word ("a
    /// summit with X will happen").
    Statement,
    /// Cues after the anchor never count (the factuality reading);
    /// `infinitives_unasserted` as in [`AssessOptions`].
    Strict { infinitives_unasserted: bool },
}

/// The core decision over `ws[range]`, with `anchor` the predicate word if known.
pub(super) fn assess_words(
    text: &str,
    ws: &[Word],
    range: Range<usize>,
    anchor: Option<usize>,
    voice: Voice,
    reading: Reading,
) -> Assessment {
    let indirect = voice == Voice::Reported;
    let (strict, infinitives_unasserted) = match reading {
        Reading::Statement => (false, false),
        Reading::Strict { infinitives_unasserted } => (true, infinitives_unasserted),
    };
    let lex = lexicon();
    let mut cues: Vec<Cue> = Vec::new();
    let mut taken = vec![false; ws.len()];
    let take = |first: usize, last: usize, taken: &mut Vec<bool>| -> bool {
        if (first..=last).any(|i| taken[i]) {
            return false;
        }
        (first..=last).for_each(|i| taken[i] = true);
        true
    };
    let slice = &ws[range.clone()];
    let shift = |m: usize| m + range.start;

    // Retreat phrases first: they contain negations and modals of their own.
    let mut retreats = Vec::new();
    for m in lex.retreat.find_all(slice) {
        let (f, l) = (shift(m.first), shift(m.last));
        if take(f, l, &mut taken) {
            retreats.push((f, l, m.value));
        }
    }
    let mut modals = Vec::new();
    for m in lex.modals.find_all(slice) {
        let (f, l) = (shift(m.first), shift(m.last));
        if is_month_may(ws, f) {
            continue;
        }
        if take(f, l, &mut taken) {
            modals.push((f, l, m.value));
        }
    }
    let mut negations = Vec::new();
    for m in lex.negation.find_all(slice) {
        let (f, l) = (shift(m.first), shift(m.last));
        if take(f, l, &mut taken) {
            negations.push((f, l));
        }
    }
    // Negated modals ("won't", "couldn't") are negations too.
    for &(f, l, _) in &modals {
        if (f..=l).any(|i| is_negation_word(&ws[i].lower) || ws[i].lower == "cannot") {
            negations.push((f, l));
        }
    }
    negations.sort_unstable();
    let mut hedges = Vec::new();
    for m in lex.hedges.find_all(slice) {
        let (f, l) = (shift(m.first), shift(m.last));
        // "about a meeting" is a preposition; "about two weeks" a hedge.
        let approximator = f == l && matches!(ws[f].lower.as_str(), "about" | "around" | "roughly");
        let number = crate::lexicon::is_number_word;
        let unit = |w: &str| {
            matches!(
                w,
                "day"
                    | "week"
                    | "fortnight"
                    | "month"
                    | "year"
                    | "decade"
                    | "hour"
                    | "dozen"
                    | "hundred"
                    | "thousand"
                    | "million"
                    | "billion"
                    | "third"
                    | "quarter"
                    | "half"
                    | "few"
            )
        };
        let quantity = ws.get(l + 1).is_some_and(|n| {
            number(&n.lower)
                || matches!(n.lower.as_str(), "a" | "an") && ws.get(l + 2).is_some_and(|u| unit(&u.lower))
        });
        if approximator && !quantity {
            continue;
        }
        if take(f, l, &mut taken) {
            hedges.push((f, l));
        }
    }
    let mut boosters = Vec::new();
    for m in lex.boosters.find_all(slice) {
        let (f, l) = (shift(m.first), shift(m.last));
        if take(f, l, &mut taken) {
            boosters.push((f, l));
        }
    }

    // Cues on the predicate itself ("plans", "denied" as predicates) do not govern it.
    let before_anchor = |i: usize| anchor.is_none_or(|a| i < a);
    // The modal governing the predicate: the last one before it (the first one without a predicate).
    let near_anchor = |l: usize| anchor.is_none_or(|a| a.saturating_sub(l) <= 6);
    let governing = match anchor {
        // Strict: the nearest modal before the predicate, else one right after a
        // nominal subject ("the transaction should be completed").
        Some(a) if strict => modals
            .iter()
            .rev()
            .find(|(f, l, _)| before_anchor(*f) && near_anchor(*l))
            .or_else(|| modals.iter().find(|(f, _, _)| *f > a && *f <= a + 2)),
        Some(_) => modals.iter().rev().find(|(f, _, _)| before_anchor(*f)).or(modals.first()),
        None => modals.first(),
    };
    let retreat = match anchor {
        Some(_) if strict => retreats.iter().rev().find(|(f, _, _)| before_anchor(*f)),
        Some(_) => retreats.iter().rev().find(|(f, _, _)| before_anchor(*f)).or(retreats.first()),
        None => retreats.first(),
    };

    // Negation scope: from the cue to the end of its clause; it applies when
    // the predicate (or, without one, the governing modal) lies inside.
    // Without a predicate, a negation counts before the modal or right after it ("might not").
    let target = anchor.or(governing.map(|g| (g.1 + 2).min(range.end.saturating_sub(1))));
    let in_scope = |(f, _l): (usize, usize)| -> bool {
        let Some(t) = target else { return true };
        if t < f || (anchor.is_some() && t == f) {
            return false;
        }
        !(f + 1..t).any(|i| ends_scope(&ws[i].lower))
    };
    // Strict: the negation must sit in the predicate's own verb group ("did not
    // meet", "won't be able to meet"), not on another verb whose object it is.
    let in_verb_group = |(f, l): (usize, usize)| -> bool {
        let Some(a) = anchor.filter(|_| strict) else { return true };
        // Negating verbs ("denied that ...", "refused to ...") scope over their whole complement.
        if ws[f].lower.len() > 4 && !is_negation_word(&ws[f].lower) && ws[f].lower != "cannot" && a <= l + 4 {
            return true;
        }
        (l + 1..a).all(|i| {
            let w = ws[i].lower.as_str();
            matches!(
                w,
                "be" | "been"
                    | "being"
                    | "have"
                    | "has"
                    | "had"
                    | "do"
                    | "does"
                    | "did"
                    | "to"
                    | "ever"
                    | "yet"
                    | "also"
                    | "just"
                    | "even"
                    | "always"
                    | "able"
                    | "going"
                    | "get"
                    | "got"
            ) || (w.len() > 4 && w.ends_with("ly"))
                || lex.modals.match_at(ws, i).is_some()
        })
    };
    let negated: Vec<(usize, usize)> =
        negations.iter().copied().filter(|&n| in_scope(n) && in_verb_group(n)).collect();

    let mut level = match (retreat, governing) {
        (Some(&(_, _, r)), _) => r,
        (None, Some(&(f, l, m))) => {
            let is_would = ws[f..=l].iter().any(|w| matches!(w.lower.as_str(), "would" | "'d"));
            if is_would && indirect {
                Commitment::Certain
            } else {
                m
            }
        }
        (None, None) => Commitment::Certain,
    };
    if retreat.is_none() && negated.len() % 2 == 1 {
        level = flip(level);
    }
    // A predicate inside a condition ("if talks resume") is not asserted either way.
    let conditional = anchor.and_then(|a| {
        (range.start..a)
            .rev()
            .take_while(|&i| !ends_scope(&ws[i].lower))
            .find(|&i| matches!(ws[i].lower.as_str(), "if" | "unless" | "whether"))
    });
    // A purpose ("in order to bring", "in an effort to evade") is aimed at, not asserted.
    let purpose = anchor.is_some_and(|a| {
        let w = |i: usize| if i >= range.start && i < a { ws[i].lower.as_str() } else { "" };
        let to_at = (1..=2).map(|back| a.wrapping_sub(back)).find(|&i| w(i) == "to");
        to_at.is_some_and(|t| {
            matches!(w(t.wrapping_sub(1)), "order" | "effort" | "attempt" | "bid")
                || (t == range.start && ws[t].capitalized)
        })
    });
    if conditional.is_some() || (strict && purpose) {
        level = Commitment::Uncommitted;
    }
    // "did not want a wasted meeting": refusing a kind of meeting is a condition
    // on meeting, not a refusal to meet.
    let qualified = anchor.filter(|_| negated.len() % 2 == 1).and_then(|a| {
        let desire = negated.first().is_some_and(|&(f, _)| {
            (f..a).any(|i| matches!(ws[i].lower.as_str(), "want" | "wants" | "wanted" | "wish" | "like"))
        });
        let modifier = (range.start..a).rev().find(|&i| ws[i].lower.chars().any(char::is_alphanumeric))?;
        (desire && is_evaluative_modifier(&ws[modifier].lower)).then_some(modifier)
    });
    if let Some(m) = qualified {
        level = Commitment::Uncommitted;
        cues.push(cue(CueKind::Hedge, text, &ws[m..=m]));
    }
    // "he would meet Putin only when he was confident …": a condition after the
    // predicate makes a promise conditional, at most possible.
    let condition_after = condition_at(ws, anchor.map_or(range.start, |a| a + 1), range.end);
    if let Some((f, l)) = condition_after {
        if level.score() > 1 {
            level = Commitment::Possible;
        }
        cues.push(cue(CueKind::Hedge, text, &ws[f..=l]));
    }
    // A bare infinitive ("tried to reach", "agreed to sell") that no modal,
    // retreat or negation governs is aimed at, not asserted as done.
    let infinitive = anchor.is_some_and(|a| a > range.start && ws[a - 1].lower == "to");
    if infinitives_unasserted
        && infinitive
        && governing.is_none()
        && retreat.is_none()
        && negated.is_empty()
        && conditional.is_none()
    {
        level = Commitment::Possible;
    }

    for &(f, l, _) in &retreats {
        cues.push(cue(CueKind::Retreat, text, &ws[f..=l]));
    }
    for &(f, l, _) in &modals {
        cues.push(cue(CueKind::Modal, text, &ws[f..=l]));
    }
    for &(f, l) in &negated {
        cues.push(cue(CueKind::Negation, text, &ws[f..=l]));
    }
    for &(f, l) in &hedges {
        cues.push(cue(CueKind::Hedge, text, &ws[f..=l]));
    }
    for &(f, l) in &boosters {
        cues.push(cue(CueKind::Booster, text, &ws[f..=l]));
    }

    // Tone: mean of tone words, sign flipped by a negation within three words
    // before. Words inside a condition ("only when he was confident a deal
    // could be reached") describe the condition, not the speaker's attitude.
    let condition_start = (range.start..range.end)
        .find(|&i| {
            matches!(ws[i].lower.as_str(), "if" | "unless" | "whether")
                || condition_at(ws, i, range.end).is_some_and(|(f, _)| f == i)
        })
        .unwrap_or(range.end);
    let mut tones = Vec::new();
    for m in lex.tone.find_all(slice) {
        let (f, l) = (shift(m.first), shift(m.last));
        if f >= condition_start {
            continue;
        }
        let flipped = (f.saturating_sub(3)..f).any(|i| {
            i >= range.start && (lex.negation.match_at(ws, i).is_some() || is_negation_word(&ws[i].lower))
        });
        tones.push(if flipped { -m.value } else { m.value });
        cues.push(cue(CueKind::Tone, text, &ws[f..=l]));
    }
    let tone = combined_tone(&tones);

    // A weaker modal beside the governing one ("will probably") hedges it.
    let weaker_modals = match (retreat, governing) {
        (None, Some(&(gf, _, g))) => {
            modals.iter().filter(|&&(f, _, m)| f != gf && m.score() < g.score()).count()
        }
        _ => 0,
    };
    let certainty = (base_certainty(level) - 0.1 * (hedges.len() + weaker_modals) as f32
        + 0.1 * boosters.len() as f32)
        .clamp(0.0, 1.0);
    let polarity = match level.score() {
        s if s > 0 => Polarity::Positive,
        s if s < 0 => Polarity::Negative,
        _ => Polarity::Unknown,
    };
    cues.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| kind_rank(a.kind).cmp(&kind_rank(b.kind))));
    cues.dedup();
    // Ability modals ("can meet") say nothing about the future.
    let future = governing.is_some_and(|&(f, l, _)| {
        !ws[f..=l].iter().any(|w| matches!(w.lower.as_str(), "can" | "cannot" | "can't"))
    }) || retreat
        .is_some_and(|&(f, l, _)| ws[f..=l].iter().any(|w| w.lower.starts_with("plan")));
    Assessment { polarity, commitment: level, certainty, future, tone, tone_words: tones, cues }
}

/// Whether the word at `i` is the month May, not the modal: capitalized
/// inside a sentence ("rose 3 pct in May"), or before a day number or a year
/// anywhere ("May 7", "May 1986"). In Reuters' 1987 wires the month read as a
/// hedge stood behind a sixth of the flagged shifts.
fn is_month_may(ws: &[Word], i: usize) -> bool {
    let Some(word) = ws.get(i) else { return false };
    if word.lower != "may" || !word.capitalized {
        return false;
    }
    let before_number =
        ws.get(i + 1).is_some_and(|next| next.lower.starts_with(|c: char| c.is_ascii_digit()));
    let inside_sentence = i > 0 && ws[i - 1].lower.chars().any(char::is_alphanumeric);
    before_number || inside_sentence
}
