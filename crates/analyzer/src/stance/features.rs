//! Stance features of one statement on one topic: the clauses that name the
//! topic, assessed, with timeframe, futurity and the reporting verb's cue.

use super::*;

/// Features of `statement` on `topic`. Only the clauses of the statement that
/// mention the topic are read (so "he would meet X soon and the ministers
/// would meet later" gives each topic its own modal and timeframe). Never panics.
pub fn features(statement: &Statement, topic: &Topic) -> StanceFeatures {
    let text = statement.content.as_str();
    let base = statement.content_span.start;
    let ws = statement_words(statement);
    let topic_terms: Vec<String> = topic.key.split_whitespace().map(str::to_string).collect();
    let clauses = clauses(&ws);

    // Pick the clauses that mention the most topic terms (all of them if none do).
    let on_topic = |w: &Word| topic_terms.iter().any(|t| matches_term(&w.lower, t));
    // Distinct topic terms a clause mentions ("meeting ... summit" is one term).
    let hits = |r: &Range<usize>| {
        topic_terms.iter().filter(|t| ws[r.clone()].iter().any(|w| matches_term(&w.lower, t))).count()
    };
    let best = clauses.iter().map(hits).max().unwrap_or(0);
    let contrastive = |r: &Range<usize>| {
        r.start > 0 && matches!(ws[r.start - 1].lower.as_str(), "but" | "though" | "although" | "yet")
    };
    let names_predicate = |r: &Range<usize>| {
        topic_terms.first().is_some_and(|p| ws[r.clone()].iter().any(|w| &topic_term(&w.lower) == p))
    };
    let scope: Vec<Range<usize>> = if best == 0 {
        std::iter::once(0..ws.len()).collect()
    } else {
        let mut scope: Vec<Range<usize>> = clauses.iter().filter(|r| hits(r) == best).cloned().collect();
        // "I hope we don't have to use these powers, but ... we shall use
        // them": a later clause after "but" that names the act again is the
        // point, though it repeats fewer of the topic's words.
        let first = scope.first().map_or(0, |r| r.start);
        if let Some(r) = clauses.iter().rfind(|r| r.start > first && contrastive(r) && names_predicate(r)) {
            if !scope.contains(r) {
                scope.push(r.clone());
            }
        }
        scope
    };

    let voice = Voice::of(statement.kind);
    let mut cues = Vec::new();
    let mut parts = Vec::new();
    let mut anchors = Vec::new();
    for range in &scope {
        // The predicate is the first topic word that is not an argument name.
        let anchor =
            range.clone().find(|&i| topic_terms.first().is_some_and(|p| &topic_term(&ws[i].lower) == p));
        anchors.push(anchor);
        for i in range.clone() {
            if on_topic(&ws[i]) {
                cues.push(cue(CueKind::Topic, text, &ws[i..=i]));
            }
        }
        parts.push(assess_words(text, &ws, range.clone(), anchor, voice, Reading::Statement));
    }
    // With several equally relevant clauses, one after "but" or "though" carries
    // the point ("preparations were continuing but no dates had been set");
    // otherwise the most committed reading wins (ties: the first clause), so a
    // stray clause does not mask the main claim.
    let contrasted = (scope.len() > 1).then(|| scope.iter().rposition(contrastive)).flatten();
    let best_part = contrasted.or_else(|| {
        parts
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (a.commitment.score().abs(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    });
    let mut main = best_part
        .map(|i| parts[i].clone())
        .unwrap_or_else(|| assess_words(text, &ws, 0..0, None, voice, Reading::Statement));
    // "he might still meet Putin, but only if there was a real chance": the
    // condition in the next clause qualifies the main one.
    if let Some(range) = best_part.and_then(|i| scope.get(i)) {
        let next = (range.end..(range.end + 2).min(ws.len()))
            .find(|&i| !matches!(ws[i].lower.as_str(), "," | "but" | "and" | "—" | "–" | ";"))
            .unwrap_or(range.end);
        if let Some((f, l)) = condition_at(&ws, next, (next + 3).min(ws.len()))
            .or_else(|| (next < ws.len() && matches!(ws[next].lower.as_str(), "if")).then_some((next, next)))
        {
            if main.commitment.score() > 1 {
                main.commitment = Commitment::Possible;
                main.certainty = base_certainty(Commitment::Possible);
            }
            cues.push(cue(CueKind::Hedge, text, &ws[f..=l]));
        }
    }
    cues.extend(parts.iter().flat_map(|p| p.cues.iter().filter(|c| c.kind != CueKind::Tone).cloned()));
    // Tone is the speaker's, over the whole statement: "…, but we will not be
    // bullied" colours the intention in the clause before it.
    let whole = assess_words(text, &ws, 0..ws.len(), None, voice, Reading::Statement);
    cues.extend(whole.cues.iter().filter(|c| c.kind == CueKind::Tone).cloned());
    let cue_tones = cue_tone(statement);
    let values: Vec<f32> =
        whole.tone_words.iter().copied().chain(cue_tones.iter().map(|(v, _)| *v)).collect();
    main.tone = combined_tone(&values);

    // "The ministry plans to close two offices": an intention's verb is the
    // modal of the infinitive it reports, unless the words carry their own.
    let intention = intention_cue(statement, &ws);
    if let Some((level, _)) = &intention {
        let own = main.cues.iter().any(|c| matches!(c.kind, CueKind::Modal | CueKind::Retreat));
        if !own {
            let negated = main.commitment.score() < 0;
            main.commitment = if negated { flip(*level) } else { *level };
            main.certainty = base_certainty(main.commitment);
            main.future = true;
        }
    }
    let mut certainty = main.certainty;
    let verb_cue = reporting_verb_cue(statement);
    if let Some(verb_cue) = &verb_cue {
        certainty += if verb_cue.kind == CueKind::Booster { 0.1 } else { -0.1 };
    }

    // Timeframe: a time expression inside the chosen clauses, resolved against the statement date.
    // The contrasted clause sets the timeframe too: "work would begin
    // immediately, though it gave no date for the meeting" names no date.
    let time_scope: Vec<Range<usize>> = match contrasted {
        Some(i) => vec![scope[i].clone()],
        None => scope.clone(),
    };
    // Byte range of a clause: words a referent added carry earlier offsets.
    let bytes = |r: &Range<usize>| {
        let start = ws[r.clone()].iter().map(|w| w.start).min().unwrap_or(0);
        let end = ws[r.clone()].iter().map(|w| w.end).max().unwrap_or(0);
        (start, end)
    };
    let in_scope = |s: &Span| {
        time_scope.iter().filter(|r| r.start < r.end && r.end <= ws.len()).any(|r| {
            let (start, end) = bytes(r);
            start <= s.start && s.end <= end
        })
    };
    let times = stanceshift_timex::find(text, statement.date.date);
    let chosen = times
        .iter()
        .filter(|t| in_scope(&t.span) && t.window.is_some())
        .filter(|t| t.direction != Some(stanceshift_timex::Direction::Past))
        // "now", "today": the moment of speaking is no timeframe for a promise.
        .filter(|t| t.window.is_some_and(|w| w.end > statement.date.date))
        // A precise one before a vague one ("pretty soon, next week"), then the
        // first: later ones tend to qualify something else ("..., abandoning her
        // pledge to sign by the end of September").
        .min_by_key(|t| (t.vague, t.span.start));
    // "their teams would start preparing the meeting without delay": what is
    // promised is the preparation, its date is the preparation's, and the
    // event itself is only planned.
    let preparing = best_part.and_then(|i| anchors[i]).is_some_and(|a| {
        (a.saturating_sub(3)..a).any(|k| {
            let w = ws[k].lower.as_str();
            w.starts_with("prepar") || w.starts_with("organi") || w.starts_with("arrang") || w == "planning"
        })
    });
    let chosen = chosen.filter(|_| !preparing);
    if preparing && main.commitment.score() > 2 {
        main.commitment = Commitment::Probable;
        main.certainty = base_certainty(Commitment::Probable);
    }
    let timeframe: Option<DateWindow> = chosen.and_then(|t| t.window);
    if let Some(t) = chosen {
        cues.push(Cue { kind: CueKind::Timeframe, text: t.text.clone(), span: t.span });
    }
    let future = main.future
        || chosen.is_some_and(|t| t.direction == Some(stanceshift_timex::Direction::Future))
        || main.cues.iter().any(|c| c.kind == CueKind::Retreat && c.text.contains("plan"));

    for c in &mut cues {
        c.span = Span::new(c.span.start + base, c.span.end + base);
    }
    // The reporting verb, its tone and its intention already have article spans.
    cues.extend(verb_cue);
    cues.extend(intention.map(|(_, c)| c));
    cues.extend(cue_tones.into_iter().map(|(_, c)| c));
    cues.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| kind_rank(a.kind).cmp(&kind_rank(b.kind))));
    cues.dedup();

    // "X declined to comment": no content, and the refusal itself is the stance.
    let (polarity, commitment) = if statement.kind == SpeechKind::NoComment {
        cues.insert(0, Cue { kind: CueKind::Retreat, text: statement.cue.clone(), span: statement.cue_span });
        certainty = base_certainty(Commitment::Uncommitted);
        (Polarity::Unknown, Commitment::Uncommitted)
    } else {
        (main.polarity, main.commitment)
    };
    StanceFeatures {
        topic: topic.clone(),
        polarity,
        commitment,
        certainty: certainty.clamp(0.0, 1.0),
        future,
        timeframe,
        tone: main.tone,
        cues,
    }
}

