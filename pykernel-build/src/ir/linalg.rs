//! NumPy's products of the IR (`np.dot`, `@`, ...), resolved from `numpy.<name>`, the
//! `@` operator and the methods `a.dot(b)` / `a.trace()` at lowering.

/// A NumPy linear-algebra function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Linalg {
    /// `np.dot(a, b)`, `a.dot(b)`.
    Dot,
    /// `np.matmul(a, b)`, `a @ b`.
    Matmul,
    /// `np.inner(a, b)`: sums over the last axes of both.
    Inner,
    /// `np.outer(a, b)`: both flattened.
    Outer,
    /// `np.vdot(a, b)`: both flattened, the first conjugated.
    Vdot,
    /// `np.trace(a)`, `a.trace()`.
    Trace,
    /// `a @= b`: `np.matmul(a, b)`, whose shape must be `a`'s (the statement stores it
    /// into `a`).
    MatmulInPlace,
}

impl Linalg {
    const NAMES: &'static [(&'static str, Linalg)] = &[
        ("dot", Linalg::Dot),
        ("matmul", Linalg::Matmul),
        ("inner", Linalg::Inner),
        ("outer", Linalg::Outer),
        ("vdot", Linalg::Vdot),
        ("trace", Linalg::Trace),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<Linalg> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, l)| *l)
    }

    /// NumPy's name.
    pub fn name(self) -> &'static str {
        if self == Linalg::MatmulInPlace {
            return "matmul";
        }
        Self::NAMES
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("?", |(n, _)| n)
    }

    /// The method `a.<name>(...)` called with `args` positional arguments and `keywords`
    /// keywords, when it is one of these (`a.dot(b)`, `a.trace()`).
    pub fn from_method(name: &str, args: usize, keywords: usize) -> Option<Linalg> {
        match (name, args, keywords) {
            ("dot", 1, 0) => Some(Linalg::Dot),
            ("trace", 0, 0) => Some(Linalg::Trace),
            _ => None,
        }
    }

    /// The number of arguments.
    pub fn arity(self) -> usize {
        if self == Linalg::Trace { 1 } else { 2 }
    }
}
