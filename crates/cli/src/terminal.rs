//! What the terminal output shares: colour or not, the width tables fit, and
//! counted nouns ("1 statement", "2 statements").

use std::borrow::Cow;

/// Whether output may carry ANSI styles (resolved from `--color` and NO_COLOR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Ansi,
    Plain,
}

impl Color {
    /// `text` in bold, or as it is.
    pub fn bold<'a>(self, text: &'a str) -> Cow<'a, str> {
        match self {
            Color::Ansi => format!("\x1b[1m{text}\x1b[0m").into(),
            Color::Plain => text.into(),
        }
    }

    /// Marks around search highlights: bold on a colour terminal, else
    /// Markdown's `**`, which survives pipes and files.
    pub fn highlight_marks(self) -> (&'static str, &'static str) {
        match self {
            Color::Ansi => ("\x1b[1m", "\x1b[0m"),
            Color::Plain => ("**", "**"),
        }
    }

    /// The `--color` value that gives this choice to a subcommand run in-process.
    pub fn as_flag(self) -> &'static str {
        match self {
            Color::Ansi => "always",
            Color::Plain => "never",
        }
    }
}

/// Columns a table may use: `COLUMNS` when set (as shells export it), else
/// the terminal's width, else none (a pipe or file: no limit).
pub fn width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()) {
        return Some(columns).filter(|c| *c > 0);
    }
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w))
}

/// "1 statement", "2 statements".
pub fn counted(n: impl Into<u64>, singular: &str, plural: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// At most `max` chars of `text`, whitespace collapsed, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Rows as an aligned table. With a `width`, the widest columns are narrowed
/// (their cells cut with `…`) until each line fits, keeping every column at
/// least `MIN_COLUMN` characters wide; the first row is the header, bold in colour.
pub fn table(rows: &[Vec<String>], width: Option<usize>, color: Color) -> String {
    const GAP: usize = 2;
    const MIN_COLUMN: usize = 8;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    if let Some(limit) = width {
        let total = |widths: &[usize]| widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
        while total(&widths) > limit {
            let (widest, &w) = widths.iter().enumerate().max_by_key(|(i, w)| (**w, *i)).expect("a column");
            if w <= MIN_COLUMN {
                break;
            }
            // One character off the widest column at a time, so wide columns end up equally wide.
            widths[widest] = w - 1;
        }
    }
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let cell = clip(cell, *w);
            let pad = if i + 1 == row.len() { 0 } else { w.saturating_sub(cell.chars().count()) + GAP };
            line.push_str(&cell);
            line.push_str(&" ".repeat(pad));
        }
        let line = line.trim_end();
        out.push_str(&if r == 0 { color.bold(line) } else { line.into() });
        out.push('\n');
    }
    out
}

/// A statement's words without the quotation marks around them (and the
/// comma before a closing mark), for lines that introduce them with a colon:
/// `Trump said: We will meet …`, not `Trump said: "“We will meet …,”"`.
pub fn unquoted(content: &str) -> &str {
    const OPENING: [char; 4] = ['"', '“', '‘', '\''];
    const CLOSING: [char; 4] = ['"', '”', '’', '\''];
    let text = content.trim();
    let text = text.strip_prefix(OPENING).unwrap_or(text);
    let text = match text.strip_suffix(CLOSING) {
        Some(inner) => inner.trim_end_matches(',').trim_end(),
        None => text,
    };
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_collapses_whitespace_and_marks_cuts() {
        assert_eq!(clip("no  plans\nat all", 40), "no plans at all");
        assert_eq!(clip("within two weeks or so", 10), "within tw…");
    }

    #[test]
    fn quotation_marks_around_the_words_go() {
        assert_eq!(
            unquoted("\"The ferries will run again on Monday,\""),
            "The ferries will run again on Monday"
        );
        assert_eq!(unquoted("“We will meet in Budapest.”"), "We will meet in Budapest.");
        assert_eq!(unquoted("there are \"no plans\" yet"), "there are \"no plans\" yet");
        assert_eq!(unquoted("the lighthouse would reopen"), "the lighthouse would reopen");
    }

    #[test]
    fn counted_nouns_agree() {
        assert_eq!(counted(1u64, "statement", "statements"), "1 statement");
        assert_eq!(counted(0u64, "statement", "statements"), "0 statements");
    }

    #[test]
    fn tables_fit_the_width() {
        let rows = vec![
            vec!["KIND".to_string(), "QUOTE".into()],
            vec!["soften".into(), "We will meet in Budapest within two weeks or so".into()],
        ];
        let wide = table(&rows, None, Color::Plain);
        assert!(wide.lines().nth(1).unwrap().ends_with("or so"));
        let narrow = table(&rows, Some(30), Color::Plain);
        assert!(narrow.lines().all(|l| l.chars().count() <= 30), "{narrow}");
        assert!(narrow.lines().nth(1).unwrap().ends_with('…'), "{narrow}");
    }
}
