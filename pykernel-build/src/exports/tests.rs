//! Tests of [`collect`]: whole files in, signatures and diagnostics out.

use super::*;

/// `[capsule ]name(t1, t2)` for each export.
pub(super) fn sigs(src: &str) -> Vec<String> {
    let (exports, diags) = collect(src);
    assert!(
        diags.is_empty(),
        "unexpected diagnostics for {src:?}: {diags:#?}"
    );
    exports.iter().map(show).collect()
}

pub(super) fn show(e: &Export) -> String {
    let args: Vec<String> = e.args.iter().map(|a| a.ty.to_string()).collect();
    let capsule = if e.capsule { "capsule " } else { "" };
    format!("{capsule}{}({})", e.name, args.join(", "))
}

pub(super) fn covered(src: &str, span: Span) -> &str {
    src.get(span.start..span.end).unwrap_or("<bad span>")
}

/// The one type of `#pythran export f(<ty>)`.
pub(super) fn ty(text: &str) -> ExportType {
    let src = format!("#pythran export f({text})");
    let (exports, diags) = collect(&src);
    assert!(diags.is_empty(), "{text}: {diags:#?}");
    assert_eq!(exports.len(), 1, "{text}");
    let arg = exports.first().and_then(|e| e.args.first()).cloned();
    arg.map(|a| a.ty).unwrap_or(ExportType::None)
}

/// `(code, covered text)` of every diagnostic.
pub(super) fn errs(src: &str) -> Vec<(&'static str, String)> {
    let (_, diags) = collect(src);
    diags
        .iter()
        .map(|d| {
            (
                d.message.code.unwrap_or("?"),
                covered(src, d.span).to_string(),
            )
        })
        .collect()
}

/// The single diagnostic of `src` (a clause with an error exports nothing; text after a
/// valid clause is an error, but the clause itself still counts).
pub(super) fn err1(src: &str) -> Diagnostic {
    let (exports, diags) = collect(src);
    assert!(
        exports.iter().all(|e| e.name == "f" && e.args.len() == 1),
        "{src}: {exports:?}"
    );
    assert_eq!(diags.len(), 1, "{src}: {diags:#?}");
    diags
        .into_iter()
        .next()
        .unwrap_or_else(|| Diagnostic::error(Span::default(), msg_none()))
}

pub(super) fn msg_none() -> crate::messages::Message {
    crate::messages::Message::new("none", "", "")
}

pub(super) const I64: ExportType = ExportType::Scalar {
    dtype: Dtype::Int64,
    flavor: Flavor::Python,
};

#[test]
fn seed_regular_export() {
    let src = "import numpy as np\n#pythran export f(int, float64 [], float64 [])\ndef f(n, x, u): pass\n";
    let (exports, diags) = collect(src);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(exports.len(), 1);
    let e = &exports[0];
    assert_eq!(e.name, "f");
    assert!(!e.capsule);
    assert_eq!(covered(src, e.name_span), "f");
    assert_eq!(covered(src, e.span), "f(int, float64 [], float64 [])");
    let arr = ExportType::Array {
        dtype: Dtype::Float64,
        flavor: Flavor::NumPy,
        dims: vec![Dim::Any],
        strided: false,
        order: Order::C,
    };
    let tys: Vec<_> = e.args.iter().map(|a| a.ty.clone()).collect();
    assert_eq!(tys, vec![I64, arr.clone(), arr]);
    let spans: Vec<_> = e.args.iter().map(|a| covered(src, a.span)).collect();
    assert_eq!(spans, vec!["int", "float64 []", "float64 []"]);
}

#[test]
fn seed_capsule_exports() {
    let src = "#pythran export capsule f(int32, float64*, float64* )\n\
               #pythran export capsule transform(int64*, float64*, int32, int32, float64*)\n\
               #pythran export capsule transform_basic(int64*, float64*, int32, int32, float64*)\n";
    assert_eq!(
        sigs(src),
        vec![
            "capsule f(int32, float64*, float64*)",
            "capsule transform(int64*, float64*, int32, int32, float64*)",
            "capsule transform_basic(int64*, float64*, int32, int32, float64*)",
        ]
    );
    let (exports, _) = collect(src);
    let f = &exports[0];
    assert_eq!(
        f.args[1].ty,
        ExportType::Pointer {
            dtype: Dtype::Float64,
            flavor: Flavor::NumPy
        }
    );
    assert_eq!(covered(src, f.args[2].span), "float64*");
    assert_eq!(covered(src, f.span), "f(int32, float64*, float64* )");
}

