//! Emission of scalar expressions with Python/NumPy semantics.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::FnEmitter;
use super::types::{cast, float_literal, ident, int_literal, truthy};
use crate::exports::Dtype;
use crate::ir::{BinOp, Builtin, CmpOp, Expr, ExprKind, LogicOp, MathFn, UnaryOp};
use crate::types::{Scalar, Ty, kind};

/// The semantics of a binary operation, for division by zero above all (SPEC 6).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// Scalar code: Python numbers follow CPython (division by zero raises
    /// `ZeroDivisionError`), NumPy scalars follow NumPy (inf/nan, 0 for integers).
    Python,
    /// As `Python`, with a divisor known to be non-zero: no zero check
    /// (`FnEmitter::division_mode` decides, in `division.rs`).
    PythonNonZeroDivisor,
    /// Python numbers, an integer divisor known to be positive.
    PythonPositiveDivisor,
    /// Elements of whole-array expressions: NumPy's semantics.
    NumPyElementwise,
}

impl FnEmitter<'_> {
    /// The inferred type of `e`.
    pub(crate) fn ty(&self, e: &Expr) -> Ty {
        self.inst
            .exprs
            .get(e.id as usize)
            .cloned()
            .flatten()
            .unwrap_or(Ty::None)
    }

    /// The scalar type of `e` (NumPy scalar of the element type for array-likes).
    pub(crate) fn scalar(&self, e: &Expr) -> Scalar {
        let t = self.ty(e);
        t.scalar()
            .unwrap_or_else(|| Scalar::np(t.elem().unwrap_or(Dtype::Float64)))
    }

    /// The scalar of a type (float64 for non-scalars).
    pub(crate) fn scalar_of(&self, t: &Ty) -> Scalar {
        t.scalar().unwrap_or(Scalar::FLOAT)
    }

    /// A fresh temporary name.
    pub(crate) fn tmp(&mut self, what: &str) -> proc_macro2::Ident {
        self.tmp += 1;
        format_ident!("__pk_{}{}", what, self.tmp)
    }

    /// `e` converted to dtype `to`.
    pub(crate) fn expr_as(&mut self, e: &Expr, to: Dtype) -> TokenStream {
        let from = self.scalar(e).dtype;
        let v = self.expr(e);
        cast(v, from, to)
    }

    /// A slice bound: `Some(i64)` for a given one, `None` for a left-out one.
    pub(crate) fn slice_bound(&mut self, p: Option<&Expr>) -> TokenStream {
        match p {
            Some(p) => {
                let v = self.expr_as(p, Dtype::Int64);
                quote!(Some(#v))
            }
            None => quote!(None),
        }
    }

    /// Python truthiness of `e`.
    pub(crate) fn cond(&mut self, e: &Expr) -> TokenStream {
        match self.ty(e) {
            // A list is true when it is not empty; a tuple's length is known.
            Ty::List(_) => {
                let v = self.place(e);
                return quote!((!(#v).is_empty()));
            }
            Ty::Tuple(items) => {
                let v = self.expr(e);
                let t = !items.is_empty();
                return quote!({ let _ = #v; #t });
            }
            // `None` is false; a value is as true as it is.
            Ty::Optional(inner) => {
                let v = self.expr(e);
                let test = match &*inner {
                    Ty::List(_) => quote!((!__pk_o.is_empty())),
                    Ty::Tuple(items) => {
                        let t = !items.is_empty();
                        quote!({ let _ = __pk_o; #t })
                    }
                    t => truthy(quote!(__pk_o), t.scalar().map_or(Dtype::Bool, |s| s.dtype)),
                };
                return quote!(match #v {
                    ::core::option::Option::Some(__pk_o) => #test,
                    ::core::option::Option::None => false,
                });
            }
            _ => {}
        }
        let d = self.scalar(e).dtype;
        let v = self.expr(e);
        truthy(v, d)
    }

    /// A Rust expression for `e`, of the Rust type of its kernel type.
    pub(crate) fn expr(&mut self, e: &Expr) -> TokenStream {
        if let Some(v) = self.pre_evaluated(e).or_else(|| self.flat_chain(e)) {
            return v;
        }
        let ty = self.ty(e);
        // A tree of elementwise array operations: one loop nest into a new array.
        if self.kernels.kernel(e.id).is_some() {
            return self.kernel_into(e, super::arrayexpr::Sink::New);
        }
        match &e.kind {
            ExprKind::Int(v) => int_literal(*v),
            ExprKind::Float(v) => float_literal(*v),
            ExprKind::Imag(v) => {
                let im = float_literal(*v);
                quote!(::pykernel::__private::C64::new(0.0, #im))
            }
            ExprKind::Bool(b) => quote!(#b),
            ExprKind::None => quote!(()),
            // Only as arguments of `print`, which handles them.
            ExprKind::Str(_) => quote!(()),
            // Only inside an index (`a[..., 0]`), which handles it.
            ExprKind::Ellipsis => quote!(()),
            ExprKind::Local(name) => {
                let id = ident(name);
                // A `T | None` local read where it may be None: rebuilt as an `Option`.
                let (ty, optional) = match ty {
                    Ty::Optional(inner) => (*inner, true),
                    t => (t, false),
                };
                let read = if let Ty::Array(..) = ty {
                    // An array variable is a view plus its owner: rejoined when read as a
                    // value.
                    let own = super::types::owner_ident(name);
                    quote!(::pykernel::__private::Array::join(#id, &#own))
                } else if ty.is_shared() {
                    // Reading a list shares it (another reference), as in Python.
                    quote!(#id.clone())
                } else {
                    quote!(#id)
                };
                let read = if optional {
                    let flag = super::types::none_flag(name);
                    quote! {
                        (if #flag { ::core::option::Option::None } else { ::core::option::Option::Some(#read) })
                    }
                } else {
                    read
                };
                match self.bound_check(name, e.span) {
                    check if check.is_empty() => read,
                    check => quote!({ #check #read }),
                }
            }
            ExprKind::List(items) => self.list_literal(items, &ty),
            ExprKind::ListComp(elt, gens, _) => self.list_comp(elt, gens, &ty),
            ExprKind::Method(recv, name, args) => {
                if let Ty::Array(..) = self.ty(recv)
                    && let Some(t) = self.np_method(recv, name, args, &ty)
                {
                    return t;
                }
                self.method(recv, name, args)
            }
            ExprKind::Attr(base, name) if matches!(self.ty(base), Ty::Array(..)) && name == "T" => {
                let b = self.expr(base);
                quote!(#b.t())
            }
            ExprKind::Attr(base, name) if matches!(self.ty(base), Ty::Array(..)) => {
                self.array_attr(base, name)
            }
            ExprKind::SliceSpec(..) => quote!(()),
            ExprKind::Attr(base, name) => self.attr(base, name, &ty),
            ExprKind::Binary(op, l, r) if ty.has_list() => self.list_binary(*op, l, r, &ty),
            ExprKind::Binary(op, l, r) => {
                let res = self.scalar(e);
                let (ls, rs) = (self.scalar(l), self.scalar(r));
                let (lv, rv) = (self.expr(l), self.expr(r));
                match positive_divisor(*op, r, res) {
                    Some(tokens) => tokens(cast(lv, ls.dtype, res.dtype)),
                    None => binary(*op, lv, ls, rv, rs, res, self.division_mode(r)),
                }
            }
            ExprKind::Unary(UnaryOp::Not, a) if self.ty(a).scalar().is_none() => {
                let c = self.cond(a);
                quote!((!#c))
            }
            ExprKind::Unary(op, a) => {
                let s = self.scalar(a);
                let v = self.expr(a);
                unary(*op, v, s, self.scalar(e))
            }
            ExprKind::Compare(first, rest) => self.compare(first, rest),
            ExprKind::Logic(op, a, b) => {
                let res = self.scalar(e).dtype;
                let ad = self.scalar(a).dtype;
                let av = self.expr(a);
                let bv = self.expr_as(b, res);
                if res == Dtype::Bool && ad == Dtype::Bool {
                    return match op {
                        LogicOp::And => quote!((#av && #bv)),
                        LogicOp::Or => quote!((#av || #bv)),
                    };
                }
                let t = self.tmp("t");
                let test = truthy(quote!(#t), ad);
                let tv = cast(quote!(#t), ad, res);
                match op {
                    LogicOp::And => quote!({ let #t = #av; if #test { #bv } else { #tv } }),
                    LogicOp::Or => quote!({ let #t = #av; if #test { #tv } else { #bv } }),
                }
            }
            ExprKind::IfExp(..) => self.if_chain(e),
            ExprKind::CallUser(_, args) => {
                let callee = self.inst.calls.get(&e.id).copied().unwrap_or(0);
                // Inference gives shared lists the callee's parameter types; new ones
                // (`g([0] * n)`) are built with them.
                let params = self
                    .program
                    .instances
                    .get(callee)
                    .map(|c| c.param_types(&self.module.functions[c.key.func]));
                let args: Vec<TokenStream> = args
                    .iter()
                    .enumerate()
                    .map(|(k, a)| match params.as_ref().and_then(|p| p.get(k)) {
                        Some(p) => self.expr_to(a, p),
                        None => self.expr(a),
                    })
                    .collect();
                self.user_call(callee, &args)
            }
            ExprKind::CallBuiltin(b, args) => self.builtin(*b, args, &ty),
            ExprKind::Tuple(items) => {
                let items: Vec<TokenStream> = items.iter().map(|i| self.expr(i)).collect();
                quote!((#(#items,)*))
            }
            ExprKind::Index(base, idx) if matches!(self.ty(base), Ty::Tuple(_)) => {
                let len = match self.ty(base) {
                    Ty::Tuple(items) => items.len(),
                    _ => 0,
                };
                let b = self.expr(base);
                match crate::infer::tuple_index(idx, len) {
                    Some(k) => {
                        let k = syn::Index::from(k);
                        quote!((#b).#k)
                    }
                    None => {
                        // A run-time index into a tuple of one item type.
                        let bt = self.ty(base);
                        let item = crate::infer::value_item(&bt).unwrap_or(Ty::None);
                        let items = match &bt {
                            Ty::Tuple(items) => items.clone(),
                            _ => Vec::new(),
                        };
                        let parts: Vec<TokenStream> = items
                            .iter()
                            .enumerate()
                            .map(|(j, t)| {
                                let j = syn::Index::from(j);
                                super::types::convert(quote!(__pk_t.#j), t, &item)
                            })
                            .collect();
                        let i = self.expr_as(idx, Dtype::Int64);
                        quote!({
                            let __pk_t = #b;
                            let __pk_i = #i;
                            let __pk_a = [#(#parts),*];
                            __pk_a[::pykernel::__private::index(__pk_i, #len)?].clone()
                        })
                    }
                }
            }
            ExprKind::Index(base, idx) if self.is_fancy(base, idx) => {
                self.fancy_read(base, idx, &ty)
            }
            ExprKind::Index(base, idx) if matches!(self.ty(base), Ty::Array(..)) => {
                self.array_read(base, idx)
            }
            // `a[i][j]` on a list of lists of numbers: the row is not taken out.
            ExprKind::Index(base, idx)
                if let ExprKind::Index(outer, row) = &base.kind
                    && let Ty::List(rows) = self.ty(outer)
                    && let Ty::List(item) = rows.as_ref()
                    && item.scalar().is_some() =>
            {
                let a = if crate::arrayexpr::calm(row) && crate::arrayexpr::calm(idx) {
                    self.list_place(outer)
                } else {
                    self.place(outer)
                };
                let i = self.expr_as(row, Dtype::Int64);
                let j = self.expr_as(idx, Dtype::Int64);
                if self.in_bounds(row.id) && self.in_bounds(idx.id) {
                    quote!((#a).get2_unchecked(#i, #j))
                } else {
                    quote!((#a).get2(#i, #j)?)
                }
            }
            ExprKind::Index(base, idx) => {
                let bt = self.ty(base);
                let b = if matches!(bt, Ty::List(_)) && crate::arrayexpr::calm(idx) {
                    self.list_place(base)
                } else if matches!(bt, Ty::List(_)) {
                    self.list_recv(base)
                } else {
                    self.place(base)
                };
                let i = self.expr_as(idx, Dtype::Int64);
                match bt {
                    Ty::Ptr(d) => {
                        let read = quote!((*(#b).offset((#i) as isize)));
                        cast(read, d, self.scalar(e).dtype)
                    }
                    Ty::List(_) if self.in_bounds(idx.id) => {
                        quote!((#b).get_unchecked(#i))
                    }
                    _ => quote!((#b).get(#i)?),
                }
            }
            ExprKind::Slice(base, lo, hi, st) if matches!(self.ty(base), Ty::Array(..)) => {
                let parts = [lo, hi, st].map(|p| p.as_deref());
                self.array_slice(base, parts)
            }
            ExprKind::Slice(base, lo, hi, st) => {
                let b = self.place(base);
                let [lo, hi, st] = [lo, hi, st].map(|p| self.slice_bound(p.as_deref()));
                quote!((#b).slice(#lo, #hi, #st)?)
            }
        }
    }

    fn compare(&mut self, first: &Expr, rest: &[(CmpOp, Expr)]) -> TokenStream {
        if let Some(flat) = self.long_compare(first, rest) {
            return flat;
        }
        if let [(op @ (CmpOp::Is | CmpOp::IsNot), r)] = rest {
            let test = self.is_none(first, r);
            return if *op == CmpOp::Is {
                test
            } else {
                quote!((!#test))
            };
        }
        let mut prev_t = self.ty(first);
        let prev_v = self.expr(first);
        if let [(op, r)] = rest {
            let rt = self.ty(r);
            let rv = self.expr(r);
            return self.compare_values(*op, prev_v, &prev_t, rv, &rt);
        }
        // Chained: each operand evaluated once, left to right, stopping at the first false.
        let mut prev = self.tmp("c");
        let mut out = quote!(true);
        let mut lets = vec![quote!(let #prev = #prev_v;)];
        let mut conds = Vec::new();
        for (op, r) in rest {
            let rt = self.ty(r);
            let rv = self.expr(r);
            let cur = self.tmp("c");
            let test = self.compare_values(*op, quote!(#prev), &prev_t, quote!(#cur), &rt);
            conds.push((quote!(let #cur = #rv;), test));
            prev = cur;
            prev_t = rt;
        }
        for (bind, test) in conds.into_iter().rev() {
            out = quote!({ #bind #test && #out });
        }
        let lets = lets.drain(..);
        quote!({ #(#lets)* #out })
    }

    /// `a is b` with `None` on one side (inference checks it): whether the other side
    /// is `None`.
    fn is_none(&mut self, a: &Expr, b: &Expr) -> TokenStream {
        let (other, none) = if self.ty(b) == Ty::None {
            (a, b)
        } else {
            (b, a)
        };
        let nv = self.expr(none);
        let test = match (&other.kind, self.ty(other)) {
            (ExprKind::Local(name), Ty::Optional(_))
                if self.bound_check(name, other.span).is_empty() =>
            {
                let flag = super::types::none_flag(name);
                quote!(#flag)
            }
            (_, Ty::Optional(_)) => {
                let v = self.expr(other);
                quote!((#v).is_none())
            }
            (_, Ty::None) => {
                let v = self.expr(other);
                quote!({ let _ = #v; true })
            }
            _ => {
                let v = self.expr(other);
                quote!({ let _ = #v; false })
            }
        };
        if a.id == none.id {
            quote!({ let _ = #nv; #test })
        } else {
            quote!({ let __pk_is = #test; let _ = #nv; __pk_is })
        }
    }

    /// `l op r` for values of types `lt` and `rt` (scalars, lists, tuples, `in`).
    pub(crate) fn compare_values(
        &mut self,
        op: CmpOp,
        lv: TokenStream,
        lt: &Ty,
        rv: TokenStream,
        rt: &Ty,
    ) -> TokenStream {
        match (op, lt, rt) {
            (CmpOp::In | CmpOp::NotIn, _, _) => {
                let test = self.contains(lv, lt, rv, rt);
                if op == CmpOp::In {
                    test
                } else {
                    quote!((!#test))
                }
            }
            (_, Ty::Scalar(ls), Ty::Scalar(rs)) => compare_pair(op, lv, *ls, rv, *rs),
            (CmpOp::Eq | CmpOp::Ne, _, _) => {
                let test = self.equal(lv, lt, rv, rt);
                if op == CmpOp::Eq {
                    test
                } else {
                    quote!((!#test))
                }
            }
            _ => quote!(false),
        }
    }

    fn builtin(&mut self, b: Builtin, args: &[Expr], ty: &Ty) -> TokenStream {
        let res = ty.scalar().map(|s| s.dtype).unwrap_or(Dtype::Float64);
        let first_is_view = matches!(args.first().map(|a| self.ty(a)), Some(Ty::View(_)));
        if b.over_iterable(args.len(), first_is_view) {
            return self.iterable_builtin(b, args, ty);
        }
        match b {
            Builtin::Print => self.print_call(args),
            Builtin::Ufunc(_)
            | Builtin::NpReduce(_)
            | Builtin::NpShape(_)
            | Builtin::NpLinalg(_)
            | Builtin::NpWhere
            | Builtin::NpClip
            | Builtin::NpPart(_)
            | Builtin::NpAstype(_) => self.np_builtin(b, args, ty),
            Builtin::NpReduceAxis(r) => self.reduce_axis(r, args, ty),
            Builtin::NpSort(f) => self.sort_fn(f, args, ty),
            Builtin::NpInfo { int, attr } => {
                use crate::numpy::info::{InfoValue, info};
                match info(int, self.ty(&args[0]).elem_dtype(), attr) {
                    Ok(InfoValue::Int(v)) => super::types::int_literal(v),
                    Ok(InfoValue::Float(Dtype::Float32, v)) => {
                        let lit = super::types::float_literal(v);
                        quote!((#lit as f32))
                    }
                    Ok(InfoValue::Float(_, v)) => super::types::float_literal(v),
                    Err(_) => quote!(compile_error!("pykernel: finfo")),
                }
            }
            Builtin::NpArrayEqual { equiv } => self.array_equal(equiv, args),
            Builtin::NpBuild(f) => self.build(f, args, ty),
            Builtin::NpIndexFn(f) => self.index_fn(f, args, ty),
            // Known when compiling: every array variable has one dtype.
            Builtin::DtypeEq { ne, fixed } => {
                let dtypes: Vec<Dtype> = args.iter().map(|a| self.ty(a).elem_dtype()).collect();
                let other = fixed.or_else(|| dtypes.get(1).copied());
                let same = dtypes.first().copied() == other;
                if same != ne {
                    quote!(true)
                } else {
                    quote!(false)
                }
            }
            Builtin::Abs if kind(self.scalar(&args[0]).dtype) == 3 => {
                let s = self.scalar(&args[0]);
                let v = self.expr(&args[0]);
                super::complex::complex_abs(v, s)
            }
            Builtin::Abs => {
                let s = self.scalar(&args[0]);
                let v = self.expr_as(&args[0], res);
                match kind(s.dtype) {
                    2 => quote!((#v).abs()),
                    0 => v,
                    _ if s.dtype.is_unsigned() => v,
                    _ => quote!((#v).wrapping_abs()),
                }
            }
            Builtin::Min | Builtin::Max => {
                let m = self.tmp("m");
                let first = self.expr_as(&args[0], res);
                let mut body = vec![quote!(let mut #m = #first;)];
                for a in &args[1..] {
                    let v = self.tmp("v");
                    let av = self.expr_as(a, res);
                    // Python keeps the first of equal (or unordered) values.
                    let better = if b == Builtin::Min {
                        quote!(#v < #m)
                    } else {
                        quote!(#v > #m)
                    };
                    // One block per argument: thousands of `let`s in one block nest as
                    // many scopes, which rustc's code generation cannot take.
                    body.push(quote!({ let #v = #av; if #better { #m = #v; } }));
                }
                quote!({ #(#body)* #m })
            }
            Builtin::Int => {
                let s = self.scalar(&args[0]);
                if kind(s.dtype) == 2 {
                    let v = self.expr_as(&args[0], Dtype::Float64);
                    quote!(::pykernel::__private::float_to_int(#v)?)
                } else {
                    self.expr_as(&args[0], Dtype::Int64)
                }
            }
            Builtin::Float => self.expr_as(&args[0], Dtype::Float64),
            Builtin::Bool => self.cond(&args[0]),
            Builtin::Len => {
                let v = self.expr(&args[0]);
                quote!((#v).len_i64())
            }
            Builtin::Divmod => {
                let d = match ty {
                    Ty::Tuple(items) => items
                        .first()
                        .and_then(Ty::scalar)
                        .map_or(Dtype::Int64, |s| s.dtype),
                    _ => Dtype::Int64,
                };
                let res = match ty {
                    Ty::Tuple(items) => items.first().and_then(Ty::scalar),
                    _ => None,
                }
                .unwrap_or(Scalar::INT);
                let (a, b) = (self.expr_as(&args[0], d), self.expr_as(&args[1], d));
                let mode = self.division_mode(&args[1]);
                super::division::divmod(a, b, res, mode)
            }
            Builtin::Pow if args.len() == 3 => {
                let [a, b, m] = [0, 1, 2].map(|i| self.expr_as(&args[i], Dtype::Int64));
                quote!(::pykernel::__private::pow_mod(#a, #b, #m)?)
            }
            Builtin::Pow => {
                let res = self.scalar_of(ty);
                let (ls, rs) = (self.scalar(&args[0]), self.scalar(&args[1]));
                let (lv, rv) = (self.expr(&args[0]), self.expr(&args[1]));
                binary(BinOp::Pow, lv, ls, rv, rs, res, Mode::Python)
            }
            Builtin::Round => {
                let s = self.scalar(&args[0]);
                let p = quote!(::pykernel::__private);
                match (args.len(), kind(s.dtype)) {
                    (1, 2) => {
                        let v = self.expr_as(&args[0], Dtype::Float64);
                        quote!(#p::round_float(#v)?)
                    }
                    (1, _) => self.expr_as(&args[0], Dtype::Int64),
                    // NumPy floats round with NumPy's algorithm, in their own precision.
                    (_, 2) if !s.py => {
                        let v = self.expr(&args[0]);
                        let n = self.expr_as(&args[1], Dtype::Int64);
                        quote!(#p::NpRound::np_round_digits(#v, #n))
                    }
                    (_, 2) => {
                        let d = s.dtype;
                        let v = self.expr_as(&args[0], Dtype::Float64);
                        let n = self.expr_as(&args[1], Dtype::Int64);
                        cast(quote!(#p::round_float_digits(#v, #n)), Dtype::Float64, d)
                    }
                    _ => {
                        let v = self.expr_as(&args[0], Dtype::Int64);
                        let n = self.expr_as(&args[1], Dtype::Int64);
                        cast(quote!(#p::round_int_digits(#v, #n)), Dtype::Int64, res)
                    }
                }
            }
            Builtin::AsArray => {
                let p = self.expr(&args[0]);
                let n = self.expr_as(&args[1], Dtype::Int64);
                quote!(::pykernel::__private::View1::from_raw(#p, #n)?)
            }
            Builtin::Math(f) => self.math(f, args),
            Builtin::Complex => self.complex_ctor(args),
            Builtin::NpAlloc(k, _) => self.np_alloc(k, args, ty),
            Builtin::NpArange | Builtin::NpLinspace | Builtin::NpArray(_) => {
                self.np_ranges(b, args, ty)
            }
            Builtin::NpCast(d) => {
                let s = self.scalar(&args[0]);
                let v = self.expr(&args[0]);
                if kind(s.dtype) == 2 && kind(d) == 1 {
                    // np.int32(2.7) truncates; NaN and infinities raise as in NumPy.
                    let x = cast(v, s.dtype, Dtype::Float64);
                    cast(
                        quote!(::pykernel::__private::float_to_int(#x)?),
                        Dtype::Int64,
                        d,
                    )
                } else {
                    weak_cast(v, s, d)
                }
            }
            Builtin::Cmath(f) => self.cmath(f, args),
            Builtin::Sum
            | Builtin::Sorted
            | Builtin::List
            | Builtin::Tuple
            | Builtin::Any
            | Builtin::All => quote!(()),
        }
    }

    fn math(&mut self, f: MathFn, args: &[Expr]) -> TokenStream {
        use MathFn::*;
        let int_arg = |this: &Self, i: usize| kind(this.scalar(&args[i]).dtype) <= 1;
        // floor/ceil/trunc of an int is the int itself (no float round trip).
        if matches!(f, Floor | Ceil | Trunc) && int_arg(self, 0) {
            return self.expr_as(&args[0], Dtype::Int64);
        }
        // math.log(x, base) is a different runtime function than math.log(x).
        let name = if f == Log && args.len() == 2 {
            format_ident!("log_base")
        } else {
            format_ident!("{}", f.rust_name())
        };
        // math.perm(n) is factorial(n).
        if f == Perm && args.len() == 1 {
            let n = self.expr_as(&args[0], Dtype::Int64);
            return quote!(::pykernel::__private::math::factorial(#n)?);
        }
        let args: Vec<TokenStream> = match f {
            Gcd | Factorial | Isqrt | Comb | Perm => {
                args.iter().map(|a| self.expr_as(a, Dtype::Int64)).collect()
            }
            Ldexp => vec![
                self.expr_as(&args[0], Dtype::Float64),
                self.expr_as(&args[1], Dtype::Int64),
            ],
            _ => args
                .iter()
                .map(|a| self.expr_as(a, Dtype::Float64))
                .collect(),
        };
        let call = quote!(::pykernel::__private::math::#name(#(#args),*));
        match f {
            Isnan => {
                let a = &args[0];
                quote!((#a).is_nan())
            }
            Isinf => {
                let a = &args[0];
                quote!((#a).is_infinite())
            }
            Isfinite => {
                let a = &args[0];
                quote!((#a).is_finite())
            }
            Fabs | Atan2 | Copysign | Degrees | Radians | Isclose | Gcd | Frexp | Modf
            | Nextafter | Ulp => call,
            _ => quote!(#call?),
        }
    }
}

/// `x // k` and `x % k` for an integer literal `k > 0`: Python's floor semantics are
/// `div_euclid`/`rem_euclid` then, with no zero check, and LLVM turns a power of two into
/// shifts and masks. Returns a function of the (already converted) left operand.
pub(crate) fn positive_divisor(
    op: BinOp,
    r: &Expr,
    res: Scalar,
) -> Option<impl FnOnce(TokenStream) -> TokenStream> {
    let k = match r.kind {
        ExprKind::Int(k) if k > 0 => k,
        _ => return None,
    };
    if kind(res.dtype) != 1 || !matches!(op, BinOp::FloorDiv | BinOp::Mod) {
        return None;
    }
    // The literal must fit the result type (e.g. `x % 300` on an int8 is not this case).
    if !res.dtype.is_unsigned() && res.dtype != Dtype::Int64 {
        let bits = match res.dtype {
            Dtype::Int8 => 7,
            Dtype::Int16 => 15,
            _ => 31,
        };
        if k >= 1i64 << bits {
            return None;
        }
    } else if res.dtype.is_unsigned() && res.dtype != Dtype::UInt64 {
        let bits = match res.dtype {
            Dtype::UInt8 => 8,
            Dtype::UInt16 => 16,
            _ => 32,
        };
        if k >= 1i64 << bits {
            return None;
        }
    }
    // For k = 2**s, floor division is an arithmetic shift and the floor modulo a mask
    // (two's complement), for negative x too: exactly Python's results.
    let pow2 = (k as u64).is_power_of_two().then(|| k.trailing_zeros());
    let kt = cast(int_literal(k), Dtype::Int64, res.dtype);
    let signed = !res.dtype.is_unsigned();
    let mask = cast(int_literal(k - 1), Dtype::Int64, res.dtype);
    Some(move |l: TokenStream| match (op, pow2) {
        (BinOp::FloorDiv, Some(s)) => quote!(((#l) >> #s)),
        (BinOp::Mod, Some(_)) => quote!(((#l) & #mask)),
        // A non-negative left operand (the usual case) needs no sign fix-up: test for it
        // so that the plain `/` and `%` (and LLVM's unsigned division) do the work.
        (BinOp::FloorDiv, None) if signed => {
            quote!({ let __pk_x = #l; if __pk_x >= 0 { __pk_x / #kt } else { __pk_x.div_euclid(#kt) } })
        }
        (BinOp::FloorDiv, None) => quote!((#l).div_euclid(#kt)),
        (_, None) if signed => {
            quote!({ let __pk_x = #l; if __pk_x >= 0 { __pk_x % #kt } else { __pk_x.rem_euclid(#kt) } })
        }
        _ => quote!((#l).rem_euclid(#kt)),
    })
}

/// `l op r` for scalars (or array elements in NumPy mode), giving dtype `res.dtype`.
pub(crate) fn binary(
    op: BinOp,
    lv: TokenStream,
    ls: Scalar,
    rv: TokenStream,
    rs: Scalar,
    res: Scalar,
    mode: Mode,
) -> TokenStream {
    let d = res.dtype;
    if kind(d) == 3 {
        return super::complex::complex_binary(op, lv, ls, rv, rs, res);
    }
    let float = kind(d) == 2;
    let scalar_code = mode != Mode::NumPyElementwise;
    // Integer operands of `/` and of float-valued `**` are converted first; a Python int
    // meeting a narrower NumPy integer must fit it (NEP 50).
    let (l, r) = if scalar_code {
        (weak_cast(lv, ls, d), weak_cast(rv, rs, d))
    } else {
        (cast(lv, ls.dtype, d), cast(rv, rs.dtype, d))
    };
    // Python numbers (the result is one): CPython's errors, division by zero included.
    let python = scalar_code && res.py;
    if python
        && float
        && let Some(t) = super::division::python_float_division(op, &l, ls, &r, rs, mode)
    {
        return t;
    }
    let p = quote!(::pykernel::__private);
    match op {
        BinOp::Add if float => quote!((#l + #r)),
        BinOp::Sub if float => quote!((#l - #r)),
        BinOp::Mul if float => quote!((#l * #r)),
        BinOp::Add => quote!((#l).wrapping_add(#r)),
        BinOp::Sub => quote!((#l).wrapping_sub(#r)),
        BinOp::Mul => quote!((#l).wrapping_mul(#r)),
        // NumPy scalars and elements: IEEE (inf/nan) by zero, integer `//` and `%` give 0.
        BinOp::Div => quote!((#l / #r)),
        BinOp::FloorDiv if float => quote!(#p::ffloordiv(#l, #r)),
        BinOp::Mod if float => quote!(#p::fmod(#l, #r)),
        BinOp::FloorDiv if !python => quote!(#p::np_floordiv(#l, #r)),
        BinOp::Mod if !python => quote!(#p::np_mod(#l, #r)),
        BinOp::FloorDiv if mode == Mode::PythonPositiveDivisor && d == Dtype::Int64 => {
            quote!(#p::floordiv_pos(#l, #r))
        }
        BinOp::Mod if mode == Mode::PythonPositiveDivisor && d == Dtype::Int64 => {
            quote!(#p::mod_pos(#l, #r))
        }
        BinOp::FloorDiv => quote!(#p::floordiv(#l, #r)?),
        BinOp::Mod => quote!(#p::modulo(#l, #r)?),
        BinOp::Pow if float && python => quote!(#p::fpow(#l, #r)?),
        BinOp::Pow if float => quote!((#l).powf(#r)),
        BinOp::Pow => quote!(#p::ipow(#l, #r)?),
        BinOp::BitAnd => quote!((#l & #r)),
        BinOp::BitOr => quote!((#l | #r)),
        BinOp::BitXor => quote!((#l ^ #r)),
        BinOp::Shl => quote!(#p::shl(#l, #r)?),
        BinOp::Shr => quote!(#p::shr(#l, #r)?),
    }
}

/// `v` (of scalar type `s`) converted to dtype `d`, with NumPy 2's check that a Python
/// int fits a narrower integer dtype (`OverflowError` otherwise).
pub(crate) fn weak_cast(v: TokenStream, s: Scalar, d: Dtype) -> TokenStream {
    if s.py && s.dtype == Dtype::Int64 && kind(d) == 1 && d != Dtype::Int64 {
        let t = super::types::dtype_tokens(d);
        let name = d.numpy_name();
        return quote!(::pykernel::__private::weak_int::<#t>(#v, #name)?);
    }
    cast(v, s.dtype, d)
}

/// `v` (of scalar type `s`) stored into an element of dtype `d`: NumPy's checks for a
/// Python int that does not fit, and for NaN/infinite/too large floats into integers.
pub(crate) fn store_cast(v: TokenStream, s: Scalar, d: Dtype) -> TokenStream {
    if kind(s.dtype) == 2 && kind(d) == 1 {
        let x = cast(v, s.dtype, Dtype::Float64);
        let i = quote!(::pykernel::__private::float_to_int(#x)?);
        let int = Scalar {
            dtype: Dtype::Int64,
            py: true,
        };
        return weak_cast(i, int, d);
    }
    weak_cast(v, s, d)
}

/// `op v` for a scalar of type `s`, giving `res`.
pub(crate) fn unary(op: UnaryOp, v: TokenStream, s: Scalar, res: Scalar) -> TokenStream {
    match op {
        UnaryOp::Not => {
            let t = truthy(v, s.dtype);
            quote!((!#t))
        }
        UnaryOp::Pos => cast(v, s.dtype, res.dtype),
        UnaryOp::Neg => {
            let v = cast(v, s.dtype, res.dtype);
            if kind(res.dtype) >= 2 {
                quote!((-#v))
            } else {
                quote!((#v).wrapping_neg())
            }
        }
        UnaryOp::Invert => {
            let v = cast(v, s.dtype, res.dtype);
            quote!((!#v))
        }
    }
}

/// `l op r` for two scalars, compared in their promoted type.
pub(crate) fn compare_pair(
    op: CmpOp,
    lv: TokenStream,
    ls: Scalar,
    rv: TokenStream,
    rs: Scalar,
) -> TokenStream {
    let common = if ls.dtype == rs.dtype {
        ls.dtype
    } else {
        crate::types::promote(ls, rs).dtype
    };
    let common = if common == Dtype::Bool && ls.dtype != rs.dtype {
        Dtype::Int64
    } else {
        common
    };
    let (l, r) = (cast(lv, ls.dtype, common), cast(rv, rs.dtype, common));
    match op {
        CmpOp::Eq => quote!((#l == #r)),
        CmpOp::Ne => quote!((#l != #r)),
        CmpOp::Lt => quote!((#l < #r)),
        CmpOp::Le => quote!((#l <= #r)),
        CmpOp::Gt => quote!((#l > #r)),
        CmpOp::Ge => quote!((#l >= #r)),
        CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot => quote!(false),
    }
}
