//! `np.einsum(subscripts, *operands)`: the subscripts, a string literal, parsed as
//! NumPy's `c_einsum` parses them (its `ValueError`s as build errors), the output labels
//! implied when `->` is absent. The operands' ranks are checked when typing.

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, Expr, ExprKind, Linalg, Subscripts};
use crate::messages::{Message, kernel as kmsg, numpy as msg};

/// Why subscripts are refused.
#[derive(Debug, PartialEq)]
pub(crate) enum Refused {
    /// NumPy's `ValueError`, with its message.
    NumPy(String),
    /// A form pykernel does not support yet (what, for the message).
    Unsupported(&'static str),
    /// A result of more than 5 dimensions.
    TooManyDimensions,
}

fn numpy(text: impl Into<String>) -> Refused {
    Refused::NumPy(text.into())
}

fn invalid(c: char) -> Refused {
    numpy(format!(
        "invalid subscript '{c}' in einstein sum subscripts string, subscripts must be letters"
    ))
}

/// Parses `subscripts` for `nops` operands, in NumPy's order of checks.
pub(crate) fn parse(subscripts: &str, nops: usize) -> Result<Subscripts, Refused> {
    if nops == 0 {
        return Err(numpy(
            "must specify the einstein sum subscripts string and at least one operand",
        ));
    }
    let chars: Vec<char> = subscripts.chars().collect();
    let mut pos = 0;
    let mut ops: Vec<Vec<u8>> = Vec::new();
    let mut counts = [0usize; 128];
    for iop in 0..nops {
        let len = chars[pos..]
            .iter()
            .position(|&c| c == ',' || c == '-')
            .unwrap_or(chars.len() - pos);
        let stop = chars.get(pos + len).copied();
        if iop == nops - 1 && stop == Some(',') {
            return Err(numpy(
                "more operands provided to einstein sum function than specified in the \
                 subscripts string",
            ));
        }
        if iop < nops - 1 && stop != Some(',') {
            return Err(numpy(
                "fewer operands provided to einstein sum function than specified in the \
                 subscripts string",
            ));
        }
        let mut labels = Vec::new();
        for &c in &chars[pos..pos + len] {
            match c {
                _ if c.is_ascii_alphabetic() => {
                    // Arrays have at most 5 dimensions: more labels never fit.
                    if labels.len() == 5 {
                        return Err(numpy(format!(
                            "einstein sum subscripts string contains too many subscripts for \
                             operand {iop}"
                        )));
                    }
                    labels.push(c as u8);
                    counts[c as usize] += 1;
                }
                '.' => return Err(Refused::Unsupported("with an ellipsis (`...`)")),
                ' ' => {}
                _ => return Err(invalid(c)),
            }
        }
        ops.push(labels);
        pos += len + usize::from(iop < nops - 1);
    }
    let out: Vec<u8> = if pos == chars.len() {
        (0..128u8).filter(|&l| counts[l as usize] == 1).collect()
    } else {
        if chars[pos..].len() < 2 || chars[pos] != '-' || chars[pos + 1] != '>' {
            return Err(numpy(
                "einstein sum subscript string does not contain proper '->' output specified",
            ));
        }
        let rest = &chars[pos + 2..];
        let mut out = Vec::new();
        for (i, &c) in rest.iter().enumerate() {
            match c {
                _ if c.is_ascii_alphabetic() => {
                    if rest[i + 1..].contains(&c) {
                        return Err(numpy(format!(
                            "einstein sum subscripts string includes output subscript '{c}' \
                             multiple times"
                        )));
                    }
                    if counts[c as usize] == 0 {
                        return Err(numpy(format!(
                            "einstein sum subscripts string included output subscript '{c}' \
                             which never appeared in an input"
                        )));
                    }
                    out.push(c as u8);
                }
                '.' => return Err(Refused::Unsupported("with an ellipsis (`...`)")),
                ' ' => {}
                _ => return Err(invalid(c)),
            }
        }
        out
    };
    if nops > 2 {
        return Err(Refused::Unsupported("of more than two operands"));
    }
    if out.len() > 5 {
        return Err(Refused::TooManyDimensions);
    }
    // One operand whose repeated label is kept: a diagonal view in NumPy.
    if let [op] = &ops[..]
        && op
            .iter()
            .enumerate()
            .any(|(i, l)| op[i + 1..].contains(l) && out.contains(l))
    {
        return Err(Refused::Unsupported(
            "with a label repeated in the operand and kept in the output (a diagonal view)",
        ));
    }
    Subscripts::new(&ops, &out).ok_or(Refused::TooManyDimensions)
}

impl FnLowerer<'_, '_> {
    /// `np.einsum('ij,jk->ik', a, b)`.
    pub(super) fn einsum(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        if let Some(k) = c.keywords.first() {
            self.error(
                span_of(k),
                kmsg::unsupported_keyword(k.arg.as_deref().unwrap_or("**")),
            );
            return None;
        }
        let Some(first) = c.args.first() else {
            let m = msg::einsum_subscripts(
                "must specify the einstein sum subscripts string and at least one operand",
            );
            self.error(span, m);
            return None;
        };
        let text = match first {
            ast::Expr::Constant(k) => match &k.value {
                ast::Constant::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        };
        let Some(text) = text else {
            self.error(span_of(first), msg::einsum_literal());
            return None;
        };
        let subs = match parse(text, c.args.len() - 1) {
            Ok(s) => s,
            Err(r) => {
                let m: Message = match r {
                    Refused::NumPy(t) => msg::einsum_subscripts(&t),
                    Refused::Unsupported(what) => msg::einsum_unsupported(what),
                    Refused::TooManyDimensions => msg::too_many_dimensions("einsum"),
                };
                self.error(span_of(first), m);
                return None;
            }
        };
        let args = self.args(&c.args[1..])?;
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpLinalg(Linalg::Einsum(subs)), args),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, n: usize) -> (Vec<String>, String) {
        let p = parse(s, n).unwrap();
        let text = |l: &[u8]| String::from_utf8(l.to_vec()).unwrap();
        (
            (0..p.operands()).map(|k| text(p.operand(k))).collect(),
            text(p.output()),
        )
    }

