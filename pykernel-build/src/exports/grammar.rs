//! The export grammar: `export [capsule] name(types), ...` with Pythran's type syntax,
//! and the expansion of alternatives (`or`) and trailing optionals (`?`).
//!
//! ```text
//! export  := ['capsule'] clause (',' clause)*
//! clause  := ['capsule'] NAME '(' [arg (',' arg)*] ')'
//! arg     := union ['?']
//! union   := postfix ('or' postfix)*
//! postfix := primary ('list' | 'set' | '[' dims ']' | '*' | 'order' '(' C|F ')' | ':' postfix 'dict')*
//! primary := SCALAR | 'None' | 'void' '*' | '(' ')' | '(' union ')' | '(' union (',' union)* [','] ')'
//! dims    := ε | dim (',' dim)*        dim := ':' | '::' | INT
//! ```
//!
//! Errors are reported as they are found. A syntax error abandons the current argument
//! (parsing resumes at the next `,` or `)`); an unknown word or an ill-formed type only
//! marks the argument as failed, so several unknown words in one argument are all
//! reported. A clause with any error produces no [`Export`].

use super::lexer::Tok;
use super::parser::{Fail, MAX_SIGNATURES, PResult, Parser, Ty, product};
use super::scan::Comment;
use super::{Export, ExportArg, ExportType};
use crate::diagnostics::{Diagnostic, Span};
use crate::messages::exports::{self as msg, Expected, OverloadKind};

/// A parsed argument.
#[derive(Debug)]
struct Arg {
    ty: Ty,
    /// The `?` making it optional.
    question: Option<Span>,
}

/// Parses one export comment, appending its expanded signatures and its errors.
pub(super) fn parse_export(
    source: &str,
    comment: &Comment,
    out: &mut Vec<Export>,
    diags: &mut Vec<Diagnostic>,
) {
    let end = comment
        .tokens
        .last()
        .map_or(comment.prefix.end, |t| t.span.end);
    let mut p = Parser::new(source, &comment.tokens, end, diags);
    if comment.tokens.is_empty() {
        p.diags
            .push(Diagnostic::error(comment.prefix, msg::empty_export()));
        return;
    }
    p.exports(out);
}

