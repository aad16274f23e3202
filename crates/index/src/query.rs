//! The search query language. tantivy's grammar parses the text into its
//! syntax tree; this module turns the tree into a query itself, so that the
//! fields users type mean what they expect (`source:"Meridian Post"`,
//! `author:`, `date:2025-10-16`, `date:[2025-10-01 TO 2025-10-31]`), a single
//! word takes a prefix (`Budap*`) or an edit distance (`Putn~1`), and a bad
//! query is reported with its position and the fields there are, never with
//! the engine's own wording about its internal fields.
//!
//! Words without an operator are all required (AND), as in Quickwit and web
//! search engines, and unlike Lucene's OR: `--sort newest`, `--count` and
//! `--per` do not rank, so an OR default would count every article that has
//! any one of the words.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::query_grammar::{
    self, Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::schema::{day_number, source_facet, Fields, SCHEMA_VERSION};

/// The fields a query may name, in the order error messages list them.
pub const QUERY_FIELDS: &[&str] = &["title", "body", "source", "author", "date", "id"];

/// Deepest parenthesis nesting a query may have.
pub const MAX_QUERY_NESTING: usize = 64;

/// Largest edit distance of a fuzzy word (`word~2`); tantivy's automata stop there.
const MAX_FUZZY_DISTANCE: u32 = 2;

/// Title matches count more than body matches.
pub(crate) const TITLE_BOOST: f32 = 2.0;

/// Turns query text into a tantivy query for one index.
#[derive(Clone)]
pub(crate) struct QueryBuilder {
    parser: QueryParser,
    fields: Fields,
    /// The analyzer of title and body (lower case, English stems).
    text_analyzer: TextAnalyzer,
}

