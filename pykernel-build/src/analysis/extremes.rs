//! The smallest and largest value a formula takes while the analysed loop runs, as
//! formulas evaluated before the loop.
//!
//! Every atom has a [`Domain`]: candidate lower and upper bounds (a loop variable's first
//! and last value, a fact from an `if` test), each mentioning only older atoms. For an
//! affine formula the extremes lie at the ends of the atoms' ranges: the newest atom is
//! replaced by the end that maximises (or minimises) it, then the next newest, and so on
//! (with a symbolic coefficient of unknown sign, both ends are tried and the larger
//! kept). That is exact for nested loops whose bounds are affine in the outer loop
//! variables (triangular loops included). Other formulas (`//`, `%`, `min`, `max`,
//! products) get interval arithmetic over their parts, which is sound but looser.
//!
//! Where the kernel computes a non-linear operation, the bound is only valid if the
//! kernel's wrapping `int64` arithmetic agrees with exact arithmetic on its operands, so
//! the result carries [`Cond::Known`] requirements on the operands' ranges.

use super::sym::{AtomId, Sx, affine};

/// A check done before the loop.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cond {
    /// `0 <= lo` and `hi < extent`.
    InRange { lo: Sx, hi: Sx, extent: Extent },
    /// The value fits `int64` (so the kernel's wrapping arithmetic computes it exactly).
    Known(Sx),
    /// The value is `> 0`.
    Positive(Sx),
    /// A float expression (pure, fixed before the loop) is not zero.
    NonZero(ExprRef),
}

/// An IR expression inside a check (equal when it is the same expression).
#[derive(Clone, Debug)]
pub(crate) struct ExprRef(pub Box<crate::ir::Expr>);

impl PartialEq for ExprRef {
    fn eq(&self, o: &ExprRef) -> bool {
        self.0.id == o.0.id
    }
}

impl Cond {
    /// Does the check hold whatever the values (constants)? `InRange` never does (its
    /// extent is read at run time), but its lower half may; see [`Cond::InRange`].
    pub fn holds(&self) -> bool {
        match self {
            Cond::Known(s) => s.konst().is_some(),
            Cond::Positive(s) => s.konst().is_some_and(|c| c > 0),
            Cond::InRange { .. } | Cond::NonZero(_) => false,
        }
    }
}

/// The extent an index is checked against, read before the loop.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Extent {
    /// `name.shape[k]` of an array variable.
    Dim(String, usize),
    /// `len(name)` of a list variable.
    Len(String),
}

/// A bound with the checks under which it holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Bound {
    pub sx: Sx,
    pub reqs: Vec<Cond>,
}

impl Bound {
    pub fn plain(sx: Sx) -> Bound {
        Bound {
            sx,
            reqs: Vec::new(),
        }
    }
}

/// Candidate bounds of one atom: its value is `>=` every `lo` and `<=` every `hi`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Domain {
    pub lo: Vec<Bound>,
    pub hi: Vec<Bound>,
    /// A `while` counter: whether it counts up, and by how much at most per iteration.
    /// A bound on its moving side holds only if moving past it cannot wrap around.
    pub moving: Option<(bool, i64)>,
}

/// How many candidates of one side are used (the oldest, a loop's own range, and the
/// newest, the closest test).
const MAX_CANDIDATES: usize = 2;
/// Steps before the search gives up (a formula too large to bound cheaply).
const FUEL: usize = 4000;
/// Largest formula kept.
const MAX_SIZE: usize = 400;

/// The extreme-value search over a set of atom domains.
pub(crate) struct Extremes<'d> {
    domains: &'d [Domain],
    fuel: usize,
}

impl<'d> Extremes<'d> {
    pub fn new(domains: &'d [Domain]) -> Self {
        Extremes {
            domains,
            fuel: FUEL,
        }
    }

    /// The largest (`max`) or smallest value of `s`, without atoms, and its requirements.
    pub fn bound(&mut self, s: &Sx, max: bool) -> Option<Bound> {
        self.fuel = self.fuel.checked_sub(1)?;
        if !s.has_atoms() {
            return Some(Bound::plain(s.clone()));
        }
        let b = match affine(s) {
            Some(a) => {
                let (&atom, coeff) = a.terms.iter().next_back()?;
                let mut rest = a.clone();
                rest.terms.remove(&atom);
                let rest = rest.to_sx();
                match coeff.konst() {
                    Some(k) => self.at_end(atom, coeff, &rest, (k >= 0) == max, max)?,
                    None => {
                        let x = self.at_end(atom, coeff, &rest, true, max)?;
                        let y = self.at_end(atom, coeff, &rest, false, max)?;
                        join(x, y, max)
                    }
                }
            }
            None => self.structural(s, max)?,
        };
        (b.sx.size() <= MAX_SIZE).then_some(b)
    }

