//! Tokens of an export comment.
//!
//! An export may continue over several comment lines, so the lexer is fed one source
//! range (segment) at a time and keeps track of the brackets still open, which tells the
//! scanner whether the next line must continue the export.

use crate::diagnostics::Span;

/// Kind of a token; its text is the source under its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// `[A-Za-z_][A-Za-z0-9_]*`
    Ident,
    /// `[0-9]+`
    Int,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `::` (no space in between)
    ColonColon,
    /// `*`
    Star,
    /// `?`
    Question,
    /// Any other character (one token per character).
    Other,
}

/// One token with its place in the whole source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    /// What it is.
    pub kind: Tok,
    /// Where it is (byte offsets into the whole file).
    pub span: Span,
}

impl Token {
    /// The token's text in `source` (empty if the span is somehow out of range).
    pub fn text(self, source: &str) -> &str {
        source.get(self.span.start..self.span.end).unwrap_or("")
    }
}

/// Accumulates the tokens of one export comment, segment by segment.
#[derive(Debug, Default)]
pub(super) struct Lexer {
    /// Tokens so far, in source order.
    pub tokens: Vec<Token>,
    /// Brackets opened and not yet closed: (`LParen` or `LBracket`, span).
    open: Vec<(Tok, Span)>,
}

/// Python identifiers may be non-ASCII (`café`, `℘`): Unicode's `XID_Start` or `_`
/// starts one, as in CPython.
pub(super) fn is_ident_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// `XID_Continue` (letters, digits, `_`, combining marks) continues an identifier.
pub(super) fn is_ident_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

impl Lexer {
    /// Lexes `source[start..end]` (nothing if that is not a valid range of `source`).
    pub fn lex(&mut self, source: &str, start: usize, end: usize) {
        let Some(text) = source.get(start..end) else {
            return;
        };
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = start + i;
            if c.is_whitespace() {
                continue;
            }
            let mut stop = at + c.len_utf8();
            let kind = if is_ident_start(c) {
                while let Some(&(j, d)) = chars.peek() {
                    if !is_ident_continue(d) {
                        break;
                    }
                    stop = start + j + d.len_utf8();
                    chars.next();
                }
                Tok::Ident
            } else if c.is_ascii_digit() {
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    stop = start + j + d.len_utf8();
                    chars.next();
                }
                Tok::Int
            } else {
                match c {
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    '[' => Tok::LBracket,
                    ']' => Tok::RBracket,
                    ',' => Tok::Comma,
                    ':' => {
                        if let Some(&(j, ':')) = chars.peek() {
                            stop = start + j + 1;
                            chars.next();
                            Tok::ColonColon
                        } else {
                            Tok::Colon
                        }
                    }
                    '*' => Tok::Star,
                    '?' => Tok::Question,
                    _ => Tok::Other,
                }
            };
            let span = Span::new(at, stop);
            self.track(kind, span);
            self.tokens.push(Token { kind, span });
        }
    }

    fn track(&mut self, kind: Tok, span: Span) {
        let opener = match kind {
            Tok::LParen | Tok::LBracket => {
                self.open.push((kind, span));
                return;
            }
            Tok::RParen => Tok::LParen,
            Tok::RBracket => Tok::LBracket,
            _ => return,
        };
        // A closer closes its innermost matching opener (and anything left open inside
        // it); a closer with no opener is left for the parser to report.
        if let Some(pos) = self.open.iter().rposition(|(k, _)| *k == opener) {
            self.open.truncate(pos);
        }
    }

    /// The outermost bracket still open, if any.
    pub fn unclosed(&self) -> Option<Span> {
        self.open.first().map(|(_, s)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Tok, String)> {
        let mut lx = Lexer::default();
        lx.lex(src, 0, src.len());
        lx.tokens
            .iter()
            .map(|t| (t.kind, t.text(src).to_string()))
            .collect()
    }

    #[test]
    fn lexes_every_token_kind() {
        let ks = kinds("f(int8, float64 [::,3]) : * ? ; é ½");
        let expect = [
            (Tok::Ident, "f"),
            (Tok::LParen, "("),
            (Tok::Ident, "int8"),
            (Tok::Comma, ","),
            (Tok::Ident, "float64"),
            (Tok::LBracket, "["),
            (Tok::ColonColon, "::"),
            (Tok::Comma, ","),
            (Tok::Int, "3"),
            (Tok::RBracket, "]"),
            (Tok::RParen, ")"),
            (Tok::Colon, ":"),
            (Tok::Star, "*"),
            (Tok::Question, "?"),
            (Tok::Other, ";"),
            (Tok::Ident, "é"),
            (Tok::Other, "½"),
        ];
        let expect: Vec<_> = expect.iter().map(|(k, s)| (*k, s.to_string())).collect();
        assert_eq!(ks, expect);
    }

    #[test]
    fn identifiers_are_pythons() {
        // `℘` (a math symbol) starts a Python name; a combining accent continues one.
        assert_eq!(kinds("℘"), vec![(Tok::Ident, "℘".into())]);
        assert_eq!(
            kinds("cafe\u{301}"),
            vec![(Tok::Ident, "cafe\u{301}".into())]
        );
        assert_eq!(
            kinds("a\u{301}b·c"),
            vec![(Tok::Ident, "a\u{301}b·c".into())]
        );
    }

    #[test]
    fn digits_then_letters_are_two_tokens() {
        assert_eq!(kinds("café"), vec![(Tok::Ident, "café".into())]);
        assert_eq!(
            kinds("3f"),
            vec![(Tok::Int, "3".into()), (Tok::Ident, "f".into())]
        );
    }

    #[test]
    fn segments_keep_absolute_spans_and_track_brackets() {
        let src = "#pythran export f(int,\n#   float)";
        let mut lx = Lexer::default();
        lx.lex(src, 15, 22);
        assert_eq!(lx.unclosed(), Some(Span::new(17, 18)));
        lx.lex(src, 24, src.len());
        assert_eq!(lx.unclosed(), None);
        let last = lx.tokens.last().copied();
        assert_eq!(last.map(|t| t.text(src)), Some(")"));
    }

    #[test]
    fn closer_closes_inner_unclosed_brackets() {
        let src = "f(int[:, float)";
        let mut lx = Lexer::default();
        lx.lex(src, 0, src.len());
        assert_eq!(lx.unclosed(), None);
        let src = "f(int], (a";
        let mut lx = Lexer::default();
        lx.lex(src, 0, src.len());
        assert_eq!(lx.unclosed(), Some(Span::new(1, 2)));
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let mut lx = Lexer::default();
        lx.lex("é", 1, 2);
        lx.lex("abc", 2, 10);
        assert!(lx.tokens.is_empty());
    }
}
