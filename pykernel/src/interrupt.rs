//! Ctrl-C in running kernels: `KeyboardInterrupt` from a regular export called from
//! Python's main thread.
//!
//! A kernel runs with the GIL released, so Python's own SIGINT handler, which only
//! trips a flag that the interpreter checks between bytecodes, cannot stop it. Kernels
//! instead poll [`interrupted`] at the places `pykernel-build` chooses (loops that may
//! run long, the entry of recursive functions): one relaxed load of a global flag, and
//! when it is set, a comparison of the stack pointer with the main thread's stack. A
//! poll never calls a function, even on its cold path: a call inside a tight loop makes
//! LLVM keep the loop's floating-point values on the stack (no SSE register survives a
//! call), which measured 2× slower on `mandel_count`. So a poll can only stop the
//! kernel, never ask Python whether to, and the flag is set only when stopping is what
//! CPython would do:
//!
//! - the Python wrapper of a regular export, on Python's main thread, runs the kernel in
//!   an [`InterruptScope`]: two atomic stores, no system call, so short calls cost
//!   nothing measurable;
//! - a watchdog thread (started on first use, asleep after a second without calls)
//!   looks every `PERIOD` (20 ms). Once the same call has been running for a whole
//!   period, it takes the GIL for a moment to check that Python's SIGINT handler is
//!   `signal.default_int_handler` (which always raises `KeyboardInterrupt`), and if so
//!   installs a C handler that sets the flag, then calls the handler it replaced
//!   (Python's, which records the signal for the interpreter);
//! - a poll that sees the flag on the main thread's stack returns `ErrorKind::Interrupt`;
//!   the wrapper, with the GIL back, runs Python's signal handlers
//!   (`PyErr_CheckSignals`), and the default handler raises `KeyboardInterrupt`;
//! - when the call ends, the scope restores the previous handler if one was installed
//!   (before the GIL is taken back, so that the watchdog can never wait for it).
//!
//! So the process's signal handling is exactly Python's whenever no long kernel runs;
//! changes of `signal.signal(SIGINT, ...)` between calls are respected (with a handler
//! of the user's, `SIG_IGN` or `SIG_DFL`, the kernel is not stopped and the handler does
//! what it does after the call, as before); kernels on other threads and capsules are
//! never stopped (not on the main thread's stack). A SIGINT in the first 20 to 40 ms of a
//! call, before the handler is installed, is seen by Python after the call returns (or a
//! second Ctrl-C stops the kernel). Unix only; elsewhere kernels are not interruptible.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

use crate::error::{ErrorKind, KernelError};

/// Set by the SIGINT handler: the main thread's kernel should stop.
static PENDING: AtomicBool = AtomicBool::new(false);

/// The main thread's stack (lowest and highest address; both 0 while unknown).
static MAIN_STACK_LO: AtomicUsize = AtomicUsize::new(0);
static MAIN_STACK_HI: AtomicUsize = AtomicUsize::new(0);

/// The error a poll returns: the wrapper turns it into what Python's handler raises.
#[cold]
#[inline(never)]
pub fn interrupted_error() -> KernelError {
    KernelError::new(ErrorKind::Interrupt, "")
}

/// Should the kernel stop here? The poll of generated code: a relaxed load, and when a
/// SIGINT has arrived, a check that this is the interruptible call (the main thread's
/// stack). Never calls a function.
#[inline(always)]
pub fn interrupted() -> bool {
    PENDING.load(Relaxed) && on_main_stack()
}

#[inline(always)]
fn on_main_stack() -> bool {
    let sp = crate::recursion::stack_pointer();
    sp >= MAIN_STACK_LO.load(Relaxed) && sp < MAIN_STACK_HI.load(Relaxed)
}

#[cfg(feature = "pyo3")]
pub use imp::{python_error, without_gil_interruptible};

#[cfg(all(feature = "pyo3", not(unix)))]
mod imp {
    use pyo3::prelude::*;

    /// Runs the kernel call `f(args)` with the GIL released (not interruptible here).
    pub fn without_gil_interruptible<A, R>(py: Python<'_>, args: A, f: fn(A) -> R) -> R {
        crate::python::without_gil(py, args, f)
    }

    /// The exception of an interrupted kernel.
    pub fn python_error(_py: Python<'_>) -> PyErr {
        pyo3::exceptions::PyKeyboardInterrupt::new_err(())
    }
}

