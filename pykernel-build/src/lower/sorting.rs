//! Lowering of sorting and searching calls (`np.sort(a, axis=0)`, `a.argsort()`,
//! `np.searchsorted(a, v, side='right')`, `np.unique(a, return_counts=True)`,
//! `np.median(a, axis=1)`, `np.bincount(x, weights=w, minlength=5)`,
//! `np.partition(a, 3)`, `np.digitize(x, bins)`, `np.histogram(a, bins=10,
//! range=(0, 1))`) into `Builtin::NpSort` with a fixed argument list per function (see
//! its doc).

use std::collections::HashMap;

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, Expr, ExprKind, SortFn};
use crate::messages::kernel as msg;
use crate::messages::numpy::reduce_literal;

/// NumPy 2's parameters after the array, in order.
fn params(f: SortFn) -> &'static [&'static str] {
    match f {
        SortFn::Sort | SortFn::Argsort => &["axis", "kind", "order"],
        SortFn::Median | SortFn::NanMedian => &["axis", "out", "overwrite_input", "keepdims"],
        SortFn::Partition | SortFn::Argpartition => &["kth", "axis", "kind", "order"],
        SortFn::Digitize => &["bins", "right"],
        SortFn::Histogram => &["bins", "range", "density", "weights"],
        SortFn::Searchsorted => &["v", "side", "sorter"],
        SortFn::Unique => &["return_index", "return_inverse", "return_counts", "axis"],
        SortFn::Bincount => &["weights", "minlength"],
    }
}

/// PK0340 for `density=` of `np.histogram`, which decides the counts' dtype.
fn density_literal() -> crate::messages::Message {
    let mut m = reduce_literal("histogram", "density");
    m.hint = Some("the dtype of the result depends on it: write `True` or `False`".into());
    m
}

/// A string literal.
fn string(e: &ast::Expr) -> Option<&str> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Str(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

impl FnLowerer<'_, '_> {
    /// `numpy.<f>(a, ...)`, or the method `a.<f>(...)` with the receiver given.
    pub(super) fn sort_call(
        &mut self,
        f: SortFn,
        recv: Option<Expr>,
        c: &ast::ExprCall,
        span: Span,
    ) -> Option<Expr> {
        let mut pos = c.args.iter();
        let a = match recv {
            Some(a) => a,
            None => {
                let Some(first) = pos.next() else {
                    self.error(span, msg::call_arity(f.name(), 1, 0));
                    return None;
                };
                self.expr(first)?
            }
        };
        let names = params(f);
        let slots = self.match_params(f.name(), names, 1, pos.as_slice(), &c.keywords, span)?;
        let given: HashMap<&str, &ast::Expr> = names
            .iter()
            .zip(slots)
            .filter_map(|(n, e)| Some((*n, e?)))
            .collect();
        let median = matches!(f, SortFn::Median | SortFn::NanMedian);
        let select = matches!(f, SortFn::Partition | SortFn::Argpartition);
        let mut args = vec![a];
        for &name in names {
            let v = given.get(name).copied();
            let lowered = match (name, v) {
                // Every sort gives the same values; `argsort` is stable (documented).
                ("kind", Some(e))
                    if !select
                        && matches!(
                            string(e),
                            Some("quicksort" | "mergesort" | "heapsort" | "stable")
                        ) =>
                {
                    continue;
                }
                ("kind", Some(e)) if select && string(e) == Some("introselect") => continue,
                ("kind", None) | ("order", None) | ("out", None) | ("sorter", None) => continue,
                ("overwrite_input", Some(ast::Expr::Constant(_))) => continue,
                ("overwrite_input", None) => continue,
                ("keepdims", None) if median => continue,
                ("axis", None) if median => self.mk(span, ExprKind::None),
                ("axis", None) if f == SortFn::Unique => continue,
                ("axis", None) => self.mk(span, ExprKind::Int(-1)),
                ("side", None) => self.mk(span, ExprKind::Bool(false)),
                ("side", Some(e)) if matches!(string(e), Some("left" | "right")) => {
                    self.mk(span_of(e), ExprKind::Bool(string(e) == Some("right")))
                }
                ("return_index" | "return_inverse" | "return_counts", None) => {
                    self.mk(span, ExprKind::Bool(false))
                }
                ("weights" | "range", None) => self.mk(span, ExprKind::None),
                ("minlength", None) => self.mk(span, ExprKind::Int(0)),
                ("right", None) => self.mk(span, ExprKind::Bool(false)),
                ("bins", None) if f == SortFn::Histogram => self.mk(span, ExprKind::Int(10)),
                ("v" | "kth" | "bins", None) => {
                    self.error(span, msg::call_arity(f.name(), 2, 1));
                    return None;
                }
                // `np.histogram(a, density=True)`: the result's dtype depends on it.
                ("density", None) => self.mk(span, ExprKind::Bool(false)),
                ("density", Some(ast::Expr::Constant(k))) => match k.value {
                    ast::Constant::Bool(b) => self.mk(span_of(k), ExprKind::Bool(b)),
                    ast::Constant::None => self.mk(span_of(k), ExprKind::Bool(false)),
                    _ => {
                        self.error(span_of(k), density_literal());
                        return None;
                    }
                },
                ("density", Some(e)) => {
                    self.error(span_of(e), density_literal());
                    return None;
                }
                // A list of `kth` (several partition points) or a `range` list as a
                // tuple; a list of edges as `np.array(...)`.
                ("kth" | "range", Some(ast::Expr::List(l))) => {
                    let items = l
                        .elts
                        .iter()
                        .map(|x| self.expr(x))
                        .collect::<Option<Vec<_>>>()?;
                    self.mk(span_of(v?), ExprKind::Tuple(items))
                }
                ("bins", Some(e @ (ast::Expr::List(_) | ast::Expr::Tuple(_)))) => {
                    let list = self.iterable_arg(e)?;
                    self.mk(
                        span_of(e),
                        ExprKind::CallBuiltin(Builtin::NpArray(None), vec![list]),
                    )
                }
                (_, Some(e))
                    if matches!(
                        name,
                        "axis"
                            | "v"
                            | "return_index"
                            | "return_inverse"
                            | "return_counts"
                            | "weights"
                            | "minlength"
                            | "kth"
                            | "bins"
                            | "right"
                            | "range"
                    ) && !(name == "axis" && f == SortFn::Unique) =>
                {
                    self.expr(e)?
                }
                (_, Some(e)) => {
                    self.error(span_of(e), msg::unsupported_keyword(name));
                    return None;
                }
                (_, None) => continue,
            };
            args.push(lowered);
        }
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpSort(f), args)))
    }
}