/// Reported rather than quoted words, where "would" is the backshifted "will".
pub(super) fn is_reported(kind: SpeechKind) -> bool {
    matches!(kind, SpeechKind::Indirect | SpeechKind::Mixed | SpeechKind::AccordingTo | SpeechKind::Position)
}

/// The level of an intention cue ("plans", "wants", "vowed") reporting an
/// infinitive ("to close two offices"), with the cue as evidence: the modal
/// lexicon's "plans to", "vowed to" read across the cue and the content.
pub(super) fn intention_cue(statement: &Statement, ws: &[Word]) -> Option<(Commitment, Cue)> {
    if statement.kind != SpeechKind::Position || ws.first().is_none_or(|w| w.lower != "to") {
        return None;
    }
    let cue_words = words(&statement.cue);
    let last = cue_words.last()?;
    let m = lexicon().modals.match_at(&words(&format!("{} to", last.lower)), 0)?;
    let text = statement.cue.get(last.start..last.end)?.to_string();
    let start = statement.cue_span.start + last.start;
    Some((
        m.value,
        Cue { kind: CueKind::Modal, text, span: Span::new(start, start + (last.end - last.start)) },
    ))
}

/// Whether a word stands for a topic term: same canonical term, or a part of
/// an actor id term ("putin" for `vladimir-putin`).
pub(super) fn matches_term(lower: &str, term: &str) -> bool {
    topic_term(lower) == term || (term.contains('-') && term.split('-').any(|part| part == lower))
}

/// The reporting verb as a hedge ("suggested") or booster ("insisted"), with its article span.
pub(super) fn reporting_verb_cue(statement: &Statement) -> Option<Cue> {
    let lex = lexicon();
    let ws = words(&statement.cue);
    let (kind, m) = (0..ws.len()).find_map(|i| {
        lex.boosters
            .match_at(&ws, i)
            .map(|m| (CueKind::Booster, m))
            .or_else(|| lex.hedges.match_at(&ws, i).map(|m| (CueKind::Hedge, m)))
    })?;
    let start = statement.cue_span.start + ws[m.first].start;
    let end = statement.cue_span.start + ws[m.last].end;
    Some(Cue {
        kind,
        text: statement.cue.get(ws[m.first].start..ws[m.last].end)?.to_string(),
        span: Span::new(start, end),
    })
}

pub(super) fn kind_rank(kind: CueKind) -> u8 {
    match kind {
        CueKind::Topic => 0,
        CueKind::Retreat => 1,
        CueKind::Negation => 2,
        CueKind::Modal => 3,
        CueKind::Hedge => 4,
        CueKind::Booster => 5,
        CueKind::Timeframe => 6,
        CueKind::Tone => 7,
    }
}
