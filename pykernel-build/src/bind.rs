//! Pass 4a: bind export signatures to functions and give their arguments kernel types.
//!
//! Checks that every exported function exists with the right arity, that each argument
//! type is supported where it is used, and that capsules are not overloaded.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::exports::{Dim, Export, ExportType, Flavor};
use crate::ir::Module;
use crate::lower::suggest;
use crate::messages::kernel as msg;
use crate::scipy::{CType, c_type};
use crate::types::{Scalar, Ty};

/// An export ready for inference and emission.
#[derive(Clone, Debug)]
pub struct BoundExport {
    /// The export line's signature.
    pub export: Export,
    /// Index of the function in the module.
    pub func: usize,
    /// Kernel types of the arguments (the root instance's key).
    pub params: Vec<Ty>,
    /// C types of the arguments (capsules only).
    pub c_params: Vec<CType>,
}

/// Names that generated code defines next to the exports.
const RESERVED: &[&str] = &["register", "self", "Self", "super", "crate"];

/// Binds every export; returns the bound ones and the problems found.
pub fn bind(module: &Module, exports: &[Export]) -> (Vec<BoundExport>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let mut seen: HashMap<&str, &Export> = HashMap::new();
    for ex in exports {
        if let Some(first) = seen.get(ex.name.as_str()) {
            // Regular exports may be overloaded; capsules wrap a single function pointer.
            let m = if ex.capsule || first.capsule {
                Some(msg::capsule_overloaded(&ex.name))
            } else if out
                .iter()
                .any(|b: &BoundExport| b.export.name == ex.name && same_types(&b.export, ex))
            {
                Some(msg::duplicate_signature(&ex.name))
            } else {
                None
            };
            if let Some(m) = m {
                diags.push(
                    Diagnostic::error(ex.span, m)
                        .with_secondary(first.span, "first signature here"),
                );
                continue;
            }
        } else {
            seen.insert(&ex.name, ex);
        }
        if RESERVED.contains(&ex.name.as_str()) || ex.name.starts_with("__pk") {
            diags.push(Diagnostic::error(
                ex.name_span,
                msg::bad_export_name(&ex.name),
            ));
            continue;
        }
        // A shorter signature from trailing optionals (`T?`) binds to the function that
        // fills in the Python defaults (see `lower::default_wrappers`).
        let shorter = module.function(&ex.name).and_then(|(_, f)| {
            (f.params.len() > ex.args.len())
                .then(|| module.function(&format!("{}__pkargs{}", ex.name, ex.args.len())))
                .flatten()
        });
        let Some((func, f)) = shorter.or_else(|| module.function(&ex.name)) else {
            let names = module.functions.iter().map(|f| f.name.as_str());
            diags.push(Diagnostic::error(
                ex.name_span,
                msg::export_missing_function(&ex.name, suggest(&ex.name, names)),
            ));
            continue;
        };
        if f.params.len() != ex.args.len() {
            diags.push(
                Diagnostic::error(
                    ex.span,
                    msg::export_arity(&ex.name, f.params.len(), ex.args.len()),
                )
                .with_secondary(f.name_span, format!("`{}` defined here", f.name)),
            );
            continue;
        }
        let mut params = Vec::new();
        let mut c_params = Vec::new();
        let mut ok = true;
        for a in &ex.args {
            let ty = if ex.capsule {
                capsule_param(&a.ty)
            } else {
                regular_param(&a.ty)
            };
            match ty {
                Ok(t) => params.push(t),
                Err(m) => {
                    diags.push(Diagnostic::error(a.span, m));
                    ok = false;
                }
            }
            if ex.capsule
                && let Some(c) = c_type(&a.ty)
            {
                c_params.push(c);
            }
        }
        if ok {
            out.push(BoundExport {
                export: ex.clone(),
                func,
                params,
                c_params,
            });
        }
    }
    (out, diags)
}

fn same_types(a: &Export, b: &Export) -> bool {
    a.args.len() == b.args.len() && a.args.iter().zip(&b.args).all(|(x, y)| x.ty == y.ty)
}

/// Capsule arguments behave as ctypes hands them to a Python callback: integer scalars
/// are Python ints, floating scalars Python floats; pointers stay pointers.
fn capsule_param(t: &ExportType) -> Result<Ty, crate::messages::Message> {
    match t {
        ExportType::Scalar { dtype, .. } if !dtype.is_complex() => {
            Ok(Ty::Scalar(match crate::types::kind(*dtype) {
                0 => Scalar::BOOL,
                1 => Scalar::INT,
                _ => Scalar::FLOAT,
            }))
        }
        ExportType::Pointer { dtype, .. } if !dtype.is_complex() => Ok(Ty::Ptr(*dtype)),
        ExportType::VoidPointer => Ok(Ty::VoidPtr),
        // A pointer to a block of known extents: an array in the kernel.
        ExportType::Array { dtype, dims, .. } if !dtype.is_complex() => {
            if dims.iter().all(|d| matches!(d, Dim::Fixed(_))) {
                Ok(Ty::Array(*dtype, dims.len() as u8))
            } else {
                Err(msg::capsule_array_extents(&t.to_string()))
            }
        }
        other => Err(msg::unsupported_export_type(
            &other.to_string(),
            "capsule exports",
        )),
    }
}

/// Regular exports take Python scalars for `int`/`float`/`bool` and NumPy scalars for
/// sized types.
fn regular_param(t: &ExportType) -> Result<Ty, crate::messages::Message> {
    match t {
        ExportType::Scalar { dtype, flavor } => Ok(Ty::Scalar(Scalar {
            dtype: *dtype,
            py: *flavor == Flavor::Python,
        })),
        ExportType::Pointer { .. } | ExportType::VoidPointer => {
            Err(msg::pointer_in_regular_export(&t.to_string()))
        }
        ExportType::List(inner) => Ok(Ty::list(regular_param(inner)?)),
        ExportType::Array { dtype, dims, .. } => Ok(Ty::Array(*dtype, dims.len() as u8)),
        ExportType::Tuple(items) => Ok(Ty::Tuple(
            items.iter().map(regular_param).collect::<Result<_, _>>()?,
        )),
        other => Err(msg::unsupported_export_type(
            &other.to_string(),
            "regular exports",
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{inferred, texts};
    use crate::types::Ty;

    #[test]
    fn capsule_scalars_are_python_scalars() {
        let (_, b, _, d) = inferred(
            "#pythran export capsule f(int32, float32, float64*)\ndef f(n, x, p):\n    return x\n",
        );
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(b[0].params[0], Ty::INT);
        assert_eq!(b[0].params[1], Ty::FLOAT);
        assert_eq!(b[0].c_params.len(), 3);
    }

    #[test]
    fn capsule_blocks_of_fixed_extents_are_arrays() {
        let (_, b, _, d) = inferred(
            "#pythran export capsule f(int32, float64[3])\ndef f(n, x):\n    return x[0]\n",
        );
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(b[0].params[1], Ty::Array(crate::exports::Dtype::Float64, 1));
        assert_eq!(b[0].c_params[1].spelling, "double *");
    }

    #[test]
    fn export_errors() {
        let (_, _, _, d) = inferred(
            "#pykernel export f(float64*)\ndef f(p):\n    return 0\n#pykernel export regster(int)\ndef register(n):\n    return n\n",
        );
        let t = texts(&d);
        assert!(
            t.iter().any(|m| m.contains("only meaningful in a capsule")),
            "{t:?}"
        );
        assert!(
            t.iter().any(|m| m.contains("`regster` is not defined")),
            "{t:?}"
        );
    }
}
