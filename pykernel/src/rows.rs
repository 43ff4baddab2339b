//! How an elementwise loop walks its arrays when they are contiguous along one axis: in
//! rows (runs of consecutive elements in every operand), which the generated code runs
//! on Rust slices so that LLVM knows them apart and vectorises, or as one single row
//! when every operand is laid out like the result.

use crate::error::KResult;

/// Rows of an elementwise loop over `R` axes.
#[derive(Clone, Copy, Debug)]
pub struct RowPlan<const R: usize> {
    /// The axes, outer to inner (the result's memory order).
    perm: [usize; R],
    /// How many of the innermost axes (in `perm` order) make one row: every array walks
    /// them as one run of consecutive elements.
    merged: usize,
    /// Every operand is laid out like the result: the whole loop is one row.
    pub coalesced: bool,
}

/// The row plan of a loop over `shape` writing an array with strides `out` and reading
/// arrays with (broadcast) strides `ops`: `None` unless every one of them has stride 1
/// along the result's innermost axis. Inner axes that every array walks contiguously
/// (`a[1:-1, 1:-1, :]` of a C-ordered array: the last two) make one longer row.
pub fn row_plan<const R: usize>(
    shape: [usize; R],
    out: [isize; R],
    ops: &[[isize; R]],
) -> Option<RowPlan<R>> {
    if R == 0 {
        return None;
    }
    let mut perm: [usize; R] = std::array::from_fn(|k| k);
    // Stable: C order where the strides do not tell.
    perm.sort_by_key(|&k| std::cmp::Reverse(out[k].unsigned_abs()));
    let inner = perm[R - 1];
    if shape[inner] > 1 && (out[inner] != 1 || ops.iter().any(|s| s[inner] != 1)) {
        return None;
    }
    // Merge outer axes into the row while every array continues its run across them.
    let mut merged = 1;
    let mut len = shape[inner];
    while merged < R {
        let k = perm[R - 1 - merged];
        let continues = |s: &[isize; R]| shape[k] <= 1 || s[k] == len as isize;
        if !(continues(&out) && ops.iter().all(continues)) {
            break;
        }
        len *= shape[k];
        merged += 1;
    }
    // One row when the result is contiguous and every operand has its strides.
    let mut contiguous = true;
    let mut acc = 1isize;
    for &k in perm.iter().rev() {
        if shape[k] > 1 && out[k] != acc {
            contiguous = false;
        }
        acc = acc.wrapping_mul(shape[k] as isize);
    }
    let same = ops
        .iter()
        .all(|s| (0..R).all(|k| shape[k] <= 1 || s[k] == out[k]));
    Some(RowPlan {
        perm,
        merged,
        coalesced: (contiguous && same) || merged == R,
    })
}

/// The rows of a loop over `shape` whose arrays are strided every way: the innermost
/// axis of the written array's memory order (strides `out`) makes the rows, walked with
/// each array's own stride along it, the outer axes in that order (as NumPy's iterator).
pub fn strided_plan<const R: usize>(shape: [usize; R], out: [isize; R]) -> RowPlan<R> {
    let mut perm: [usize; R] = std::array::from_fn(|k| k);
    perm.sort_by_key(|&k| std::cmp::Reverse(out[k].unsigned_abs()));
    // A size-1 innermost axis makes rows of one element: take the innermost longer one.
    if let Some(p) = (0..R).rev().find(|&p| shape[perm[p]] > 1) {
        let a = perm[p];
        perm.copy_within(p + 1.., p);
        perm[R - 1] = a;
    }
    RowPlan {
        perm,
        merged: R.min(1),
        coalesced: false,
    }
}

impl<const R: usize> RowPlan<R> {
    /// The axis of the rows (the innermost in memory order); 0 for `R == 0`.
    pub fn inner(&self) -> usize {
        if R == 0 { 0 } else { self.perm[R - 1] }
    }

    /// Calls `f(start, len)` for every row: the index of its first element and its
    /// length, the outer axes in the result's memory order.
    pub fn for_each_row(
        &self,
        shape: [usize; R],
        mut f: impl FnMut([i64; R], usize) -> KResult<()>,
    ) -> KResult<()> {
        if shape.contains(&0) {
            return Ok(());
        }
        let outer = R - self.merged;
        let len: usize = self.perm[outer..].iter().map(|&k| shape[k]).product();
        let mut ix = [0i64; R];
        loop {
            f(ix, len)?;
            // the odometer over the outer axes, innermost of them first
            let mut k = outer;
            loop {
                if k == 0 {
                    return Ok(());
                }
                k -= 1;
                let a = self.perm[k];
                ix[a] += 1;
                if (ix[a] as usize) < shape[a] {
                    break;
                }
                ix[a] = 0;
            }
        }
    }
}

