//! Pass 6: emit Rust (quote + prettyplease).
//!
//! Layout of a generated file:
//! - a hidden module `__pykernel` with one `unsafe fn` per specialised instance, each
//!   returning `KResult<T>` (errors are Python exceptions);
//! - per capsule export, `pub unsafe extern "C" fn` with the C ABI of the export line,
//!   which never unwinds (errors take the documented NaN / 0 path);
//! - per regular export, a safe Rust function returning `Result<T, KernelError>`;
//! - inside `pykernel::__private::if_pyo3!`, the Python wrappers and `register`.
//!
//! Generated code only calls `pykernel::__private` paths.

mod arrayexpr;
mod arrays;
mod building;
mod building_more;
mod complex;
mod deep;
mod division;
mod elementwise;
mod expr;
mod fancy;
mod guards;
mod histogram;
mod interrupt;
mod iter;
mod lanes;
mod lapack;
mod linalg;
mod lists;
mod loops;
mod npcalls;
mod print;
mod recursion;
mod reductions;
mod sorting;
mod stmt;
mod types;
mod ufunc_elem;
mod writes;

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::bind::BoundExport;
use crate::check::CapsuleSig;
use crate::diagnostics::Span;
use crate::exports::{Dtype, ExportType};
use crate::infer::{Instance, Program};
use crate::ir::{Expr, ExprKind, Function, Module, Stmt, Target};
use crate::types::{Ty, kind};
use stmt::LoopLabels;
use types::{cast, dtype_tokens, ident, ty_tokens};

/// What emission needs.
pub struct EmitInput<'a> {
    /// Kernel path, for docs.
    pub path: &'a str,
    /// Lowered module.
    pub module: &'a Module,
    /// Inferred instances (root `i` is export `i`).
    pub program: &'a Program,
    /// Which instances are recursive.
    pub(crate) calls: &'a crate::callgraph::CallGraph,
    /// Where instances poll for Ctrl-C.
    pub(crate) polls: &'a crate::polls::PollPlan,
    /// Bound exports.
    pub exports: &'a [BoundExport],
    /// Capsule signatures (aligned with `exports`).
    pub capsules: &'a [Option<CapsuleSig>],
    /// Reads of locals that may find them unassigned (checked at run time).
    pub unbound: &'a crate::check::MaybeUnbound,
    /// Export capsules as C symbols.
    pub c_symbols: bool,
    /// Check array indices (`Config::bounds_checks`).
    pub bounds_checks: bool,
    /// The bounds analysis, per instance.
    pub plans: &'a [crate::analysis::InstancePlans],
    /// The whole-array kernels, per instance.
    pub kernels: &'a [crate::arrayexpr::InstanceKernels],
}

/// Emits one function instance.
pub(crate) struct FnEmitter<'a> {
    module: &'a Module,
    program: &'a Program,
    inst: &'a Instance,
    func: &'a Function,
    index: usize,
    tmp: u32,
    loops: Vec<LoopLabels>,
    /// Array accesses (by index expression) proven in bounds by an enclosing loop's check.
    proven: std::collections::BTreeSet<crate::analysis::Fact>,
    /// Array locals whose innermost stride is known to be 1 here.
    unit: std::collections::BTreeSet<String>,
    /// List locals read through the element buffer an enclosing loop took
    /// (`analysis/lists.rs`).
    list_bufs: std::collections::BTreeSet<String>,
    /// Array accesses of the lane loop being emitted (see `lanes.rs`).
    lanes: std::collections::BTreeMap<crate::ir::ExprId, lanes::LaneAccess>,
    /// `Config::bounds_checks`.
    bounds_checks: bool,
    /// This instance's loop plans (the bounds analysis).
    plans: &'a crate::analysis::InstancePlans,
    /// This instance's whole-array kernels.
    kernels: &'a crate::arrayexpr::InstanceKernels,
    /// Every instance's (which ones are compiled per SIMD level).
    all_kernels: &'a [crate::arrayexpr::InstanceKernels],
    /// The expressions forwarded locals stand for (`arrayexpr/forward.rs`).
    forwarded: std::collections::HashMap<crate::ir::ExprId, &'a crate::ir::Expr>,
    /// Reads (by span) that may find their local unassigned, and those locals.
    unbound_reads: &'a BTreeSet<Span>,
    unbound_names: &'a BTreeSet<String>,
    /// Those of the reads that are inside a comprehension.
    unbound_free: &'a BTreeSet<Span>,
    /// Which instances are recursive (see `recursion.rs`).
    calls: &'a crate::callgraph::CallGraph,
    /// Where instances poll for Ctrl-C (see `interrupt.rs`).
    polls: &'a crate::polls::PollPlan,
    /// Long chains being written flat (see `deep.rs`).
    flat: deep::Flat,
}

