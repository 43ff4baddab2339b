//! `a @= b`: NumPy's in-place matrix product (`np.matmul(a, b, out=a)`), lowered to a
//! store of the product into the whole of `a` (`a[:] = matmul_inplace(a, b)`), so that
//! views of `a` see the result as in NumPy. The product is a new array (no overlap with
//! `a`); its shape is checked against `a`'s with NumPy's message before the store.

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, ExprKind, Linalg, Stmt, Target};
use crate::messages::kernel as msg;

impl FnLowerer<'_, '_> {
    /// `a @= b` with `a` a local; other targets are not supported.
    pub(super) fn matmul_inplace(&mut self, a: &ast::StmtAugAssign, span: Span) -> Option<Stmt> {
        if !matches!(a.target.as_ref(), ast::Expr::Name(_)) {
            self.error(
                span,
                msg::unsupported_expression(
                    "`@=` on an element or a slice (write `v[...] = v @ b`)",
                ),
            );
            return None;
        }
        let read = self.expr(&a.target)?;
        let value = self.expr(&a.value)?;
        let base = self.expr(&a.target)?;
        let product = self.mk_expr(
            span,
            ExprKind::CallBuiltin(Builtin::NpLinalg(Linalg::MatmulInPlace), vec![read, value]),
        );
        Some(Stmt::Assign {
            target: Target::Slice {
                base,
                lower: None,
                upper: None,
                step: None,
                span: span_of(a.target.as_ref()),
            },
            value: product,
            span,
        })
    }
}
