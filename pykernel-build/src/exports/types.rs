//! The type grammar: `union`, `postfix` and `primary` types, arrays, pointers, tuples
//! and dicts, each parsed to the list of alternatives it stands for.

use super::lexer::Tok;
use super::parser::{MAX_DEPTH, MAX_SIGNATURES, PResult, Parser, Ty, dedup_push, product};
use super::{Dim, ExportType, Order, words};
use crate::diagnostics::Span;
use crate::messages::exports::{self as msg, Expected};

impl Parser<'_> {
    /// `postfix (or postfix)*`: a type with its alternatives.
    pub(super) fn union(&mut self) -> PResult<Ty> {
        let mut ty = self.postfix()?;
        while let Some(or) = self.peek().filter(|_| self.peek_word("or")) {
            self.bump();
            ty.or_span.get_or_insert(or.span);
            let next = self.postfix()?;
            ty.span = ty.span.to(next.span);
            ty.or_span = ty.or_span.or(next.or_span);
            for t in next.alts {
                dedup_push(&mut ty.alts, t);
            }
            if ty.alts.len() > MAX_SIGNATURES {
                return self.hard(ty.span, msg::too_many_overloads(MAX_SIGNATURES));
            }
        }
        Ok(ty)
    }

    fn postfix(&mut self) -> PResult<Ty> {
        if self.depth >= MAX_DEPTH {
            return self.hard(self.here(), msg::nested_too_deeply(MAX_DEPTH));
        }
        self.depth += 1;
        let result = self.postfix_inner();
        self.depth -= 1;
        result
    }

    fn postfix_inner(&mut self) -> PResult<Ty> {
        let mut ty = self.primary()?;
        let mut after_dims = false;
        while let Some(tok) = self.peek() {
            let word = (tok.kind == Tok::Ident).then(|| tok.text(self.source));
            let was_dims = std::mem::take(&mut after_dims);
            match (tok.kind, word) {
                (_, Some("list")) => {
                    self.bump();
                    ty.alts = ty
                        .alts
                        .into_iter()
                        .map(|t| ExportType::List(Box::new(t)))
                        .collect();
                    ty.span = ty.span.to(tok.span);
                }
                (_, Some("set")) => {
                    self.bump();
                    ty.alts = ty
                        .alts
                        .into_iter()
                        .map(|t| ExportType::Set(Box::new(t)))
                        .collect();
                    ty.span = ty.span.to(tok.span);
                }
                (_, Some("order")) => self.order(&mut ty)?,
                (Tok::LBracket, _) => {
                    let (dims, strided, close) = self.dims()?;
                    self.apply_dims(&mut ty, &dims, strided, was_dims);
                    ty.span = ty.span.to(close);
                    after_dims = true;
                }
                (Tok::Star, _) => {
                    self.bump();
                    self.apply_pointer(&mut ty, tok.span);
                }
                (Tok::Colon, _) => {
                    self.bump();
                    let value = self.postfix()?;
                    let Some(dict) = self.peek().filter(|_| self.peek_word("dict")) else {
                        let m = msg::unexpected(Expected::Dict, self.found());
                        return self.hard(self.here(), m);
                    };
                    self.bump();
                    let combos = product(&[&ty.alts, &value.alts]);
                    let Some(combos) = combos else {
                        return self.hard(
                            ty.span.to(dict.span),
                            msg::too_many_overloads(MAX_SIGNATURES),
                        );
                    };
                    ty.alts = combos
                        .into_iter()
                        .filter_map(|kv| {
                            let mut kv = kv.into_iter();
                            Some(ExportType::Dict(Box::new(kv.next()?), Box::new(kv.next()?)))
                        })
                        .collect();
                    ty.span = ty.span.to(dict.span);
                    ty.or_span = ty.or_span.or(value.or_span);
                }
                _ => break,
            }
        }
        Ok(ty)
    }

    fn primary(&mut self) -> PResult<Ty> {
        let Some(tok) = self.peek() else {
            return self.hard(self.end, msg::expected_type(None));
        };
        let one = |t: ExportType| Ty {
            alts: vec![t],
            span: tok.span,
            or_span: None,
        };
        match tok.kind {
            Tok::Ident => {
                let word = tok.text(self.source);
                if let Some((dtype, flavor)) = words::scalar(word) {
                    self.bump();
                    return Ok(one(ExportType::Scalar { dtype, flavor }));
                }
                match word {
                    "None" => {
                        self.bump();
                        Ok(one(ExportType::None))
                    }
                    "void" => {
                        self.bump();
                        match self.peek().filter(|t| t.kind == Tok::Star) {
                            Some(star) => {
                                self.bump();
                                Ok(Ty {
                                    alts: vec![ExportType::VoidPointer],
                                    span: tok.span.to(star.span),
                                    or_span: None,
                                })
                            }
                            None => {
                                self.soft(tok.span, msg::void_without_pointer());
                                Ok(Ty {
                                    alts: Vec::new(),
                                    span: tok.span,
                                    or_span: None,
                                })
                            }
                        }
                    }
                    "list" | "set" | "dict" | "or" | "order" => {
                        self.hard(tok.span, msg::expected_type(Some(word)))
                    }
                    _ => {
                        self.bump();
                        let m = match words::unknown(word) {
                            words::Unknown::Unsupported => msg::unsupported_type(word),
                            words::Unknown::Suggest(s) => msg::unknown_type(word, Some(s)),
                            words::Unknown::Nothing => msg::unknown_type(word, None),
                        };
                        self.soft(tok.span, m);
                        Ok(Ty {
                            alts: Vec::new(),
                            span: tok.span,
                            or_span: None,
                        })
                    }
                }
            }
            Tok::LParen => self.parenthesized(tok.span),
            _ => self.hard(tok.span, msg::expected_type(Some(tok.text(self.source)))),
        }
    }

    /// `()`, `(T)` (grouping), `(T,)`, `(T1, T2, ...)`; the `(` is next.
    fn parenthesized(&mut self, open: Span) -> PResult<Ty> {
        self.bump();
        if let Some(close) = self.peek().filter(|t| t.kind == Tok::RParen) {
            self.bump();
            return Ok(Ty {
                alts: vec![ExportType::Tuple(Vec::new())],
                span: open.to(close.span),
                or_span: None,
            });
        }
        let mut elems: Vec<Ty> = Vec::new();
        let mut trailing_comma = false;
        let close = loop {
            elems.push(self.union()?);
            if let Some(q) = self.peek().filter(|t| t.kind == Tok::Question) {
                self.bump();
                self.soft(q.span, msg::misplaced_optional());
            }
            match self.peek() {
                Some(t) if t.kind == Tok::Comma => {
                    self.bump();
                    trailing_comma = true;
                    if let Some(close) = self.peek().filter(|t| t.kind == Tok::RParen) {
                        self.bump();
                        break close.span;
                    }
                    trailing_comma = false;
                }
                Some(t) if t.kind == Tok::RParen => {
                    self.bump();
                    break t.span;
                }
                _ => {
                    let m = msg::unexpected(Expected::TupleSeparator, self.found());
                    return self.hard(self.here(), m);
                }
            }
        };
        let span = open.to(close);
        let or_span = elems.iter().find_map(|e| e.or_span);
        if elems.len() == 1 && !trailing_comma {
            if let Some(mut inner) = elems.pop() {
                inner.span = span;
                return Ok(inner);
            }
        }
        let lists: Vec<&[ExportType]> = elems.iter().map(|e| e.alts.as_slice()).collect();
        let Some(combos) = product(&lists) else {
            return self.hard(span, msg::too_many_overloads(MAX_SIGNATURES));
        };
        Ok(Ty {
            alts: combos.into_iter().map(ExportType::Tuple).collect(),
            span,
            or_span,
        })
    }

    /// `[dims]`; the `[` is next. Returns the dims, whether any is `::`, and the `]` span.
    fn dims(&mut self) -> PResult<(Vec<Dim>, bool, Span)> {
        self.bump();
        let mut dims = Vec::new();
        let mut strided = false;
        if let Some(close) = self.peek().filter(|t| t.kind == Tok::RBracket) {
            self.bump();
            return Ok((vec![Dim::Any], false, close.span));
        }
        loop {
            let Some(tok) = self.peek() else {
                return self.hard(self.end, msg::unexpected(Expected::Dim, None));
            };
            match tok.kind {
                // An empty dimension is `:`, as in Pythran's grammar (`float[,]`,
                // `int[:,]`): the separator is read below without a bump here.
                Tok::Comma | Tok::RBracket => {
                    dims.push(Dim::Any);
                    match self.sep_after_dim()? {
                        Some(close) => return Ok((dims, strided, close)),
                        None => continue,
                    }
                }
                Tok::Colon => dims.push(Dim::Any),
                Tok::ColonColon => {
                    dims.push(Dim::Any);
                    strided = true;
                }
                Tok::Int => {
                    let text = tok.text(self.source);
                    match text.parse::<u64>() {
                        Ok(n) => dims.push(Dim::Fixed(n)),
                        Err(_) => {
                            self.soft(tok.span, msg::extent_too_large(text));
                            dims.push(Dim::Any);
                        }
                    }
                }
                _ => {
                    let m = msg::unexpected(Expected::Dim, Some(tok.text(self.source)));
                    return self.hard(tok.span, m);
                }
            }
            self.bump();
            if let Some(close) = self.sep_after_dim()? {
                return Ok((dims, strided, close));
            }
        }
    }

    /// The `,` or `]` after a dimension: `Some(span of ])` at the end.
    fn sep_after_dim(&mut self) -> PResult<Option<Span>> {
        match self.peek() {
            Some(t) if t.kind == Tok::Comma => {
                self.bump();
                Ok(None)
            }
            Some(t) if t.kind == Tok::RBracket => {
                self.bump();
                Ok(Some(t.span))
            }
            _ => {
                let m = msg::unexpected(Expected::DimSeparator, self.found());
                self.hard(self.here(), m)
            }
        }
    }

    /// `T[...]`: scalars become arrays; `T[..][..]` adds dimensions.
    fn apply_dims(&mut self, ty: &mut Ty, new: &[Dim], new_strided: bool, after_dims: bool) {
        let mut bad = None;
        let alts = std::mem::take(&mut ty.alts);
        for t in alts {
            match t {
                ExportType::Scalar { dtype, flavor } => {
                    let order = Order::C;
                    ty.alts.push(ExportType::Array {
                        dtype,
                        flavor,
                        dims: new.to_vec(),
                        strided: new_strided,
                        order,
                    });
                }
                ExportType::Array {
                    dtype,
                    flavor,
                    mut dims,
                    strided,
                    order,
                } if after_dims => {
                    dims.extend_from_slice(new);
                    ty.alts.push(ExportType::Array {
                        dtype,
                        flavor,
                        dims,
                        strided: strided || new_strided,
                        order,
                    });
                }
                other => {
                    bad.get_or_insert(other.to_string());
                }
            }
        }
        if let Some(elem) = bad {
            ty.alts.clear();
            self.soft(ty.span, msg::array_of_non_scalar(&elem));
        }
    }

    /// `T*`: only numeric scalars can be pointed to.
    fn apply_pointer(&mut self, ty: &mut Ty, star: Span) {
        let mut bad = None;
        let alts = std::mem::take(&mut ty.alts);
        for t in alts {
            match t {
                ExportType::Scalar { dtype, flavor } => {
                    ty.alts.push(ExportType::Pointer { dtype, flavor })
                }
                other => {
                    bad.get_or_insert(other.to_string());
                }
            }
        }
        ty.span = ty.span.to(star);
        if let Some(pointee) = bad {
            ty.alts.clear();
            self.soft(ty.span, msg::pointer_to_non_numeric(&pointee));
        }
    }

    /// `order(C)` / `order(F)` after a 2-D array; `order` is next.
    fn order(&mut self, ty: &mut Ty) -> PResult<()> {
        self.bump();
        if self.peek_kind() != Some(Tok::LParen) {
            let m = msg::unexpected(Expected::OrderParen, self.found());
            return self.hard(self.here(), m);
        }
        self.bump();
        let word = self.peek().filter(|t| t.kind == Tok::Ident);
        if word.is_some() {
            self.bump();
        }
        let Some(close) = self.peek().filter(|t| t.kind == Tok::RParen) else {
            let m = msg::unexpected(Expected::OrderClose, self.found());
            return self.hard(self.here(), m);
        };
        self.bump();
        let text = word.map(|t| t.text(self.source));
        let order = match text {
            Some("C") => Order::C,
            Some("F") => Order::F,
            _ => {
                let span = word.map_or(close.span, |t| t.span);
                self.soft(span, msg::bad_order(text));
                ty.alts.clear();
                return Ok(());
            }
        };
        let full = ty.span.to(close.span);
        let mut bad = None;
        for t in &mut ty.alts {
            match t {
                ExportType::Array { dims, order: o, .. } if dims.len() == 2 => *o = order,
                ExportType::Array { dims, .. } => {
                    let rank = dims.len();
                    if bad.is_none() {
                        bad = Some((t.to_string(), Some(rank)));
                    }
                }
                other => {
                    if bad.is_none() {
                        bad = Some((other.to_string(), None));
                    }
                }
            }
        }
        if let Some((shown, rank)) = bad {
            ty.alts.clear();
            self.soft(full, msg::order_not_2d(&shown, rank));
        }
        ty.span = full;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::lexer::Lexer;

    /// Parses one union type from `text`: (alternatives, error codes, tokens consumed).
    fn parse(text: &str) -> (Vec<String>, Vec<&'static str>, usize) {
        let mut lexer = Lexer::default();
        lexer.lex(text, 0, text.len());
        let mut diags = Vec::new();
        let mut p = Parser::new(text, &lexer.tokens, text.len(), &mut diags);
        let alts = p.union().map(|t| t.alts).unwrap_or_default();
        let pos = p.pos;
        let codes = diags.iter().filter_map(|d| d.message.code).collect();
        (alts.iter().map(ToString::to_string).collect(), codes, pos)
    }

    #[test]
    fn stops_before_separators() {
        assert_eq!(parse("int, float"), (vec!["int".to_string()], vec![], 1));
        assert_eq!(
            parse("int list ?"),
            (vec!["int list".to_string()], vec![], 2)
        );
        assert_eq!(parse("int[:] )"), (vec!["int[:]".to_string()], vec![], 4));
    }

    #[test]
    fn alternatives_distribute_over_containers() {
        let (alts, errs, _) = parse("(int or None, float32 or float64) list or bool");
        assert!(errs.is_empty());
        assert_eq!(
            alts,
            [
                "(int, float32) list",
                "(int, float64) list",
                "(None, float32) list",
                "(None, float64) list",
                "bool"
            ]
        );
        let (alts, _, _) = parse("(int or float):(bool or None) dict");
        assert_eq!(alts.len(), 4);
    }

    #[test]
    fn soft_errors_keep_parsing() {
        let (alts, errs, pos) = parse("(double, lnog) list");
        assert!(alts.is_empty());
        assert_eq!(errs, ["PK0101", "PK0101"]);
        assert_eq!(pos, 6);
        let (alts, errs, _) = parse("int list* or float");
        assert_eq!(alts, ["float"]);
        assert_eq!(errs, ["PK0110"]);
    }

    #[test]
    fn grouping_and_tuples() {
        assert_eq!(parse("(int)").0, ["int"]);
        assert_eq!(parse("(int,)").0, ["(int,)"]);
        assert_eq!(parse("()").0, ["()"]);
        assert_eq!(parse("((int))").0, ["int"]);
    }

    #[test]
    fn arrays_and_order() {
        assert_eq!(parse("int8[:,:,::]").0, ["int8[::,::,::]"]);
        assert_eq!(parse("uint8[2][3]").0, ["uint8[2,3]"]);
        // Empty dimensions are `:`, as in Pythran's grammar.
        assert_eq!(parse("float[,]").0, ["float[:,:]"]);
        assert_eq!(parse("int[:,]").0, ["int[:,:]"]);
        assert_eq!(parse("int[,3,]").0, ["int[:,3,:]"]);
        assert_eq!(parse("float[]").0, ["float[:]"]);
        assert_eq!(
            parse("complex64[:,:] order(F) or int[:]").0,
            ["complex64[:,:] order(F)", "int[:]"]
        );
        assert_eq!(parse("float64[:,:] order(c)").1, ["PK0112"]);
        assert_eq!(parse("float64[:,:,:] order(F)").1, ["PK0113"]);
        assert_eq!(parse("float64[:] list [:]").1, ["PK0111"]);
        assert_eq!(parse("float64[").1, ["PK0108"]);
    }

    #[test]
    fn depth_is_limited() {
        let deep = format!(
            "{}int{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(parse(&deep).1, ["PK0120"]);
        let ok = format!(
            "{}int{}",
            "(".repeat(MAX_DEPTH - 1),
            ")".repeat(MAX_DEPTH - 1)
        );
        assert_eq!(parse(&ok).0, ["int"]);
    }
}
