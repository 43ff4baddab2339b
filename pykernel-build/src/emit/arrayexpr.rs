//! Printing the kernels of the array-expression pass (`crate::arrayexpr`): one loop nest
//! per tree of elementwise operations, over the broadcast shape of its operands.
//!
//! The operands are evaluated once, in source order; arrays become views of the
//! broadcast shape (stride 0 along broadcast axes), whose shape check is where NumPy's
//! broadcast `ValueError` comes from; numbers are converted once to the dtype their
//! operation computes in (with NEP 50's check that a Python int fits). The loop nest then
//! reads every operand without bounds checks and writes the result where it goes: a new
//! array, the destination of a store, the array of an in-place operator, or a reduction.

use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::arrayexpr::Kernel;
use crate::exports::Dtype;
use crate::infer::ufunc_types::{binop_ufunc, compare_ufunc, resolve, unary_ufunc};
use crate::ir::{Builtin, Expr, ExprId, ExprKind, Target, Ufunc};
use crate::types::{Scalar, Ty};

/// The largest literal exponent `a ** k` computes as a product (`pykernel`'s
/// `ufunc::powi::MAX_EXPONENT`).
const MAX_POWI_EXPONENT: i64 = 9;

/// The operands of a kernel being printed: per leaf, its element value (inside the loop)
/// and its element type.
struct Operands {
    elems: HashMap<ExprId, (TokenStream, Scalar)>,
    /// The same, inside the row loop of the contiguous path (`__pk_rN[__pk_k]`).
    fast: HashMap<ExprId, (TokenStream, Scalar)>,
    /// The same, inside the row loop of the strided path (`__pk_qN` stepped by `__pk_tN`).
    strided: HashMap<ExprId, (TokenStream, Scalar)>,
    /// Statements evaluating the operands, in source order.
    setup: Vec<TokenStream>,
    /// The array operands: their value's name, their broadcast view's name, and the name
    /// of their row in the contiguous path.
    arrays: Vec<(Ident, Ident, Ident)>,
    /// Their element types.
    elem_tys: Vec<TokenStream>,
    /// Their row pointer and stride in the strided path.
    steps: Vec<(Ident, Ident)>,
}

