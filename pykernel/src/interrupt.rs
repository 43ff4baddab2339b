//! Ctrl-C in running kernels: `KeyboardInterrupt` from a regular export called from
//! Python's main thread.
//!
//! A kernel runs with the GIL released, so Python's own SIGINT handler, which only
//! trips a flag that the interpreter checks between bytecodes, cannot stop it. Kernels
//! instead poll [`pending`] (one relaxed load of a global flag) at the places
//! `pykernel-build` chooses: loops that may run long and the entry of recursive
//! functions. The flag is set by a C-level SIGINT handler that exists only while a
//! Python call has been running for a while:
//!
//! - the Python wrapper of a regular export, on Python's main thread, opens an
//!   [`InterruptScope`] around the kernel: two atomic stores, no system call, so short
//!   calls cost nothing measurable;
//! - a watchdog thread (started on first use, asleep after a second without calls)
//!   looks every `PERIOD` (20 ms); once the same call has been running for a whole period it
//!   installs the handler, which sets the flag and then calls the handler it replaced
//!   (Python's, so Python still sees the signal), and sets the flag once itself, so
//!   that a signal that arrived before the handler is not missed;
//! - a kernel that sees the flag takes the GIL back for a moment and runs Python's
//!   signal handlers (`PyErr_CheckSignals`, as CPython does between bytecodes). If one
//!   raises (`KeyboardInterrupt` from the default handler, or whatever a user's handler
//!   raises), the kernel stops with that exception; if none does (a handler that only
//!   sets a flag, `signal.SIG_IGN`), it goes on;
//! - when the call ends, the scope restores the previous handler if one was installed.
//!
//! So the process's signal handling is exactly Python's whenever no long kernel runs,
//! changes of `signal.signal(SIGINT, ...)` between calls are respected, kernels on other
//! threads and capsules (SciPy calls them with the GIL held) are never interrupted, and
//! the flag seen by them is ignored (see [`check`]). Unix only; elsewhere kernels are
//! not interruptible.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::KResult;

/// Set by the SIGINT handler (or the watchdog when it installs it): a poll should look.
static PENDING: AtomicBool = AtomicBool::new(false);

/// How often the watchdog looks at the running call.
#[cfg(all(feature = "pyo3", unix))]
const PERIOD: std::time::Duration = std::time::Duration::from_millis(20);

/// Has a signal arrived? The poll of generated code: a relaxed load, true rarely.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// The rest of a poll that found [`pending`] set: on the thread of an interruptible
/// call, runs Python's signal handlers and fails with what they raise
/// (`ErrorKind::Interrupt`, the exception kept for the wrapper); elsewhere (another
/// thread, a capsule) does nothing.
#[cold]
#[inline(never)]
pub fn check() -> KResult<()> {
    imp::check()
}

#[cfg(feature = "pyo3")]
pub use imp::{InterruptScope, take_raised};

#[cfg(not(all(feature = "pyo3", unix)))]
mod imp {
    use crate::error::KResult;

    pub(super) fn check() -> KResult<()> {
        Ok(())
    }

    /// Without signal support: does nothing.
    #[cfg(feature = "pyo3")]
    #[must_use]
    pub struct InterruptScope;

    #[cfg(feature = "pyo3")]
    impl InterruptScope {
        /// Does nothing (no Unix signals here).
        pub fn new(_py: pyo3::Python<'_>) -> InterruptScope {
            InterruptScope
        }
    }

    /// Nothing is ever raised here.
    #[cfg(feature = "pyo3")]
    pub fn take_raised() -> Option<pyo3::PyErr> {
        None
    }
}

