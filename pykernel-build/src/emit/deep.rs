//! Flat Rust for deeply nested Python.
//!
//! CPython compiles expressions nested about 3000 deep (`x + x + ... + x`, `- - ... x`,
//! `a if c else b if d else ...`, `x ** x ** ...`) and comparison chains of any length;
//! rustc's parser overflows its stack on a few hundred nested `if`s or parentheses. So
//! long chains are written flat: operator chains as a block of `let`s (each holding at
//! most [`SPINE`] nested operations), conditional expressions and `elif`s as `else if`
//! chains (which rustc parses in a loop), long comparison chains as a sequence of `if`s.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{ty_tokens, zero_of};
use crate::ir::{CmpOp, Expr, ExprId, ExprKind, Stmt};
use crate::types::Ty;

/// The most operations of one chain written as one nested Rust expression.
pub(crate) const SPINE: usize = 48;

/// Comparison chains longer than this are written as a sequence of `if`s.
const LONG_COMPARE: usize = 48;

/// State of the flattening, per function.
#[derive(Default)]
pub(crate) struct Flat {
    /// Sub-expressions already evaluated into a `let`: the next `expr` of them reads it.
    pre: std::collections::HashMap<ExprId, TokenStream>,
    /// Nodes of chains being written flat (not to be measured or flattened again).
    inside: HashSet<ExprId>,
}

