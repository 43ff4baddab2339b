//! Messages about kernel code and capsules (PK02xx: syntax and lowering, PK03xx: types,
//! PK04xx: exports and capsules).

use super::Message;

fn did_you_mean(m: Message, suggestion: Option<&str>) -> Message {
    match suggestion {
        Some(s) => m.hint(format!("did you mean `{s}`?")),
        None => m,
    }
}

/// The file is not valid Python.
pub fn syntax_error(detail: &str) -> Message {
    Message::new(
        "PK0201",
        format!("invalid Python syntax: {detail}"),
        "syntax error here",
    )
    .hint("the kernel must be valid Python that CPython can run")
}

/// Statements and expressions nested deeper than CPython's compiler accepts.
pub fn nested_too_deeply(limit: usize) -> Message {
    Message::new(
        "PK0230",
        format!("expression nested too deeply: more than {limit} levels"),
        "nested too deeply here",
    )
    .hint("CPython rejects it too (`RecursionError` while compiling); split it with intermediate variables")
}

/// A value whose type nests lists and tuples deeper than rustc can compile.
pub fn type_too_deep(depth: usize, limit: usize) -> Message {
    Message::new(
        "PK0231",
        format!("this value nests lists and tuples {depth} levels deep; at most {limit} are supported"),
        "type nested too deeply",
    )
    .hint("Rust's compiler stops at its recursion limit on such types; flatten the data (e.g. a list of tuples, or an array)")
}

/// A statement kind the compiler does not handle (yet).
pub fn unsupported_statement(what: &str) -> Message {
    Message::new(
        "PK0202",
        format!("not supported in kernels yet: {what}"),
        "not supported",
    )
}

/// `arrays[i] += v` where `arrays` is a list of arrays.
pub fn array_in_list_augassign() -> Message {
    unsupported_statement("an augmented assignment to an array held in a list").hint(
        "name the element first: `a = arrays[i]`, then `a += ...` (it changes the same array)",
    )
}

/// An expression form the compiler does not handle (yet).
pub fn unsupported_expression(what: &str) -> Message {
    Message::new(
        "PK0203",
        format!("not supported in kernels yet: {what}"),
        "not supported",
    )
}

/// A module-level statement other than imports, functions and constants.
pub fn unsupported_module_statement(what: &str) -> Message {
    Message::new(
        "PK0204",
        format!("{what} at module level is not supported"),
        "only imports, `def`s and constants may appear here",
    )
    .hint("module level may hold imports, functions, constants (`N = 64`) and docstrings")
}

/// A name that is neither a local, a constant, a function nor an import.
pub fn unknown_name(name: &str, suggestion: Option<&str>) -> Message {
    did_you_mean(
        Message::new(
            "PK0205",
            format!("cannot find `{name}` in this kernel"),
            "not defined",
        ),
        suggestion,
    )
}

/// `np.zeros(...)` in a file that does not import `np`: Python's `NameError`.
pub fn module_not_imported(name: &str, import: Option<&str>) -> Message {
    let m = Message::new(
        "PK0344",
        format!("`{name}` is not defined: this file does not import it"),
        "not defined",
    );
    match import {
        Some(line) => m.hint(format!("add `{line}` at the top of the file")),
        None => m,
    }
}

/// A function or attribute of a known module that is not supported.
pub fn unsupported_function(path: &str) -> Message {
    Message::new(
        "PK0206",
        format!("`{path}` is not supported in kernels yet"),
        "not supported",
    )
}

/// `module.name` where the module has no such name (`math.sqr`).
pub fn no_attribute(module: &str, name: &str, close: Option<&str>) -> Message {
    let m = Message::new(
        "PK0218",
        format!("module `{module}` has no attribute `{name}`"),
        "Python raises AttributeError here",
    );
    match close {
        Some(c) => m.hint(format!("did you mean `{module}.{c}`?")),
        None => m,
    }
}

