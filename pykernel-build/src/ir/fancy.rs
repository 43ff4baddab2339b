//! NumPy functions built on masks and integer-array indexing (`Builtin::NpIndexFn`).

/// `np.nonzero`, `np.flatnonzero`, `np.argwhere`, `np.extract`, `np.compress`,
/// `np.take`, `np.put` (and `np.where(c)`, `a.nonzero()`, which are `Nonzero`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndexFn {
    /// `np.nonzero(a)`, `a.nonzero()`, `np.where(a)`: `[a]`.
    Nonzero,
    /// `np.flatnonzero(a)`: `[a]`.
    Flatnonzero,
    /// `np.argwhere(a)`: `[a]`.
    Argwhere,
    /// `np.extract(cond, a)`: `[cond, a]`.
    Extract,
    /// `np.compress(cond, a, axis=None)`: `[cond, a, axis]`.
    Compress,
    /// `np.take(a, indices, axis=None)`: `[a, indices, axis]`.
    Take,
    /// `np.put(a, indices, values)`: `[a, indices, values]`.
    Put,
}

impl IndexFn {
    const NAMES: [(&'static str, IndexFn); 7] = [
        ("nonzero", IndexFn::Nonzero),
        ("flatnonzero", IndexFn::Flatnonzero),
        ("argwhere", IndexFn::Argwhere),
        ("extract", IndexFn::Extract),
        ("compress", IndexFn::Compress),
        ("take", IndexFn::Take),
        ("put", IndexFn::Put),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<IndexFn> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    /// The NumPy name.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("nonzero", |(n, _)| n)
    }

    /// The parameters after which the optional `axis` comes (`None` when there is no
    /// `axis`), NumPy's positional order.
    pub fn params(self) -> (&'static [&'static str], bool) {
        match self {
            IndexFn::Nonzero | IndexFn::Flatnonzero | IndexFn::Argwhere => (&["a"], false),
            IndexFn::Extract => (&["condition", "arr"], false),
            IndexFn::Compress => (&["condition", "a"], true),
            IndexFn::Take => (&["a", "indices"], true),
            IndexFn::Put => (&["a", "ind", "v"], false),
        }
    }
}
