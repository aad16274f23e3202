//! Tone of a statement: its tone words and its cue's, combined.

use super::*;

/// Tone of a whole statement, -1..1, from the tone lexicon: its words and
/// its cue's ("criticized", "praised": a judgement's tone is in its verb).
pub fn tone(statement: &Statement) -> f32 {
    let ws = words(&statement.content);
    // Only commitment reads the backshift; tone words are the same either way.
    let voice = Voice::of(statement.kind);
    let mut values =
        assess_words(&statement.content, &ws, 0..ws.len(), None, voice, Reading::Statement).tone_words;
    values.extend(cue_tone(statement).iter().map(|(v, _)| *v));
    combined_tone(&values)
}

/// Tone words of the reporting cue, with their article spans.
pub(super) fn cue_tone(statement: &Statement) -> Vec<(f32, Cue)> {
    let ws = words(&statement.cue);
    lexicon()
        .tone
        .find_all(&ws)
        .into_iter()
        .map(|m| {
            let (start, end) = (ws[m.first].start, ws[m.last].end);
            let span = Span::new(statement.cue_span.start + start, statement.cue_span.start + end);
            let text = statement.cue.get(start..end).unwrap_or("").to_string();
            (m.value, Cue { kind: CueKind::Tone, text, span })
        })
        .collect()
}

/// Tone of a set of tone words: their sum over the square root of their
/// number (many mild words weigh like a few strong ones), clamped to -1..1.
pub(super) fn combined_tone(values: &[f32]) -> f32 {
    if values.is_empty() {
        0.0
    } else {
        (values.iter().sum::<f32>() / (values.len() as f32).sqrt()).clamp(-1.0, 1.0)
    }
}
