//! CPython's normalization of identifiers (PEP 3131): every name is taken in its NFKC
//! form when the file is compiled, so `ﬁ` and `fi`, or the micro sign `µ` and the Greek
//! `μ`, are one name, and `math.ﬂoor` is `math.floor`. Rust would keep them apart (and
//! warn about the non-normalized spelling), so the parser's output is normalized before
//! any pass reads a name.

use rustpython_parser::ast::fold::{self, Fold};
use rustpython_parser::ast::{self, Identifier};
use rustpython_parser::text_size::TextRange;
use unicode_normalization::UnicodeNormalization;

/// The NFKC form of `name` (ASCII names are their own).
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        name.to_owned()
    } else {
        name.nfkc().collect()
    }
}

/// Normalizes every identifier of a parsed module: names, attributes, parameters,
/// keyword arguments, function and class names, imports, `global` names, patterns.
/// Nothing to do (and nothing done) for an ASCII file.
pub fn normalize_module(source: &str, suite: Vec<ast::Stmt>) -> Vec<ast::Stmt> {
    if source.is_ascii() {
        return suite;
    }
    match Nfkc.fold(suite) {
        Ok(s) => s,
        Err(never) => match never {},
    }
}

fn id(name: Identifier) -> Identifier {
    if name.as_str().is_ascii() {
        name
    } else {
        Identifier::new(normalize(name.as_str()))
    }
}

fn ids(names: Vec<Identifier>) -> Vec<Identifier> {
    names.into_iter().map(id).collect()
}

/// The folder: every node holding an identifier normalizes it, then folds its children.
struct Nfkc;

type R<T> = Result<T, std::convert::Infallible>;

impl Fold<TextRange> for Nfkc {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> R<TextRange> {
        Ok(user)
    }

    fn fold_stmt_function_def(&mut self, mut n: ast::StmtFunctionDef) -> R<ast::StmtFunctionDef> {
        n.name = id(n.name);
        fold::fold_stmt_function_def(self, n)
    }

    fn fold_stmt_async_function_def(
        &mut self,
        mut n: ast::StmtAsyncFunctionDef,
    ) -> R<ast::StmtAsyncFunctionDef> {
        n.name = id(n.name);
        fold::fold_stmt_async_function_def(self, n)
    }

    fn fold_stmt_class_def(&mut self, mut n: ast::StmtClassDef) -> R<ast::StmtClassDef> {
        n.name = id(n.name);
        fold::fold_stmt_class_def(self, n)
    }

    fn fold_stmt_import_from(&mut self, mut n: ast::StmtImportFrom) -> R<ast::StmtImportFrom> {
        n.module = n.module.map(id);
        fold::fold_stmt_import_from(self, n)
    }

    fn fold_stmt_global(&mut self, mut n: ast::StmtGlobal) -> R<ast::StmtGlobal> {
        n.names = ids(n.names);
        fold::fold_stmt_global(self, n)
    }

    fn fold_stmt_nonlocal(&mut self, mut n: ast::StmtNonlocal) -> R<ast::StmtNonlocal> {
        n.names = ids(n.names);
        fold::fold_stmt_nonlocal(self, n)
    }

    fn fold_expr_attribute(&mut self, mut n: ast::ExprAttribute) -> R<ast::ExprAttribute> {
        n.attr = id(n.attr);
        fold::fold_expr_attribute(self, n)
    }

    fn fold_expr_name(&mut self, mut n: ast::ExprName) -> R<ast::ExprName> {
        n.id = id(n.id);
        fold::fold_expr_name(self, n)
    }

    fn fold_excepthandler_except_handler(
        &mut self,
        mut n: ast::ExceptHandlerExceptHandler,
    ) -> R<ast::ExceptHandlerExceptHandler> {
        n.name = n.name.map(id);
        fold::fold_excepthandler_except_handler(self, n)
    }

    fn fold_arg(&mut self, mut n: ast::Arg) -> R<ast::Arg> {
        n.arg = id(n.arg);
        fold::fold_arg(self, n)
    }

