//! Emission of iteration: `for` over lists, tuples, `enumerate`, `zip`, `reversed`, and
//! comprehensions.
//!
//! Every iterable becomes a *cursor*: statements that start it, and an expression that
//! yields `Some(item)` or `None` when it is exhausted. That composes (`enumerate(zip(..))`)
//! and follows CPython's iterators step by step: a list iterator re-checks the length on
//! every step, `zip` stops at the first exhausted iterator without advancing the others.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::stmt::LoopLabels;
use super::types::{convert, ty_tokens};
use crate::analysis::Fact;
use crate::exports::Dtype;
use crate::infer::value_item;
use crate::ir::{Expr, Generator, IterKind, Iterable, Stmt, Target};
use crate::types::Ty;

/// A started iteration.
pub(crate) struct Cursor {
    /// Statements that evaluate the iterable and set up the state.
    pub init: TokenStream,
    /// An expression giving `Option<item>` (advances the state).
    pub next: TokenStream,
    /// The item type.
    pub item: Ty,
    /// For an array: the test that its stride is 1, and `next` reading it as such.
    pub unit: Option<(TokenStream, TokenStream)>,
}

impl FnEmitter<'_> {
    /// The cursor of an iterable.
    pub(crate) fn cursor(&mut self, it: &Iterable) -> Cursor {
        match &it.kind {
            IterKind::Range { start, stop, step } => {
                self.range_cursor(start.as_ref(), stop, step.as_ref(), false)
            }
            IterKind::Value(e) => self.value_cursor(e, false),
            IterKind::NdIndex(args) => self.ndindex_cursor(args),
            IterKind::Reversed(inner) => match &inner.kind {
                IterKind::Range { start, stop, step } => {
                    self.range_cursor(start.as_ref(), stop, step.as_ref(), true)
                }
                IterKind::Value(e) => self.value_cursor(e, true),
                _ => self.cursor(inner),
            },
            IterKind::Enumerate(inner, start) => {
                let c = self.cursor(inner);
                let count = self.tmp("count");
                let s = match start {
                    Some(s) => self.expr_as(s, Dtype::Int64),
                    None => quote!(0i64),
                };
                let (init, next) = (c.init, c.next);
                Cursor {
                    init: quote!(#init let mut #count: i64 = #s;),
                    next: quote!(match #next {
                        Some(__pk_x) => {
                            let __pk_c = #count;
                            #count = #count.wrapping_add(1);
                            Some((__pk_c, __pk_x))
                        }
                        None => None,
                    }),
                    item: Ty::Tuple(vec![Ty::INT, c.item]),
                    unit: None,
                }
            }
            IterKind::Zip(its) => {
                let cursors: Vec<Cursor> = its.iter().map(|i| self.cursor(i)).collect();
                let inits = cursors.iter().map(|c| &c.init);
                let init = quote!(#(#inits)*);
                let names: Vec<proc_macro2::Ident> =
                    cursors.iter().map(|_| self.tmp("z")).collect();
                // Nested matches: the second iterator advances only if the first had an item.
                let mut next = quote!(Some((#(#names,)*)));
                for (c, n) in cursors.iter().zip(&names).rev() {
                    let cn = &c.next;
                    next = quote!(match #cn { Some(#n) => #next, None => None });
                }
                Cursor {
                    init,
                    next,
                    item: Ty::Tuple(cursors.into_iter().map(|c| c.item).collect()),
                    unit: None,
                }
            }
        }
    }

    /// `np.ndindex(...)`: the index tuples of the shape in C order (the last index
    /// varies fastest), an odometer over the dimensions; nothing when a dimension is 0,
    /// one `()` for the shape `()`.
    fn ndindex_cursor(&mut self, args: &[Expr]) -> Cursor {
        let dims: Vec<TokenStream> = match args {
            [a] if matches!(self.ty(a), Ty::Tuple(_)) => {
                let Ty::Tuple(items) = self.ty(a) else {
                    unreachable!()
                };
                let v = self.expr(a);
                let t = self.tmp("shape");
                let parts: Vec<TokenStream> = (0..items.len())
                    .map(|k| {
                        let k = syn::Index::from(k);
                        quote!(#t.#k as i64)
                    })
                    .collect();
                let ts = ty_tokens(&self.ty(a));
                return self.ndindex_from(quote!({ let #t: #ts = #v; [#(#parts),*] }), parts.len());
            }
            _ => args.iter().map(|a| self.expr_as(a, Dtype::Int64)).collect(),
        };
        let n = dims.len();
        self.ndindex_from(quote!([#(#dims),*]), n)
    }

    fn ndindex_from(&mut self, dims: TokenStream, n: usize) -> Cursor {
        let (shape, ix, done) = (self.tmp("nds"), self.tmp("ndi"), self.tmp("ndd"));
        let items: Vec<TokenStream> = (0..n).map(|k| quote!(#ix[#k])).collect();
        let init = quote! {
            let #shape: [i64; #n] = #dims;
            let mut #done: bool = ::pykernel::__private::ndindex_empty(&#shape)?;
            #[allow(unused_mut)]
            let mut #ix: [i64; #n] = [0i64; #n];
        };
        let next = quote!(if #done {
            None
        } else {
            let __pk_v = (#(#items,)*);
            let mut __pk_ax = #n;
            loop {
                if __pk_ax == 0 {
                    #done = true;
                    break;
                }
                __pk_ax -= 1;
                #ix[__pk_ax] += 1;
                if #ix[__pk_ax] < #shape[__pk_ax] {
                    break;
                }
                #ix[__pk_ax] = 0;
            }
            Some(__pk_v)
        });
        Cursor {
            init,
            next,
            item: Ty::Tuple(vec![Ty::INT; n]),
            unit: None,
        }
    }

    fn range_cursor(
        &mut self,
        start: Option<&Expr>,
        stop: &Expr,
        step: Option<&Expr>,
        reversed: bool,
    ) -> Cursor {
        let (lo, hi, st, n, k) = (
            self.tmp("lo"),
            self.tmp("hi"),
            self.tmp("st"),
            self.tmp("n"),
            self.tmp("k"),
        );
        let start_v = match start {
            Some(s) => self.expr_as(s, Dtype::Int64),
            None => quote!(0i64),
        };
        let stop_v = self.expr_as(stop, Dtype::Int64);
        let step_v = match step {
            Some(s) => self.expr_as(s, Dtype::Int64),
            None => quote!(1i64),
        };
        let init = quote! {
            let #lo: i64 = #start_v;
            let #hi: i64 = #stop_v;
            let #st: i64 = #step_v;
            let #n = ::pykernel::__private::range_len(#lo, #hi, #st)?;
        };
        let at = quote!(#lo.wrapping_add((#k as i64).wrapping_mul(#st)));
        let (init, next) = if reversed {
            (
                quote!(#init let mut #k: u64 = #n;),
                quote!(if #k > 0 { #k -= 1; Some(#at) } else { None }),
            )
        } else {
            (
                quote!(#init let mut #k: u64 = 0;),
                quote!(if #k < #n { let __pk_v = #at; #k += 1; Some(__pk_v) } else { None }),
            )
        };
        Cursor {
            init,
            next,
            item: Ty::INT,
            unit: None,
        }
    }

    /// Iterating over a value: a list (re-checking its length each step), a tuple (its
    /// items converted to one type), a 1-D view.
    pub(crate) fn value_cursor(&mut self, e: &Expr, reversed: bool) -> Cursor {
        let t = self.ty(e);
        let item = value_item(&t).unwrap_or(Ty::None);
        let (v, k) = (self.tmp("it"), self.tmp("k"));
        let val = self.expr(e);
        match &t {
            Ty::List(_) if reversed => Cursor {
                init: quote!(let #v = #val; let mut #k: i64 = #v.len_i64() - 1;),
                next: quote!(if #k >= 0 && (#k as usize) < #v.len() {
                    let __pk_x = #v.item(#k as usize);
                    #k -= 1;
                    __pk_x
                } else {
                    None
                }),
                item,
                unit: None,
            },
            Ty::List(_) => Cursor {
                init: quote!(let #v = #val; let mut #k: usize = 0;),
                next: quote!({ let __pk_x = #v.item(#k); #k += 1; __pk_x }),
                item,
                unit: None,
            },
            Ty::Tuple(items) => {
                let tv = self.tmp("tuple");
                let mut parts: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(j, it)| {
                        let j = syn::Index::from(j);
                        convert(quote!(#tv.#j), it, &item)
                    })
                    .collect();
                if reversed {
                    parts.reverse();
                }
                let n = parts.len();
                let it_ty = ty_tokens(&item);
                Cursor {
                    init: quote! {
                        let #tv = #val;
                        let #v: [#it_ty; #n] = [#(#parts),*];
                        let mut #k: usize = 0;
                    },
                    next: quote!({ let __pk_x = #v.get(#k).cloned(); #k += 1; __pk_x }),
                    item,
                    unit: None,
                }
            }
            Ty::Array(_, n) => {
                // In range by the cursor's own test (`k < len`), and the array variable
                // never changes length.
                let read = if *n == 1 {
                    quote!(#v.get_unchecked([#k as i64]))
                } else {
                    quote!(#v.sub(#k as i64)?)
                };
                let unit = (*n == 1).then(|| {
                    (
                        quote!(#v.unit_inner()),
                        quote!(if (#k as i64) < #v.len_i64() {
                            let __pk_x = #v.get_unit([#k as i64]);
                            #k += 1;
                            Some(__pk_x)
                        } else {
                            None
                        }),
                    )
                });
                Cursor {
                    init: quote!(let #v = #val; let mut #k: usize = 0;),
                    next: quote!(if (#k as i64) < #v.len_i64() {
                        let __pk_x = #read;
                        #k += 1;
                        Some(__pk_x)
                    } else {
                        None
                    }),
                    item,
                    unit,
                }
            }
            Ty::View(_) => Cursor {
                init: quote!(let #v = #val; let mut #k: usize = 0;),
                next: quote!(if #k < #v.len() {
                    let __pk_x = #v.get(#k as i64)?;
                    #k += 1;
                    Some(__pk_x)
                } else {
                    None
                }),
                item,
                unit: None,
            },
            _ => Cursor {
                init: quote!(let _ = #val;),
                next: quote!(None::<()>),
                item: Ty::None,
                unit: None,
            },
        }
    }

    /// `for target in iter: body else: orelse` (anything but a plain range loop), versioned
    /// on the bounds analysis' checks (`for i, x in enumerate(a)`, `for x in a` with a
    /// counter, `zip`).
    pub(crate) fn for_each(
        &mut self,
        target: &Target,
        iter: &Iterable,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> TokenStream {
        let c = self.cursor(iter);
        let version = match iter.exprs().first() {
            Some(k) => self.loop_guard(k.id, &super::guards::Header::default()),
            None => None,
        };
        self.push_loop();
        let bind = self.store_value(target, quote!(__pk_item), &c.item);
        let set = self.mark_assigned(target.names());
        let bind = quote!(#bind #set);
        let fast = version
            .as_ref()
            .map(|(_, keys)| self.with_proven(keys, |em| em.block(body)));
        // The copy for unit innermost strides: the iterated array's and the body's.
        let keys: Vec<Fact> = version
            .iter()
            .flat_map(|(_, k)| k.iter().copied())
            .collect();
        let body_unit = iter
            .exprs()
            .first()
            .and_then(|k| self.unit_plan(k.id, &keys));
        let unit = match (&c.unit, &body_unit) {
            (None, None) => None,
            (cu, bu) => {
                let tests: Vec<&TokenStream> = cu
                    .iter()
                    .map(|(t, _)| t)
                    .chain(bu.iter().map(|(t, _)| t))
                    .collect();
                let names = bu.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
                let ub = self.with_unit(&names, |em| em.with_proven(&keys, |em| em.block(body)));
                let next = cu.as_ref().map_or(c.next.clone(), |(_, n)| n.clone());
                Some((quote!((#(#tests)&&*)), next, ub))
            }
        };
        let b = self.block(body);
        let LoopLabels { cont, brk } = self.pop_loop();
        let e = self.block(orelse);
        let (init, next) = (c.init, c.next);
        let poll = self.iteration_poll(body);
        let lp = |next: &TokenStream, b: &TokenStream| {
            quote! {
                #cont: loop {
                    #poll
                    let __pk_item = match #next { Some(__pk_x) => __pk_x, None => break #cont };
                    #bind
                    #b
                }
            }
        };
        let fast_loop = |fb: &TokenStream| match &unit {
            Some((test, unext, ub)) => {
                let u = lp(unext, ub);
                let f = lp(&next, fb);
                quote!(if #test { #u } else { #f })
            }
            None => lp(&next, fb),
        };
        let body_loop = match (&version, &fast) {
            (Some((cond, _)), Some(fb)) => {
                super::loops::versioned(cond, &fast_loop(fb), &lp(&next, &b))
            }
            _ => fast_loop(&b),
        };
        quote! {
            #brk: {
                #init
                #body_loop
                #e
            }
        }
    }

    /// `[elt for ... in ... if ...]`: nested cursor loops pushing into a new list.
    pub(crate) fn list_comp(&mut self, elt: &Expr, gens: &[Generator], ty: &Ty) -> TokenStream {
        let elem = match ty {
            Ty::List(e) => (**e).clone(),
            _ => Ty::None,
        };
        let out = self.tmp("out");
        let loops = self.comp_loops(elt, gens, &elem, |_| quote!(#out.push(__pk_x);));
        let et = ty_tokens(&elem);
        quote!({
            let mut #out: ::std::vec::Vec<#et> = ::std::vec::Vec::new();
            #loops
            ::pykernel::__private::List::from_vec(#out)
        })
    }

    /// The nested loops of a comprehension, running `step(label)` with each item (of type
    /// `elem`) in `__pk_x`; `break label` leaves them all (a generator consumed lazily by
    /// `any`/`all` stops there).
    pub(crate) fn comp_loops(
        &mut self,
        elt: &Expr,
        gens: &[Generator],
        elem: &Ty,
        step: impl FnOnce(&syn::Lifetime) -> TokenStream,
    ) -> TokenStream {
        let done = self.loop_label();
        let step = step(&done);
        let et = self.ty(elt);
        let ev = self.expr(elt);
        let ev = convert(ev, &et, elem);
        let mut inner = quote!({ let __pk_x = #ev; #step });
        // Built inside out; each level's expressions are emitted in source order first.
        let mut levels = Vec::new();
        for g in gens {
            let c = self.cursor(&g.iter);
            let bind = self.store_value(&g.target, quote!(__pk_item), &c.item);
            let conds: Vec<TokenStream> = g.conds.iter().map(|c| self.cond(c)).collect();
            let label = self.loop_label();
            levels.push((c, bind, conds, label));
        }
        for (c, bind, conds, label) in levels.into_iter().rev() {
            let (init, next) = (c.init, c.next);
            let body = if conds.is_empty() {
                inner
            } else {
                quote!(if #(#conds)&&* { #inner })
            };
            inner = quote! {
                #init
                #label: loop {
                    let __pk_item = match #next { Some(__pk_x) => __pk_x, None => break #label };
                    #bind
                    #body
                }
            };
        }
        quote!(#done: { #inner })
    }
}
