//! NumPy's advanced indexing: boolean masks and integer arrays (`a[a > 0]`, `a[idx]`,
//! `a[i_arr, j_arr]`, `a[m, :]`, `a[:, idx] += v`), and the functions built on it
//! (`np.nonzero`, `np.flatnonzero`, `np.argwhere`, `np.extract`, `np.compress`,
//! `np.take`, `np.put`).
//!
//! An index is a list of [`Item`]s. A [`Plan`] turns it into the result's shape and the
//! memory offset of every selected element, in the result's C order, following NumPy's
//! rules: a mask of rank `k` stands for the `k` index arrays of its `nonzero()`; integers
//! next to index arrays count as index arrays of rank 0; the index arrays broadcast
//! together, and their dimensions replace the indexed axes when the index arrays are
//! next to each other, else they come first. Reads copy ([`gather`]); stores write the
//! elements in that order, so that the last of repeated indices wins ([`fill`],
//! [`assign`], [`update`], [`update_with`]: `a[[0, 0]] += 1` adds once, as in NumPy).

use crate::array::{Array, ArrayView};
use crate::error::{ErrorKind, KResult, KernelError, value_error};

/// One item of an index with at least one array in it.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// An integer (`a[0, idx]`).
    Int(i64),
    /// `lo:hi:st`.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `None` / `np.newaxis`.
    NewAxis,
    /// `...`.
    Ellipsis,
    /// An integer array: its shape and values in C order.
    Ints(Vec<usize>, Vec<i64>),
    /// A boolean array (a mask): its shape and values in C order.
    Mask(Vec<usize>, Vec<bool>),
}

/// Integer dtypes usable as index values.
pub trait IndexValue: Copy {
    /// The value as an index (`u64` beyond `i64::MAX` saturates: out of bounds anyway).
    fn index_value(self) -> i64;
}

