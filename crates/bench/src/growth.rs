//! How analysis time grows with the length of one input: a single long
//! unpunctuated sentence full of reporting verbs, and one statement with a
//! very long content analyzed for its actor's timeline. Each size doubles the
//! last; the `per 100k chars` column stays flat when the work is linear.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use stanceshift_analyzer::{analyze_article, timeline::analyze_actor, ActorBook};
use stanceshift_core::{ActorId, Article};

use crate::stats::Table;

/// Reporting verbs and speakers, no punctuation: one sentence however long.
const LONG_SENTENCE_WORDS: &str =
    "the minister said officials told reporters the senator claimed that aides \
     announced the president denied the governor warned ";

/// Words of a long statement content: no reporting verbs, no sentence ends.
const CONTENT_WORDS: &str =
    "he would meet Putin in Budapest within two weeks to discuss tariffs on steel and \
     the ferry routes across the harbour and then ";

/// `words` repeated to `chars` bytes (ASCII), ending on a whole word.
pub fn repeated(words: &str, chars: usize) -> String {
    let mut text = String::with_capacity(chars + words.len());
    while text.len() < chars {
        text.push_str(words);
    }
    let cut = text[..chars.min(text.len())].rfind(' ').unwrap_or(chars.min(text.len()));
    text.truncate(cut);
    text
}

fn article(body: String) -> Article {
    let date = DateTime::parse_from_rfc3339("2025-10-21T10:00:00Z").expect("valid date");
    Article::new(date, body)
}

/// One timed run per size: (chars, wall time, statements found).
pub struct Run {
    pub chars: usize,
    pub wall: Duration,
    pub outputs: usize,
}

/// A long sentence through `analyze_article`.
pub fn long_sentence(sizes: &[usize]) -> Vec<Run> {
    let book = ActorBook::builtin();
    sizes
        .iter()
        .map(|&chars| {
            let a = article(repeated(LONG_SENTENCE_WORDS, chars));
            let started = Instant::now();
            let outputs = analyze_article(&a, &book).statements.len();
            Run { chars, wall: started.elapsed(), outputs }
        })
        .collect()
}

/// One statement whose content is `chars` long, analyzed into statements and
/// then into its speaker's timeline (what `analyze` and `report` do).
pub fn long_content(sizes: &[usize]) -> Vec<Run> {
    let book = ActorBook::builtin();
    sizes
        .iter()
        .map(|&chars| {
            let body = format!("Donald Trump said on Monday that {}.", repeated(CONTENT_WORDS, chars));
            let statements = analyze_article(&article(body), &book).statements;
            let actor = ActorId::new("donald-trump");
            let started = Instant::now();
            let analysis = analyze_actor(
                &actor,
                "Donald Trump",
                &statements,
                None,
                NaiveDate::from_ymd_opt(2025, 10, 21).expect("valid date"),
            );
            let outputs = analysis.topics.len();
            Run { chars, wall: started.elapsed(), outputs }
        })
        .collect()
}

/// Doubling sizes from `first` to at most `last` characters.
pub fn sizes(first: usize, last: usize) -> Vec<usize> {
    std::iter::successors(Some(first), |n| Some(n * 2)).take_while(|&n| n <= last).collect()
}

pub fn table(runs: &[Run], output: &str) -> String {
    let mut table = Table::new(&["chars", "seconds", "seconds per 100k chars", output]);
    for run in runs {
        let secs = run.wall.as_secs_f64();
        table.row(vec![
            run.chars.to_string(),
            format!("{secs:.3}"),
            format!("{:.3}", secs / (run.chars as f64 / 100_000.0)),
            run.outputs.to_string(),
        ]);
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_text_has_the_length_asked_for_and_ends_on_a_word() {
        let text = repeated("ab cd ", 100);
        assert!(text.len() <= 100 && text.len() > 90, "{}", text.len());
        assert!(text.ends_with("ab") || text.ends_with("cd"));
        assert_eq!(sizes(1000, 8000), vec![1000, 2000, 4000, 8000]);
    }
}