/// An integer literal outside int64.
pub fn int_literal_too_large() -> Message {
    Message::new(
        "PK0207",
        "integer literal does not fit in int64",
        "too large",
    )
    .hint("kernel ints are int64 (NumPy's default integer)")
}

/// Iterating over a value that is not iterable.
pub fn for_not_range(ty: &str) -> Message {
    Message::new(
        "PK0208",
        format!("cannot iterate over `{ty}`"),
        "not iterable",
    )
    .hint("kernels iterate over `range(...)`, lists, tuples, `enumerate(...)`, `zip(...)` and `reversed(...)`")
}

/// A method that the receiver's type does not have (or that is not supported).
pub fn unknown_method(ty: &str, name: &str) -> Message {
    Message::new(
        "PK0317",
        format!("`{ty}` has no supported method or attribute `{name}`"),
        "not supported here",
    )
}

/// `a.dtype` anywhere but in a `dtype=` argument or a comparison with a NumPy type.
pub fn dtype_use() -> Message {
    Message::new(
        "PK0319",
        "`.dtype` is only supported as a `dtype=` argument and in `==`/`!=` comparisons with a NumPy type or another `.dtype`",
        "not supported here",
    )
    .hint("e.g. `np.zeros(n, dtype=a.dtype)`, `if a.dtype == np.float32:`")
}

/// An empty list whose element type nothing tells.
pub fn unknown_element_type() -> Message {
    Message::new(
        "PK0318",
        "cannot infer the element type of this empty list",
        "element type unknown",
    )
    .hint("append to it, or start with a typed value such as `[0.0] * 0`")
}

/// Wrong number of arguments to a builtin.
pub fn builtin_arity(name: &str, expected: &str, got: usize) -> Message {
    Message::new(
        "PK0209",
        format!("`{name}` takes {expected} argument(s), {got} given"),
        "wrong number of arguments",
    )
}

/// Keyword arguments where not supported.
pub fn unsupported_keyword(name: &str) -> Message {
    Message::new(
        "PK0210",
        format!("keyword argument `{name}` is not supported here yet"),
        "keyword argument",
    )
}

/// `break`/`continue` outside a loop.
pub fn outside_loop(what: &str) -> Message {
    Message::new(
        "PK0211",
        format!("`{what}` outside loop"),
        "not inside a loop",
    )
}

/// Wrong number of arguments in a call to a kernel function.
pub fn call_arity(name: &str, expected: usize, got: usize) -> Message {
    Message::new(
        "PK0212",
        format!("`{name}()` takes {expected} argument(s) but {got} were given"),
        "wrong number of arguments",
    )
}

/// A recursive call whose return type cannot be inferred.
pub fn recursion_without_base(name: &str) -> Message {
    Message::new(
        "PK0213",
        format!("cannot infer the return type of recursive function `{name}`"),
        "recursive call",
    )
    .hint("add a non-recursive `return` (a base case) before the recursive one")
}

/// Recursive calls whose argument types nest deeper at every call.
pub fn argument_type_grows(name: &str) -> Message {
    Message::new(
        "PK0320",
        format!("the argument types of recursive calls to `{name}` keep growing"),
        "this argument nests deeper at every call",
    )
    .hint("each call needs a fixed type: pass values of one type at every level of the recursion")
}

/// Type inference did not settle (a pykernel bug: types only widen).
pub fn inference_diverges(name: &str) -> Message {
    Message::new(
        "PK0999",
        format!("internal error: type inference of `{name}` and its callees does not settle"),
        "in the calls from here",
    )
    .hint("this is a pykernel bug; please report it with this kernel")
}

/// `range`, `enumerate`, `zip` or `reversed` used where nothing iterates over it.
pub fn range_outside_for(name: &str) -> Message {
    Message::new(
        "PK0214",
        format!(
            "`{name}(...)` is only supported where it is iterated: a `for` loop, a comprehension, or the argument of `list`, `sum`, `min`, `max`, `sorted`, `any`, `all`"
        ),
        format!("{name} used here"),
    )
    .hint(format!("write `list({name}(...))` for a list"))
}

