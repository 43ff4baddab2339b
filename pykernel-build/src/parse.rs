//! Pass 1: parse Python source with rustpython-parser, reject what CPython's own
//! compiler rejects for its nesting (so that no later, recursive pass sees it), and
//! normalize identifiers as CPython does (NFKC, module `identifiers`).

use rustpython_parser::ast::fold::{self, Fold};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use rustpython_parser::{Mode, Parse, Tok, lexer};

use crate::diagnostics::{Diagnostic, Span};
use crate::messages::kernel as msg;

/// CPython's limit on statements and expressions nested in one another: its compiler
/// counts 3 per Python frame of the default recursion limit (1000) and raises
/// `RecursionError` beyond; it starts from the caller's depth, so what CPython accepts
/// always fits.
pub const MAX_DEPTH: usize = 3000;

/// CPython's tokenizer limit on open brackets (`MAXLEVEL`).
const MAX_BRACKETS: usize = 200;

/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;

/// Parses a whole module. A syntax error becomes one diagnostic at its place, and so
/// does nesting deeper than CPython compiles.
pub fn parse_module(source: &str, path: &str) -> Result<Vec<ast::Stmt>, Box<Diagnostic>> {
    crate::pipeline::on_big_stack(|| parse_here(source, path))
}

/// [`parse_module`] on the current thread's stack (which must be large enough for
/// [`MAX_DEPTH`] levels of recursion).
pub(crate) fn parse_here(source: &str, path: &str) -> Result<Vec<ast::Stmt>, Box<Diagnostic>> {
    // The parser is third-party code: a panic inside it must not become ours.
    let result = std::panic::catch_unwind(|| ast::Suite::parse(source, path));
    let suite = match result {
        Ok(Ok(suite)) => suite,
        Ok(Err(e)) => {
            let at = e.offset.to_usize().min(source.len());
            return Err(error_at(source, at, &e.error.to_string()));
        }
        Err(_) => {
            return Err(Box::new(Diagnostic::error(
                Span::new(0, 0),
                msg::syntax_error("the parser failed on this file"),
            )));
        }
    };
    if let Some((at, what)) = token_limits(source) {
        forget_if_deep(suite);
        return Err(error_at(source, at, what));
    }
    let mut guard = DepthGuard {
        depth: 0,
        too_deep: None,
    };
    let suite: Vec<ast::Stmt> = match guard.fold(suite) {
        Ok(s) => s,
        Err(never) => match never {},
    };
    match guard.too_deep {
        Some(range) => Err(Box::new(Diagnostic::error(
            Span::new(range.start().to_usize(), range.end().to_usize()),
            msg::nested_too_deeply(MAX_DEPTH),
        ))),
        None => Ok(crate::identifiers::normalize_module(source, suite)),
    }
}

/// A syntax error at byte `at`, one character wide.
fn error_at(source: &str, at: usize, detail: &str) -> Box<Diagnostic> {
    let end = source
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at, |c| at + c.len_utf8());
    Box::new(Diagnostic::error(
        Span::new(at, end),
        msg::syntax_error(detail),
    ))
}

/// CPython's tokenizer limits: the first bracket opened beyond [`MAX_BRACKETS`] or line
/// indented beyond [`MAX_INDENT`] levels, with CPython's words.
fn token_limits(source: &str) -> Option<(usize, &'static str)> {
    let (mut brackets, mut indent) = (0usize, 0usize);
    for (tok, range) in lexer::lex(source, Mode::Module).flatten() {
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                brackets += 1;
                if brackets > MAX_BRACKETS {
                    return Some((range.start().to_usize(), "too many nested parentheses"));
                }
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => brackets = brackets.saturating_sub(1),
            Tok::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    return Some((range.end().to_usize(), "too many levels of indentation"));
                }
            }
            Tok::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Drops a syntax tree that passed the parser but not the token limits: the limits
/// bound the brackets, not the depth (`- - - ... x`), so it goes through the guard.
fn forget_if_deep(suite: Vec<ast::Stmt>) {
    let mut guard = DepthGuard {
        depth: 0,
        too_deep: None,
    };
    let _ = guard.fold(suite);
}

