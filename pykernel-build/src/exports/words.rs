//! The words of the export grammar: scalar type names, and suggestions for unknown words.

use super::{Dtype, Flavor};

/// Every scalar type word, with its dtype and flavor (Python names first: suggestions
/// prefer earlier entries on ties).
const SCALARS: [(&str, Dtype, Flavor); 21] = [
    ("int", Dtype::Int64, Flavor::Python),
    ("float", Dtype::Float64, Flavor::Python),
    ("complex", Dtype::Complex128, Flavor::Python),
    ("bool", Dtype::Bool, Flavor::Python),
    ("int8", Dtype::Int8, Flavor::NumPy),
    ("int16", Dtype::Int16, Flavor::NumPy),
    ("int32", Dtype::Int32, Flavor::NumPy),
    ("int64", Dtype::Int64, Flavor::NumPy),
    ("uint8", Dtype::UInt8, Flavor::NumPy),
    ("uint16", Dtype::UInt16, Flavor::NumPy),
    ("uint32", Dtype::UInt32, Flavor::NumPy),
    ("uint64", Dtype::UInt64, Flavor::NumPy),
    ("float32", Dtype::Float32, Flavor::NumPy),
    ("float64", Dtype::Float64, Flavor::NumPy),
    ("complex64", Dtype::Complex64, Flavor::NumPy),
    ("complex128", Dtype::Complex128, Flavor::NumPy),
    ("intc", Dtype::Int32, Flavor::NumPy),
    ("uintc", Dtype::UInt32, Flavor::NumPy),
    ("byte", Dtype::Int8, Flavor::NumPy),
    ("intp", Dtype::Int64, Flavor::IntP),
    ("uintp", Dtype::UInt64, Flavor::IntP),
];

/// Type words that are not scalars.
const OTHER_TYPES: [&str; 2] = ["None", "void"];

/// The scalar a type word names, if it is one.
pub(crate) fn scalar(word: &str) -> Option<(Dtype, Flavor)> {
    SCALARS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, d, f)| (d, f))
}

/// Names from C, NumPy and other languages, and the valid type they mean.
const SYNONYMS: [(&str, &str); 44] = [
    ("double", "float64"),
    ("long", "int64"),
    ("longlong", "int64"),
    ("longint", "int64"),
    ("int_", "int64"),
    ("integer", "int"),
    ("ulong", "uint64"),
    ("ulonglong", "uint64"),
    ("uint", "uint64"),
    ("char", "int8"),
    ("schar", "int8"),
    ("signed", "int32"),
    ("int8_t", "int8"),
    ("int16_t", "int16"),
    ("int32_t", "int32"),
    ("int64_t", "int64"),
    ("uchar", "uint8"),
    ("ubyte", "uint8"),
    ("uint8_t", "uint8"),
    ("uint16_t", "uint16"),
    ("uint32_t", "uint32"),
    ("uint64_t", "uint64"),
    ("short", "int16"),
    ("ushort", "uint16"),
    ("unsigned", "uint32"),
    ("size_t", "uintp"),
    ("uintptr_t", "uintp"),
    ("npy_uintp", "uintp"),
    ("ssize_t", "intp"),
    ("py_ssize_t", "intp"),
    ("intptr_t", "intp"),
    ("npy_intp", "intp"),
    ("single", "float32"),
    ("real", "float64"),
    ("float_", "float64"),
    ("cfloat", "complex128"),
    ("cdouble", "complex128"),
    ("complex_", "complex128"),
    ("csingle", "complex64"),
    ("bool_", "bool"),
    ("boolean", "bool"),
    ("nonetype", "None"),
    ("ndarray", "float64[:]"),
    ("array", "float64[:]"),
];

/// Names of real types that pykernel does not support (no suggestion makes sense).
const UNSUPPORTED: [&str; 10] = [
    "float128",
    "float16",
    "half",
    "longdouble",
    "longfloat",
    "complex256",
    "clongdouble",
    "clongfloat",
    "float96",
    "complex192",
];

/// What to say about an unknown type word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unknown {
    /// A real type that pykernel does not support.
    Unsupported,
    /// Probably meant this valid type.
    Suggest(&'static str),
    /// No idea.
    Nothing,
}

/// Longest word worth comparing by edit distance.
const MAX_WORD: usize = 64;