impl Operands {
    /// For the array operands: their shapes (for the broadcast check), the statements
    /// making them views of the broadcast shape `__pk_shape`, and those views' strides.
    fn broadcast_parts(&self) -> (Vec<TokenStream>, Vec<TokenStream>, Vec<TokenStream>) {
        let shapes = self
            .arrays
            .iter()
            .map(|(a, _, _)| quote!(&#a.shape()[..]))
            .collect();
        let views = self
            .arrays
            .iter()
            .map(|(a, b, _)| quote!(let #b = #a.broadcast_to(__pk_shape);))
            .collect();
        let strides = self
            .arrays
            .iter()
            .map(|(_, b, _)| quote!(#b.strides()))
            .collect();
        (shapes, views, strides)
    }
}

/// Where a kernel's elements go.
pub(crate) enum Sink<'a> {
    /// A new C-ordered array.
    New,
    /// An existing view (`out[...] = expr`): its tokens, rank and dtype; `inplace`: the
    /// operator of `a op= expr`, whose left operand is the view itself (the shapes must
    /// then broadcast to exactly the view's).
    Store {
        dest: &'a TokenStream,
        /// The target as written: an operand that is the same expression (`u` in
        /// `u += 0.5 * (1 - u)`) is read through the written row, not as another array.
        target: &'a crate::ir::Target,
        rank: u8,
        dtype: Dtype,
        inplace: Option<crate::ir::BinOp>,
    },
}

impl<'a> FnEmitter<'a> {
    /// The expression a forwarded read of a local stands for, if `e` is one.
    pub(crate) fn forwarded(&self, e: &Expr) -> Option<&'a Expr> {
        let d = self.kernels.forward.uses.get(&e.id)?;
        self.forwarded.get(d).copied()
    }

    /// The kernel rooted at `e`, if any.
    pub(crate) fn kernel_of(&self, e: &Expr) -> Option<Kernel> {
        self.kernels.kernel(e.id).cloned()
    }

    /// The element type of `e`: its dtype as a NumPy scalar for arrays.
    fn elem_scalar(&self, e: &Expr) -> Scalar {
        match self.ty(e) {
            Ty::Array(d, _) => Scalar::np(d),
            Ty::Scalar(s) => s,
            t => crate::infer::tuple_dtype(&t).map_or(Scalar::FLOAT, Scalar::np),
        }
    }

    /// Evaluates the operands of kernel `k` (rooted at `root`) and prepares them for a
    /// loop nest of rank `rank`.
    fn operands(&mut self, root: &Expr, k: &Kernel) -> Operands {
        self.operands_for(root, k, None)
    }

    /// [`Self::operands`] of a store into `target`: operands that are the target itself
    /// are read where the element is written.
    fn operands_for(&mut self, root: &Expr, k: &Kernel, target: Option<&Target>) -> Operands {
        let mut ops = Operands {
            elems: HashMap::new(),
            fast: HashMap::new(),
            strided: HashMap::new(),
            setup: Vec::new(),
            arrays: Vec::new(),
            elem_tys: Vec::new(),
            steps: Vec::new(),
        };
        let nodes = self.kernels_nodes();
        let leaves = if nodes.contains(&root.id) {
            let mut v = Vec::new();
            self.leaf_exprs(root, &nodes, &mut v);
            v
        } else {
            vec![root]
        };
        let mut targets = HashMap::new();
        self.leaf_targets(root, &nodes, &mut targets);
        let leaves: HashMap<ExprId, &Expr> = leaves.into_iter().map(|e| (e.id, e)).collect();
        for (n, kl) in k.leaves.iter().enumerate() {
            let Some(&leaf) = leaves.get(&kl.expr) else {
                continue;
            };
            self.operand(n, kl.rank, leaf, target, &targets, &mut ops);
            // Operands reading the same array local share this one's stream.
            for &id in &kl.same {
                for map in [&mut ops.elems, &mut ops.fast, &mut ops.strided] {
                    if let Some(v) = map.get(&kl.expr).cloned() {
                        map.insert(id, v);
                    }
                }
            }
        }
        ops
    }

    /// Prepares operand `n` of a kernel (`leaf`, of rank `rank` when an array) into
    /// `ops`: read through the written element when it is the store's `target`, else
    /// evaluated once into the loop's setup.
    fn operand(
        &mut self,
        n: usize,
        rank: Option<u8>,
        leaf: &Expr,
        target: Option<&Target>,
        targets: &HashMap<ExprId, (Dtype, bool)>,
        ops: &mut Operands,
    ) {
        let s = self.elem_scalar(leaf);
        if target.is_some_and(|t| is_target(leaf, t)) && matches!(self.ty(leaf), Ty::Array(..)) {
            let s = Scalar::np(s.dtype);
            ops.elems
                .insert(leaf.id, (quote!(__pk_d.get_unchecked(__pk_ix)), s));
            ops.fast.insert(leaf.id, (quote!((*__pk_o.add(__pk_k))), s));
            ops.strided.insert(
                leaf.id,
                (quote!((*__pk_o.offset(__pk_k as isize * __pk_so))), s),
            );
            return;
        }
        let v = match crate::infer::tuple_dtype(&self.ty(leaf)) {
            Some(d) if rank.is_some() => self.tuple_array(leaf, d),
            _ => self.expr(leaf),
        };
        match rank {
            Some(_) => {
                let name = format_ident!("__pk_a{}", n);
                let b = format_ident!("__pk_b{}", n);
                ops.setup.push(quote!(let #name = #v;));
                let r = format_ident!("__pk_r{}", n);
                ops.fast.insert(
                    leaf.id,
                    (quote!((*#r.get_unchecked(__pk_k))), Scalar::np(s.dtype)),
                );
                let (q, t) = strided_names(n);
                ops.strided.insert(
                    leaf.id,
                    (
                        quote!((*#q.offset(__pk_k as isize * #t))),
                        Scalar::np(s.dtype),
                    ),
                );
                ops.steps.push((q, t));
                ops.arrays.push((name, b.clone(), r));
                ops.elem_tys.push(dtype_tokens(s.dtype));
                ops.elems.insert(
                    leaf.id,
                    (quote!(#b.get_unchecked(__pk_ix)), Scalar::np(s.dtype)),
                );
            }
            None => {
                let name = format_ident!("__pk_s{}", n);
                // A Python int meeting a narrower integer loop must fit it (NEP 50),
                // checked once.
                let (v, s) = match targets.get(&leaf.id) {
                    Some(&(d, saturate))
                        if s.py && s.dtype == Dtype::Int64 && crate::types::kind(d) == 1 =>
                    {
                        let v = if saturate {
                            let t = dtype_tokens(d);
                            quote!(::pykernel::__private::saturate_int::<#t>(#v))
                        } else {
                            super::expr::weak_cast(v, s, d)
                        };
                        (v, Scalar::np(d))
                    }
                    _ => (v, s),
                };
                let t = dtype_tokens(s.dtype);
                ops.setup.push(quote!(let #name: #t = #v;));
                ops.elems.insert(leaf.id, (quote!(#name), s));
                ops.fast.insert(leaf.id, (quote!(#name), s));
                ops.strided.insert(leaf.id, (quote!(#name), s));
            }
        }
    }

    /// For the operands of elementwise nodes under `e` that are leaves: the dtype their
    /// operation computes in.
    fn leaf_targets(
        &self,
        e: &Expr,
        nodes: &std::collections::BTreeSet<ExprId>,
        out: &mut HashMap<ExprId, (Dtype, bool)>,
    ) {
        if !nodes.contains(&e.id) {
            return;
        }
        if let Some(d) = self.forwarded(e) {
            return self.leaf_targets(d, nodes, out);
        }
        let ops = crate::arrayexpr::operands(e);
        let scalars: Vec<Scalar> = ops.iter().map(|o| self.elem_scalar(o)).collect();
        let ufunc = match &e.kind {
            ExprKind::Binary(op, ..) => Some(binop_ufunc(*op)),
            ExprKind::Compare(_, rest) => rest.first().and_then(|(op, _)| compare_ufunc(*op)),
            ExprKind::CallBuiltin(Builtin::Ufunc(u), _) => Some(*u),
            ExprKind::CallBuiltin(Builtin::NpClip, _) => Some(Ufunc::Maximum),
            ExprKind::Method(_, m, _) if m == "clip" => Some(Ufunc::Maximum),
            _ => None,
        };
        let inputs: Vec<Option<Dtype>> =
            match ufunc.map(|u| resolve(u, &scalars[..u.nin().min(scalars.len())])) {
                Some(Ok(l)) => l.inputs.into_iter().map(Some).collect(),
                _ => match &e.kind {
                    ExprKind::CallBuiltin(Builtin::NpWhere, _) => {
                        let d = self.elem_scalar(e).dtype;
                        vec![None, Some(d), Some(d)]
                    }
                    _ => Vec::new(),
                },
            };
        // `np.clip`'s bounds are saturated to an integer dtype, never an error.
        let clip = matches!(e.kind, ExprKind::CallBuiltin(Builtin::NpClip, _))
            || matches!(&e.kind, ExprKind::Method(_, m, _) if m == "clip");
        let inputs: Vec<Option<Dtype>> = if clip {
            (0..3)
                .map(|k| inputs.first().copied().flatten().filter(|_| k < 3))
                .collect()
        } else {
            inputs
        };
        for (k, o) in ops.iter().enumerate() {
            if let Some(Some(d)) = inputs.get(k) {
                out.insert(o.id, (*d, clip && k > 0));
            }
            self.leaf_targets(o, nodes, out);
        }
    }

    /// The leaves of the tree rooted at `e` (operands that are not elementwise nodes),
    /// each once, in evaluation order (as `arrayexpr` lists them).
    fn leaf_exprs<'e>(
        &self,
        e: &'e Expr,
        nodes: &std::collections::BTreeSet<ExprId>,
        out: &mut Vec<&'e Expr>,
    ) where
        'a: 'e,
    {
        if let Some(d) = self.forwarded(e) {
            return self.leaf_exprs(d, nodes, out);
        }
        for c in crate::arrayexpr::operands(e) {
            if nodes.contains(&c.id) {
                self.leaf_exprs(c, nodes, out);
            } else if !out.iter().any(|l| l.id == c.id) {
                out.push(c);
            }
        }
    }

    fn kernels_nodes(&self) -> std::collections::BTreeSet<ExprId> {
        self.kernels.nodes.clone()
    }

    /// The element of elementwise node `e` (inside the loop), and its type, with the
    /// operands' elements `leaves`. Deep trees (`a ** a ** ... ** a`, which CPython
    /// compiles 3000 deep) are written flat: every [`super::deep::SPINE`] levels, an
    /// operand's element is a `let` of the block (nested Rust stays shallow, so rustc's
    /// parser and the formatter's indentation stay linear).
    fn kernel_element(
        &mut self,
        e: &Expr,
        leaves: &HashMap<ExprId, (TokenStream, Scalar)>,
    ) -> (TokenStream, Scalar) {
        let mut lets = Vec::new();
        let (v, s) = self.element_at(e, leaves, 0, &mut lets);
        if lets.is_empty() {
            (v, s)
        } else {
            (quote!({ #(#lets)* #v }), s)
        }
    }

    fn element_at(
        &mut self,
        e: &Expr,
        leaves: &HashMap<ExprId, (TokenStream, Scalar)>,
        depth: usize,
        lets: &mut Vec<TokenStream>,
    ) -> (TokenStream, Scalar) {
        if let Some(v) = leaves.get(&e.id) {
            return v.clone();
        }
        if let Some(d) = self.forwarded(e) {
            return self.element_at(d, leaves, depth, lets);
        }
        let out = self.elem_scalar(e);
        let deeper = (depth + 1) % super::deep::SPINE;
        let mut vals: Vec<(TokenStream, Scalar)> = crate::arrayexpr::operands(e)
            .into_iter()
            .map(|c| {
                let (v, s) = self.element_at(c, leaves, deeper, lets);
                if deeper == 0 && !leaves.contains_key(&c.id) {
                    let t = self.tmp("k");
                    lets.push(quote!(let #t = #v;));
                    (quote!(#t), s)
                } else {
                    (v, s)
                }
            })
            .collect();
        // `a.round()`: `decimals` is 0.
        if let ExprKind::Method(_, m, _) = &e.kind
            && m == "round"
            && vals.len() == 1
        {
            vals.push((quote!(0i64), Scalar::INT));
        }
        let ufunc = match &e.kind {
            ExprKind::Binary(crate::ir::BinOp::Pow, _, r) => {
                if let Some(v) = self.literal_power(&vals[0], r, &vals) {
                    return (v, out);
                }
                let varying = !matches!(self.ty(r), Ty::Scalar(_));
                return (self.ufunc_apply_v(Ufunc::Power, &vals, varying), out);
            }
            ExprKind::CallBuiltin(Builtin::Ufunc(Ufunc::Power), args) => {
                let varying = !matches!(self.ty(&args[1]), Ty::Scalar(_));
                return (self.ufunc_apply_v(Ufunc::Power, &vals, varying), out);
            }
            ExprKind::Binary(op, ..) => Some(binop_ufunc(*op)),
            ExprKind::Unary(op, _) => unary_ufunc(*op),
            ExprKind::Compare(_, rest) => rest.first().and_then(|(op, _)| compare_ufunc(*op)),
            ExprKind::CallBuiltin(Builtin::Ufunc(u), _) => Some(*u),
            ExprKind::CallBuiltin(Builtin::Abs, _) => Some(Ufunc::Absolute),
            ExprKind::Method(_, m, _) if m == "conj" || m == "conjugate" => Some(Ufunc::Conjugate),
            ExprKind::Method(_, m, _) if m == "round" => Some(Ufunc::Round),
            _ => None,
        };
        if let Some(u) = ufunc {
            return (self.ufunc_apply(u, &vals), out);
        }
        let v = match &e.kind {
            ExprKind::CallBuiltin(Builtin::NpWhere, _) => {
                let c = cast(vals[0].0.clone(), vals[0].1.dtype, Dtype::Bool);
                let a = cast(vals[1].0.clone(), vals[1].1.dtype, out.dtype);
                let b = cast(vals[2].0.clone(), vals[2].1.dtype, out.dtype);
                quote!(if #c { #a } else { #b })
            }
            ExprKind::CallBuiltin(Builtin::NpClip, _) | ExprKind::Method(..) => {
                let m = self.ufunc_apply(Ufunc::Maximum, &vals[0..2]);
                let ms = match resolve(Ufunc::Maximum, &[vals[0].1, vals[1].1]) {
                    Ok(l) => Scalar::np(l.output),
                    Err(_) => out,
                };
                self.ufunc_apply(Ufunc::Minimum, &[(m, ms), vals[2].clone()])
            }
            ExprKind::CallBuiltin(Builtin::NpAstype(_), _) => {
                super::types::np_cast(vals[0].0.clone(), vals[0].1.dtype, out.dtype)
            }
            ExprKind::Attr(_, part) => {
                let (v, s) = &vals[0];
                match (crate::types::kind(s.dtype) == 3, part.as_str()) {
                    (true, "real") => quote!((#v).re),
                    (true, _) => quote!((#v).im),
                    (false, "real") => v.clone(),
                    (false, _) => cast(quote!(0i64), Dtype::Int64, out.dtype),
                }
            }
            _ => quote!(compile_error!("pykernel: unexpected elementwise node")),
        };
        (v, out)
    }

    /// `a ** k` of a float loop with a literal exponent among NumPy's shortcuts (`2`,
    /// `-1`, `0.5`, `1`, `0`): the shortcut itself, with no run-time test of the exponent
    /// (the same values as the loop's `power`, and a loop LLVM can vectorise).
    fn literal_power(
        &mut self,
        base: &(TokenStream, Scalar),
        exp: &Expr,
        vals: &[(TokenStream, Scalar)],
    ) -> Option<TokenStream> {
        let k = match exp.kind {
            ExprKind::Int(k) => k as f64,
            ExprKind::Float(x) => x,
            _ => return None,
        };
        let scalars: Vec<Scalar> = vals.iter().map(|(_, s)| *s).collect();
        let l = resolve(Ufunc::Power, &scalars).ok()?;
        let d = l.inputs[0];
        if crate::types::kind(l.output) == 3 && k == 2.0 {
            // NumPy's `a ** 2` of an inexact array is `np.square(a)`.
            let a = super::types::loop_input(base.0.clone(), base.1, d);
            let mut l = l;
            l.function = l.function.replace("::power", "::square");
            let f = l.path();
            return Some(quote!(#f(#a)));
        }
        if crate::types::kind(l.output) != 2 {
            return None;
        }
        let a = super::types::loop_input(base.0.clone(), base.1, d);
        let one = cast(quote!(1i64), Dtype::Int64, d);
        Some(if k == 2.0 {
            quote!({ let __pk_x = #a; __pk_x * __pk_x })
        } else if k == -1.0 {
            quote!((#one / #a))
        } else if k == 0.5 {
            quote!((#a).sqrt())
        } else if k == 1.0 {
            a
        } else if k == 0.0 {
            one
        } else if k.fract() == 0.0 && (3.0..=MAX_POWI_EXPONENT as f64).contains(&k) {
            // A product instead of `pow` (within 1 ULP of it; SPEC 9 allows 4).
            let n = k as u32;
            let mut l = l;
            l.function = l.function.replace("::power", "::power_int");
            let f = l.path();
            quote!(#f(#a, #n))
        } else {
            return None;
        })
    }

    /// One ufunc loop applied to element values: operands cast to the loop's inputs.
    fn ufunc_apply(&mut self, u: Ufunc, vals: &[(TokenStream, Scalar)]) -> TokenStream {
        self.ufunc_apply_v(u, vals, false)
    }

    /// [`Self::ufunc_apply`]; `varying`: the exponent of `power` changes along the loop.
    fn ufunc_apply_v(
        &mut self,
        u: Ufunc,
        vals: &[(TokenStream, Scalar)],
        varying: bool,
    ) -> TokenStream {
        let scalars: Vec<Scalar> = vals.iter().map(|(_, s)| *s).collect();
        let Ok(l) = resolve(u, &scalars) else {
            return quote!(compile_error!("pykernel: unresolved ufunc loop"));
        };
        let args: Vec<TokenStream> = vals
            .iter()
            .zip(&l.inputs)
            .map(|((v, s), d)| super::types::loop_input(v.clone(), *s, *d))
            .collect();
        super::ufunc_elem::ufunc_element(&l, &args, varying)
    }

    /// The loop nest of `rank` axes over `__pk_shape`, with `__pk_ix` the index of the
    /// current element, running `body`.
    fn nest(rank: u8, body: TokenStream) -> TokenStream {
        let idx: Vec<Ident> = (0..rank).map(|k| format_ident!("__pk_i{}", k)).collect();
        let mut inner = quote! {
            let __pk_ix = [#(#idx as i64),*];
            #body
        };
        for (k, i) in idx.iter().enumerate().rev() {
            inner = quote!(for #i in 0..__pk_shape[#k] { #inner });
        }
        inner
    }

    /// The value of `e` (an elementwise expression, or any array or number) into `sink`,
    /// element by element.
    pub(crate) fn kernel_into(&mut self, e: &Expr, sink: Sink<'_>) -> TokenStream {
        let k = self.kernel_of(e).unwrap_or_else(|| {
            // A tuple of numbers is the 1-D array `np.asarray` makes of it.
            let rank = match self.ty(e) {
                Ty::Array(_, n) => Some(n),
                t if crate::infer::tuple_dtype(&t).is_some() => Some(1),
                _ => None,
            };
            Kernel {
                rank: rank.unwrap_or(0),
                leaves: vec![crate::arrayexpr::Leaf {
                    expr: e.id,
                    rank,
                    same: Vec::new(),
                }],
            }
        });
        let target = match &sink {
            Sink::Store { target, .. } => Some(*target),
            Sink::New => None,
        };
        let ops = self.operands_for(e, &k, target);
        let (v, s) = self.kernel_element(e, &ops.elems);
        let (vf, _) = self.kernel_element(e, &ops.fast);
        let setup = &ops.setup;
        let rank = k.rank as usize;
        let (shapes, views, strides) = ops.broadcast_parts();
        let p = quote!(::pykernel::__private);
        match sink {
            Sink::New => {
                let t = dtype_tokens(s.dtype);
                let body = Self::nest(k.rank, quote!(__pk_out.set_unchecked(__pk_ix, #v);));
                let (vs, _) = self.kernel_element(e, &ops.strided);
                let rows = self.rows(
                    &ops,
                    k.rank,
                    quote!(__pk_out),
                    &t,
                    [vf, vs],
                    quote!(true),
                    &body,
                );
                quote!({
                    #(#setup)*
                    let __pk_shape: [usize; #rank] = #p::broadcast_shape(&[#(#shapes),*])?;
                    #(#views)*
                    // Allocated, not zeroed: the loop writes every element.
                    let __pk_new = #p::NewArray::<#t, #rank>::uninit_k(__pk_shape, &[#(#strides),*])?;
                    let __pk_out = __pk_new.view();
                    #rows
                    unsafe { __pk_new.finish() }
                })
            }
            Sink::Store {
                dest,
                target: _,
                rank: dr,
                dtype,
                inplace,
            } => {
                let dr_u = dr as usize;
                let apply = |this: &mut Self, cur: TokenStream, v: TokenStream| match inplace {
                    Some(op) => {
                        let r =
                            this.ufunc_apply(binop_ufunc(op), &[(cur, Scalar::np(dtype)), (v, s)]);
                        let rs = resolve(binop_ufunc(op), &[Scalar::np(dtype), s])
                            .map_or(s, |l| Scalar::np(l.output));
                        super::types::np_cast(r, rs.dtype, dtype)
                    }
                    None => super::types::np_cast(v, s.dtype, dtype),
                };
                let v = apply(self, quote!(__pk_d.get_unchecked(__pk_ix)), v);
                let vf = apply(self, quote!((*__pk_o.add(__pk_k))), vf);
                let (vs, _) = self.kernel_element(e, &ops.strided);
                let vs = apply(
                    self,
                    quote!((*__pk_o.offset(__pk_k as isize * __pk_so))),
                    vs,
                );
                let body = Self::nest(dr, quote!(__pk_d.set_unchecked(__pk_ix, #v);));
                let check = if inplace.is_some() {
                    // NumPy broadcasts the array itself with the operands.
                    quote! {
                        #p::check_inplace(&__pk_d.shape()[..], &[#(#shapes),*])?;
                    }
                } else {
                    quote! {
                        let __pk_bs: [usize; #rank] = #p::broadcast_shape(&[#(#shapes),*])?;
                        #p::check_store(&__pk_d.shape()[..], &__pk_bs[..])?;
                    }
                };
                // An operand overlapping the destination other than element for element
                // is copied first, as if NumPy's input were evaluated before the output.
                let copies: Vec<TokenStream> = ops
                    .arrays
                    .iter()
                    .map(|(a, _, _)| {
                        quote! {
                            let #a = if #a.overlaps(&*__pk_d) { #a.copy() } else { #a };
                        }
                    })
                    .collect();
                // Rows as slices only when no operand is the destination itself.
                let apart: Vec<TokenStream> = ops
                    .arrays
                    .iter()
                    .map(|(a, _, _)| quote!(!__pk_d.shares_memory(&*#a)))
                    .collect();
                let apart = quote!(true #(&& #apart)*);
                let t = dtype_tokens(dtype);
                let rows = self.rows(&ops, dr, quote!(__pk_d), &t, [vf, vs], apart, &body);
                quote!({
                    #(#setup)*
                    let __pk_d = #dest;
                    #check
                    #(#copies)*
                    let __pk_shape: [usize; #dr_u] = __pk_d.shape();
                    #(#views)*
                    #rows
                })
            }
        }
    }

    /// The elements of kernel `e` as a reduction consumes them, without a temporary:
    /// statements that define `__pk_n` (their count) and `__pk_src` (a
    /// `reduce::Source` giving them in the memory order NumPy's temporary would have),
    /// and their element type.
    pub(crate) fn kernel_stream(&mut self, e: &Expr) -> Option<(TokenStream, Scalar)> {
        let k = self.kernel_of(e)?;
        if k.rank == 0 {
            return None;
        }
        let ops = self.operands(e, &k);
        let (_, s) = self.kernel_element(e, &ops.elems);
        let (vf, _) = self.kernel_element(e, &ops.fast);
        let (vs, _) = self.kernel_element(e, &ops.strided);
        let setup = &ops.setup;
        let rank = k.rank as usize;
        let t = dtype_tokens(s.dtype);
        let p = quote!(::pykernel::__private);
        let (shapes, views, strides) = ops.broadcast_parts();
        let rows: Vec<TokenStream> = ops
            .arrays
            .iter()
            .zip(&ops.elem_tys)
            .map(|((_, b, r), et)| {
                quote! {
                    let #r: &[#et] = ::core::slice::from_raw_parts(
                        #b.lane_ptr(__pk_ix).add(__pk_off), __pk_m);
                }
            })
            .collect();
        let steps: Vec<TokenStream> = ops
            .arrays
            .iter()
            .zip(&ops.steps)
            .zip(&ops.elem_tys)
            .map(|(((_, b, _), (q, st)), et)| {
                quote! {
                    let #st = #b.strides()[__pk_in];
                    let #q: *const #et = #b.lane_ptr(__pk_ix).offset(__pk_off as isize * #st);
                }
            })
            .collect();
        let tokens = quote! {
            #(#setup)*
            let __pk_shape: [usize; #rank] = #p::broadcast_shape(&[#(#shapes),*])?;
            #(#views)*
            let __pk_n: usize = __pk_shape.iter().product();
            // The order of the array NumPy would have made (its "K" layout).
            let __pk_vs = #p::k_strides(__pk_shape, &[#(#strides),*]);
            let __pk_plan = #p::row_plan(__pk_shape, __pk_vs, &[#(#strides),*]);
            let __pk_unit = __pk_plan.is_some();
            let __pk_plan = __pk_plan.unwrap_or_else(|| #p::strided_plan(__pk_shape, __pk_vs));
            let __pk_in = __pk_plan.inner();
            let mut __pk_cur = #p::RowCursor::new(&__pk_plan, __pk_shape);
            let mut __pk_src = |__pk_buf: &mut [::core::mem::MaybeUninit<#t>]| -> #p::KResult<()> {
                let mut __pk_done = 0;
                while __pk_done < __pk_buf.len() {
                    let (__pk_ix, __pk_off, __pk_m) = __pk_cur.next(__pk_buf.len() - __pk_done);
                    let __pk_o = &mut __pk_buf[__pk_done..__pk_done + __pk_m];
                    if __pk_unit {
                        // Rows of consecutive elements in every operand, as slices.
                        #(#rows)*
                        for __pk_k in 0..__pk_m {
                            __pk_o.get_unchecked_mut(__pk_k).write(#vf);
                        }
                    } else {
                        #(#steps)*
                        for __pk_k in 0..__pk_m {
                            __pk_o.get_unchecked_mut(__pk_k).write(#vs);
                        }
                    }
                    __pk_done += __pk_m;
                }
                Ok(())
            };
        };
        Some((tokens, s))
    }

    /// The loop over the elements: in rows on slices when every array is contiguous
    /// along the result's innermost axis (and `apart` holds), else in strided rows along
    /// the written array's innermost axis (`general`, the plain nest, for rank 0).
    /// `out`: the written array (elements `t`); `[vf, vs]`: the element inside a row of
    /// each path (`__pk_o` the written row, `__pk_k` the position, `__pk_rN` the
    /// operands' rows as slices, or `__pk_qN` their pointers stepped by `__pk_tN`).
    #[allow(clippy::too_many_arguments)]
    fn rows(
        &mut self,
        ops: &Operands,
        rank: u8,
        out: TokenStream,
        t: &TokenStream,
        [vf, vs]: [TokenStream; 2],
        apart: TokenStream,
        general: &TokenStream,
    ) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let params: Vec<TokenStream> = ops
            .arrays
            .iter()
            .zip(&ops.elem_tys)
            .map(|((_, _, r), t)| quote!(#r: &[#t]))
            .collect();
        let whole: Vec<TokenStream> = ops
            .arrays
            .iter()
            .map(|(_, b, _)| quote!(::core::slice::from_raw_parts(#b.as_ptr(), __pk_n)))
            .collect();
        let lanes: Vec<TokenStream> = ops
            .arrays
            .iter()
            .map(|(_, b, _)| quote!(::core::slice::from_raw_parts(#b.lane_ptr(__pk_ix), __pk_n)))
            .collect();
        let strides: Vec<TokenStream> = ops
            .arrays
            .iter()
            .map(|(_, b, _)| quote!(#b.strides()))
            .collect();
        // Rank 0: one element.
        let strided = if rank == 0 {
            general.clone()
        } else {
            self.strided_rows(ops, &out, t, vs)
        };
        quote! {
            match #p::row_plan(__pk_shape, #out.strides(), &[#(#strides),*]) {
                Some(__pk_rp) if #apart => {
                    // Slices: LLVM knows the rows apart, and their unit strides.
                    // The written row is a raw pointer (it may not be initialized yet);
                    // the read rows are slices, which tell LLVM it does not overlap them.
                    let mut __pk_row = |__pk_o: *mut #t, __pk_n: usize #(, #params)*| -> #p::KResult<()> {
                        for __pk_k in 0..__pk_n {
                            let __pk_v = #vf;
                            *__pk_o.add(__pk_k) = __pk_v;
                        }
                        Ok(())
                    };
                    if __pk_rp.coalesced {
                        let __pk_n: usize = __pk_shape.iter().product();
                        if __pk_n > 0 {
                            __pk_row(#out.as_ptr(), __pk_n #(, #whole)*)?;
                        }
                    } else {
                        __pk_rp.for_each_row(__pk_shape, |__pk_ix, __pk_n| {
                            __pk_row(#out.lane_ptr(__pk_ix), __pk_n #(, #lanes)*)
                        })?;
                    }
                }
                _ => { #strided }
            }
        }
    }

    /// The strided path of [`Self::rows`]: rows along the written array's innermost
    /// axis, every pointer stepped by its own stride (passed by value, so that LLVM
    /// keeps them in registers).
    fn strided_rows(
        &mut self,
        ops: &Operands,
        out: &TokenStream,
        t: &TokenStream,
        vs: TokenStream,
    ) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let params: Vec<TokenStream> = ops
            .steps
            .iter()
            .zip(&ops.elem_tys)
            .map(|((q, s), t)| quote!(#q: *const #t, #s: isize))
            .collect();
        let args: Vec<TokenStream> = ops
            .arrays
            .iter()
            .map(|(_, b, _)| quote!(#b.lane_ptr(__pk_ix) as *const _, #b.strides()[__pk_in]))
            .collect();
        quote! {
            let __pk_sp = #p::strided_plan(__pk_shape, #out.strides());
            let __pk_in = __pk_sp.inner();
            let mut __pk_srow = |__pk_o: *mut #t, __pk_so: isize, __pk_n: usize #(, #params)*| -> #p::KResult<()> {
                for __pk_k in 0..__pk_n {
                    let __pk_v = #vs;
                    *__pk_o.offset(__pk_k as isize * __pk_so) = __pk_v;
                }
                Ok(())
            };
            __pk_sp.for_each_row(__pk_shape, |__pk_ix, __pk_n| {
                __pk_srow(#out.lane_ptr(__pk_ix), #out.strides()[__pk_in], __pk_n #(, #args)*)
            })?;
        }
    }
}

/// Is `leaf` the same view as the store target `t` (the same expression of locals and
/// numbers: evaluating it again gives the very view the store writes)?
fn is_target(leaf: &Expr, t: &Target) -> bool {
    match (t, &leaf.kind) {
        (Target::Local(n, _), ExprKind::Local(m)) => n == m,
        (Target::Index { base, index, .. }, ExprKind::Index(b, i)) => {
            same_expr(base, b) && same_expr(index, i)
        }
        (
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            },
            ExprKind::Slice(b, lo, hi, st),
        ) => {
            let same_opt = |x: &Option<Expr>, y: &Option<Box<Expr>>| match (x, y) {
                (None, None) => true,
                (Some(x), Some(y)) => same_expr(x, y),
                _ => false,
            };
            same_expr(base, b) && same_opt(lower, lo) && same_opt(upper, hi) && same_opt(step, st)
        }
        _ => false,
    }
}

/// `a` and `b` are the same pure expression (locals, numbers, arithmetic, views).
fn same_expr(a: &Expr, b: &Expr) -> bool {
    let same_opt = |x: &Option<Box<Expr>>, y: &Option<Box<Expr>>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => same_expr(x, y),
        _ => false,
    };
    match (&a.kind, &b.kind) {
        (ExprKind::Local(x), ExprKind::Local(y)) => x == y,
        (ExprKind::Int(x), ExprKind::Int(y)) => x == y,
        (ExprKind::Float(x), ExprKind::Float(y)) => x.to_bits() == y.to_bits(),
        (ExprKind::Bool(x), ExprKind::Bool(y)) => x == y,
        (ExprKind::None, ExprKind::None) | (ExprKind::Ellipsis, ExprKind::Ellipsis) => true,
        (ExprKind::Binary(o, a1, a2), ExprKind::Binary(p, b1, b2)) => {
            o == p && same_expr(a1, b1) && same_expr(a2, b2)
        }
        (ExprKind::Unary(o, x), ExprKind::Unary(p, y)) => o == p && same_expr(x, y),
        (ExprKind::Tuple(xs), ExprKind::Tuple(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_expr(x, y))
        }
        (ExprKind::SliceSpec(a1, a2, a3), ExprKind::SliceSpec(b1, b2, b3)) => {
            same_opt(a1, b1) && same_opt(a2, b2) && same_opt(a3, b3)
        }
        (ExprKind::Index(x, i), ExprKind::Index(y, j)) => same_expr(x, y) && same_expr(i, j),
        (ExprKind::Slice(x, a1, a2, a3), ExprKind::Slice(y, b1, b2, b3)) => {
            same_expr(x, y) && same_opt(a1, b1) && same_opt(a2, b2) && same_opt(a3, b3)
        }
        (ExprKind::Attr(x, m), ExprKind::Attr(y, n)) => m == n && same_expr(x, y),
        _ => false,
    }
}

/// The names of operand `n`'s row pointer and stride in the strided path.
fn strided_names(n: usize) -> (Ident, Ident) {
    (format_ident!("__pk_q{}", n), format_ident!("__pk_t{}", n))
}