impl QueryBuilder {
    pub(crate) fn new(index: &tantivy::Index, fields: Fields, text_analyzer: TextAnalyzer) -> QueryBuilder {
        let mut parser = QueryParser::for_index(index, vec![fields.title, fields.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, TITLE_BOOST);
        QueryBuilder { parser, fields, text_analyzer }
    }

    /// The query for `text` (not empty, not `*`).
    pub(crate) fn build(&self, text: &str) -> Result<Box<dyn Query>> {
        let depth = paren_depth(text);
        if depth > MAX_QUERY_NESTING {
            return Err(bad(
                text,
                format!("parentheses nested {depth} deep; at most {MAX_QUERY_NESTING} levels are allowed"),
            ));
        }
        if let Some(message) = syntax_error(text) {
            return Err(bad(text, message));
        }
        let ast = query_grammar::parse_query(&and_not_as_not(text))
            .map_err(|_| bad(text, "the query does not parse".to_string()))?;
        self.convert(text, ast)
    }

    fn convert(&self, text: &str, ast: UserInputAst) -> Result<Box<dyn Query>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                if clauses.is_empty() {
                    return Ok(Box::new(EmptyQuery));
                }
                let mut subqueries = Vec::with_capacity(clauses.len() + 1);
                for (occur, clause) in clauses {
                    // No operator: the word is required (the AND default).
                    subqueries.push((occur.unwrap_or(Occur::Must), self.convert(text, clause)?));
                }
                // `(-a -b)` alone would match nothing: it means everything but a and b.
                if subqueries.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    subqueries.push((Occur::Should, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(subqueries)))
            }
            UserInputAst::Boost(inner, boost) => {
                Ok(Box::new(BoostQuery::new(self.convert(text, *inner)?, boost.into_inner() as f32)))
            }
            UserInputAst::Leaf(leaf) => self.leaf(text, *leaf),
        }
    }

    fn leaf(&self, text: &str, leaf: UserInputLeaf) -> Result<Box<dyn Query>> {
        match leaf {
            UserInputLeaf::All => Ok(Box::new(AllQuery)),
            UserInputLeaf::Literal(literal) => self.literal(text, literal),
            UserInputLeaf::Range { field: Some(field), lower, upper } if field == "date" => {
                let lower = date_bound(text, &lower, BoundSide::Lower)?;
                let upper = date_bound(text, &upper, BoundSide::Upper)?;
                Ok(Box::new(day_range(&self.fields, lower, upper)))
            }
            UserInputLeaf::Range { field, .. } => Err(bad_at(
                text,
                field.as_deref(),
                "ranges work on date: only (date:[2025-10-01 TO 2025-10-31])".to_string(),
            )),
            UserInputLeaf::Set { field, .. } => {
                Err(bad_at(text, field.as_deref(), "IN [...] sets are not supported; use OR".to_string()))
            }
            UserInputLeaf::Exists { field } => {
                Err(bad_at(text, Some(&field), format!("`{field}:*` is not supported")))
            }
            UserInputLeaf::Regex { field, .. } => {
                Err(bad_at(text, field.as_deref(), "regular expressions are not supported".to_string()))
            }
        }
    }

    fn literal(&self, text: &str, literal: UserInputLiteral) -> Result<Box<dyn Query>> {
        let field = literal.field_name.clone();
        match field.as_deref() {
            Some("source") => {
                let term = Term::from_facet(self.fields.tags, &source_facet(&literal.phrase));
                Ok(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
            }
            Some("date") => {
                let Some((first, last)) = date_span(&literal.phrase) else {
                    return Err(bad_date(text, &literal.phrase));
                };
                Ok(Box::new(day_range(&self.fields, Bound::Included(first), Bound::Included(last))))
            }
            Some("author") => {
                let Some(author) = self.fields.author_words else {
                    return Err(bad_at(
                        text,
                        Some("author"),
                        format!(
                            "this index was built before author: search (index schema v1, now \
                             v{SCHEMA_VERSION}); index the corpus again into a new --index directory \
                             (or delete this one first)"
                        ),
                    ));
                };
                let literal = UserInputLiteral { field_name: None, ..literal };
                self.delegate(text, literal, Some(author))
            }
            Some(name) if !QUERY_FIELDS.contains(&name) => Err(unknown_field(text, name)),
            Some("id") => self.delegate(text, literal, None),
            _ => match WordPattern::of(&literal) {
                Some(pattern) => self.fuzzy_word(text, &literal, pattern),
                None if literal.delimiter == Delimiter::None && literal.phrase.contains('*') => Err(bad_at(
                    text,
                    literal.field_name.as_deref(),
                    format!("{:?}: a * stands at the end of a word (Budap*)", literal.phrase),
                )),
                None => self.delegate(text, literal, None),
            },
        }
    }

    /// `Budap*` (a prefix) or `Putn~1` (within one edit) on the field the
    /// literal names, or on title and body.
    fn fuzzy_word(
        &self,
        text: &str,
        literal: &UserInputLiteral,
        pattern: WordPattern<'_>,
    ) -> Result<Box<dyn Query>> {
        let (stem, distance, what) = match pattern {
            WordPattern::Prefix(stem) => (stem, 0, "a prefix (*)"),
            WordPattern::Fuzzy(stem, distance) => (stem, distance, "an edit distance (~N)"),
        };
        let words = self.words(stem);
        let [word] = words.as_slice() else {
            return Err(bad_at(
                text,
                literal.field_name.as_deref(),
                format!("{what} applies to one word; {:?} is {} words", literal.phrase, words.len()),
            ));
        };
        let prefix = matches!(pattern, WordPattern::Prefix(_));
        if distance > MAX_FUZZY_DISTANCE {
            return Err(bad(
                text,
                format!("edit distance ~{distance} of {:?}: at most ~{MAX_FUZZY_DISTANCE}", literal.phrase),
            ));
        }
        let fields: Vec<(Field, f32)> = match literal.field_name.as_deref() {
            Some("title") => vec![(self.fields.title, 1.0)],
            Some("body") => vec![(self.fields.body, 1.0)],
            _ => vec![(self.fields.title, TITLE_BOOST), (self.fields.body, 1.0)],
        };
        let clauses = fields
            .into_iter()
            .map(|(field, boost)| {
                let term = Term::from_field_text(field, word);
                let query: Box<dyn Query> = if prefix {
                    Box::new(FuzzyTermQuery::new_prefix(term, 0, true))
                } else {
                    Box::new(FuzzyTermQuery::new(term, distance as u8, true))
                };
                (Occur::Should, Box::new(BoostQuery::new(query, boost)) as Box<dyn Query>)
            })
            .collect();
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// The words of `phrase` as title and body index them.
    fn words(&self, phrase: &str) -> Vec<String> {
        let mut analyzer = self.text_analyzer.clone();
        let mut stream = analyzer.token_stream(phrase);
        let mut words = Vec::new();
        stream.process(&mut |token| words.push(token.text.clone()));
        words
    }

    /// A plain word or phrase, read by tantivy's parser (on `field`, else on
    /// the field the literal names, else on title and body).
    fn delegate(
        &self,
        text: &str,
        literal: UserInputLiteral,
        field: Option<Field>,
    ) -> Result<Box<dyn Query>> {
        let shown = literal.field_name.clone();
        let literal = match field {
            Some(field) => {
                UserInputLiteral { field_name: Some(self.parser_field_name(field).to_string()), ..literal }
            }
            None => literal,
        };
        let prefix_phrase = literal.prefix;
        self.parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal))))
            .map_err(|_| {
                let message = if prefix_phrase {
                    "a prefix (*) applies to one word or to the end of a quoted phrase".to_string()
                } else {
                    "this part does not parse".to_string()
                };
                bad_at(text, shown.as_deref(), message)
            })
    }

    fn parser_field_name(&self, field: Field) -> &'static str {
        if Some(field) == self.fields.author_words {
            crate::schema::F_AUTHOR_WORDS
        } else {
            "body"
        }
    }
}