/// `tuple(...)` of an iterable whose length is known only at run time.
/// `what`: the argument as described to the user.
pub fn tuple_of_unknown_length(what: &str) -> Message {
    Message::new(
        "PK0345",
        format!("`tuple(...)` of {what}: its length and item types must be known when the kernel is built"),
        "tuple of unknown length",
    )
    .hint("a tuple's length is part of its type: build it from a tuple or a generator expression over tuples (`zip` of tuples, no `if`), or keep a list")
}

/// Operands of an operator have unusable types.
pub fn bad_operands(op: &str, left: &str, right: &str) -> Message {
    Message::new(
        "PK0301",
        format!("unsupported operand types for {op}: `{left}` and `{right}`"),
        "in this operation",
    )
}

/// `==`/`!=` between lists or tuples that hold arrays: Python compares the items with
/// NumPy's element-wise `==` and then asks for its truth value, which raises.
pub fn container_of_arrays_compared(left: &str, right: &str) -> Message {
    Message::new(
        "PK0343",
        format!("cannot compare `{left}` and `{right}` with `==` or `!=`: they hold arrays"),
        "compares arrays inside containers",
    )
    .hint("Python raises `ValueError` (the truth value of an array is ambiguous); compare the arrays one by one with `np.array_equal`")
}

/// Operand of a unary operator has an unusable type.
pub fn bad_unary_operand(op: &str, ty: &str) -> Message {
    Message::new(
        "PK0302",
        format!("bad operand type for unary {op}: `{ty}`"),
        "in this operation",
    )
}

/// A variable assigned values of incompatible types.
pub fn conflicting_types(name: &str, first: &str, second: &str) -> Message {
    let name = crate::webs::user_name(name);
    Message::new(
        "PK0303",
        format!("variable `{name}` is assigned both `{first}` and `{second}`"),
        format!("`{second}` assigned here"),
    )
    .hint(
        "a read that may see either assignment (after an `if`, around a loop) needs one \
         type; use two variables",
    )
}

/// A function returning incompatible types on different paths.
pub fn conflicting_returns(name: &str, first: &str, second: &str) -> Message {
    Message::new(
        "PK0304",
        format!("function `{name}` returns both `{first}` and `{second}`"),
        format!("returns `{second}` here"),
    )
    .hint("every `return` of a function must give the same type (int and float unify to float; `None` and a value `T` give `T | None`)")
}

/// A `T | None` value used where a `T` is needed, with no test showing it is not `None`.
pub fn optional_use(what: &str, ty: &str) -> Message {
    Message::new(
        "PK0394",
        format!("{what} may be None here (it is `{ty}`)"),
        "may be None here",
    )
    .hint("test it first: use it inside `if x is not None:`, or after `if x is None: return ...`; a value that may be None can only be assigned, returned, passed to a kernel function, tested with `is None`, or used as a truth value (None is false)")
}

/// `a is b` where neither side is `None`.
pub fn is_not_none_test(left: &str, right: &str) -> Message {
    Message::new(
        "PK0395",
        format!("`is` between `{left}` and `{right}` is not supported"),
        "not a test against None",
    )
    .hint("kernels support `x is None` and `x is not None`; compare numbers with `==`")
}

/// A capsule (C function) whose result may be `None`.
pub fn capsule_optional_return(name: &str, ty: &str) -> Message {
    Message::new(
        "PK0396",
        format!("capsule `{name}` returns `{ty}`: a C function returns a scalar, never None"),
        "may return None",
    )
    .hint(
        "return a value on every path of a capsule (for example a sentinel such as `-1` or `nan`)",
    )
}