#[cfg(all(feature = "pyo3", unix))]
mod imp {
    use std::cell::RefCell;
    use std::ffi::{c_int, c_void};
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering::*};

    use pyo3::prelude::*;

    use super::{PENDING, PERIOD};
    use crate::error::{ErrorKind, KResult, KernelError};

    // The call state: the low two bits are the phase, the rest counts calls, so that
    // the watchdog can tell one long call from two short ones.
    const PHASE: u64 = 3;
    /// No interruptible call runs.
    const IDLE: u64 = 0;
    /// A call runs; no handler of ours is installed.
    const RUNNING: u64 = 1;
    /// The watchdog is installing the handler.
    const INSTALLING: u64 = 2;
    /// The watchdog is done with this call (the handler is installed if `SAVED_SET`).
    const INSTALLED: u64 = 3;
    static STATE: AtomicU64 = AtomicU64::new(IDLE);

    /// `PyThread_get_thread_ident()` of Python's main thread (0: not known yet).
    static MAIN_THREAD: AtomicU64 = AtomicU64::new(0);
    /// The watchdog thread (leaked; null: not started in this process).
    static WATCHDOG: AtomicPtr<std::thread::Thread> = AtomicPtr::new(std::ptr::null_mut());
    static SLEEPING: AtomicBool = AtomicBool::new(false);
    /// Idle periods after which the watchdog sleeps until the next call.
    const IDLE_PERIODS: u32 = 50;

    // The replaced handler: what our handler chains to, and what the scope restores.
    static OLD_HANDLER: AtomicUsize = AtomicUsize::new(0);
    static OLD_SIGINFO: AtomicBool = AtomicBool::new(false);
    static SAVED_SET: AtomicBool = AtomicBool::new(false);
    struct Saved(std::cell::UnsafeCell<std::mem::MaybeUninit<libc::sigaction>>);
    // SAFETY: written by the watchdog in the INSTALLING phase only, read after the
    // INSTALLED phase is observed (acquire) or in a fork child (one thread).
    unsafe impl Sync for Saved {}
    static SAVED: Saved = Saved(std::cell::UnsafeCell::new(std::mem::MaybeUninit::uninit()));

    thread_local! {
        /// The exception Python's signal handlers raised, for the wrapper.
        static RAISED: RefCell<Option<PyErr>> = const { RefCell::new(None) };
    }

    /// The exception that stopped the kernel (see [`super::check`]), if any.
    pub fn take_raised() -> Option<PyErr> {
        RAISED.try_with(|r| r.borrow_mut().take()).ok().flatten()
    }

    pub(super) fn check() -> KResult<()> {
        // The interruptible call is the one on the main thread, if its scope is open.
        if STATE.load(Acquire) & PHASE == IDLE || !on_main_thread() {
            // Another thread's signal (this is a kernel on another thread, or a
            // capsule): the interruptible call will consume the flag.
            return Ok(());
        }
        PENDING.store(false, Relaxed);
        // CPython runs signal handlers between bytecodes; here, between iterations.
        let raised = Python::attach(|py| py.check_signals().err());
        match raised {
            None => Ok(()),
            Some(e) => {
                let _ = RAISED.try_with(|r| *r.borrow_mut() = Some(e));
                Err(KernelError::new(ErrorKind::Interrupt, ""))
            }
        }
    }

    /// Makes the kernel call it surrounds interruptible with Ctrl-C, when made on
    /// Python's main thread (elsewhere, or nested, it does nothing).
    #[must_use]
    pub struct InterruptScope {
        active: bool,
    }

    impl InterruptScope {
        /// Opens the scope (`py`: the GIL is held, before the kernel releases it).
        #[inline]
        pub fn new(py: Python<'_>) -> InterruptScope {
            let s = STATE.load(Relaxed);
            // Only on the main thread, and not nested (a kernel never calls Python, but
            // nothing is assumed).
            if s & PHASE != IDLE || !is_main_thread(py) {
                return InterruptScope { active: false };
            }
            // (A scope always leaves the state IDLE; the watchdog only moves it out of
            // RUNNING.)
            STATE.store(((s & !PHASE).wrapping_add(PHASE + 1)) | RUNNING, Release);
            wake_watchdog();
            InterruptScope { active: true }
        }
    }

    impl Drop for InterruptScope {
        fn drop(&mut self) {
            if !self.active {
                return;
            }
            loop {
                let s = STATE.load(Acquire);
                match s & PHASE {
                    RUNNING => {
                        if STATE
                            .compare_exchange(s, s & !PHASE, AcqRel, Acquire)
                            .is_ok()
                        {
                            break;
                        }
                    }
                    INSTALLING => std::thread::yield_now(),
                    INSTALLED => {
                        restore();
                        // The last signal, if any, reached Python's handler too.
                        PENDING.store(false, Relaxed);
                        STATE.store(s & !PHASE, Release);
                        break;
                    }
                    _ => break,
                }
            }
        }
    }

    fn is_main_thread(py: Python<'_>) -> bool {
        if MAIN_THREAD.load(Relaxed) == 0 {
            MAIN_THREAD.store(main_thread_ident(py), Relaxed);
        }
        on_main_thread()
    }

    /// Is this Python's main thread (as far as known)?
    fn on_main_thread() -> bool {
        // SAFETY: a plain query (pthread_self).
        let me = unsafe { pyo3::ffi::PyThread_get_thread_ident() } as u64;
        me == MAIN_THREAD.load(Relaxed)
    }

    /// `threading.main_thread().ident` (`u64::MAX` if it cannot be read).
    #[cold]
    fn main_thread_ident(py: Python<'_>) -> u64 {
        static AT_FORK: OnceLock<()> = OnceLock::new();
        AT_FORK.get_or_init(|| {
            // SAFETY: registers a function that only touches atomics and calls
            // async-signal-safe functions.
            unsafe { libc::pthread_atfork(None, None, Some(after_fork_child)) };
        });
        py.import("threading")
            .and_then(|t| t.call_method0("main_thread"))
            .and_then(|m| m.getattr("ident"))
            .and_then(|i| i.extract::<u64>())
            .unwrap_or(u64::MAX)
    }

    /// In a fork child: no watchdog, no call running, the forking thread is Python's
    /// main thread, and Python's handler is back if ours was installed.
    extern "C" fn after_fork_child() {
        MAIN_THREAD.store(0, Relaxed);
        STATE.store(STATE.load(Relaxed) & !PHASE, Relaxed);
        // (The parent's thread handle is leaked.)
        WATCHDOG.store(std::ptr::null_mut(), Relaxed);
        SLEEPING.store(false, Relaxed);
        PENDING.store(false, Relaxed);
        if SAVED_SET.swap(false, Relaxed) {
            restore_saved();
        }
    }

    /// Starts the watchdog, or wakes it if it sleeps (only the main thread calls this).
    fn wake_watchdog() {
        let w = WATCHDOG.load(Acquire);
        if w.is_null() {
            spawn_watchdog();
        } else if SLEEPING.load(Relaxed) {
            // SAFETY: a leaked handle, never freed.
            unsafe { (*w).unpark() };
        }
    }

    #[cold]
    fn spawn_watchdog() {
        let t = std::thread::Builder::new()
            .name("pykernel-sigint".into())
            .stack_size(64 * 1024)
            .spawn(watchdog)
            // No thread: kernels are not interruptible, nothing else changes.
            .map_or_else(|_| std::thread::current(), |h| h.thread().clone());
        WATCHDOG.store(Box::into_raw(Box::new(t)), Release);
    }

    fn watchdog() {
        let mut seen = u64::MAX;
        let mut idle = 0;
        loop {
            if idle >= IDLE_PERIODS {
                // Until the next call wakes it; at most a second, in case that call
                // started just as the watchdog went to sleep and did not see it.
                SLEEPING.store(true, Relaxed);
                if STATE.load(Relaxed) & PHASE == IDLE {
                    std::thread::park_timeout(std::time::Duration::from_secs(1));
                }
                SLEEPING.store(false, Relaxed);
                if STATE.load(Relaxed) & PHASE == IDLE {
                    continue;
                }
                idle = 0;
            }
            std::thread::sleep(PERIOD);
            let s = STATE.load(Acquire);
            if s & PHASE == IDLE {
                seen = u64::MAX;
                idle += 1;
                continue;
            }
            idle = 0;
            // The same call for a whole period: it may run long.
            if s == seen
                && s & PHASE == RUNNING
                && STATE
                    .compare_exchange(s, (s & !PHASE) | INSTALLING, AcqRel, Acquire)
                    .is_ok()
            {
                if install() {
                    // A signal may have come before the handler: let the kernel look.
                    PENDING.store(true, Release);
                }
                STATE.store((s & !PHASE) | INSTALLED, Release);
            }
            seen = s;
        }
    }

    /// Installs our handler in front of the current one, if that is a function (not
    /// `SIG_DFL` or `SIG_IGN`: then Ctrl-C does what the user asked for).
    fn install() -> bool {
        // SAFETY: sigaction with valid structures; SAVED is ours in this phase.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) != 0 {
                return false;
            }
            let h = old.sa_sigaction;
            if h == libc::SIG_DFL || h == libc::SIG_IGN || h == on_sigint as *const () as usize {
                return false;
            }
            OLD_HANDLER.store(h, Relaxed);
            OLD_SIGINFO.store(old.sa_flags & libc::SA_SIGINFO != 0, Relaxed);
            (*SAVED.0.get()).write(old);
            let mut ours: libc::sigaction = std::mem::zeroed();
            ours.sa_sigaction = on_sigint as *const () as usize;
            ours.sa_mask = old.sa_mask;
            ours.sa_flags = (old.sa_flags | libc::SA_SIGINFO) & !libc::SA_RESETHAND;
            SAVED_SET.store(true, Release);
            if libc::sigaction(libc::SIGINT, &ours, std::ptr::null_mut()) != 0 {
                SAVED_SET.store(false, Release);
                return false;
            }
            true
        }
    }

    /// Puts the replaced handler back (after the call, on its thread).
    fn restore() {
        if SAVED_SET.swap(false, AcqRel) {
            restore_saved();
        }
    }

    fn restore_saved() {
        // SAFETY: SAVED was written before SAVED_SET was set.
        unsafe {
            let saved = (*SAVED.0.get()).assume_init_ref();
            libc::sigaction(libc::SIGINT, saved, std::ptr::null_mut());
        }
    }

    /// Our SIGINT handler: sets the flag, then runs the handler it replaced.
    extern "C" fn on_sigint(sig: c_int, info: *mut libc::siginfo_t, ctx: *mut c_void) {
        PENDING.store(true, Relaxed);
        let h = OLD_HANDLER.load(Relaxed);
        if h == libc::SIG_DFL || h == libc::SIG_IGN {
            return;
        }
        // SAFETY: `h` is the handler that was installed, with the calling convention
        // its flags say.
        unsafe {
            if OLD_SIGINFO.load(Relaxed) {
                let f: extern "C" fn(c_int, *mut libc::siginfo_t, *mut c_void) =
                    std::mem::transmute(h);
                f(sig, info, ctx);
            } else {
                let f: extern "C" fn(c_int) = std::mem::transmute(h);
                f(sig);
            }
        }
    }
}
