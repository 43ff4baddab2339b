//! Symbolic integers: index values as the bounds analysis sees them.
//!
//! An [`Sx`] is built from constants, *leaves* (values fixed before the analysed loop
//! starts: parameters, `len(a)`, the evaluated `range` arguments) and *atoms* (values
//! that change inside it: loop variables, `while` counters, values the analysis cannot
//! read). Formulas without atoms can be evaluated before the loop; [`affine`] puts a
//! formula in the form `Σ cᵢ·atomᵢ + rest` that the extreme-value search works on.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::ir::Expr;

/// An atom: a value that changes inside the analysed loop. Atoms are numbered in the
/// order the walk creates them, so an atom's bounds only mention older atoms.
pub(crate) type AtomId = u32;

/// What a leaf stands for; the emitter prints it before the loop.
#[derive(Clone, Debug)]
pub(crate) enum LeafKind {
    /// A local variable (or parameter) of an integer type.
    Local(String),
    /// `len(name)` of an array (its first extent) or a list.
    Len(String),
    /// `name.shape[k]` of an array.
    Dim(String, usize),
    /// Another pure, non-raising integer expression of the analysed function, read only
    /// from locals the loop does not assign.
    Expr(Box<Expr>),
    /// The evaluated `start`, `stop` or `step` of the `range` loop being versioned.
    LoopStart,
    LoopStop,
    LoopStep,
}

/// A value fixed before the analysed loop starts.
#[derive(Clone, Debug)]
pub(crate) struct Leaf {
    /// Structural key: two leaves with one key are the same value.
    pub key: String,
    pub kind: LeafKind,
}

impl PartialEq for Leaf {
    fn eq(&self, o: &Leaf) -> bool {
        self.key == o.key
    }
}
impl Eq for Leaf {}

/// A symbolic integer (Python `int` semantics, exact).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Sx {
    Const(i64),
    Leaf(Rc<Leaf>),
    Atom(AtomId),
    Add(Box<Sx>, Box<Sx>),
    Mul(Box<Sx>, Box<Sx>),
    Neg(Box<Sx>),
    /// Python's `a // b`.
    FloorDiv(Box<Sx>, Box<Sx>),
    /// Python's `a % b`.
    Mod(Box<Sx>, Box<Sx>),
    Min(Box<Sx>, Box<Sx>),
    Max(Box<Sx>, Box<Sx>),
    /// One of the two (a conditional expression): bounded by both.
    Either(Box<Sx>, Box<Sx>),
}

impl Sx {
    pub fn leaf(key: String, kind: LeafKind) -> Sx {
        Sx::Leaf(Rc::new(Leaf { key, kind }))
    }

    pub fn konst(&self) -> Option<i64> {
        match self {
            Sx::Const(c) => Some(*c),
            _ => None,
        }
    }

    /// `a + b`, folding constants (`None` when a constant sum overflows).
    pub fn add(a: Sx, b: Sx) -> Sx {
        match (&a, &b) {
            (Sx::Const(0), _) => b,
            (_, Sx::Const(0)) => a,
            (Sx::Const(x), Sx::Const(y)) if x.checked_add(*y).is_some() => Sx::Const(x + y),
            _ => Sx::Add(Box::new(a), Box::new(b)),
        }
    }

    pub fn neg(a: Sx) -> Sx {
        match a {
            Sx::Const(c) if c != i64::MIN => Sx::Const(-c),
            Sx::Neg(x) => *x,
            a => Sx::Neg(Box::new(a)),
        }
    }

    pub fn sub(a: Sx, b: Sx) -> Sx {
        Sx::add(a, Sx::neg(b))
    }

    pub fn mul(a: Sx, b: Sx) -> Sx {
        match (&a, &b) {
            (Sx::Const(1), _) => b,
            (_, Sx::Const(1)) => a,
            (Sx::Const(0), _) | (_, Sx::Const(0)) => Sx::Const(0),
            (Sx::Const(x), Sx::Const(y)) if x.checked_mul(*y).is_some() => Sx::Const(x * y),
            _ => Sx::Mul(Box::new(a), Box::new(b)),
        }
    }

    pub fn min(a: Sx, b: Sx) -> Sx {
        match (&a, &b) {
            _ if a == b => a,
            (Sx::Const(x), Sx::Const(y)) => Sx::Const(*x.min(y)),
            _ => Sx::Min(Box::new(a), Box::new(b)),
        }
    }

    pub fn max(a: Sx, b: Sx) -> Sx {
        match (&a, &b) {
            _ if a == b => a,
            (Sx::Const(x), Sx::Const(y)) => Sx::Const(*x.max(y)),
            _ => Sx::Max(Box::new(a), Box::new(b)),
        }
    }

    pub fn floordiv(a: Sx, b: Sx) -> Sx {
        match (&a, &b) {
            (_, Sx::Const(1)) => a,
            (Sx::Const(x), Sx::Const(y)) if *y > 0 => Sx::Const(x.div_euclid(*y)),
            _ => Sx::FloorDiv(Box::new(a), Box::new(b)),
        }
    }