    /// The extreme of `coeff·atom + rest` with the atom at its upper (`hi`) or lower end.
    fn at_end(
        &mut self,
        atom: AtomId,
        coeff: &Sx,
        rest: &Sx,
        hi: bool,
        max: bool,
    ) -> Option<Bound> {
        let d = self.domains.get(atom as usize)?;
        let ends = if hi { &d.hi } else { &d.lo };
        let n = ends.len();
        // The oldest candidate (a loop's own range) and the newest (the closest test).
        let picked: Vec<&Bound> = match n {
            0 => return None,
            _ if n <= MAX_CANDIDATES => ends.iter().collect(),
            _ => vec![&ends[0], &ends[n - 1]],
        };
        let mut out: Option<Bound> = None;
        for end in picked {
            let f = Sx::add(Sx::mul(coeff.clone(), end.sx.clone()), rest.clone());
            let Some(mut b) = self.bound(&f, max) else {
                continue;
            };
            b.reqs.extend(end.reqs.iter().cloned());
            // Every candidate bounds the value: the tightest one wins.
            out = Some(match out {
                None => b,
                Some(o) => join(o, b, !max),
            });
        }
        out
    }

    /// Interval arithmetic over the parts of a formula that is not affine.
    fn structural(&mut self, s: &Sx, max: bool) -> Option<Bound> {
        match s {
            Sx::Add(x, y) => {
                let (a, b) = (self.bound(x, max)?, self.bound(y, max)?);
                Some(combine(a, b, Sx::add))
            }
            Sx::Neg(x) => {
                let a = self.bound(x, !max)?;
                Some(Bound {
                    sx: Sx::neg(a.sx),
                    reqs: a.reqs,
                })
            }
            Sx::Mul(x, y) => {
                // A constant factor of known sign scales one end; otherwise the extreme
                // is among the four products of the ends.
                for (k, v) in [(x, y), (y, x)] {
                    if let Some(c) = k.konst() {
                        let a = self.bound(v, if c >= 0 { max } else { !max })?;
                        return Some(Bound {
                            sx: Sx::mul(Sx::Const(c), a.sx),
                            reqs: a.reqs,
                        });
                    }
                }
                let (xl, xh) = (self.bound(x, false)?, self.bound(x, true)?);
                let (yl, yh) = (self.bound(y, false)?, self.bound(y, true)?);
                let mut out: Option<Bound> = None;
                for (a, b) in [(&xl, &yl), (&xl, &yh), (&xh, &yl), (&xh, &yh)] {
                    let p = combine(a.clone(), b.clone(), Sx::mul);
                    out = Some(match out {
                        None => p,
                        Some(o) => join(o, p, max),
                    });
                }
                out
            }
            Sx::FloorDiv(x, d) => {
                // `x // d` for `d > 0` grows with `x`; its operand must be exact.
                let dl = self.bound(d, false)?;
                let dh = self.bound(d, true)?;
                let xe = self.bound(x, max)?;
                let xo = self.bound(x, !max)?;
                let mut reqs = vec![Cond::Positive(dl.sx.clone()), Cond::Known(xo.sx.clone())];
                reqs.extend(xo.reqs);
                let q = |d: &Bound| Bound {
                    sx: Sx::floordiv(xe.sx.clone(), d.sx.clone()),
                    reqs: [xe.reqs.clone(), d.reqs.clone()].concat(),
                };
                let (a, b) = (q(&dl), q(&dh));
                let mut r = if dl == dh { a } else { join(a, b, max) };
                r.reqs.extend(reqs);
                Some(r)
            }
            Sx::Mod(_, d) => {
                // Python's `x % d` lies in `[0, d)` for `d > 0`, whatever `x` is.
                let dl = self.bound(d, false)?;
                let mut reqs = vec![Cond::Positive(dl.sx.clone())];
                reqs.extend(dl.reqs);
                let sx = if max {
                    let dh = self.bound(d, true)?;
                    reqs.extend(dh.reqs);
                    Sx::sub(dh.sx, Sx::Const(1))
                } else {
                    Sx::Const(0)
                };
                Some(Bound { sx, reqs })
            }
            Sx::Min(x, y) | Sx::Max(x, y) => {
                let is_min = matches!(s, Sx::Min(..));
                let (a, b) = (self.bound(x, max)?, self.bound(y, max)?);
                // The kernel compares its own (wrapping) values: both must be exact.
                let (ao, bo) = (self.bound(x, !max)?, self.bound(y, !max)?);
                let mut r = join(a, b, !is_min);
                r.reqs.push(Cond::Known(ao.sx));
                r.reqs.push(Cond::Known(bo.sx));
                r.reqs.extend(ao.reqs);
                r.reqs.extend(bo.reqs);
                Some(r)
            }
            Sx::Either(x, y) => {
                let (a, b) = (self.bound(x, max)?, self.bound(y, max)?);
                Some(join(a, b, max))
            }
            Sx::Const(_) | Sx::Leaf(_) | Sx::Atom(_) => None,
        }
    }
}

