//! Emission of list expressions, list methods, builtins over iterables, and equality and
//! membership of containers.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::expr::{Mode, binary, compare_pair};
use super::types::{convert, truthy, ty_tokens};
use crate::exports::Dtype;
use crate::infer::value_item;
use crate::ir::{BinOp, Builtin, CmpOp, Expr, ExprKind};
use crate::types::{Scalar, Ty, join};

/// The local holding the element buffer of list local `name` (`taking_list_bufs`).
fn list_buf_ident(name: &str) -> proc_macro2::Ident {
    quote::format_ident!("__pk_lb_{}", name)
}

fn private() -> TokenStream {
    quote!(::pykernel::__private)
}

impl FnEmitter<'_> {
    /// `e` where it is only read through (`a[i]`, `a.append(x)`, `len(a)`): a local list is
    /// used in place, without taking another reference.
    pub(crate) fn place(&mut self, e: &Expr) -> TokenStream {
        if let ExprKind::Local(name) = &e.kind {
            let id = super::types::ident(name);
            return match self.bound_check(name, e.span) {
                check if check.is_empty() => quote!(#id),
                // Borrowed, not moved out of the variable (views are `Copy`).
                check if matches!(self.ty(e), Ty::Array(..)) => quote!({ #check #id }),
                check => quote!({ #check &#id }),
            };
        }
        self.expr(e)
    }

    /// [`Self::place`] of a list, where the rest of the expression using it cannot
    /// change any list: an element of a list of lists (`a[i]` in `a[i][j]`) is borrowed
    /// in place (`row`), through every level of a chain whose indices are calm.
    pub(crate) fn list_place(&mut self, e: &Expr) -> TokenStream {
        if let ExprKind::Index(b, i) = &e.kind
            && matches!(self.ty(b), Ty::List(_))
            && matches!(self.ty(e), Ty::List(_))
            && crate::arrayexpr::calm(i)
        {
            let bt = self.list_place(b);
            let it = self.expr_as(i, Dtype::Int64);
            return if self.in_bounds(i.id) {
                quote!((#bt).row_unchecked(#it))
            } else {
                quote!((#bt).row(#it)?)
            };
        }
        self.list_recv(e)
    }

    /// A list `e` as the receiver of an element access (`a[i]`, `a[i] = v`,
    /// `a[i] += v`): the element buffer an enclosing loop took (`analysis/lists.rs`)
    /// when `e` is such a local, else [`Self::place`].
    pub(crate) fn list_recv(&mut self, e: &Expr) -> TokenStream {
        if let ExprKind::Local(name) = &e.kind
            && self.list_bufs.contains(name)
        {
            let b = list_buf_ident(name);
            return match self.bound_check(name, e.span) {
                check if check.is_empty() => quote!(#b),
                check => quote!({ #check #b }),
            };
        }
        self.place(e)
    }

    /// Emits loop statement `s` (by `f`): when the analysis has it take the element
    /// buffers of lists, they are taken before it and read in it.
    pub(crate) fn taking_list_bufs(
        &mut self,
        s: &crate::ir::Stmt,
        f: impl FnOnce(&mut Self) -> TokenStream,
    ) -> TokenStream {
        let Some(names) = crate::analysis::loop_key(s).and_then(|k| self.plans.lists.get(&k))
        else {
            return f(self);
        };
        let names = names.clone();
        let takes: Vec<TokenStream> = names
            .iter()
            .map(|n| {
                let (l, b) = (super::types::ident(n), list_buf_ident(n));
                quote!(let #b = #l.buf();)
            })
            .collect();
        let saved = self.list_bufs.clone();
        self.list_bufs.extend(names);
        let body = f(self);
        self.list_bufs = saved;
        quote!({ #(#takes)* #body })
    }

    /// `e` converted to type `to`; new lists (literals, comprehensions, `[x] * n`) are
    /// built with `to`'s element type directly instead of being copied.
    pub(crate) fn expr_to(&mut self, e: &Expr, to: &Ty) -> TokenStream {
        let from = self.ty(e);
        if from == *to {
            return self.expr(e);
        }
        match (&e.kind, to) {
            (ExprKind::List(items), Ty::List(_)) => self.list_literal(items, to),
            (ExprKind::Binary(BinOp::Mul, l, r), Ty::List(_))
                if matches!(l.kind, ExprKind::List(_)) || matches!(r.kind, ExprKind::List(_)) =>
            {
                self.list_binary(BinOp::Mul, l, r, to)
            }
            _ => {
                let v = self.expr(e);
                convert(v, &from, to)
            }
        }
    }

    /// `[a, b, c]` as a list of type `ty`.
    pub(crate) fn list_literal(&mut self, items: &[Expr], ty: &Ty) -> TokenStream {
        let elem = list_elem(ty);
        let parts: Vec<TokenStream> = items.iter().map(|i| self.expr_to(i, &elem)).collect();
        let p = private();
        // The items give the type; spelling it at every level of `[[[...]]]` would
        // make the generated code quadratic in the nesting.
        if parts.is_empty() {
            let et = ty_tokens(&elem);
            return quote!(#p::List::<#et>::from_vec(::std::vec::Vec::new()));
        }
        quote!(#p::List::from_vec(::std::vec::Vec::from([#(#parts),*])))
    }

    /// `a + b` (a new list) and `a * n` / `n * a`.
    pub(crate) fn list_binary(&mut self, op: BinOp, l: &Expr, r: &Expr, ty: &Ty) -> TokenStream {
        let p = private();
        let elem = list_elem(ty);
        match op {
            BinOp::Add => {
                let (lv, rv) = (self.expr_to(l, ty), self.expr_to(r, ty));
                quote!((#lv).concat(&#rv))
            }
            _ => {
                let (list, n) = if self.ty(l).has_list() {
                    (l, r)
                } else {
                    (r, l)
                };
                let n_v = self.expr_as(n, Dtype::Int64);
                if let ExprKind::List(items) = &list.kind {
                    let parts: Vec<TokenStream> =
                        items.iter().map(|i| self.expr_to(i, &elem)).collect();
                    let et = ty_tokens(&elem);
                    // Python evaluates the list before the count.
                    return quote!({
                        let __pk_items: ::std::vec::Vec<#et> = ::std::vec::Vec::from([#(#parts),*]);
                        #p::List::repeat_vec(__pk_items, #n_v)
                    });
                }
                let lv = self.expr_to(list, ty);
                quote!({ let __pk_l = #lv; __pk_l.repeat(#n_v) })
            }
        }
    }

    /// `recv.name(args)` on a list.
    pub(crate) fn method(&mut self, recv: &Expr, name: &str, args: &[Expr]) -> TokenStream {
        let rt = self.ty(recv);
        if let Ty::Scalar(s) = rt {
            return self.number_method(recv, s, name);
        }
        if let Ty::Array(d, _) = rt {
            let r = self.place(recv);
            return match name {
                "transpose" => {
                    let b = self.expr(recv);
                    quote!(#b.t())
                }
                "flatten" => quote!((#r).flatten()),
                "fill" => {
                    let vt = self.ty(&args[0]);
                    let v = self.expr(&args[0]);
                    self.array_fill(quote!((#r)), d, v, &vt)
                }
                _ => quote!((#r).copy()),
            };
        }
        let elem = list_elem(&rt);
        let r = self.place(recv);
        let arg = |this: &mut Self, k: usize| this.expr_to(&args[k], &elem);
        match name {
            "append" => {
                let v = arg(self, 0);
                quote!((#r).push(#v))
            }
            "insert" => {
                let i = self.expr_as(&args[0], Dtype::Int64);
                let v = arg(self, 1);
                quote!((#r).insert(#i, #v))
            }
            "extend" => {
                let other = self.as_list(&args[0], &rt);
                quote!((#r).extend(&#other))
            }
            "pop" => match args.first() {
                Some(i) => {
                    let i = self.expr_as(i, Dtype::Int64);
                    quote!((#r).pop(Some(#i))?)
                }
                None => quote!((#r).pop(None)?),
            },
            "reverse" => quote!((#r).reverse()),
            "clear" => quote!((#r).clear()),
            "copy" => quote!((#r).copy()),
            "sort" => {
                let rev = match args.first() {
                    Some(a) => self.cond(a),
                    None => quote!(false),
                };
                quote!((#r).sort(#rev))
            }
            "index" | "count" => {
                let x = self.tmp("x");
                let xt = self.ty(&args[0]);
                let xv = self.expr(&args[0]);
                let test = self.equal(quote!(__pk_e), &elem, quote!(#x), &xt);
                let m = if name == "index" {
                    quote!(index_by)
                } else {
                    quote!(count_by)
                };
                let q = if name == "index" { quote!(?) } else { quote!() };
                quote!({ let #x = #xv; (#r).#m(|__pk_e| { let __pk_e = __pk_e.clone(); #test })#q })
            }
            _ => quote!(()),
        }
    }

    /// `e` (a list or a tuple) as a list of type `to`.
    fn as_list(&mut self, e: &Expr, to: &Ty) -> TokenStream {
        let t = self.ty(e);
        if let Ty::Tuple(items) = &t {
            let elem = list_elem(to);
            let tv = self.tmp("t");
            let v = self.expr(e);
            let parts: Vec<TokenStream> = items
                .iter()
                .enumerate()
                .map(|(k, it)| {
                    let k = syn::Index::from(k);
                    convert(quote!(#tv.#k), it, &elem)
                })
                .collect();
            let p = private();
            return quote!({ let #tv = #v; #p::List::from_vec(::std::vec::Vec::from([#(#parts),*])) });
        }
        self.expr_to(e, to)
    }

    /// `x in c` for a list or tuple `c`.
    pub(crate) fn contains(
        &mut self,
        xv: TokenStream,
        xt: &Ty,
        cv: TokenStream,
        ct: &Ty,
    ) -> TokenStream {
        let x = self.tmp("x");
        match ct {
            Ty::Tuple(items) => {
                let tv = self.tmp("t");
                let tests: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(k, it)| {
                        let k = syn::Index::from(k);
                        self.equal(quote!(#x), xt, quote!(#tv.#k.clone()), it)
                    })
                    .collect();
                if tests.is_empty() {
                    return quote!({ let _ = (#xv, #cv); false });
                }
                quote!({ let #x = #xv; let #tv = #cv; #(#tests)||* })
            }
            _ => {
                let elem = value_item(ct).unwrap_or(Ty::None);
                let test = self.equal(quote!(__pk_e), &elem, quote!(#x.clone()), xt);
                quote!({ let #x = #xv; (#cv).contains_by(|__pk_e| { let __pk_e = __pk_e.clone(); #test }) })
            }
        }
    }

    /// `l == r` for values of types `lt` and `rt` (numbers compare across types).
    pub(crate) fn equal(
        &mut self,
        lv: TokenStream,
        lt: &Ty,
        rv: TokenStream,
        rt: &Ty,
    ) -> TokenStream {
        match (lt, rt) {
            (Ty::Scalar(a), Ty::Scalar(b)) => compare_pair(CmpOp::Eq, lv, *a, rv, *b),
            (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() => {
                let (a, b) = (self.tmp("a"), self.tmp("b"));
                let tests: Vec<TokenStream> = xs
                    .iter()
                    .zip(ys)
                    .enumerate()
                    .map(|(k, (x, y))| {
                        let k = syn::Index::from(k);
                        self.equal(quote!(#a.#k.clone()), x, quote!(#b.#k.clone()), y)
                    })
                    .collect();
                quote!({ let #a = #lv; let #b = #rv; true #(&& #tests)* })
            }
            (Ty::List(_), Ty::List(_)) => {
                let common = join(lt, rt).unwrap_or_else(|| lt.clone());
                let (l, r) = (convert(lv, lt, &common), convert(rv, rt, &common));
                quote!((#l).equals(&#r))
            }
            // Different shapes (a tuple and a list, an int and a tuple) are never equal.
            _ => quote!({ let _ = (#lv, #rv); false }),
        }
    }

    /// `sum`, `min`/`max` of an iterable, `sorted`, `list`, `any`, `all`, `len`.
    pub(crate) fn iterable_builtin(&mut self, b: Builtin, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = private();
        let Some(first) = args.first() else {
            if b == Builtin::Tuple {
                return quote!(());
            }
            // `list()`: inference refuses the others without an argument.
            let et = ty_tokens(&list_elem(ty));
            return quote!(#p::List::<#et>::from_vec(::std::vec::Vec::new()));
        };
        let at = self.ty(first);
        match b {
            Builtin::Tuple => {
                let v = self.expr(first);
                let Ty::Tuple(items) = ty else {
                    return v;
                };
                if let Ty::Tuple(_) = at {
                    return v;
                }
                // A generator expression over tuples: inference checked that it yields
                // exactly `items.len()` items.
                let parts = items
                    .iter()
                    .map(|_| quote!(__pk_it.next().expect("tuple(...): as many items as typed")));
                quote!({
                    let mut __pk_it = (#v).to_vec().into_iter();
                    (#(#parts,)*)
                })
            }
            Builtin::Len => match &at {
                Ty::Tuple(items) => {
                    let n = items.len() as i64;
                    let v = self.expr(&args[0]);
                    quote!({ let _ = #v; #n })
                }
                _ => {
                    let v = self.place(&args[0]);
                    quote!((#v).len_i64())
                }
            },
            Builtin::List => match args.first() {
                None => quote!(#p::List::new()),
                Some(a) if matches!(a.kind, ExprKind::ListComp(..)) => self.expr_to(a, ty),
                Some(a) if matches!(at, Ty::List(_)) => {
                    let v = self.place(a);
                    convert(quote!((#v).copy()), &at, ty)
                }
                Some(a) => self.as_list(a, ty),
            },
            Builtin::Sorted => {
                let rev = match args.get(1) {
                    Some(r) => self.cond(r),
                    None => quote!(false),
                };
                let l = if matches!(at, Ty::List(_)) {
                    self.place(&args[0])
                } else {
                    self.as_list(&args[0], ty)
                };
                quote!((#l).sorted(#rev))
            }
            Builtin::Sum => {
                let res = ty.scalar().unwrap_or(Scalar::INT);
                let start = match args.get(1) {
                    Some(s) => self.expr_as(s, res.dtype),
                    None => super::types::cast(quote!(0i64), Dtype::Int64, res.dtype),
                };
                let Some(item) = value_item(&at).and_then(|t| t.scalar()) else {
                    // Items of no type (`sum([])`, `sum(list())`): the list is empty.
                    let v = self.expr(&args[0]);
                    return quote!({ let _ = #v; #start });
                };
                let acc = self.tmp("acc");
                let add = binary(
                    BinOp::Add,
                    quote!(#acc),
                    res,
                    quote!(__pk_x),
                    item,
                    res,
                    Mode::Python,
                );
                self.fold(
                    &args[0],
                    quote!(let mut #acc = #start;),
                    |_| quote!(#acc = #add;),
                    quote!(#acc),
                )
            }
            Builtin::Min | Builtin::Max => {
                let m = self.tmp("m");
                let better = if b == Builtin::Min {
                    quote!(__pk_x < *__pk_cur)
                } else {
                    quote!(__pk_x > *__pk_cur)
                };
                let msg = format!(
                    "{}() arg is an empty sequence",
                    crate::infer::builtin_name(b)
                );
                let item_ty = ty_tokens(ty);
                self.fold(
                    &args[0],
                    quote!(let mut #m: ::core::option::Option<#item_ty> = None;),
                    // Python keeps the first of equal (or unordered) values.
                    |_| {
                        quote! {
                            let __pk_take = match &#m { Some(__pk_cur) => #better, None => true };
                            if __pk_take { #m = Some(__pk_x); }
                        }
                    },
                    quote!(match #m {
                        Some(__pk_v) => __pk_v,
                        None => Err(#p::error(#p::ErrorKind::Value, #msg))?,
                    }),
                )
            }
            Builtin::Any | Builtin::All if matches!(value_item(&at), Some(Ty::Unknown)) => {
                // Items of no type (`any([])`): the list is empty.
                let v = self.expr(first);
                let empty = b == Builtin::All;
                quote!({ let _ = #v; #empty })
            }
            Builtin::Any | Builtin::All => {
                let item = value_item(&at)
                    .and_then(|t| t.scalar())
                    .unwrap_or(Scalar::BOOL);
                let t = truthy(quote!(__pk_x), item.dtype);
                let found = self.tmp("found");
                let (start, test) = if b == Builtin::Any {
                    (quote!(false), t)
                } else {
                    (quote!(true), quote!(!#t))
                };
                let stop = if b == Builtin::Any {
                    quote!(true)
                } else {
                    quote!(false)
                };
                self.fold(
                    &args[0],
                    quote!(let mut #found = #start;),
                    |l| quote!(if #test { #found = #stop; break #l; }),
                    quote!(#found),
                )
            }
            _ => quote!(()),
        }
    }

    /// Runs `step(label)` (which reads `__pk_x`, and may `break label`) for every item of
    /// the iterable value `e`.
    fn fold(
        &mut self,
        e: &Expr,
        init: TokenStream,
        step: impl FnOnce(&syn::Lifetime) -> TokenStream,
        result: TokenStream,
    ) -> TokenStream {
        // A generator expression is consumed as it runs (no list; `any`/`all` stop early).
        if let ExprKind::ListComp(elt, gens, true) = &e.kind {
            let elem = list_elem(&self.ty(e));
            let loops = self.comp_loops(elt, gens, &elem, step);
            return quote!({ #init #loops #result });
        }
        let c = self.value_cursor(e, false);
        let label = self.loop_label();
        let step = step(&label);
        let (ci, next) = (c.init, c.next);
        quote!({
            #init
            #ci
            #label: loop {
                let __pk_x = match #next { Some(__pk_x) => __pk_x, None => break #label };
                #step
            }
            #result
        })
    }

    /// `a[i] = v` on a list.
    pub(crate) fn list_store(
        &mut self,
        base: &Expr,
        index: &Expr,
        v: TokenStream,
        vt: &Ty,
    ) -> TokenStream {
        let elem = list_elem(&self.ty(base));
        // `a[i][j] = v` on a list of lists of numbers: the row is not taken out.
        if let ExprKind::Index(outer, row) = &base.kind
            && let Ty::List(rows) = self.ty(outer)
            && matches!(rows.as_ref(), Ty::List(item) if item.scalar().is_some())
            && !self.in_bounds(index.id)
        {
            let a = self.place(outer);
            let i = self.expr_as(row, Dtype::Int64);
            let j = self.expr_as(index, Dtype::Int64);
            let v = convert(v, vt, &elem);
            return quote!((#a).set2(#i, #j, #v)?;);
        }
        let b = self.list_recv(base);
        let i = self.expr_as(index, Dtype::Int64);
        let v = convert(v, vt, &elem);
        if self.in_bounds(index.id) {
            return quote!((#b).set_unchecked(#i, #v););
        }
        quote!((#b).set(#i, #v)?;)
    }

    /// `a[lo:hi:st] = b` on a list.
    pub(crate) fn list_slice_assign(
        &mut self,
        base: &Expr,
        parts: [Option<&Expr>; 3],
        value: &Expr,
    ) -> TokenStream {
        let bt = self.ty(base);
        // Python evaluates the value first, then the target's parts.
        let val = self.tmp("val");
        let v = self.as_list(value, &bt);
        let b = self.place(base);
        let parts = parts.map(|p| self.slice_bound(p));
        quote!({ let #val = #v; (#b).set_slice(#(#parts),*, &#val)?; })
    }
}

/// The element type of a list type.
pub(crate) fn list_elem(t: &Ty) -> Ty {
    match t {
        Ty::List(e) => (**e).clone(),
        _ => Ty::Unknown,
    }
}