#[test]
fn prefixes_and_comment_positions() {
    let src = "# pythran export a()\n#pykernel export b()\n    #  pythran export c()\n\
               x = 1  # pythran export d()\n'''\n#pythran export e()\n'''\ns = '#pythran export g()'\n";
    assert_eq!(sigs(src), vec!["a()", "b()", "c()"]);
}

#[test]
fn multi_clause_lines_and_capsule_scope() {
    assert_eq!(
        sigs("#pythran export a(int), b(float)"),
        vec!["a(int)", "b(float)"]
    );
    assert_eq!(
        sigs("#pythran export capsule a(int), b(float)"),
        vec!["capsule a(int)", "capsule b(float)"]
    );
    assert_eq!(
        sigs("#pythran export a(int), capsule b(float)"),
        vec!["a(int)", "capsule b(float)"]
    );
    assert_eq!(sigs("#pythran export capsule(int)"), vec!["capsule(int)"]);
    assert_eq!(
        sigs("#pythran export capsule capsule(int)"),
        vec!["capsule capsule(int)"]
    );
    assert_eq!(sigs("#pythran export export(int)"), vec!["export(int)"]);
}

#[test]
fn continuation_lines() {
    let src = "#pythran export f(int,\n#                float)\n#pythran export g(\n#  int list,\n  #  (int,\n# float)), h()\n";
    assert_eq!(
        sigs(src),
        vec!["f(int, float)", "g(int list, (int, float))", "h()"]
    );
    let (exports, _) = collect(src);
    assert_eq!(covered(src, exports[0].args[1].span), "float");
    assert_eq!(covered(src, exports[1].args[1].span), "(int,\n# float)");
}

#[test]
fn alternatives_expand_to_every_combination() {
    assert_eq!(
        sigs("#pythran export f(int or float, bool)"),
        vec!["f(int, bool)", "f(float, bool)"]
    );
    assert_eq!(
        sigs("#pythran export f(int or float, int32 or float32)"),
        vec![
            "f(int, int32)",
            "f(int, float32)",
            "f(float, int32)",
            "f(float, float32)"
        ]
    );
    assert_eq!(sigs("#pythran export f(int or int)"), vec!["f(int)"]);
    assert_eq!(
        sigs("#pythran export f(int or float list)"),
        vec!["f(int)", "f(float list)"]
    );
    assert_eq!(
        sigs("#pythran export f((int or float) list)"),
        vec!["f(int list)", "f(float list)"]
    );
    assert_eq!(
        sigs("#pythran export f((int, float or None))"),
        vec!["f((int, float))", "f((int, None))"]
    );
    assert_eq!(
        sigs("#pythran export f(int:(float or int) dict)"),
        vec!["f(int:float dict)", "f(int:int dict)"]
    );
    assert_eq!(
        sigs("#pythran export f((int or float)[:])"),
        vec!["f(int[:])", "f(float[:])"]
    );
}

#[test]
fn trailing_optionals_expand_longest_first() {
    assert_eq!(
        sigs("#pythran export f(int, float?)"),
        vec!["f(int, float)", "f(int)"]
    );
    assert_eq!(
        sigs("#pythran export f(int?, float?)"),
        vec!["f(int, float)", "f(int)", "f()"]
    );
    assert_eq!(
        sigs("#pythran export f(int, float or bool?)"),
        vec!["f(int, float)", "f(int, bool)", "f(int)"]
    );
}