macro_rules! index_values {
    ($($t:ty),*) => {$(
        impl IndexValue for $t {
            #[inline(always)]
            fn index_value(self) -> i64 {
                i64::try_from(self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
index_values!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Item {
    /// An integer array used as an index.
    pub fn ints<T: IndexValue, const R: usize>(a: &ArrayView<T, R>) -> Item {
        let data = a
            .to_vec()
            .into_iter()
            .map(IndexValue::index_value)
            .collect();
        Item::Ints(a.shape().to_vec(), data)
    }

    /// A boolean array used as an index.
    pub fn mask<const R: usize>(a: &ArrayView<bool, R>) -> Item {
        Item::Mask(a.shape().to_vec(), c_values(a))
    }

    /// A list of integers used as an index (a 1-D integer array).
    pub fn int_list(v: Vec<i64>) -> Item {
        Item::Ints(vec![v.len()], v)
    }

    /// A list of booleans used as an index (a 1-D mask).
    pub fn bool_list(v: Vec<bool>) -> Item {
        Item::Mask(vec![v.len()], v)
    }
}

/// The elements an index selects: the result's shape and each element's offset (in
/// elements, from the array's first element), in C order of the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The result's shape.
    pub shape: Vec<usize>,
    /// Offsets of the selected elements.
    pub offsets: Vec<isize>,
    /// The index is one mask of the array's rank (NumPy's own assignment messages).
    single_mask: bool,
    /// Where the index arrays' axes are in the result.
    adv_at: usize,
    /// How many axes the index arrays give.
    adv_rank: usize,
    /// The other axes (in their order in the result) in the order the offsets walk them.
    order: Vec<usize>,
}

/// One axis of the result while the plan is built.
enum Dim {
    /// `n` elements `stride` apart.
    Step(usize, isize),
    /// The broadcast index arrays: one offset per element (their shape is elsewhere).
    Table(Vec<isize>),
}

/// `IndexError: index 5 is out of bounds for axis 0 with size 3`.
#[cold]
fn out_of_bounds(i: i64, axis: usize, n: usize) -> KernelError {
    KernelError::new(
        ErrorKind::Index,
        format!("index {i} is out of bounds for axis {axis} with size {n}"),
    )
}

/// `i` within `0..n` (negative from the end), or NumPy's `IndexError`.
#[inline(always)]
fn normalize(i: i64, axis: usize, n: usize) -> KResult<usize> {
    let j = if i < 0 { i.wrapping_add(n as i64) } else { i };
    if j < 0 || j >= n as i64 {
        return Err(out_of_bounds(i, axis, n));
    }
    Ok(j as usize)
}

/// NumPy's spelling of a shape in messages: `(3,)`, `(2,4)`, `()`.
fn shape_text(s: &[usize]) -> String {
    match s {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            s.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// The broadcast of `shapes` (right-aligned), or `None`.
fn broadcast_all<'a>(shapes: impl Iterator<Item = &'a [usize]>) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::new();
    for s in shapes {
        if s.len() > out.len() {
            let mut wider = vec![1; s.len() - out.len()];
            wider.extend_from_slice(&out);
            out = wider;
        }
        let off = out.len() - s.len();
        for (k, &n) in s.iter().enumerate() {
            let o = &mut out[off + k];
            if *o == 1 {
                *o = n;
            } else if n != 1 && n != *o {
                return None;
            }
        }
    }
    Some(out)
}

/// The flat position in an array of shape `src` (right-aligned inside `dst`, its axes
/// of one element repeated) of each element of `dst`, in C order.
fn broadcast_positions(src: &[usize], dst: &[usize]) -> Vec<usize> {
    let total: usize = dst.iter().product();
    let mut strides = vec![0usize; dst.len()];
    let off = dst.len() - src.len();
    let mut acc = 1usize;
    for k in (0..src.len()).rev() {
        if src[k] != 1 {
            strides[off + k] = acc;
        }
        acc *= src[k];
    }
    let mut out = Vec::with_capacity(total);
    if total == 0 {
        return out;
    }
    let mut idx = vec![0usize; dst.len()];
    loop {
        out.push(idx.iter().zip(&strides).map(|(i, s)| i * s).sum());
        let mut k = dst.len();
        loop {
            if k == 0 {
                return out;
            }
            k -= 1;
            idx[k] += 1;
            if idx[k] < dst[k] {
                break;
            }
            idx[k] = 0;
        }
    }
}

/// `items` is one mask of exactly `shape` (NumPy's fast path, and ours: no index
/// arrays, one pass over the array in C order).
fn whole_mask<'a>(items: &'a [Item], shape: &[usize]) -> Option<&'a [bool]> {
    match items {
        [Item::Mask(s, m)] if s.as_slice() == shape => Some(m),
        _ => None,
    }
}

/// Is a view of `shape` and `strides` contiguous in C order (axes of one element do not
/// count)?
fn c_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    let mut expect = 1isize;
    for (&n, &s) in shape.iter().zip(strides).rev() {
        if n == 0 {
            return true;
        }
        if n != 1 && s != expect {
            return false;
        }
        expect *= n as isize;
    }
    true
}

/// The elements of `a` in C order (one copy of the memory when it is contiguous).
fn c_values<T: Copy, const R: usize>(a: &ArrayView<T, R>) -> Vec<T> {
    let (shape, strides) = (a.shape(), a.strides());
    if shape.contains(&0) {
        return Vec::new();
    }
    if c_contiguous(&shape, &strides) {
        let n: usize = shape.iter().product();
        // SAFETY: a contiguous view addresses `n` elements from its first.
        return unsafe { std::slice::from_raw_parts(a.as_ptr(), n) }.to_vec();
    }
    a.to_vec()
}

/// Calls `f(offset)` for each element of an array of `shape` and `strides` where the
/// mask `m` (same shape, C order) is true, in C order; eight false elements are skipped
/// at a time (masks are often sparse).
#[inline(always)]
fn each_masked(shape: &[usize], strides: &[isize], m: &[bool], mut f: impl FnMut(isize)) {
    let contiguous = c_contiguous(shape, strides);
    let at = |k: usize| {
        if contiguous {
            return k as isize;
        }
        let (mut off, mut r) = (0isize, k);
        for (&n, &s) in shape.iter().zip(strides).rev() {
            off += (r % n) as isize * s;
            r /= n;
        }
        off
    };
    // SAFETY: a `bool` is one byte, 0 or 1.
    let bytes = unsafe { std::slice::from_raw_parts(m.as_ptr().cast::<u8>(), m.len()) };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0usize;
    for c in &mut chunks {
        let word = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if word != 0 {
            for (i, &b) in c.iter().enumerate() {
                if b != 0 {
                    f(at(base + i));
                }
            }
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b != 0 {
            f(at(base + i));
        }
    }
}

/// The number of true elements of a mask.
fn count_true(m: &[bool]) -> usize {
    m.iter().map(|&b| b as usize).sum()
}

/// One index array after masks are expanded: the axis it indexes, and its values.
struct Adv {
    axis: usize,
    shape: Vec<usize>,
    data: Vec<i64>,
}

impl Plan {
    /// The plan of `items` on an array of `shape` and `strides` (in elements), offsets in
    /// C order of the result.
    pub fn new(shape: &[usize], strides: &[isize], items: &[Item]) -> KResult<Plan> {
        Self::build(shape, strides, items, false)
    }

    /// Like [`Plan::new`]; `internal`: the offsets in NumPy's iteration order (the index
    /// arrays' axes first, then the others), the order of the memory of its result.
    fn build(shape: &[usize], strides: &[isize], items: &[Item], internal: bool) -> KResult<Plan> {
        let n = shape.len();
        let consumed: usize = items
            .iter()
            .map(|it| match it {
                Item::Mask(s, _) => s.len(),
                Item::NewAxis | Item::Ellipsis => 0,
                _ => 1,
            })
            .sum();
        if consumed > n {
            return Err(KernelError::new(
                ErrorKind::Index,
                format!(
                    "too many indices for array: array is {n}-dimensional, but {consumed} were indexed"
                ),
            ));
        }
        let single_mask = matches!(items, [Item::Mask(s, _)] if s.len() == n);
        // The result's axes in order, with a marker (`None`) where index arrays are.
        let mut basic: Vec<Option<(usize, isize)>> = Vec::new();
        let mut advs: Vec<Adv> = Vec::new();
        let mut positions: Vec<usize> = Vec::new();
        let mut base = 0isize;
        let mut axis = 0usize;
        let mark = |basic: &mut Vec<Option<(usize, isize)>>, positions: &mut Vec<usize>| {
            positions.push(basic.len());
            basic.push(None);
        };
        for it in items {
            match it {
                Item::Int(i) => {
                    mark(&mut basic, &mut positions);
                    advs.push(Adv {
                        axis,
                        shape: Vec::new(),
                        data: vec![*i],
                    });
                    axis += 1;
                }
                Item::Slice(lo, hi, st) => {
                    let (first, step, count) =
                        crate::ops::slice_indices(shape[axis], *lo, *hi, *st)?;
                    if count > 0 {
                        base += first as isize * strides[axis];
                    }
                    basic.push(Some((count, strides[axis] * step as isize)));
                    axis += 1;
                }
                Item::NewAxis => basic.push(Some((1, 0))),
                Item::Ellipsis => {
                    for _ in 0..n - consumed {
                        basic.push(Some((shape[axis], strides[axis])));
                        axis += 1;
                    }
                }
                Item::Ints(s, data) => {
                    mark(&mut basic, &mut positions);
                    advs.push(Adv {
                        axis,
                        shape: s.clone(),
                        data: data.clone(),
                    });
                    axis += 1;
                }
                Item::Mask(s, data) => {
                    for (k, &m) in s.iter().enumerate() {
                        if m != shape[axis + k] {
                            return Err(KernelError::new(
                                ErrorKind::Index,
                                format!(
                                    "boolean index did not match indexed array along axis {}; size of axis is {} but size of corresponding boolean axis is {m}",
                                    axis + k,
                                    shape[axis + k]
                                ),
                            ));
                        }
                    }
                    // The mask's `nonzero()`: one index array per axis it covers.
                    let count = data.iter().filter(|&&b| b).count();
                    let mut cols: Vec<Vec<i64>> =
                        (0..s.len()).map(|_| Vec::with_capacity(count)).collect();
                    let mut idx = vec![0usize; s.len()];
                    for &b in data {
                        if b {
                            for (c, &i) in cols.iter_mut().zip(&idx) {
                                c.push(i as i64);
                            }
                        }
                        for k in (0..s.len()).rev() {
                            idx[k] += 1;
                            if idx[k] < s[k] {
                                break;
                            }
                            idx[k] = 0;
                        }
                    }
                    for (k, c) in cols.into_iter().enumerate() {
                        mark(&mut basic, &mut positions);
                        advs.push(Adv {
                            axis: axis + k,
                            shape: vec![count],
                            data: c,
                        });
                    }
                    axis += s.len();
                }
            }
        }
        while axis < n {
            basic.push(Some((shape[axis], strides[axis])));
            axis += 1;
        }
        // The index arrays broadcast together.
        let bshape = broadcast_all(advs.iter().map(|a| a.shape.as_slice())).ok_or_else(|| {
            let shapes: String = advs
                .iter()
                .filter(|a| !a.shape.is_empty())
                .map(|a| format!("{} ", shape_text(&a.shape)))
                .collect();
            KernelError::new(
                ErrorKind::Index,
                format!("shape mismatch: indexing arrays could not be broadcast together with shapes {shapes}"),
            )
        })?;
        let total: usize = bshape.iter().product();
        let mut table = vec![0isize; total];
        for a in &advs {
            let (len, stride) = (shape[a.axis], strides[a.axis]);
            let mut offs = Vec::with_capacity(a.data.len());
            for &i in &a.data {
                offs.push(normalize(i, a.axis, len)? as isize * stride);
            }
            if a.shape == bshape {
                for (t, o) in table.iter_mut().zip(&offs) {
                    *t += o;
                }
            } else {
                for (t, p) in table.iter_mut().zip(broadcast_positions(&a.shape, &bshape)) {
                    *t += offs[p];
                }
            }
        }
        // Index arrays next to each other keep their place; otherwise they come first.
        let adjacent = positions.windows(2).all(|w| w[1] == w[0] + 1);
        let adv_at = match positions.first() {
            Some(&p) if adjacent => basic[..p].iter().filter(|b| b.is_some()).count(),
            _ => 0,
        };
        let steps: Vec<(usize, isize)> = basic.into_iter().flatten().collect();
        let mut out_shape: Vec<usize> = steps[..adv_at].iter().map(|s| s.0).collect();
        out_shape.extend_from_slice(&bshape);
        out_shape.extend(steps[adv_at..].iter().map(|s| s.0));
        // The walk: C order of the result, or NumPy's iteration order, the order of the
        // memory of its result: the index arrays' axes first, then the other axes in the
        // source's memory order ("K").
        let order: Vec<usize> = if internal {
            k_order(&steps)
        } else {
            (0..steps.len()).collect()
        };
        let mut dims: Vec<Dim> = Vec::new();
        let split = if internal { 0 } else { adv_at };
        dims.extend(
            order[..split]
                .iter()
                .map(|&i| Dim::Step(steps[i].0, steps[i].1)),
        );
        dims.push(Dim::Table(table));
        dims.extend(
            order[split..]
                .iter()
                .map(|&i| Dim::Step(steps[i].0, steps[i].1)),
        );
        let size: usize = out_shape.iter().product();
        let mut offsets = Vec::with_capacity(size);
        if size > 0 {
            walk(&dims, base, &mut offsets);
        }
        Ok(Plan {
            shape: out_shape,
            offsets,
            single_mask,
            adv_at,
            adv_rank: bshape.len(),
            order,
        })
    }

    /// The result's shape as an array of rank `M` (the rank typing computed).
    fn shape_of<const M: usize>(&self) -> KResult<[usize; M]> {
        self.shape
            .as_slice()
            .try_into()
            .map_err(|_| value_error("internal error: rank of an indexing result"))
    }

    /// The flat position in `value` of the element stored at each selected element, for
    /// `a[index] = value` (NumPy's broadcasting rules and messages).
    fn value_positions(&self, vshape: &[usize]) -> KResult<Vec<usize>> {
        if self.single_mask {
            let count = self.offsets.len();
            let one = mask_value_count(count, vshape)?;
            return Ok((0..count).map(|k| if one { 0 } else { k }).collect());
        }
        let fits = vshape.len() <= self.shape.len()
            && vshape
                .iter()
                .rev()
                .zip(self.shape.iter().rev())
                .all(|(&v, &s)| v == s || v == 1);
        if !fits {
            return Err(value_error(format!(
                "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
                shape_text(vshape),
                shape_text(&self.shape)
            )));
        }
        Ok(broadcast_positions(vshape, &self.shape))
    }
}

/// Checks the values stored by `a[mask] = v` (a mask of the array's shape selecting
/// `count` elements; `vshape` the values' shape) with NumPy's messages; `true`: one value
/// for every element.
fn mask_value_count(count: usize, vshape: &[usize]) -> KResult<bool> {
    if vshape.len() > 1 {
        return Err(KernelError::new(
            ErrorKind::Type,
            format!(
                "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {} dimensions",
                vshape.len()
            ),
        ));
    }
    let len: usize = vshape.iter().product();
    if len != count && len != 1 {
        return Err(value_error(format!(
            "NumPy boolean array indexing assignment cannot assign {len} input values to the {count} output values where the mask is true"
        )));
    }
    Ok(len == 1 && count != 1)
}

/// NumPy's "K" order of axes of `(extent, stride)`: outer to inner by decreasing stride
/// magnitude, in their order where strides do not tell (zero strides).
fn k_order(axes: &[(usize, isize)]) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..axes.len()).collect();
    for i in 1..perm.len() {
        let mut j = i;
        while j > 0 {
            let (a, b) = (axes[perm[j - 1]].1, axes[perm[j]].1);
            if a == 0 || b == 0 || a.unsigned_abs() >= b.unsigned_abs() {
                break;
            }
            perm.swap(j - 1, j);
            j -= 1;
        }
    }
    perm
}

/// Every offset of the axes `dims` from `base`, in C order.
fn walk(dims: &[Dim], base: isize, out: &mut Vec<isize>) {
    match dims {
        [] => out.push(base),
        [Dim::Step(n, s)] => out.extend((0..*n).map(|i| base + i as isize * s)),
        [Dim::Table(t)] => out.extend(t.iter().map(|o| base + o)),
        [Dim::Step(n, s), rest @ ..] => {
            for i in 0..*n {
                walk(rest, base + i as isize * s, out);
            }
        }
        [Dim::Table(t), rest @ ..] => {
            for o in t {
                walk(rest, base + o, out);
            }
        }
    }
}

/// `a[index]`: a new array of rank `M`, laid out as NumPy lays it out: its memory holds
/// the index arrays' axes first, so that when they sit after other axes (`a[:, idx]`)
/// the result is a transposed view of that memory, as in NumPy.
pub fn gather<T: Copy, const N: usize, const M: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
) -> KResult<Array<T, M>> {
    gather_in(a, items, true)
}