impl Parser<'_> {
    fn exports(&mut self, out: &mut Vec<Export>) {
        let mut line_capsule = false;
        let mut first = true;
        loop {
            let mut capsule = line_capsule;
            while self.peek_word("capsule")
                && self
                    .tokens
                    .get(self.pos + 1)
                    .is_none_or(|t| t.kind != Tok::LParen)
            {
                self.bump();
                capsule = true;
                line_capsule |= first;
            }
            first = false;
            if self.clause(capsule, out).is_err() {
                return;
            }
            match self.peek_kind() {
                None => return,
                Some(Tok::Comma) => {
                    self.bump();
                }
                Some(_) => {
                    let start = self.here();
                    let looks_like_export = self.peek_kind() == Some(Tok::Ident)
                        && self
                            .tokens
                            .get(self.pos + 1)
                            .is_some_and(|t| t.kind == Tok::LParen);
                    let span = start.to(self.tokens.last().map_or(start, |t| t.span));
                    self.diags.push(Diagnostic::error(
                        span,
                        msg::trailing_text(looks_like_export),
                    ));
                    return;
                }
            }
        }
    }

    /// `NAME(args)`; fails when the rest of the line cannot be parsed.
    fn clause(&mut self, capsule: bool, out: &mut Vec<Export>) -> PResult<()> {
        let errors_before = self.diags.len();
        let name_tok = match self.peek() {
            Some(t) if t.kind == Tok::Ident => t,
            _ => {
                let (span, found) = (self.here(), self.found());
                self.diags
                    .push(Diagnostic::error(span, msg::missing_function_name(found)));
                return Err(Fail);
            }
        };
        self.bump();
        let name = name_tok.text(self.source);
        if self.peek_kind() != Some(Tok::LParen) {
            let span = self.peek().map_or(name_tok.span, |t| t.span);
            self.diags
                .push(Diagnostic::error(span, msg::missing_parens(name)));
            return Err(Fail);
        }
        self.bump();
        let (args, close) = self.args()?;
        let span = name_tok.span.to(close);
        self.check_optionals(&args, capsule);
        if self.diags.len() > errors_before {
            return Ok(());
        }
        // Signatures with all arguments first, then without each trailing optional.
        let required = args
            .iter()
            .position(|a| a.question.is_some())
            .unwrap_or(args.len());
        let mut signatures = Vec::new();
        for n in (required..=args.len()).rev() {
            let lists: Vec<&[ExportType]> =
                args.iter().take(n).map(|a| a.ty.alts.as_slice()).collect();
            match product(&lists) {
                Some(combos) if signatures.len() + combos.len() <= MAX_SIGNATURES => {
                    signatures.extend(combos);
                }
                _ => {
                    let m = msg::too_many_overloads(MAX_SIGNATURES);
                    self.diags.push(Diagnostic::error(span, m));
                    return Ok(());
                }
            }
        }
        for combo in signatures {
            let args = combo
                .into_iter()
                .zip(&args)
                .map(|(ty, a)| ExportArg {
                    ty,
                    span: a.ty.span,
                })
                .collect();
            out.push(Export {
                name: crate::identifiers::normalize(name),
                name_span: name_tok.span,
                capsule,
                args,
                span,
            });
        }
        Ok(())
    }

    /// Only trailing arguments may be optional; capsules cannot have overloads.
    fn check_optionals(&mut self, args: &[Arg], capsule: bool) {
        let mut optional: Option<Span> = None;
        for a in args {
            match (a.question, optional) {
                (Some(q), None) => optional = Some(a.ty.span.to(q)),
                (None, Some(opt)) => {
                    self.diags
                        .push(Diagnostic::error(opt, msg::non_trailing_optional()));
                    break;
                }
                _ => {}
            }
        }
        if capsule {
            if let Some(or) = args.iter().find_map(|a| a.ty.or_span) {
                let m = msg::capsule_overload(OverloadKind::Alternative);
                self.diags.push(Diagnostic::error(or, m));
            }
            if let Some(q) = args.iter().find_map(|a| a.question) {
                let m = msg::capsule_overload(OverloadKind::Optional);
                self.diags.push(Diagnostic::error(q, m));
            }
        }
    }

    /// The arguments after `(`, up to and including `)` (whose span is returned).
    fn args(&mut self) -> PResult<(Vec<Arg>, Span)> {
        let mut args = Vec::new();
        if let Some(t) = self.peek().filter(|t| t.kind == Tok::RParen) {
            self.bump();
            return Ok((args, t.span));
        }
        loop {
            self.arg_errors = 0;
            self.depth = 0;
            let start = self.pos;
            let parsed = self.arg().and_then(|a| match self.peek_kind() {
                Some(Tok::Comma | Tok::RParen) => Ok(a),
                _ => {
                    let m = msg::unexpected(Expected::ArgSeparator, self.found());
                    self.hard(self.here(), m)
                }
            });
            match parsed {
                Ok(a) => args.push(a),
                Err(Fail) => self.skip_to_arg_end(start),
            }
            match self.bump() {
                Some(t) if t.kind == Tok::Comma => {}
                Some(t) if t.kind == Tok::RParen => return Ok((args, t.span)),
                _ => return Err(Fail),
            }
        }
    }

    /// After a syntax error in the argument starting at token `from`: skips to the next
    /// `,` or `)` outside the argument's brackets (not consuming it).
    fn skip_to_arg_end(&mut self, from: usize) {
        let failed_at = self.pos;
        self.pos = from;
        let mut open: Vec<Tok> = Vec::new();
        while let Some(k) = self.peek_kind() {
            if self.pos >= failed_at && open.is_empty() && matches!(k, Tok::Comma | Tok::RParen) {
                return;
            }
            let opener = match k {
                Tok::LParen | Tok::LBracket => {
                    open.push(k);
                    None
                }
                Tok::RParen => Some(Tok::LParen),
                Tok::RBracket => Some(Tok::LBracket),
                _ => None,
            };
            if let Some(pos) = opener.and_then(|o| open.iter().rposition(|k| *k == o)) {
                open.truncate(pos);
            }
            self.bump();
        }
    }

    fn arg(&mut self) -> PResult<Arg> {
        let ty = self.union()?;
        let question = self
            .peek()
            .filter(|t| t.kind == Tok::Question)
            .map(|t| t.span);
        if question.is_some() {
            self.bump();
        }
        Ok(Arg { ty, question })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::lexer::Lexer;

    /// Parses `text` as what follows `export`: (signatures, (code, covered text) of errors).
    fn parse(text: &str) -> (Vec<String>, Vec<(&'static str, String)>) {
        let mut lexer = Lexer::default();
        lexer.lex(text, 0, text.len());
        let comment = Comment {
            prefix: Span::new(0, 0),
            tokens: lexer.tokens,
        };
        let (mut out, mut diags) = (Vec::new(), Vec::new());
        parse_export(text, &comment, &mut out, &mut diags);
        let sigs = out
            .iter()
            .map(|e| {
                let args: Vec<_> = e.args.iter().map(|a| a.ty.to_string()).collect();
                format!(
                    "{}{}({})",
                    if e.capsule { "capsule " } else { "" },
                    e.name,
                    args.join(", ")
                )
            })
            .collect();
        let errs = diags
            .iter()
            .map(|d| {
                (
                    d.message.code.unwrap_or("?"),
                    text.get(d.span.start..d.span.end).unwrap_or("").to_string(),
                )
            })
            .collect();
        (sigs, errs)
    }

    #[test]
    fn clauses_and_capsule_keyword() {
        let (sigs, errs) = parse(" capsule a(int), b(), capsule c(float64*)");
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(
            sigs,
            ["capsule a(int)", "capsule b()", "capsule c(float64*)"]
        );
        let (sigs, _) = parse("a(int), capsule b()");
        assert_eq!(sigs, ["a(int)", "capsule b()"]);
    }

    #[test]
    fn recovery_resumes_at_the_next_argument() {
        let (sigs, errs) = parse("f(int[:;], (int, ]), double), g(int)");
        assert_eq!(sigs, ["g(int)"]);
        let texts: Vec<_> = errs.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, [";", "]", "double"]);
        // Nothing more can be read after a clause without parentheses.
        let (sigs, errs) = parse("f int, g(int)");
        assert!(sigs.is_empty());
        assert_eq!(errs.len(), 1);
    }

    #[test]
    fn optionals_and_capsules() {
        let (sigs, errs) = parse("f(int, float?, bool?)");
        assert!(errs.is_empty());
        assert_eq!(sigs, ["f(int, float, bool)", "f(int, float)", "f(int)"]);
        let (sigs, errs) = parse("f(int?, float, bool?)");
        assert!(sigs.is_empty());
        assert_eq!(errs, [("PK0115", "int?".to_string())]);
        let (_, errs) = parse("capsule f(int or float, bool?)");
        assert_eq!(
            errs,
            [("PK0114", "or".to_string()), ("PK0114", "?".to_string())]
        );
    }

    #[test]
    fn arg_spans_cover_alternatives_but_not_the_question_mark() {
        let text = "f(int or float ?)";
        let mut lexer = Lexer::default();
        lexer.lex(text, 0, text.len());
        let comment = Comment {
            prefix: Span::new(0, 0),
            tokens: lexer.tokens,
        };
        let (mut out, mut diags) = (Vec::new(), Vec::new());
        parse_export(text, &comment, &mut out, &mut diags);
        assert_eq!(out.len(), 3);
        let span = out.first().and_then(|e| e.args.first()).map(|a| a.span);
        assert_eq!(
            span.and_then(|s| text.get(s.start..s.end)),
            Some("int or float")
        );
    }
}
