//! Imports and name suggestions.

use rustpython_parser::ast;

use crate::ir::{AllocKind, Builtin, CmathFn, MathFn, cmath_constant, math_constant};

/// What an imported name refers to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Imported {
    /// A module, by dotted path (`math`, `numpy`, `numpy.ctypeslib`, `ctypes`, ...).
    Module(String),
    /// A callable.
    Func(Builtin),
    /// A float constant (`from math import pi`).
    Const(f64),
    /// An imaginary constant (`cmath.infj`).
    Imag(f64),
    /// `None` under another name (`numpy.newaxis`).
    NoneValue,
    /// Something from another module, by path (errors only when used).
    Other(String),
}

/// The names an import statement binds.
pub(crate) fn module_imports(stmt: &ast::Stmt) -> Vec<(String, Imported)> {
    let mut out = Vec::new();
    match stmt {
        ast::Stmt::Import(i) => {
            for a in &i.names {
                let path = a.name.to_string();
                match &a.asname {
                    Some(alias) => out.push((alias.to_string(), Imported::Module(path))),
                    // `import numpy.ctypeslib` binds `numpy`.
                    None => {
                        let root = path.split('.').next().unwrap_or(&path).to_owned();
                        out.push((root.clone(), Imported::Module(root)));
                    }
                }
            }
        }
        ast::Stmt::ImportFrom(i) => {
            let module = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
            for a in &i.names {
                let name = a.name.to_string();
                let bound = a.asname.as_ref().map_or(name.clone(), |n| n.to_string());
                out.push((bound, resolve_attr(&module, &name)));
            }
        }
        _ => {}
    }
    out
}

/// Resolves `module.name` to what pykernel knows about it.
pub(crate) fn resolve_attr(module: &str, name: &str) -> Imported {
    match module {
        "math" => {
            if let Some(f) = MathFn::from_name(name) {
                return Imported::Func(Builtin::Math(f));
            }
            if let Some(c) = math_constant(name) {
                return Imported::Const(c);
            }
        }
        "cmath" => {
            if let Some(f) = CmathFn::from_name(name) {
                return Imported::Func(Builtin::Cmath(f));
            }
            match cmath_constant(name) {
                Some((0.0, im)) if name.ends_with('j') => return Imported::Imag(im),
                Some((re, _)) => return Imported::Const(re),
                None => {}
            }
        }
        "numpy" | "np" if name == "ctypeslib" => return Imported::Module("numpy.ctypeslib".into()),
        "numpy" if matches!(name, "linalg" | "random") => {
            return Imported::Module(format!("numpy.{name}"));
        }
        "numpy" => {
            if let Some(k) = AllocKind::from_name(name) {
                return Imported::Func(Builtin::NpAlloc(k, None));
            }
            if let Some(u) = crate::ir::Ufunc::from_name(name) {
                return Imported::Func(Builtin::Ufunc(u));
            }
            if let Some(r) = crate::ir::Reduce::from_name(name) {
                return Imported::Func(Builtin::NpReduce(r));
            }
            if let Some(l) = crate::ir::Linalg::from_name(name) {
                return Imported::Func(Builtin::NpLinalg(l));
            }
            if let Some(f) = crate::ir::ShapeFn::from_name(name) {
                return Imported::Func(Builtin::NpShape(f));
            }
            if let Some(f) = crate::ir::SortFn::from_name(name) {
                return Imported::Func(Builtin::NpSort(f));
            }
            if let Some(f) = crate::ir::Build::from_name(name) {
                return Imported::Func(Builtin::NpBuild(f));
            }
            if let Some(f) = crate::ir::IndexFn::from_name(name) {
                return Imported::Func(Builtin::NpIndexFn(f));
            }
            match name {
                "where" => return Imported::Func(Builtin::NpWhere),
                "clip" => return Imported::Func(Builtin::NpClip),
                "real" => return Imported::Func(Builtin::NpPart(false)),
                "imag" => return Imported::Func(Builtin::NpPart(true)),
                "newaxis" => return Imported::NoneValue,
                _ => {}
            }
            if let Some(d) = crate::exports::dtype_word(name)
                .filter(|_| !matches!(name, "int" | "float" | "bool" | "complex"))
            {
                return Imported::Func(Builtin::NpCast(d));
            }
            match name {
                "float_" | "double" => {
                    return Imported::Func(Builtin::NpCast(crate::exports::Dtype::Float64));
                }
                "bool_" => return Imported::Func(Builtin::NpCast(crate::exports::Dtype::Bool)),
                "arange" => return Imported::Func(Builtin::NpArange),
                "linspace" => return Imported::Func(Builtin::NpLinspace),
                "array" => return Imported::Func(Builtin::NpArray(None)),
                _ => {}
            }
            if let Some(c) = match name {
                "pi" => Some(std::f64::consts::PI),
                "e" => Some(std::f64::consts::E),
                "inf" => Some(f64::INFINITY),
                "nan" => Some(f64::NAN),
                _ => None,
            } {
                return Imported::Const(c);
            }
        }
        "numpy.ctypeslib" if name == "as_array" => return Imported::Func(Builtin::AsArray),
        "numpy.linalg" => {
            if let Some(l) = crate::ir::Linalg::from_linalg_name(name) {
                return Imported::Func(Builtin::NpLinalg(l));
            }
            if name == "norm" {
                return Imported::Func(Builtin::NpReduce(crate::ir::Reduce::Norm(
                    crate::ir::NormOrd::Default,
                )));
            }
        }
        _ => {}
    }
    Imported::Other(format!("{module}.{name}"))
}

/// The candidate closest to `name` (edit distance at most 2, or a third of its length).
pub(crate) fn suggest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("sqr", ["sqrt", "exp"]), Some("sqrt"));
        assert_eq!(suggest("zzzzzz", ["sqrt"]), None);
    }

    #[test]
    fn resolves_known_attributes() {
        assert_eq!(
            resolve_attr("numpy.ctypeslib", "as_array"),
            Imported::Func(Builtin::AsArray)
        );
        assert_eq!(
            resolve_attr("math", "sqrt"),
            Imported::Func(Builtin::Math(MathFn::Sqrt))
        );
        assert!(matches!(resolve_attr("math", "pi"), Imported::Const(_)));
        assert!(matches!(resolve_attr("os", "path"), Imported::Other(_)));
    }
}
