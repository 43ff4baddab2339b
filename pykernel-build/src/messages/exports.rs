//! Messages about export comments (PK01xx).
//!
//! Used by [`crate::exports`]; every headline, label and hint about a `#pythran export`
//! line is written here.

use super::Message;

/// The valid scalar type words, for hints.
const SCALAR_LIST: &str = "bool, int, float, complex, int8, int16, int32, int64, intc, intp, \
     uint8, uint16, uint32, uint64, uintc, uintp, float32, float64, complex64, complex128, byte";

/// Longest piece of user text quoted in a message, in characters.
const MAX_QUOTE: usize = 40;

/// `` `text` ``, shortened with `...` when very long.
fn quote(text: &str) -> String {
    if text.chars().count() > MAX_QUOTE {
        let head: String = text.chars().take(MAX_QUOTE).collect();
        format!("`{head}...`")
    } else {
        format!("`{text}`")
    }
}

/// `` `text` `` for a token, or `end of export` when there is none.
fn found(text: Option<&str>) -> String {
    text.map_or_else(|| "end of export".to_string(), quote)
}

/// What the export parser expected where it found something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `,` or `)` after an argument type.
    ArgSeparator,
    /// `,` or `)` after a tuple element.
    TupleSeparator,
    /// `)` closing a parenthesized type.
    CloseParen,
    /// `,` or `]` in an array's dimensions.
    DimSeparator,
    /// `:`, `::` or an integer extent inside `[...]`.
    Dim,
    /// `dict` after `K:V`.
    Dict,
    /// `(` after `order`.
    OrderParen,
    /// `)` closing `order(C)` / `order(F)`.
    OrderClose,
}

impl Expected {
    fn describe(self) -> &'static str {
        match self {
            Expected::ArgSeparator | Expected::TupleSeparator => "`,` or `)`",
            Expected::CloseParen | Expected::OrderClose => "`)`",
            Expected::DimSeparator => "`,` or `]`",
            Expected::Dim => "`:`, `::` or an extent",
            Expected::Dict => "`dict`",
            Expected::OrderParen => "`(`",
        }
    }
}

/// PK0101: a word that is not a type.
pub fn unknown_type(word: &str, suggestion: Option<&str>) -> Message {
    let m = Message::new(
        "PK0101",
        format!("unknown type {} in export", quote(word)),
        "unknown type",
    );
    match suggestion {
        Some(s) => m.hint(format!("did you mean `{s}`?")),
        None => m.hint(format!(
            "valid scalar types are {SCALAR_LIST} and None; arrays are written `float64[:]`"
        )),
    }
}

/// PK0102: a real type that pykernel does not support (`float128`, `longdouble`, ...).
pub fn unsupported_type(word: &str) -> Message {
    Message::new(
        "PK0102",
        format!("type {} is not supported", quote(word)),
        "not supported",
    )
    .hint(format!("supported scalar types are {SCALAR_LIST}"))
}

/// PK0103: text after a complete export clause.
///
/// `looks_like_export` is set when the text looks like another `name(...)` clause (a
/// missing comma).
pub fn trailing_text(looks_like_export: bool) -> Message {
    let m = Message::new(
        "PK0103",
        "unexpected text after export",
        "not part of any export",
    );
    if looks_like_export {
        m.hint("separate several exports on one line with `,`: `#pythran export f(int), g(float)`")
    } else {
        m.hint("remove it; an export comment holds nothing but `name(types)` clauses")
    }
}

/// PK0104: no function name where one is needed.
pub fn missing_function_name(found_text: Option<&str>) -> Message {
    Message::new(
        "PK0104",
        format!("expected a function name, found {}", found(found_text)),
        "expected a function name",
    )
    .hint("write `#pythran export name(type, ...)`")
}

/// PK0105: a function name not followed by its `(types)`.
pub fn missing_parens(name: &str) -> Message {
    Message::new(
        "PK0105",
        format!("expected `(` after {}", quote(name)),
        "expected `(` with the argument types",
    )
    .hint(format!("list the argument types in parentheses, e.g. `{name}(int, float64[:])`; `{name}()` if it takes none"))
}

