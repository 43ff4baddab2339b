//! `resolve` against NumPy 2.4.6 itself: the fixture
//! `tests/fixtures/ufunc_resolution.txt` (written by `scripts/gen_ufunc_table.py`) holds
//! NumPy's result dtype or error for every ufunc on every single/pair of operand kinds.

use std::collections::HashMap;

use super::resolve::Operand;
use super::*;
use crate::types::Scalar;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ufunc_resolution.txt"
));

/// The Python ints the fixture tried against each loop, in its order.
const OVERFLOW_VALUES: [i128; 18] = [
    -1,
    127,
    128,
    255,
    256,
    32767,
    32768,
    65535,
    65536,
    2147483647,
    2147483648,
    4294967295,
    4294967296,
    -129,
    -32769,
    -2147483649,
    -9223372036854775808,
    9223372036854775807,
];

fn dtype_of(short: &str) -> Option<Dtype> {
    use Dtype::*;
    Some(match short {
        "b1" => Bool,
        "i1" => Int8,
        "i2" => Int16,
        "i4" => Int32,
        "i8" => Int64,
        "u1" => UInt8,
        "u2" => UInt16,
        "u4" => UInt32,
        "u8" => UInt64,
        "f4" => Float32,
        "f8" => Float64,
        "c8" => Complex64,
        "c16" => Complex128,
        _ => return None,
    })
}

fn operand(short: &str) -> Scalar {
    match short {
        "Pb" => Scalar::BOOL,
        "Pi" => Scalar::INT,
        "Pf" => Scalar::FLOAT,
        "Pc" => Scalar::COMPLEX,
        s => Scalar::np(dtype_of(s).unwrap_or_else(|| panic!("operand {s}"))),
    }
}

/// NumPy's name of the unsupported dtypes the fixture spells with a short code.
fn other_dtype(short: &str) -> &'static str {
    match short {
        "f2" => "float16",
        "f16" => "longdouble",
        "O" => "object",
        "m8" => "timedelta64",
        "M8" => "datetime64",
        s => panic!("unknown dtype code {s}"),
    }
}

fn range(d: Dtype) -> (i128, i128) {
    use Dtype::*;
    match d {
        Int8 => (i8::MIN.into(), i8::MAX.into()),
        Int16 => (i16::MIN.into(), i16::MAX.into()),
        Int32 => (i32::MIN.into(), i32::MAX.into()),
        Int64 => (i64::MIN.into(), i64::MAX.into()),
        UInt8 => (0, u8::MAX.into()),
        UInt16 => (0, u16::MAX.into()),
        UInt32 => (0, u32::MAX.into()),
        UInt64 => (0, u64::MAX.into()),
        _ => panic!("range of {d:?}"),
    }
}

struct Case<'a> {
    func: &'a str,
    operands: Vec<&'a str>,
    result: &'a str,
    lp: &'a str,
    overflow: &'a str,
}

fn fixture() -> (HashMap<usize, &'static str>, Vec<Case<'static>>) {
    let mut messages = HashMap::new();
    let mut cases = Vec::new();
    for line in FIXTURE.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('@') {
            let (i, text) = rest.split_once('\t').expect("message line");
            messages.insert(i.parse().expect("message index"), text);
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "{line}");
        cases.push(Case {
            func: f[0],
            operands: f[1].split(',').collect(),
            result: f[2],
            lp: f[3],
            overflow: f[4],
        });
    }
    (messages, cases)
}

/// Compares one outcome with the fixture's; a description of the difference if any.
fn check(
    messages: &HashMap<usize, &str>,
    c: &Case,
    got: &Result<Resolved, Unsupported>,
) -> Option<String> {
    let expected = if let Some(i) = c.result.strip_prefix('!') {
        messages[&i.parse::<usize>().expect("index")].to_owned()
    } else if let Some(d) = dtype_of(c.result) {
        d.numpy_name().to_owned()
    } else {
        format!("unsupported {}", other_dtype(c.result))
    };
    let actual = match got {
        Ok(r) => r.output.numpy_name().to_owned(),
        Err(Unsupported::Dtype(d)) => format!("unsupported {d}"),
        Err(Unsupported::NumPy { exception, message }) => format!("{exception}: {message}"),
    };
    if expected != actual {
        return Some(format!("expected {expected}, got {actual}"));
    }
    let Ok(r) = got else { return None };
    // The loop's inputs, where NumPy's `resolve_dtypes` agrees with the call.
    if let Some((ins, out)) = c.lp.split_once("->")
        && out == c.result
    {
        let want: Vec<Option<Dtype>> = ins.split(',').map(dtype_of).collect();
        let got_ins: Vec<Option<Dtype>> = r.inputs.iter().map(|d| Some(*d)).collect();
        // Integer-vs-Python-int comparisons compare exactly in int64 (or uint64 against
        // int64, NumPy's `Qq` loop) where NumPy compares in the integer's dtype after a
        // range check of the Python int: the same results.
        let exact_int_cmp = super::ufunc(c.func).is_some_and(|u| u.pyint_comparison)
            && c.operands.contains(&"Pi")
            && r.inputs.iter().all(|d| d.is_int());
        if want != got_ins && !exact_int_cmp {
            return Some(format!("loop inputs {want:?}, got {:?}", r.inputs));
        }
    }
    // Which Python ints raise OverflowError.
    if c.overflow != "-" {
        for part in c.overflow.split(' ') {
            let (i, bits) = part.split_once(':').expect("overflow field");
            let i: usize = i.parse().expect("operand index");
            for (v, bit) in OVERFLOW_VALUES.iter().zip(bits.bytes()) {
                let raises = r.range_check[i].is_some_and(|d| {
                    let (lo, hi) = range(d);
                    *v < lo || *v > hi
                });
                // Python ints beyond int64 are not kernel values.
                if (bit == b'1') != raises && i64::try_from(*v).is_ok() {
                    return Some(format!(
                        "Python int {v} as operand {i}: NumPy raises: {}, range check {:?}",
                        bit == b'1',
                        r.range_check[i]
                    ));
                }
            }
        }
    }
    None
}