/// [`gather`] with NumPy's layout (`numpy_layout`) or in C order (`np.take`,
/// `np.compress`).
fn gather_in<T: Copy, const N: usize, const M: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    numpy_layout: bool,
) -> KResult<Array<T, M>> {
    let p = a.as_ptr();
    if let Some(m) = whole_mask(items, &a.shape()) {
        let mut data = crate::pool::take(count_true(m));
        // SAFETY: offsets of the view.
        each_masked(&a.shape(), &a.strides(), m, |o| {
            data.push(unsafe { *p.offset(o) })
        });
        let shape: [usize; M] = [data.len()][..]
            .try_into()
            .map_err(|_| value_error("internal error: rank of a mask result"))?;
        return Array::from_vec(data, shape);
    }
    let plan = Plan::build(&a.shape(), &a.strides(), items, numpy_layout)?;
    let shape = plan.shape_of::<M>()?;
    // SAFETY: every offset addresses an element of the view (indices were checked).
    let data: Vec<T> = plan
        .offsets
        .iter()
        .map(|&o| unsafe { *p.offset(o) })
        .collect();
    let (at, k) = (plan.adv_at, plan.adv_rank);
    let natural = plan.order.iter().enumerate().all(|(i, &o)| i == o);
    if !numpy_layout || (at == 0 && natural) {
        return Array::from_vec(data, shape);
    }
    // The memory: the index arrays' axes first, then the others in `plan.order`.
    let others: Vec<usize> = (0..M).filter(|&i| i < at || i >= at + k).collect();
    let mut inner = [0usize; M];
    inner[..k].copy_from_slice(&shape[at..at + k]);
    for (j, &o) in plan.order.iter().enumerate() {
        inner[k + j] = shape[others[o]];
    }
    let (view, owner) = Array::from_vec(data, inner)?.split();
    let c = view.strides();
    let mut strides = [0isize; M];
    strides[at..at + k].copy_from_slice(&c[..k]);
    for (j, &o) in plan.order.iter().enumerate() {
        strides[others[o]] = c[k + j];
    }
    // SAFETY: a permutation of the axes of the same memory.
    let out = unsafe { view.derived(view.as_ptr(), shape, strides) };
    Ok(Array::join(out, &owner))
}

