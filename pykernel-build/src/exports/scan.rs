//! Finds export comments in a Python source file and lexes them, following
//! continuation lines.
//!
//! Only whole-line comments count: a `#` preceded on its line by nothing but
//! whitespace, outside any string literal (a `#pythran export` line inside a docstring
//! is text, not an export). String literals are tracked with a small state machine that
//! knows single and triple quotes and backslash escapes; that is enough for valid Python.

use super::lexer::{Lexer, Token, is_ident_continue};
use crate::diagnostics::{Diagnostic, Span};
use crate::messages::exports as msg;

/// One export comment, lexed (possibly over several lines).
#[derive(Debug)]
pub(super) struct Comment {
    /// `#pythran export` (or `# pykernel export`, ...) as written.
    pub prefix: Span,
    /// Everything after the prefix, continuation lines included.
    pub tokens: Vec<Token>,
}

/// What the scan finds: an export comment to parse, or an export that never ends.
#[derive(Debug)]
pub(super) enum Item {
    /// A complete export comment.
    Export(Comment),
    /// An export whose brackets are still open when the comment lines end.
    Error(Diagnostic),
}

/// One physical line: `start..end` excludes the `\n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line {
    start: usize,
    end: usize,
    /// Offset of the `#` when the line is a whole-line comment.
    comment: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Code,
    Str { quote: u8, triple: bool },
}

/// Splits `source` into lines and marks the whole-line comments.
fn lines(source: &str) -> Vec<Line> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut state = State::Code;
    let mut start = 0;
    while start <= bytes.len() {
        let end = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(bytes.len(), |p| start + p);
        let line = bytes.get(start..end).unwrap_or(&[]);
        let (comment, next) = scan_line(line, state);
        out.push(Line {
            start,
            end,
            comment: comment.map(|c| start + c),
        });
        state = next;
        start = end + 1;
    }
    out
}

/// Scans one line starting in `state`: the offset of a whole-line comment's `#` (relative
/// to the line), and the state at the start of the next line.
fn scan_line(line: &[u8], mut state: State) -> (Option<usize>, State) {
    let starts_in_code = state == State::Code;
    let mut only_space = true;
    let at = |j: usize| line.get(j).copied();
    let mut j = 0;
    while let Some(b) = at(j) {
        match state {
            State::Code => {
                if b == b'#' {
                    let comment = (only_space && starts_in_code).then_some(j);
                    return (comment, State::Code);
                }
                if b == b'\'' || b == b'"' {
                    let triple = at(j + 1) == Some(b) && at(j + 2) == Some(b);
                    state = State::Str { quote: b, triple };
                    j += if triple { 3 } else { 1 };
                    only_space = false;
                    continue;
                }
                if !matches!(b, b' ' | b'\t' | b'\r' | b'\x0c') {
                    only_space = false;
                }
                j += 1;
            }
            State::Str { quote, triple } => {
                if b == b'\\' {
                    j += 2;
                    continue;
                }
                if b == quote {
                    if !triple {
                        state = State::Code;
                        j += 1;
                        continue;
                    }
                    if at(j + 1) == Some(quote) && at(j + 2) == Some(quote) {
                        state = State::Code;
                        j += 3;
                        continue;
                    }
                }
                j += 1;
            }
        }
    }
    // A single-quoted string ends with its line unless the newline is escaped.
    if let State::Str { triple: false, .. } = state {
        if j <= line.len() {
            state = State::Code;
        }
    }
    (None, state)
}

/// If the comment starting at `hash` is `# pythran export` / `# pykernel export`, the
/// offset just after `export`.
fn export_prefix(source: &str, hash: usize, end: usize) -> Option<usize> {
    let text = source.get(hash + 1..end)?;
    let after_hash = text.trim_start_matches([' ', '\t']);
    let rest = after_hash
        .strip_prefix("pythran")
        .or_else(|| after_hash.strip_prefix("pykernel"))?;
    let after_space = rest.trim_start_matches([' ', '\t']);
    if after_space.len() == rest.len() {
        return None;
    }
    let after_export = after_space.strip_prefix("export")?;
    if after_export.starts_with(is_ident_continue) {
        return None;
    }
    Some(end - after_export.len())
}

