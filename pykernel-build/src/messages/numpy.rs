//! Messages about NumPy programs: whole-array expressions, ufuncs, reductions, shapes.

use super::Message;

/// A ufunc (or operator) NumPy refuses for these input types.
pub fn ufunc_types(numpy_text: &str) -> Message {
    Message::new(
        "PK0330",
        numpy_text.to_owned(),
        "no loop of this ufunc takes these types",
    )
}

/// `if a:` / `not a` / `a and b` with an array.
pub fn array_truth() -> Message {
    Message::new(
        "PK0331",
        "the truth value of an array is ambiguous",
        "an array where a condition is expected",
    )
    .hint("use `a.any()` or `a.all()` (or `np.logical_not`, `&`, `|` for elementwise logic)")
}

/// `a op= b` whose result NumPy cannot cast back into `a` with `same_kind` casting.
pub fn inplace_cast(ufunc: &str, from: &str, to: &str) -> Message {
    Message::new(
        "PK0332",
        format!(
            "Cannot cast ufunc '{ufunc}' output from dtype('{from}') to dtype('{to}') with casting rule 'same_kind'"
        ),
        "NumPy raises a UFuncTypeError here",
    )
    .hint(format!(
        "write `a = a {} b` for a new array, or convert explicitly with `.astype`",
        match ufunc {
            "add" => "+",
            "subtract" => "-",
            "multiply" => "*",
            "true_divide" => "/",
            "matmul" => "@",
            _ => "op",
        }
    ))
}

/// An array whose rank would depend on run-time values.
pub fn rank_not_static(what: &str) -> Message {
    Message::new(
        "PK0333",
        format!("the number of dimensions of {what} is not known when compiling"),
        "its rank depends on run-time values",
    )
    .hint("pass the shape as a tuple of fixed length (`(n, m)`)")
}

/// A value of more dimensions than the array it is stored into.
pub fn store_rank(value_rank: u8, dest_rank: u8) -> Message {
    Message::new(
        "PK0334",
        format!(
            "cannot store a {value_rank}-D array into a {dest_rank}-D array (it would not broadcast)"
        ),
        "too many dimensions",
    )
}

/// Chained comparisons of arrays (`a < b < c`).
pub fn chained_array_compare() -> Message {
    Message::new(
        "PK0335",
        "chained comparisons of arrays need the truth value of an array, which is ambiguous",
        "a chained comparison with an array",
    )
    .hint("write `(a < b) & (b < c)`")
}

/// A NumPy function argument of the wrong kind.
pub fn np_argument(func: &str, what: &str) -> Message {
    Message::new(
        "PK0336",
        format!("`numpy.{func}` takes {what}"),
        "not supported here",
    )
}

/// An index with more entries than the array has dimensions.
pub fn too_many_indices(n: u8, k: usize) -> Message {
    Message::new(
        "PK0337",
        format!("too many indices for array: array is {n}-dimensional, but {k} were indexed"),
        "NumPy raises an IndexError here",
    )
}

/// `np.min`/`np.max` of complex arrays (NumPy orders complex numbers lexicographically).
pub fn complex_extreme(func: &str) -> Message {
    Message::new(
        "PK0338",
        format!("`numpy.{func}` of complex numbers is not supported yet"),
        "complex elements",
    )
    .hint("reduce the real and imaginary parts separately (`z.real.max()`), or compare `abs(z)`")
}

/// A store through `.real`/`.imag` of an array.
pub fn written_part(part: &str) -> Message {
    Message::new(
        "PK0339",
        format!("writing through `.{part}` of an array is not supported yet"),
        format!("`.{part}` is a copy here, not a view"),
    )
    .hint("build the new array and assign it: `z = new_real + 1j * z.imag`")
}

/// An argument of a reduction that must be known when compiling (`keepdims=`).
pub fn reduce_literal(func: &str, what: &str) -> Message {
    Message::new(
        "PK0340",
        format!("`{what}` of `numpy.{func}` must be written as a literal here"),
        "not a literal",
    )
    .hint("the number of dimensions of the result depends on it: write `True` or `False`")
}