/// Columns of a new C-ordered `(rows, N)` array (views of it, as NumPy's `nonzero`).
fn columns<const N: usize>(data: Vec<i64>, rows: usize) -> KResult<[Array<i64, 1>; N]> {
    let (view, owner) = Array::from_vec(data, [rows, N])?.split();
    let mut out = Vec::with_capacity(N);
    for k in 0..N {
        let ptr = if rows == 0 {
            view.as_ptr()
        } else {
            // SAFETY: column `k` of a non-empty array.
            unsafe { view.as_ptr().add(k) }
        };
        // SAFETY: column `k`: `rows` elements `N` apart.
        let col = unsafe { view.derived(ptr, [rows], [N as isize]) };
        out.push(Array::join(col, &owner));
    }
    out.try_into()
        .map_err(|_| value_error("internal error: columns"))
}

/// `a[index] = v` with a number.
pub fn fill<T: Copy, const N: usize>(a: &ArrayView<T, N>, items: &[Item], v: T) -> KResult<()> {
    if let Some(m) = whole_mask(items, &a.shape()) {
        let p = a.as_ptr();
        // SAFETY: offsets of the view; exports check that it is writeable.
        each_masked(&a.shape(), &a.strides(), m, |o| unsafe { *p.offset(o) = v });
        return Ok(());
    }
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let p = a.as_ptr();
    for &o in &plan.offsets {
        // SAFETY: as in `gather`; exports check that written arrays are writeable.
        unsafe { *p.offset(o) = v };
    }
    Ok(())
}

