//! Helpers for the unit tests of the passes.

use crate::bind::{BoundExport, bind};
use crate::diagnostics::Diagnostic;
use crate::infer::{Program, infer};
use crate::ir::Module;

/// Parses and lowers `src`, asserting it parses.
pub(crate) fn lowered(src: &str) -> (Module, Vec<Diagnostic>) {
    let suite = crate::parse::parse_module(src, "t.py").expect("test source parses");
    let (mut module, diags) = crate::lower::lower(src, &suite);
    crate::webs::split(&mut module);
    (module, diags)
}

/// Lowers, binds and infers `src`.
pub(crate) fn inferred(src: &str) -> (Module, Vec<BoundExport>, Program, Vec<Diagnostic>) {
    let (module, mut diags) = lowered(src);
    let (exports, d) = crate::exports::collect(src);
    diags.extend(d);
    let (bound, d) = bind(&module, &exports);
    diags.extend(d);
    let roots: Vec<_> = bound.iter().map(|b| (b.func, b.params.clone())).collect();
    let (program, d) = infer(&module, &roots, &Default::default());
    diags.extend(d);
    (module, bound, program, diags)
}

/// The message texts of some diagnostics.
pub(crate) fn texts(d: &[Diagnostic]) -> Vec<String> {
    d.iter().map(|d| d.message.text.clone()).collect()
}