/// `print` of a value it cannot format as CPython does.
pub fn print_value(ty: &str) -> Message {
    Message::new(
        "PK0397",
        format!("cannot print a `{ty}` in a kernel"),
        "not printable here",
    )
    .hint("kernels print numbers, bools, None, string literals, and tuples and lists of those; for an array, return it (or print its items in a loop)")
}

/// `print` in a function a capsule calls (C code, maybe without the GIL).
pub fn print_in_capsule(name: &str) -> Message {
    Message::new(
        "PK0398",
        format!("`print` in capsule `{name}` (or a function it calls)"),
        "prints here",
    )
    .hint("capsules are called from C (SciPy), maybe on threads without Python's GIL, so they cannot write to `sys.stdout`; print from a regular export instead")
}

/// The type of a variable could not be inferred.
pub fn cannot_infer(name: &str) -> Message {
    Message::new(
        "PK0305",
        format!("cannot infer the type of `{name}`"),
        "used here",
    )
    .hint("assign it a value before this point")
}

/// Indexing a value that is not indexable.
pub fn not_indexable(ty: &str) -> Message {
    Message::new(
        "PK0306",
        format!("`{ty}` cannot be indexed"),
        "indexed here",
    )
}

/// An index that is not an integer.
pub fn index_not_int(ty: &str) -> Message {
    Message::new(
        "PK0307",
        format!("indices must be integers, not `{ty}`"),
        "not an integer",
    )
}

/// A value that cannot be stored into the target.
pub fn bad_store(value: &str, target: &str) -> Message {
    Message::new(
        "PK0308",
        format!("cannot store a `{value}` into `{target}`"),
        "incompatible value",
    )
}

/// Array expressions that would need a temporary array.
pub fn array_temporary() -> Message {
    Message::new(
        "PK0309",
        "array expressions are only supported as the right-hand side of a slice assignment yet",
        "this creates a new array",
    )
    .hint("write the result into a view: `out[:] = a - b`")
}

/// Bad argument to a builtin.
pub fn bad_argument(func: &str, ty: &str, expected: &str) -> Message {
    Message::new(
        "PK0310",
        format!("`{func}` expects {expected}, got `{ty}`"),
        "this argument",
    )
}

/// A value used as a condition that has no truth value here.
pub fn bad_condition(ty: &str) -> Message {
    Message::new(
        "PK0311",
        format!("`{ty}` cannot be used as a condition"),
        "here",
    )
}

/// Variable possibly unassigned at a use.
pub fn maybe_unassigned(name: &str) -> Message {
    Message::new(
        "PK0312",
        format!("`{name}` might be used before it is assigned"),
        "may be unassigned here",
    )
    .hint("where it is, the kernel raises UnboundLocalError, as CPython does; assign it on every path before this use to make the check go away")
}

/// A result type the compiler cannot return.
pub fn bad_return(ty: &str) -> Message {
    Message::new(
        "PK0313",
        format!("returning a `{ty}` is not supported"),
        "returned here",
    )
}

/// Export names a missing function.
pub fn export_missing_function(name: &str, suggestion: Option<&str>) -> Message {
    did_you_mean(
        Message::new(
            "PK0401",
            format!("exported function `{name}` is not defined in this file"),
            "no `def` with this name",
        ),
        suggestion,
    )
}

/// Export arity differs from the `def`.
pub fn export_arity(name: &str, params: usize, args: usize) -> Message {
    Message::new(
        "PK0402",
        format!("export of `{name}` gives {args} argument type(s) but the function takes {params}"),
        format!("{args} type(s) here"),
    )
}

/// A valid export type the code generator does not handle yet.
pub fn unsupported_export_type(ty: &str, context: &str) -> Message {
    Message::new(
        "PK0403",
        format!("`{ty}` is not supported in {context} yet"),
        "not supported yet",
    )
}

/// An array without fixed extents in a capsule export.
pub fn capsule_array_extents(ty: &str) -> Message {
    Message::new(
        "PK0411",
        format!("`{ty}` in a capsule export needs fixed extents: a C pointer carries no length"),
        "extents not fixed",
    )
    .hint("write them (`float64[3]`, `float64[2,2]`), or take a pointer (`float64*`) and view it with `as_array(p, (n,))`")
}