/// `a[index] = v` with an array (broadcast to the result's shape, converted by `conv`);
/// `v` is read completely before anything is written (it may overlap `a`).
pub fn assign<T: Copy, U: Copy, const N: usize, const R: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    v: &ArrayView<U, R>,
    conv: impl Fn(U) -> T,
) -> KResult<()> {
    if let Some(m) = whole_mask(items, &a.shape()) {
        let one = mask_value_count(count_true(m), &v.shape())?;
        let values = c_values(v);
        let p = a.as_ptr();
        let mut j = 0usize;
        each_masked(&a.shape(), &a.strides(), m, |o| {
            let x = conv(values[if one { 0 } else { j }]);
            // SAFETY: an offset of the view; exports check that it is writeable.
            unsafe { *p.offset(o) = x };
            j += 1;
        });
        return Ok(());
    }
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let values = c_values(v);
    let pos = plan.value_positions(&v.shape())?;
    let p = a.as_ptr();
    for (&o, &k) in plan.offsets.iter().zip(&pos) {
        // SAFETY: as in `fill`; `k` is a position in `values`.
        unsafe { *p.offset(o) = conv(values[k]) };
    }
    Ok(())
}

/// `a[index] op= v` with a number: NumPy's `a[index] = a[index] op v` (every element is
/// read before any is written, so a repeated index is updated once). `f` computes the
/// new value from the current one.
pub fn update<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    f: impl Fn(T) -> KResult<T>,
) -> KResult<()> {
    if let Some(m) = whole_mask(items, &a.shape()) {
        // Every new value first (an error leaves the array as it was, as in NumPy).
        let p = a.as_ptr();
        let mut offsets = Vec::with_capacity(count_true(m));
        each_masked(&a.shape(), &a.strides(), m, |o| offsets.push(o));
        // SAFETY: offsets of the view.
        let new: Vec<T> = offsets
            .iter()
            .map(|&o| f(unsafe { *p.offset(o) }))
            .collect::<KResult<_>>()?;
        for (&o, x) in offsets.iter().zip(new) {
            // SAFETY: as above; exports check that it is writeable.
            unsafe { *p.offset(o) = x };
        }
        return Ok(());
    }
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let p = a.as_ptr();
    // SAFETY: as in `gather`.
    let cur: Vec<T> = plan
        .offsets
        .iter()
        .map(|&o| unsafe { *p.offset(o) })
        .collect();
    let new: Vec<T> = cur.into_iter().map(f).collect::<KResult<_>>()?;
    for (&o, x) in plan.offsets.iter().zip(new) {
        // SAFETY: as in `fill`.
        unsafe { *p.offset(o) = x };
    }
    Ok(())
}

/// `a[index] op= v` with an array `v` broadcast to the selection (NumPy's in-place
/// operator on the copy `a[index]`, then stored back).
pub fn update_with<T: Copy, U: Copy, const N: usize, const R: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    v: &ArrayView<U, R>,
    f: impl Fn(T, U) -> KResult<T>,
) -> KResult<()> {
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let vshape = v.shape();
    let fits = R <= plan.shape.len()
        && vshape
            .iter()
            .rev()
            .zip(plan.shape.iter().rev())
            .all(|(&x, &s)| x == s || x == 1);
    if !fits {
        let both = broadcast_all([plan.shape.as_slice(), vshape.as_slice()].into_iter());
        return Err(value_error(match both {
            Some(b) => format!(
                "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                shape_text(&plan.shape),
                shape_text(&b)
            ),
            None => format!(
                "operands could not be broadcast together with shapes {} {} {} ",
                shape_text(&plan.shape),
                shape_text(&vshape),
                shape_text(&plan.shape)
            ),
        }));
    }
    let values = c_values(v);
    let pos = broadcast_positions(&vshape, &plan.shape);
    let p = a.as_ptr();
    // SAFETY: as in `gather`.
    let new: Vec<T> = plan
        .offsets
        .iter()
        .zip(&pos)
        .map(|(&o, &k)| f(unsafe { *p.offset(o) }, values[k]))
        .collect::<KResult<_>>()?;
    for (&o, x) in plan.offsets.iter().zip(new) {
        // SAFETY: as in `fill`.
        unsafe { *p.offset(o) = x };
    }
    Ok(())
}

