//! Printing the checks of the bounds analysis (`crate::analysis`) before a loop.
//!
//! A loop's plan lists guards, each proving one fact (an access in bounds) for the whole
//! loop. Guards whose fact an enclosing loop's checks already proved are dropped (the
//! fast copy of the outer loop needs none); the rest become one condition. Bound
//! formulas are evaluated with `pykernel::__private::Bnd`, exact `int64` arithmetic that
//! turns "unknown" on overflow so that the check fails safe.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::FnEmitter;
use super::types::{cast, ident};
use crate::analysis::sym::{LeafKind, Sx};
use crate::analysis::{Cond, Extent, Fact, LoopKey};
use crate::exports::Dtype;
use crate::ir::ExprId;
use crate::types::Ty;

/// The evaluated header of the loop being versioned (for the leaves that name it).
#[derive(Default)]
pub(crate) struct Header<'a> {
    pub start: Option<&'a Ident>,
    pub stop: Option<&'a Ident>,
    pub step: Option<&'a Ident>,
}

impl FnEmitter<'_> {
    /// The checks of loop `key` not proven yet, as one condition, and the facts they
    /// prove (`None`: nothing to prove; an empty condition: facts that hold anyway).
    pub(crate) fn loop_guard(
        &mut self,
        key: LoopKey,
        header: &Header<'_>,
    ) -> Option<(Option<TokenStream>, Vec<Fact>)> {
        let plan = self.plans.loops.get(&key)?;
        let mut conds: Vec<TokenStream> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut keys = Vec::new();
        for g in &plan.guards {
            if self.proven.contains(&g.fact) {
                continue;
            }
            for c in &g.conds {
                let t = self.cond_tokens(c, header);
                let text = t.to_string();
                if !seen.contains(&text) {
                    seen.push(text);
                    conds.push(t);
                }
            }
            keys.push(g.fact);
        }
        if keys.is_empty() {
            return None;
        }
        let cond = (!conds.is_empty()).then(|| quote!((#(#conds)&&*)));
        Some((cond, keys))
    }

    fn cond_tokens(&mut self, c: &Cond, h: &Header<'_>) -> TokenStream {
        match c {
            Cond::InRange { lo, hi, extent } => {
                let lo_holds = lo.konst().is_some_and(|c| c >= 0);
                let (lo, hi) = (self.sx_tokens(lo, h), self.sx_tokens(hi, h));
                let n = match extent {
                    Extent::Dim(a, k) => {
                        let a = ident(a);
                        quote!(#a.dim(#k))
                    }
                    Extent::Len(a) => {
                        let a = ident(a);
                        quote!((#a.len() as i64))
                    }
                };
                if lo_holds {
                    quote!(#hi.lt(#n))
                } else {
                    quote!(#lo.ge0() && #hi.lt(#n))
                }
            }
            Cond::Known(s) => {
                let s = self.sx_tokens(s, h);
                quote!(#s.known())
            }
            Cond::Positive(s) => {
                let s = self.sx_tokens(s, h);
                quote!(#s.gt0())
            }
            Cond::NonZero(e) => {
                let v = self.expr_as(&e.0, Dtype::Float64);
                quote!((#v != 0.0))
            }
        }
    }

    /// Is the access whose index expression is `id` proven in bounds here?
    pub(crate) fn in_bounds(&self, id: ExprId) -> bool {
        self.proven.contains(&Fact::InBounds(id))
    }

    /// A bound formula (no atoms) as a `Bnd` expression.
    fn sx_tokens(&mut self, s: &Sx, h: &Header<'_>) -> TokenStream {
        let b = quote!(::pykernel::__private::Bnd);
        let (x, y) = match s {
            Sx::Add(x, y)
            | Sx::Mul(x, y)
            | Sx::FloorDiv(x, y)
            | Sx::Min(x, y)
            | Sx::Max(x, y)
            | Sx::Mod(x, y) => (self.sx_tokens(x, h), self.sx_tokens(y, h)),
            _ => (quote!(), quote!()),
        };
        match s {
            Sx::Const(c) => quote!(#b::of(#c)),
            Sx::Add(..) => quote!((#x + #y)),
            Sx::Mul(..) => quote!((#x * #y)),
            Sx::FloorDiv(..) => quote!(#x.fdiv(#y)),
            Sx::Min(..) => quote!(#x.min(#y)),
            Sx::Max(..) => quote!(#x.max(#y)),
            Sx::Mod(..) => quote!(#x.fmod(#y)),
            Sx::Neg(x) => {
                let x = self.sx_tokens(x, h);
                quote!((-#x))
            }
            Sx::Leaf(l) => {
                let v = match &l.kind {
                    LeafKind::Local(n) => {
                        let d = match self.inst.locals.get(n) {
                            Some(Ty::Scalar(s)) => s.dtype,
                            _ => Dtype::Int64,
                        };
                        let v = ident(n);
                        cast(quote!(#v), d, Dtype::Int64)
                    }
                    LeafKind::Len(n) => {
                        let a = ident(n);
                        match self.inst.locals.get(n) {
                            Some(Ty::List(_)) => quote!((#a.len() as i64)),
                            _ => quote!(#a.dim(0)),
                        }
                    }
                    LeafKind::Dim(n, k) => {
                        let a = ident(n);
                        quote!(#a.dim(#k))
                    }
                    LeafKind::Expr(e) => self.expr_as(e, Dtype::Int64),
                    LeafKind::LoopStart | LeafKind::LoopStop | LeafKind::LoopStep => {
                        let i = match l.kind {
                            LeafKind::LoopStart => h.start,
                            LeafKind::LoopStop => h.stop,
                            _ => h.step,
                        };
                        match i {
                            Some(i) => quote!(#i),
                            // (A header the emitter did not name: fail safe.)
                            None => return quote!(#b::unknown()),
                        }
                    }
                };
                quote!(#b::of(#v))
            }
            // Not bounds (the analysis resolves them before printing).
            Sx::Atom(_) | Sx::Either(..) => quote!(#b::unknown()),
        }
    }
}