/// A walk over the rows of a [`RowPlan`] in pieces of any length, for reductions that
/// consume an elementwise expression a block at a time.
#[derive(Clone, Debug)]
pub struct RowCursor<const R: usize> {
    perm: [usize; R],
    /// How many outer axes the odometer steps (the rest make one row).
    outer: usize,
    shape: [usize; R],
    /// The first element of the current row, and the position in it.
    ix: [i64; R],
    off: usize,
    len: usize,
}

impl<const R: usize> RowCursor<R> {
    /// At the first element of `plan`'s rows over `shape`.
    pub fn new(plan: &RowPlan<R>, shape: [usize; R]) -> Self {
        let outer = if plan.coalesced { 0 } else { R - plan.merged };
        let len = plan.perm[outer..].iter().map(|&k| shape[k]).product();
        RowCursor {
            perm: plan.perm,
            outer,
            shape,
            ix: [0; R],
            off: 0,
            len,
        }
    }

    /// The next run of at most `max` elements (there must be one): the index of its
    /// row's first element, its offset in the row, and its length.
    #[inline]
    pub fn next(&mut self, max: usize) -> ([i64; R], usize, usize) {
        if self.off == self.len {
            self.off = 0;
            let mut k = self.outer;
            while k > 0 {
                k -= 1;
                let a = self.perm[k];
                self.ix[a] += 1;
                if (self.ix[a] as usize) < self.shape[a] {
                    break;
                }
                self.ix[a] = 0;
            }
        }
        let m = max.min(self.len - self.off);
        let run = (self.ix, self.off, m);
        self.off += m;
        run
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_operands_make_one_row_and_strided_ones_none() {
        let p = row_plan([2, 3], [3, 1], &[[3, 1], [0, 1]]).unwrap();
        assert!(!p.coalesced);
        let p = row_plan([2, 3], [3, 1], &[[3, 1]]).unwrap();
        assert!(p.coalesced);
        assert!(row_plan([2, 3], [3, 1], &[[1, 2]]).is_none());
        // an F-ordered result walks its first axis innermost
        let p = row_plan([2, 3], [1, 2], &[[1, 2]]).unwrap();
        let mut rows = Vec::new();
        p.for_each_row([2, 3], |ix, n| {
            rows.push((ix, n));
            Ok(())
        })
        .unwrap();
        assert_eq!(rows, vec![([0, 0], 6)]);
        // rows of a strided view: the inner two axes of a[1:-1, 1:-1, :] make one row
        let p = row_plan([3, 4, 3], [12, 3, 1], &[[18, 3, 1]]).unwrap();
        let mut rows = Vec::new();
        p.for_each_row([3, 4, 3], |ix, n| {
            rows.push((ix, n));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            rows,
            vec![([0, 0, 0], 12), ([1, 0, 0], 12), ([2, 0, 0], 12)]
        );
    }

    #[test]
    fn cursors_cut_rows_into_pieces_in_order() {
        let p = row_plan([3, 4, 3], [12, 3, 1], &[[18, 3, 1]]).unwrap();
        let mut c = RowCursor::new(&p, [3, 4, 3]);
        let mut got = Vec::new();
        let mut left = 36;
        while left > 0 {
            let (ix, off, m) = c.next(5);
            got.push((ix[0], off, m));
            left -= m;
        }
        assert_eq!(
            got,
            vec![
                (0, 0, 5),
                (0, 5, 5),
                (0, 10, 2),
                (1, 0, 5),
                (1, 5, 5),
                (1, 10, 2),
                (2, 0, 5),
                (2, 5, 5),
                (2, 10, 2)
            ]
        );
        let p = row_plan([2, 3], [3, 1], &[[3, 1]]).unwrap();
        let mut c = RowCursor::new(&p, [2, 3]);
        assert_eq!(c.next(100), ([0, 0], 0, 6));
    }

    #[test]
    fn strided_plans_walk_the_written_arrays_innermost_axis() {
        let p = strided_plan([4, 5], [1, 4]);
        assert_eq!(p.inner(), 0);
        let mut rows = Vec::new();
        p.for_each_row([4, 5], |ix, n| {
            rows.push((ix, n));
            Ok(())
        })
        .unwrap();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1], ([0, 1], 4));
        // a size-1 inner axis does not make rows of one
        let p = strided_plan([3, 1], [1, 1]);
        assert_eq!(p.inner(), 0);
        let p = strided_plan::<0>([], []);
        let mut n = 0;
        p.for_each_row([], |_, m| {
            n += m;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 1);
    }
}
