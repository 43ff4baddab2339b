//! Lowering of iteration: `for` loops, iterables (`range`, `enumerate`, `zip`,
//! `reversed`, lists, tuples) and comprehensions.

use rustpython_parser::ast;

use super::expr::Resolved;
use super::names::Imported;
use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Expr, ExprKind, Generator, IterKind, Iterable, Stmt, Target};
use crate::messages::kernel as msg;

/// The builtins that make iterators (only usable where something iterates).
pub(super) const ITERATOR_BUILTINS: &[&str] = &["range", "enumerate", "zip", "reversed"];

impl FnLowerer<'_, '_> {
    /// `for target in iter: ... else: ...`.
    pub(super) fn for_stmt(&mut self, f: &ast::StmtFor) -> Option<Stmt> {
        let iter = self.iterable(&f.iter);
        let target = self.loop_target(&f.target);
        self.loop_depth += 1;
        let body = self.block(&f.body);
        self.loop_depth -= 1;
        let orelse = self.block(&f.orelse);
        let (iter, target) = (iter?, target?);
        // `for name in range(...)` (and reversed) keeps its own fast form.
        if let Target::Local(var, var_span) = &target {
            let (inner, reversed) = match iter.kind {
                IterKind::Reversed(inner) => (*inner, true),
                other => (
                    Iterable {
                        span: iter.span,
                        kind: other,
                    },
                    false,
                ),
            };
            if let IterKind::Range { start, stop, step } = inner.kind {
                return Some(Stmt::ForRange {
                    reversed,
                    var: var.clone(),
                    var_span: *var_span,
                    start,
                    stop,
                    step,
                    body,
                    orelse,
                });
            }
            let iter = if reversed {
                Iterable {
                    span: iter.span,
                    kind: IterKind::Reversed(Box::new(inner)),
                }
            } else {
                inner
            };
            return Some(Stmt::ForEach {
                target,
                iter: Box::new(iter),
                body,
                orelse,
            });
        }
        Some(Stmt::ForEach {
            target,
            iter: Box::new(iter),
            body,
            orelse,
        })
    }