/// A single word with a wildcard or an edit distance, which tantivy's
/// grammar leaves in the word's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordPattern<'a> {
    /// `Budap*`: words starting so.
    Prefix(&'a str),
    /// `Putn~1`: words within so many edits (`Putn~` is `~2`, as in Lucene).
    Fuzzy(&'a str, u32),
}

impl<'a> WordPattern<'a> {
    fn of(literal: &'a UserInputLiteral) -> Option<WordPattern<'a>> {
        if literal.delimiter != Delimiter::None {
            return None;
        }
        let phrase = literal.phrase.as_str();
        if let Some(stem) = phrase.strip_suffix('*').filter(|s| !s.is_empty() && !s.contains('*')) {
            return Some(WordPattern::Prefix(stem));
        }
        let (stem, distance) = phrase.rsplit_once('~')?;
        let distance = if distance.is_empty() { 2 } else { distance.parse().ok()? };
        (!stem.is_empty()).then_some(WordPattern::Fuzzy(stem, distance))
    }
}

#[derive(Clone, Copy)]
enum BoundSide {
    Lower,
    Upper,
}

/// A range bound of `date:[A TO B]` as a day: a month or a year stands for
/// its first day as a lower bound and its last day as an upper bound.
fn date_bound(text: &str, bound: &UserInputBound, side: BoundSide) -> Result<Bound<NaiveDate>> {
    let value = match bound {
        UserInputBound::Unbounded => return Ok(Bound::Unbounded),
        UserInputBound::Inclusive(v) | UserInputBound::Exclusive(v) if v == "*" => {
            return Ok(Bound::Unbounded)
        }
        UserInputBound::Inclusive(v) | UserInputBound::Exclusive(v) => v,
    };
    let (first, last) = date_span(value).ok_or_else(|| bad_date(text, value))?;
    let inclusive = matches!(bound, UserInputBound::Inclusive(_));
    Ok(match (side, inclusive) {
        (BoundSide::Lower, true) => Bound::Included(first),
        (BoundSide::Lower, false) => Bound::Excluded(last),
        (BoundSide::Upper, true) => Bound::Included(last),
        (BoundSide::Upper, false) => Bound::Excluded(first),
    })
}

/// The days `YYYY-MM-DD`, `YYYY-MM` or `YYYY` covers.
fn date_span(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, digits: usize| (s.len() == digits).then(|| s.parse::<u32>().ok()).flatten();
    match parts.as_slice() {
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)?;
            Some((day, day))
        }
        [y, m] => {
            let first = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((first, next.pred_opt()?))
        }
        [y] => {
            let year = number(y, 4)? as i32;
            Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
        }
        _ => None,
    }
}

/// Articles (or statements) whose `day` is within the bounds.
pub(crate) fn day_range(fields: &Fields, lower: Bound<NaiveDate>, upper: Bound<NaiveDate>) -> RangeQuery {
    let term = |date: NaiveDate| Term::from_field_i64(fields.day, day_number(date));
    RangeQuery::new(lower.map(term), upper.map(term))
}

/// The first syntax error of `text`, with its position, if it has one.
fn syntax_error(text: &str) -> Option<String> {
    if let Some(at) = unclosed_quote(text) {
        return Some(format!("the quote at character {} is never closed", char_column(text, at)));
    }
    let (_, errors) = query_grammar::parse_query_lenient(text);
    if let Some(error) = errors.first() {
        let at = char_column(text, error.pos.min(text.len()));
        return Some(format!("{} at character {at}; {}", error.message.trim_end_matches('.'), FIELDS_HINT));
    }
    if query_grammar::parse_query(text).is_err() {
        return Some(format!("the query does not parse; {FIELDS_HINT}"));
    }
    // `title:` followed by nothing or by a space.
    if let Some((name, at)) = field_names(text).into_iter().find(|&(_, at)| {
        let rest = &text[at..];
        let after = rest.find(':').map(|i| &rest[i + 1..]).unwrap_or("");
        after.is_empty() || after.starts_with(char::is_whitespace)
    }) {
        return Some(format!("{name}: at character {} has no value", char_column(text, at)));
    }
    None
}

const FIELDS_HINT: &str = "fields: title, body, source, author, date, id";

/// Byte offset of a double quote that has no partner.
fn unclosed_quote(text: &str) -> Option<usize> {
    let mut open = None;
    for (at, c) in text.char_indices() {
        if c == '"' {
            open = if open.is_some() { None } else { Some(at) };
        }
    }
    open
}

