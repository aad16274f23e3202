//! A small word tokenizer that keeps byte offsets into the article body.
//!
//! Attribution rules look at words, punctuation and quote marks; they never
//! need a full tokenizer, but they do need abbreviations ("U.S.", "Mr.") and
//! possessives ("Trump’s") handled, so those are the only subtleties here.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    /// Possessive suffix split off a word: `’s` / `'s` / `’`.
    Possessive,
    Punct,
    /// A double quote mark (straight or curly) or a guillemet.
    Quote,
}

/// One token: a byte range into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// Abbreviations whose final period belongs to the word (not a sentence end).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Adm", "Sgt", "Capt", "Maj", "Rev",
    "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mt", "Ft",
    "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc", "approx", "Prof", "Pres", "Supt", "Atty", "Calif", "Fla",
    "Ariz", "Ky", "Tenn", "Mass", "Conn", "Wash", "Ill", "Penn", "Pa", "Ore", "Mich", "Wis", "Minn", "Ala",
    "Ga", "Va", "Md", "Del", "Okla", "Tex", "Colo", "Nev", "Neb", "Kan", "Miss", "Mo", "Ark", "La", "Ind",
    "Vt", "Del",
];

/// Titles whose period never ends a sentence ("Mr.", "Dr.").
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Gen" | "Rev" | "Prof" | "St" | "Lt" | "Col"
    )
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Tokenizes `body[start..end]`, appending to `out` (cleared first) so one
/// buffer serves every sentence of an article.
pub(crate) fn tokenize_into(body: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let text = &body[start..end];
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            // A word: alphanumerics joined by internal apostrophes, hyphens,
            // periods (U.S, p.m), commas/periods inside numbers (3.2, 1,000).
            let mut j = i + c.len_utf8();
            while let Some(&(k, d)) = iter.peek() {
                if is_word_char(d) {
                    iter.next();
                    j = k + d.len_utf8();
                    continue;
                }
                if matches!(d, '\'' | '’' | '-' | '.' | ',' | '&') {
                    // Joiner only when followed by a word char.
                    let after = k + d.len_utf8();
                    let next = text[after..].chars().next();
                    let joins = match d {
                        ',' => {
                            next.is_some_and(|n| n.is_ascii_digit())
                                && text[i..k].chars().last().is_some_and(|p| p.is_ascii_digit())
                        }
                        '.' => {
                            next.is_some_and(is_word_char) && !next.is_some_and(char::is_uppercase)
                                || (next.is_some_and(char::is_uppercase) && k - i == 1)
                        }
                        _ => next.is_some_and(is_word_char),
                    };
                    if joins {
                        iter.next();
                        continue;
                    }
                }
                break;
            }
            // Trailing period of an abbreviation or initial ("U.S.", "Mr.", "J.").
            let word = &text[i..j];
            if bytes.get(j) == Some(&b'.') {
                let single_upper = word.len() == 1 && word.chars().all(char::is_uppercase);
                if word.contains('.') || single_upper || is_abbreviation(word) {
                    iter.next();
                    j += 1;
                }
            }
            // Split a possessive suffix off.
            let word = &text[i..j];
            let poss_len = if word.len() > 2 && (word.ends_with("'s") || word.ends_with("'S")) {
                2
            } else if word.len() > 4 && word.ends_with("’s") {
                "’s".len()
            } else {
                0
            };
            if poss_len > 0 {
                out.push(Tok { start: start + i, end: start + j - poss_len, kind: TokKind::Word });
                out.push(Tok { start: start + j - poss_len, end: start + j, kind: TokKind::Possessive });
            } else {
                out.push(Tok { start: start + i, end: start + j, kind: TokKind::Word });
            }
            continue;
        }
        if c == '\'' && iter.peek().is_some_and(|&(_, n)| n == '\'') {
            iter.next();
            out.push(Tok { start: start + i, end: start + i + 2, kind: TokKind::Quote });
            continue;
        }
        let kind = if is_quote_char(c) { TokKind::Quote } else { TokKind::Punct };
        out.push(Tok { start: start + i, end: start + i + c.len_utf8(), kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize_into(s, 0, s.len(), &mut out);
        out.iter().map(|t| t.text(s).to_string()).collect()
    }

    #[test]
    fn abbreviations_possessives_and_quotes() {
        assert_eq!(
            toks("Mr. Trump’s U.S. visit, at 3 p.m., cost $1,000.5 “soon.”"),
            [
                "Mr.", "Trump", "’s", "U.S.", "visit", ",", "at", "3", "p.m.", ",", "cost", "$", "1,000.5",
                "“", "soon", ".", "”"
            ]
        );
        assert_eq!(toks("O’Malley didn't say."), ["O’Malley", "didn't", "say", "."]);
        assert_eq!(toks("J. R. Smith"), ["J.", "R.", "Smith"]);
    }
}
