//! NumPy's products of the IR (`np.dot`, `@`, ...), resolved from `numpy.<name>`, the
//! `@` operator and the methods `a.dot(b)` / `a.trace()` at lowering, and the other
//! linear algebra: `np.linalg.det`/`inv`/`solve`, `np.cross`, `np.kron`, `np.einsum`.

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
    /// `np.linalg.det(a)`.
    Det,
    /// `np.linalg.inv(a)`.
    Inv,
    /// `np.linalg.solve(a, b)`.
    Solve,
    /// `np.cross(a, b)` (along the last axes).
    Cross,
    /// `np.kron(a, b)`.
    Kron,
    /// `np.einsum(subscripts, *operands)`, the subscripts parsed when lowering (the
    /// arguments are the operands).
    Einsum(Subscripts),
}

/// The subscripts of an `np.einsum` call: one or two operands of at most 5 labels
/// (ASCII letters) each, and the output labels (given after `->`, or implied: the
/// labels that appear once, in alphabetical order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subscripts {
    labels: [[u8; 5]; 2],
    lens: [u8; 2],
    nops: u8,
    out: [u8; 5],
    nout: u8,
}

impl Subscripts {
    /// Subscripts of `ops` (1 or 2 operands of at most 5 labels) and `out` (at most 5).
    pub fn new(ops: &[Vec<u8>], out: &[u8]) -> Option<Subscripts> {
        if ops.is_empty() || ops.len() > 2 || out.len() > 5 || ops.iter().any(|o| o.len() > 5) {
            return None;
        }
        let mut s = Subscripts {
            labels: [[0; 5]; 2],
            lens: [0; 2],
            nops: ops.len() as u8,
            out: [0; 5],
            nout: out.len() as u8,
        };
        for (k, o) in ops.iter().enumerate() {
            s.labels[k][..o.len()].copy_from_slice(o);
            s.lens[k] = o.len() as u8;
        }
        s.out[..out.len()].copy_from_slice(out);
        Some(s)
    }

    /// The number of operands.
    pub fn operands(&self) -> usize {
        self.nops as usize
    }

    /// The labels of operand `k`.
    pub fn operand(&self, k: usize) -> &[u8] {
        &self.labels[k][..self.lens[k] as usize]
    }

    /// The output labels.
    pub fn output(&self) -> &[u8] {
        &self.out[..self.nout as usize]
    }

    /// A view in NumPy (one operand, no label repeated or summed): the operand's axes
    /// permuted; `Some(axes)` gives, for each output axis, the operand's axis.
    pub fn view_axes(&self) -> Option<Vec<usize>> {
        if self.nops != 1 {
            return None;
        }
        let op = self.operand(0);
        let out = self.output();
        if op.len() != out.len() {
            return None;
        }
        out.iter().map(|l| op.iter().position(|x| x == l)).collect()
    }
}

impl Linalg {
    const NAMES: &'static [(&'static str, Linalg)] = &[
        ("dot", Linalg::Dot),
        ("matmul", Linalg::Matmul),
        ("inner", Linalg::Inner),
        ("outer", Linalg::Outer),
        ("vdot", Linalg::Vdot),
        ("trace", Linalg::Trace),
        ("cross", Linalg::Cross),
        ("kron", Linalg::Kron),
    ];

    /// The functions of `numpy.linalg` (`np.linalg.det`).
    const LINALG_NAMES: &'static [(&'static str, Linalg)] = &[
        ("linalg.det", Linalg::Det),
        ("linalg.inv", Linalg::Inv),
        ("linalg.solve", Linalg::Solve),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<Linalg> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, l)| *l)
    }

    /// Looks up `numpy.linalg.<name>`.
    pub fn from_linalg_name(name: &str) -> Option<Linalg> {
        Self::LINALG_NAMES
            .iter()
            .find(|(n, _)| n.strip_prefix("linalg.") == Some(name))
            .map(|(_, l)| *l)
    }

    /// NumPy's name (`linalg.det` for the functions of `numpy.linalg`).
    pub fn name(self) -> &'static str {
        match self {
            Linalg::MatmulInPlace => return "matmul",
            Linalg::Einsum(_) => return "einsum",
            _ => {}
        }
        Self::NAMES
            .iter()
            .chain(Self::LINALG_NAMES)
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
        match self {
            Linalg::Trace | Linalg::Det | Linalg::Inv => 1,
            Linalg::Einsum(s) => s.operands(),
            _ => 2,
        }
    }

    /// Is the result a view of the argument (`np.einsum('ij->ji', a)`)?
    pub fn is_view(self) -> bool {
        matches!(self, Linalg::Einsum(s) if s.view_axes().is_some())
    }
}