/// Finds the first statement or expression nested deeper than [`MAX_DEPTH`], replacing
/// it with a placeholder. The subtree cut off is leaked: dropping it would recurse as
/// deep as it is nested, which is the stack overflow this guard exists to prevent (it
/// only happens for files CPython rejects, and costs their size in memory).
struct DepthGuard {
    depth: usize,
    too_deep: Option<TextRange>,
}

impl DepthGuard {
    /// Counts one level; `true` when this node is one too many.
    fn enter(&mut self, range: TextRange) -> bool {
        self.depth += 1;
        if self.depth <= MAX_DEPTH {
            return false;
        }
        self.depth -= 1;
        self.too_deep.get_or_insert(range);
        true
    }
}

impl Fold<TextRange> for DepthGuard {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Self::Error> {
        Ok(user)
    }

    fn fold_stmt(&mut self, node: ast::Stmt) -> Result<ast::Stmt, Self::Error> {
        let range = node.range();
        if self.enter(range) {
            std::mem::forget(node);
            return Ok(ast::Stmt::Pass(ast::StmtPass { range }));
        }
        let out = fold::fold_stmt(self, node);
        self.depth -= 1;
        out
    }

    fn fold_expr(&mut self, node: ast::Expr) -> Result<ast::Expr, Self::Error> {
        let range = node.range();
        if self.enter(range) {
            std::mem::forget(node);
            return Ok(ast::Expr::Constant(ast::ExprConstant {
                range,
                value: ast::Constant::None,
                kind: None,
            }));
        }
        let out = fold::fold_expr(self, node);
        self.depth -= 1;
        out
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_syntax_errors_with_a_place() {
        let src = "def f(x):\n    return x +\n";
        let d = parse_module(src, "k.py").unwrap_err();
        assert!(d.span.start >= 10, "{d:?}");
        assert!(d.message.text.contains("invalid Python syntax"));
    }

    #[test]
    fn nesting_beyond_cpythons_compiler_is_an_error_at_the_deepest_node() {
        // `x = -...-1`: the statement, the minus signs and the literal are the levels.
        let deep = |n: usize| format!("y = 2\nx = {}1\n", "-".repeat(n));
        assert!(parse_module(&deep(MAX_DEPTH - 2), "t.py").is_ok());
        let src = deep(MAX_DEPTH - 1);
        let d = parse_module(&src, "t.py").unwrap_err();
        assert_eq!(d.message.code, Some("PK0230"));
        // The literal is one level too many.
        assert_eq!(&src[d.span.start..d.span.end], "1");
        // Far beyond the limit, nothing overflows (the rest is left undropped).
        let d = parse_module(&deep(200_000), "t.py").unwrap_err();
        assert_eq!(d.message.code, Some("PK0230"));
    }

    #[test]
    fn cpythons_tokenizer_limits_are_syntax_errors() {
        let brackets = |n: usize| format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
        assert!(parse_module(&brackets(MAX_BRACKETS), "t.py").is_ok());
        let d = parse_module(&brackets(MAX_BRACKETS + 1), "t.py").unwrap_err();
        assert!(d.message.text.contains("too many nested parentheses"));
        assert_eq!(d.span.start, 4 + MAX_BRACKETS);
        // Brackets in strings and comments are not brackets.
        let src = format!("x = '{}'  # {}\n", "(".repeat(300), "[".repeat(300));
        assert!(parse_module(&src, "t.py").is_ok());
        let indented = |n: usize| {
            let mut s = String::new();
            for level in 0..n {
                s += &format!("{}if x:\n", "    ".repeat(level));
            }
            s + &format!("{}pass\n", "    ".repeat(n))
        };
        assert!(parse_module(&indented(MAX_INDENT - 1), "t.py").is_ok());
        let d = parse_module(&indented(MAX_INDENT), "t.py").unwrap_err();
        assert!(d.message.text.contains("too many levels of indentation"));
    }

    #[test]
    fn parses_the_seed() {
        assert!(
            parse_module(
                "def f(n, x, cp):\n    c = cp[0]\n    return c + x[0] - x[1] * x[2]\n",
                "t.py"
            )
            .is_ok()
        );
    }
}