/// An axis that is not an integer or a tuple of integers.
pub fn bad_axis(func: &str, tuples: bool) -> Message {
    let what = if tuples {
        "`None`, an integer or a tuple of integers"
    } else {
        "`None` or an integer"
    };
    Message::new(
        "PK0341",
        format!("`axis` of `numpy.{func}` must be {what}"),
        "not an axis",
    )
}

/// An axis out of range, known when compiling (NumPy raises `AxisError`).
pub fn axis_out_of_range(axis: i64, rank: u8) -> Message {
    Message::new(
        "PK0342",
        format!("axis {axis} is out of bounds for array of dimension {rank}"),
        "NumPy raises an AxisError here",
    )
}

/// A product (`np.dot`, `@`, ...) of operands of a rank it does not support.
pub fn linalg_rank(func: &str, ranks: &str) -> Message {
    Message::new(
        "PK0360",
        format!("`numpy.{func}` of {ranks} is not supported yet"),
        "unsupported operand ranks",
    )
    .hint(
        "products of 1-D and 2-D arrays are supported (and stacks of matrices for `matmul`); \
         reshape or loop over the other axes",
    )
}

/// `np.matmul`/`@` with a number: NumPy raises `ValueError` for every call.
pub fn matmul_scalar() -> Message {
    Message::new(
        "PK0361",
        "`numpy.matmul` (`@`) needs arrays, not numbers",
        "NumPy raises a ValueError here: matmul operands need at least 1 dimension",
    )
    .hint("multiply by a number with `*`")
}

/// `np.trace` of an array that is not 2-D.
pub fn trace_rank(rank: u8) -> Message {
    Message::new(
        "PK0362",
        format!("`numpy.trace` of a {rank}-D array is not supported"),
        if rank < 2 {
            "NumPy raises a ValueError here: the diagonal needs 2 dimensions"
        } else {
            "the trace of an array of more than 2 dimensions is an array"
        },
    )
    .hint("`np.trace` takes a 2-D array here")
}

/// `a @= b` with operands NumPy refuses: `b` of fewer than 2 dimensions, or `a` a number.
pub fn matmul_inplace_rank() -> Message {
    Message::new(
        "PK0363",
        "inplace matrix multiplication requires the first operand to have at least one and \
         the second at least two dimensions",
        "NumPy raises a ValueError here",
    )
    .hint("write `a = a @ b` for a new array")
}

/// `np.einsum` whose subscripts are not a string literal.
pub fn einsum_literal() -> Message {
    Message::new(
        "PK0364",
        "the subscripts of `numpy.einsum` must be a string literal here",
        "not a string literal",
    )
    .hint(
        "the result's rank and the computation are chosen when compiling: write the \
         subscripts out, e.g. `np.einsum('ij,jk->ik', a, b)`",
    )
}

/// `np.einsum` subscripts NumPy refuses with a `ValueError`, known when compiling.
pub fn einsum_subscripts(numpy_text: &str) -> Message {
    Message::new(
        "PK0365",
        numpy_text.to_owned(),
        "NumPy raises a ValueError here",
    )
}

/// An `np.einsum` form pykernel does not support yet.
pub fn einsum_unsupported(what: &str) -> Message {
    Message::new(
        "PK0366",
        format!("`numpy.einsum` {what} is not supported yet"),
        "not supported yet",
    )
    .hint(
        "one or two array operands, a letter per axis, and no label both repeated in \
         one operand and kept in the output are supported",
    )
}

/// `np.linalg.det`/`inv`/`solve` of an operand NumPy refuses for its number of
/// dimensions (NumPy's `LinAlgError` or `ValueError`, with its message).
pub fn linalg_operand(numpy_text: &str, exception: &str) -> Message {
    Message::new(
        "PK0367",
        numpy_text.to_owned(),
        format!("NumPy raises a {exception} here"),
    )
}

/// `np.cross` of a number (NumPy's `ValueError`).
pub fn cross_number() -> Message {
    Message::new(
        "PK0368",
        "At least one array has zero dimension",
        "NumPy raises a ValueError here",
    )
    .hint("`numpy.cross` takes arrays of 2- or 3-vectors")
}

