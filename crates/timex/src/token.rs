//! A single-pass byte tokenizer: runs of ASCII letters, runs of ASCII digits,
//! and single other characters. Offsets are byte offsets into the input;
//! lowercase text comes from an ASCII-lowercased copy so offsets line up.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// ASCII-lowercased text.
    pub text: &'a str,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// The original starts with an uppercase ASCII letter.
    pub capital: bool,
}

pub(crate) fn tokenize<'a>(original: &str, lower: &'a str) -> Vec<Tok<'a>> {
    let bytes = lower.as_bytes();
    let orig = original.as_bytes();
    let mut toks = Vec::with_capacity(bytes.len() / 5);
    let mut i = 0;
    let mut space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_lowercase() {
            while i < bytes.len() && bytes[i].is_ascii_lowercase() {
                i += 1;
            }
            TokKind::Word
        } else if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            TokKind::Num
        } else {
            // One whole character (keeps slices on char boundaries).
            i += utf8_len(b);
            i = i.min(bytes.len());
            while i < bytes.len() && !lower.is_char_boundary(i) {
                i += 1;
            }
            TokKind::Punct
        };
        // Non-breaking spaces and other Unicode whitespace count as spaces.
        if kind == TokKind::Punct && lower[start..i].chars().all(char::is_whitespace) {
            space = true;
            continue;
        }
        toks.push(Tok {
            start,
            end: i,
            kind,
            text: &lower[start..i],
            space_before: space,
            capital: orig[start].is_ascii_uppercase(),
        });
        space = false;
    }
    toks
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let text = "Oct. 21, 2025 at 3p.m. — «ok»";
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text, &lower);
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            ["oct", ".", "21", ",", "2025", "at", "3", "p", ".", "m", ".", "—", "«", "ok", "»"]
        );
        assert!(toks[0].capital && !toks[1].space_before && toks[2].space_before);
    }
}