/// Axis `axis` (negative from the end) of a rank-`N` array, or NumPy's `AxisError`.
fn axis_of<const N: usize>(axis: i64) -> KResult<usize> {
    let m = crate::reduce_axis::axis_mask::<N>(&[axis])?;
    Ok(m.iter().position(|&b| b).unwrap_or(0))
}

/// The C-order multi-indices of the elements of `a` that are true (`is_true`).
fn true_positions<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> Vec<[usize; N]> {
    let shape = a.shape();
    let mut out = Vec::new();
    let mut idx = [0usize; N];
    for x in c_values(a) {
        if is_true(x) {
            out.push(idx);
        }
        for k in (0..N).rev() {
            idx[k] += 1;
            if idx[k] < shape[k] {
                break;
            }
            idx[k] = 0;
        }
    }
    out
}

/// `np.nonzero(a)` / `a.nonzero()` / `np.where(a)`: one index array per axis (the
/// columns of one `(count, N)` array, as in NumPy).
pub fn nonzero<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> KResult<[Array<i64, 1>; N]> {
    let pos = true_positions(a, is_true);
    let data: Vec<i64> = pos.iter().flatten().map(|&i| i as i64).collect();
    columns::<N>(data, pos.len())
}

/// `np.flatnonzero(a)`: the C-order positions of the true elements (NumPy's
/// `nonzero` of `a.ravel()`).
pub fn flatnonzero<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> KResult<Array<i64, 1>> {
    let data: Vec<i64> = a
        .to_vec()
        .into_iter()
        .enumerate()
        .filter(|(_, x)| is_true(*x))
        .map(|(k, _)| k as i64)
        .collect();
    let n = data.len();
    let [col] = columns::<1>(data, n)?;
    Ok(col)
}

/// `np.argwhere(a)`: the indices of the true elements, one row each (the transpose of
/// an `(N, count)` array, as in NumPy).
pub fn argwhere<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> KResult<Array<i64, 2>> {
    let pos = true_positions(a, is_true);
    let count = pos.len();
    let mut data = vec![0i64; N * count];
    for (r, p) in pos.iter().enumerate() {
        for k in 0..N {
            data[k * count + r] = p[k] as i64;
        }
    }
    Ok(Array::from_vec(data, [N, count])?.t())
}

/// `np.extract(cond, a)`: the elements of `a` (flattened) where `cond` (flattened) is
/// true; a true condition past the end of `a` raises NumPy's `IndexError`.
pub fn extract<C: Copy, T: Copy, const K: usize, const N: usize>(
    cond: &ArrayView<C, K>,
    is_true: impl Fn(C) -> bool,
    a: &ArrayView<T, N>,
) -> KResult<Array<T, 1>> {
    let values = c_values(a);
    let mut out = Vec::new();
    for (k, c) in c_values(cond).into_iter().enumerate() {
        if is_true(c) {
            match values.get(k) {
                Some(&x) => out.push(x),
                None => return Err(out_of_bounds(k as i64, 0, values.len())),
            }
        }
    }
    let n = out.len();
    Array::from_vec(out, [n])
}

/// `np.compress(cond, a, axis)`: the slices of `a` along `axis` where the 1-D `cond` is
/// true (`axis` `None`: of `a` flattened, giving rank `M` = 1).
pub fn compress<C: Copy, T: Copy, const N: usize, const M: usize>(
    cond: &ArrayView<C, 1>,
    is_true: impl Fn(C) -> bool,
    a: &ArrayView<T, N>,
    axis: Option<i64>,
) -> KResult<Array<T, M>> {
    let picked: Vec<i64> = cond
        .to_vec()
        .into_iter()
        .enumerate()
        .filter(|(_, c)| is_true(*c))
        .map(|(k, _)| k as i64)
        .collect();
    match axis {
        None => gather_in(&a.flatten(), &[Item::int_list(picked)], false),
        Some(ax) => {
            let ax = axis_of::<N>(ax)?;
            let mut items = vec![Item::Slice(None, None, None); ax];
            items.push(Item::int_list(picked));
            gather_in(a, &items, false)
        }
    }
}

/// `np.take(a, index, axis)`: `a.flatten()[index]` without an axis, else `index` along
/// `axis` (every other axis whole).
pub fn take<T: Copy, const N: usize, const M: usize>(
    a: &ArrayView<T, N>,
    index: Item,
    axis: Option<i64>,
) -> KResult<Array<T, M>> {
    match axis {
        None => gather_in(&a.flatten(), &[index], false),
        Some(ax) => {
            let ax = axis_of::<N>(ax)?;
            let mut items = vec![Item::Slice(None, None, None); ax];
            items.push(index);
            gather_in(a, &items, false)
        }
    }
}