    /// The direct sub-formulas.
    pub fn children(&self) -> Vec<&Sx> {
        match self {
            Sx::Const(_) | Sx::Leaf(_) | Sx::Atom(_) => Vec::new(),
            Sx::Neg(a) => vec![a],
            Sx::Add(a, b)
            | Sx::Mul(a, b)
            | Sx::FloorDiv(a, b)
            | Sx::Mod(a, b)
            | Sx::Min(a, b)
            | Sx::Max(a, b)
            | Sx::Either(a, b) => vec![a, b],
        }
    }

    /// Does the formula mention an atom?
    pub fn has_atoms(&self) -> bool {
        matches!(self, Sx::Atom(_)) || self.children().into_iter().any(Sx::has_atoms)
    }

    /// Number of nodes (to keep formulas small).
    pub fn size(&self) -> usize {
        1 + self.children().into_iter().map(Sx::size).sum::<usize>()
    }
}

/// `Σ coeff·atom + rest`, coefficients and rest without atoms.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Affine {
    pub terms: BTreeMap<AtomId, Sx>,
    pub rest: Sx,
}

impl Affine {
    fn constant(rest: Sx) -> Affine {
        Affine {
            terms: BTreeMap::new(),
            rest,
        }
    }

    fn scale(self, k: &Sx) -> Affine {
        Affine {
            terms: self
                .terms
                .into_iter()
                .map(|(a, c)| (a, Sx::mul(c, k.clone())))
                .filter(|(_, c)| *c != Sx::Const(0))
                .collect(),
            rest: Sx::mul(self.rest, k.clone()),
        }
    }

    fn plus(mut self, o: Affine) -> Affine {
        for (a, c) in o.terms {
            let sum = match self.terms.remove(&a) {
                Some(d) => Sx::add(d, c),
                None => c,
            };
            if sum != Sx::Const(0) {
                self.terms.insert(a, sum);
            }
        }
        self.rest = Sx::add(self.rest, o.rest);
        self
    }

    /// Back to a formula.
    pub fn to_sx(&self) -> Sx {
        self.terms.iter().fold(self.rest.clone(), |acc, (a, c)| {
            Sx::add(acc, Sx::mul(c.clone(), Sx::Atom(*a)))
        })
    }
}

/// The affine form of `s`, if it has one (products of two atom-dependent factors and
/// atoms under `//`, `%`, `min`, `max` have none).
pub(crate) fn affine(s: &Sx) -> Option<Affine> {
    if !s.has_atoms() {
        return Some(Affine::constant(s.clone()));
    }
    match s {
        Sx::Atom(a) => Some(Affine {
            terms: BTreeMap::from([(*a, Sx::Const(1))]),
            rest: Sx::Const(0),
        }),
        Sx::Add(x, y) => Some(affine(x)?.plus(affine(y)?)),
        Sx::Neg(x) => Some(affine(x)?.scale(&Sx::Const(-1))),
        Sx::Mul(x, y) => {
            let (ax, ay) = (affine(x)?, affine(y)?);
            if ax.terms.is_empty() {
                Some(ay.scale(&ax.rest))
            } else if ay.terms.is_empty() {
                Some(ax.scale(&ay.rest))
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(n: &str) -> Sx {
        Sx::leaf(n.to_owned(), LeafKind::Local(n.to_owned()))
    }

    #[test]
    fn affine_forms_collect_coefficients_and_cancel() {
        // m - 1 - j  →  -1·j + (m - 1)
        let s = Sx::sub(Sx::sub(leaf("m"), Sx::Const(1)), Sx::Atom(0));
        let a = affine(&s).unwrap();
        assert_eq!(a.terms[&0], Sx::Const(-1));
        // (i + j) - i  →  j
        let s = Sx::sub(Sx::add(Sx::Atom(0), Sx::Atom(1)), Sx::Atom(0));
        let a = affine(&s).unwrap();
        assert_eq!(a.terms.len(), 1);
        assert_eq!(a.terms[&1], Sx::Const(1));
        // k * f: a symbolic coefficient
        let a = affine(&Sx::mul(Sx::Atom(2), leaf("f"))).unwrap();
        assert_eq!(a.terms[&2], leaf("f"));
    }

    #[test]
    fn non_affine_forms_are_refused() {
        assert!(affine(&Sx::mul(Sx::Atom(0), Sx::Atom(1))).is_none());
        let m = Sx::Mod(Box::new(Sx::Atom(0)), Box::new(leaf("n")));
        assert!(affine(&m).is_none());
        // without atoms, anything is a constant term
        let m = Sx::Mod(Box::new(leaf("i")), Box::new(leaf("n")));
        assert!(affine(&m).unwrap().terms.is_empty());
    }
}