impl FnEmitter<'_> {
    /// The `let` holding `e` if it was evaluated ahead (used once, then forgotten).
    pub(crate) fn pre_evaluated(&mut self, e: &Expr) -> Option<TokenStream> {
        self.flat.pre.remove(&e.id)
    }

    /// A scalar operation whose operands are written nested: the next link of its chain
    /// (the operand that continues it) and the operands evaluated before that link.
    fn link<'e>(&self, e: &'e Expr) -> Option<(&'e Expr, Vec<&'e Expr>)> {
        let scalar = |x: &Expr| self.ty(x).scalar().is_some();
        if !scalar(e) {
            return None;
        }
        let is_link = |x: &Expr| {
            scalar(x)
                && match &x.kind {
                    ExprKind::Binary(_, l, r) => scalar(l) && scalar(r),
                    ExprKind::Unary(_, a) | ExprKind::Attr(a, _) => scalar(a),
                    ExprKind::Method(a, _, args) => scalar(a) && args.is_empty(),
                    _ => false,
                }
        };
        if !is_link(e) {
            return None;
        }
        match &e.kind {
            // Left-associative chains continue on the left, `**` chains on the right.
            ExprKind::Binary(_, l, _) if is_link(l) => Some((l, Vec::new())),
            ExprKind::Binary(_, l, r) if is_link(r) => Some((r, vec![l])),
            ExprKind::Unary(_, a) | ExprKind::Attr(a, _) | ExprKind::Method(a, _, _) => {
                is_link(a).then_some((a, Vec::new()))
            }
            _ => None,
        }
    }

    /// `e` written as a block of `let`s when it starts a chain of more than [`SPINE`]
    /// scalar operations; `None` for everything else (written as usual).
    ///
    /// Python evaluates the operands left to right, so the operands on the left of the
    /// chain's path are evaluated first (into `let`s, outermost first), then the bottom
    /// of the chain, then every [`SPINE`]-th link upwards: each `let` reads the one below.
    pub(crate) fn flat_chain(&mut self, e: &Expr) -> Option<TokenStream> {
        if self.flat.inside.contains(&e.id) {
            return None;
        }
        let mut spine = vec![e];
        let mut cur = e;
        while let Some((next, _)) = self.link(cur) {
            spine.push(next);
            cur = next;
        }
        if spine.len() <= SPINE + 1 {
            return None;
        }
        self.flat.inside.extend(spine.iter().map(|n| n.id));
        // A `let` per operand would nest thousands of scopes (rustc's code generation
        // overflows on them): the operands share one `let` of a tuple per run.
        let mut lets = Vec::new();
        let before: Vec<&Expr> = spine
            .iter()
            .filter_map(|node| self.link(node))
            .flat_map(|(_, before)| before)
            .collect();
        for run in before.chunks(SPINE) {
            let (mut names, mut values) = (Vec::new(), Vec::new());
            for b in run {
                values.push(self.expr(b));
                let t = self.tmp("l");
                self.flat.pre.insert(b.id, quote!(#t));
                names.push(t);
            }
            lets.push(quote!(let (#(#names,)*) = (#(#values,)*);));
        }
        let bottom = spine.len() - 1;
        for i in (1..=bottom).rev().filter(|i| (bottom - i) % SPINE == 0) {
            let v = self.expr(spine[i]);
            let t = self.tmp("l");
            lets.push(quote!(let #t = #v;));
            self.flat.pre.insert(spine[i].id, quote!(#t));
        }
        let top = self.expr(e);
        // Code may be emitted twice (the checked and unchecked versions of a loop): the
        // next emission of this chain flattens it again, with its own `let`s.
        for node in &spine {
            self.flat.inside.remove(&node.id);
            self.flat.pre.remove(&node.id);
        }
        for b in &before {
            self.flat.pre.remove(&b.id);
        }
        Some(quote!({ #(#lets)* #top }))
    }

    /// `a if c else b if d else ...` as one `if ... else if ... else` (the links of
    /// one type need no conversion between them).
    pub(crate) fn if_chain(&mut self, e: &Expr) -> TokenStream {
        let ty = self.ty(e);
        let res = self.scalar(e).dtype;
        let scalar = ty.scalar().is_some();
        let mut arms = Vec::new();
        let mut cur = e;
        let last = loop {
            let ExprKind::IfExp(c, a, b) = &cur.kind else {
                break quote!(());
            };
            let c = self.cond(c);
            let a = if scalar {
                self.expr_as(a, res)
            } else {
                self.expr_to(a, &ty)
            };
            arms.push(quote!(if #c { #a }));
            if matches!(b.kind, ExprKind::IfExp(..)) && self.ty(b) == ty {
                cur = b;
                continue;
            }
            break if scalar {
                self.expr_as(b, res)
            } else {
                self.expr_to(b, &ty)
            };
        };
        quote!((#(#arms else)* { #last }))
    }

    /// `if`, with its `elif`s as one `if ... else if ...` chain (built in one go: the
    /// tokens of a nested `else if` would be copied once per level).
    pub(crate) fn if_stmt(&mut self, s: &Stmt) -> TokenStream {
        let mut arms = Vec::new();
        let mut cur = s;
        let last = loop {
            let Stmt::If { cond, then, orelse } = cur else {
                break None;
            };
            let c = self.cond(cond);
            let t = self.block(then);
            arms.push(quote!(if #c { #t }));
            match orelse.as_slice() {
                [] => break None,
                [elif @ Stmt::If { .. }] => cur = elif,
                _ => break Some(self.block(orelse)),
            }
        };
        match last {
            Some(e) => quote!(#(#arms else)* { #e }),
            None => quote!(#(#arms)else*),
        }
    }

    /// A comparison chain of more than [`LONG_COMPARE`] operands, evaluated left to right
    /// and stopping at the first false test, as a flat sequence.
    pub(crate) fn long_compare(
        &mut self,
        first: &Expr,
        rest: &[(CmpOp, Expr)],
    ) -> Option<TokenStream> {
        if rest.len() <= LONG_COMPARE {
            return None;
        }
        let types: Vec<Ty> = std::iter::once(first)
            .chain(rest.iter().map(|(_, r)| r))
            .map(|x| self.ty(x))
            .collect();
        // Arrays are views plus owners, with no zero to start a carrier: written as usual.
        if !types.iter().all(plain) {
            return None;
        }
        Some(self.carried_chain(first, rest, &types))
    }

    /// One variable per operand type carries the last operand from one `if` to the next
    /// (a block of thousands of `let`s is slow for rustc, and overflows its stack).
    fn carried_chain(&mut self, first: &Expr, rest: &[(CmpOp, Expr)], types: &[Ty]) -> TokenStream {
        let ok = self.tmp("ok");
        let mut carriers: Vec<(Ty, proc_macro2::Ident)> = Vec::new();
        let mut decls = Vec::new();
        let mut carrier = |this: &mut Self, t: &Ty, decls: &mut Vec<TokenStream>| {
            if let Some((_, id)) = carriers.iter().find(|(c, _)| c == t) {
                return id.clone();
            }
            let id = this.tmp("p");
            let (tt, z) = (ty_tokens(t), zero_of(t));
            decls.push(quote!(let mut #id: #tt = #z;));
            carriers.push((t.clone(), id.clone()));
            id
        };
        let mut prev = carrier(self, &types[0], &mut decls);
        let v = self.expr(first);
        let mut steps = vec![quote!(#prev = #v;)];
        let mut prev_t = types[0].clone();
        for ((op, r), rt) in rest.iter().zip(&types[1..]) {
            let cur = self.tmp("c");
            let v = self.expr(r);
            let test = self.compare_values(*op, quote!(#prev), &prev_t, quote!(#cur), rt);
            let next = carrier(self, rt, &mut decls);
            steps.push(quote!(if #ok { let #cur = #v; #ok = #test; #next = #cur; }));
            prev = next;
            prev_t = rt.clone();
        }
        quote!({ let mut #ok = true; #(#decls)* #(#steps)* #ok })
    }
}

/// A type made of numbers, lists and tuples only.
fn plain(t: &Ty) -> bool {
    match t {
        Ty::Scalar(_) => true,
        Ty::List(item) => plain(item),
        Ty::Tuple(items) => items.iter().all(plain),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::Config;

    fn code(src: &str) -> String {
        match crate::pipeline::generate(src, "t.py", &Config::new()) {
            Ok(c) => c,
            Err(d) => panic!("{d}"),
        }
    }

    /// How deeply brackets nest in generated code (string literals skipped).
    fn bracket_depth(code: &str) -> usize {
        let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0, false, false);
        for c in code.chars() {
            match (in_str, c) {
                (true, '\\') => escaped = !escaped,
                (true, '"') if !escaped => in_str = false,
                (true, _) => escaped = false,
                (false, '"') => in_str = true,
                (false, '(' | '[' | '{') => {
                    depth += 1;
                    max = max.max(depth);
                }
                (false, ')' | ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        max
    }

    fn kernel(body: &str) -> String {
        format!("#pythran export f(int, float)\ndef f(x, y):\n{body}")
    }

    /// The bracket depth of the code for `body(n)` at two sizes: equal when the chain is
    /// written flat (it would grow with `n` otherwise).
    fn depths(body: impl Fn(usize) -> String) -> (usize, usize) {
        let small = bracket_depth(&code(&kernel(&body(300))));
        let large = bracket_depth(&code(&kernel(&body(1200))));
        (small, large)
    }

    #[test]
    fn operator_chains_nest_no_deeper_when_longer() {
        let chain = |op: &'static str, item: &'static str| {
            move |n: usize| format!("    return {}\n", vec![item; n].join(op))
        };
        for (name, body) in [
            ("int +", chain(" + ", "x")),
            ("float *", chain(" * ", "y")),
            ("//", chain(" // ", "x")),
            ("** (right to left)", chain(" ** ", "y")),
            ("** of negatives", chain(" ** ", "-y")),
        ] {
            let (small, large) = depths(body);
            assert!(small < 2 * super::SPINE + 30, "{name}: {small}");
            assert!(large <= small + 2, "{name}: {small} -> {large}");
        }
        let (small, large) = depths(|n| format!("    return {}x\n", "-".repeat(n)));
        assert!(large <= small + 2, "unary: {small} -> {large}");
        let (small, large) = depths(|n| format!("    return y{}\n", ".real".repeat(n)));
        assert!(large <= small + 2, "attributes: {small} -> {large}");
    }

    #[test]
    fn chains_in_code_written_twice_are_flat_twice() {
        // The checked and the unchecked version of a loop body.
        let body = |n: usize| {
            format!(
                "    s = 0.0\n    for i in range(len(a)):\n        s += a[i] * ({})\n    return s\n",
                vec!["y"; n].join(" + ")
            )
        };
        let src = |n: usize| {
            format!(
                "#pythran export f(float64[:], float)\ndef f(a, y):\n{}",
                body(n)
            )
        };
        let (small, large) = (
            bracket_depth(&code(&src(300))),
            bracket_depth(&code(&src(1200))),
        );
        assert!(large <= small + 2, "{small} -> {large}");
    }

    #[test]
    fn short_chains_are_written_as_before() {
        let c = code(&kernel("    return x + x + x\n"));
        assert!(!c.contains("let __pk_l"), "{c}");
        let c = code(&kernel("    return x < x < x\n"));
        assert!(!c.contains("__pk_ok"), "{c}");
    }

    #[test]
    fn conditional_and_elif_chains_are_else_if_chains() {
        let (small, large) = depths(|n| {
            let arms: Vec<String> = (0..n).map(|i| format!("{i} if x == {i}")).collect();
            format!("    return {} else -1\n", arms.join(" else "))
        });
        assert!(large <= small + 2, "conditional: {small} -> {large}");
        let elif = |n: usize| {
            let mut s = String::from("    if x == 0:\n        return 0\n");
            for i in 1..n {
                s += &format!("    elif x == {i}:\n        return {i}\n");
            }
            s + "    else:\n        x += 1\n    return -1\n"
        };
        let (small, large) = depths(elif);
        assert!(large <= small + 2, "elif: {small} -> {large}");
        let c = code(&kernel(&elif(3)));
        assert!(c.contains("} else if (x == 2i64) {"), "{c}");
        // A conditional changing type on the way keeps its conversion.
        let c = code(&kernel("    return 1 if x else 2 if y else 2.5\n"));
        assert!(c.contains("else if"), "{c}");
        assert!(c.contains("((1i64) as f64)"), "{c}");
    }

    #[test]
    fn long_comparison_chains_carry_the_last_operand() {
        let (small, large) = depths(|n| format!("    return {}\n", vec!["x"; n].join(" < ")));
        assert!(large <= small + 2, "{small} -> {large}");
        // One carrier per operand type.
        let c = code(&kernel(&format!(
            "    return {}\n",
            vec!["x <= y"; 40].join(" <= ")
        )));
        assert_eq!(c.matches("let mut __pk_p").count(), 2, "{c}");
    }
}