    fn fold_keyword(&mut self, mut n: ast::Keyword) -> R<ast::Keyword> {
        n.arg = n.arg.map(id);
        fold::fold_keyword(self, n)
    }

    fn fold_alias(&mut self, mut n: ast::Alias) -> R<ast::Alias> {
        n.name = id(n.name);
        n.asname = n.asname.map(id);
        fold::fold_alias(self, n)
    }

    fn fold_pattern_match_mapping(
        &mut self,
        mut n: ast::PatternMatchMapping,
    ) -> R<ast::PatternMatchMapping> {
        n.rest = n.rest.map(id);
        fold::fold_pattern_match_mapping(self, n)
    }

    fn fold_pattern_match_class(
        &mut self,
        mut n: ast::PatternMatchClass,
    ) -> R<ast::PatternMatchClass> {
        n.kwd_attrs = ids(n.kwd_attrs);
        fold::fold_pattern_match_class(self, n)
    }

    fn fold_pattern_match_star(
        &mut self,
        mut n: ast::PatternMatchStar,
    ) -> R<ast::PatternMatchStar> {
        n.name = n.name.map(id);
        fold::fold_pattern_match_star(self, n)
    }

    fn fold_pattern_match_as(&mut self, mut n: ast::PatternMatchAs) -> R<ast::PatternMatchAs> {
        n.name = n.name.map(id);
        fold::fold_pattern_match_as(self, n)
    }

    fn fold_type_param_type_var(
        &mut self,
        mut n: ast::TypeParamTypeVar,
    ) -> R<ast::TypeParamTypeVar> {
        n.name = id(n.name);
        fold::fold_type_param_type_var(self, n)
    }

    fn fold_type_param_param_spec(
        &mut self,
        mut n: ast::TypeParamParamSpec,
    ) -> R<ast::TypeParamParamSpec> {
        n.name = id(n.name);
        fold::fold_type_param_param_spec(self, n)
    }

    fn fold_type_param_type_var_tuple(
        &mut self,
        mut n: ast::TypeParamTypeVarTuple,
    ) -> R<ast::TypeParamTypeVarTuple> {
        n.name = id(n.name);
        fold::fold_type_param_type_var_tuple(self, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_take_their_nfkc_form() {
        assert_eq!(normalize("totalﬁ"), "totalfi");
        assert_eq!(normalize("µ"), "μ");
        assert_eq!(normalize("ℌ"), "H");
        assert_eq!(normalize("ǅ"), "Dž");
        assert_eq!(normalize("cafe\u{301}"), "café");
        assert_eq!(normalize("plain_1"), "plain_1");
    }

    #[test]
    fn every_kind_of_name_is_normalized() {
        let src = "import ｍath as ｍ\nfrom math import ﬂoor as ﬂ\n\
                   def ﬁ(ǆ, *ａ, ｋ=1, **ｗ):\n    global ｇ\n    ｘ.ａｔｔｒ = ﬁ(ǆ, ｋ=2)\n    \
                   try:\n        pass\n    except E as ｅ:\n        pass\n\
                   class Ｃ:\n    pass\n";
        let suite = crate::parse::parse_module(src, "t.py").expect("parses");
        let text = format!("{suite:?}");
        for name in [
            "ｍath",
            "ｍ",
            "ﬂoor",
            "ﬂ",
            "ﬁ",
            "ǆ",
            "ａ",
            "ｋ",
            "ｗ",
            "ｇ",
            "ｘ",
            "ａｔｔｒ",
            "ｅ",
            "Ｃ",
        ] {
            assert!(!text.contains(name), "{name} left in {text}");
        }
        for name in [
            "\"math\"",
            "\"m\"",
            "\"floor\"",
            "\"fl\"",
            "\"fi\"",
            "\"dž\"",
            "\"attr\"",
            "\"C\"",
        ] {
            assert!(text.contains(name), "{name} missing in {text}");
        }
    }
}
