//! Pass 1: parse Python source with rustpython-parser.

use rustpython_parser::Parse;
use rustpython_parser::ast;

use crate::diagnostics::{Diagnostic, Span};
use crate::messages::kernel as msg;

/// Parses a whole module. A syntax error becomes one diagnostic at its place.
pub fn parse_module(source: &str, path: &str) -> Result<Vec<ast::Stmt>, Box<Diagnostic>> {
    // The parser is third-party code: a panic inside it must not become ours.
    let result = std::panic::catch_unwind(|| ast::Suite::parse(source, path));
    match result {
        Ok(Ok(suite)) => Ok(suite),
        Ok(Err(e)) => {
            let at = e.offset.to_usize().min(source.len());
            let end = source
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(at, |c| at + c.len_utf8());
            Err(Box::new(Diagnostic::error(
                Span::new(at, end),
                msg::syntax_error(&e.error.to_string()),
            )))
        }
        Err(_) => Err(Box::new(Diagnostic::error(
            Span::new(0, 0),
            msg::syntax_error("the parser failed on this file"),
        ))),
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
