//! The pass pipeline, without I/O.

use std::collections::BTreeSet;

use crate::bind::bind;
use crate::check::capsules;
use crate::compile::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::emit::{EmitInput, emit};
use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::types::Ty;

/// Generated Rust and the warnings found on the way.
#[derive(Debug)]
pub struct Output {
    /// The formatted Rust file, starting with an `@generated` header.
    pub code: String,
    /// Warnings (e.g. a near miss of a SciPy signature).
    pub warnings: Diagnostics,
    /// The Python type stub (`.pyi`) of the exports.
    pub stub: String,
}

/// Translates one kernel file to Rust. Pure: no I/O, no printing.
///
/// `path` is only used in messages and docs. On failure, every error of the file is
/// returned at once.
pub fn generate(source: &str, path: &str, config: &Config) -> Result<String, Diagnostics> {
    translate(source, path, config).map(|o| o.code)
}

/// Stack of the thread the passes run on. They recurse once per nesting level of the
/// kernel (at most [`crate::parse::MAX_DEPTH`]) and syn/prettyplease re-parse the
/// generated Rust recursively too: a deep conditional expression needs far more than the
/// 2 MiB of a test thread or the 8 MiB of a build script. Only touched pages cost memory.
const STACK_SIZE: usize = 256 << 20;

/// Like [`generate`], also returning warnings.
pub fn translate(source: &str, path: &str, config: &Config) -> Result<Output, Diagnostics> {
    on_big_stack(|| translate_here(source, path, config))
}

/// Runs `f` on a thread with a [`STACK_SIZE`] stack (on the current thread if none can be
/// started, e.g. at a process limit). A panic in `f` is resumed here.
pub(crate) fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    // Kept here so that `f` can still run on this thread when no thread can be started.
    let task = std::sync::Mutex::new(Some(f));
    let run = || task.lock().ok().and_then(|mut t| t.take()).map(|f| f());
    let result = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("pykernel-translate".into())
            .stack_size(STACK_SIZE)
            .spawn_scoped(scope, run);
        match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        }
    });
    match result {
        Some(out) => out,
        None => match task.into_inner().ok().flatten() {
            Some(f) => f(),
            None => unreachable!("the task ran or is still here"),
        },
    }
}