#[test]
fn every_type_form() {
    let cases = [
        ("bool", "bool"),
        ("int", "int"),
        ("float", "float"),
        ("complex", "complex"),
        ("int8", "int8"),
        ("int16", "int16"),
        ("int32", "int32"),
        ("int64", "int64"),
        ("intc", "int32"),
        ("intp", "intp"),
        ("uint8", "uint8"),
        ("uint16", "uint16"),
        ("uint32", "uint32"),
        ("uint64", "uint64"),
        ("uintc", "uint32"),
        ("uintp", "uintp"),
        ("float32", "float32"),
        ("float64", "float64"),
        ("complex64", "complex64"),
        ("complex128", "complex128"),
        ("byte", "int8"),
        ("None", "None"),
        ("float64[]", "float64[:]"),
        ("float64 [ : ]", "float64[:]"),
        ("float64[:,:]", "float64[:,:]"),
        ("float64[][]", "float64[:,:]"),
        ("float64[:][:,:]", "float64[:,:,:]"),
        ("float64[:,:,:,:]", "float64[:,:,:,:]"),
        ("float64[::]", "float64[::]"),
        ("float64[::,:]", "float64[::,::]"),
        ("float64[:,3]", "float64[:,3]"),
        ("int32[3]", "int32[3]"),
        ("float64[:,:] order(F)", "float64[:,:] order(F)"),
        ("float64[:,:] order(C)", "float64[:,:]"),
        ("int list", "int list"),
        ("int list list", "int list list"),
        ("int set", "int set"),
        ("int:float dict", "int:float dict"),
        ("int:float dict list", "int:float dict list"),
        ("int:float list dict", "int:float list dict"),
        ("int:int:float dict dict", "int:int:float dict dict"),
        ("int:float dict:int dict", "int:float dict:int dict"),
        ("(int, float)", "(int, float)"),
        ("(int,)", "(int,)"),
        ("()", "()"),
        ("(int)", "int"),
        ("(int, float64[]) list", "(int, float64[:]) list"),
        ("((int, bool), None)", "((int, bool), None)"),
        ("float64*", "float64*"),
        ("float64 *", "float64*"),
        ("intp*", "intp*"),
        ("void*", "void*"),
        ("void *", "void*"),
        ("void* list", "void* list"),
        ("float64[:,:] order(F) list", "float64[:,:] order(F) list"),
    ];
    for (text, shown) in cases {
        let t = ty(text);
        assert_eq!(t.to_string(), shown, "{text}");
        assert_eq!(ty(shown), t, "display of {text} does not parse back");
    }
}

#[test]
fn type_details() {
    assert_eq!(
        ty("byte"),
        ExportType::Scalar {
            dtype: Dtype::Int8,
            flavor: Flavor::NumPy
        }
    );
    assert_eq!(
        ty("uintp"),
        ExportType::Scalar {
            dtype: Dtype::UInt64,
            flavor: Flavor::IntP
        }
    );
    let ExportType::Array {
        dims,
        strided,
        order,
        ..
    } = ty("float64[:,3] order(F)")
    else {
        panic!("not an array")
    };
    assert_eq!(dims, vec![Dim::Any, Dim::Fixed(3)]);
    assert!(!strided);
    assert_eq!(order, Order::F);
    assert!(matches!(
        ty("float32[:,::]"),
        ExportType::Array { strided: true, .. }
    ));
    assert_eq!(ty("void*"), ExportType::VoidPointer);
    assert_eq!(ty("(int,)"), ExportType::Tuple(vec![I64]));
    assert_eq!(
        ty("int:int dict"),
        ExportType::Dict(Box::new(I64), Box::new(I64))
    );
}

#[test]
fn dtype_helpers() {
    assert!(Dtype::UInt8.is_int() && Dtype::UInt8.is_unsigned());
    assert!(Dtype::Int64.is_int() && !Dtype::Int64.is_unsigned());
    assert!(!Dtype::Bool.is_int() && !Dtype::Float32.is_int());
    assert!(Dtype::Float32.is_float() && !Dtype::Complex64.is_float());
    assert!(Dtype::Complex64.is_complex() && !Dtype::Float64.is_complex());
    let names: Vec<_> = Dtype::ALL.iter().map(|d| d.numpy_name()).collect();
    assert_eq!(names[0], "bool");
    assert_eq!(names[3], "int32");
    assert_eq!(names[12], "complex128");
}
