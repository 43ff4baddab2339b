//! The depth of recursive kernel functions: CPython's `RecursionError` instead of a
//! stack overflow.
//!
//! `pykernel-build` finds the functions on a cycle of the kernel's call graph and emits
//! each as two functions: an *entry*, with the function's usual signature, for calls
//! from outside the cycle, and a *body* that takes a [`Depth`] as an extra argument, for
//! calls inside the cycle. The entry reads this thread's budget once ([`Depth::enter`]);
//! each body frame takes one frame of it ([`Depth::frame`]) and passes the rest along to
//! its recursive calls, so the count lives in registers: no thread-local access per
//! recursive call. Two limits apply:
//!
//! - the *depth*: at most `limit` frames of recursive functions at once, where `limit` is
//!   [`DEFAULT_LIMIT`] (CPython's default, 1000) or, during a call from Python,
//!   `sys.getrecursionlimit()` at the time of the call ([`PythonLimit`]). A recursive
//!   function that calls, through a non-recursive helper, another cycle publishes what
//!   is left of its budget for that call ([`Depth::publish`]), so frames of nested
//!   cycles add up as in CPython;
//! - the *stack*: a frame is refused when it starts less than [`RED_ZONE`] bytes above the
//!   end of the thread's stack, so that a raised limit or large frames give a
//!   `RecursionError` too, never a crash. The stack's bounds come from the OS once per
//!   thread (`pthread_getattr_np` on Linux, `pthread_get_stackaddr_np` on macOS);
//!   elsewhere a conservative budget below the first recursive frame of the thread is
//!   used.

use std::cell::Cell;

use crate::error::{ErrorKind, KResult, KernelError};

/// CPython's default recursion limit (`sys.getrecursionlimit()` of a fresh interpreter).
pub const DEFAULT_LIMIT: u32 = 1000;

/// Stack kept free below the deepest recursive frame (at most a quarter of the thread's
/// stack): room for the non-recursive helpers a recursive function calls and the runtime
/// functions they use. Frames of kernel functions measure 50 to 200 bytes in the corpus.
pub const RED_ZONE: usize = 256 * 1024;

/// Where the stack's bounds are unknown (not Linux or macOS): the stack recursive
/// frames may use below the first one seen on the thread.
const FALLBACK_BUDGET: usize = 512 * 1024;

/// Per-thread state, read when a cycle of recursive functions is entered.
struct State {
    /// Frames of recursive functions a cycle entered now may still open.
    left: Cell<u32>,
    /// The lowest stack address a frame may start at (`usize::MAX`: not known yet).
    floor: Cell<usize>,
}

thread_local! {
    static STATE: State = const {
        State {
            left: Cell::new(DEFAULT_LIMIT),
            floor: Cell::new(usize::MAX),
        }
    };
}

/// The recursion budget carried through the calls of a cycle of recursive functions.
#[derive(Clone, Copy, Debug)]
pub struct Depth {
    /// Frames that may still be opened.
    left: u32,
    /// The lowest stack address a frame may start at.
    floor: usize,
}

/// The stack pointer.
#[inline(always)]
pub(crate) fn stack_pointer() -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let sp: usize;
        // SAFETY: reads a register; no memory access, no stack or flags change.
        unsafe {
            std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags))
        };
        sp
    }
    #[cfg(target_arch = "aarch64")]
    {
        let sp: usize;
        // SAFETY: reads a register; no memory access, no stack or flags change.
        unsafe {
            std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags))
        };
        sp
    }
    // Elsewhere: the address of a local, close enough to the stack pointer.
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        let marker = 0u8;
        std::hint::black_box(std::ptr::addr_of!(marker)) as usize
    }
}

impl Depth {
    /// The budget of a cycle entered from outside it: what this thread has left.
    #[inline]
    pub fn enter() -> Depth {
        STATE
            .try_with(|s| {
                let mut floor = s.floor.get();
                if floor == usize::MAX {
                    floor = stack_floor();
                    s.floor.set(floor);
                }
                Depth {
                    left: s.left.get(),
                    floor,
                }
            })
            // Thread teardown: no recursion allowed.
            .unwrap_or(Depth {
                left: 0,
                floor: usize::MAX,
            })
    }

    /// Opens one frame: the budget left for the frames it calls, or CPython's
    /// `RecursionError` when the depth limit is reached or the stack is nearly full.
    #[inline(always)]
    pub fn frame(self) -> KResult<Depth> {
        if self.left == 0 {
            return Err(recursion_error(DEPTH_EXCEEDED));
        }
        if stack_pointer() < self.floor {
            return Err(recursion_error(STACK_FULL));
        }
        Ok(Depth {
            left: self.left - 1,
            floor: self.floor,
        })
    }

    /// Makes this budget the thread's while the value lives (around a call from a
    /// recursive function to another cycle, through non-recursive code).
    #[inline]
    pub fn publish(self) -> LimitScope {
        LimitScope::new(self.left)
    }
}

const DEPTH_EXCEEDED: &str = "maximum recursion depth exceeded";
const STACK_FULL: &str = "maximum recursion depth exceeded (the thread's stack is nearly full)";