#[test]
fn resolution_agrees_with_numpy_on_every_ufunc_and_operand_pair() {
    let (messages, cases) = fixture();
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in &cases {
        let args: Vec<Scalar> = c.operands.iter().map(|s| operand(s)).collect();
        let got = match c.func {
            "round0" => round(args[0], Some(0)),
            "round1" => round(args[0], Some(1)),
            "round-1" => round(args[0], Some(-1)),
            "angle" => angle(args[0], false),
            "angle_deg" => angle(args[0], true),
            "real" | "imag" => {
                let s = if c.func == "real" {
                    real(args[0])
                } else {
                    imag(args[0])
                };
                let got = match (s.py, s.dtype) {
                    (true, Dtype::Int64) => "Pi",
                    (true, Dtype::Float64) => "Pf",
                    (true, Dtype::Complex128) => "Pc",
                    (true, Dtype::Bool) => "Pb",
                    _ => runtime_names_short(s.dtype),
                };
                checked += 1;
                if got != c.result {
                    failures.push(format!(
                        "{}({}): NumPy {}, got {got}",
                        c.func,
                        c.operands.join(", "),
                        c.result
                    ));
                }
                continue;
            }
            name => {
                let uf = ufunc(name).unwrap_or_else(|| panic!("no ufunc {name}"));
                resolve(uf, &args)
            }
        };
        checked += 1;
        if let Some(why) = check(&messages, c, &got) {
            failures.push(format!("{}({}): {why}", c.func, c.operands.join(", ")));
        }
    }
    assert!(checked > 9000, "only {checked} cases in the fixture");
    assert!(
        failures.is_empty(),
        "{} of {checked} cases differ from NumPy:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn runtime_names_short(d: Dtype) -> &'static str {
    use Dtype::*;
    match d {
        Bool => "b1",
        Int8 => "i1",
        Int16 => "i2",
        Int32 => "i4",
        Int64 => "i8",
        UInt8 => "u1",
        UInt16 => "u2",
        UInt32 => "u4",
        UInt64 => "u8",
        Float32 => "f4",
        Float64 => "f8",
        Complex64 => "c8",
        Complex128 => "c16",
    }
}

#[test]
fn every_operator_has_its_ufunc() {
    use crate::ir::{BinOp::*, CmpOp::*, UnaryOp::*};
    for op in [
        Add, Sub, Mul, Div, FloorDiv, Mod, Pow, BitAnd, BitOr, BitXor, Shl, Shr,
    ] {
        assert!(ufunc(binop_ufunc(op)).is_some(), "{op:?}");
    }
    for op in [Eq, Ne, Lt, Le, Gt, Ge] {
        assert!(cmpop_ufunc(op).and_then(ufunc).is_some(), "{op:?}");
    }
    assert!(cmpop_ufunc(In).is_none());
    for op in [Neg, Pos, Invert] {
        assert!(unaryop_ufunc(op).and_then(ufunc).is_some(), "{op:?}");
    }
    assert!(unaryop_ufunc(Not).is_none());
    assert_eq!(ufunc(ABS_UFUNC).map(|u| u.name), Some("absolute"));
    for (alias, name) in [
        ("mod", "remainder"),
        ("true_divide", "divide"),
        ("abs", "absolute"),
        ("conj", "conjugate"),
    ] {
        assert_eq!(ufunc(alias).map(|u| u.name), Some(name));
    }
    assert!(ufunc("round").is_none() && ufunc("sinc").is_none());
}

#[test]
fn the_three_examples_of_the_api() {
    let sin = resolve(ufunc("sin").unwrap(), &[Scalar::np(Dtype::Float32)]).unwrap();
    assert_eq!(
        sin.call(&[quote::quote!(x)]).to_string(),
        ":: pykernel :: __private :: ufunc :: f32 :: sin (x)"
    );
    assert_eq!(sin.output, Dtype::Float32);

    let add = resolve(
        ufunc("add").unwrap(),
        &[Scalar::np(Dtype::Int32), Scalar::INT],
    )
    .unwrap();
    assert_eq!(add.inputs, [Dtype::Int32, Dtype::Int32]);
    assert_eq!(add.range_check, [None, Some(Dtype::Int32)]);
    assert_eq!(
        (add.function.as_str(), add.output),
        ("i32::add", Dtype::Int32)
    );

    let fd = ufunc("floor_divide").unwrap();
    let r = resolve(fd, &[Scalar::np(Dtype::Int64), Scalar::np(Dtype::Int64)]).unwrap();
    assert_eq!(
        (r.function.as_str(), r.fallible),
        ("i64::floor_divide", false)
    );

    let pow = resolve(
        ufunc("power").unwrap(),
        &[Scalar::np(Dtype::Int8), Scalar::INT],
    )
    .unwrap();
    assert_eq!(
        pow.call(&[quote::quote!(a), quote::quote!(b)]).to_string(),
        ":: pykernel :: __private :: ufunc :: i8 :: power (a , b) ?"
    );
    let cmp = resolve(
        ufunc("less").unwrap(),
        &[Scalar::np(Dtype::UInt64), Scalar::INT],
    )
    .unwrap();
    assert_eq!(cmp.function, "u64_i64::less");
    assert_eq!(cmp.range_check, [None, None]);
}

#[test]
fn weak_scalars_follow_nep50_and_unary_calls_see_python_defaults() {
    use resolve::result_type;
    let s = |d| Operand::Strong(d);
    assert_eq!(
        result_type(&[s(Dtype::Int8), Operand::WeakInt]),
        Dtype::Int8
    );
    assert_eq!(
        result_type(&[s(Dtype::Bool), Operand::WeakInt]),
        Dtype::Int64
    );
    assert_eq!(
        result_type(&[s(Dtype::Float32), Operand::WeakComplex]),
        Dtype::Complex64
    );
    assert_eq!(
        result_type(&[s(Dtype::Int16), Operand::WeakFloat]),
        Dtype::Float64
    );
    assert_eq!(
        result_type(&[Operand::WeakInt, Operand::WeakFloat]),
        Dtype::Float64
    );
    // np.negative(5) is negative(int64); np.sqrt(True) is a float16 loop.
    let neg = resolve(ufunc("negative").unwrap(), &[Scalar::INT]).unwrap();
    assert_eq!(neg.output, Dtype::Int64);
    assert_eq!(
        resolve(ufunc("sqrt").unwrap(), &[Scalar::BOOL]),
        Err(Unsupported::Dtype("float16"))
    );
    let e = resolve(ufunc("sqrt").unwrap(), &[Scalar::FLOAT, Scalar::FLOAT]).unwrap_err();
    assert!(matches!(
        e,
        Unsupported::NumPy {
            exception: "TypeError",
            ..
        }
    ));
}

/// Every runtime function `resolve` (and `round`, `angle`, `real`, `imag`) can name.
fn all_runtime_functions() -> Vec<String> {
    let kinds: Vec<Scalar> = Dtype::ALL
        .iter()
        .map(|d| Scalar::np(*d))
        .chain([Scalar::BOOL, Scalar::INT, Scalar::FLOAT, Scalar::COMPLEX])
        .collect();
    let mut names = std::collections::BTreeSet::new();
    for uf in all_ufuncs() {
        let combos: Vec<Vec<Scalar>> = if uf.nin == 1 {
            kinds.iter().map(|k| vec![*k]).collect()
        } else {
            kinds
                .iter()
                .flat_map(|a| kinds.iter().map(move |b| vec![*a, *b]))
                .collect()
        };
        for args in combos {
            if let Ok(r) = resolve(uf, &args) {
                names.insert(r.function);
            }
        }
    }
    for k in &kinds {
        for r in [round(*k, Some(-1)), angle(*k, false), angle(*k, true)]
            .into_iter()
            .flatten()
        {
            names.insert(r.function);
        }
    }
    for c in ["c64", "c128"] {
        names.insert(format!("{c}::real"));
        names.insert(format!("{c}::imag"));
    }
    names.into_iter().collect()
}

/// The list of runtime functions is `pykernel/src/ufunc/loops.txt`, which pykernel's
/// tests compare with its registry of loops: every loop the translator can call exists.
/// `PYKERNEL_BLESS=1` rewrites the file.
#[test]
fn runtime_functions_are_the_committed_list() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../pykernel/src/ufunc/loops.txt"
    );
    let want = all_runtime_functions().join("\n") + "\n";
    if std::env::var_os("PYKERNEL_BLESS").is_some() {
        std::fs::write(path, &want).expect("write loops.txt");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "pykernel/src/ufunc/loops.txt differs from the loops resolve names (rerun with \
         PYKERNEL_BLESS=1 and review the diff)"
    );
}
