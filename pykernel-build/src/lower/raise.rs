//! Lowering of `raise E` / `raise E("message")` (a builtin exception with a literal
//! message: an `assert False` that raises `E`) and of chained assignments
//! (`a = b = value`: the value once, then each target from left to right, as Python
//! does).

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Exception, ExprKind, Stmt, Target};
use crate::messages::kernel as msg;

impl FnLowerer<'_, '_> {
    /// `raise E`, `raise E()`, `raise E("literal")`.
    pub(super) fn raise(&mut self, r: &ast::StmtRaise, span: Span) -> Option<Stmt> {
        let unsupported = |this: &mut Self, at: Span| {
            this.error(
                at,
                msg::unsupported_expression(
                    "a raise other than `raise E` or `raise E(\"message\")` with a builtin exception `E`",
                ),
            );
            None
        };
        if r.cause.is_some() {
            return unsupported(self, span);
        }
        let Some(exc) = r.exc.as_deref() else {
            return unsupported(self, span);
        };
        let (class, args) = match exc {
            ast::Expr::Call(c) if c.keywords.is_empty() => (c.func.as_ref(), c.args.as_slice()),
            other => (other, &[][..]),
        };
        let exc_kind = match class {
            ast::Expr::Name(n) if !self.shadowed(n.id.as_str()) => {
                Exception::from_name(n.id.as_str())
            }
            _ => None,
        };
        let Some(exc_kind) = exc_kind else {
            return unsupported(self, span_of(class));
        };
        let message = match args {
            [] => None,
            [ast::Expr::Constant(c)] => match &c.value {
                ast::Constant::Str(s) => Some(s.clone()),
                _ => return unsupported(self, span_of(&args[0])),
            },
            [other, ..] => return unsupported(self, span_of(other)),
        };
        let test = self.mk(span, ExprKind::Bool(false));
        Some(Stmt::Assert {
            test,
            msg: message,
            span,
            exc: exc_kind,
        })
    }

    /// `t1 = t2 = ... = value`.
    pub(super) fn chained_assign(&mut self, a: &ast::StmtAssign, span: Span) -> Option<Vec<Stmt>> {
        let value = self.expr(&a.value)?;
        // A literal is written to each target; anything else is computed once.
        let (first, read) = if matches!(a.value.as_ref(), ast::Expr::Constant(_)) {
            (None, value)
        } else {
            self.comp_counter += 1;
            let tmp = format!("chain__pkc{}", self.comp_counter);
            let read = self.mk(span, ExprKind::Local(tmp.clone()));
            let def = Stmt::Assign {
                target: Target::Local(tmp, span),
                value,
                span,
            };
            (Some(def), read)
        };
        let mut out: Vec<Stmt> = first.into_iter().collect();
        for t in &a.targets {
            let target = self.target(t)?;
            let mut v = read.clone();
            v.id = self.mk(span, ExprKind::None).id;
            out.push(Stmt::Assign {
                target,
                value: v,
                span,
            });
        }
        Some(out)
    }
}