/// PK0106: a bracket still open when the export comment ends.
pub fn unclosed_delimiter(delim: &str) -> Message {
    Message::new(
        "PK0106",
        format!("this {} is never closed", quote(delim)),
        "unclosed delimiter",
    )
    .hint("close it, or continue the export on the next line with a comment line starting with `#`")
}

/// PK0107: a type is missing (`f(int,,float)`, `f(int,)`) or a keyword stands where a
/// type should be (`f(list)`).
pub fn expected_type(found_text: Option<&str>) -> Message {
    let m = Message::new(
        "PK0107",
        format!("expected a type, found {}", found(found_text)),
        "expected a type",
    );
    match found_text {
        Some("list" | "set" | "dict") => m.hint(
            "container types follow their element types: `int list`, `float set`, `int:float dict`",
        ),
        Some("or") => m.hint("`or` goes between two types: `int or float`"),
        Some(")" | ",") => m.hint("every argument needs a type; `f()` takes no arguments"),
        _ => m,
    }
}

/// PK0108: some other token where `expected` should be.
pub fn unexpected(expected: Expected, found_text: Option<&str>) -> Message {
    let what = expected.describe();
    let m = Message::new(
        "PK0108",
        format!("expected {what}, found {}", found(found_text)),
        format!("expected {what}"),
    );
    match expected {
        Expected::Dim => m.hint(
            "array dimensions are `:` (any extent), `::` (strided) or a number: `float64[:,3]`",
        ),
        Expected::Dict => m.hint("a dict type is written `K:V dict`, e.g. `int:float dict`"),
        Expected::OrderParen | Expected::OrderClose => m.hint("write `order(C)` or `order(F)`"),
        _ if found_text == Some("dict") => {
            m.hint("a dict type is written `K:V dict`, e.g. `int:float dict`")
        }
        _ => m,
    }
}

/// PK0109: `void` not followed by `*`.
pub fn void_without_pointer() -> Message {
    Message::new(
        "PK0109",
        "`void` is only valid as `void*`",
        "expected `*` after `void`",
    )
    .hint("use `void*` for opaque user data, or `None` for a Python `None` argument")
}

/// PK0110: `T*` where `T` is not a numeric scalar.
pub fn pointer_to_non_numeric(pointee: &str) -> Message {
    Message::new(
        "PK0110",
        format!("cannot make a pointer to {}", quote(pointee)),
        "pointer to a non-numeric type",
    )
    .hint("`T*` points to numeric scalars (`float64*`, `int32*`, ...); use `void*` for opaque data")
}

/// PK0111: `T[...]` where `T` is not a numeric scalar.
pub fn array_of_non_scalar(element: &str) -> Message {
    Message::new(
        "PK0111",
        format!(
            "array elements must be numeric scalars, not {}",
            quote(element)
        ),
        "not a numeric element type",
    )
    .hint(
        "write arrays as `float64[:]`, `int32[:,:]`, ...; use `T list` for a list of other things",
    )
}

/// PK0112: `order(X)` with `X` other than `C` or `F`.
pub fn bad_order(word: Option<&str>) -> Message {
    let text = match word {
        Some(w) => format!("unknown memory order {}", quote(w)),
        None => "missing memory order in `order(...)`".to_string(),
    };
    Message::new("PK0112", text, "expected `C` or `F`")
        .hint("write `order(C)` (row-major) or `order(F)` (column-major)")
}

/// PK0113: `order(...)` on something that is not a 2-D array (`rank` is `None` when it
/// is not an array at all).
pub fn order_not_2d(ty: &str, rank: Option<usize>) -> Message {
    let text = match rank {
        Some(1) => format!(
            "`order(...)` needs a 2-D array, but {} has 1 dimension",
            quote(ty)
        ),
        Some(r) => format!(
            "`order(...)` needs a 2-D array, but {} has {r} dimensions",
            quote(ty)
        ),
        None => format!(
            "`order(...)` needs a 2-D array, but {} is not an array",
            quote(ty)
        ),
    };
    Message::new("PK0113", text, "only 2-D arrays have an order")
        .hint("e.g. `float64[:,:] order(F)`")
}