/// [`translate`] on the current thread's stack.
fn translate_here(source: &str, path: &str, config: &Config) -> Result<Output, Diagnostics> {
    let mut diags = Diagnostics::new(path, source);
    let suite = match crate::parse::parse_here(source, path) {
        Ok(s) => s,
        Err(d) => {
            diags.push(*d);
            let (_, more) = crate::exports::collect(source);
            diags.extend(more);
            return Err(diags);
        }
    };
    let (exports, export_diags) = crate::exports::collect(source);
    diags.extend(export_diags);
    let (mut module, lower_diags) = crate::lower::lower_owned(source, &suite);
    crate::webs::split(&mut module);
    // Exports with errors are left out of the roots; the others are still inferred and
    // checked, so that every independent error of the file shows in one build.
    let (bound, bind_diags) = bind(&module, &exports);
    diags.extend(bind_diags);

    // Lowering errors count only in functions the exports reach (a file may hold
    // CPython-only helpers) and at module level. Functions with lowering errors are not
    // typed (their lowered body is partial); the others are.
    let roots: Vec<usize> = bound.iter().map(|b| b.func).collect();
    let reachable = reachable_functions(&module, &roots);
    let mut broken: BTreeSet<usize> = BTreeSet::new();
    for d in lower_diags {
        if d.owner.is_none_or(|i| reachable.contains(&i)) {
            broken.extend(d.owner);
            diags.push(d.diag);
        }
    }

    let root_keys: Vec<(usize, Vec<Ty>)> =
        bound.iter().map(|b| (b.func, b.params.clone())).collect();
    let (program, infer_diags) = crate::infer::infer(&module, &root_keys, &broken);
    diags.extend(infer_diags);
    diags.extend(crate::limits::deep_types(&module, &program));
    let (sigs, check_diags) = capsules(&bound, &program, config.scipy_mismatch_is_error);
    diags.extend(check_diags);
    let checked: BTreeSet<usize> = reachable.difference(&broken).copied().collect();
    let (unbound_diags, unbound) = crate::check::definite_assignment(&module, &checked);
    diags.extend(unbound_diags);
    if diags.has_errors() {
        return Err(diags);
    }

    let plans = crate::analysis::analyze(&module, &program);
    let kernels = crate::arrayexpr::plan(&module, &program);
    let calls = crate::callgraph::CallGraph::of(&program);
    let regular: Vec<usize> = (0..bound.len())
        .filter(|&k| sigs.get(k).is_none_or(Option::is_none))
        .filter_map(|k| program.roots.get(k).copied())
        .collect();
    let polls = crate::polls::PollPlan::of(&module, &program, &calls, &regular);
    let emitted = emit(&EmitInput {
        path,
        module: &module,
        program: &program,
        calls: &calls,
        polls: &polls,
        exports: &bound,
        capsules: &sigs,
        unbound: &unbound,
        c_symbols: config.c_symbols,
        bounds_checks: config.bounds_checks,
        plans: &plans,
        kernels: &kernels,
    });
    let (core, python) = match (format_items(emitted.core), format_items(emitted.python)) {
        (Ok(c), Ok(p)) => (c, p),
        (Err(e), _) | (_, Err(e)) => {
            diags.push(Diagnostic::error(
                Span::new(0, 0),
                crate::messages::Message::new(
                    "PK0999",
                    format!("internal error: generated Rust does not parse: {e}"),
                    "",
                )
                .hint("this is a pykernel bug; please report it with this kernel"),
            ));
            return Err(diags);
        }
    };
    let header = format!(
        "// @generated by pykernel-build {} from `{path}`.\n// Do not edit: edit the kernel and rebuild.\n\n",
        env!("CARGO_PKG_VERSION")
    );
    // The Python glue exists only with pykernel's `pyo3` feature; it is formatted on its
    // own (prettyplease leaves macro bodies as they are) and placed inside the macro.
    let python: String = python
        .lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("    {l}\n")
            }
        })
        .collect();
    let code = format!("{header}{core}\n::pykernel::__private::if_pyo3! {{\n{python}}}\n");
    let mut warnings = Diagnostics::new(path, source);
    warnings.extend(diags.items);
    let stub = crate::stubs::stub(path, &module, &program, &bound);
    Ok(Output {
        code,
        warnings,
        stub,
    })
}

/// Formats items with prettyplease.
fn format_items(tokens: proc_macro2::TokenStream) -> Result<String, syn::Error> {
    syn::parse2::<syn::File>(tokens).map(|f| prettyplease::unparse(&f))
}

/// Functions reachable from the roots through calls.
fn reachable_functions(module: &Module, roots: &[usize]) -> BTreeSet<usize> {
    let mut seen: BTreeSet<usize> = BTreeSet::new();
    let mut stack: Vec<usize> = roots.to_vec();
    while let Some(f) = stack.pop() {
        if !seen.insert(f) {
            continue;
        }
        let mut names = Vec::new();
        for s in &module.functions[f].body {
            stmt_calls(s, &mut names);
        }
        for n in names {
            if let Some((i, _)) = module.function(&n) {
                stack.push(i);
            }
        }
    }
    seen
}

fn stmt_calls(s: &Stmt, out: &mut Vec<String>) {
    s.exprs().into_iter().for_each(|e| expr_calls(e, out));
    for b in s.blocks() {
        b.iter().for_each(|s| stmt_calls(s, out));
    }
}

fn expr_calls(e: &Expr, out: &mut Vec<String>) {
    if let ExprKind::CallUser(n, _) = &e.kind {
        out.push(n.clone());
    }
    e.children().into_iter().for_each(|c| expr_calls(c, out));
}