/// Classifies a word that is not a valid type: unsupported, a known synonym, or the
/// closest valid type by edit distance (at most 2, or 1 for words of 3 letters or less).
pub(super) fn unknown(word: &str) -> Unknown {
    let lower = word.to_ascii_lowercase();
    if UNSUPPORTED.contains(&lower.as_str()) {
        return Unknown::Unsupported;
    }
    let valid = SCALARS.iter().map(|(w, _, _)| *w).chain(OTHER_TYPES);
    if let Some(w) = valid.clone().find(|w| w.to_ascii_lowercase() == lower) {
        return Unknown::Suggest(w);
    }
    if let Some((_, target)) = SYNONYMS.iter().find(|(s, _)| *s == lower) {
        return Unknown::Suggest(target);
    }
    let len = lower.chars().count();
    if len > MAX_WORD {
        return Unknown::Nothing;
    }
    let limit = if len <= 3 { 1 } else { 2 };
    let candidates = valid.map(|w| (w, w)).chain(SYNONYMS.iter().copied());
    let mut best: Option<(usize, &'static str)> = None;
    for (spelling, target) in candidates {
        let d = distance(&lower, &spelling.to_ascii_lowercase());
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, target));
        }
    }
    best.map_or(Unknown::Nothing, |(_, t)| Unknown::Suggest(t))
}

/// Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count 1).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    // rows[i * width + j] = distance between a[..i] and b[..j].
    let mut rows = vec![0usize; (a.len() + 1) * width];
    let cell = |rows: &[usize], i: usize, j: usize| rows.get(i * width + j).copied().unwrap_or(0);
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            let value = if i == 0 || j == 0 {
                i + j
            } else {
                let (ca, cb) = (a.get(i - 1), b.get(j - 1));
                let cost = usize::from(ca != cb);
                let mut v = (cell(&rows, i - 1, j) + 1)
                    .min(cell(&rows, i, j - 1) + 1)
                    .min(cell(&rows, i - 1, j - 1) + cost);
                if i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb {
                    v = v.min(cell(&rows, i - 2, j - 2) + 1);
                }
                v
            };
            if let Some(slot) = rows.get_mut(i * width + j) {
                *slot = value;
            }
        }
    }
    cell(&rows, a.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_words() {
        assert_eq!(scalar("int"), Some((Dtype::Int64, Flavor::Python)));
        assert_eq!(scalar("int64"), Some((Dtype::Int64, Flavor::NumPy)));
        assert_eq!(scalar("intp"), Some((Dtype::Int64, Flavor::IntP)));
        assert_eq!(scalar("uintp"), Some((Dtype::UInt64, Flavor::IntP)));
        assert_eq!(scalar("intc"), Some((Dtype::Int32, Flavor::NumPy)));
        assert_eq!(scalar("uintc"), Some((Dtype::UInt32, Flavor::NumPy)));
        assert_eq!(scalar("byte"), Some((Dtype::Int8, Flavor::NumPy)));
        assert_eq!(scalar("complex"), Some((Dtype::Complex128, Flavor::Python)));
        assert_eq!(scalar("None"), None);
        assert_eq!(scalar("str"), None);
    }

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("flot64", "float64"), 1);
        assert_eq!(distance("in32", "int32"), 1);
        assert_eq!(distance("flaot", "float"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("é", "e"), 1);
    }

    #[test]
    fn suggestions() {
        assert_eq!(unknown("double"), Unknown::Suggest("float64"));
        assert_eq!(unknown("long"), Unknown::Suggest("int64"));
        assert_eq!(unknown("char"), Unknown::Suggest("int8"));
        assert_eq!(unknown("short"), Unknown::Suggest("int16"));
        assert_eq!(unknown("unsigned"), Unknown::Suggest("uint32"));
        assert_eq!(unknown("size_t"), Unknown::Suggest("uintp"));
        assert_eq!(unknown("ssize_t"), Unknown::Suggest("intp"));
        assert_eq!(unknown("intptr_t"), Unknown::Suggest("intp"));
        assert_eq!(unknown("npy_intp"), Unknown::Suggest("intp"));
        assert_eq!(unknown("cfloat"), Unknown::Suggest("complex128"));
        assert_eq!(unknown("flot64"), Unknown::Suggest("float64"));
        assert_eq!(unknown("in32"), Unknown::Suggest("int32"));
        assert_eq!(unknown("Float64"), Unknown::Suggest("float64"));
        assert_eq!(unknown("none"), Unknown::Suggest("None"));
        assert_eq!(unknown("doubel"), Unknown::Suggest("float64"));
        assert_eq!(unknown("bol"), Unknown::Suggest("bool"));
        assert_eq!(unknown("float128"), Unknown::Unsupported);
        assert_eq!(unknown("longdouble"), Unknown::Unsupported);
        assert_eq!(unknown("str"), Unknown::Nothing);
        assert_eq!(unknown("T"), Unknown::Nothing);
        assert_eq!(unknown("banana"), Unknown::Nothing);
        assert_eq!(unknown(&"x".repeat(1000)), Unknown::Nothing);
    }
}
