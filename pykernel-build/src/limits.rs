//! What Rust's compiler cannot take although CPython runs it: values whose type nests
//! lists and tuples too deeply (rustc's drop checking and trait solving stop at its
//! recursion limit, which a generated module cannot raise for the crate it is in).
//!
//! The other nesting limits are CPython's own and live in [`crate::parse`]; deep
//! expressions and long chains are written flat by the emitter (`emit/deep.rs`).

use crate::diagnostics::{Diagnostic, Span};
use crate::infer::Program;
use crate::ir::{Expr, Module, Stmt};
use crate::messages::kernel as msg;
use crate::types::Ty;

/// Most levels of lists and tuples in one type (rustc's limit of 128 is reached at
/// about 32 levels of lists; the rest is margin for the wrappers around them).
pub const MAX_TYPE_DEPTH: usize = 16;

/// Levels of lists and tuples in `t`.
pub fn type_depth(t: &Ty) -> usize {
    match t {
        Ty::List(item) => 1 + type_depth(item),
        Ty::Tuple(items) => 1 + items.iter().map(type_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// One error at the first expression (in source order) whose type is nested deeper than
/// [`MAX_TYPE_DEPTH`], in any specialisation.
pub fn deep_types(module: &Module, program: &Program) -> Option<Diagnostic> {
    let mut worst: Option<(Span, usize)> = None;
    for inst in &program.instances {
        let Some(func) = module.functions.get(inst.key.func) else {
            continue;
        };
        let deep: Vec<(u32, usize)> = inst
            .exprs
            .iter()
            .enumerate()
            .filter_map(|(id, t)| {
                let d = type_depth(t.as_ref()?);
                (d > MAX_TYPE_DEPTH).then_some((id as u32, d))
            })
            .collect();
        let args = inst.key.args.iter().map(type_depth).max().unwrap_or(0);
        if args > MAX_TYPE_DEPTH {
            note(&mut worst, func.name_span, args);
        }
        if deep.is_empty() {
            continue;
        }
        let mut spans = vec![None; func.expr_count as usize];
        for s in &func.body {
            stmt_spans(s, &mut spans);
        }
        for (id, d) in deep {
            if let Some(Some(span)) = spans.get(id as usize) {
                note(&mut worst, *span, d);
            }
        }
    }
    worst.map(|(span, d)| Diagnostic::error(span, msg::type_too_deep(d, MAX_TYPE_DEPTH)))
}

/// Keeps the first place in the file.
fn note(worst: &mut Option<(Span, usize)>, span: Span, depth: usize) {
    if worst.is_none_or(|(s, _)| span.start < s.start) {
        *worst = Some((span, depth));
    }
}

fn stmt_spans(s: &Stmt, out: &mut Vec<Option<Span>>) {
    for e in s.exprs() {
        expr_spans(e, out);
    }
    for b in s.blocks() {
        for s in b {
            stmt_spans(s, out);
        }
    }
}

fn expr_spans(e: &Expr, out: &mut Vec<Option<Span>>) {
    if let Some(slot) = out.get_mut(e.id as usize) {
        *slot = Some(e.span);
    }
    for c in e.children() {
        expr_spans(c, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::inferred;

    fn nested_list(depth: usize) -> String {
        format!(
            "#pythran export f(int)\ndef f(x):\n    a = {}x{}\n    return 0\n",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    }

    #[test]
    fn measures_lists_and_tuples() {
        assert_eq!(type_depth(&Ty::INT), 0);
        let t = Ty::Tuple(vec![
            Ty::INT,
            Ty::List(Box::new(Ty::List(Box::new(Ty::FLOAT)))),
        ]);
        assert_eq!(type_depth(&t), 3);
    }

    #[test]
    fn rejects_the_first_too_deep_value_only() {
        let src = nested_list(MAX_TYPE_DEPTH + 1);
        let (m, _, p, d) = inferred(&src);
        assert!(d.is_empty(), "{d:?}");
        let err = deep_types(&m, &p).expect("too deep");
        // The outermost list literal (the first in the file of those too deep).
        assert_eq!(err.span.start, src.find('[').unwrap());
        assert!(
            err.message.text.contains("17 levels"),
            "{}",
            err.message.text
        );
        let (m, _, p, _) = inferred(&nested_list(MAX_TYPE_DEPTH));
        assert!(deep_types(&m, &p).is_none());
    }

    #[test]
    fn export_types_count_too() {
        let words = " list".repeat(MAX_TYPE_DEPTH + 1);
        let src = format!("#pythran export f(int{words})\ndef f(x):\n    return 0\n");
        let (m, _, p, _) = inferred(&src);
        let err = deep_types(&m, &p).expect("too deep");
        assert_eq!(&src[err.span.start..err.span.end], "f");
    }
}
