//! The elements an index selects, with NumPy's rules (see the module docs).

use super::Item;
use crate::error::{ErrorKind, KResult, KernelError, value_error};

/// The elements an index selects: the result's shape and each element's offset (in
/// elements, from the array's first element), in C order of the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The result's shape.
    pub shape: Vec<usize>,
    /// Offsets of the selected elements.
    pub offsets: Vec<isize>,
    /// The index is one mask of the array's rank (NumPy's own assignment messages).
    pub(super) single_mask: bool,
    /// Where the index arrays' axes are in the result.
    pub(super) adv_at: usize,
    /// How many axes the index arrays give.
    pub(super) adv_rank: usize,
    /// The other axes (in their order in the result) in the order the offsets walk them.
    pub(super) order: Vec<usize>,
}

/// One axis of the result while the plan is built.
pub(super) enum Dim {
    /// `n` elements `stride` apart.
    Step(usize, isize),
    /// The broadcast index arrays: one offset per element (their shape is elsewhere).
    Table(Vec<isize>),
}

/// `IndexError: index 5 is out of bounds for axis 0 with size 3`.
#[cold]
pub(super) fn out_of_bounds(i: i64, axis: usize, n: usize) -> KernelError {
    KernelError::new(
        ErrorKind::Index,
        format!("index {i} is out of bounds for axis {axis} with size {n}"),
    )
}

/// `i` within `0..n` (negative from the end), or NumPy's `IndexError`.
#[inline(always)]
pub(super) fn normalize(i: i64, axis: usize, n: usize) -> KResult<usize> {
    let j = if i < 0 { i.wrapping_add(n as i64) } else { i };
    if j < 0 || j >= n as i64 {
        return Err(out_of_bounds(i, axis, n));
    }
    Ok(j as usize)
}

/// NumPy's spelling of a shape in messages: `(3,)`, `(2,4)`, `()`.
pub(super) fn shape_text(s: &[usize]) -> String {
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
pub(super) fn broadcast_all<'a>(shapes: impl Iterator<Item = &'a [usize]>) -> Option<Vec<usize>> {
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
pub(super) fn broadcast_positions(src: &[usize], dst: &[usize]) -> Vec<usize> {
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
    pub(super) fn build(
        shape: &[usize],
        strides: &[isize],
        items: &[Item],
        internal: bool,
    ) -> KResult<Plan> {
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
    pub(super) fn shape_of<const M: usize>(&self) -> KResult<[usize; M]> {
        self.shape
            .as_slice()
            .try_into()
            .map_err(|_| value_error("internal error: rank of an indexing result"))
    }

    /// The flat position in `value` of the element stored at each selected element, for
    /// `a[index] = value` (NumPy's broadcasting rules and messages).
    pub(super) fn value_positions(&self, vshape: &[usize]) -> KResult<Vec<usize>> {
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
pub(super) fn mask_value_count(count: usize, vshape: &[usize]) -> KResult<bool> {
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
pub(super) fn k_order(axes: &[(usize, isize)]) -> Vec<usize> {
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
pub(super) fn walk(dims: &[Dim], base: isize, out: &mut Vec<isize>) {
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
