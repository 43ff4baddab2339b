//! Emission of N-dimensional array code: indexing (with `a[i][j]` fused into one
//! `a[i, j]` access), stores, `.shape`/`.ndim`/`.size`, and NumPy's constructors.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{AllocKind, BinOp, Expr, ExprKind};
use crate::types::{Scalar, Ty};

impl FnEmitter<'_> {
    /// Splits `a[i][j, k]` into the array `a` and its indices `[i, j, k]`, as long as each
    /// level indexes an array.
    pub(crate) fn index_chain<'e>(
        &self,
        base: &'e Expr,
        idx: &'e Expr,
    ) -> (&'e Expr, Vec<&'e Expr>) {
        let (root, mut out) = match &base.kind {
            ExprKind::Index(b, i)
                if matches!(self.ty(b), Ty::Array(..))
                    && !has_slices(i)
                    && !self.is_fancy(b, i) =>
            {
                self.index_chain(b, i)
            }
            _ => (base, Vec::new()),
        };
        match &idx.kind {
            ExprKind::Tuple(items) => out.extend(items.iter()),
            _ => out.push(idx),
        }
        (root, out)
    }

    /// Is `root` an array local whose innermost stride is 1 here (the unit-stride copy of
    /// a loop, `analysis/strides.rs`)?
    pub(crate) fn unit_root(&self, root: &Expr) -> bool {
        matches!(&root.kind, ExprKind::Local(n) if self.unit.contains(n))
    }

    /// `base[idx]` where `base` is an array: an element or a sub-array view.
    pub(crate) fn array_read(&mut self, base: &Expr, idx: &Expr) -> TokenStream {
        if has_slices(idx) {
            return self.array_subscript(base, idx);
        }
        let (root, idxs) = self.index_chain(base, idx);
        let n = match self.ty(root) {
            Ty::Array(_, n) => n as usize,
            _ => 0,
        };
        let r = self.place(root);
        let vals: Vec<TokenStream> = idxs.iter().map(|i| self.expr_as(i, Dtype::Int64)).collect();
        if vals.len() == n {
            if let Some(l) = self.lanes.get(&idx.id) {
                return l.read();
            }
            if self.in_bounds(idx.id) {
                if self.unit_root(root) {
                    return quote!((#r).get_unit([#(#vals),*]));
                }
                return quote!((#r).get_unchecked([#(#vals),*]));
            }
            if !self.bounds_checks {
                return quote!((#r).get_nocheck([#(#vals),*]));
            }
            return quote!((#r).get([#(#vals),*])?);
        }
        let mut out = quote!((#r));
        for v in vals {
            out = quote!(#out.sub(#v)?);
        }
        // A row of an array variable: its view, joined with the variable's owner.
        if let ExprKind::Local(name) = &root.kind {
            let own = super::types::owner_ident(name);
            return quote!(::pykernel::__private::Array::join(#out, &#own));
        }
        out
    }

    /// `base[i, lo:hi, ...]` with slices: a view, axis by axis.
    fn array_subscript(&mut self, base: &Expr, idx: &Expr) -> TokenStream {
        let mut out = self.expr(base);
        let items: Vec<&Expr> = match &idx.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![idx],
        };
        let mut rank = match self.ty(base) {
            Ty::Array(_, n) => n as usize,
            _ => 0,
        };
        // Axes `...` stands for: those the other items do not index.
        let indexed = items
            .iter()
            .filter(|i| !matches!(i.kind, ExprKind::None | ExprKind::Ellipsis))
            .count();
        let skipped = rank.saturating_sub(indexed);
        let mut axis = 0usize;
        for it in items {
            match &it.kind {
                ExprKind::SliceSpec(lo, hi, st) => {
                    let [lo, hi, st] = [lo, hi, st].map(|p| self.slice_bound(p.as_deref()));
                    out = quote!(#out.slice_axis(#axis, #lo, #hi, #st)?);
                    axis += 1;
                }
                ExprKind::None => {
                    rank += 1;
                    out = quote!(#out.new_axis::<#rank>(#axis));
                    axis += 1;
                }
                ExprKind::Ellipsis => axis += skipped,
                _ => {
                    let i = self.expr_as(it, Dtype::Int64);
                    out = quote!(#out.index_axis(#axis, #i)?);
                    rank -= 1;
                }
            }
        }
        out
    }

    /// `a[lo:hi:st]` on an array: a view along the first axis.
    pub(crate) fn array_slice(&mut self, base: &Expr, parts: [Option<&Expr>; 3]) -> TokenStream {
        let b = self.expr(base);
        let [lo, hi, st] = parts.map(|p| self.slice_bound(p));
        quote!(#b.slice_axis(0, #lo, #hi, #st)?)
    }

    /// Stores `v` (of type `vt`: a number, or an array of the same shape) into the view
    /// `dest` (evaluated after `v`, as Python does).
    pub(crate) fn array_fill(
        &mut self,
        dest: TokenStream,
        d: Dtype,
        v: TokenStream,
        vt: &Ty,
    ) -> TokenStream {
        match vt {
            Ty::Scalar(s) => {
                let x = super::expr::store_cast(quote!(__pk_v), *s, d);
                quote!({ let __pk_v = #v; let __pk_d = #dest; __pk_d.fill(#x); })
            }
            // `row[...] = (x, y)`: the tuple as a 1-D array (NumPy converts it), cast.
            Ty::Tuple(items) if items.iter().all(|t| t.scalar().is_some()) => {
                let dt = super::types::dtype_tokens(d);
                let k = items.len();
                let parts: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(j, t)| {
                        let j = syn::Index::from(j);
                        let s = t.scalar().unwrap_or(Scalar::FLOAT);
                        super::expr::store_cast(quote!(__pk_v.#j), s, d)
                    })
                    .collect();
                quote!({
                    let __pk_v = #v;
                    let __pk_t = ::pykernel::__private::Array::<#dt, 1>::from_vec(vec![#(#parts),*], [#k])?;
                    let __pk_d = #dest;
                    __pk_d.assign(&__pk_t)?;
                })
            }
            _ => quote!({ let __pk_v = #v; let __pk_d = #dest; __pk_d.assign(&__pk_v)?; }),
        }
    }

    /// The rank left after indexing `base` (an array) with `idx` (0: an element).
    pub(crate) fn rank_after(&self, base: &Expr, idx: &Expr) -> usize {
        let n = match self.ty(base) {
            Ty::Array(_, n) => n as usize,
            _ => 0,
        };
        let items: Vec<&Expr> = match &idx.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![idx],
        };
        let ints = items
            .iter()
            .filter(|i| {
                !matches!(
                    i.kind,
                    ExprKind::SliceSpec(..) | ExprKind::None | ExprKind::Ellipsis
                )
            })
            .count();
        let nones = items
            .iter()
            .filter(|i| matches!(i.kind, ExprKind::None))
            .count();
        (n + nones).saturating_sub(ints)
    }

    /// `np.arange(...)`, `np.linspace(...)`, `np.array(...)`.
    pub(crate) fn np_ranges(
        &mut self,
        b: crate::ir::Builtin,
        args: &[Expr],
        ty: &Ty,
    ) -> TokenStream {
        use crate::ir::Builtin;
        let p = quote!(::pykernel::__private);
        match b {
            Builtin::NpArange => {
                let d = match ty {
                    Ty::Array(d, _) => *d,
                    _ => Dtype::Int64,
                };
                let vals: Vec<TokenStream> = args.iter().map(|a| self.expr_as(a, d)).collect();
                let (zero, one) = if d == Dtype::Int64 {
                    (quote!(0i64), quote!(1i64))
                } else {
                    (quote!(0.0f64), quote!(1.0f64))
                };
                let (start, stop, step) = match vals.as_slice() {
                    [stop] => (zero, stop.clone(), one),
                    [start, stop] => (start.clone(), stop.clone(), one),
                    [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
                    [] => (zero.clone(), zero, one),
                };
                let f = if d == Dtype::Int64 {
                    quote!(arange_int)
                } else {
                    quote!(arange_float)
                };
                quote!(#p::#f(#start, #stop, #step)?)
            }
            Builtin::NpLinspace => {
                let a = self.expr_as(&args[0], Dtype::Float64);
                let b = self.expr_as(&args[1], Dtype::Float64);
                let n = match args.get(2) {
                    Some(n) => self.expr_as(n, Dtype::Int64),
                    None => quote!(50i64),
                };
                quote!(#p::linspace(#a, #b, #n)?)
            }
            _ => {
                let d = match ty {
                    Ty::Array(d, _) => *d,
                    _ => Dtype::Float64,
                };
                let et = dtype_tokens(d);
                let at = self.ty(&args[0]);
                let rank = match ty {
                    Ty::Array(_, n) => *n as usize,
                    _ => 1,
                };
                // A copy of an array, or rows (lists of numbers or 1-D arrays).
                let from = match &at {
                    Ty::Array(e, _) => Some(*e),
                    Ty::List(inner) => match inner.as_ref() {
                        Ty::List(i2) => i2.scalar().map(|s| s.dtype),
                        Ty::Array(e, 1) => Some(*e),
                        _ => None,
                    },
                    _ => None,
                };
                if let (Some(e), true) = (from, rank > 1 || matches!(at, Ty::Array(..))) {
                    let conv = cast(quote!(__pk_x), e, d);
                    let v = self.expr(&args[0]);
                    if let Ty::Array(..) = at {
                        return quote!({
                            let __pk_s = #v;
                            let __pk_items: ::std::vec::Vec<#et> = __pk_s.to_vec().into_iter().map(|__pk_x| #conv).collect();
                            #p::Array::<#et, #rank>::from_vec(__pk_items, __pk_s.shape())?
                        });
                    }
                    return quote!({
                        let __pk_rows: ::std::vec::Vec<::std::vec::Vec<#et>> = (#v)
                            .to_vec()
                            .into_iter()
                            .map(|__pk_r| __pk_r.to_vec().into_iter().map(|__pk_x| #conv).collect())
                            .collect();
                        #p::array_from_rows(__pk_rows)?
                    });
                }
                let item = crate::infer::value_item(&at)
                    .and_then(|t| t.scalar())
                    .map_or(d, |s| s.dtype);
                let conv = cast(quote!(__pk_x), item, d);
                let items = match &at {
                    Ty::Tuple(ts) => self.tuple_items(&args[0], ts, d),
                    _ => {
                        let l = self.place(&args[0]);
                        quote!((#l).to_vec().into_iter().map(|__pk_x| #conv).collect::<::std::vec::Vec<#et>>())
                    }
                };
                quote!({
                    let __pk_items: ::std::vec::Vec<#et> = #items;
                    let __pk_n = __pk_items.len();
                    #p::Array::<#et, 1>::from_vec(__pk_items, [__pk_n])?
                })
            }
        }
    }

    /// The items of tuple `e` (of item types `ts`), each cast to `d`, as a `Vec`.
    fn tuple_items(&mut self, e: &Expr, ts: &[Ty], d: Dtype) -> TokenStream {
        let tv = self.expr(e);
        let parts: Vec<TokenStream> = ts
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let k = syn::Index::from(k);
                let from = t.scalar().map_or(d, |s| s.dtype);
                cast(quote!(__pk_t.#k), from, d)
            })
            .collect();
        quote!({ let __pk_t = #tv; ::std::vec![#(#parts),*] })
    }

    /// Tuple `e` of numbers as the 1-D array of dtype `d` that `np.asarray` makes of it
    /// (an operand of a ufunc or an operator).
    pub(crate) fn tuple_array(&mut self, e: &Expr, d: Dtype) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let et = dtype_tokens(d);
        let ts = match self.ty(e) {
            Ty::Tuple(ts) => ts,
            _ => Vec::new(),
        };
        let items = self.tuple_items(e, &ts, d);
        quote!({
            let __pk_items: ::std::vec::Vec<#et> = #items;
            let __pk_n = __pk_items.len();
            #p::Array::<#et, 1>::from_vec(__pk_items, [__pk_n])?
        })
    }

    /// The element `base[idx]` to store into: the array's dtype, the array variable (in
    /// place) and the index values.
    fn element_place(&mut self, base: &Expr, idx: &Expr) -> (Dtype, TokenStream, Vec<TokenStream>) {
        let (root, idxs) = self.index_chain(base, idx);
        let d = self.ty(root).elem_dtype();
        let r = self.place(root);
        let vals = idxs.iter().map(|i| self.expr_as(i, Dtype::Int64)).collect();
        (d, r, vals)
    }

    /// `base[idx] = v` (every axis indexed).
    pub(crate) fn array_store(
        &mut self,
        base: &Expr,
        idx: &Expr,
        v: TokenStream,
        vs: Scalar,
    ) -> TokenStream {
        let (d, r, vals) = self.element_place(base, idx);
        let v = super::expr::store_cast(v, vs, d);
        if let Some(l) = self.lanes.get(&idx.id) {
            return l.write(v);
        }
        if self.in_bounds(idx.id) {
            if self.unit_root(self.index_chain(base, idx).0) {
                return quote!((#r).set_unit([#(#vals),*], #v););
            }
            return quote!((#r).set_unchecked([#(#vals),*], #v););
        }
        if !self.bounds_checks {
            return quote!((#r).set_nocheck([#(#vals),*], #v););
        }
        quote!((#r).set([#(#vals),*], #v)?;)
    }

    /// `base[idx] op= value`: the indices are evaluated once.
    pub(crate) fn array_aug_assign(
        &mut self,
        base: &Expr,
        idx: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> TokenStream {
        let (d, r, vals) = self.element_place(base, idx);
        let cs = Scalar::np(d);
        let vs = self.scalar(value);
        let v = self.expr(value);
        let res = crate::types::promote(cs, vs);
        let res = if op == BinOp::Div {
            crate::types::true_divide(cs, vs)
        } else {
            res
        };
        // The new element value from the current one (`cur`), in the array's dtype.
        let mode = self.division_mode(value);
        let new_value = |cur: TokenStream| {
            let r_v = match super::expr::positive_divisor(op, value, res) {
                Some(f) => f(cast(cur, d, res.dtype)),
                None => super::expr::binary(op, cur, cs, v, vs, res, mode),
            };
            cast(r_v, res.dtype, d)
        };
        if let Some(l) = self.lanes.get(&idx.id) {
            let store = l.write(new_value(l.read()));
            return quote!({ #store });
        }
        let unchecked = self.in_bounds(idx.id);
        if !unchecked && self.bounds_checks {
            // One index check: the element's address, read and written.
            let r_v = new_value(quote!((*__pk_p)));
            return quote!({
                let __pk_p = (#r).elem_ptr([#(#vals),*])?;
                let __pk_r = #r_v;
                *__pk_p = __pk_r;
            });
        }
        let (get, set) = if unchecked && self.unit_root(self.index_chain(base, idx).0) {
            (quote!(get_unit), quote!(set_unit))
        } else if unchecked {
            (quote!(get_unchecked), quote!(set_unchecked))
        } else {
            (quote!(get_nocheck), quote!(set_nocheck))
        };
        let r_v = new_value(quote!(__pk_a.#get(__pk_i)));
        quote!({
            let __pk_a = &(#r);
            let __pk_i = [#(#vals),*];
            let __pk_r = #r_v;
            __pk_a.#set(__pk_i, __pk_r);
        })
    }

    /// `a.shape`, `a.ndim`, `a.size`.
    pub(crate) fn array_attr(&mut self, base: &Expr, name: &str) -> TokenStream {
        let n = match self.ty(base) {
            Ty::Array(_, n) => n as usize,
            _ => 0,
        };
        let b = self.place(base);
        match name {
            "shape" => {
                let dims = (0..n).map(|k| quote!(__pk_a.dim(#k)));
                quote!({ let __pk_a = &(#b); (#(#dims,)*) })
            }
            "ndim" => {
                let n = n as i64;
                quote!({ let _ = &(#b); #n })
            }
            "itemsize" => {
                let size = self.ty(base).elem_dtype().itemsize() as i64;
                quote!({ let _ = &(#b); #size })
            }
            "nbytes" => {
                let size = self.ty(base).elem_dtype().itemsize() as i64;
                quote!(((#b).size() * #size))
            }
            _ => quote!((#b).size()),
        }
    }

    /// `np.zeros(shape, dtype=)`, `np.full(shape, v)`, `np.zeros_like(a)`, ...
    pub(crate) fn np_alloc(&mut self, kind: AllocKind, args: &[Expr], ty: &Ty) -> TokenStream {
        let (d, n) = match ty {
            Ty::Array(d, n) => (*d, *n as usize),
            _ => (Dtype::Float64, 1),
        };
        let et = dtype_tokens(d);
        let p = quote!(::pykernel::__private);
        let value = match kind {
            // NumPy's `copyto(casting='unsafe')`: a Python int must fit an integer
            // dtype (`OverflowError`), other numbers are cast as arrays are.
            AllocKind::Full | AllocKind::FullLike => {
                let s = self.scalar(&args[1]);
                let v = self.expr(&args[1]);
                if s.py && s.dtype == Dtype::Int64 {
                    super::expr::weak_cast(v, s, d)
                } else {
                    super::types::np_cast(v, s.dtype, d)
                }
            }
            AllocKind::Ones | AllocKind::OnesLike => cast(quote!(1i64), Dtype::Int64, d),
            // `np.empty` leaves the memory unspecified; zeros are one valid content.
            _ => cast(quote!(0i64), Dtype::Int64, d),
        };
        if kind.like() {
            // The prototype's shape and memory order (NumPy's `order='K'`).
            let a = self.place(&args[0]);
            return quote!({
                let __pk_v: #et = #value;
                #p::Array::<#et, #n>::full_like(&(#a), __pk_v)?
            });
        }
        let shape = match &args[0].kind {
            ExprKind::Tuple(items) => {
                let v: Vec<TokenStream> = items
                    .iter()
                    .map(|i| self.expr_as(i, Dtype::Int64))
                    .collect();
                quote!([#(#v),*])
            }
            _ => match self.ty(&args[0]) {
                // A tuple value (`a.shape`, a variable): its items.
                Ty::Tuple(items) => {
                    let v = self.expr(&args[0]);
                    let parts = items.iter().enumerate().map(|(k, t)| {
                        let k = syn::Index::from(k);
                        let from = t.scalar().map_or(Dtype::Int64, |s| s.dtype);
                        cast(quote!(__pk_t.#k), from, Dtype::Int64)
                    });
                    quote!({ let __pk_t = #v; [#(#parts),*] })
                }
                _ => {
                    let v = self.expr_as(&args[0], Dtype::Int64);
                    quote!([#v])
                }
            },
        };
        quote!({
            let __pk_shape: [i64; #n] = #shape;
            let __pk_v: #et = #value;
            #p::Array::<#et, #n>::full(__pk_shape, __pk_v)?
        })
    }
}

/// Does this index hold a slice (`a[1:, 0]`)?
fn has_slices(idx: &Expr) -> bool {
    match &idx.kind {
        ExprKind::SliceSpec(..) => true,
        ExprKind::None | ExprKind::Ellipsis => true,
        ExprKind::Tuple(items) => items.iter().any(|i| {
            matches!(
                i.kind,
                ExprKind::SliceSpec(..) | ExprKind::None | ExprKind::Ellipsis
            )
        }),
        _ => false,
    }
}
