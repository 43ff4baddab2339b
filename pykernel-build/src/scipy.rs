//! C spellings of capsule signatures and SciPy's `LowLevelCallable` catalogue.
//!
//! SciPy compares a capsule's name with its accepted signatures byte for byte, so a
//! capsule that is ABI-compatible with a catalogue entry takes that entry's exact name.

use crate::exports::{Dtype, ExportType, Flavor};

/// The machine-level class of a C argument or result, for ABI compatibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abi {
    /// A scalar of this dtype (`intptr_t` is Int64 on LP64).
    Scalar(Dtype),
    /// A pointer to elements of this dtype.
    Ptr(Dtype),
    /// `void *`.
    VoidPtr,
}

/// One C type: its ABI class and its spelling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CType {
    /// ABI class.
    pub abi: Abi,
    /// Spelling, e.g. `double *`.
    pub spelling: String,
}

/// C spelling of a scalar dtype (LP64: int64 is `long`, intp is `intptr_t`).
pub fn scalar_spelling(d: Dtype, flavor: Flavor) -> &'static str {
    use Dtype::*;
    match (d, flavor) {
        (Int64, Flavor::IntP) => "intptr_t",
        (UInt64, Flavor::IntP) => "uintptr_t",
        (Bool, _) => "bool",
        (Int8, _) => "signed char",
        (Int16, _) => "short",
        (Int32, _) => "int",
        (Int64, _) => "long",
        (UInt8, _) => "unsigned char",
        (UInt16, _) => "unsigned short",
        (UInt32, _) => "unsigned int",
        (UInt64, _) => "unsigned long",
        (Float32, _) => "float",
        (Float64, _) => "double",
        (Complex64, _) => "float _Complex",
        (Complex128, _) => "double _Complex",
    }
}

/// The C type of a capsule argument, if it has one.
pub fn c_type(t: &ExportType) -> Option<CType> {
    Some(match t {
        ExportType::Scalar { dtype, flavor } if !dtype.is_complex() => CType {
            abi: Abi::Scalar(*dtype),
            spelling: scalar_spelling(*dtype, *flavor).to_owned(),
        },
        ExportType::Pointer { dtype, flavor } if !dtype.is_complex() => CType {
            abi: Abi::Ptr(*dtype),
            spelling: format!("{} *", scalar_spelling(*dtype, *flavor)),
        },
        ExportType::VoidPointer => CType {
            abi: Abi::VoidPtr,
            spelling: "void *".to_owned(),
        },
        // `float64[3]` in a capsule: a pointer to the block.
        ExportType::Array { dtype, flavor, .. } if !dtype.is_complex() => CType {
            abi: Abi::Ptr(*dtype),
            spelling: format!("{} *", scalar_spelling(*dtype, *flavor)),
        },
        _ => return None,
    })
}

/// A slot of a catalogue signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// Exactly this ABI class.
    Is(Abi),
    /// `void *` user data: any pointer fits.
    UserData,
}

/// An entry of SciPy's callback catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Who calls it (`integrate.quad`, ...).
    pub consumer: &'static str,
    /// The exact name SciPy accepts.
    pub name: &'static str,
    /// The C return type.
    pub ret: Dtype,
    slots: &'static [Slot],
}

const D: Slot = Slot::Is(Abi::Scalar(Dtype::Float64));
const I: Slot = Slot::Is(Abi::Scalar(Dtype::Int32));
const IP: Slot = Slot::Is(Abi::Scalar(Dtype::Int64));
const DP: Slot = Slot::Is(Abi::Ptr(Dtype::Float64));
const IPP: Slot = Slot::Is(Abi::Ptr(Dtype::Int64));
const U: Slot = Slot::UserData;

/// SciPy's catalogue (SciPy 1.17).
pub const CATALOGUE: &[Entry] = &[
    Entry {
        consumer: "integrate.quad",
        name: "double (double)",
        ret: Dtype::Float64,
        slots: &[D],
    },
    Entry {
        consumer: "integrate.quad",
        name: "double (double, void *)",
        ret: Dtype::Float64,
        slots: &[D, U],
    },
    Entry {
        consumer: "integrate.nquad",
        name: "double (int, double *)",
        ret: Dtype::Float64,
        slots: &[I, DP],
    },
    Entry {
        consumer: "integrate.nquad",
        name: "double (int, double *, void *)",
        ret: Dtype::Float64,
        slots: &[I, DP, U],
    },
    Entry {
        consumer: "ndimage.generic_filter",
        name: "int (double *, intptr_t, double *, void *)",
        ret: Dtype::Int32,
        slots: &[DP, IP, DP, U],
    },
    Entry {
        consumer: "ndimage.generic_filter1d",
        name: "int (double *, intptr_t, double *, intptr_t, void *)",
        ret: Dtype::Int32,
        slots: &[DP, IP, DP, IP, U],
    },
    Entry {
        consumer: "ndimage.geometric_transform",
        name: "int (intptr_t *, double *, int, int, void *)",
        ret: Dtype::Int32,
        slots: &[IPP, DP, I, I, U],
    },
];

fn fits(slot: Slot, abi: Abi) -> bool {
    match slot {
        Slot::UserData => matches!(abi, Abi::Ptr(_) | Abi::VoidPtr),
        Slot::Is(want) => want == abi,
    }
}