/// `np.linalg.det` & co., `np.cross`, `np.kron` of ranks not supported yet.
pub fn linalg_rank_more(func: &str, what: &str) -> Message {
    Message::new(
        "PK0369",
        format!("`numpy.{func}` of {what} is not supported yet"),
        "unsupported number of dimensions",
    )
    .hint(match func {
        "cross" => "arrays of 1 to 5 dimensions give results of up to 5",
        "kron" => "results of up to 5 dimensions are supported",
        _ => "matrices and stacks of matrices (3-D arrays) are supported; loop over the other axes",
    })
}

/// The sequence of arrays of `np.concatenate` & co. given as something else than a
/// tuple or list literal.
pub fn sequence_literal(func: &str) -> Message {
    Message::new(
        "PK0370",
        format!("`numpy.{func}` takes a tuple or list literal of arrays here"),
        "not a tuple or list literal",
    )
    .hint("write the arrays out: `np.concatenate((a, b))`; the number of arrays must be known when compiling")
}

/// `np.meshgrid(..., indexing=...)` with something else than the literal `'xy'`/`'ij'`.
pub fn meshgrid_indexing() -> Message {
    Message::new(
        "PK0371",
        "Valid values for `indexing` are 'xy' and 'ij'.",
        "not the literal 'xy' or 'ij'",
    )
}

/// A required argument of a NumPy function left out.
pub fn missing_argument(func: &str, param: &str) -> Message {
    Message::new(
        "PK0372",
        format!("`numpy.{func}` is missing its argument `{param}`"),
        "missing argument",
    )
}

/// Arrays of different ranks joined where NumPy needs equal ones (its `ValueError`).
pub fn join_ranks(first: u8, k: usize, rank: u8) -> Message {
    Message::new(
        "PK0373",
        format!(
            "all the input arrays must have same number of dimensions, but the array at index 0 has {first} dimension(s) and the array at index {k} has {rank} dimension(s)"
        ),
        "NumPy raises a ValueError here",
    )
}

/// A number where `np.concatenate` needs an array (NumPy's `ValueError`).
pub fn zero_dim_join(func: &str) -> Message {
    Message::new(
        "PK0374",
        "zero-dimensional arrays cannot be concatenated",
        format!("a number in the arrays of `numpy.{func}`"),
    )
    .hint("write `[x]` for a one-element array")
}

/// An empty sequence of arrays (NumPy's `ValueError`).
pub fn nothing_to_join(func: &str) -> Message {
    let what = if func == "stack" {
        "stack"
    } else {
        "concatenate"
    };
    Message::new(
        "PK0375",
        format!("need at least one array to {what}"),
        format!("no arrays given to `numpy.{func}`"),
    )
}

/// A result of more than 5 dimensions.
pub fn too_many_dimensions(func: &str) -> Message {
    Message::new(
        "PK0376",
        format!("the result of `numpy.{func}` here would have more than 5 dimensions"),
        "more than 5 dimensions",
    )
    .hint("arrays of 1 to 5 dimensions are supported")
}

/// A NumPy function refusing the rank of its array (`np.fliplr` of 1-D: its `ValueError`).
pub fn rank_needed(numpy_text: &str) -> Message {
    Message::new(
        "PK0377",
        numpy_text.to_owned(),
        "NumPy raises a ValueError here",
    )
}

/// `np.convolve(..., mode=...)` (or `np.correlate`) with something else than a literal
/// `'full'`, `'same'` or `'valid'` (or NumPy's numbers for them, 0 to 2).
pub fn convolve_mode(func: &str) -> Message {
    Message::new(
        "PK0378",
        format!("`mode` of `numpy.{func}` must be the literal 'full', 'same' or 'valid'"),
        "not one of the modes",
    )
}

/// A call NumPy refuses whatever the values (the shape of `pad_width`, the rank of the
/// array, a mode's keywords): NumPy's exception and message, as a build error.
pub fn numpy_refuses(exception: &str, numpy_text: &str) -> Message {
    let article = if exception.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    Message::new(
        "PK0380",
        numpy_text.to_owned(),
        format!("NumPy raises {article} {exception} here"),
    )
}