/// Every `name:` outside quotes, with its byte offset.
fn field_names(text: &str) -> Vec<(&str, usize)> {
    let mut found = Vec::new();
    let mut quoted = false;
    let mut word_start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                word_start = None;
            }
            _ if quoted => {}
            ':' => {
                if let Some(start) = word_start.take() {
                    found.push((&text[start..at], start));
                }
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                word_start.get_or_insert(at);
            }
            _ => word_start = None,
        }
    }
    found
}

/// 1-based character position of byte offset `at`.
fn char_column(text: &str, at: usize) -> usize {
    text.get(..at).map_or(at, |s| s.chars().count()) + 1
}

fn bad(text: &str, message: String) -> Error {
    Error::Query { query: short(text), message }
}

/// An error about the part of the query that names `field`, with its position.
fn bad_at(text: &str, field: Option<&str>, message: String) -> Error {
    let at = field.and_then(|name| field_names(text).into_iter().find(|(n, _)| *n == name));
    match at {
        Some((_, at)) => bad(text, format!("{message} (at character {})", char_column(text, at))),
        None => bad(text, message),
    }
}

fn unknown_field(text: &str, name: &str) -> Error {
    let at =
        field_names(text).into_iter().find(|(n, _)| *n == name).map_or(1, |(_, at)| char_column(text, at));
    bad(text, format!("unknown field {name:?} at character {at}; {FIELDS_HINT}"))
}

fn bad_date(text: &str, value: &str) -> Error {
    bad_at(text, Some("date"), format!("{value:?} is no date; write YYYY-MM-DD, YYYY-MM or YYYY"))
}

/// Rewrites `x AND NOT y` (outside quotes) as `x NOT y`. tantivy's grammar
/// turns the former into a clause that matches nothing
/// (quickwit-oss/tantivy#2584) while the latter excludes `y` as intended.
fn and_not_as_not(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("AND NOT") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_quotes = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let at_word_start = out.is_empty() || out.ends_with(char::is_whitespace) || out.ends_with(')');
        if c == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && at_word_start && rest.starts_with("AND NOT") {
            let after = &rest["AND NOT".len()..];
            if after.starts_with(|c: char| c.is_whitespace() || c == '(' || c == '"') {
                out.push_str("NOT");
                rest = after;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.into()
}

/// How deep the parentheses of `text` nest (outside double quotes).
fn paren_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut quoted) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The first 60 characters of a query, for error messages.
fn short(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_not_is_rewritten_outside_quotes_only() {
        assert_eq!(and_not_as_not("meet AND NOT budapest"), "meet NOT budapest");
        assert_eq!(and_not_as_not("(a OR b) AND NOT (c)"), "(a OR b) NOT (c)");
        assert_eq!(and_not_as_not("\"x AND NOT y\" AND NOT z"), "\"x AND NOT y\" NOT z");
        assert_eq!(and_not_as_not("BRAND NOTE"), "BRAND NOTE");
        assert_eq!(and_not_as_not("a AND NOTHING"), "a AND NOTHING");
    }

    #[test]
    fn dates_cover_a_day_a_month_or_a_year() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(date_span("2025-10-16"), Some((d("2025-10-16"), d("2025-10-16"))));
        assert_eq!(date_span("2024-02"), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(date_span("2025"), Some((d("2025-01-01"), d("2025-12-31"))));
        assert_eq!(date_span("2025-13-01"), None);
        assert_eq!(date_span("16.10.2025"), None);
    }

    #[test]
    fn wildcards_and_edit_distances_are_read_from_the_word() {
        let word = |phrase: &str| UserInputLiteral {
            field_name: None,
            phrase: phrase.into(),
            delimiter: Delimiter::None,
            slop: 0,
            prefix: false,
        };
        assert_eq!(WordPattern::of(&word("Budap*")), Some(WordPattern::Prefix("Budap")));
        assert_eq!(WordPattern::of(&word("Putn~1")), Some(WordPattern::Fuzzy("Putn", 1)));
        assert_eq!(WordPattern::of(&word("Putn~")), Some(WordPattern::Fuzzy("Putn", 2)));
        assert_eq!(WordPattern::of(&word("Putin")), None);
        assert_eq!(WordPattern::of(&word("b*d*")), None);
    }

    #[test]
    fn field_names_are_found_outside_quotes() {
        assert_eq!(field_names("putin source:x \"a:b\" date:2025"), vec![("source", 6), ("date", 21)]);
    }

    #[test]
    fn syntax_errors_name_a_position() {
        assert_eq!(syntax_error("meet \"putin").unwrap(), "the quote at character 6 is never closed");
        assert!(syntax_error("title: putin").unwrap().starts_with("title: at character 1"));
        assert!(
            syntax_error("(meet putin").unwrap().contains("at character"),
            "{:?}",
            syntax_error("(meet putin")
        );
        assert_eq!(syntax_error("source:\"Meridian Post\" date:[2025-10-01 TO 2025-10-31]"), None);
    }
}
