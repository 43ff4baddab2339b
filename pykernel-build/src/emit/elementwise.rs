//! Slice assignment: `dst[a:b] = scalar`, `dst[:] = view`, `dst[:] = src - shift`.
//!
//! The right-hand side is fused into one loop over the destination (no temporary array),
//! with NumPy's broadcasting and NumPy's elementwise semantics. When the destination
//! overlaps an operand in a way that a fused loop would observe, the loop evaluates into
//! a buffer first, as NumPy's right-hand-side-first evaluation would.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::FnEmitter;
use super::expr::{Mode, binary, unary};
use super::types::{cast, dtype_tokens};
use crate::ir::{Expr, ExprKind};
use crate::types::Ty;

/// Leaves of an elementwise expression, bound before the loop.
#[derive(Default)]
struct Leaves {
    /// `let` statements evaluating each leaf once, in Python's left-to-right order.
    lets: Vec<TokenStream>,
    /// Views read by the loop (checked for broadcasting and overlap).
    views: Vec<(Ident, Ident)>,
}

impl FnEmitter<'_> {
    pub(crate) fn slice_assign(
        &mut self,
        base: &Expr,
        lower: Option<&Expr>,
        upper: Option<&Expr>,
        step: Option<&Expr>,
        value: &Expr,
    ) -> TokenStream {
        let Some(dd) = self.ty(base).elem() else {
            return quote!();
        };
        let dst = self.tmp("dst");
        let n = self.tmp("n");
        let mut leaves = Leaves::default();
        // NumPy evaluates the right-hand side before slicing the destination.
        let element = self.element(value, &mut leaves);
        let vs = self.scalar(value);
        let element = cast(element, vs.dtype, dd);
        let b = self.expr(base);
        let whole = lower.is_none() && upper.is_none() && step.is_none();
        let [lo, hi, st] = [lower, upper, step].map(|p| self.slice_bound(p));
        // `dst[:]` is the view itself: no slice arithmetic on the hot path.
        let dst_view = if whole {
            quote!(#b)
        } else {
            quote!((#b).slice(#lo, #hi, #st)?)
        };
        let lets = &leaves.lets;
        let operands: Vec<TokenStream> = leaves
            .views
            .iter()
            .map(|(v, o)| quote!(let #o = #v.operand(#n)?;))
            .collect();
        let conflicts: Vec<TokenStream> = leaves
            .views
            .iter()
            .map(|(v, _)| quote!(#dst.conflicts(&#v)))
            .collect();
        let et = dtype_tokens(dd);
        let assign = if conflicts.is_empty() {
            quote!(#dst.assign(|__pk_k: usize| -> #et { #element });)
        } else {
            quote! {
                let __pk_f = |__pk_k: usize| -> #et { unsafe { #element } };
                if #(#conflicts)||* { #dst.assign_buffered(__pk_f); } else { #dst.assign(__pk_f); }
            }
        };
        quote! {
            {
                #(#lets)*
                let #dst = #dst_view;
                let #n = #dst.len();
                #(#operands)*
                #assign
            }
        }
    }

    /// The element `__pk_k` of `e`, binding its leaves in `leaves`.
    fn element(&mut self, e: &Expr, leaves: &mut Leaves) -> TokenStream {
        match (self.ty(e), &e.kind) {
            (Ty::Elementwise(_), ExprKind::Binary(op, l, r)) => {
                let res = self.scalar(e);
                let (ls, rs) = (self.scalar(l), self.scalar(r));
                let lv = self.element(l, leaves);
                let rv = self.element(r, leaves);
                binary(*op, lv, ls, rv, rs, res, Mode::NumPyElementwise)
            }
            (Ty::Elementwise(_), ExprKind::Unary(op, a)) => {
                let s = self.scalar(a);
                let v = self.element(a, leaves);
                unary(*op, v, s, self.scalar(e))
            }
            (Ty::View(_), _) => {
                let v = self.tmp("src");
                let o = self.tmp("op");
                let val = self.expr(e);
                leaves.lets.push(quote!(let #v = #val;));
                leaves.views.push((v, o.clone()));
                quote!(#o.at(__pk_k))
            }
            (t, _) => {
                // A scalar leaf: evaluated once, before the loop.
                let s = self.tmp("s");
                let val = self.expr(e);
                let st = super::types::ty_tokens(&t);
                leaves.lets.push(quote!(let #s: #st = #val;));
                quote!(#s)
            }
        }
    }
}