/// Every export comment of `source`, lexed, in source order.
pub(super) fn export_comments(source: &str) -> Vec<Item> {
    let lines = lines(source);
    let mut items = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        i += 1;
        let Some(hash) = line.comment else { continue };
        let Some(after) = export_prefix(source, hash, line.end) else {
            continue;
        };
        let mut lexer = Lexer::default();
        lexer.lex(source, after, line.end);
        while lexer.unclosed().is_some() {
            let Some((h, end)) = lines.get(i).and_then(|l| l.comment.map(|h| (h, l.end))) else {
                break;
            };
            lexer.lex(source, h + 1, end);
            i += 1;
        }
        match lexer.unclosed() {
            Some(open) => {
                let delim = source.get(open.start..open.end).unwrap_or("(");
                items.push(Item::Error(Diagnostic::error(
                    open,
                    msg::unclosed_delimiter(delim),
                )));
            }
            None => items.push(Item::Export(Comment {
                prefix: Span::new(hash, after),
                tokens: lexer.tokens,
            })),
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(src: &str) -> Vec<&str> {
        lines(src)
            .iter()
            .filter_map(|l| l.comment.and_then(|c| src.get(c..l.end)))
            .collect()
    }

    #[test]
    fn finds_whole_line_comments_only() {
        let src = "# a\nx = 1  # b\n    # c\n\tx = '#'\n";
        assert_eq!(comments(src), vec!["# a", "# c"]);
    }

    #[test]
    fn ignores_comments_inside_strings() {
        let src = "'''\n#pythran export f(int)\n'''\n#pythran export g(int)\n\"a\\\n# not a comment\"\n# yes\n";
        assert_eq!(comments(src), vec!["#pythran export g(int)", "# yes"]);
        let src = "x = \"\"\"abc\n\\\"\"\"\n# still string\n\"\"\"\n# after\n";
        assert_eq!(comments(src), vec!["# after"]);
        // An unterminated single-quoted string ends with its line.
        let src = "x = 'abc\n# c\n";
        assert_eq!(comments(src), vec!["# c"]);
    }

    #[test]
    fn recognises_prefixes() {
        let ok = [
            "#pythran export f()",
            "# pythran export f()",
            "#pykernel  export\tf()",
        ];
        for src in ok {
            assert!(export_prefix(src, 0, src.len()).is_some(), "{src}");
        }
        let src = "#  pythran export";
        assert_eq!(export_prefix(src, 0, src.len()), Some(src.len()));
        let not = [
            "#pythranexport f()",
            "#pythran exports f()",
            "#pythran",
            "#pythran foo",
            "#Pythran export",
        ];
        for src in not {
            assert_eq!(export_prefix(src, 0, src.len()), None, "{src}");
        }
    }

    #[test]
    fn follows_continuation_lines() {
        let src = "#pythran export f(int,\n#                float)\nx = 1\n";
        let items = export_comments(src);
        assert_eq!(items.len(), 1);
        let Some(Item::Export(c)) = items.first() else {
            panic!("{items:?}")
        };
        let texts: Vec<_> = c.tokens.iter().map(|t| t.text(src)).collect();
        assert_eq!(texts, vec!["f", "(", "int", ",", "float", ")"]);
        assert_eq!(
            src.get(c.prefix.start..c.prefix.end),
            Some("#pythran export")
        );
    }

    #[test]
    fn unclosed_export_is_an_error_at_the_open_paren() {
        for src in [
            "#pythran export f(int,\nx = 1\n",
            "#pythran export f(int,\n#  float",
            "  # pythran export f(int,",
        ] {
            let items = export_comments(src);
            let Some(Item::Error(d)) = items.first() else {
                panic!("{items:?}")
            };
            assert_eq!(src.get(d.span.start..d.span.end), Some("("));
        }
    }

    #[test]
    fn handles_crlf_and_empty_input() {
        assert!(export_comments("").is_empty());
        let src = "#pythran export f(int)\r\n";
        assert_eq!(export_comments(src).len(), 1);
    }
}
