//! Escaping of corpus text for each output format. Everything that comes
//! from articles (quotes, speakers, cues, ids) passes through here.

/// Escape text for an HTML text node or a double- or single-quoted attribute value.
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; a stray one in a
            // corpus must not make the file invalid.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escape text for inline Markdown, safe inside a table cell: whitespace runs
/// (newlines included) collapse to one space, pipes and every character with
/// inline meaning get a backslash, so a quote can neither break the table nor
/// turn into emphasis, links, code or HTML.
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown code span: backticks cannot be escaped inside one, so
/// the fence is made longer than any backtick run in the text. Inside a GFM
/// table a pipe ends the cell even in a code span unless it is escaped (the
/// table parser drops the backslash), elsewhere the backslash would show.
pub(crate) fn markdown_code(text: &str, in_table: bool) -> String {
    let mut text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if in_table {
        text = text.replace('|', "\\|");
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A value usable as an HTML `id` (and in SVG `url(#...)` references): ASCII
/// alphanumerics and dashes only.
pub(crate) fn id_fragment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<b a="x">Tom & 'Jerry'</b>"#),
            "&lt;b a=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
        assert_eq!(html("bell\u{7}"), "bell\u{FFFD}");
    }

    #[test]
    fn markdown_keeps_tables_intact() {
        assert_eq!(markdown("a | b\n\n  *c*"), r"a \| b \*c\*");
        assert_eq!(markdown("[link](x) <img> `code` \\"), r"\[link\](x) \<img\> \`code\` \\");
        assert_eq!(markdown("  padded  "), "padded");
    }

    #[test]
    fn code_spans_survive_backticks_and_pipes() {
        assert_eq!(markdown_code("h:abc", false), "`h:abc`");
        assert_eq!(markdown_code("a`b", false), "``a`b``");
        assert_eq!(markdown_code("`x", false), "`` `x ``");
        assert_eq!(markdown_code("a|b", true), r"`a\|b`");
        assert_eq!(markdown_code("a|b", false), "`a|b`");
    }

    #[test]
    fn id_fragments_are_plain() {
        assert_eq!(id_fragment("Donald Trump / meet \"Putin\""), "donald-trump-meet-putin");
    }
}