    #[test]
    fn implicit_and_explicit_outputs() {
        assert_eq!(
            ok("ij,jk", 2),
            (vec!["ij".into(), "jk".into()], "ik".into())
        );
        assert_eq!(ok("ji", 1).1, "ij");
        assert_eq!(ok("ii", 1).1, "");
        assert_eq!(ok("i,i", 2).1, "");
        assert_eq!(ok("i j -> j i", 1), (vec!["ij".into()], "ji".into()));
        assert_eq!(ok("Ij,jk", 2).1, "Ik");
        assert_eq!(ok("ij->", 1).1, "");
    }

    #[test]
    fn numpy_errors() {
        let err = |s: &str, n: usize| match parse(s, n) {
            Err(Refused::NumPy(t)) => t,
            other => panic!("{other:?}"),
        };
        assert!(err("ij", 2).starts_with("fewer operands"));
        assert!(err("ij,j", 1).starts_with("more operands"));
        assert!(err("i2", 1).starts_with("invalid subscript '2'"));
        assert!(err("ij->k", 1).contains("output subscript 'k' which never appeared"));
        assert!(err("ij->ii", 1).contains("output subscript 'i' multiple times"));
        assert!(err("ij-ji", 1).contains("proper '->'"));
        assert!(err("abcdef", 1).contains("too many subscripts for operand 0"));
        assert!(matches!(parse("ij...", 1), Err(Refused::Unsupported(_))));
        assert!(matches!(parse("ij,jk,kl", 3), Err(Refused::Unsupported(_))));
        assert!(matches!(parse("ii->i", 1), Err(Refused::Unsupported(_))));
        assert!(matches!(
            parse("abc,def->abcdef", 2),
            Err(Refused::TooManyDimensions)
        ));
    }

    #[test]
    fn views() {
        assert_eq!(parse("ij->ji", 1).unwrap().view_axes(), Some(vec![1, 0]));
        assert_eq!(parse("ij", 1).unwrap().view_axes(), Some(vec![0, 1]));
        assert_eq!(parse("ij->i", 1).unwrap().view_axes(), None);
        assert_eq!(parse("ii", 1).unwrap().view_axes(), None);
    }
}
