//! Words of a text: a tiny splitter that keeps byte offsets, so every
//! decision made over words can be shown as a cue over the article text.

/// One word of a text: byte offsets into the text it came from, its
/// lowercase form (curly apostrophes straightened) and whether it was capitalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub capitalized: bool,
}

/// Splits `text` into words and punctuation marks. Clitics `'ll`, `'d`, `'re`,
/// `'ve`, `'s`, `'m` become words of their own; negated auxiliaries ("wasn't") stay whole.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                let joins_word = n.is_alphanumeric()
                    || matches!(n, '-' | '\'' | '’' | '%')
                        && text[i + n.len_utf8()..].chars().next().is_some_and(|a| a.is_alphanumeric())
                    || n == '%'
                    || (n == '.' || n == ',')
                        && c.is_ascii_digit()
                        && text[i + 1..].chars().next().is_some_and(|a| a.is_ascii_digit());
                if !joins_word {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            push_word(text, start, end, &mut out);
        } else if let Some(len) = clitic_at(text, start, c) {
            // A clitic written on its own ("'ll" in a word list) is one word, as when split off.
            let end = start + c.len_utf8() + len;
            out.push(Word {
                start,
                end,
                lower: format!("'{}", text[start + c.len_utf8()..end].to_lowercase()),
                capitalized: false,
            });
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
        } else if !c.is_whitespace() {
            let end = start + c.len_utf8();
            out.push(Word { start, end, lower: c.to_string(), capitalized: false });
        }
    }
    out
}

/// Byte length of the letters of a stand-alone clitic ("'ll", "'re", ...) after
/// the apostrophe `c` at `start`, when one follows and ends there.
fn clitic_at(text: &str, start: usize, c: char) -> Option<usize> {
    if c != '\'' && c != '’' {
        return None;
    }
    let rest = &text[start + c.len_utf8()..];
    let letters = rest.find(|ch: char| !ch.is_alphanumeric()).unwrap_or(rest.len());
    let joined_before = text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
    (!joined_before
        && matches!(rest[..letters].to_lowercase().as_str(), "ll" | "d" | "re" | "ve" | "s" | "m"))
    .then_some(letters)
}

fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    let raw = &text[start..end];
    // Most words are ASCII: one allocation instead of two (this runs for every
    // word of every content piece).
    let lower = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else if raw.contains('’') {
        raw.to_lowercase().replace('’', "'")
    } else {
        raw.to_lowercase()
    };
    let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
    for clitic in ["'ll", "'d", "'re", "'ve", "'s", "'m"] {
        if lower.len() > clitic.len() && lower.ends_with(clitic) {
            // The raw text may use a 3-byte curly apostrophe, so split on the raw form.
            let raw_cut = raw.rfind(['\'', '’']).unwrap_or(raw.len());
            out.push(Word {
                start,
                end: start + raw_cut,
                lower: lower[..lower.len() - clitic.len()].to_string(),
                capitalized,
            });
            out.push(Word { start: start + raw_cut, end, lower: clitic.to_string(), capitalized: false });
            return;
        }
    }
    out.push(Word { start, end, lower, capitalized });
}
