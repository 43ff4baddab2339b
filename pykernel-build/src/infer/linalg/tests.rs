//! Result types of the products: NumPy's `result_type` with Python numbers as their
//! default dtypes, the result ranks, `a @= b`.

use super::product_dtype;
use crate::exports::Dtype::{self, *};
use crate::ir::{Builtin, ExprKind, Linalg, Stmt};
use crate::testutil::{inferred, lowered, texts};
use crate::types::{Scalar, Ty};

#[test]
fn product_dtypes_are_numpys_result_type() {
    let cases: &[(Dtype, Dtype, Dtype)] = &[
        (Int8, UInt8, Int16),
        (Int8, Int8, Int8),
        (UInt64, Int64, Float64),
        (Float32, Int32, Float64),
        (Float32, Int16, Float32),
        (Bool, Bool, Bool),
        (Bool, Int8, Int8),
        (Complex64, Float64, Complex128),
        (Complex64, Float32, Complex64),
    ];
    for &(a, b, want) in cases {
        assert_eq!(product_dtype(a, b), Some(want), "{a:?} · {b:?}");
        assert_eq!(product_dtype(b, a), Some(want), "{b:?} · {a:?}");
    }
}

/// The return type of `body` in `f(params)` with these export types.
fn ret(export: &str, body: &str) -> Ty {
    let src = format!(
        "import numpy as np\n#pykernel export f({export})\ndef f(a, b):\n    return {body}\n"
    );
    let (_, _, p, d) = inferred(&src);
    assert!(d.is_empty(), "{body}: {:?}", texts(&d));
    p.instances[0].ret.clone().expect("typed")
}

#[test]
fn ranks_and_python_numbers() {
    let arr = |d, n| Ty::Array(d, n);
    assert_eq!(
        ret("float64[:], float64[:]", "np.dot(a, b)"),
        Ty::Scalar(Scalar::np(Float64))
    );
    assert_eq!(ret("float64[:,:], float64[:]", "a @ b"), arr(Float64, 1));
    assert_eq!(ret("float64[:], float64[:,:]", "a.dot(b)"), arr(Float64, 1));
    assert_eq!(
        ret("int8[:,:], uint8[:,:]", "np.matmul(a, b)"),
        arr(Int16, 2)
    );
    assert_eq!(ret("float64[:,:,:], float64[:]", "a @ b"), arr(Float64, 2));
    assert_eq!(ret("float64[:], float64[:,:,:]", "a @ b"), arr(Float64, 2));
    assert_eq!(
        ret("float64[:,:], float64[:,:,:]", "a @ b"),
        arr(Float64, 3)
    );
    // A Python number is not weak here: float32 · 2.0 is float64.
    assert_eq!(ret("float32[:], float", "np.dot(a, b)"), arr(Float64, 1));
    assert_eq!(ret("int8[:], int", "np.dot(b, a)"), arr(Int64, 1));
    assert_eq!(
        ret("float32[:,:], int32[:]", "np.outer(a, b)"),
        arr(Float64, 2)
    );
    assert_eq!(
        ret("complex64[:,:], float32[:]", "np.vdot(a, b)"),
        Ty::Scalar(Scalar::np(Complex64))
    );
    assert_eq!(
        ret("int32[:,:], int", "a.trace()"),
        Ty::Scalar(Scalar::np(Int64))
    );
    assert_eq!(ret("bool[:,:], bool[:]", "np.inner(a, b)"), arr(Bool, 1));
}