impl FnEmitter<'_> {
    /// The Rust name of instance `idx`.
    pub(crate) fn fn_name(&self, idx: usize) -> Ident {
        instance_name(self.program, self.module, idx)
    }

    /// Before reading local `name` at `span`: `UnboundLocalError` if the read may find
    /// it unassigned and it is (see [`crate::check::MaybeUnbound`]); nothing otherwise.
    pub(crate) fn bound_check(&self, name: &str, span: Span) -> TokenStream {
        if !self.unbound_reads.contains(&span) {
            return TokenStream::new();
        }
        let flag = types::assigned_flag(name);
        if self.unbound_free.contains(&span) {
            quote!(::pykernel::__private::check_assigned_free(#flag, #name)?;)
        } else {
            quote!(::pykernel::__private::check_assigned(#flag, #name)?;)
        }
    }

    /// After assigning the locals `names`: their "assigned" flags, where they have one.
    pub(crate) fn mark_assigned<'n>(
        &self,
        names: impl IntoIterator<Item = &'n str>,
    ) -> TokenStream {
        let flags = names
            .into_iter()
            .filter(|n| self.unbound_names.contains(*n))
            .map(types::assigned_flag);
        quote!(#(#flags = true;)*)
    }

    /// Does any statement of `body` read a local that may be unassigned?
    pub(crate) fn reads_maybe_unbound(&self, body: &[Stmt]) -> bool {
        fn expr(e: &Expr, reads: &BTreeSet<Span>) -> bool {
            (matches!(e.kind, ExprKind::Local(_)) && reads.contains(&e.span))
                || e.children().into_iter().any(|c| expr(c, reads))
        }
        fn stmt(s: &Stmt, reads: &BTreeSet<Span>) -> bool {
            matches!(s, Stmt::AugAssign { target: Target::Local(_, span), .. } if reads.contains(span))
                || s.exprs().into_iter().any(|e| expr(e, reads))
                || s.blocks().into_iter().flatten().any(|s| stmt(s, reads))
        }
        !self.unbound_reads.is_empty() && body.iter().any(|s| stmt(s, self.unbound_reads))
    }
}

/// `__pk_<python name>_<instance>`: cannot clash with locals (those never start with `__pk`).
fn instance_name(program: &Program, module: &Module, idx: usize) -> Ident {
    let name = program
        .instances
        .get(idx)
        .and_then(|i| module.functions.get(i.key.func))
        .map_or("fn", |f| f.name.as_str());
    format_ident!("__pk_{}_{}", types::ascii_name(name), idx)
}

/// The generated items: those for every build, and those kept only with pykernel's
/// `pyo3` feature (wrapped in `pykernel::__private::if_pyo3!` by the caller).
pub struct Emitted {
    /// Instances, capsules and Rust-callable exports.
    pub core: TokenStream,
    /// Python wrappers and `register`.
    pub python: TokenStream,
}

/// Emits the Rust items of a kernel file (unformatted).
pub fn emit(input: &EmitInput<'_>) -> Emitted {
    let mut fns = Vec::new();
    let none = (Default::default(), Default::default(), Default::default());
    for (index, inst) in input.program.instances.iter().enumerate() {
        let func = &input.module.functions[inst.key.func];
        let unbound = (
            input.unbound.reads.get(&inst.key.func).unwrap_or(&none.0),
            input.unbound.names.get(&inst.key.func).unwrap_or(&none.1),
            input.unbound.free.get(&inst.key.func).unwrap_or(&none.2),
        );
        let mut e = FnEmitter {
            module: input.module,
            program: input.program,
            inst,
            func,
            index,
            tmp: 0,
            loops: Vec::new(),
            proven: std::collections::BTreeSet::new(),
            unit: std::collections::BTreeSet::new(),
            list_bufs: std::collections::BTreeSet::new(),
            lanes: std::collections::BTreeMap::new(),
            bounds_checks: input.bounds_checks,
            plans: &input.plans[index],
            kernels: &input.kernels[index],
            all_kernels: input.kernels,
            forwarded: crate::arrayexpr::forwarded_defs(func, &input.kernels[index].forward),
            unbound_reads: unbound.0,
            unbound_names: unbound.1,
            unbound_free: unbound.2,
            calls: input.calls,
            polls: input.polls,
            flat: deep::Flat::default(),
        };
        fns.push(e.function());
    }
    // Regular exports by Python name: several signatures make one overloaded function.
    let mut groups: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (k, b) in input.exports.iter().enumerate() {
        if input.capsules.get(k).is_none_or(Option::is_none) {
            groups.entry(b.export.name.as_str()).or_default().push(k);
        }
    }
    let mut items = Vec::new();
    let mut registrations = Vec::new();
    let mut wrappers = Vec::new();
    let writes = writes::written_params(input.module, input.program);
    for (i, b) in input.exports.iter().enumerate() {
        let inst = &input.program.instances[input.program.roots[i]];
        match input.capsules.get(i).cloned().flatten() {
            Some(sig) => {
                items.push(capsule_fn(input, i, b, inst, &sig));
                let name = ident(&b.export.name);
                let py_name = &b.export.name;
                let c_name = proc_macro2::Literal::c_string(
                    &std::ffi::CString::new(sig.name.clone()).unwrap_or_default(),
                );
                registrations.push(quote! {
                    ::pykernel::__private::add_capsule(m, #py_name, #name as *const (), #c_name)?;
                });
            }
            None => {
                let group = groups
                    .get(b.export.name.as_str())
                    .cloned()
                    .unwrap_or_default();
                let rust_name = rust_export_name(b, group.len() > 1);
                items.push(regular_fn(
                    input,
                    i,
                    b,
                    inst,
                    &rust_name,
                    &writes[input.program.roots[i]],
                ));
                if group.len() == 1 {
                    let (w, reg) = python_wrapper(
                        b,
                        &input.module.functions[b.func],
                        inst,
                        &instance_name(input.program, input.module, input.program.roots[i]),
                        &writes[input.program.roots[i]],
                        call_setup(input, input.program.roots[i]),
                    );
                    wrappers.push(w);
                    registrations.push(reg);
                } else if group.first() == Some(&i) {
                    let (w, reg) = overload_dispatcher(input, &group, &writes);
                    wrappers.push(w);
                    registrations.push(reg);
                }
            }
        }
    }
    let doc = format!(
        "Adds the exports of `{}` to a Python module: capsules for `scipy.LowLevelCallable` and Python-callable functions.",
        input.path
    );
    let core = quote! {
        #[doc(hidden)]
        #[allow(
            unused_mut, unused_variables, unused_assignments, unused_labels, unused_unsafe,
            unused_parens, unused_braces, unreachable_code, non_snake_case, dead_code, while_true,
            clippy::all, clippy::pedantic, clippy::nursery
        )]
        mod __pykernel {
            #(#fns)*
        }

        #(#items)*
    };
    let python = quote! {
        #(#wrappers)*

        #[doc = #doc]
        #[allow(dead_code)]
        pub fn register(
            m: &::pykernel::__private::pyo3::Bound<'_, ::pykernel::__private::pyo3::types::PyModule>,
        ) -> ::pykernel::__private::pyo3::PyResult<()> {
            #[allow(unused_imports)]
            use ::pykernel::__private::pyo3::types::PyModuleMethods as _;
            #(#registrations)*
            Ok(())
        }
    };
    Emitted { core, python }
}

/// `pub unsafe extern "C" fn`, never unwinding.
fn capsule_fn(
    input: &EmitInput<'_>,
    i: usize,
    b: &BoundExport,
    inst: &Instance,
    sig: &CapsuleSig,
) -> TokenStream {
    let name = ident(&b.export.name);
    let f = &input.module.functions[b.func];
    let inner = instance_name(input.program, input.module, input.program.roots[i]);
    let mut params = Vec::new();
    let mut args = Vec::new();
    // Arrays of fixed extents (`float64[3]`) arrive as pointers and become views,
    // which can fail (NULL): they are made first, inside the error path.
    let mut views = Vec::new();
    for (((pname, _), et), kt) in f.params.iter().zip(&b.export.args).zip(&inst.key.args) {
        let id = ident(pname);
        let (rt, conv) = match (&et.ty, kt) {
            (ExportType::Scalar { dtype, .. }, Ty::Scalar(k)) => {
                (dtype_tokens(*dtype), cast(quote!(#id), *dtype, k.dtype))
            }
            (ExportType::Array { dims, order, .. }, Ty::Array(d, n)) => {
                let (e, n) = (dtype_tokens(*d), *n as usize);
                let extents = dims.iter().map(|d| match d {
                    crate::exports::Dim::Fixed(k) => *k as usize,
                    crate::exports::Dim::Any => 0,
                });
                let fortran = *order == crate::exports::Order::F;
                views.push(quote! {
                    // SAFETY: the pointer's validity is the caller's contract, as in C.
                    let #id = unsafe { ::pykernel::__private::Array::<#e, #n>::from_c_block(#id, [#(#extents),*], #fortran) }?;
                });
                (quote!(*mut #e), quote!(#id))
            }
            _ => (ty_tokens(kt), quote!(#id)),
        };
        params.push(quote!(#id: #rt));
        args.push(conv);
    }
    let ret_kernel = inst.ret.clone().unwrap_or(Ty::None);
    let (ret_ty, ok, fail) = match sig.ret {
        None => (
            quote!(()),
            quote!(()),
            quote!(::pykernel::__private::fail_zero(e)),
        ),
        Some(d) => {
            let from = ret_kernel.scalar().map_or(d, |s| s.dtype);
            let conv = cast(quote!(v), from, d);
            let fail = match d {
                Dtype::Float64 => quote!(::pykernel::__private::fail_double(e)),
                Dtype::Float32 => quote!(::pykernel::__private::fail_float(e)),
                Dtype::Int32 => quote!(::pykernel::__private::fail_int(e)),
                _ => quote!(::pykernel::__private::fail_zero(e)),
            };
            (dtype_tokens(d), conv, fail)
        }
    };
    let call = if views.is_empty() {
        quote!(unsafe { __pykernel::#inner(#(#args),*) })
    } else {
        quote!((|| {
            #(#views)*
            unsafe { __pykernel::#inner(#(#args),*) }
        })())
    };
    let ok_pat = if sig.ret.is_none() {
        quote!(Ok(_))
    } else {
        quote!(Ok(v))
    };
    let no_mangle = if input.c_symbols {
        quote!(#[unsafe(no_mangle)])
    } else {
        quote!()
    };
    let doc = format!(
        "Capsule `{}`: `{}` from `{}`, with the C ABI of its export line.\n\n\
         Never unwinds: on error (a Python exception in CPython) it returns {} and \
         `pykernel::take_last_error()` tells why.\n\n# Safety\n\nPointer arguments must be \
         valid for the accesses the kernel makes, as in C.",
        sig.name,
        f.name,
        input.path,
        match sig.ret {
            Some(Dtype::Float64) | Some(Dtype::Float32) => "NaN",
            Some(Dtype::Int32) => "0 with the Python exception set (when called under the GIL)",
            _ => "zero",
        }
    );
    quote! {
        #[doc = #doc]
        #no_mangle
        #[allow(clippy::all, clippy::pedantic, non_snake_case, unused_parens, dead_code)]
        pub unsafe extern "C" fn #name(#(#params),*) -> #ret_ty {
            match #call {
                #ok_pat => #ok,
                Err(e) => #fail,
            }
        }
    }
}

/// A safe Rust function for a regular export.
fn regular_fn(
    input: &EmitInput<'_>,
    i: usize,
    b: &BoundExport,
    inst: &Instance,
    rust_name: &str,
    writes: &[bool],
) -> TokenStream {
    let name = ident(rust_name);
    let f = &input.module.functions[b.func];
    let inner = instance_name(input.program, input.module, input.program.roots[i]);
    let nd = quote!(::pykernel::__private::ndarray);
    let mut params = Vec::new();
    let mut views = Vec::new();
    // A list argument the kernel stores floats into is a float list for Rust callers
    // too (so that they see the kernel's in-place changes).
    let param_tys = inst.param_types(f);
    for (k, ((p, _), t)) in f.params.iter().zip(&param_tys).enumerate() {
        let id = ident(p);
        if let Ty::Array(d, n) = t {
            // Arrays come in as ndarray views, borrowed for the call (mutable views for
            // the arguments the kernel may write).
            let e = types::dtype_tokens(*d);
            let n = *n as usize;
            let dim = format_ident!("Ix{}", n);
            let (ty, ptr) = if writes.get(k).copied().unwrap_or(true) {
                (
                    quote!(#nd::ArrayViewMut<'_, #e, #nd::#dim>),
                    quote!(#id.as_mut_ptr()),
                )
            } else {
                (
                    quote!(#nd::ArrayView<'_, #e, #nd::#dim>),
                    quote!(#id.as_ptr() as *mut #e),
                )
            };
            params.push(quote!(mut #id: #ty));
            views.push(quote! {
                // SAFETY: the view is borrowed until this function returns, and results
                // are converted to owned arrays before that.
                let #id = unsafe {
                    ::pykernel::__private::Array::<#e, #n>::from_ndarray_parts(#ptr, #id.shape(), #id.strides())
                };
            });
        } else {
            let t = ty_tokens(t);
            params.push(quote!(#id: #t));
        }
    }
    let args: Vec<Ident> = f.params.iter().map(|(p, _)| ident(p)).collect();
    let ret = inst.ret.clone().unwrap_or(Ty::None);
    let (rt, conv) = rust_result(quote!(__pk_ret), &ret);
    let sig: Vec<String> = b.export.args.iter().map(|a| a.ty.to_string()).collect();
    let doc = format!(
        "`{}({})` from `{}`.\n\nArrays are taken as `ndarray` views and returned as owned \
         `ndarray` arrays.\n\n# Errors\n\nThe Python exception CPython would raise \
         (`ZeroDivisionError`, `ValueError`, ...), as a [`pykernel::KernelError`].",
        f.name,
        sig.join(", "),
        input.path
    );
    quote! {
        #[doc = #doc]
        #[allow(clippy::all, clippy::pedantic, non_snake_case, dead_code, unused_mut, unused_parens)]
        pub fn #name(#(#params),*) -> ::core::result::Result<#rt, ::pykernel::KernelError> {
            #(#views)*
            let __pk_ret = unsafe { __pykernel::#inner(#(#args),*) }?;
            Ok(#conv)
        }
    }
}

/// The Rust-side result type of kernel type `t` and the conversion of `v` to it: arrays
/// become owned `ndarray` arrays (moved when the kernel created them, copied otherwise).
fn rust_result(v: TokenStream, t: &Ty) -> (TokenStream, TokenStream) {
    let nd = quote!(::pykernel::__private::ndarray);
    match t {
        Ty::Array(d, n) => {
            let e = types::dtype_tokens(*d);
            let dim = format_ident!("Ix{}", *n as usize);
            (
                quote!(#nd::Array<#e, #nd::#dim>),
                quote!(#v.into_ndarray()?.into_dimensionality::<#nd::#dim>().map_err(|e| {
                    ::pykernel::KernelError::new(::pykernel::ErrorKind::Value, e.to_string())
                })?),
            )
        }
        Ty::Tuple(items) if items.iter().any(|t| matches!(t, Ty::Array(..))) => {
            let names: Vec<Ident> = (0..items.len())
                .map(|k| format_ident!("__pk_t{}", k))
                .collect();
            let (tys, convs): (Vec<_>, Vec<_>) = names
                .iter()
                .zip(items)
                .map(|(n, t)| rust_result(quote!(#n), t))
                .unzip();
            (
                quote!((#(#tys,)*)),
                quote!({ let (#(#names,)*) = #v; (#(#convs,)*) }),
            )
        }
        other => (ty_tokens(other), v),
    }
}

/// The Rust name of a regular export: the Python name, suffixed with the argument types
/// when the export is overloaded (`absval_int`, `absval_float`).
fn rust_export_name(b: &BoundExport, overloaded: bool) -> String {
    if !overloaded {
        return b.export.name.clone();
    }
    let words: Vec<String> = b
        .export
        .args
        .iter()
        .map(|a| match &a.ty {
            ExportType::Scalar {
                dtype,
                flavor: crate::exports::Flavor::Python,
            } => crate::types::Ty::Scalar(crate::types::Scalar {
                dtype: *dtype,
                py: true,
            })
            .to_string(),
            ExportType::Scalar { dtype, .. } => dtype.numpy_name().to_owned(),
            other => other
                .to_string()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '_' })
                .collect(),
        })
        .collect();
    let suffix = if words.is_empty() {
        "noargs".to_owned()
    } else {
        words.join("_")
    };
    format!("{}_{suffix}", b.export.name)
}

/// One Python function for an overloaded export: tries each signature with arguments of
/// exactly the expected kinds first, then with any convertible arguments.
fn overload_dispatcher(
    input: &EmitInput<'_>,
    group: &[usize],
    writes: &[Vec<bool>],
) -> (TokenStream, TokenStream) {
    let p = quote!(::pykernel::__private::pyo3);
    let first = &input.exports[group[0]];
    let py_name = &first.export.name;
    let wrapper = format_ident!("__pk_py_{}", first.func);
    let mut tries = Vec::new();
    let mut accepted = Vec::new();
    for &k in group {
        let b = &input.exports[k];
        let inst = &input.program.instances[input.program.roots[k]];
        let inner = instance_name(input.program, input.module, input.program.roots[k]);
        let n = b.params.len();
        let names: Vec<Ident> = (0..n).map(|j| format_ident!("a{}", j)).collect();
        let param_tys = inst.param_types(&input.module.functions[b.func]);
        let extracts: Vec<TokenStream> = b
            .params
            .iter()
            .enumerate()
            .map(|(j, t)| {
                let rt = ty_tokens(t);
                if let Ty::Array(..) = t {
                    let f = &input.module.functions[b.func];
                    let pname = f.params.get(j).map_or("?", |(n, _)| n.as_str());
                    let w = writes[input.program.roots[k]].get(j).copied().unwrap_or(true);
                    let spec = array_spec(&f.name, pname, &b.export.args[j].ty, w, j);
                    return quote!(::pykernel::__private::overload_array::<_, _>(&__pk_args.get_item(#j).ok()?, &#spec)?);
                }
                if t.is_shared() {
                    let v = quote!(<#rt as ::pykernel::__private::PyValue>::from_py(&__pk_args.get_item(#j).ok()?).ok()?);
                    let v = types::convert(v, t, &param_tys[j]);
                    // Lists of numbers: the strict pass wants items of the exact kind.
                    let (mut depth, mut item) = (0usize, t);
                    while let Ty::List(inner) = item {
                        depth += 1;
                        item = inner;
                    }
                    return match item.scalar().map(|s| kind(s.dtype)) {
                        Some(k) if depth > 0 => {
                            let k = match k {
                                0 => quote!(Bool),
                                1 => quote!(Int),
                                3 => quote!(Complex),
                                _ => quote!(Float),
                            };
                            quote!({
                                (!strict || ::pykernel::__private::list_fits(&__pk_args.get_item(#j).ok()?, #depth, ::pykernel::__private::ArgKind::#k)).then_some(())?;
                                #v
                            })
                        }
                        _ => v,
                    };
                }
                let kind = match t.scalar().map(|s| kind(s.dtype)) {
                    Some(0) => quote!(Bool),
                    Some(1) => quote!(Int),
                    Some(3) => quote!(Complex),
                    _ => quote!(Float),
                };
                quote!(::pykernel::__private::overload_arg::<#rt>(&__pk_args.get_item(#j).ok()?, ::pykernel::__private::ArgKind::#kind, strict)?)
            })
            .collect();
        let conv = to_python(quote!(__pk_ret), &inst.ret.clone().unwrap_or(Ty::None));
        let (scopes, runner) = call_setup(input, input.program.roots[k]);
        tries.push(quote! {
            if __pk_args.len() == #n {
                let picked = (|| Some((#(#extracts,)*)))();
                if let Some((#(#names,)*)) = picked {
                    #scopes
                    let __pk_ret = ::pykernel::__private::#runner(__pk_py, (#(#names,)*), |(#(#names,)*)| unsafe { __pykernel::#inner(#(#names),*) })?;
                    return #conv;
                }
            }
        });
        let sig: Vec<String> = b.export.args.iter().map(|a| a.ty.to_string()).collect();
        accepted.push(format!("{py_name}({})", sig.join(", ")));
    }
    let doc = python_doc(input.module.functions[first.func].doc.as_deref(), &accepted);
    let f = quote! {
        #(#[doc = #doc])*
        #[#p::pyfunction]
        #[pyo3(crate = "::pykernel::__private::pyo3", name = #py_name, signature = (*__pk_args))]
        #[allow(clippy::all, non_snake_case, dead_code, unused_parens, unused_variables)]
        fn #wrapper<'py>(__pk_py: #p::Python<'py>, __pk_args: &#p::Bound<'py, #p::types::PyTuple>) -> #p::PyResult<#p::Bound<'py, #p::PyAny>> {
            use #p::types::PyTupleMethods as _;
            let __pk_items: ::std::vec::Vec<#p::Bound<'py, #p::PyAny>> = __pk_args.iter().collect();
            let __pk_array_args: &[&#p::Bound<'py, #p::PyAny>] = &__pk_items.iter().collect::<::std::vec::Vec<_>>();
            for strict in [true, false] {
                #(#tries)*
            }
            Err(::pykernel::__private::no_overload(#py_name, __pk_args, &[#(#accepted),*]))
        }
    };
    let reg = quote!(m.add_function(#p::wrap_pyfunction!(#wrapper, m)?)?;);
    (f, reg)
}

/// The `__doc__` of an exported Python function: its docstring, then the signatures it
/// accepts (as Pythran writes them); one `#[doc]` line each, written ` line` as `///`
/// comments are (pyo3 takes one leading space off each).
fn python_doc(doc: Option<&str>, accepted: &[String]) -> Vec<String> {
    let mut out = String::new();
    if let Some(d) = doc.filter(|d| !d.is_empty()) {
        out.push_str(d);
        out.push_str("\n\n");
    }
    out.push_str("Supported prototypes:\n");
    for a in accepted {
        out.push_str("\n- ");
        out.push_str(a);
    }
    out.lines().map(|l| format!(" {l}")).collect()
}

/// A `PyResult<Bound<PyAny>>` expression converting the Rust value `v` of type `t` to
/// the Python object CPython would return (NumPy scalars for NumPy-typed results).
fn to_python(v: TokenStream, t: &Ty) -> TokenStream {
    let p = quote!(::pykernel::__private::pyo3);
    match t {
        Ty::Scalar(s) if !s.py => quote!(::pykernel::__private::numpy_scalar(__pk_py, #v)),
        // Typed: inside a tuple `Ok(..)?` alone leaves the error type to infer.
        Ty::None => quote!(#p::PyResult::Ok({ let _ = #v; __pk_py.None().into_bound(__pk_py) })),
        // Element by element, so that NumPy-typed elements become NumPy scalars.
        Ty::List(inner) => {
            let conv = to_python(quote!(__pk_x), inner);
            quote!({
                let mut __pk_objs: ::std::vec::Vec<#p::Bound<'py, #p::PyAny>> = ::std::vec::Vec::new();
                for __pk_x in (#v).to_vec() {
                    __pk_objs.push(#conv?);
                }
                #p::types::PyList::new(__pk_py, __pk_objs).map(|l| l.into_any())
            })
        }
        Ty::Array(..) => quote!(::pykernel::__private::array_to_py(__pk_py, #v, __pk_array_args)),
        Ty::Optional(inner) => {
            let conv = to_python(quote!(__pk_some), inner);
            quote!(match #v {
                ::core::option::Option::Some(__pk_some) => #conv,
                ::core::option::Option::None => #p::PyResult::Ok(__pk_py.None().into_bound(__pk_py)),
            })
        }
        Ty::Tuple(items) => {
            let names: Vec<Ident> = (0..items.len())
                .map(|k| format_ident!("__pk_r{}", k))
                .collect();
            let parts: Vec<TokenStream> = names
                .iter()
                .zip(items)
                .map(|(n, t)| to_python(quote!(#n), t))
                .collect();
            quote!({
                let (#(#names,)*) = #v;
                let items: ::std::vec::Vec<#p::Bound<'py, #p::PyAny>> = ::std::vec![#(#parts?),*];
                #p::types::PyTuple::new(__pk_py, items).map(|t| t.into_any())
            })
        }
        _ => quote!(#p::IntoPyObjectExt::into_bound_py_any(#v, __pk_py)),
    }
}

/// The `ArraySpec` of an array argument: what its export type requires.
fn array_spec(func: &str, name: &str, t: &ExportType, writes: bool, index: usize) -> TokenStream {
    let (layout, fixed) = match t {
        ExportType::Array {
            dims,
            strided,
            order,
            ..
        } => {
            let layout = if *strided {
                quote!(Any)
            } else if *order == crate::exports::Order::F {
                quote!(F)
            } else {
                quote!(C)
            };
            let fixed: Vec<TokenStream> = dims
                .iter()
                .map(|d| match d {
                    crate::exports::Dim::Fixed(n) => {
                        let n = *n as usize;
                        quote!(Some(#n))
                    }
                    crate::exports::Dim::Any => quote!(None),
                })
                .collect();
            (layout, fixed)
        }
        _ => (quote!(Any), Vec::new()),
    };
    let expected = format!("a {t} array");
    quote!(::pykernel::__private::ArraySpec {
        func: #func,
        name: #name,
        expected: #expected,
        layout: ::pykernel::__private::Layout::#layout,
        fixed: &[#(#fixed),*],
        writes: #writes,
        index: #index,
    })
}

/// How a Python call of instance `inst` runs the kernel (the GIL still held): the
/// depth limit of recursive functions is CPython's `sys.getrecursionlimit()`; and a
/// kernel that polls for Ctrl-C runs interruptibly (`without_gil_interruptible`), any
/// other with the GIL simply released (`without_gil`).
fn call_setup(input: &EmitInput<'_>, inst: usize) -> (TokenStream, Ident) {
    let limit = if input.calls.reaches_recursion(inst) {
        quote!(let __pk_limit = ::pykernel::__private::PythonLimit::new(__pk_py);)
    } else {
        quote!()
    };
    let runner = if input.polls.may_poll(inst) {
        format_ident!("without_gil_interruptible")
    } else {
        format_ident!("without_gil")
    };
    (limit, runner)
}

/// The pyo3 wrapper of a regular export and its registration.
fn python_wrapper(
    b: &BoundExport,
    f: &Function,
    inst: &Instance,
    inner: &Ident,
    writes: &[bool],
    (scopes, runner): (TokenStream, Ident),
) -> (TokenStream, TokenStream) {
    let py_name = &b.export.name;
    let wrapper = format_ident!("__pk_py_{}", b.func);
    let p = quote!(::pykernel::__private::pyo3);
    // Python keyword names are the kernel's parameter names.
    let mut params = Vec::new();
    let mut converts = Vec::new();
    let mut write_backs = Vec::new();
    let mut args = Vec::new();
    let mut array_objs = Vec::new();
    let param_tys = inst.param_types(f);
    for (k, ((((n, _), t), et), pt)) in f
        .params
        .iter()
        .zip(&b.params)
        .zip(&b.export.args)
        .zip(&param_tys)
        .enumerate()
    {
        // The keyword name; the converted value's name is ASCII.
        let id = types::keyword_ident(n);
        if let Ty::Array(..) = t {
            let rt = ty_tokens(t);
            let val = format_ident!("__pk_arg_{}", ident(n));
            let w = writes.get(k).copied().unwrap_or(true);
            let spec = array_spec(&f.name, n, &et.ty, w, array_objs.len());
            params.push(quote!(#id: &#p::Bound<'py, #p::PyAny>));
            converts.push(quote! {
                let #val: #rt = ::pykernel::__private::array_arg(#id, &#spec)?;
            });
            args.push(quote!(#val.clone()));
            array_objs.push(quote!(#id));
        } else if t.is_shared() {
            // Containers arrive as Python objects: converted, and their in-place changes
            // written back after the call (also when the kernel raised, as in CPython).
            // An `int list` the kernel stores floats into is checked as an `int list`,
            // then becomes the float list the kernel works on (and writes back).
            let (rt, prt) = (ty_tokens(t), ty_tokens(pt));
            let val = format_ident!("__pk_arg_{}", ident(n));
            let (fname, expected) = (&f.name, et.ty.to_string());
            let w = writes.get(k).copied().unwrap_or(true);
            params.push(quote!(#id: &#p::Bound<'py, #p::PyAny>));
            converts.push(quote! {
                let #val: #rt = ::pykernel::__private::arg_from_py(#id, #fname, #n, #expected, #w)?;
            });
            if t != pt {
                let widen = types::convert(quote!(#val), t, pt);
                converts.push(quote!(let #val: #prt = #widen;));
            }
            write_backs.push(quote!(::pykernel::__private::PyValue::write_back(&#val, #id)?;));
            args.push(quote!(#val.clone()));
        } else {
            let rt = ty_tokens(t);
            params.push(quote!(#id: #rt));
            args.push(quote!(#id));
        }
    }
    let ret = inst.ret.clone().unwrap_or(Ty::None);
    let conv = to_python(quote!(__pk_ret), &ret);
    // The kernel runs with the GIL released (it never touches Python objects).
    let pats: Vec<Ident> = (0..args.len())
        .map(|k| format_ident!("__pk_a{}", k))
        .collect();
    // The kernel instance itself (the Rust-facing export takes ndarray views instead).
    let run = quote!(::pykernel::__private::#runner(__pk_py, (#(#args,)*), |(#(#pats,)*)| unsafe { __pykernel::#inner(#(#pats),*) }));
    let call = if write_backs.is_empty() {
        quote!(let __pk_ret = #run?;)
    } else {
        quote!(let __pk_ret = #run; #(#write_backs)* let __pk_ret = __pk_ret?;)
    };
    let call = quote!(#scopes #call);
    let sig: Vec<String> = b.export.args.iter().map(|a| a.ty.to_string()).collect();
    let doc = python_doc(
        f.doc.as_deref(),
        &[format!("{py_name}({})", sig.join(", "))],
    );
    let wrapper_fn = quote! {
        #(#[doc = #doc])*
        #[#p::pyfunction]
        #[pyo3(crate = "::pykernel::__private::pyo3", name = #py_name)]
        #[allow(clippy::all, non_snake_case, dead_code, unused_variables, unused_parens)]
        fn #wrapper<'py>(__pk_py: #p::Python<'py>, #(#params),*) -> #p::PyResult<#p::Bound<'py, #p::PyAny>> {
            #(#converts)*
            #call
            let __pk_array_args: &[&#p::Bound<'py, #p::PyAny>] = &[#(#array_objs),*];
            #conv
        }
    };
    let reg = quote! {
        m.add_function(#p::wrap_pyfunction!(#wrapper, m)?)?;
    };
    (wrapper_fn, reg)
}

#[cfg(test)]
mod tests {
    use crate::compile::Config;

    fn code(src: &str) -> String {
        match crate::pipeline::generate(src, "t.py", &Config::new()) {
            Ok(c) => c,
            Err(d) => panic!("{d}"),
        }
    }

    #[test]
    fn generated_code_calls_only_private_runtime_paths() {
        let c = code("#pykernel export f(int, int)\ndef f(a, b):\n    return a // b\n");
        assert!(c.starts_with("// @generated"));
        for line in c.lines().filter(|l| l.contains("::pykernel::")) {
            for seg in line.split("::pykernel::").skip(1) {
                assert!(
                    seg.starts_with("__private") || seg.starts_with("KernelError"),
                    "unexpected path in: {line}"
                );
            }
        }
        assert!(c.contains("floordiv"));
    }

    #[test]
    fn simd_copies_call_their_helpers_copies() {
        // `g`'s AVX-512 copy calls `h`'s (no second dispatch; LLVM may inline it); a
        // helper without whole-array loops has no copies and is called as it is.
        let src = "import numpy as np\n\
                   def h(x, y):\n    return np.sum(x * y)\n\
                   def k(n):\n    return n + 1\n\
                   #pykernel export g(float64[:], int)\n\
                   def g(a, n):\n    return h(a, a + 1.0) + k(n)\n";
        let c = code(src);
        let v4 = c
            .split("unsafe fn __pk_g_")
            .find(|s| s.starts_with("0_v4("))
            .unwrap_or("");
        assert!(v4.contains("use self::__pk_h_1_v4 as __pk_h_1;"), "{c}");
        assert!(!v4.contains("__pk_k_2_v4"), "{c}");
    }

    #[test]
    fn capsules_never_unwind_and_can_be_c_symbols() {
        let src = "#pythran export capsule f(float64)\ndef f(x):\n    return 1 // int(x)\n";
        let c = code(src);
        assert!(
            c.contains("pub unsafe extern \"C\" fn f(x: f64) -> f64"),
            "{c}"
        );
        assert!(c.contains("fail_double"));
        assert!(!c.contains("no_mangle"));
        let mut cfg = Config::new();
        cfg.c_symbols(true);
        let c = crate::pipeline::generate(src, "t.py", &cfg).unwrap();
        assert!(c.contains("#[unsafe(no_mangle)]"));
    }

    #[test]
    fn bounds_checks_are_hoisted_or_can_be_turned_off() {
        let src = "#pykernel export f(float64[:], int)\ndef f(a, k):\n    s = 0.0\n    for i in range(len(a)):\n        s += a[i]\n    return s + a[k]\n";
        let c = code(src);
        // The loop runs unchecked when one check before it passes; `a[k]` stays checked.
        assert!(c.contains("get_unchecked"), "{c}");
        assert!(c.contains(".get([k])?"), "{c}");
        let mut cfg = Config::new();
        cfg.bounds_checks(false);
        let c = crate::pipeline::generate(src, "t.py", &cfg).unwrap();
        assert!(c.contains("get_nocheck([k])"), "{c}");
        assert!(!c.contains(".get(["), "{c}");
    }

    #[test]
    fn slice_assignment_is_fused_with_an_overlap_check() {
        let src = "from numpy.ctypeslib import as_array\n#pythran export capsule g(float64*, int32)\ndef g(p, n):\n    v = as_array(p, (n,))\n    v[1:] = v[:-1] * 2.0\n";
        let c = code(src);
        assert!(c.contains("conflicts"), "{c}");
        assert!(c.contains("assign_buffered"));
        assert!(!c.contains("Vec"), "no temporary array on the fast path");
    }
}
