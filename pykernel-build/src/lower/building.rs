//! Lowering of NumPy's array-building functions (`Builtin::NpBuild`) to argument lists
//! of a fixed shape per function, defaults filled in:
//!
//! | function | arguments |
//! |---|---|
//! | `roll` | `[a, shift, axis]` (`axis` `None` by default) |
//! | `tile` | `[a, reps]` |
//! | `repeat`, `a.repeat` | `[a, repeats, axis]` |
//! | `diff` | `[a, n, axis]` (`1`, `-1`) |
//! | `flip` | `[a, axis]`; `fliplr`, `flipud`: `[a]` |
//! | `rot90` | `[m, k, axes]` (`1`, `(0, 1)`) |
//! | `append` | `[axis, arr, values]` |
//! | `interp` | `[x, xp, fp, left, right]` (`None`, `None`) |
//! | `convolve`, `correlate` | `[a, v]` (the mode in the variant) |
//! | `diag`, `triu`, `tril` | `[v, k]` (`0`) |
//! | `diagonal`, `a.diagonal` | `[a, offset, axis1, axis2]` (`0`, `0`, `1`) |
//! | `split`, `array_split` | `[a, indices_or_sections, axis]` (`0`) |
//! | `hsplit`, `vsplit`, `dsplit` | `[a, indices_or_sections]` |
//! | `eye`, `tri` | `[N, M, k]` (`None`, `0`), then the array of `dtype=a.dtype` |
//! | `identity` | `[n, None, 0]`, then the array of `dtype=a.dtype` |
//! | `indices` | `[dimensions]`, then the array of `dtype=a.dtype` |
//! | `pad` | `[array, pad_width, constant_values]` (`0`; `None` for other modes) |
//! | `gradient` | `[f, axis, spacing...]` (`axis` `None` by default) |
//! | `concatenate`, `stack` | `[axis, item...]` (`0`) |
//! | `vstack`, `hstack`, `column_stack`, `dstack`, `meshgrid` | `[item...]` |
//!
//! The sequence of arrays must be a tuple or list literal (its length is the number of
//! arrays, known when compiling); a list literal of numbers in it is `np.array(...)` of
//! it, as NumPy converts it (`np.concatenate(([1], d))`).

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Build, Builtin, Expr, ExprKind};
use crate::messages::kernel as msg;
use crate::messages::numpy as npmsg;

/// The parameters of `numpy.<f>` after the array (or the sequence), in NumPy 2's order.
fn params(f: Build) -> &'static [&'static str] {
    match f {
        Build::Roll => &["shift", "axis"],
        Build::Tile => &["reps"],
        Build::Repeat => &["repeats", "axis"],
        Build::Diff => &["n", "axis"],
        Build::Concatenate | Build::Stack | Build::Flip => &["axis"],
        Build::Append => &["values", "axis"],
        Build::Interp => &["xp", "fp", "left", "right"],
        Build::Convolve { .. } | Build::Correlate { .. } => &["v", "mode"],
        Build::Rot90 => &["k", "axes"],
        Build::Diag | Build::Triu | Build::Tril => &["k"],
        Build::Diagonal => &["offset", "axis1", "axis2"],
        Build::Split | Build::ArraySplit => &["indices_or_sections", "axis"],
        Build::Hsplit | Build::Vsplit | Build::Dsplit => &["indices_or_sections"],
        _ => &[],
    }
}

