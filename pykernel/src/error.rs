//! Errors raised by compiled kernels, mirroring the Python exceptions CPython raises.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

/// Which Python exception a kernel error corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ZeroDivisionError` (integer `//` or `%` by zero, `0.0 ** -1`).
    ZeroDivision,
    /// `IndexError` (index out of range).
    Index,
    /// `ValueError` (`math.sqrt(-1)`, `range()` step 0, bad broadcast, ...).
    Value,
    /// `OverflowError` (`math.exp(1000)`, float too large for `int`).
    Overflow,
    /// `AssertionError`.
    Assertion,
    /// `TypeError`.
    Type,
    /// `UnboundLocalError` (a local read on a path where it was never assigned).
    UnboundLocal,
    /// `NameError` (the same read inside a comprehension, in CPython 3.11).
    Name,
    /// `RecursionError` (too many frames of recursive kernel functions at once).
    Recursion,
    /// `KeyboardInterrupt` (Ctrl-C; from Python, whatever the signal handler raised).
    Interrupt,
    /// NumPy's `AxisError` (an axis out of range; a subclass of `ValueError` and
    /// `IndexError`).
    Axis,
    /// `RuntimeError` (`raise RuntimeError("...")` in a kernel).
    Runtime,
    /// `Exception` (`raise Exception("...")` in a kernel).
    Exception,
    /// NumPy's `numpy.linalg.LinAlgError` (a singular matrix; a subclass of
    /// `ValueError`).
    LinAlg,
}

impl ErrorKind {
    /// The Python exception name.
    pub fn python_name(self) -> &'static str {
        match self {
            ErrorKind::ZeroDivision => "ZeroDivisionError",
            ErrorKind::Index => "IndexError",
            ErrorKind::Value => "ValueError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Assertion => "AssertionError",
            ErrorKind::Type => "TypeError",
            ErrorKind::UnboundLocal => "UnboundLocalError",
            ErrorKind::Name => "NameError",
            ErrorKind::Recursion => "RecursionError",
            ErrorKind::Interrupt => "KeyboardInterrupt",
            ErrorKind::Axis => "AxisError",
            ErrorKind::Runtime => "RuntimeError",
            ErrorKind::Exception => "Exception",
            ErrorKind::LinAlg => "LinAlgError",
        }
    }
}

/// An error raised while a compiled kernel runs: a Python exception type and message.
///
/// One pointer wide (the details are boxed): every kernel function returns a
/// `KResult<T>`, which then fits in two registers instead of going through memory (a
/// recursive `fib` ran 1.75× faster).
#[derive(Clone, PartialEq, Eq)]
pub struct KernelError(Box<Details>);

impl fmt::Debug for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KernelError")
            .field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Details {
    kind: ErrorKind,
    message: Cow<'static, str>,
}

impl KernelError {
    /// A new error of `kind` with `message`.
    #[cold]
    pub fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        KernelError(Box::new(Details {
            kind,
            message: message.into(),
        }))
    }

    /// The Python exception this error maps to.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, as CPython would print it after the exception name.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.0.kind.python_name(), self.0.message)
    }
}

impl std::error::Error for KernelError {}

/// Result type of compiled kernel functions.
pub type KResult<T> = Result<T, KernelError>;

thread_local! {
    static LAST_ERROR: RefCell<Option<KernelError>> = const { RefCell::new(None) };
}

/// Takes the last error raised by a capsule (`extern "C"`) function on this thread.
///
/// Capsule functions cannot return a `Result`: on error a `double`-returning one returns
/// NaN and an `int`-returning one returns 0. This function tells why.
pub fn take_last_error() -> Option<KernelError> {
    LAST_ERROR.with(|e| e.borrow_mut().take())
}

pub(crate) fn set_last_error(e: KernelError) {
    // `try_with` so that a call during thread teardown cannot panic.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut() {
            *s = Some(e);
        }
    });
}

/// `UnboundLocalError` unless local `name` has been assigned (`assigned`), with
/// CPython 3.11's message.
#[inline(always)]
pub fn check_assigned(assigned: bool, name: &'static str) -> KResult<()> {
    if assigned {
        Ok(())
    } else {
        Err(unbound_local(name))
    }
}

/// Like [`check_assigned`] for a read inside a comprehension, whose scope sees the
/// function's locals as free variables: `NameError`, with CPython 3.11's message.
#[inline(always)]
pub fn check_assigned_free(assigned: bool, name: &'static str) -> KResult<()> {
    if assigned {
        Ok(())
    } else {
        Err(unbound_free(name))
    }
}

#[cold]
#[inline(never)]
fn unbound_free(name: &str) -> KernelError {
    KernelError::new(
        ErrorKind::Name,
        format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ),
    )
}

#[cold]
#[inline(never)]
fn unbound_local(name: &str) -> KernelError {
    KernelError::new(
        ErrorKind::UnboundLocal,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// Unpacking `got` values (the rows of an array) into `expected` targets: CPython's
/// `ValueError` when the counts differ.
pub fn check_unpack(got: i64, expected: usize) -> KResult<()> {
    let e = expected as i64;
    if got > e {
        return Err(value_error(format!(
            "too many values to unpack (expected {expected})"
        )));
    }
    if got < e {
        return Err(value_error(format!(
            "not enough values to unpack (expected {expected}, got {got})"
        )));
    }
    Ok(())
}

pub(crate) fn zero_division(msg: &'static str) -> KernelError {
    KernelError::new(ErrorKind::ZeroDivision, msg)
}

pub(crate) fn value_error(msg: impl Into<Cow<'static, str>>) -> KernelError {
    KernelError::new(ErrorKind::Value, msg)
}

pub(crate) fn overflow_error(msg: impl Into<Cow<'static, str>>) -> KernelError {
    KernelError::new(ErrorKind::Overflow, msg)
}
