//! The parser's state and the helpers shared by the clause grammar ([`super::grammar`])
//! and the type grammar ([`super::types`]).

use super::ExportType;
use super::lexer::{Tok, Token};
use crate::diagnostics::{Diagnostic, Span};
use crate::messages::Message;

/// Most signatures one clause (or one type) may expand to.
pub(super) const MAX_SIGNATURES: usize = 1024;
/// Deepest type nesting accepted.
pub(super) const MAX_DEPTH: usize = 64;

/// A parsed type: every alternative it stands for (empty after an error).
#[derive(Debug)]
pub(super) struct Ty {
    /// The alternatives, without duplicates.
    pub alts: Vec<ExportType>,
    /// The type as written.
    pub span: Span,
    /// The first `or` inside, if any.
    pub or_span: Option<Span>,
}

/// A syntax error was reported; the caller recovers.
#[derive(Debug)]
pub(super) struct Fail;

/// Result of a parse step that may hit a syntax error.
pub(super) type PResult<T> = Result<T, Fail>;

/// A recursive-descent parser over the tokens of one export comment.
pub(super) struct Parser<'a> {
    /// The whole source file (token texts are slices of it).
    pub source: &'a str,
    /// The export's tokens.
    pub tokens: &'a [Token],
    /// Index of the next token.
    pub pos: usize,
    /// Where "end of export" errors point (zero width).
    pub end: Span,
    /// Where errors go.
    pub diags: &'a mut Vec<Diagnostic>,
    /// Errors reported in the current argument.
    pub arg_errors: usize,
    /// Current type nesting depth.
    pub depth: usize,
}

/// Adds `t` to `alts` unless it is already there.
pub(super) fn dedup_push(alts: &mut Vec<ExportType>, t: ExportType) {
    if !alts.contains(&t) {
        alts.push(t);
    }
}

/// Every combination of one alternative per list, or `None` if there are more than
/// [`MAX_SIGNATURES`].
pub(super) fn product(lists: &[&[ExportType]]) -> Option<Vec<Vec<ExportType>>> {
    let count = lists
        .iter()
        .try_fold(1usize, |n, l| n.checked_mul(l.len()))?;
    if count > MAX_SIGNATURES {
        return None;
    }
    let mut combos: Vec<Vec<ExportType>> = vec![Vec::new()];
    for list in lists {
        let mut next = Vec::with_capacity(combos.len() * list.len());
        for c in &combos {
            for t in *list {
                let mut c = c.clone();
                c.push(t.clone());
                next.push(c);
            }
        }
        combos = next;
    }
    Some(combos)
}

impl<'a> Parser<'a> {
    /// A parser over `tokens` (slices of `source`); end-of-export errors point at `end`.
    pub(super) fn new(
        source: &'a str,
        tokens: &'a [Token],
        end: usize,
        diags: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Parser {
            source,
            tokens,
            pos: 0,
            end: Span::new(end, end),
            diags,
            arg_errors: 0,
            depth: 0,
        }
    }

    /// The next token.
    pub(super) fn peek(&self) -> Option<Token> {
        self.tokens.get(self.pos).copied()
    }

    /// The next token's kind.
    pub(super) fn peek_kind(&self) -> Option<Tok> {
        self.peek().map(|t| t.kind)
    }

    /// Is the next token the identifier `word`?
    pub(super) fn peek_word(&self, word: &str) -> bool {
        self.peek()
            .is_some_and(|t| t.kind == Tok::Ident && t.text(self.source) == word)
    }

    /// Consumes the next token.
    pub(super) fn bump(&mut self) -> Option<Token> {
        let t = self.peek();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    /// The span of the next token, or the end of the export.
    pub(super) fn here(&self) -> Span {
        self.peek().map_or(self.end, |t| t.span)
    }

    /// The text of the next token (`None` at the end).
    pub(super) fn found(&self) -> Option<&'a str> {
        let source = self.source;
        self.peek().map(|t| t.text(source))
    }

    /// Reports an error that does not stop the argument's parse.
    pub(super) fn soft(&mut self, span: Span, m: Message) {
        self.diags.push(Diagnostic::error(span, m));
        self.arg_errors += 1;
    }

    /// Reports a syntax error (unless the argument already has one) and fails.
    pub(super) fn hard<T>(&mut self, span: Span, m: Message) -> PResult<T> {
        if self.arg_errors == 0 {
            self.diags.push(Diagnostic::error(span, m));
        }
        self.arg_errors += 1;
        Err(Fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::{Dtype, Flavor};
    use crate::messages::exports as msg;

    fn scalar(dtype: Dtype) -> ExportType {
        ExportType::Scalar {
            dtype,
            flavor: Flavor::NumPy,
        }
    }

    #[test]
    fn product_is_the_cartesian_product_in_order() {
        let a = [scalar(Dtype::Int8), scalar(Dtype::Int16)];
        let b = [scalar(Dtype::Float32), scalar(Dtype::Float64)];
        let combos = product(&[&a, &b]).unwrap_or_default();
        let shown: Vec<String> = combos
            .iter()
            .map(|c| {
                c.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        assert_eq!(
            shown,
            [
                "int8,float32",
                "int8,float64",
                "int16,float32",
                "int16,float64"
            ]
        );
        assert_eq!(product(&[]).map(|c| c.len()), Some(1));
        assert_eq!(product(&[&a, &[]]).map(|c| c.len()), Some(0));
        let big: Vec<ExportType> = Dtype::ALL.iter().map(|d| scalar(*d)).collect();
        assert!(product(&[&big, &big, &big]).is_none());
    }

    #[test]
    fn dedup_keeps_first_occurrence() {
        let mut alts = vec![scalar(Dtype::Int8)];
        dedup_push(&mut alts, scalar(Dtype::Int8));
        dedup_push(&mut alts, scalar(Dtype::Bool));
        assert_eq!(alts, vec![scalar(Dtype::Int8), scalar(Dtype::Bool)]);
    }

    #[test]
    fn hard_errors_after_a_soft_one_are_silent() {
        let mut diags = Vec::new();
        let mut p = Parser::new("", &[], 0, &mut diags);
        p.soft(Span::new(0, 0), msg::void_without_pointer());
        assert!(
            p.hard::<()>(Span::new(0, 0), msg::expected_type(None))
                .is_err()
        );
        p.arg_errors = 0;
        assert!(
            p.hard::<()>(Span::new(0, 0), msg::expected_type(None))
                .is_err()
        );
        assert_eq!(p.bump(), None);
        assert_eq!(p.found(), None);
        assert_eq!(diags.len(), 2);
    }
}