fn same_family(slot: Slot, abi: Abi) -> bool {
    match (slot, abi) {
        (Slot::Is(Abi::Scalar(a)), Abi::Scalar(b)) => {
            crate::types::kind(a) == crate::types::kind(b)
        }
        (Slot::Is(Abi::Ptr(_)), Abi::Ptr(_) | Abi::VoidPtr) => true,
        _ => false,
    }
}

/// How to write a slot's type in an export comment.
fn export_spelling(slot: Slot, c: &str) -> String {
    let word = |d: Dtype| {
        if c.starts_with("intptr_t") {
            "intp"
        } else {
            d.numpy_name()
        }
    };
    match slot {
        Slot::Is(Abi::Scalar(d)) => word(d).to_owned(),
        Slot::Is(Abi::Ptr(d)) => format!("{}*", word(d)),
        Slot::Is(Abi::VoidPtr) | Slot::UserData => "void*".to_owned(),
    }
}

fn slot_spelling(entry: &Entry, i: usize) -> &'static str {
    // Cut the entry's name into its argument spellings.
    let inner = entry
        .name
        .split_once('(')
        .map_or("", |(_, r)| r.trim_end_matches(')'));
    inner.split(", ").nth(i).unwrap_or("?")
}

/// How a capsule's arguments relate to the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// ABI-compatible with this entry: take its name and return type.
    Exact(&'static Entry),
    /// Close to this entry but argument `arg` (0-based) does not fit (SciPy passes `want`).
    Near {
        entry: &'static Entry,
        arg: usize,
        want: &'static str,
        want_export: String,
    },
    /// Unrelated to SciPy.
    None,
}

/// Matches capsule argument types against the catalogue.
pub fn match_catalogue(args: &[CType]) -> Match {
    let mut best: Option<(usize, &'static Entry, usize)> = None;
    for e in CATALOGUE.iter().filter(|e| e.slots.len() == args.len()) {
        let bad: Vec<usize> = (0..args.len())
            .filter(|&i| !fits(e.slots[i], args[i].abi))
            .collect();
        if bad.is_empty() {
            return Match::Exact(e);
        }
        // A near miss: at most one wrong argument (two of four or more), each of the
        // same family as what SciPy passes (int for int, float for float, pointer for pointer).
        let close = (bad.len() == 1 || (args.len() >= 4 && bad.len() <= 2))
            && bad.iter().all(|&i| same_family(e.slots[i], args[i].abi));
        if close && best.is_none_or(|(n, _, _)| bad.len() < n) {
            best = Some((bad.len(), e, bad[0]));
        }
    }
    match best {
        Some((_, entry, arg)) => Match::Near {
            entry,
            arg,
            want: slot_spelling(entry, arg),
            want_export: export_spelling(entry.slots[arg], slot_spelling(entry, arg)),
        },
        None => Match::None,
    }
}

/// The capsule name for a signature outside the catalogue: `RET (ARG, ARG)`.
pub fn signature_name(ret: &str, args: &[CType]) -> String {
    let args: Vec<&str> = args.iter().map(|a| a.spelling.as_str()).collect();
    format!("{ret} ({})", args.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ptr(d: Dtype) -> ExportType {
        ExportType::Pointer {
            dtype: d,
            flavor: Flavor::NumPy,
        }
    }
    fn sc(d: Dtype) -> ExportType {
        ExportType::Scalar {
            dtype: d,
            flavor: Flavor::NumPy,
        }
    }
    fn types(ts: &[ExportType]) -> Vec<CType> {
        ts.iter().map(|t| c_type(t).unwrap()).collect()
    }

    #[test]
    fn seed_f_is_named_with_void_user_data() {
        let m = match_catalogue(&types(&[
            sc(Dtype::Int32),
            ptr(Dtype::Float64),
            ptr(Dtype::Float64),
        ]));
        assert!(matches!(m, Match::Exact(e) if e.name == "double (int, double *, void *)"));
    }

    #[test]
    fn seed_transform_is_named_with_intptr() {
        let args = [
            ptr(Dtype::Int64),
            ptr(Dtype::Float64),
            sc(Dtype::Int32),
            sc(Dtype::Int32),
            ptr(Dtype::Float64),
        ];
        let m = match_catalogue(&types(&args));
        assert!(
            matches!(m, Match::Exact(e) if e.name == "int (intptr_t *, double *, int, int, void *)")
        );
    }

    #[test]
    fn float32_pointer_is_a_near_miss() {
        let m = match_catalogue(&types(&[
            sc(Dtype::Int32),
            ptr(Dtype::Float32),
            ptr(Dtype::Float64),
        ]));
        assert!(
            matches!(
                m,
                Match::Near {
                    arg: 1,
                    want: "double *",
                    ..
                }
            ),
            "{m:?}"
        );
        let m = match_catalogue(&types(&[sc(Dtype::Int64), ptr(Dtype::Float64)]));
        assert!(
            matches!(
                m,
                Match::Near {
                    arg: 0,
                    want: "int",
                    ..
                }
            ),
            "{m:?}"
        );
    }

    #[test]
    fn names_outside_the_catalogue() {
        let args = types(&[
            ptr(Dtype::Float32),
            ExportType::Scalar {
                dtype: Dtype::Int64,
                flavor: Flavor::IntP,
            },
        ]);
        assert_eq!(signature_name("float", &args), "float (float *, intptr_t)");
        assert_eq!(match_catalogue(&args), Match::None);
        assert_eq!(match_catalogue(&types(&[sc(Dtype::Int32)])), Match::None);
    }
}
