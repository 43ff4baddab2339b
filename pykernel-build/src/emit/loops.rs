//! Emission of `range` and `while` loops, versioned on the bounds analysis' checks.
//!
//! A loop whose plan (`crate::analysis`) has checks not proven by an enclosing loop is
//! printed twice: `if checks { fast } else { cold_path(); slow }` (`versioned`). The fast
//! copy indexes the proven accesses without checks (and may run on slices, `lanes.rs`);
//! the slow copy is the ordinary checked loop, in which inner loops version again on
//! their own checks. Results never depend on the path taken.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::guards::Header;
use super::stmt::LoopLabels;
use super::types::{cast, ident};
use crate::analysis::Fact;
use crate::exports::Dtype;
use crate::ir::{Expr, ExprId, ExprKind, Stmt};
use crate::types::{Scalar, Ty};

/// The two copies of a versioned loop: `fast` (unchecked) when the one check before the
/// loop passes, else `slow` (checked, and marked cold so that LLVM keeps the fast copy's
/// values in registers). No condition: the facts hold anyway, only `fast` is needed.
pub(crate) fn versioned(
    cond: &Option<TokenStream>,
    fast: &TokenStream,
    slow: &TokenStream,
) -> TokenStream {
    match cond {
        Some(cond) => quote!(if #cond { #fast } else { ::pykernel::__private::cold_path(); #slow }),
        None => fast.clone(),
    }
}

/// A `range` loop's literal step (1 when absent; `None` for a run-time step).
fn literal_step(step: Option<&Expr>) -> Option<i64> {
    match step.map(|s| &s.kind) {
        None => Some(1),
        Some(ExprKind::Int(k)) if *k != 0 => Some(*k),
        _ => None,
    }
}

impl FnEmitter<'_> {
    /// Runs `f` with the facts `facts` proven (accesses emitted without bounds checks,
    /// divisions without zero checks).
    pub(crate) fn with_proven<R>(&mut self, facts: &[Fact], f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.proven.clone();
        self.proven.extend(facts.iter().copied());
        let r = f(self);
        self.proven = saved;
        r
    }

    /// The unit-stride copy of innermost loop `key` (`analysis/strides.rs`): the arrays
    /// whose element accesses in it are all proven in bounds (here or by `extra`), and
    /// the test that their innermost strides are 1.
    pub(crate) fn unit_plan(
        &self,
        key: crate::analysis::LoopKey,
        extra: &[Fact],
    ) -> Option<(TokenStream, Vec<String>)> {
        let cands = self.plans.unit.get(&key)?;
        let names: Vec<String> = cands
            .iter()
            .filter(|(_, ids)| {
                ids.iter()
                    .all(|id| self.in_bounds(*id) || extra.contains(&Fact::InBounds(*id)))
            })
            .map(|(n, _)| n.clone())
            .collect();
        if names.is_empty() {
            return None;
        }
        let tests: Vec<TokenStream> = names
            .iter()
            .map(|n| {
                let a = ident(n);
                quote!(#a.unit_inner())
            })
            .collect();
        Some((quote!((#(#tests)&&*)), names))
    }

    /// Runs `f` with the arrays `names` known to have unit innermost strides.
    pub(crate) fn with_unit<R>(&mut self, names: &[String], f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.unit.clone();
        self.unit.extend(names.iter().cloned());
        let r = f(self);
        self.unit = saved;
        r
    }

    /// `for var in [reversed(]range(start, stop, step)[)]: body else: orelse`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn for_range(
        &mut self,
        var: &str,
        start: Option<&Expr>,
        stop: &Expr,
        step: Option<&Expr>,
        body: &[Stmt],
        orelse: &[Stmt],
        reversed: bool,
    ) -> TokenStream {
        let var_ty = self
            .inst
            .locals
            .get(var)
            .and_then(Ty::scalar)
            .unwrap_or(Scalar::INT);
        let v = ident(var);
        let (lo, hi, st) = (self.tmp("start"), self.tmp("stop"), self.tmp("step"));
        let start_v = match start {
            Some(s) => self.expr_as(s, Dtype::Int64),
            None => quote!(0i64),
        };
        let stop_v = self.expr_as(stop, Dtype::Int64);
        let step_v = step.map(|s| self.expr_as(s, Dtype::Int64));
        let lit = if reversed { None } else { literal_step(step) };
        let header = Header {
            start: Some(&lo),
            stop: Some(&hi),
            step: step_v.as_ref().map(|_| &st),
        };
        let version = self.loop_guard(stop.id, &header);
        // An empty range runs nothing: no need for the checked copy.
        let version = version.map(|(cond, keys)| {
            let cond = cond.map(|cond| match literal_step(step) {
                Some(k) if k > 0 => quote!((#lo >= #hi || #cond)),
                Some(_) => quote!((#lo <= #hi || #cond)),
                None => cond,
            });
            (cond, keys)
        });
        // Innermost unit-step loops whose accesses are all proven may run on slices.
        let proven: Vec<Fact> = self
            .proven
            .iter()
            .copied()
            .chain(version.iter().flat_map(|(_, k)| k.iter().copied()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let in_bounds: Vec<ExprId> = proven
            .iter()
            .filter_map(|f| match f {
                Fact::InBounds(k) => Some(*k),
                _ => None,
            })
            .collect();
        // (Not when a read in them needs its "assigned" check.)
        let lanes = match lit {
            Some(1) if !self.reads_maybe_unbound(body) => {
                self.lane_plan(var, body, orelse, &lo, &hi, &in_bounds)
            }
            _ => None,
        };
        self.push_loop();
        let fast = version
            .as_ref()
            .map(|(_, keys)| self.with_proven(keys, |em| em.block(body)));
        // The copy for unit innermost strides (not when the loop runs on lanes).
        let keys: Vec<Fact> = version
            .iter()
            .flat_map(|(_, k)| k.iter().copied())
            .collect();
        let unit = match lanes {
            None => self.unit_plan(stop.id, &keys),
            Some(_) => None,
        };
        let unit_body = unit.as_ref().map(|(_, names)| {
            self.with_unit(names, |em| em.with_proven(&keys, |em| em.block(body)))
        });
        let lane_body = lanes
            .as_ref()
            .map(|p| self.with_proven(&proven, |em| em.lane_body(p, body)));
        let b = self.block(body);
        let LoopLabels { cont, brk } = self.pop_loop();
        let e = self.block(orelse);
        let assign = cast(quote!(__pk_i), Dtype::Int64, var_ty.dtype);
        let set = self.mark_assigned([var]);
        let rev = if reversed { quote!(.rev()) } else { quote!() };
        // Ctrl-C (`polls.rs`): a poll on every iteration, or chunks of an innermost loop.
        let top = self.iteration_poll(body);
        let chunked = self.loop_poll(body) == crate::polls::LoopPoll::Chunked;
        let counted = |b: &TokenStream| {
            let over = |s: &TokenStream, e: &TokenStream| match lit {
                Some(1) => quote!(#cont: for __pk_i in #s..#e { #top #v = #assign; #set #b }),
                Some(k) => {
                    let k = k as usize;
                    quote!(#cont: for __pk_i in (#s..#e).step_by(#k) { #top #v = #assign; #set #b })
                }
                None => quote!(),
            };
            match lit {
                Some(k) if k > 0 && chunked => {
                    super::interrupt::chunked_range(&lo, &hi, k as u64, over)
                }
                Some(k) if k > 0 => over(&quote!(#lo), &quote!(#hi)),
                _ => {
                    let stepped = |range: &TokenStream| {
                        quote! {
                            #cont: for __pk_k in #range {
                                #top
                                let __pk_i = #lo.wrapping_add((__pk_k as i64).wrapping_mul(#st));
                                #v = #assign;
                                #set
                                #b
                            }
                        }
                    };
                    if chunked {
                        let n = proc_macro2::Ident::new("__pk_n", proc_macro2::Span::call_site());
                        super::interrupt::chunked_count(&n, reversed, stepped)
                    } else {
                        stepped(&quote!((0..__pk_n)#rev))
                    }
                }
            }
        };
        let with_lanes = |plain: TokenStream| match (&lanes, &lane_body) {
            (Some(plan), Some(lb)) => plan.emit(&counted(lb), &brk, &plain),
            _ => plain,
        };
        // `if unit strides { copy } else { loop }`, inside the proven version.
        let with_unit = |plain: TokenStream| match (&unit, &unit_body) {
            (Some((cond, _)), Some(ub)) => {
                let u = counted(ub);
                quote!(if #cond { #u } else { #plain })
            }
            _ => plain,
        };
        let lp = match (&version, &fast) {
            (Some((cond, _)), Some(fb)) => {
                versioned(cond, &with_unit(with_lanes(counted(fb))), &counted(&b))
            }
            _ => with_unit(with_lanes(counted(&b))),
        };
        let counting = match lit {
            Some(k) if k > 0 => quote!(),
            _ => quote!(let __pk_n = ::pykernel::__private::range_len(#lo, #hi, #st)?;),
        };
        let step_let = match &step_v {
            Some(s) => quote!(let #st: i64 = #s;),
            None if counting.is_empty() => quote!(),
            None => quote!(let #st: i64 = 1;),
        };
        quote! {
            #brk: {
                let #lo: i64 = #start_v;
                let #hi: i64 = #stop_v;
                #step_let
                #counting
                #lp
                #e
            }
        }
    }

    /// `while cond: body else: orelse`, versioned on the analysis' checks.
    pub(crate) fn while_loop(
        &mut self,
        cond: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> TokenStream {
        // `while True:` is Rust's `loop` (no `while_true` lint in the user's crate).
        let forever = matches!(cond.kind, ExprKind::Bool(true))
            || matches!(cond.kind, ExprKind::Int(k) if k != 0);
        let version = self.loop_guard(cond.id, &Header::default());
        self.push_loop();
        let fast = version
            .as_ref()
            .map(|(_, keys)| self.with_proven(keys, |em| (em.cond(cond), em.block(body))));
        let c = self.cond(cond);
        let b = self.block(body);
        let LoopLabels { cont, brk } = self.pop_loop();
        let e = self.block(orelse);
        let poll = self.iteration_poll(body);
        let lp = |c: &TokenStream, b: &TokenStream| {
            if forever {
                quote!(#cont: loop { #poll #b })
            } else {
                quote!(#cont: while #c { #poll #b })
            }
        };
        let slow = lp(&c, &b);
        let body_loop = match (version, fast) {
            (Some((vc, _)), Some((fc, fb))) => versioned(&vc, &lp(&fc, &fb), &slow),
            _ => slow,
        };
        quote!(#brk: { #body_loop #e })
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::Config;

    fn code(sig: &str, params: &str, body: &str) -> String {
        let src = format!("#pykernel export f({sig})\ndef f({params}):\n{body}\n");
        crate::pipeline::generate(&src, "t.py", &Config::new()).unwrap_or_else(|d| panic!("{d}"))
    }

    /// The fast copy of the loop (the first branch of the versioned `if`) has no
    /// checked access.
    fn fast_copy_unchecked(c: &str) -> bool {
        let Some(at) = c.find("cold_path") else {
            return false;
        };
        let fast = &c[..at];
        fast.contains("_unchecked(")
            && !fast.contains(".get([")
            && !fast.contains(".set([")
            && !fast.contains("elem_ptr(")
    }

    #[test]
    fn loops_in_every_form_have_an_unchecked_fast_copy() {
        for (sig, params, body) in [
            // reversed index
            (
                "float64[:], float64[:]",
                "a, b",
                "    m = len(b)\n    s = 0.0\n    for j in range(m):\n        s += a[j] * b[m - 1 - j]\n    return s",
            ),
            // for v in x, with a write indexed by a counter
            (
                "float64[:], float64[:]",
                "a, b",
                "    k = 0\n    for v in a:\n        b[k] = v\n        k += 1",
            ),
            // triangular loop
            (
                "float64[:,:]",
                "a",
                "    n = a.shape[0]\n    for i in range(n):\n        for j in range(i):\n            a[i, j] = a[j, i]",
            ),
            // while with the update first
            (
                "float64[:]",
                "a",
                "    i = 0\n    while i < len(a):\n        i += 1\n        a[i - 1] = 2.0 * a[i - 1]",
            ),
            // stepped and negative-step ranges
            (
                "float64[:]",
                "a",
                "    for i in range(0, len(a) - 1, 2):\n        a[i + 1] = a[i]\n    for i in range(len(a) - 1, 0, -3):\n        a[i] = a[i - 1]",
            ),
            // zip and enumerate
            (
                "float64[:], float64[:]",
                "a, b",
                "    for i, (x, y) in enumerate(zip(a, b)):\n        a[i] = x + y",
            ),
        ] {
            let c = code(sig, params, body);
            assert!(fast_copy_unchecked(&c), "{body}\n{c}");
        }
    }

    #[test]
    fn invariant_divisors_are_checked_once() {
        let c = code(
            "float64[:], float64, int",
            "a, w, n",
            "    s = 0.0\n    for i in range(len(a)):\n        s += a[i] / w + a[(i + 1) % n] + i // n\n    return s",
        );
        let fast = &c[..c.find("cold_path").expect("versioned")];
        assert!(fast.contains("(w != 0.0)"), "{c}");
        assert!(!fast.contains("py_truediv"), "{fast}");
        assert!(
            fast.contains("mod_pos(") && fast.contains("floordiv_pos("),
            "{fast}"
        );
        assert!(!fast.contains("modulo("), "{fast}");
    }

    #[test]
    fn facts_that_hold_anyway_need_no_second_copy() {
        let c = code(
            "int, int",
            "n, k",
            "    s = 0\n    for i in range(n):\n        s += k % (i + 1)\n    return s",
        );
        assert!(c.contains("mod_pos("), "{c}");
        assert!(!c.contains("cold_path"), "{c}");
    }

    #[test]
    fn data_dependent_indices_stay_checked() {
        let c = code(
            "float64[:], int64[:]",
            "a, b",
            "    for i in range(len(b)):\n        a[b[i]] = 1.0",
        );
        assert!(c.contains(".set(["), "{c}");
    }
}