/// `f(a, b)` with both requirement lists.
fn combine(a: Bound, b: Bound, f: impl FnOnce(Sx, Sx) -> Sx) -> Bound {
    let mut reqs = a.reqs;
    reqs.extend(b.reqs);
    Bound {
        sx: f(a.sx, b.sx),
        reqs,
    }
}

/// The larger (`max`) or smaller of two bounds.
fn join(a: Bound, b: Bound, max: bool) -> Bound {
    combine(a, b, if max { Sx::max } else { Sx::min })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sym::LeafKind;

    fn leaf(n: &str) -> Sx {
        Sx::leaf(n.to_owned(), LeafKind::Local(n.to_owned()))
    }

    fn range(lo: Sx, hi: Sx) -> Domain {
        Domain {
            lo: vec![Bound::plain(lo)],
            hi: vec![Bound::plain(hi)],
            moving: None,
        }
    }

    fn show(s: &Sx) -> String {
        match s {
            Sx::Const(c) => c.to_string(),
            Sx::Leaf(l) => l.key.clone(),
            Sx::Atom(a) => format!("@{a}"),
            Sx::Add(a, b) => format!("({} + {})", show(a), show(b)),
            Sx::Mul(a, b) => format!("{}*{}", show(a), show(b)),
            Sx::Neg(a) => format!("-{}", show(a)),
            Sx::FloorDiv(a, b) => format!("({} // {})", show(a), show(b)),
            Sx::Mod(a, b) => format!("({} % {})", show(a), show(b)),
            Sx::Min(a, b) => format!("min({}, {})", show(a), show(b)),
            Sx::Max(a, b) => format!("max({}, {})", show(a), show(b)),
            Sx::Either(a, b) => format!("either({}, {})", show(a), show(b)),
        }
    }

    /// Evaluates a formula without atoms at the given leaf values.
    fn eval(s: &Sx, env: &[(&str, i64)]) -> i64 {
        let e = |x: &Sx| eval(x, env);
        match s {
            Sx::Const(c) => *c,
            Sx::Leaf(l) => env.iter().find(|(n, _)| *n == l.key).unwrap().1,
            Sx::Atom(_) => panic!("atom"),
            Sx::Add(a, b) => e(a) + e(b),
            Sx::Mul(a, b) => e(a) * e(b),
            Sx::Neg(a) => -e(a),
            Sx::FloorDiv(a, b) => e(a).div_euclid(e(b)),
            Sx::Mod(a, b) => e(a).rem_euclid(e(b)),
            Sx::Min(a, b) => e(a).min(e(b)),
            Sx::Max(a, b) => e(a).max(e(b)),
            Sx::Either(..) => panic!("either"),
        }
    }

    #[test]
    fn a_reversed_index_is_bounded_by_the_ends_of_its_range() {
        // j in [0, m-1]: m - 1 - j in [0, m - 1]
        let doms = vec![range(Sx::Const(0), Sx::sub(leaf("m"), Sx::Const(1)))];
        let s = Sx::sub(Sx::sub(leaf("m"), Sx::Const(1)), Sx::Atom(0));
        let mut x = Extremes::new(&doms);
        let (lo, hi) = (x.bound(&s, false).unwrap(), x.bound(&s, true).unwrap());
        assert_eq!(eval(&lo.sx, &[("m", 7)]), 0);
        assert_eq!(eval(&hi.sx, &[("m", 7)]), 6);
    }

    #[test]
    fn triangular_nests_use_the_outer_variable_in_the_inner_bound() {
        // i in [0, n-1], j in [0, i-1]: i - 1 - j in [0, n-2] (and -1 at the empty i = 0)
        let doms = vec![
            range(Sx::Const(0), Sx::sub(leaf("n"), Sx::Const(1))),
            range(Sx::Const(0), Sx::sub(Sx::Atom(0), Sx::Const(1))),
        ];
        let s = Sx::sub(Sx::sub(Sx::Atom(0), Sx::Const(1)), Sx::Atom(1));
        let mut x = Extremes::new(&doms);
        assert_eq!(eval(&x.bound(&s, true).unwrap().sx, &[("n", 10)]), 8);
        // i + j: max at i = n-1, j = i-1
        let s = Sx::add(Sx::Atom(0), Sx::Atom(1));
        assert_eq!(eval(&x.bound(&s, true).unwrap().sx, &[("n", 10)]), 17);
    }

    #[test]
    fn symbolic_coefficients_try_both_ends() {
        // k in [0, K-1], index k*f + 1 with f of unknown sign
        let doms = vec![range(Sx::Const(0), Sx::sub(leaf("K"), Sx::Const(1)))];
        let s = Sx::add(Sx::mul(Sx::Atom(0), leaf("f")), Sx::Const(1));
        let mut x = Extremes::new(&doms);
        let hi = x.bound(&s, true).unwrap().sx;
        let lo = x.bound(&s, false).unwrap().sx;
        assert_eq!(eval(&hi, &[("K", 5), ("f", 3)]), 13);
        assert_eq!(eval(&lo, &[("K", 5), ("f", 3)]), 1);
        assert_eq!(eval(&hi, &[("K", 5), ("f", -3)]), 1);
        assert_eq!(eval(&lo, &[("K", 5), ("f", -3)]), -11);
    }

    #[test]
    fn modulo_by_a_positive_value_is_below_it_and_requires_it_positive() {
        let doms = vec![range(Sx::Const(0), leaf("n"))];
        let s = Sx::Mod(
            Box::new(Sx::add(Sx::Atom(0), Sx::Const(1))),
            Box::new(leaf("n")),
        );
        let mut x = Extremes::new(&doms);
        let hi = x.bound(&s, true).unwrap();
        assert_eq!(show(&hi.sx), "(n + -1)");
        assert!(hi.reqs.contains(&Cond::Positive(leaf("n"))));
        assert_eq!(x.bound(&s, false).unwrap().sx, Sx::Const(0));
    }

    #[test]
    fn clamps_and_floor_division_require_exact_operands() {
        // min(max(i - 1, 0), n - 1) with i in [0, n-1]: at most n - 2
        let doms = vec![range(Sx::Const(0), Sx::sub(leaf("n"), Sx::Const(1)))];
        let s = Sx::min(
            Sx::max(Sx::sub(Sx::Atom(0), Sx::Const(1)), Sx::Const(0)),
            Sx::sub(leaf("n"), Sx::Const(1)),
        );
        let mut x = Extremes::new(&doms);
        let lo = x.bound(&s, false).unwrap();
        let hi = x.bound(&s, true).unwrap();
        assert_eq!(eval(&lo.sx, &[("n", 5)]), 0);
        assert_eq!(eval(&hi.sx, &[("n", 5)]), 3);
        assert!(lo.reqs.iter().any(|r| matches!(r, Cond::Known(_))));
        // i // 2 in [0, (n-1) // 2]
        let s = Sx::floordiv(Sx::Atom(0), Sx::Const(2));
        let hi = x.bound(&s, true).unwrap();
        assert_eq!(eval(&hi.sx, &[("n", 8)]), 3);
    }

    #[test]
    fn unbounded_atoms_give_no_bound() {
        let doms = vec![Domain {
            lo: vec![Bound::plain(Sx::Const(0))],
            ..Domain::default()
        }];
        let mut x = Extremes::new(&doms);
        assert!(x.bound(&Sx::Atom(0), true).is_none());
        assert!(x.bound(&Sx::Atom(0), false).is_some());
        // a product of two atoms needs both ends of both
        assert!(x.bound(&Sx::mul(Sx::Atom(0), Sx::Atom(0)), false).is_none());
    }
}