/// `np.pad` with a mode (or a form of one) pykernel does not compute yet.
pub fn pad_mode(what: &str) -> Message {
    Message::new(
        "PK0381",
        format!("`numpy.pad` with {what} is not supported yet"),
        "unsupported mode",
    )
    .hint(
        "the modes 'constant' (with `constant_values`), 'edge', 'wrap', 'reflect' and \
         'symmetric' are supported, given as a string literal",
    )
}

/// `np.gradient` in a form pykernel does not compute yet.
pub fn gradient_form(what: &str) -> Message {
    Message::new(
        "PK0382",
        format!("`numpy.gradient` with {what} is not supported yet"),
        "unsupported here",
    )
    .hint(
        "numbers as spacings (one for all axes or one per axis), `edge_order=1` and a \
         literal `axis` are supported",
    )
}

/// `np.partition`/`np.argpartition` with one `kth` of a dtype NumPy selects with SIMD
/// code: the order of the other elements depends on the CPU.
pub fn partition_order(func: &str, dtype: &str) -> Message {
    Message::new(
        "PK0390",
        format!(
            "`numpy.{func}` of a `{dtype}` array with one `kth` is not supported: NumPy's \
             order of the other elements depends on the CPU's SIMD instructions"
        ),
        "one `kth` for this dtype",
    )
    .hint(
        "give two or more `kth` (`[k, k]` selects the same element): NumPy then runs its \
         introselect, whose order pykernel reproduces; or `np.sort(a)` when the order \
         does not matter",
    )
}

/// `np.histogram` whose edges' dtype would depend on the values (an empty range turns
/// integer bounds into floats).
pub fn histogram_edge_dtype() -> Message {
    Message::new(
        "PK0391",
        "the dtype of the bin edges of `numpy.histogram` would depend on the values here",
        "NumPy's result dtype changes when the range is empty",
    )
    .hint("give `range` as Python numbers (`range=(0.0, 1.0)`) or NumPy floats")
}

/// `np.iinfo(T)`/`np.finfo(T)` of a dtype of the wrong kind: NumPy's `ValueError`.
pub fn info_dtype(numpy_text: &str) -> Message {
    Message::new(
        "PK0392",
        numpy_text.to_owned(),
        "NumPy raises a ValueError here",
    )
}

/// An attribute of `np.iinfo(T)`/`np.finfo(T)` that is not supported (or a value that
/// does not fit a 64-bit Python int), with what is.
pub fn info_attribute(func: &str, attr: &str, hint: &str) -> Message {
    Message::new(
        "PK0393",
        format!("`numpy.{func}(...).{attr}` is not supported here"),
        "not supported",
    )
    .hint(hint.to_owned())
}

/// An array of another dtype than integers or booleans used as an index.
pub fn index_dtype(ty: &str) -> Message {
    Message::new(
        "PK0350",
        format!("arrays used as indices must be of integer (or boolean) type, got `{ty}`"),
        "NumPy raises an IndexError here",
    )
    .hint("convert the index first: `idx.astype(np.int64)`")
}

/// `np.compress` with a condition that is not 1-D.
pub fn compress_condition(ty: &str) -> Message {
    Message::new(
        "PK0351",
        format!("the condition of `numpy.compress` must be a 1-d array, got `{ty}`"),
        "NumPy raises a ValueError here",
    )
    .hint("`np.extract(cond, a)` selects with a condition of any shape")
}

/// An index whose result would have more dimensions than arrays can have.
pub fn fancy_rank(rank: usize) -> Message {
    Message::new(
        "PK0352",
        format!("this index gives a {rank}-dimensional array; arrays have 1 to 5 dimensions"),
        "too many dimensions",
    )
}

/// A tuple value as an index that leaves axes (`t = (i,)` then `m[t]` of a matrix).
pub fn tuple_value_index(k: usize, rank: u8) -> Message {
    Message::new(
        "PK0353",
        format!(
            "a tuple value as the index of a {rank}-dimensional array must give every axis here, it gives {k}"
        ),
        "a tuple of integers",
    )
    .hint("write the indices out: `a[t[0]]`, or `a[i, :]`")
}
