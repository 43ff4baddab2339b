//! Lowering of the array-building functions whose arguments need more than the table of
//! `lower/building.rs`: the constructors with a `dtype=` (`eye`, `identity`, `tri`,
//! `indices`), `np.pad` (its mode a string literal, keywords checked per mode as NumPy
//! checks them) and `np.gradient` (spacings as varargs).
//!
//! Nested tuple and list literals (`pad_width=((1, 2), (0, 1))`, `np.indices([2, 3])`)
//! become tuples: their lengths are the shapes NumPy's `asarray` would give them, known
//! when compiling.

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Build, Builtin, DtypeArg, Expr, ExprKind, PadMode};
use crate::messages::kernel as msg;
use crate::messages::numpy as npmsg;

/// The modes of `np.pad` that NumPy has and pykernel does not compute.
const OTHER_PAD_MODES: &[&str] = &[
    "empty",
    "linear_ramp",
    "maximum",
    "mean",
    "median",
    "minimum",
];

/// The string of a string literal.
fn string_literal(e: &ast::Expr) -> Option<&str> {
    match e {
        ast::Expr::Constant(k) => match &k.value {
            ast::Constant::Str(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// Is `e` the literal `None`?
fn is_none(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None))
}

/// The integer of an integer literal (`3`, `-1`).
fn int_literal(e: &ast::Expr) -> Option<i64> {
    match e {
        ast::Expr::Constant(k) => match &k.value {
            ast::Constant::Int(i) => i64::try_from(i).ok(),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => {
            int_literal(&u.operand).map(|v| -v)
        }
        _ => None,
    }
}

impl FnLowerer<'_, '_> {
    /// A tuple or list literal, nested or not, as tuples; anything else as it is.
    fn literal_nest(&mut self, e: &ast::Expr) -> Option<Expr> {
        let items = match e {
            ast::Expr::Tuple(t) => &t.elts,
            ast::Expr::List(l) => &l.elts,
            _ => return self.expr(e),
        };
        let items = items
            .iter()
            .map(|it| self.literal_nest(it))
            .collect::<Option<Vec<_>>>()?;
        Some(self.mk(span_of(e), ExprKind::Tuple(items)))
    }

    /// `np.eye(N, M, k, dtype)`, `np.identity(n, dtype)`, `np.tri(N, M, k, dtype)`,
    /// `np.indices(dimensions, dtype)`.
    pub(super) fn constructor(&mut self, f: Build, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let names: &[&str] = match f {
            Build::Eye { .. } | Build::Tri { .. } => &["N", "M", "k", "dtype"],
            Build::Identity { .. } => &["n", "dtype"],
            _ => &["dimensions", "dtype"],
        };
        let given = self.match_params(f.name(), names, 0, &c.args, &c.keywords, span)?;
        let Some(first) = given[0] else {
            self.error(span, npmsg::missing_argument(f.name(), names[0]));
            return None;
        };
        let mut args = match f {
            Build::Indices { .. } => vec![self.literal_nest(first)?],
            _ => vec![self.expr(first)?],
        };
        if names.len() == 4 {
            for (k, default) in [(1, ExprKind::None), (2, ExprKind::Int(0))] {
                args.push(match given[k] {
                    Some(e) => self.expr(e)?,
                    None => self.mk(span, default),
                });
            }
        } else if let Build::Identity { .. } = f {
            args.push(self.mk(span, ExprKind::None));
            args.push(self.mk(span, ExprKind::Int(0)));
        }
        let default = f.constructor_dtype().flatten();
        let dtype = match given[names.len() - 1] {
            Some(e) if !is_none(e) => match self.dtype_arg(e)? {
                (DtypeArg::Fixed(d), _) => Some(d),
                (DtypeArg::OfLastArg, source) => {
                    args.extend(source);
                    None
                }
            },
            _ => default,
        };
        let f = match f {
            Build::Eye { .. } => Build::Eye { dtype },
            Build::Identity { .. } => Build::Identity { dtype },
            Build::Tri { .. } => Build::Tri { dtype },
            _ => Build::Indices { dtype },
        };
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpBuild(f), args)))
    }

    /// `np.pad(array, pad_width, mode='constant', **kwargs)`.
    pub(super) fn pad(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        if c.args.len() > 3 {
            self.error(span, msg::call_arity("pad", 3, c.args.len()));
            return None;
        }
        let mut pos: Vec<Option<&ast::Expr>> = c.args.iter().map(Some).collect();
        pos.resize(3, None);
        // Keywords other than the parameters are the mode's (`constant_values`, ...).
        let mut extra: Vec<&ast::Keyword> = Vec::new();
        for kw in &c.keywords {
            match kw.arg.as_deref() {
                Some(p @ ("array" | "pad_width" | "mode")) => {
                    let k = ["array", "pad_width", "mode"]
                        .iter()
                        .position(|n| *n == p)
                        .unwrap_or(0);
                    if pos[k].is_some() {
                        self.error(span_of(kw), msg::unsupported_keyword(p));
                        return None;
                    }
                    pos[k] = Some(&kw.value);
                }
                Some(_) => extra.push(kw),
                None => {
                    self.error(span_of(kw), msg::unsupported_keyword("**"));
                    return None;
                }
            }
        }
        let (Some(array), Some(width)) = (pos[0], pos[1]) else {
            let missing = if pos[0].is_none() {
                "array"
            } else {
                "pad_width"
            };
            self.error(span, npmsg::missing_argument("pad", missing));
            return None;
        };
        let mode = match pos[2] {
            None => PadMode::Constant,
            Some(e) => self.pad_mode(e)?,
        };
        let allowed: &[&str] = match mode {
            PadMode::Constant => &["constant_values"],
            PadMode::Reflect | PadMode::Symmetric => &["reflect_type"],
            _ => &[],
        };
        let refused: Vec<String> = extra
            .iter()
            .filter_map(|kw| kw.arg.as_deref())
            .filter(|n| !allowed.contains(n))
            .map(|n| format!("'{n}'"))
            .collect();
        if !refused.is_empty() {
            let text = format!(
                "unsupported keyword arguments for mode '{}': {{{}}}",
                mode.name(),
                refused.join(", ")
            );
            self.error(span, npmsg::numpy_refuses("ValueError", &text));
            return None;
        }
        let mut values = None;
        for kw in extra {
            if kw.arg.as_deref() == Some("reflect_type") {
                match string_literal(&kw.value) {
                    Some("odd") => {
                        self.error(span_of(kw), npmsg::pad_mode("reflect_type='odd'"));
                        return None;
                    }
                    // Any other string is NumPy's 'even'.
                    Some(_) => {}
                    None => {
                        self.error(
                            span_of(kw),
                            npmsg::pad_mode("a `reflect_type` that is not a string literal"),
                        );
                        return None;
                    }
                }
            } else {
                values = Some(self.literal_nest(&kw.value)?);
            }
        }
        let array = self.expr(array)?;
        let width = self.literal_nest(width)?;
        let values = match (mode, values) {
            (_, Some(v)) => v,
            (PadMode::Constant, None) => self.mk(span, ExprKind::Int(0)),
            _ => self.mk(span, ExprKind::None),
        };
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(
                Builtin::NpBuild(Build::Pad { mode }),
                vec![array, width, values],
            ),
        ))
    }

    /// The `mode` of `np.pad`: a string literal naming a mode pykernel computes.
    fn pad_mode(&mut self, e: &ast::Expr) -> Option<PadMode> {
        let Some(name) = string_literal(e) else {
            self.error(
                span_of(e),
                npmsg::pad_mode("a `mode` that is not a string literal"),
            );
            return None;
        };
        if let Some(m) = PadMode::from_name(name) {
            return Some(m);
        }
        if OTHER_PAD_MODES.contains(&name) {
            self.error(span_of(e), npmsg::pad_mode(&format!("mode '{name}'")));
        } else {
            self.error(
                span_of(e),
                npmsg::numpy_refuses("ValueError", &format!("mode '{name}' is not supported")),
            );
        }
        None
    }

    /// `np.gradient(f, *varargs, axis=None, edge_order=1)`.
    pub(super) fn gradient(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let Some((f, spacings)) = c.args.split_first() else {
            self.error(span, npmsg::missing_argument("gradient", "f"));
            return None;
        };
        let mut axis = None;
        for kw in &c.keywords {
            match kw.arg.as_deref() {
                Some("axis") if axis.is_none() => axis = Some(self.literal_nest(&kw.value)?),
                Some("edge_order") => match int_literal(&kw.value) {
                    Some(1) => {}
                    Some(k) if k > 2 => {
                        self.error(
                            span_of(kw),
                            npmsg::numpy_refuses(
                                "ValueError",
                                "'edge_order' greater than 2 not supported",
                            ),
                        );
                        return None;
                    }
                    Some(k) => {
                        self.error(
                            span_of(kw),
                            npmsg::gradient_form(&format!("`edge_order={k}`")),
                        );
                        return None;
                    }
                    None => {
                        self.error(
                            span_of(kw),
                            npmsg::gradient_form("an `edge_order` that is not an integer literal"),
                        );
                        return None;
                    }
                },
                other => {
                    self.error(span_of(kw), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        let mut args = vec![self.expr(f)?];
        args.push(axis.unwrap_or_else(|| self.mk(span, ExprKind::None)));
        for s in spacings {
            args.push(self.expr(s)?);
        }
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpBuild(Build::Gradient), args),
        ))
    }
}
