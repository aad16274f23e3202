//! Quotation spans over a whole article body.
//!
//! Pairs straight (`"`) and curly (`“ ”`) double quotes and guillemets.
//! News style continues a quote over several paragraphs by opening each
//! paragraph with a quote mark and omitting the closing mark until the last:
//! such a run becomes one [`Quote`]. A quote left open at the end of a
//! paragraph that is not continued, or a stray closing mark, yields a
//! diagnostic and the quote is closed at the paragraph end.

use crate::text::sentences::Sentence;
use stanceshift_core::{Diagnostic, Span};

/// One quotation: `span` covers the marks, `closed` is false when the closing
/// mark was missing and the quote was cut at a paragraph end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub closed: bool,
    /// The quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

/// Finds every quotation in `text`; `sentences` supply paragraph boundaries.
pub fn find(text: &str, sentences: &[Sentence], diagnostics: &mut Vec<Diagnostic>) -> Vec<Quote> {
    // (start, end of the paragraph's last sentence) per paragraph.
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    for s in sentences {
        if paragraphs.len() == s.paragraph + 1 {
            if let Some(p) = paragraphs.last_mut() {
                p.1 = s.span.end;
            }
        } else {
            paragraphs.push((s.span.start, s.span.end));
        }
    }
    let mut quotes = Vec::new();
    // Open quote: (start byte, paragraph index where it opened).
    let mut open: Option<(usize, usize)> = None;
    let mut multi = false;
    let mut para = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // Two apostrophes stand for a straight double quote (''like this'').
        let (c, len) = if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
            chars.next();
            ('"', 2)
        } else if matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
            (c, c.len_utf8())
        } else {
            continue;
        };
        // Advance to the paragraph containing i.
        while para + 1 < paragraphs.len() && paragraphs[para + 1].0 <= i {
            para += 1;
            if let Some((start, opened_in)) = open {
                // Crossing into a new paragraph with a quote still open.
                let opens_paragraph = paragraphs[para].0 == i;
                if !opens_paragraph {
                    let end = paragraphs[para - 1].1.max(start + 1);
                    diagnostics.push(Diagnostic::warning(
                        "unbalanced quote: no closing mark before the paragraph ends",
                        Some(Span::new(start, end)),
                    ));
                    quotes.push(Quote { span: Span::new(start, end), closed: false, multi_paragraph: multi });
                    open = None;
                    multi = false;
                } else {
                    let _ = opened_in;
                }
            }
        }
        let at_paragraph_start = paragraphs.get(para).is_some_and(|p| p.0 == i);
        let prev = text[..i].chars().next_back();
        let next = text[i + len..].chars().next();
        let is_opener = match c {
            '“' | '„' | '«' => true,
            '”' | '»' => false,
            // Straight quote: opening unless it hugs the preceding word.
            _ => {
                let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
                let before_word = next.is_some_and(|n| !n.is_whitespace());
                match open {
                    None => after_space || before_word && !prev.is_some_and(|p| p.is_alphanumeric()),
                    Some(_) => at_paragraph_start,
                }
            }
        };
        match (open, is_opener) {
            (None, true) => open = Some((i, para)),
            (Some((_, opened_in)), true) if at_paragraph_start && opened_in < para => {
                // Continuation of a multi-paragraph quote.
                multi = true;
            }
            (Some((start, _)), true) => {
                diagnostics.push(Diagnostic::warning(
                    "unbalanced quote: a quote opens inside an open quote",
                    Some(Span::new(start, i)),
                ));
                quotes.push(Quote { span: Span::new(start, i), closed: false, multi_paragraph: multi });
                open = Some((i, para));
                multi = false;
            }
            (Some((start, _)), false) => {
                quotes.push(Quote { span: Span::new(start, i + len), closed: true, multi_paragraph: multi });
                open = None;
                multi = false;
            }
            (None, false) => {
                diagnostics.push(Diagnostic::warning(
                    "unbalanced quote: closing mark without an opening one",
                    Some(Span::new(i, i + len)),
                ));
            }
        }
    }
    if let Some((start, _)) = open {
        let end = paragraphs.last().map_or(text.len(), |p| p.1).max(start + 1).min(text.len());
        diagnostics.push(Diagnostic::warning(
            "unbalanced quote: no closing mark before the text ends",
            Some(Span::new(start, end)),
        ));
        quotes.push(Quote { span: Span::new(start, end), closed: false, multi_paragraph: multi });
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::speech::is_speech_verb;
    use crate::text::sentences;

    fn check(text: &str) -> String {
        let mut diags = Vec::new();
        let quotes = find(text, &sentences::split(text, is_speech_verb), &mut diags);
        let mut out: Vec<String> = quotes
            .iter()
            .map(|q| {
                format!(
                    "{}{}{}",
                    &text[q.span.start..q.span.end],
                    if q.closed { "" } else { " [unclosed]" },
                    if q.multi_paragraph { " [multi]" } else { "" }
                )
            })
            .collect();
        out.extend(diags.iter().map(|d| format!("! {}", d.message)));
        out.join("\n")
    }

    #[test]
    fn straight_curly_and_nested_single() {
        insta::assert_snapshot!(check("He said \"we will 'soon' meet\" and “then talk.” Done."), @r#"
        "we will 'soon' meet"
        “then talk.”
        "#);
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks() {
        insta::assert_snapshot!(check("''We won,'' she said. It isn't over."), @"''We won,''");
    }

    #[test]
    fn multi_paragraph_quote_with_omitted_close() {
        let text = "He said: “We are ready.\n\n“We will meet soon.”\n\nThat was all.";
        insta::assert_snapshot!(check(text), @r"
        “We are ready.

        “We will meet soon.” [multi]
        ");
    }

    #[test]
    fn unbalanced_quotes_give_diagnostics() {
        let text = "He said “we are ready.\n\nThe end came.” Later ”odd.";
        insta::assert_snapshot!(check(text), @r"
        “we are ready. [unclosed]
        ! unbalanced quote: no closing mark before the paragraph ends
        ! unbalanced quote: closing mark without an opening one
        ! unbalanced quote: closing mark without an opening one
        ");
    }
}
