//! The C library functions NumPy's loops call where Rust's `std` has no binding to the
//! same function: the C99 complex functions (NumPy's `npy_csqrt` & co. are the platform
//! libm's `csqrt` & co. on Linux), and the real `asinh`/`acosh`/`atanh`, which Rust's
//! `std` computes in Rust.
//!
//! `double complex` / `float complex` are passed and returned exactly like a
//! `#[repr(C)]` struct of two floats (x86-64 SysV and aarch64 AAPCS), which
//! `num_complex::Complex` is.

use num_complex::Complex;

type C64 = Complex<f64>;
type C32 = Complex<f32>;

unsafe extern "C" {
    pub(crate) safe fn asinhf(x: f32) -> f32;
    pub(crate) safe fn acoshf(x: f32) -> f32;
    pub(crate) safe fn atanhf(x: f32) -> f32;
    pub(crate) safe fn csqrt(z: C64) -> C64;
    pub(crate) safe fn csqrtf(z: C32) -> C32;
    pub(crate) safe fn cexp(z: C64) -> C64;
    pub(crate) safe fn cexpf(z: C32) -> C32;
    pub(crate) safe fn clog(z: C64) -> C64;
    pub(crate) safe fn clogf(z: C32) -> C32;
    pub(crate) safe fn csin(z: C64) -> C64;
    pub(crate) safe fn csinf(z: C32) -> C32;
    pub(crate) safe fn ccos(z: C64) -> C64;
    pub(crate) safe fn ccosf(z: C32) -> C32;
    pub(crate) safe fn ctan(z: C64) -> C64;
    pub(crate) safe fn ctanf(z: C32) -> C32;
    pub(crate) safe fn csinh(z: C64) -> C64;
    pub(crate) safe fn csinhf(z: C32) -> C32;
    pub(crate) safe fn ccosh(z: C64) -> C64;
    pub(crate) safe fn ccoshf(z: C32) -> C32;
    pub(crate) safe fn ctanh(z: C64) -> C64;
    pub(crate) safe fn ctanhf(z: C32) -> C32;
    pub(crate) safe fn casin(z: C64) -> C64;
    pub(crate) safe fn casinf(z: C32) -> C32;
    pub(crate) safe fn cacos(z: C64) -> C64;
    pub(crate) safe fn cacosf(z: C32) -> C32;
    pub(crate) safe fn catan(z: C64) -> C64;
    pub(crate) safe fn catanf(z: C32) -> C32;
    pub(crate) safe fn casinh(z: C64) -> C64;
    pub(crate) safe fn casinhf(z: C32) -> C32;
    pub(crate) safe fn cacosh(z: C64) -> C64;
    pub(crate) safe fn cacoshf(z: C32) -> C32;
    pub(crate) safe fn catanh(z: C64) -> C64;
    pub(crate) safe fn catanhf(z: C32) -> C32;
}