#[test]
fn operators_and_methods_lower_to_the_functions() {
    let (m, d) = lowered("def f(a, b):\n    a @= b\n    return a @ b, a.dot(b), a.trace()\n");
    assert!(d.is_empty(), "{:?}", texts(&d));
    let body = &m.functions[0].body;
    let Stmt::Assign { value, .. } = &body[0] else {
        panic!("`a @= b` is a store: {:?}", body[0]);
    };
    assert!(matches!(
        value.kind,
        ExprKind::CallBuiltin(Builtin::NpLinalg(Linalg::MatmulInPlace), _)
    ));
    let Stmt::Return(Some(r), _) = &body[1] else {
        panic!("{:?}", body[1]);
    };
    let ExprKind::Tuple(items) = &r.kind else {
        panic!("{:?}", r.kind);
    };
    let called: Vec<_> = items
        .iter()
        .map(|e| match &e.kind {
            ExprKind::CallBuiltin(Builtin::NpLinalg(l), args) => (*l, args.len()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        called,
        vec![(Linalg::Matmul, 2), (Linalg::Dot, 2), (Linalg::Trace, 1)]
    );
}

#[test]
fn solver_types_are_numpys_common_type() {
    let arr = |d, n| Ty::Array(d, n);
    let num = |d| Ty::Scalar(Scalar::np(d));
    assert_eq!(ret("float64[:,:], int", "np.linalg.det(a)"), num(Float64));
    assert_eq!(ret("float32[:,:], int", "np.linalg.det(a)"), num(Float32));
    assert_eq!(ret("int32[:,:], int", "np.linalg.det(a)"), num(Float64));
    assert_eq!(ret("bool[:,:], int", "np.linalg.det(a)"), num(Float64));
    assert_eq!(
        ret("complex64[:,:], int", "np.linalg.det(a)"),
        num(Complex64)
    );
    assert_eq!(
        ret("float32[:,:,:], int", "np.linalg.det(a)"),
        arr(Float32, 1)
    );
    assert_eq!(ret("uint8[:,:], int", "np.linalg.inv(a)"), arr(Float64, 2));
    assert_eq!(
        ret("complex64[:,:,:], int", "np.linalg.inv(a)"),
        arr(Complex64, 3)
    );
    // float32 with float32 stays; with an integer (float64) or complex it widens.
    assert_eq!(
        ret("float32[:,:], float32[:]", "np.linalg.solve(a, b)"),
        arr(Float32, 1)
    );
    assert_eq!(
        ret("float32[:,:], int8[:]", "np.linalg.solve(a, b)"),
        arr(Float64, 1)
    );
    assert_eq!(
        ret("float32[:,:], complex64[:,:]", "np.linalg.solve(a, b)"),
        arr(Complex64, 2)
    );
    assert_eq!(
        ret("float64[:,:], complex64[:]", "np.linalg.solve(a, b)"),
        arr(Complex128, 1)
    );
    // NumPy 2: a 1-D b is a vector; stacks broadcast.
    assert_eq!(
        ret("float64[:,:,:], float64[:]", "np.linalg.solve(a, b)"),
        arr(Float64, 2)
    );
    assert_eq!(
        ret("float64[:,:,:], float64[:,:]", "np.linalg.solve(a, b)"),
        arr(Float64, 3)
    );
    assert_eq!(
        ret("float64[:,:], float64[:,:,:]", "np.linalg.solve(a, b)"),
        arr(Float64, 3)
    );
}

#[test]
fn cross_kron_einsum_types() {
    let arr = |d, n| Ty::Array(d, n);
    let num = |d| Ty::Scalar(Scalar::np(d));
    assert_eq!(ret("int8[:], uint8[:,:]", "np.cross(a, b)"), arr(Int16, 2));
    assert_eq!(
        ret("float32[:], complex64[:]", "np.cross(a, b)"),
        arr(Complex64, 1)
    );
    assert_eq!(ret("float32[:], float", "np.kron(a, b)"), arr(Float64, 1));
    assert_eq!(ret("int8[:,:], int8[:]", "np.kron(a, b)"), arr(Int8, 2));
    assert_eq!(ret("bool[:], bool[:]", "np.kron(a, b)"), arr(Bool, 1));
    assert_eq!(
        ret("int32[:], int32[:]", "np.einsum('i,i', a, b)"),
        num(Int32)
    );
    assert_eq!(
        ret("int8[:,:], uint8[:]", "np.einsum('ij,j', a, b)"),
        arr(Int16, 1)
    );
    assert_eq!(ret("bool[:,:], int", "np.einsum('ij->', a)"), num(Bool));
    assert_eq!(
        ret("float32[:,:,:], int", "np.einsum('ijk->kji', a)"),
        arr(Float32, 3)
    );
}

#[test]
fn refused_forms_have_their_codes() {
    let codes = |export: &str, body: &str| -> Vec<String> {
        let src = format!(
            "import numpy as np\n#pykernel export f({export})\ndef f(a, b):\n    return {body}\n"
        );
        let (_, _, _, d) = inferred(&src);
        d.iter()
            .filter_map(|d| d.message.code.map(str::to_owned))
            .collect()
    };
    let has = |v: Vec<String>, code: &str| v.iter().any(|t| t == code);
    assert!(has(codes("float64[:], int", "np.linalg.det(a)"), "PK0367"));
    assert!(has(
        codes("float64[:,:], float", "np.linalg.solve(a, b)"),
        "PK0367"
    ));
    assert!(has(
        codes("float64[:,:,:,:], int", "np.linalg.inv(a)"),
        "PK0369"
    ));
    assert!(has(codes("float64[:], float", "np.cross(a, b)"), "PK0368"));
    assert!(has(codes("bool[:], bool[:]", "np.cross(a, b)"), "PK0330"));
    assert!(has(
        codes("float64[:,:], float64[:]", "np.einsum('ij,jk', a, b)"),
        "PK0365"
    ));
    assert!(has(
        codes("float64[:,:], float", "np.einsum('ij,j', a, b)"),
        "PK0366"
    ));
}
