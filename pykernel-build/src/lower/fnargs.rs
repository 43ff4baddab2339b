//! Functions passed as arguments (`local_maxima(data, mode=wrap)` then
//! `mode(pos, 1, n)`): the callee is specialized for the function it receives, as
//! Pythran does. A call `f(x, g)` with `g` a function of the module becomes a call of
//! `f__pkfn1_g(x)`, a copy of `f` lowered with its parameter bound to `g`; requests are
//! collected while lowering and served by `lower()` until none is new.

use rustpython_parser::ast;

use super::FnLowerer;
use super::expr::Resolved;

/// A copy of `func` with some parameters bound to functions: `(index, function, number
/// of values it captures)`. A lambda or nested `def` that reads its enclosing function's
/// locals takes them as extra parameters; the copy receives them as parameters of its
/// own, after the others (`{param}__pkcap{i}`), and passes them at each call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Specialization {
    /// The function copied.
    pub func: String,
    /// Parameters bound to functions.
    pub fixed: Vec<(usize, String, usize)>,
}

impl Specialization {
    /// The name of the copy.
    pub fn name(&self) -> String {
        let parts: Vec<String> = self
            .fixed
            .iter()
            .map(|(k, g, _)| format!("{k}_{g}"))
            .collect();
        format!("{}__pkfn{}", self.func, parts.join("_"))
    }
}

/// A function passed as an argument: its lifted name and the names, at the call, of the
/// values it captures (passed along with it).
#[derive(Clone, Debug)]
pub(super) struct FnArg {
    /// The function (module function, lifted lambda or nested `def`).
    pub func: String,
    /// The captured values, as locals of the caller.
    pub captures: Vec<String>,
}

/// The "function" of a parameter bound to a dtype (`model(h, w, dtype=np.float64)`):
/// this prefix and NumPy's name of the dtype. The copy reads the parameter as that dtype.
pub(super) const DTYPE_PREFIX: &str = "__pkdtype_";

/// The parameters of a copy that hold the values captured by the function bound to
/// parameter `param`.
pub(super) fn capture_params(param: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{param}__pkcap{i}")).collect()
}

/// At most this many copies per module (a function passing itself on could otherwise
/// ask for copies forever).
pub(super) const MAX_SPECIALIZATIONS: usize = 64;

impl FnLowerer<'_, '_> {
    /// The function an argument names (`wrap`, a lambda or nested `def` of this function,
    /// or a parameter bound to one), with the values it captures.
    pub(super) fn function_arg(&self, e: &ast::Expr) -> Option<FnArg> {
        if let ast::Expr::Lambda(l) = e {
            let key = super::lambdas::anonymous_key(l);
            let l = self.ctx.lambdas.get(&(self.fn_name.clone(), key))?;
            return Some(FnArg {
                func: l.lifted.clone(),
                captures: l.captures.clone(),
            });
        }
        if let Some(spelling) = self.dtype_spelling(e) {
            return Some(FnArg {
                func: format!("{DTYPE_PREFIX}{spelling}"),
                captures: Vec::new(),
            });
        }
        let ast::Expr::Name(n) = e else { return None };
        let name = n.id.as_str();
        if let Some(g) = self.aliases.get(name) {
            let captures = self.alias_captures.get(name).cloned().unwrap_or_default();
            return Some(FnArg {
                func: g.clone(),
                captures,
            });
        }
        if let Some(l) = self.lambda(name) {
            return Some(FnArg {
                func: l.lifted.clone(),
                captures: l.captures.clone(),
            });
        }
        if let Some(d) = self.nested(name) {
            return Some(FnArg {
                func: d.lifted.clone(),
                captures: d.captures.clone(),
            });
        }
        match self.resolve(e) {
            Some(Resolved::Function(g)) if self.ctx.functions.contains(&g) => Some(FnArg {
                func: g,
                captures: Vec::new(),
            }),
            _ => None,
        }
    }

    /// A dtype passed as an argument, as it is spelled: `float` (a builtin) or
    /// `np_float64` (an attribute of NumPy), or the spelling a parameter is bound to.
    fn dtype_spelling(&self, e: &ast::Expr) -> Option<String> {
        self.dtype_of(e)?;
        match e {
            ast::Expr::Name(n) => Some(
                self.dtype_aliases
                    .get(n.id.as_str())
                    .map_or_else(|| n.id.to_string(), |(_, s)| s.clone()),
            ),
            ast::Expr::Attribute(a) => Some(format!("np_{}", a.attr)),
            _ => None,
        }
    }

    /// What a parameter bound to the dtype `spelling` resolves to: the builtin or the
    /// NumPy attribute it names.
    pub(super) fn dtype_alias_target(&self, spelling: &str) -> Option<Resolved> {
        match spelling.strip_prefix("np_") {
            Some(attr) => Some(Resolved::Import(super::names::resolve_attr("numpy", attr))),
            None => super::expr::BUILTINS
                .iter()
                .find(|(n, _)| *n == spelling)
                .map(|(_, b)| Resolved::Builtin(*b)),
        }
    }

    /// The dtype a spelling names (`float`, `np_float32`, `np_bool_`).
    pub(super) fn dtype_of_spelling(spelling: &str) -> Option<crate::exports::Dtype> {
        let word = spelling.strip_prefix("np_").unwrap_or(spelling);
        if word == "bool_" {
            return Some(crate::exports::Dtype::Bool);
        }
        crate::exports::dtype_word(word)
    }

    /// The callee for `name` with these function arguments: itself, or its copy (asked
    /// for once).
    pub(super) fn specialized(&mut self, name: &str, fixed: &[(usize, FnArg)]) -> String {
        if fixed.is_empty() {
            return name.to_owned();
        }
        let s = Specialization {
            func: name.to_owned(),
            fixed: fixed
                .iter()
                .map(|(k, a)| (*k, a.func.clone(), a.captures.len()))
                .collect(),
        };
        let n = s.name();
        if !self.requests.contains(&s) {
            self.requests.push(s);
        }
        n
    }
}