#[cold]
#[inline(never)]
fn recursion_error(msg: &'static str) -> KernelError {
    KernelError::new(ErrorKind::Recursion, msg)
}

/// The lowest address a frame may start at on this thread's stack.
#[cold]
#[inline(never)]
fn stack_floor() -> usize {
    let sp = stack_pointer();
    match stack_bounds() {
        Some((base, top)) if base < sp && sp <= top => {
            base.saturating_add(RED_ZONE.min((top - base) / 4))
        }
        _ => sp.saturating_sub(FALLBACK_BUDGET),
    }
}

/// The lowest and highest address of the current thread's stack.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) fn stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: `attr` is initialised by `pthread_getattr_np` before it is read, and
    // destroyed once.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let r = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        let base = addr as usize;
        (r == 0 && base != 0 && size != 0).then(|| (base, base.saturating_add(size)))
    }
}

/// The lowest and highest address of the current thread's stack.
#[cfg(target_vendor = "apple")]
pub(crate) fn stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: plain queries about the calling thread.
    unsafe {
        let me = libc::pthread_self();
        let top = libc::pthread_get_stackaddr_np(me) as usize;
        let size = libc::pthread_get_stacksize_np(me);
        (top != 0 && size != 0 && size < top).then(|| (top - size, top))
    }
}

/// The lowest and highest address of the current thread's stack (unknown here).
#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
pub(crate) fn stack_bounds() -> Option<(usize, usize)> {
    None
}

/// Sets the frames this thread's recursive functions may open for the life of the
/// value, then restores the previous budget.
#[must_use]
pub struct LimitScope {
    previous: u32,
}

impl LimitScope {
    /// At most `left` frames of recursive functions while the value lives.
    pub fn new(left: u32) -> LimitScope {
        let previous = STATE
            .try_with(|s| s.left.replace(left))
            .unwrap_or(DEFAULT_LIMIT);
        LimitScope { previous }
    }
}

impl Drop for LimitScope {
    fn drop(&mut self) {
        let _ = STATE.try_with(|s| s.left.set(self.previous));
    }
}

/// The depth limit of a call from Python: `sys.getrecursionlimit()` when the call is
/// made (so `sys.setrecursionlimit` works as in CPython), for the life of the value.
#[cfg(feature = "pyo3")]
#[must_use]
pub struct PythonLimit(#[allow(dead_code)] LimitScope);

#[cfg(feature = "pyo3")]
impl PythonLimit {
    /// Reads the interpreter's limit (`py`: the GIL is held).
    pub fn new(_py: pyo3::Python<'_>) -> PythonLimit {
        // SAFETY: the GIL is held.
        let limit = unsafe { pyo3::ffi::Py_GetRecursionLimit() };
        PythonLimit(LimitScope::new(u32::try_from(limit).unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A recursive function as pykernel-build emits it: entry, then body frames.
    fn down(n: u32) -> KResult<u32> {
        down_r(n, Depth::enter())
    }

    fn down_r(n: u32, d: Depth) -> KResult<u32> {
        let d = d.frame()?;
        if n == 0 {
            return Ok(d.left);
        }
        down_r(n - 1, d)
    }

    #[test]
    fn the_limit_counts_active_frames() {
        std::thread::spawn(|| {
            assert_eq!(down(999), Ok(0));
            let e = down(1000).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Recursion);
            assert_eq!(e.message(), "maximum recursion depth exceeded");
            {
                let _s = LimitScope::new(5000);
                assert_eq!(down(4999), Ok(0));
                assert!(down(5000).is_err());
            }
            assert!(down(1000).is_err(), "the limit is restored");
            assert_eq!(down(10), Ok(989), "and counts from the full budget again");
            // A cycle entered from another one's frame gets what that one has left.
            let outer = Depth::enter().frame().unwrap().frame().unwrap();
            let _p = outer.publish();
            assert_eq!(down(0), Ok(997));
            let _s = LimitScope::new(0);
            assert!(down(0).is_err(), "no frame at all");
        })
        .join()
        .unwrap();
    }

    /// A frame of about 32 KiB: fewer than 1000 fit in a 4 MiB thread.
    #[inline(never)]
    fn big(n: u32, d: Depth) -> KResult<u32> {
        let d = d.frame()?;
        let mut buf = [0u8; 32 * 1024];
        std::hint::black_box(&mut buf);
        if n == 0 {
            return Ok(0);
        }
        Ok(big(n - 1, d)? + u32::from(std::hint::black_box(buf[7])) + 1)
    }

    #[test]
    fn a_nearly_full_stack_is_a_recursion_error_not_a_crash() {
        let r = std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(|| {
                let _s = LimitScope::new(1_000_000);
                big(900, Depth::enter())
            })
            .unwrap()
            .join()
            .unwrap();
        let e = r.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Recursion);
        assert!(e.message().contains("stack"), "{e}");
        // The same depth fits in a larger stack.
        let r = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(|| big(900, Depth::enter()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(r, Ok(900));
        // A small stack keeps a red zone of a quarter of its size, and still recurses.
        let r = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| down(500))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(r, Ok(499));
    }
}