#[cfg(all(feature = "pyo3", unix))]
mod imp {
    use std::ffi::{c_int, c_void};
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering::*};
    use std::time::Duration;

    use pyo3::prelude::*;

    use super::{MAIN_STACK_HI, MAIN_STACK_LO, PENDING};

    /// How often the watchdog looks at the running call.
    const PERIOD: Duration = Duration::from_millis(20);
    /// Idle periods after which the watchdog sleeps until the next call.
    const IDLE_PERIODS: u32 = 50;

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

    // The replaced handler: what our handler chains to, and what the scope restores.
    static OLD_HANDLER: AtomicUsize = AtomicUsize::new(0);
    static OLD_SIGINFO: AtomicBool = AtomicBool::new(false);
    static SAVED_SET: AtomicBool = AtomicBool::new(false);
    struct Saved(std::cell::UnsafeCell<std::mem::MaybeUninit<libc::sigaction>>);
    // SAFETY: written by the watchdog before SAVED_SET is set (release), read after it
    // is seen set (acquire), or in a fork child (one thread).
    unsafe impl Sync for Saved {}
    static SAVED: Saved = Saved(std::cell::UnsafeCell::new(std::mem::MaybeUninit::uninit()));

    /// The exception of an interrupted kernel: what Python's signal handlers raise now
    /// (the default one: `KeyboardInterrupt`), with the GIL held.
    pub fn python_error(py: Python<'_>) -> PyErr {
        match py.check_signals() {
            Err(e) => e,
            Ok(()) => pyo3::exceptions::PyKeyboardInterrupt::new_err(()),
        }
    }

    /// Runs the kernel call `f(args)` with the GIL released, interruptible with Ctrl-C
    /// when made on Python's main thread (elsewhere, or nested, like `without_gil`).
    pub fn without_gil_interruptible<A, R>(py: Python<'_>, args: A, f: fn(A) -> R) -> R {
        let scope = InterruptScope::open(py);
        crate::python::without_gil(py, (scope, f, args), |(scope, f, args)| {
            let r = f(args);
            // Closed without the GIL: the watchdog may be waiting for it.
            drop(scope);
            r
        })
    }

    /// An interruptible call in progress on the main thread (`active`).
    struct InterruptScope {
        active: bool,
    }

    impl InterruptScope {
        fn open(py: Python<'_>) -> InterruptScope {
            let s = STATE.load(Relaxed);
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
                        if SAVED_SET.swap(false, AcqRel) {
                            restore_saved();
                        }
                        // A signal since the kernel's last poll reached Python's handler
                        // too: Python raises it.
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
        let mut main = MAIN_THREAD.load(Relaxed);
        if main == 0 {
            main = main_thread_ident(py);
            MAIN_THREAD.store(main, Relaxed);
        }
        // SAFETY: a plain query (pthread_self).
        let me = unsafe { pyo3::ffi::PyThread_get_thread_ident() } as u64;
        if me != main {
            return false;
        }
        if MAIN_STACK_HI.load(Relaxed) == 0 {
            record_main_stack();
        }
        true
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

    /// Records the stack of the calling thread (the main thread) for the polls.
    #[cold]
    fn record_main_stack() {
        let sp = crate::recursion::stack_pointer();
        let (lo, hi) = crate::recursion::stack_bounds()
            .filter(|(lo, hi)| *lo < sp && sp <= *hi)
            // Unknown bounds: a generous window below the current frame.
            .unwrap_or((sp.saturating_sub(256 << 20), sp.saturating_add(1 << 20)));
        MAIN_STACK_LO.store(lo, Relaxed);
        MAIN_STACK_HI.store(hi, Relaxed);
    }

    /// In a fork child: no watchdog, no call running, the forking thread is Python's
    /// main thread (with another stack), and Python's handler is back if ours was
    /// installed.
    extern "C" fn after_fork_child() {
        MAIN_THREAD.store(0, Relaxed);
        MAIN_STACK_LO.store(0, Relaxed);
        MAIN_STACK_HI.store(0, Relaxed);
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
            .stack_size(256 * 1024)
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
                    std::thread::park_timeout(Duration::from_secs(1));
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
                if default_handler() {
                    install();
                }
                STATE.store((s & !PHASE) | INSTALLED, Release);
            }
            seen = s;
        }
    }

    /// Is Python's SIGINT handler `signal.default_int_handler` (which raises
    /// `KeyboardInterrupt`)? Takes the GIL: the main thread runs a kernel without it,
    /// and closes its scope without it, so this never waits for that thread.
    fn default_handler() -> bool {
        Python::try_attach(|py| {
            let signal = py.import("signal").ok()?;
            let current = signal.call_method1("getsignal", (libc::SIGINT,)).ok()?;
            let default = signal.getattr("default_int_handler").ok()?;
            Some(current.is(&default))
        })
        .flatten()
        .unwrap_or(false)
    }

    /// Installs our handler in front of the current one, if that is a function (not
    /// `SIG_DFL` or `SIG_IGN`).
    fn install() {
        // SAFETY: sigaction with valid structures; SAVED is written before SAVED_SET.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) != 0 {
                return;
            }
            let h = old.sa_sigaction;
            if h == libc::SIG_DFL || h == libc::SIG_IGN || h == on_sigint as *const () as usize {
                return;
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
            }
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