/// What makes a capsule export an overload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverloadKind {
    /// `A or B` in an argument.
    Alternative,
    /// A trailing optional argument `T?`.
    Optional,
}

/// PK0114: a capsule export with alternatives or optional arguments.
pub fn capsule_overload(kind: OverloadKind) -> Message {
    let label = match kind {
        OverloadKind::Alternative => "`or` gives this capsule several signatures",
        OverloadKind::Optional => "`?` gives this capsule several signatures",
    };
    Message::new("PK0114", "overloads cannot be capsules", label).hint(
        "a capsule wraps one C function pointer with exactly one signature; \
         write a single signature, or drop `capsule` to export a Python-callable overload",
    )
}

/// PK0115: an optional argument followed by a required one.
pub fn non_trailing_optional() -> Message {
    Message::new(
        "PK0115",
        "only trailing arguments can be optional",
        "followed by a required argument",
    )
    .hint("mark every argument after this one with `?` too, or move the optional ones to the end")
}

/// PK0116: an export prefix with nothing after it.
pub fn empty_export() -> Message {
    Message::new(
        "PK0116",
        "export comment exports nothing",
        "expected `name(types)` after this",
    )
    .hint("write `#pythran export name(type, ...)`, e.g. `#pythran export f(int, float64[:])`")
}

/// PK0117: `?` inside a type instead of after a whole argument.
pub fn misplaced_optional() -> Message {
    Message::new(
        "PK0117",
        "`?` can only follow a whole argument",
        "not an argument",
    )
    .hint("`f(int, float?)` makes the last argument optional; `?` cannot be used inside a type")
}

/// PK0118: an array extent too large to be a size.
pub fn extent_too_large(text: &str) -> Message {
    Message::new(
        "PK0118",
        format!("array extent {} is too large", quote(text)),
        "too large",
    )
}

/// PK0119: alternatives and optionals expanding to too many signatures.
pub fn too_many_overloads(limit: usize) -> Message {
    Message::new(
        "PK0119",
        format!("this export expands to more than {limit} signatures"),
        "too many combinations",
    )
    .hint("every `or` multiplies the number of compiled signatures; export fewer combinations")
}

/// PK0120: types nested deeper than the parser allows.
pub fn nested_too_deeply(limit: usize) -> Message {
    Message::new(
        "PK0120",
        format!("type nested more than {limit} levels deep"),
        "too deeply nested",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_in_range() {
        let all = [
            unknown_type("x", None),
            unsupported_type("x"),
            trailing_text(false),
            missing_function_name(None),
            missing_parens("f"),
            unclosed_delimiter("("),
            expected_type(None),
            unexpected(Expected::Dim, None),
            void_without_pointer(),
            pointer_to_non_numeric("x"),
            array_of_non_scalar("x"),
            bad_order(None),
            order_not_2d("x", None),
            capsule_overload(OverloadKind::Optional),
            non_trailing_optional(),
            empty_export(),
            misplaced_optional(),
            extent_too_large("9"),
            too_many_overloads(1),
            nested_too_deeply(1),
        ];
        let mut codes: Vec<_> = all.iter().filter_map(|m| m.code).collect();
        assert_eq!(codes.len(), all.len());
        assert!(codes.iter().all(|c| c.starts_with("PK01")));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }

    #[test]
    fn texts_name_the_word_and_suggestion() {
        let m = unknown_type("double", Some("float64"));
        assert!(m.text.contains("`double`"));
        assert_eq!(m.hint.as_deref(), Some("did you mean `float64`?"));
        let m = unexpected(Expected::ArgSeparator, Some("]"));
        assert_eq!(m.text, "expected `,` or `)`, found `]`");
        let m = expected_type(None);
        assert_eq!(m.text, "expected a type, found end of export");
        let long = "y".repeat(100);
        assert!(unknown_type(&long, None).text.len() < 80);
    }
}