/// Pointer types in a regular export.
pub fn pointer_in_regular_export(ty: &str) -> Message {
    Message::new(
        "PK0404",
        format!("pointer type `{ty}` is only meaningful in a capsule export"),
        "pointer argument",
    )
    .hint("write `export capsule f(...)`, or use an array type such as `float64[]`")
}

/// A capsule with several signatures.
pub fn capsule_overloaded(name: &str) -> Message {
    Message::new(
        "PK0405",
        format!("capsule `{name}` is exported more than once"),
        "second signature here",
    )
    .hint("a capsule wraps one function pointer, so it cannot be overloaded; export it once")
}

/// The same signature exported twice.
pub fn duplicate_signature(name: &str) -> Message {
    Message::new(
        "PK0406",
        format!("`{name}` is exported twice with the same argument types"),
        "repeated signature",
    )
}

/// The kernel's return type does not fit the SciPy entry's C return type.
pub fn capsule_return_mismatch(name: &str, returned: &str, entry: &str) -> Message {
    Message::new(
        "PK0407",
        format!(
            "capsule `{name}` returns `{returned}`, but its SciPy signature `{entry}` needs the C return type"
        ),
        "returned here",
    )
}

/// Near-miss of a SciPy signature (warning or error by configuration).
pub fn scipy_near_miss(
    name: &str,
    entry: &str,
    consumer: &str,
    arg: usize,
    got: &str,
    want: &str,
    want_export: &str,
) -> Message {
    Message::new(
        "PK0408",
        format!(
            "capsule `{name}` looks like SciPy's `{entry}` ({consumer}) but argument {arg} is `{got}` where SciPy passes `{want}`"
        ),
        format!("SciPy passes `{want}` here"),
    )
    .hint(format!(
        "SciPy will not accept this capsule without `signature=`; write `{want_export}` in the export to match `{entry}`"
    ))
}

/// A capsule whose result type has no C spelling.
pub fn capsule_bad_return(name: &str, ty: &str) -> Message {
    Message::new(
        "PK0409",
        format!("capsule `{name}` returns `{ty}`, which has no C type"),
        "returned here",
    )
}

/// An exported function name that is not a valid Rust identifier.
pub fn bad_export_name(name: &str) -> Message {
    Message::new(
        "PK0410",
        format!("`{name}` cannot be exported: it is a Rust keyword or reserved name"),
        "exported here",
    )
    .hint("rename the function")
}

/// Unpacking a value into the wrong number of targets, or a non-tuple.
pub fn bad_unpack(ty: &str, targets: usize) -> Message {
    Message::new(
        "PK0314",
        format!("cannot unpack `{ty}` into {targets} target(s)"),
        "unpacked here",
    )
}

/// A tuple indexed by something other than a constant.
pub fn tuple_index_not_constant(len: usize) -> Message {
    Message::new(
        "PK0315",
        format!("a tuple can only be indexed by a constant integer in range (it has {len} items)"),
        "this index",
    )
    .hint("each tuple item may have its own type, so the index must be known when compiling")
}

/// A keyword argument the callee does not have.
pub fn unknown_keyword(func: &str, kw: &str) -> Message {
    Message::new(
        "PK0215",
        format!("`{func}()` got an unexpected keyword argument `{kw}`"),
        "unknown keyword",
    )
}

/// An argument given twice.
pub fn duplicate_argument(func: &str, param: &str) -> Message {
    Message::new(
        "PK0216",
        format!("`{func}()` got multiple values for argument `{param}`"),
        "given again here",
    )
}

/// A required argument not given.
pub fn missing_argument(func: &str, param: &str) -> Message {
    Message::new(
        "PK0217",
        format!("`{func}()` missing required argument `{param}`"),
        "in this call",
    )
}