    /// `numpy.ndindex(...)` (however imported), as an iterable.
    fn ndindex_call<'e>(&self, e: &'e ast::Expr) -> Option<&'e ast::ExprCall> {
        let ast::Expr::Call(c) = e else {
            return None;
        };
        match self.resolve(&c.func) {
            Some(Resolved::Import(Imported::Other(p))) if p == "numpy.ndindex" => Some(c),
            _ => None,
        }
    }

    /// `itertools.repeat(...)` (however imported), as the iterable of a `for`.
    pub(super) fn repeat_call<'e>(&self, e: &'e ast::Expr) -> Option<&'e ast::ExprCall> {
        let ast::Expr::Call(c) = e else {
            return None;
        };
        match self.resolve(&c.func) {
            Some(Resolved::Import(Imported::Other(p))) if p == "itertools.repeat" => Some(c),
            _ => None,
        }
    }

    /// `for t in itertools.repeat(value, times): body` as
    /// `v = value; for _ in range(times): t = v; body` (`while True` without `times`):
    /// the value is computed once, as `repeat` does.
    pub(super) fn repeat_for(&mut self, f: &ast::StmtFor) -> Option<Vec<Stmt>> {
        let c = self.repeat_call(&f.iter)?;
        let span = span_of(f.iter.as_ref());
        let (value, times) = match (c.args.as_slice(), c.keywords.as_slice()) {
            ([v, n], []) => (v, Some(n)),
            ([v], [k]) if k.arg.as_deref() == Some("times") => (v, Some(&k.value)),
            ([v], []) => (v, None),
            _ => {
                self.error(
                    span,
                    msg::unsupported_expression(
                        "`itertools.repeat` other than `repeat(value)`, `repeat(value, times)` or `repeat(value, times=n)`",
                    ),
                );
                return None;
            }
        };
        let value_e = self.expr(value);
        let times = times.map(|t| self.expr(t));
        let target = self.loop_target(&f.target);
        self.loop_depth += 1;
        let body = self.block(&f.body);
        self.loop_depth -= 1;
        let orelse = self.block(&f.orelse);
        let (value_e, target) = (value_e?, target?);
        let times = match times {
            Some(t) => Some(t?),
            None => None,
        };
        self.comp_counter += 1;
        let k = self.comp_counter;
        let mut out = Vec::new();
        // A literal is written at each step; anything else is computed once, first.
        let read = if matches!(value, ast::Expr::Constant(_)) {
            value_e
        } else {
            let tmp = format!("repeat__pkv{k}");
            out.push(Stmt::Assign {
                target: Target::Local(tmp.clone(), span),
                value: value_e,
                span,
            });
            self.mk(span, ExprKind::Local(tmp))
        };
        let mut step_body = vec![Stmt::Assign {
            target,
            value: read,
            span,
        }];
        step_body.extend(body);
        out.push(match times {
            Some(stop) => Stmt::ForRange {
                reversed: false,
                var: format!("repeat__pkr{k}"),
                var_span: span,
                start: None,
                stop,
                step: None,
                body: step_body,
                orelse,
            },
            None => Stmt::While {
                cond: self.mk(span, ExprKind::Bool(true)),
                body: step_body,
                orelse,
            },
        });
        Some(out)
    }

    /// A loop target: a name or a (nested) tuple of names.
    fn loop_target(&mut self, t: &ast::Expr) -> Option<Target> {
        match t {
            ast::Expr::Name(_) => self.target(t),
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => {
                let parts: Vec<Option<Target>> = elts.iter().map(|e| self.loop_target(e)).collect();
                Some(Target::Tuple(
                    parts.into_iter().collect::<Option<_>>()?,
                    span_of(t),
                ))
            }
            _ => {
                self.error(
                    span_of(t),
                    msg::unsupported_statement("a loop target other than names"),
                );
                None
            }
        }
    }

    fn is_builtin_call<'e>(&self, e: &'e ast::Expr, name: &str) -> Option<&'e ast::ExprCall> {
        match e {
            ast::Expr::Call(c) => match c.func.as_ref() {
                ast::Expr::Name(n) if n.id.as_str() == name && !self.shadowed(name) => Some(c),
                _ => None,
            },
            _ => None,
        }
    }

    /// Is `e` a call of `range`, `enumerate`, `zip` or `reversed`?
    pub(super) fn is_iterator_call(&self, e: &ast::Expr) -> bool {
        ITERATOR_BUILTINS
            .iter()
            .any(|n| self.is_builtin_call(e, n).is_some())
    }

    /// What a `for` or a comprehension iterates over.
    pub(super) fn iterable(&mut self, e: &ast::Expr) -> Option<Iterable> {
        let span = span_of(e);
        let no_keywords = |this: &mut Self, c: &ast::ExprCall| {
            if let Some(k) = c.keywords.first() {
                this.error(
                    span_of(k),
                    msg::unsupported_keyword(k.arg.as_deref().unwrap_or("**")),
                );
                return false;
            }
            true
        };
        let kind = if let Some(c) = self.is_builtin_call(e, "range") {
            if !no_keywords(self, c) {
                return None;
            }
            let args = self.args(&c.args)?;
            let mut args = args.into_iter();
            match c.args.len() {
                1 => IterKind::Range {
                    start: None,
                    stop: args.next()?,
                    step: None,
                },
                2 => IterKind::Range {
                    start: args.next(),
                    stop: args.next()?,
                    step: None,
                },
                3 => IterKind::Range {
                    start: args.next(),
                    stop: args.next()?,
                    step: args.next(),
                },
                n => {
                    self.error(span, msg::builtin_arity("range", "1 to 3", n));
                    return None;
                }
            }
        } else if let Some(c) = self.is_builtin_call(e, "enumerate") {
            let mut start = None;
            for k in &c.keywords {
                match k.arg.as_deref() {
                    Some("start") if start.is_none() && c.args.len() == 1 => {
                        start = Some(self.expr(&k.value)?);
                    }
                    other => {
                        self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                        return None;
                    }
                }
            }
            match c.args.as_slice() {
                [it] => IterKind::Enumerate(Box::new(self.iterable(it)?), start),
                [it, s] if start.is_none() => {
                    let it = self.iterable(it)?;
                    IterKind::Enumerate(Box::new(it), Some(self.expr(s)?))
                }
                _ => {
                    let n = c.args.len() + c.keywords.len();
                    self.error(span, msg::builtin_arity("enumerate", "1 or 2", n));
                    return None;
                }
            }
        } else if let Some(c) = self.is_builtin_call(e, "zip") {
            if !no_keywords(self, c) {
                return None;
            }
            if c.args.is_empty() {
                self.error(span, msg::builtin_arity("zip", "at least 1", 0));
                return None;
            }
            let its: Vec<Option<Iterable>> = c.args.iter().map(|a| self.iterable(a)).collect();
            IterKind::Zip(its.into_iter().collect::<Option<_>>()?)
        } else if let Some(c) = self.is_builtin_call(e, "reversed") {
            if !no_keywords(self, c) {
                return None;
            }
            let [it] = c.args.as_slice() else {
                self.error(span, msg::builtin_arity("reversed", "1", c.args.len()));
                return None;
            };
            let inner = self.iterable(it)?;
            if matches!(
                inner.kind,
                IterKind::Enumerate(..) | IterKind::Zip(_) | IterKind::Reversed(_)
            ) {
                self.error(
                    inner.span,
                    msg::unsupported_expression("`reversed` of an iterator"),
                );
                return None;
            }
            IterKind::Reversed(Box::new(inner))
        } else if let Some(c) = self.ndindex_call(e) {
            if !no_keywords(self, c) {
                return None;
            }
            let args: Vec<Option<Expr>> = c.args.iter().map(|a| self.expr(a)).collect();
            IterKind::NdIndex(args.into_iter().collect::<Option<_>>()?)
        } else {
            IterKind::Value(self.expr(e)?)
        };
        Some(Iterable { span, kind })
    }

    /// `[elt for ... in ... if ...]` (and generator expressions, lowered the same way).
    pub(super) fn comprehension(
        &mut self,
        elt: &ast::Expr,
        generators: &[ast::Comprehension],
        span: Span,
        lazy: bool,
    ) -> Option<Expr> {
        let depth = self.renames.len();
        let mut gens = Vec::new();
        let mut ok = true;
        for g in generators {
            if g.is_async {
                self.error(span, msg::unsupported_expression("async comprehensions"));
                ok = false;
                break;
            }
            // The iterable sees the names bound so far; the target's names are new
            // variables of the comprehension (they do not leak into the function).
            let iter = self.iterable(&g.iter);
            let mut names = Vec::new();
            comprehension_names(&g.target, &mut names);
            for n in names {
                self.comp_counter += 1;
                let renamed = format!("{n}__pkc{}", self.comp_counter);
                self.renames.push((n, renamed));
            }
            let target = self.loop_target(&g.target);
            let conds: Vec<Option<Expr>> = g.ifs.iter().map(|c| self.expr(c)).collect();
            match (iter, target, conds.into_iter().collect::<Option<Vec<_>>>()) {
                (Some(iter), Some(target), Some(conds)) => gens.push(Generator {
                    target,
                    iter,
                    conds,
                }),
                _ => ok = false,
            }
        }
        let elt = if ok { self.expr(elt) } else { None };
        self.renames.truncate(depth);
        let elt = elt?;
        Some(self.mk_expr(span, ExprKind::ListComp(Box::new(elt), gens, lazy)))
    }

    /// The argument of a builtin that consumes an iterable (`sum`, `min`, `sorted`,
    /// `list`, ...): generator expressions and iterator calls become lists.
    pub(super) fn iterable_arg(&mut self, e: &ast::Expr) -> Option<Expr> {
        let span = span_of(e);
        match e {
            ast::Expr::GeneratorExp(g) => self.comprehension(&g.elt, &g.generators, span, true),
            _ if self.is_iterator_call(e) => {
                let iter = self.iterable(e)?;
                self.comp_counter += 1;
                let var = format!("__item__pkc{}", self.comp_counter);
                let elt = self.mk_expr(span, ExprKind::Local(var.clone()));
                let g = Generator {
                    target: Target::Local(var, span),
                    iter,
                    conds: Vec::new(),
                };
                Some(self.mk_expr(span, ExprKind::ListComp(Box::new(elt), vec![g], true)))
            }
            _ => self.expr(e),
        }
    }
}

fn comprehension_names(t: &ast::Expr, out: &mut Vec<String>) {
    match t {
        ast::Expr::Name(n) => out.push(n.id.to_string()),
        ast::Expr::Tuple(ast::ExprTuple { elts, .. })
        | ast::Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().for_each(|e| comprehension_names(e, out));
        }
        _ => {}
    }
}
