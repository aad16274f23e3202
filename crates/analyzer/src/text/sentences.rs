//! Sentence splitting with byte offsets into the original body.
//!
//! Uses the `sentencex` crate (rule-based, abbreviation lists per language,
//! keeps quoted sentences together, ~60 MB/s): it already survives "Mr.",
//! "U.S.", "Jan. 5", "3 p.m.", initials and quotes spanning sentences. Three
//! repairs on top: a sentence is merged with the next when the next starts
//! with a lowercase letter or a digit (a missed abbreviation such as
//! "approx. 5") or when a quote ending in "?" or "!" is followed by its
//! attribution ("“Why not?” Trump asked."), and paragraph numbers are
//! assigned so that quotes spanning paragraphs can be followed.

use stanceshift_core::Span;

/// One sentence: its trimmed byte span and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// 0-based paragraph number (paragraphs are separated by a blank line or
    /// by a line break followed by indentation, as in wire copy).
    pub paragraph: usize,
}

/// Splits `text` into sentences. Never panics; empty input gives no sentences.
/// `is_speech_verb` tells a verb of saying (from the lexicon, which sits
/// above this module) for merging a quote with its attribution.
pub fn split(text: &str, is_speech_verb: impl Fn(&str) -> bool) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::with_capacity(text.len() / 120 + 1);
    let mut paragraph = 0usize;
    let mut last_end = 0usize;
    for b in sentencex::get_sentence_boundaries("en", text) {
        let (start, end) = trim(text, b.start_byte, b.end_byte);
        if start >= end {
            continue;
        }
        if paragraph_break_between(&text[last_end..start]) && !out.is_empty() {
            paragraph += 1;
        }
        let merge = out.last().is_some_and(|prev| {
            prev.paragraph == paragraph && {
                let first = text[start..end].chars().next().unwrap_or('A');
                first.is_lowercase()
                    || first.is_ascii_digit()
                    || ends_with_title(&text[prev.span.start..prev.span.end])
                    || attribution_of_quote(
                        &text[prev.span.start..prev.span.end],
                        &text[start..end],
                        &is_speech_verb,
                    )
            }
        });
        match out.last_mut() {
            Some(prev) if merge => prev.span.end = end,
            _ => out.push(Sentence { span: Span::new(start, end), paragraph }),
        }
        split_before_opening_quotes(text, &mut out);
        last_end = end;
    }
    out
}

/// Splits the last sentence where a period is followed by an opening quote
/// and a capital ("… in May. “We are …"): sentencex keeps such pairs together
/// when the word before the period looks like an abbreviation.
fn split_before_opening_quotes(text: &str, out: &mut Vec<Sentence>) {
    let Some(last) = out.last().copied() else { return };
    let slice = &text[last.span.start..last.span.end];
    let mut cut = None;
    for (i, _) in slice.match_indices(". “") {
        let after = &slice[i + ". “".len()..];
        let word_before = slice[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let short = word_before.len() <= 2 && word_before.chars().next().is_some_and(char::is_uppercase);
        if after.chars().next().is_some_and(char::is_uppercase)
            && !short
            && !super::tokens::is_title_abbreviation(word_before)
        {
            cut = Some(i + 2);
            break;
        }
    }
    if let Some(c) = cut {
        let abs = last.span.start + c;
        if let Some(l) = out.last_mut() {
            l.span.end = last.span.start + c - 1;
        }
        out.push(Sentence { span: Span::new(abs, last.span.end), paragraph: last.paragraph });
        split_before_opening_quotes(text, out);
    }
}

/// A title never ends a sentence: "… fun,” Ms. | Olivieri said."
fn ends_with_title(prev: &str) -> bool {
    prev.strip_suffix('.').is_some_and(|p| {
        let word = p.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        super::tokens::is_title_abbreviation(word)
    })
}

/// `next` attributes the quote that ends `prev` with "?" or "!": "“Why
/// not?” Trump asked.", "“We won!” said the mayor, smiling." A speech verb
/// among its first words, after at most a short name or a pronoun.
fn attribution_of_quote(prev: &str, next: &str, is_speech_verb: impl Fn(&str) -> bool) -> bool {
    let prev = prev.trim_end();
    let without_quotes = prev.trim_end_matches(['”', '"', '\'', '’', '»']);
    if without_quotes.len() == prev.len() || !without_quotes.ends_with(['?', '!']) {
        return false;
    }
    let words: Vec<&str> = next.split_whitespace().take(6).collect();
    words.iter().enumerate().any(|(k, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let speech = is_speech_verb(&w);
        // Everything before the verb is the speaker: capitalised words or a pronoun.
        speech
            && words[..k].iter().all(|b| {
                b.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*b, "he" | "she" | "they" | "we" | "I" | "the" | "a")
            })
    })
}

fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

/// A gap separates paragraphs when it holds a blank line or a line break
/// followed by indentation.
fn paragraph_break_between(gap: &str) -> bool {
    let mut newlines = 0;
    let mut after_newline = false;
    for c in gap.chars() {
        if c == '\n' {
            newlines += 1;
            after_newline = true;
            if newlines >= 2 {
                return true;
            }
        } else if after_newline && (c == ' ' || c == '\t') {
            return true;
        } else if !c.is_whitespace() {
            after_newline = false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Sentence> {
        super::split(text, crate::lexicon::speech::is_speech_verb)
    }

    fn check(text: &str) -> String {
        split(text)
            .iter()
            .map(|s| format!("{}| {}", s.paragraph, &text[s.span.start..s.span.end]))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn news_text() {
        let text = "Mr. Smith met U.S. officials on Jan. 5 at 3 p.m. in Washington. He said J. R. Tolkien \
                    was there. \"We will meet. It is soon,\" he said. It was approx. 5 p.m. when they left.\n\n\
                    “Serious preparation is needed,” Peskov said.";
        insta::assert_snapshot!(check(text), @r#"
        0| Mr. Smith met U.S. officials on Jan. 5 at 3 p.m. in Washington.
        0| He said J. R. Tolkien was there.
        0| "We will meet. It is soon," he said.
        0| It was approx. 5 p.m. when they left.
        1| “Serious preparation is needed,” Peskov said.
        "#);
    }

    #[test]
    fn attribution_after_a_question_or_exclamation_stays_with_its_quote() {
        let text = "“Why not?” Mayor Ruiz asked. “We won!” he said, smiling. “Is it over?” It was not. \
                    It was odd. \"We won,\" Ms. Ruiz said.";
        insta::assert_snapshot!(check(text), @r#"
        0| “Why not?” Mayor Ruiz asked.
        0| “We won!” he said, smiling.
        0| “Is it over?”
        0| It was not.
        0| It was odd.
        0| "We won," Ms. Ruiz said.
        "#);
    }

    #[test]
    fn wire_paragraphs_and_empty_input() {
        assert!(split("").is_empty());
        assert!(split(" \n ").is_empty());
        let text = "First line of a paragraph\ncontinues here. Second.\n    New paragraph.";
        insta::assert_snapshot!(check(text), @r"
        0| First line of a paragraph
        continues here.
        0| Second.
        1| New paragraph.
        ");
    }
}
