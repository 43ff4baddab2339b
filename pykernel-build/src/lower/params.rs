//! Arguments of calls to NumPy functions matched to NumPy's parameter names, as Python
//! binds them: positional ones in order, then keywords by name. One place for the
//! errors (too many, unknown keyword, given twice), so every NumPy call lowered with
//! named parameters reports them alike.

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::messages::kernel as msg;

impl FnLowerer<'_, '_> {
    /// The arguments `pos` (positional) and `keywords` of a call to `func` matched to
    /// `names` (its parameters after those already taken, in order): `None` after an
    /// error. `taken`: parameters before `names` already given (a method's receiver, a
    /// first argument read apart), counted in the arity message.
    pub(super) fn match_params<'c>(
        &mut self,
        func: &str,
        names: &[&str],
        taken: usize,
        pos: &'c [ast::Expr],
        keywords: &'c [ast::Keyword],
        span: Span,
    ) -> Option<Vec<Option<&'c ast::Expr>>> {
        if pos.len() > names.len() {
            self.error(
                span,
                msg::call_arity(func, taken + names.len(), taken + pos.len()),
            );
            return None;
        }
        let mut given: Vec<Option<&ast::Expr>> = vec![None; names.len()];
        for (k, a) in pos.iter().enumerate() {
            given[k] = Some(a);
        }
        for kw in keywords {
            let name = kw.arg.as_deref().unwrap_or("**");
            match names.iter().position(|n| *n == name) {
                Some(k) if given[k].is_some() => {
                    self.error(span_of(kw), msg::duplicate_argument(func, name));
                    return None;
                }
                Some(k) => given[k] = Some(&kw.value),
                None => {
                    self.error(span_of(kw), msg::unsupported_keyword(name));
                    return None;
                }
            }
        }
        Some(given)
    }
}
