//! `np.split` and `np.array_split` (and `hsplit`, `vsplit`, `dsplit` through them) on
//! kernel arrays: a list of views along one axis, with NumPy's errors.

use crate::array::Array;
use crate::error::{ErrorKind, KResult, KernelError, value_error, zero_division};
use crate::list::List;

/// The `indices_or_sections` of `np.split`.
#[derive(Clone, Debug)]
pub enum Sections {
    /// A number of sections.
    Count(i64),
    /// The indices where the sections start (Python slice bounds: negative ones count
    /// from the end, large ones are clamped).
    Indices(Vec<i64>),
}

/// `np.split(a, sections, axis)` (`equal`: NumPy's check that a number of sections
/// divides the axis) or `np.array_split` (`!equal`): the views, in order.
pub fn split<T: Copy, const D: usize>(
    a: &Array<T, D>,
    sections: Sections,
    axis: i64,
    equal: bool,
) -> KResult<List<Array<T, D>>> {
    // `ary.shape[axis]`: a tuple index.
    if axis >= D as i64 || axis < -(D as i64) {
        return Err(KernelError::new(
            ErrorKind::Index,
            "tuple index out of range",
        ));
    }
    let ax = axis.rem_euclid(D as i64) as usize;
    let total = a.shape()[ax] as i64;
    let points: Vec<i64> = match sections {
        Sections::Count(n) => {
            if equal {
                if n == 0 {
                    return Err(zero_division("integer modulo by zero"));
                }
                if total.checked_rem(n).unwrap_or(0) != 0 {
                    return Err(value_error(
                        "array split does not result in an equal division",
                    ));
                }
            }
            if n <= 0 {
                return Err(value_error("number sections must be larger than 0."));
            }
            let (each, extras) = (total / n, total % n);
            let mut at = 0;
            let mut points = vec![0];
            for k in 0..n {
                at += each + i64::from(k < extras);
                points.push(at);
            }
            points
        }
        Sections::Indices(v) => {
            let mut points = Vec::with_capacity(v.len() + 2);
            points.push(0);
            points.extend(v);
            points.push(total);
            points
        }
    };
    let parts = points
        .windows(2)
        .map(|w| a.slice_axis(ax, Some(w[0]), Some(w[1]), None))
        .collect::<KResult<Vec<_>>>()?;
    Ok(List::from_vec(parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_indices() {
        let a = Array::from_vec((0..7i64).collect(), [7]).unwrap();
        let parts = split(&a, Sections::Count(3), 0, false).unwrap().to_vec();
        let lens: Vec<usize> = parts.iter().map(|p| p.shape()[0]).collect();
        assert_eq!(lens, vec![3, 2, 2]);
        let e = split(&a, Sections::Count(3), 0, true).unwrap_err();
        assert_eq!(
            e.message(),
            "array split does not result in an equal division"
        );
        let parts = split(&a, Sections::Indices(vec![2, -1, 10, 1]), -1, true)
            .unwrap()
            .to_vec();
        let got: Vec<Vec<i64>> = parts.iter().map(|p| p.to_vec()).collect();
        assert_eq!(
            got,
            vec![
                vec![0, 1],
                vec![2, 3, 4, 5],
                vec![6],
                vec![],
                vec![1, 2, 3, 4, 5, 6]
            ]
        );
        assert_eq!(
            split(&a, Sections::Count(0), 0, true).unwrap_err().kind(),
            ErrorKind::ZeroDivision
        );
        assert!(split(&a, Sections::Count(-7), 0, true).is_err());
        assert_eq!(
            split(&a, Sections::Count(1), 1, true).unwrap_err().kind(),
            ErrorKind::Index
        );
    }
}
