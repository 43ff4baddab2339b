//! Emission of function bodies and statements.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, convert, ident, local_ty_tokens, owner_ident, ty_tokens, zero_of};
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind, Stmt, Target};
use crate::types::{Scalar, Ty};

/// Labels of one Python loop: where `continue` and `break` go.
pub(crate) struct LoopLabels {
    pub(crate) cont: syn::Lifetime,
    pub(crate) brk: syn::Lifetime,
}

impl FnEmitter<'_> {
    /// The whole `unsafe fn` of this instance.
    pub(crate) fn function(&mut self) -> TokenStream {
        let name = self.fn_name(self.index);
        let mut params = Vec::new();
        let mut prologue = Vec::new();
        let param_tys = self.inst.param_types(self.func);
        for ((pname, _), arg_ty) in self.func.params.iter().zip(&param_tys) {
            let id = ident(pname);
            let local_ty = self
                .inst
                .locals
                .get(pname)
                .cloned()
                .unwrap_or_else(|| arg_ty.clone());
            let at = ty_tokens(arg_ty);
            // A `T | None` parameter becomes the local pair (value, flag) of `T | None`
            // locals, set from the `Option` passed in.
            if let Ty::Optional(inner) = &local_ty {
                let passed = ident(&format!("{pname}__pkopt"));
                params.push(quote!(#passed: #at));
                let flag = super::types::none_flag(pname);
                prologue.push(quote!(let mut #flag: bool = true;));
                prologue.push(declare_local(pname, inner));
                let conv = convert(quote!(#passed), arg_ty, &local_ty);
                prologue.push(store_local(pname, &local_ty, conv));
                continue;
            }
            params.push(quote!(#id: #at));
            if let Ty::Array(..) = local_ty {
                let own = owner_ident(pname);
                prologue.push(quote!(let (mut #id, mut #own) = #id.split();));
                continue;
            }
            let lt = ty_tokens(&local_ty);
            // Scalars (also inside tuples) widen by value; lists already have their type.
            let conv = convert(quote!(#id), arg_ty, &local_ty);
            prologue.push(quote!(let mut #id: #lt = #conv;));
        }
        // Locals that some read may find unassigned start unassigned.
        for name in self.unbound_names {
            let flag = super::types::assigned_flag(name);
            prologue.push(quote!(let mut #flag: bool = false;));
        }
        let param_names: Vec<&str> = self.func.params.iter().map(|(n, _)| n.as_str()).collect();
        for (lname, lty) in &self.inst.locals {
            if param_names.contains(&lname.as_str()) {
                continue;
            }
            // A `T | None` local is a `T` local plus a flag telling it holds `None`.
            let lty = match lty {
                Ty::Optional(inner) => {
                    let flag = super::types::none_flag(lname);
                    prologue.push(quote!(let mut #flag: bool = true;));
                    &**inner
                }
                t => t,
            };
            prologue.push(declare_local(lname, lty));
        }
        let ret = self.inst.ret.clone().unwrap_or(Ty::None);
        let rt = ty_tokens(&ret);
        let body = self.block(&self.func.body);
        let tail = if ret == Ty::None {
            quote!(Ok(()))
        } else if let Ty::Optional(_) = ret {
            quote!(Ok(::core::option::Option::None))
        } else {
            let fname = &self.func.name;
            let m =
                format!("{fname}() reached its end without `return` (CPython would return None)");
            quote!(Err(::pykernel::__private::error(::pykernel::__private::ErrorKind::Type, #m)))
        };
        let doc = format!(
            "`{}` specialised for ({}).",
            self.func.name,
            self.key_text()
        );
        if self.is_recursive() {
            return self.recursive_function(&params, &prologue, &body, &tail, &rt, &doc);
        }
        if self.kernels.simd {
            return self.dispatched_function(&params, &prologue, &body, &tail, &rt, &doc);
        }
        let inline = if self.plans.inline {
            quote!(#[inline(always)])
        } else {
            quote!(#[inline])
        };
        quote! {
            #[doc = #doc]
            #inline
            pub(super) unsafe fn #name(#(#params),*) -> ::pykernel::__private::KResult<#rt> {
                #(#prologue)*
                unsafe {
                    #body
                }
                #tail
            }
        }
    }

    fn key_text(&self) -> String {
        self.inst
            .key
            .args
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An instance with whole-array loops, compiled three times: for the baseline
    /// target, for x86-64-v3 (AVX2, FMA) and for x86-64-v4 (AVX-512), the widest the CPU
    /// has chosen at run time (as NumPy chooses its loops). The same Rust code: results
    /// do not depend on the choice (Rust contracts no multiply-add by itself).
    fn dispatched_function(
        &self,
        params: &[TokenStream],
        prologue: &[TokenStream],
        body: &TokenStream,
        tail: &TokenStream,
        rt: &TokenStream,
        doc: &str,
    ) -> TokenStream {
        let name = self.fn_name(self.index);
        let v3 = quote::format_ident!("{}_v3", name);
        let v4 = quote::format_ident!("{}_v4", name);
        let args: Vec<TokenStream> = self
            .func
            .params
            .iter()
            .map(|(p, _)| {
                let id = ident(p);
                quote!(#id)
            })
            .collect();
        // Callees compiled per SIMD level too: each copy calls the callee's copy of its
        // own level (no second dispatch, and LLVM may inline it).
        let callees: std::collections::BTreeSet<usize> = self
            .inst
            .calls
            .values()
            .copied()
            .filter(|&c| {
                c != self.index
                    && self.all_kernels.get(c).is_some_and(|k| k.simd)
                    && !self.calls.is_recursive(c)
            })
            .collect();
        let clone = |n: &proc_macro2::Ident, features: &str| {
            let level = if n == &v3 { "_v3" } else { "_v4" };
            let uses = callees.iter().map(|&c| {
                let f = self.fn_name(c);
                let fl = quote::format_ident!("{}{}", f, level);
                quote!(#[allow(unused_imports)] use self::#fl as #f;)
            });
            quote! {
                #[cfg(target_arch = "x86_64")]
                #[target_feature(enable = #features)]
                unsafe fn #n(#(#params),*) -> ::pykernel::__private::KResult<#rt> {
                    #(#uses)*
                    #(#prologue)*
                    unsafe {
                        #body
                    }
                    #tail
                }
            }
        };
        let c3 = clone(&v3, "avx,avx2,fma,bmi1,bmi2,lzcnt,popcnt");
        let c4 = clone(
            &v4,
            "avx,avx2,fma,bmi1,bmi2,lzcnt,popcnt,avx512f,avx512bw,avx512cd,avx512dq,avx512vl",
        );
        quote! {
            #[doc = #doc]
            #[inline]
            pub(super) unsafe fn #name(#(#params),*) -> ::pykernel::__private::KResult<#rt> {
                #[cfg(target_arch = "x86_64")]
                match ::pykernel::__private::simd_level() {
                    2 => return unsafe { #v4(#(#args),*) },
                    1 => return unsafe { #v3(#(#args),*) },
                    _ => {}
                }
                #(#prologue)*
                unsafe {
                    #body
                }
                #tail
            }
            #c3
            #c4
        }
    }

    pub(crate) fn block(&mut self, stmts: &[Stmt]) -> TokenStream {
        let parts: Vec<TokenStream> = stmts.iter().map(|s| self.stmt(s)).collect();
        quote!(#(#parts)*)
    }

    fn stmt(&mut self, s: &Stmt) -> TokenStream {
        match s {
            // A forwarded temporary: computed where it is read.
            Stmt::Assign { value, .. } if self.kernels.forward.elided.contains(&value.id) => {
                TokenStream::new()
            }
            Stmt::Assign { target, value, .. } => {
                let a = self.assign(target, value);
                let set = self.mark_assigned(target.names());
                quote!(#a #set)
            }
            Stmt::AugAssign {
                target, op, value, ..
            } => {
                // `x += v` reads `x` first.
                let check = match target {
                    Target::Local(name, span) => self.bound_check(name, *span),
                    _ => TokenStream::new(),
                };
                let a = self.aug_assign(target, *op, value);
                let set = self.mark_assigned(target.names());
                quote!(#check #a #set)
            }
            Stmt::If { .. } => self.if_stmt(s),
            Stmt::While { cond, body, orelse } => {
                self.taking_list_bufs(s, |e| e.while_loop(cond, body, orelse))
            }
            Stmt::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
                reversed,
                ..
            } => self.taking_list_bufs(s, |e| {
                e.for_range(
                    var,
                    start.as_ref(),
                    stop,
                    step.as_ref(),
                    body,
                    orelse,
                    *reversed,
                )
            }),
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => self.taking_list_bufs(s, |e| e.for_each(target, iter, body, orelse)),
            Stmt::Break(_) => match self.loops.last() {
                Some(l) => {
                    let b = &l.brk;
                    quote!(break #b;)
                }
                None => quote!(),
            },
            Stmt::Continue(_) => match self.loops.last() {
                Some(l) => {
                    let c = &l.cont;
                    quote!(continue #c;)
                }
                None => quote!(),
            },
            Stmt::Return(value, _) => {
                let ret = self.inst.ret.clone().unwrap_or(Ty::None);
                match value {
                    Some(v) => {
                        let v = self.expr_to(v, &ret);
                        quote!(return Ok(#v);)
                    }
                    None => {
                        let v = super::types::convert(quote!(()), &Ty::None, &ret);
                        quote!(return Ok(#v);)
                    }
                }
            }
            Stmt::Expr(e) => {
                let v = self.expr(e);
                quote!(let _ = #v;)
            }
            Stmt::Assert { test, msg, exc, .. } => {
                let c = self.cond(test);
                let m = msg.clone().unwrap_or_default();
                let kind = quote::format_ident!("{}", exc.kind_name());
                quote! {
                    if !#c {
                        return Err(::pykernel::__private::error(::pykernel::__private::ErrorKind::#kind, #m));
                    }
                }
            }
            Stmt::Pass => quote!(),
        }
    }

    pub(crate) fn push_loop(&mut self) {
        self.tmp += 1;
        let n = self.tmp;
        self.loops.push(LoopLabels {
            cont: syn::Lifetime::new(&format!("'__pk_loop{n}"), proc_macro2::Span::call_site()),
            brk: syn::Lifetime::new(&format!("'__pk_done{n}"), proc_macro2::Span::call_site()),
        });
    }

    /// A fresh loop label (for loops no `break`/`continue` targets).
    pub(crate) fn loop_label(&mut self) -> syn::Lifetime {
        self.tmp += 1;
        syn::Lifetime::new(
            &format!("'__pk_comp{}", self.tmp),
            proc_macro2::Span::call_site(),
        )
    }

    pub(crate) fn pop_loop(&mut self) -> LoopLabels {
        self.loops.pop().unwrap_or_else(|| LoopLabels {
            cont: syn::Lifetime::new("'__pk_unused", proc_macro2::Span::call_site()),
            brk: syn::Lifetime::new("'__pk_unused2", proc_macro2::Span::call_site()),
        })
    }

    fn assign(&mut self, target: &Target, value: &Expr) -> TokenStream {
        match target {
            Target::Index { base, index, .. } if self.is_fancy(base, index) => {
                let vt = self.ty(value);
                let v = self.expr(value);
                self.fancy_store(base, index, v, &vt)
            }
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } if self.ty(base).has_list() => {
                self.list_slice_assign(base, [lower.as_ref(), upper.as_ref(), step.as_ref()], value)
            }
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } if matches!(self.ty(base), Ty::Array(..)) => {
                let d = self.ty(base).elem_dtype();
                let vt = self.ty(value);
                if let (Ty::Array(_, n), Ty::Array(..)) = (self.ty(base), &vt) {
                    let dest =
                        self.array_slice(base, [lower.as_ref(), upper.as_ref(), step.as_ref()]);
                    return self.store_kernel(value, target, &dest, n, d, None);
                }
                let v = self.expr(value);
                let dest = self.array_slice(base, [lower.as_ref(), upper.as_ref(), step.as_ref()]);
                self.array_fill(dest, d, v, &vt)
            }
            Target::Index { base, index, .. }
                if matches!(self.ty(base), Ty::Array(..))
                    && self.rank_after(base, index) > 0
                    && matches!(self.ty(value), Ty::Array(..)) =>
            {
                let d = self.ty(base).elem_dtype();
                let n = self.rank_after(base, index) as u8;
                let dest = self.array_read(base, index);
                self.store_kernel(value, target, &dest, n, d, None)
            }
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } => self.slice_assign(base, lower.as_ref(), upper.as_ref(), step.as_ref(), value),
            Target::Local(name, _) => {
                let lt = self.inst.locals.get(name).cloned().unwrap_or(Ty::None);
                let v = self.expr_to(value, &lt);
                store_local(name, &lt, v)
            }
            _ => {
                let vt = self.ty(value);
                let v = self.expr(value);
                self.store_value(target, v, &vt)
            }
        }
    }

    /// `value` (an array or a number) stored element by element into the view `dest`
    /// (rank `n`, dtype `d`), broadcast to its shape; `op`: `dest op= value`.
    fn store_kernel(
        &mut self,
        value: &Expr,
        target: &Target,
        dest: &TokenStream,
        n: u8,
        d: Dtype,
        op: Option<crate::ir::BinOp>,
    ) -> TokenStream {
        self.kernel_into(
            value,
            super::arrayexpr::Sink::Store {
                dest,
                target,
                rank: n,
                dtype: d,
                inplace: op,
            },
        )
    }

    /// Stores the value `v` of type `vt` into a local, an element, or a tuple of those.
    pub(crate) fn store_value(&mut self, target: &Target, v: TokenStream, vt: &Ty) -> TokenStream {
        match target {
            Target::Local(name, _) => {
                let lt = self.inst.locals.get(name).cloned().unwrap_or(Ty::None);
                let v = convert(v, vt, &lt);
                store_local(name, &lt, v)
            }
            Target::Index { base, index, .. } if self.is_fancy(base, index) => {
                self.fancy_store(base, index, v, vt)
            }
            Target::Index { base, index, .. }
                if matches!(self.ty(base), Ty::Array(..)) && self.rank_after(base, index) > 0 =>
            {
                let d = self.ty(base).elem_dtype();
                let dest = self.array_read(base, index);
                self.array_fill(dest, d, v, vt)
            }
            Target::Index { base, index, .. } if matches!(self.ty(base), Ty::Array(..)) => {
                let val = self.tmp("v");
                let vs = vt.scalar().unwrap_or(Scalar::FLOAT);
                let store = self.array_store(base, index, quote!(#val), vs);
                quote!({ let #val = #v; #store })
            }
            Target::Index { base, index, .. } if self.ty(base).has_list() => {
                let val = self.tmp("v");
                let store = self.list_store(base, index, quote!(#val), vt);
                quote!({ let #val = #v; #store })
            }
            Target::Index { base, index, .. } => {
                let val = self.tmp("v");
                let vs = vt.scalar().unwrap_or(Scalar::FLOAT);
                let store = self.store_index(base, index, quote!(#val), vs);
                quote!({ let #val = #v; #store })
            }
            Target::Tuple(targets, _) if matches!(vt, Ty::Array(..)) => {
                // The elements (rows) of an array, as many as targets.
                let Ty::Array(d, n) = *vt else {
                    return quote!();
                };
                let item = if n == 1 {
                    Ty::Scalar(Scalar::np(d))
                } else {
                    Ty::Array(d, n - 1)
                };
                let arr = self.tmp("arr");
                let k = targets.len();
                let stores: Vec<TokenStream> = targets
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let i = i as i64;
                        let get = if n == 1 {
                            quote!(#arr.get([#i])?)
                        } else {
                            quote!(#arr.sub(#i)?)
                        };
                        self.store_value(t, get, &item)
                    })
                    .collect();
                quote!({
                    let #arr = #v;
                    ::pykernel::__private::check_unpack(#arr.len_i64(), #k)?;
                    #(#stores)*
                })
            }
            Target::Tuple(targets, _) if matches!(vt, Ty::List(_)) => {
                // The items of a list, as many as targets (CPython's `ValueError`).
                let Ty::List(item) = vt else {
                    return quote!();
                };
                let list = self.tmp("list");
                let k = targets.len();
                let stores: Vec<TokenStream> = targets
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let i = i as i64;
                        self.store_value(t, quote!(#list.get(#i)?), item)
                    })
                    .collect();
                quote!({
                    let #list = #v;
                    ::pykernel::__private::check_unpack(#list.len_i64(), #k)?;
                    #(#stores)*
                })
            }
            Target::Tuple(targets, _) => {
                // Python evaluates the whole right-hand side, then assigns left to right.
                let items = match vt {
                    Ty::Tuple(items) => items.clone(),
                    _ => return quote!(),
                };
                let names: Vec<proc_macro2::Ident> =
                    (0..targets.len()).map(|_| self.tmp("u")).collect();
                let stores: Vec<TokenStream> = targets
                    .iter()
                    .zip(&names)
                    .zip(&items)
                    .map(|((t, n), it)| self.store_value(t, quote!(#n), it))
                    .collect();
                quote!({ let (#(#names,)*) = #v; #(#stores)* })
            }
            Target::Slice { .. } => quote!(),
        }
    }

    /// `base[index] = val` where `val` has scalar type `vs`.
    fn store_index(
        &mut self,
        base: &Expr,
        index: &Expr,
        val: TokenStream,
        vs: Scalar,
    ) -> TokenStream {
        let bt = self.ty(base);
        let b = self.expr(base);
        let i = self.expr_as(index, Dtype::Int64);
        match bt {
            Ty::Ptr(d) => {
                let v = cast(val, vs.dtype, d);
                quote!(*(#b).offset((#i) as isize) = #v;)
            }
            Ty::View(d) => {
                let v = cast(val, vs.dtype, d);
                quote!((#b).set(#i, #v)?;)
            }
            _ => quote!(),
        }
    }

    fn aug_assign(&mut self, target: &Target, op: crate::ir::BinOp, value: &Expr) -> TokenStream {
        let current = match target {
            Target::Local(name, _) => self.inst.locals.get(name).cloned(),
            Target::Index { base, .. } => match self.ty(base) {
                Ty::List(e) => Some(*e),
                _ => None,
            },
            _ => None,
        };
        if let Some(cur @ Ty::List(_)) = current {
            return self.list_aug_assign(target, op, value, &cur);
        }
        // `a op= v` on an array, a slice or a row of one: in place, element by element.
        match target {
            Target::Index { base, index, .. } if self.is_fancy(base, index) => {
                return self.fancy_aug_assign(base, index, op, value);
            }
            Target::Local(name, _) => {
                if let Some(Ty::Array(d, n)) = self.inst.locals.get(name).cloned() {
                    let id = ident(name);
                    let own = super::types::owner_ident(name);
                    let dest = quote!(::pykernel::__private::Array::join(#id, &#own));
                    return self.store_kernel(value, target, &dest, n, d, Some(op));
                }
            }
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } => {
                if let Ty::Array(d, n) = self.ty(base) {
                    let dest =
                        self.array_slice(base, [lower.as_ref(), upper.as_ref(), step.as_ref()]);
                    return self.store_kernel(value, target, &dest, n, d, Some(op));
                }
            }
            Target::Index { base, index, .. }
                if matches!(self.ty(base), Ty::Array(..)) && self.rank_after(base, index) > 0 =>
            {
                let d = self.ty(base).elem_dtype();
                let n = self.rank_after(base, index) as u8;
                let dest = self.array_read(base, index);
                return self.store_kernel(value, target, &dest, n, d, Some(op));
            }
            _ => {}
        }
        if let Target::Index { base, index, .. } = target
            && matches!(self.ty(base), Ty::Array(..))
        {
            return self.array_aug_assign(base, index, op, value);
        }
        match target {
            Target::Local(name, _) => {
                let id = ident(name);
                let lt = self
                    .inst
                    .locals
                    .get(name)
                    .and_then(Ty::scalar)
                    .unwrap_or(Scalar::FLOAT);
                let vs = self.scalar(value);
                let v = self.expr(value);
                let res = self.aug_result(lt, vs, op, value);
                let r = match super::expr::positive_divisor(op, value, res) {
                    Some(f) => f(cast(quote!(#id), lt.dtype, res.dtype)),
                    None => super::expr::binary(
                        op,
                        quote!(#id),
                        lt,
                        v,
                        vs,
                        res,
                        self.division_mode(value),
                    ),
                };
                let r = cast(r, res.dtype, lt.dtype);
                quote!(#id = #r;)
            }
            Target::Index { base, index, .. } => {
                let bt = self.ty(base);
                let (bv, iv) = (self.tmp("b"), self.tmp("i"));
                let b = if bt.has_list() {
                    // Rows of a list of lists borrowed when nothing evaluated after them
                    // (the index, the value) can change a list.
                    let p = if crate::arrayexpr::calm(index) && crate::arrayexpr::calm(value) {
                        self.list_place(base)
                    } else {
                        self.list_recv(base)
                    };
                    quote!(&(#p))
                } else {
                    self.expr(base)
                };
                let i = self.expr_as(index, Dtype::Int64);
                let (cur, cs, store_d) = match bt.clone() {
                    Ty::Ptr(d) => {
                        let cs = match crate::types::kind(d) {
                            0 => Scalar::BOOL,
                            1 => Scalar::INT,
                            _ => Scalar::FLOAT,
                        };
                        (
                            cast(quote!((*#bv.offset(#iv as isize))), d, cs.dtype),
                            cs,
                            d,
                        )
                    }
                    Ty::View(d) => (quote!(#bv.get(#iv)?), Scalar::np(d), d),
                    Ty::List(e) if self.in_bounds(index.id) => {
                        let s = e.scalar().unwrap_or(Scalar::INT);
                        (quote!(#bv.get_unchecked(#iv)), s, s.dtype)
                    }
                    Ty::List(e) => {
                        let s = e.scalar().unwrap_or(Scalar::INT);
                        (quote!(#bv.get(#iv)?), s, s.dtype)
                    }
                    _ => return quote!(),
                };
                let vs = self.scalar(value);
                let v = self.expr(value);
                let res = self.aug_result(cs, vs, op, value);
                let r = match super::expr::positive_divisor(op, value, res) {
                    Some(f) => f(cast(cur, cs.dtype, res.dtype)),
                    None => super::expr::binary(op, cur, cs, v, vs, res, self.division_mode(value)),
                };
                let r = cast(r, res.dtype, store_d);
                // A list of numbers and a value that cannot touch the list: one index
                // check, the element read and written through its address.
                if let Ty::List(e) = &bt
                    && e.scalar().is_some()
                    && !self.in_bounds(index.id)
                    && crate::arrayexpr::calm(value)
                {
                    let r = {
                        let cur_p = quote!((*__pk_p));
                        let v2 = self.expr(value);
                        let r2 = match super::expr::positive_divisor(op, value, res) {
                            Some(f) => f(cast(cur_p, cs.dtype, res.dtype)),
                            None => super::expr::binary(
                                op,
                                cur_p,
                                cs,
                                v2,
                                vs,
                                res,
                                self.division_mode(value),
                            ),
                        };
                        cast(r2, res.dtype, store_d)
                    };
                    return quote!({
                        let #bv = #b;
                        let #iv = #i;
                        let __pk_p = #bv.elem_ptr(#iv)?;
                        let __pk_r = #r;
                        *__pk_p = __pk_r;
                    });
                }
                let store = match bt {
                    Ty::Ptr(_) => quote!(*#bv.offset(#iv as isize) = __pk_r;),
                    Ty::List(_) if self.in_bounds(index.id) => {
                        quote!(#bv.set_unchecked(#iv, __pk_r);)
                    }
                    _ => quote!(#bv.set(#iv, __pk_r)?;),
                };
                quote!({ let #bv = #b; let #iv = #i; let __pk_r = #r; #store })
            }
            Target::Slice { .. } | Target::Tuple(..) => quote!(),
        }
    }

    /// `a += b` (extend in place) and `a *= n` (repeat in place) on a list, where the
    /// target is a local or a list element.
    fn list_aug_assign(
        &mut self,
        target: &Target,
        op: crate::ir::BinOp,
        value: &Expr,
        cur: &Ty,
    ) -> TokenStream {
        let read = match target {
            Target::Local(name, _) => {
                let id = ident(name);
                quote!(#id.clone())
            }
            Target::Index { base, index, .. } => {
                let b = self.place(base);
                let i = self.expr_as(index, Dtype::Int64);
                quote!((#b).get(#i)?)
            }
            _ => return quote!(),
        };
        let l = self.tmp("l");
        match op {
            crate::ir::BinOp::Add => {
                let v = self.expr_to(value, cur);
                quote!({ let #l = #read; let __pk_v = #v; #l.extend(&__pk_v); })
            }
            _ => {
                let n = self.expr_as(value, Dtype::Int64);
                quote!({ let #l = #read; #l.repeat_in_place(#n); })
            }
        }
    }

    /// The type of `cur op value` (as inference computed it).
    fn aug_result(&self, cur: Scalar, vs: Scalar, op: crate::ir::BinOp, value: &Expr) -> Scalar {
        use crate::ir::BinOp::*;
        let p = crate::types::promote(cur, vs);
        match op {
            Div => crate::types::true_divide(cur, vs),
            Pow if p.py && p.dtype.is_int() && matches!(value.kind, ExprKind::Int(v) if v < 0) => {
                Scalar::FLOAT
            }
            BitAnd | BitOr | BitXor if cur.dtype == Dtype::Bool && vs.dtype == Dtype::Bool => {
                Scalar {
                    dtype: Dtype::Bool,
                    py: cur.py && vs.py,
                }
            }
            Shl | Shr if p.dtype == Dtype::Bool => Scalar {
                dtype: Dtype::Int64,
                py: p.py,
            },
            _ => p,
        }
    }
}

/// The declaration of local `name` of type `t` (not `T | None`), before any assignment:
/// an empty view and no owner for arrays, a zero value otherwise.
fn declare_local(name: &str, t: &Ty) -> TokenStream {
    let id = ident(name);
    if let Ty::Array(d, _) = t {
        let lt = local_ty_tokens(t);
        let own = owner_ident(name);
        let e = super::types::dtype_tokens(*d);
        return quote! {
            let mut #id: #lt = ::pykernel::__private::ArrayView::empty();
            let mut #own: ::pykernel::__private::ArrayOwner<#e> = None;
        };
    }
    let lt = ty_tokens(t);
    let z = zero_of(t);
    quote!(let mut #id: #lt = #z;)
}

/// `name = v` where `name` has type `t` (an array is split into its view and owner).
fn store_local(name: &str, t: &Ty, v: TokenStream) -> TokenStream {
    if let Ty::Optional(inner) = t {
        let flag = super::types::none_flag(name);
        let store = store_local(name, inner, quote!(__pk_some));
        return quote! {
            match #v {
                ::core::option::Option::Some(__pk_some) => { #store #flag = false; }
                ::core::option::Option::None => { #flag = true; }
            }
        };
    }
    let id = ident(name);
    if let Ty::Array(..) = t {
        let own = owner_ident(name);
        return quote!({ let (__pk_v, __pk_o) = (#v).split(); #id = __pk_v; #own = __pk_o; });
    }
    quote!(#id = #v;)
}
