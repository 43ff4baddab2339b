//! A per-thread cache of large array buffers that kernels have dropped, reused by the
//! next arrays of a fitting size.
//!
//! Why: a NumPy program makes a new array per statement. Large ones come from the
//! system as fresh pages, and touching them costs a page fault per 4 KiB (in `harris`
//! on a 512×512 image, half of the run time went to the kernel's page-fault and
//! page-clearing code). NumPy caches only small buffers; this cache keeps up to
//! [`MAX_BUFFERS`] buffers of at least [`MIN_BYTES`], [`MAX_TOTAL`] bytes in all, so
//! the arrays of one call are the warm memory of the next. Arrays handed to NumPy leave
//! the cache's reach (NumPy frees them).

use std::alloc::{Layout, dealloc};
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

/// Buffers smaller than this are left to the allocator (it recycles them without page
/// faults).
pub const MIN_BYTES: usize = 256 << 10;
/// At most this many buffers are kept per thread...
pub const MAX_BUFFERS: usize = 16;
/// ...and this many bytes.
pub const MAX_TOTAL: usize = 128 << 20;

/// One cached allocation: its address and layout.
struct Block {
    ptr: *mut u8,
    bytes: usize,
    align: usize,
}

#[derive(Default)]
struct Cache {
    blocks: Vec<Block>,
    total: usize,
}

impl Drop for Cache {
    fn drop(&mut self) {
        for b in self.blocks.drain(..) {
            free(b);
        }
    }
}

fn free(b: Block) {
    // SAFETY: `b` came from a `Vec` with exactly this layout, and is owned by the cache.
    unsafe { dealloc(b.ptr, Layout::from_size_align_unchecked(b.bytes, b.align)) }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// An empty `Vec` with room for `n` elements: a cached buffer of a fitting size (at
/// most a quarter larger), else a new allocation.
pub fn take<T>(n: usize) -> Vec<T> {
    cached(n).unwrap_or_else(|| Vec::with_capacity(n))
}

/// A cached buffer for `n` elements, if one fits (see [`take`]).
pub fn cached<T>(n: usize) -> Option<Vec<T>> {
    let size = size_of::<T>();
    let need = n.saturating_mul(size);
    if need >= MIN_BYTES {
        let align = align_of::<T>();
        let found = CACHE
            .try_with(|c| {
                let mut c = c.borrow_mut();
                let best = c
                    .blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| {
                        b.align == align
                            && b.bytes >= need
                            && b.bytes - need <= need / 4
                            && b.bytes % size == 0
                    })
                    .min_by_key(|(_, b)| b.bytes)
                    .map(|(i, _)| i)?;
                let b = c.blocks.swap_remove(best);
                c.total -= b.bytes;
                Some(b)
            })
            .ok()
            .flatten();
        if let Some(b) = found {
            // SAFETY: allocated by a `Vec` with alignment `align` and `b.bytes` bytes, a
            // whole number of `T`s: the layout of a `Vec<T>` of that capacity.
            return Some(unsafe { Vec::from_raw_parts(b.ptr as *mut T, 0, b.bytes / size) });
        }
    }
    None
}

/// Gives `v`'s allocation to the cache (or frees it, when it is small or the cache is
/// full: the oldest buffers leave first).
pub fn give<T>(v: Vec<T>) {
    let size = size_of::<T>();
    let bytes = v.capacity() * size;
    if size == 0 || !(MIN_BYTES..=MAX_TOTAL).contains(&bytes) {
        return;
    }
    let mut v = std::mem::ManuallyDrop::new(v);
    let block = Block {
        ptr: v.as_mut_ptr() as *mut u8,
        bytes,
        align: align_of::<T>(),
    };
    let kept = CACHE.try_with(|c| {
        let mut c = c.borrow_mut();
        while c.blocks.len() >= MAX_BUFFERS || c.total + bytes > MAX_TOTAL {
            let old = c.blocks.remove(0);
            c.total -= old.bytes;
            free(old);
        }
        c.total += bytes;
        c.blocks.push(Block { ..block });
    });
    if kept.is_err() {
        // The thread is exiting: no cache any more.
        free(block);
    }
}

/// The storage of a kernel-created array: a `Vec` whose allocation goes back to the
/// cache when the last array using it is dropped.
pub struct Buf<T>(Vec<T>);

impl<T> Buf<T> {
    /// Wraps `v`.
    pub fn new(v: Vec<T>) -> Self {
        Buf(v)
    }

    /// The `Vec` itself (handed to NumPy, which will free it).
    pub fn into_vec(mut self) -> Vec<T> {
        std::mem::take(&mut self.0)
    }
}

impl<T> Drop for Buf<T> {
    fn drop(&mut self) {
        give(std::mem::take(&mut self.0));
    }
}

impl<T> Deref for Buf<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> DerefMut for Buf<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_buffers_come_back_for_arrays_of_a_fitting_size() {
        let n = MIN_BYTES / 8 * 2;
        let mut v: Vec<f64> = take(n);
        v.resize(n, 1.0);
        let p = v.as_ptr() as usize;
        drop(Buf::new(v));
        // same alignment, a size within a quarter: the same memory
        let w: Vec<i64> = take(n - 10);
        assert_eq!(w.as_ptr() as usize, p);
        assert!(w.capacity() >= n - 10 && w.is_empty());
        give(w);
        // much smaller: a new allocation
        let s: Vec<f64> = take(n / 2);
        assert_ne!(s.as_ptr() as usize, p);
        // small buffers are not kept
        give(vec![0u8; 16]);
        let z: Vec<u8> = take(16);
        assert_eq!(z.capacity(), 16);
    }

    #[test]
    fn the_cache_stays_within_its_limits() {
        for _ in 0..3 * MAX_BUFFERS {
            give(Vec::<f32>::with_capacity(MIN_BYTES / 4));
        }
        CACHE.with(|c| {
            let c = c.borrow();
            assert!(c.blocks.len() <= MAX_BUFFERS && c.total <= MAX_TOTAL);
        });
    }
}