/// `np.put(a, index, values)`: `a.flat[index] = values`, the values repeated as needed
/// (none: nothing is written).
pub fn put<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    index: Item,
    values: Vec<T>,
) -> KResult<()> {
    let data = match index {
        Item::Int(i) => vec![i],
        Item::Ints(_, d) => d,
        _ => return Err(value_error("internal error: put index")),
    };
    if values.is_empty() {
        return Ok(());
    }
    // Offsets of the elements in C order.
    let mut all = Vec::with_capacity(a.size() as usize);
    let dims: Vec<Dim> = a
        .shape()
        .iter()
        .zip(a.strides())
        .map(|(&n, s)| Dim::Step(n, s))
        .collect();
    if a.size() > 0 {
        walk(&dims, 0, &mut all);
    }
    let n = all.len();
    let p = a.as_ptr();
    for (k, &i) in data.iter().enumerate() {
        let j = normalize(i, 0, n)?;
        // SAFETY: `j` is in bounds; exports check that written arrays are writeable.
        unsafe { *p.offset(all[j]) = values[k % values.len()] };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arr<const D: usize>(data: Vec<i64>, shape: [usize; D]) -> Array<i64, D> {
        Array::from_vec(data, shape).unwrap()
    }

    #[test]
    fn mask_of_same_shape_selects_in_c_order() {
        let a = arr((0..6).collect(), [2, 3]);
        let m = Item::Mask(vec![2, 3], vec![true, false, true, false, true, true]);
        let r: Array<i64, 1> = gather(&a, &[m]).unwrap();
        assert_eq!(r.to_vec(), vec![0, 2, 4, 5]);
    }

    #[test]
    fn mask_of_strided_arrays() {
        // A transposed array and a mask longer than a word of 8.
        let a = arr((0..30).collect(), [3, 10]);
        let t = a.t();
        let m: Vec<bool> = (0..30).map(|k| k % 7 == 0 || k == 29).collect();
        let r: Array<i64, 1> = gather(&t, &[Item::Mask(vec![10, 3], m.clone())]).unwrap();
        assert_eq!(r.to_vec(), vec![0, 12, 24, 7, 19, 29]);
        fill(&t, &[Item::Mask(vec![10, 3], m.clone())], -1).unwrap();
        assert_eq!(t.to_vec().iter().filter(|&&x| x == -1).count(), 6);
        update(&t, &[Item::Mask(vec![10, 3], m)], |x| Ok(x - 1)).unwrap();
        assert_eq!(a.to_vec().iter().filter(|&&x| x == -2).count(), 6);
    }

    #[test]
    fn mask_on_rows_and_on_columns() {
        let a = arr((0..6).collect(), [2, 3]);
        let rows: Array<i64, 2> = gather(&a, &[Item::bool_list(vec![false, true])]).unwrap();
        assert_eq!((rows.shape(), rows.to_vec()), ([1, 3], vec![3, 4, 5]));
        let cols: Array<i64, 2> = gather(
            &a,
            &[
                Item::Slice(None, None, None),
                Item::bool_list(vec![true, false, true]),
            ],
        )
        .unwrap();
        assert_eq!((cols.shape(), cols.to_vec()), ([2, 2], vec![0, 2, 3, 5]));
    }

    #[test]
    fn mask_shape_mismatch_is_numpys_index_error() {
        let a = arr((0..3).collect(), [3]);
        let e = gather::<i64, 1, 1>(&a, &[Item::bool_list(vec![true; 4])]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Index);
        assert_eq!(
            e.message(),
            "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 4"
        );
    }

    #[test]
    fn integer_arrays_negative_repeated_and_out_of_range() {
        let a = arr(vec![10, 11, 12], [3]);
        let r: Array<i64, 1> = gather(&a, &[Item::int_list(vec![2, -1, 0, 0])]).unwrap();
        assert_eq!(r.to_vec(), vec![12, 12, 10, 10]);
        let e = gather::<i64, 1, 1>(&a, &[Item::int_list(vec![5])]).unwrap_err();
        assert_eq!(
            e.message(),
            "index 5 is out of bounds for axis 0 with size 3"
        );
        let e = gather::<i64, 1, 1>(&a, &[Item::int_list(vec![-4])]).unwrap_err();
        assert_eq!(
            e.message(),
            "index -4 is out of bounds for axis 0 with size 3"
        );
    }

    #[test]
    fn index_arrays_broadcast_and_place_their_axes() {
        let a = arr((0..24).collect(), [2, 3, 4]);
        // Next to each other: in place.
        let r: Array<i64, 2> = gather(
            &a,
            &[
                Item::Slice(None, None, None),
                Item::int_list(vec![1, 0]),
                Item::int_list(vec![1, 2]),
            ],
        )
        .unwrap();
        assert_eq!((r.shape(), r.to_vec()), ([2, 2], vec![5, 2, 17, 14]));
        // Apart (an int, a slice, an array): first.
        let r: Array<i64, 2> = gather(
            &a,
            &[
                Item::Int(0),
                Item::Slice(None, None, None),
                Item::int_list(vec![1, 2]),
            ],
        )
        .unwrap();
        assert_eq!((r.shape(), r.to_vec()), ([2, 3], vec![1, 5, 9, 2, 6, 10]));
        let e = gather::<i64, 3, 1>(
            &a,
            &[Item::int_list(vec![0, 1]), Item::int_list(vec![0, 1, 2])],
        )
        .unwrap_err();
        assert_eq!(
            e.message(),
            "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) "
        );
    }

    #[test]
    fn layout_is_numpys() {
        let b = arr((0..12).collect(), [3, 4]);
        let r: Array<i64, 2> = gather(
            &b,
            &[Item::Slice(None, None, None), Item::int_list(vec![0, 1])],
        )
        .unwrap();
        assert_eq!((r.shape(), r.strides()), ([3, 2], [1, 3]));
        assert_eq!(r.to_vec(), vec![0, 1, 4, 5, 8, 9]);
        let [rows, cols] = nonzero(&b, |x| x % 5 == 0).unwrap();
        assert_eq!(
            (rows.strides(), rows.to_vec(), cols.to_vec()),
            ([2], vec![0, 1, 2], vec![0, 1, 2])
        );
        let w = argwhere(&b, |x| x > 9).unwrap();
        assert_eq!(
            (w.shape(), w.strides(), w.to_vec()),
            ([2, 2], [1, 2], vec![2, 2, 2, 3])
        );
        // A Fortran-ordered source: the other axes keep its memory order (NumPy's "K").
        let f = arr((0..24).collect(), [4, 3, 2]).t();
        let r: Array<i64, 3> = gather(
            &f,
            &[
                Item::Slice(None, None, None),
                Item::int_list(vec![0, 2]),
                Item::Slice(None, None, None),
            ],
        )
        .unwrap();
        assert_eq!((r.shape(), r.strides()), ([2, 2, 4], [1, 8, 2]));
        assert_eq!(r.get([1, 1, 3]).unwrap(), 3 * 6 + 2 * 2 + 1);
        let t: Array<i64, 2> = take(&b, Item::int_list(vec![1, 2]), Some(1)).unwrap();
        assert_eq!((t.strides(), t.to_vec()), ([2, 1], vec![1, 2, 5, 6, 9, 10]));
    }

    #[test]
    fn stores_last_write_wins_and_updates_read_first() {
        let a = arr(vec![0, 0, 0], [3]);
        fill(&a, &[Item::int_list(vec![0, 2])], 7).unwrap();
        assert_eq!(a.to_vec(), vec![7, 0, 7]);
        let v = arr(vec![1, 2], [2]);
        assign(&a, &[Item::int_list(vec![1, 1])], &v, |x| x).unwrap();
        assert_eq!(a.to_vec(), vec![7, 2, 7]);
        update(&a, &[Item::int_list(vec![0, 0])], |x| Ok(x + 1)).unwrap();
        assert_eq!(a.to_vec(), vec![8, 2, 7]);
        update_with(&a, &[Item::int_list(vec![2, 1])], &v, |x, y| Ok(x * y)).unwrap();
        assert_eq!(a.to_vec(), vec![8, 4, 7]);
    }

    #[test]
    fn mask_assignment_messages() {
        let a = arr(vec![0, 1, 2], [3]);
        let m = Item::Mask(vec![3], vec![false, true, true]);
        let v = arr(vec![1, 2, 3], [3]);
        let e = assign(&a, std::slice::from_ref(&m), &v, |x| x).unwrap_err();
        assert_eq!(
            e.message(),
            "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true"
        );
        let one = arr(vec![9], [1]);
        assign(&a, &[m], &one, |x| x).unwrap();
        assert_eq!(a.to_vec(), vec![0, 9, 9]);
        let e = assign(&a, &[Item::int_list(vec![0, 1])], &v, |x| x).unwrap_err();
        assert_eq!(
            e.message(),
            "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)"
        );
    }

    #[test]
    fn functions() {
        let a = arr(vec![0, 3, 0, 4, 5, 0], [2, 3]);
        let [r, c] = nonzero(&a, |x| x != 0).unwrap();
        assert_eq!((r.to_vec(), c.to_vec()), (vec![0, 1, 1], vec![1, 0, 1]));
        assert_eq!(flatnonzero(&a, |x| x != 0).unwrap().to_vec(), vec![1, 3, 4]);
        let w = argwhere(&a, |x| x != 0).unwrap();
        assert_eq!((w.shape(), w.to_vec()), ([3, 2], vec![0, 1, 1, 0, 1, 1]));
        let e = extract(
            &arr(vec![1, 0, 1, 1], [4]),
            |x| x != 0,
            &arr(vec![1, 2, 3], [3]),
        );
        assert_eq!(
            e.unwrap_err().message(),
            "index 3 is out of bounds for axis 0 with size 3"
        );
        let cond = arr(vec![0, 1], [2]);
        let k: Array<i64, 2> = compress(&cond, |x| x != 0, &a, Some(-1)).unwrap();
        assert_eq!((k.shape(), k.to_vec()), ([2, 1], vec![3, 5]));
        let t: Array<i64, 1> = take(&a, Item::int_list(vec![4, -1]), None).unwrap();
        assert_eq!(t.to_vec(), vec![5, 0]);
        let b = arr(vec![0; 5], [5]);
        put(&b, Item::int_list(vec![0, 2, 4, 1]), vec![1, 2]).unwrap();
        assert_eq!(b.to_vec(), vec![1, 2, 2, 0, 1]);
    }
}