impl FnLowerer<'_, '_> {
    /// `numpy.<f>(...)`, or the method `a.repeat(...)` (`recv` the lowered receiver).
    pub(super) fn building(
        &mut self,
        f: Build,
        recv: Option<Expr>,
        c: &ast::ExprCall,
        span: Span,
    ) -> Option<Expr> {
        match f {
            Build::Meshgrid { .. } => return self.meshgrid(c, span),
            Build::Pad { .. } => return self.pad(c, span),
            Build::Gradient => return self.gradient(c, span),
            _ if f.constructor_dtype().is_some() => return self.constructor(f, c, span),
            _ => {}
        }
        let f = match f {
            Build::Convolve { .. } => Build::Convolve {
                mode: self.convolve_mode(c, "convolve", 2)?,
            },
            Build::Correlate { .. } => Build::Correlate {
                mode: self.convolve_mode(c, "correlate", 0)?,
            },
            f => f,
        };
        let mut pos = c.args.iter();
        let names = params(f);
        let mut first: Vec<Expr> = match recv {
            Some(a) => vec![a],
            None => {
                let Some(arg) = pos.next() else {
                    self.error(span, msg::call_arity(f.name(), names.len() + 1, 0));
                    return None;
                };
                if f.takes_sequence() {
                    self.sequence(f, arg)?
                } else {
                    vec![self.expr(arg)?]
                }
            }
        };
        let mut given: Vec<Option<Expr>> = vec![None; names.len()];
        for (k, p) in pos.enumerate() {
            if k >= names.len() {
                self.error(
                    span,
                    msg::call_arity(f.name(), names.len() + 1, c.args.len()),
                );
                return None;
            }
            // `mode` of `convolve` is in `f`.
            if names[k] != "mode" {
                given[k] = Some(self.build_arg(f, names[k], p)?);
            }
        }
        for kw in &c.keywords {
            let name = kw.arg.as_deref().unwrap_or("**");
            if name == "mode" && names.contains(&"mode") {
                continue;
            }
            match names.iter().position(|n| *n == name) {
                Some(k) if given[k].is_none() => {
                    given[k] = Some(self.build_arg(f, name, &kw.value)?)
                }
                _ => {
                    self.error(span_of(kw), msg::unsupported_keyword(name));
                    return None;
                }
            }
        }
        let mut rest = Vec::with_capacity(names.len());
        for (name, g) in names.iter().zip(given) {
            let e = match (g, *name) {
                (Some(e), _) => e,
                (None, "axis") => match f {
                    Build::Diff => self.mk(span, ExprKind::Int(-1)),
                    Build::Concatenate | Build::Stack | Build::Split | Build::ArraySplit => {
                        self.mk(span, ExprKind::Int(0))
                    }
                    _ => self.mk(span, ExprKind::None),
                },
                (None, "n") => self.mk(span, ExprKind::Int(1)),
                (None, "k") => self.mk(span, ExprKind::Int(i64::from(f == Build::Rot90))),
                (None, "offset" | "axis1") => self.mk(span, ExprKind::Int(0)),
                (None, "axis2") => self.mk(span, ExprKind::Int(1)),
                (None, "axes") => {
                    let (x, y) = (
                        self.mk(span, ExprKind::Int(0)),
                        self.mk(span, ExprKind::Int(1)),
                    );
                    self.mk(span, ExprKind::Tuple(vec![x, y]))
                }
                (None, "left" | "right") => self.mk(span, ExprKind::None),
                (None, "mode") => continue,
                (None, other) => {
                    self.error(span, npmsg::missing_argument(f.name(), other));
                    return None;
                }
            };
            rest.push(e);
        }
        let args = if f.takes_sequence() {
            rest.append(&mut first);
            rest
        } else if f == Build::Append {
            // `[axis, arr, values]`, as the joins.
            let (values, axis) = (rest.remove(0), rest.remove(0));
            vec![axis, first.remove(0), values]
        } else {
            first.append(&mut rest);
            first
        };
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpBuild(f), args)))
    }

    /// An argument after the first: the `values` of `np.append` may be a list literal.
    fn build_arg(&mut self, f: Build, param: &str, e: &ast::Expr) -> Option<Expr> {
        if f == Build::Append && param == "values" {
            return self.sequence_item(e);
        }
        self.expr(e)
    }

    /// The arrays of a sequence argument: a tuple or list literal.
    fn sequence(&mut self, f: Build, arg: &ast::Expr) -> Option<Vec<Expr>> {
        let items = match arg {
            ast::Expr::Tuple(t) => &t.elts,
            ast::Expr::List(l) => &l.elts,
            _ => {
                self.error(span_of(arg), npmsg::sequence_literal(f.name()));
                return None;
            }
        };
        items.iter().map(|it| self.sequence_item(it)).collect()
    }

    /// One array of a sequence: a list literal of numbers is `np.array` of it.
    fn sequence_item(&mut self, it: &ast::Expr) -> Option<Expr> {
        if let ast::Expr::List(_) = it {
            let list = self.iterable_arg(it)?;
            return Some(self.mk(
                span_of(it),
                ExprKind::CallBuiltin(Builtin::NpArray(None), vec![list]),
            ));
        }
        self.expr(it)
    }

    /// The `mode` of `np.convolve` or `np.correlate` (`func`; third positional argument
    /// or keyword, `default` when left out): the literal `'valid'`, `'same'` or `'full'`
    /// (NumPy 2 takes no abbreviations), or one of NumPy's numbers 0, 1, 2 for them.
    fn convolve_mode(&mut self, c: &ast::ExprCall, func: &str, default: u8) -> Option<u8> {
        let e = c.args.get(2).or_else(|| {
            c.keywords
                .iter()
                .find(|k| k.arg.as_deref() == Some("mode"))
                .map(|k| &k.value)
        });
        let Some(e) = e else {
            return Some(default);
        };
        if let ast::Expr::Constant(k) = e {
            match &k.value {
                ast::Constant::Str(s) if s == "valid" => return Some(0),
                ast::Constant::Str(s) if s == "same" => return Some(1),
                ast::Constant::Str(s) if s == "full" => return Some(2),
                ast::Constant::Int(i) => {
                    if let Some(m) = u8::try_from(i).ok().filter(|&m| m <= 2) {
                        return Some(m);
                    }
                }
                _ => {}
            }
        }
        self.error(span_of(e), npmsg::convolve_mode(func));
        None
    }

    /// `np.meshgrid(x, y, ..., indexing='xy'|'ij')`.
    fn meshgrid(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let mut ij = false;
        for kw in &c.keywords {
            let name = kw.arg.as_deref().unwrap_or("**");
            if name != "indexing" {
                self.error(span_of(kw), msg::unsupported_keyword(name));
                return None;
            }
            match &kw.value {
                ast::Expr::Constant(k) => match &k.value {
                    ast::Constant::Str(s) if s == "xy" => ij = false,
                    ast::Constant::Str(s) if s == "ij" => ij = true,
                    _ => {
                        self.error(span_of(&kw.value), npmsg::meshgrid_indexing());
                        return None;
                    }
                },
                _ => {
                    self.error(span_of(&kw.value), npmsg::meshgrid_indexing());
                    return None;
                }
            }
        }
        let items = c
            .args
            .iter()
            .map(|a| self.sequence_item(a))
            .collect::<Option<Vec<_>>>()?;
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpBuild(Build::Meshgrid { ij }), items),
        ))
    }
}
