//! Functions passed as arguments (`local_maxima(data, mode=wrap)` then
//! `mode(pos, 1, n)`): the callee is specialized for the function it receives, as
//! Pythran does. A call `f(x, g)` with `g` a function of the module becomes a call of
//! `f__pkfn1_g(x)`, a copy of `f` lowered with its parameter bound to `g`; requests are
//! collected while lowering and served by `lower()` until none is new.

use rustpython_parser::ast;

use super::FnLowerer;
use super::expr::Resolved;

/// A copy of `func` with some parameters bound to functions: `(index, function)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Specialization {
    /// The function copied.
    pub func: String,
    /// Parameters bound to functions.
    pub fixed: Vec<(usize, String)>,
}

impl Specialization {
    /// The name of the copy.
    pub fn name(&self) -> String {
        let parts: Vec<String> = self.fixed.iter().map(|(k, g)| format!("{k}_{g}")).collect();
        format!("{}__pkfn{}", self.func, parts.join("_"))
    }
}

/// At most this many copies per module (a function passing itself on could otherwise
/// ask for copies forever).
pub(super) const MAX_SPECIALIZATIONS: usize = 64;

impl FnLowerer<'_, '_> {
    /// The module function an argument names (`wrap`, or a parameter bound to one).
    pub(super) fn function_arg(&self, e: &ast::Expr) -> Option<String> {
        let ast::Expr::Name(n) = e else { return None };
        if self.lambda(n.id.as_str()).is_some() {
            return None;
        }
        match self.resolve(e) {
            Some(Resolved::Function(g)) if self.ctx.functions.contains(&g) => Some(g),
            _ => None,
        }
    }

    /// The callee for `name` with these function arguments: itself, or its copy (asked
    /// for once).
    pub(super) fn specialized(&mut self, name: &str, fixed: Vec<(usize, String)>) -> String {
        if fixed.is_empty() {
            return name.to_owned();
        }
        let s = Specialization {
            func: name.to_owned(),
            fixed,
        };
        let n = s.name();
        if !self.requests.contains(&s) {
            self.requests.push(s);
        }
        n
    }
}
