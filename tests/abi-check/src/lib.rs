//! ABI check for pykernel's capsule functions.
//!
//! `kernels/abi_probe.py` has one capsule export per SciPy catalogue signature. The C
//! file `csrc/abi_callers.c` declares SciPy's exact function-pointer types
//! (`double (*)(int, double *, void *)`, `int (*)(intptr_t *, double *, int, int, void *)`,
//! ...), receives the generated Rust functions as `void *` (as SciPy does from a
//! capsule), and calls them with real data. The tests compare those results with
//! direct Rust calls and with hand-computed values, and check the Rust signatures'
//! ABI classes at the type level.

#![allow(missing_docs)]

/// The generated capsule functions.
pub mod kernels {
    pykernel::include_kernel!("abi_probe.py");
}

#[cfg(test)]
mod tests {
    use super::kernels;
    use std::ffi::c_void;

    type Fp = *const c_void;

    unsafe extern "C" {
        fn abi_quad_d(fp: Fp, a: f64, b: f64, n: i32) -> f64;
        fn abi_quad_dv(fp: Fp, a: f64, b: f64, n: i32, ud: *mut c_void) -> f64;
        fn abi_nquad(fp: Fp, n_wide: i64, xx: *mut f64) -> f64;
        fn abi_nquad_v(fp: Fp, n_wide: i64, xx: *mut f64, ud: *mut c_void) -> f64;
        fn abi_generic_filter(
            fp: Fp,
            input: *const f64,
            n: isize,
            size: isize,
            out: *mut f64,
            ud: *mut c_void,
        ) -> i32;
        fn abi_generic_filter_once(
            fp: Fp,
            buffer: *mut f64,
            filter_size: isize,
            ret: *mut f64,
            ud: *mut c_void,
        ) -> i32;
        fn abi_generic_filter1d(
            fp: Fp,
            line: *mut f64,
            input_length: isize,
            out: *mut f64,
            output_length: isize,
            ud: *mut c_void,
        ) -> i32;
        fn abi_geometric_transform(
            fp: Fp,
            out_coords: *mut isize,
            in_coords: *mut f64,
            out_rank_wide: i64,
            in_rank_wide: i64,
            ud: *mut c_void,
        ) -> i32;

        fn abi_missing_symbols() -> i32;
        fn abi_sym_q1(x: f64) -> f64;
        fn abi_sym_q2(x: f64, ud: *mut c_void) -> f64;
        fn abi_sym_nqu(n_wide: i64, xx: *mut f64, ud: *mut c_void) -> f64;
        fn abi_sym_gf(b: *mut f64, n: isize, r: *mut f64, ud: *mut c_void) -> i32;
        fn abi_sym_gf1d(i: *mut f64, il: isize, o: *mut f64, ol: isize, ud: *mut c_void) -> i32;
        fn abi_sym_gt(oc: *mut isize, ic: *mut f64, orw: i64, irw: i64, ud: *mut c_void) -> i32;
    }

    /// A 64-bit value whose low half is `v` and whose high half is junk: passed where C
    /// expects an `int`, only the low half is the argument.
    fn junk_topped(v: i32) -> i64 {
        ((0x5a5a_a5a5_i64) << 32) | (v as u32 as i64)
    }

    fn vp<T>(p: *mut T) -> *mut c_void {
        p.cast()
    }

    // ---- type-level ABI classes of the generated signatures -----------------------

    /// The C type (SciPy spelling, LP64) a Rust type is ABI-identical to.
    trait CType {
        const C: &'static str;
    }
    macro_rules! ctype {
        ($($t:ty => $c:expr),* $(,)?) => { $(impl CType for $t { const C: &'static str = $c; })* };
    }
    ctype! {
        f64 => "double", f32 => "float", i32 => "int", u32 => "unsigned int",
        i64 => "intptr_t", isize => "intptr_t", i8 => "signed char", u8 => "unsigned char",
        bool => "_Bool", () => "void",
        *mut f64 => "double *", *const f64 => "double *",
        *mut f32 => "float *", *const f32 => "float *",
        *mut i32 => "int *", *const i32 => "int *",
        *mut i64 => "intptr_t *", *const i64 => "intptr_t *",
        *mut isize => "intptr_t *", *const isize => "intptr_t *",
        *mut c_void => "void *", *const c_void => "void *",
    }

    trait CSig {
        fn c_sig() -> (String, Vec<&'static str>);
    }
    macro_rules! csig {
        ($($a:ident),*) => {
            impl<R: CType, $($a: CType),*> CSig for unsafe extern "C" fn($($a),*) -> R {
                fn c_sig() -> (String, Vec<&'static str>) {
                    (R::C.to_string(), vec![$($a::C),*])
                }
            }
        };
    }
    csig!(A);
    csig!(A, B);
    csig!(A, B, C);
    csig!(A, B, C, D);
    csig!(A, B, C, D, E);

    fn sig_of<F: CSig>(_f: F) -> (String, Vec<&'static str>) {
        F::c_sig()
    }

    /// `got` is ABI-compatible with SciPy's `want`: same classes, except that the
    /// last (user data) slot may be any pointer where SciPy says `void *`.
    fn assert_sig(name: &str, got: (String, Vec<&'static str>), want: &str) {
        let (wret, wargs) = want.split_once(" (").unwrap();
        let wargs: Vec<&str> = wargs.trim_end_matches(')').split(", ").collect();
        let (gret, gargs) = got;
        let ok_args = gargs.len() == wargs.len()
            && gargs.iter().zip(&wargs).enumerate().all(|(i, (g, w))| {
                g == w || (i == wargs.len() - 1 && *w == "void *" && g.ends_with(" *"))
            });
        assert!(
            gret == wret && ok_args,
            "{name}: Rust signature is ABI-wise `{gret} ({})`, SciPy needs `{want}`",
            gargs.join(", ")
        );
    }

    const QUAD_D: &str = "double (double)";
    const QUAD_DU: &str = "double (double, void *)";
    const NQUAD: &str = "double (int, double *)";
    const NQUAD_U: &str = "double (int, double *, void *)";
    const GF: &str = "int (double *, intptr_t, double *, void *)";
    const GF1D: &str = "int (double *, intptr_t, double *, intptr_t, void *)";
    const GT: &str = "int (intptr_t *, double *, int, int, void *)";

    #[test]
    fn rust_signatures_have_scipy_abi() {
        assert_sig(
            "pk_q1",
            sig_of(kernels::pk_q1 as unsafe extern "C" fn(_) -> _),
            QUAD_D,
        );
        assert_sig(
            "pk_q2",
            sig_of(kernels::pk_q2 as unsafe extern "C" fn(_, _) -> _),
            QUAD_DU,
        );
        assert_sig(
            "pk_q2v",
            sig_of(kernels::pk_q2v as unsafe extern "C" fn(_, _) -> _),
            QUAD_DU,
        );
        assert_sig(
            "pk_nq",
            sig_of(kernels::pk_nq as unsafe extern "C" fn(_, _) -> _),
            NQUAD,
        );
        assert_sig(
            "pk_nqu",
            sig_of(kernels::pk_nqu as unsafe extern "C" fn(_, _, _) -> _),
            NQUAD_U,
        );
        assert_sig(
            "pk_nquv",
            sig_of(kernels::pk_nquv as unsafe extern "C" fn(_, _, _) -> _),
            NQUAD_U,
        );
        assert_sig(
            "pk_gf",
            sig_of(kernels::pk_gf as unsafe extern "C" fn(_, _, _, _) -> _),
            GF,
        );
        assert_sig(
            "pk_gf64",
            sig_of(kernels::pk_gf64 as unsafe extern "C" fn(_, _, _, _) -> _),
            GF,
        );
        assert_sig(
            "pk_gf_err",
            sig_of(kernels::pk_gf_err as unsafe extern "C" fn(_, _, _, _) -> _),
            GF,
        );
        assert_sig(
            "pk_gf_width",
            sig_of(kernels::pk_gf_width as unsafe extern "C" fn(_, _, _, _) -> _),
            GF,
        );
        assert_sig(
            "pk_gf1d",
            sig_of(kernels::pk_gf1d as unsafe extern "C" fn(_, _, _, _, _) -> _),
            GF1D,
        );
        assert_sig(
            "pk_gf1dv",
            sig_of(kernels::pk_gf1dv as unsafe extern "C" fn(_, _, _, _, _) -> _),
            GF1D,
        );
        assert_sig(
            "pk_gf1d_width",
            sig_of(kernels::pk_gf1d_width as unsafe extern "C" fn(_, _, _, _, _) -> _),
            GF1D,
        );
        assert_sig(
            "pk_gt",
            sig_of(kernels::pk_gt as unsafe extern "C" fn(_, _, _, _, _) -> _),
            GT,
        );
        assert_sig(
            "pk_gt64",
            sig_of(kernels::pk_gt64 as unsafe extern "C" fn(_, _, _, _, _) -> _),
            GT,
        );
        assert_sig(
            "pk_gt_ranks",
            sig_of(kernels::pk_gt_ranks as unsafe extern "C" fn(_, _, _, _, _) -> _),
            GT,
        );
        assert_sig(
            "pk_q_err",
            sig_of(kernels::pk_q_err as unsafe extern "C" fn(_) -> _),
            QUAD_D,
        );
    }

    // ---- integrate.quad ---------------------------------------------------------

    #[test]
    fn quad_double_double() {
        let fp = kernels::pk_q1 as Fp;
        let via_c = unsafe { abi_quad_d(fp, -1.0, 2.0, 7) };
        let h = 3.0 / 7.0;
        let mut direct = 0.0;
        for i in 0..7 {
            direct += unsafe { kernels::pk_q1(-1.0 + (i as f64 + 0.5) * h) };
        }
        direct *= h;
        assert_eq!(via_c.to_bits(), direct.to_bits());
        assert_eq!(unsafe { kernels::pk_q1(2.0) }, 6.125);
    }

    #[test]
    fn quad_double_void_typed_and_opaque() {
        let mut ud = [2.5f64, -0.75];
        let via_c = unsafe { abi_quad_dv(kernels::pk_q2 as Fp, 0.0, 1.0, 5, vp(ud.as_mut_ptr())) };
        let mut direct = 0.0;
        for i in 0..5 {
            direct += unsafe { kernels::pk_q2((i as f64 + 0.5) * 0.2, ud.as_mut_ptr().cast()) };
        }
        direct *= 0.2;
        assert_eq!(via_c.to_bits(), direct.to_bits());
        assert_eq!(unsafe { kernels::pk_q2(2.0, ud.as_mut_ptr().cast()) }, 4.25);

        let via_c =
            unsafe { abi_quad_dv(kernels::pk_q2v as Fp, 0.0, 1.0, 4, std::ptr::null_mut()) };
        assert_eq!(via_c, 0.5 - 0.25);
        assert_eq!(unsafe { kernels::pk_q2v(1.0, std::ptr::null_mut()) }, 0.75);
    }

    // ---- nquad --------------------------------------------------------------------

    #[test]
    fn nquad_int_double_ptr() {
        let mut xx = [1.5f64, -2.0, 4.0];
        for n in [1i32, 2, 3] {
            let via_c = unsafe { abi_nquad(kernels::pk_nq as Fp, junk_topped(n), xx.as_mut_ptr()) };
            let direct = unsafe { kernels::pk_nq(n as _, xx.as_mut_ptr()) };
            assert_eq!(via_c.to_bits(), direct.to_bits(), "n = {n}");
        }
        assert_eq!(
            unsafe { kernels::pk_nq(3, xx.as_mut_ptr()) },
            3000.0 + 1.5 - 4.0 + 12.0
        );
        // a negative int is sign-extended only if the callee reads 32 bits
        let via_c = unsafe { abi_nquad(kernels::pk_nq as Fp, junk_topped(-1), xx.as_mut_ptr()) };
        assert_eq!(via_c, -1000.0);
    }

    #[test]
    fn nquad_int_double_ptr_void() {
        let mut xx = [0.5f64, 3.0];
        let mut c = [8.0f64];
        let via_c = unsafe {
            abi_nquad_v(
                kernels::pk_nqu as Fp,
                junk_topped(2),
                xx.as_mut_ptr(),
                vp(c.as_mut_ptr()),
            )
        };
        let direct = unsafe { kernels::pk_nqu(2, xx.as_mut_ptr(), c.as_mut_ptr().cast()) };
        assert_eq!(via_c.to_bits(), direct.to_bits());
        assert_eq!(direct, 2000.0 + 5.0 + 3.0 + 4.0);

        let via_c = unsafe {
            abi_nquad_v(
                kernels::pk_nquv as Fp,
                junk_topped(2),
                xx.as_mut_ptr(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(via_c, 2000.0 - 3.0);
    }

    // ---- ndimage.generic_filter -----------------------------------------------------

    #[test]
    fn generic_filter() {
        let signal = [1.0f64, 2.0, -3.0, 4.5, 0.25, 8.0, -1.0];
        let size = 3usize;
        let mut w = [0.5f64];
        let mut out_c = vec![f64::NAN; signal.len() - size + 1];
        let r = unsafe {
            abi_generic_filter(
                kernels::pk_gf as Fp,
                signal.as_ptr(),
                signal.len() as isize,
                size as isize,
                out_c.as_mut_ptr(),
                vp(w.as_mut_ptr()),
            )
        };
        assert_eq!(r, 1);
        for i in 0..out_c.len() {
            let mut buf = signal[i..i + size].to_vec();
            let mut ret = [f64::NAN];
            let rr = unsafe {
                kernels::pk_gf(
                    buf.as_mut_ptr(),
                    size as _,
                    ret.as_mut_ptr(),
                    w.as_mut_ptr().cast(),
                )
            };
            assert_eq!(rr, 1);
            assert_eq!(out_c[i].to_bits(), ret[0].to_bits(), "window {i}");
            let expect = (signal[i] + 2.0 * signal[i + 1] + 3.0 * signal[i + 2]) * 0.5 + 3000.0;
            assert_eq!(ret[0], expect);
        }

        let mut out64 = vec![f64::NAN; signal.len() - size + 1];
        let r = unsafe {
            abi_generic_filter(
                kernels::pk_gf64 as Fp,
                signal.as_ptr(),
                signal.len() as isize,
                size as isize,
                out64.as_mut_ptr(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 1);
        for i in 0..out64.len() {
            assert_eq!(out64[i], signal[i + 2] - signal[i] + 3000.0);
        }
    }

    #[test]
    fn generic_filter_intptr_width() {
        let mut buf = [0.5f64];
        let mut ret = [0.0f64];
        let big: isize = (1 << 33) + 5;
        let r = unsafe {
            abi_generic_filter_once(
                kernels::pk_gf_width as Fp,
                buf.as_mut_ptr(),
                big,
                ret.as_mut_ptr(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 1);
        assert_eq!(ret[0], big as f64 + 0.5);
    }

    // ---- ndimage.generic_filter1d ---------------------------------------------------

    #[test]
    fn generic_filter1d() {
        let mut line = [1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0];
        let mut w = [0.25f64];
        let (il, ol) = (6isize, 4isize);
        let mut out_c = [f64::NAN; 4];
        let mut out_r = [f64::NAN; 4];
        let r = unsafe {
            abi_generic_filter1d(
                kernels::pk_gf1d as Fp,
                line.as_mut_ptr(),
                il,
                out_c.as_mut_ptr(),
                ol,
                vp(w.as_mut_ptr()),
            )
        };
        let rr = unsafe {
            kernels::pk_gf1d(
                line.as_mut_ptr(),
                il as _,
                out_r.as_mut_ptr(),
                ol as _,
                w.as_mut_ptr().cast(),
            )
        };
        assert_eq!((r, rr), (1, 1));
        for i in 0..4 {
            let s = line[i] + line[i + 1] + line[i + 2];
            assert_eq!(out_c[i], s * 0.25 + 6000.0 + 4_000_000.0, "i = {i}");
            assert_eq!(out_c[i].to_bits(), out_r[i].to_bits());
        }

        let mut out_v = [f64::NAN; 4];
        let r = unsafe {
            abi_generic_filter1d(
                kernels::pk_gf1dv as Fp,
                line.as_mut_ptr(),
                il,
                out_v.as_mut_ptr(),
                ol,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 1);
        for i in 0..4 {
            assert_eq!(out_v[i], line[i + 2] * 2.0 - line[i]);
        }
    }

    #[test]
    fn generic_filter1d_intptr_width() {
        let mut line = [0.0f64; 2];
        let mut out = [0.0f64; 2];
        let (il, ol): (isize, isize) = ((1 << 34) + 3, (1 << 33) + 1);
        let r = unsafe {
            abi_generic_filter1d(
                kernels::pk_gf1d_width as Fp,
                line.as_mut_ptr(),
                il,
                out.as_mut_ptr(),
                ol,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 1);
        assert_eq!(out, [il as f64, ol as f64]);
    }

    // ---- ndimage.geometric_transform ------------------------------------------------

    #[test]
    fn geometric_transform() {
        let mut shift = [0.5f64];
        for rank in [1i32, 2, 3] {
            let mut oc: Vec<isize> = (0..rank as isize).map(|k| 7 - 3 * k).collect();
            let mut ic_c = vec![f64::NAN; rank as usize];
            let mut ic_r = vec![f64::NAN; rank as usize];
            let r = unsafe {
                abi_geometric_transform(
                    kernels::pk_gt as Fp,
                    oc.as_mut_ptr(),
                    ic_c.as_mut_ptr(),
                    junk_topped(rank),
                    junk_topped(rank),
                    vp(shift.as_mut_ptr()),
                )
            };
            let rr = unsafe {
                kernels::pk_gt(
                    oc.as_mut_ptr().cast(),
                    ic_r.as_mut_ptr(),
                    rank as _,
                    rank as _,
                    shift.as_mut_ptr().cast(),
                )
            };
            assert_eq!((r, rr), (1, 1));
            for k in 0..rank as usize {
                let want = oc[k] as f64 * 2.0 - 0.5 + rank as f64 * 110.0;
                assert_eq!(ic_c[k], want, "rank {rank}, k {k}");
                assert_eq!(ic_r[k].to_bits(), want.to_bits());
            }
        }
    }

    #[test]
    fn geometric_transform_seed_int64_ptr() {
        let mut shift = [0.25f64];
        let mut oc: [isize; 3] = [4, -2, 9];
        let mut ic = [f64::NAN; 3];
        let r = unsafe {
            abi_geometric_transform(
                kernels::pk_gt64 as Fp,
                oc.as_mut_ptr(),
                ic.as_mut_ptr(),
                junk_topped(3),
                junk_topped(3),
                vp(shift.as_mut_ptr()),
            )
        };
        assert_eq!(r, 1);
        assert_eq!(ic, [3.75, -2.25, 8.75]);
    }

    #[test]
    fn geometric_transform_int_ranks() {
        let mut oc: [isize; 2] = [0, 0];
        let mut ic = [f64::NAN; 2];
        let r = unsafe {
            abi_geometric_transform(
                kernels::pk_gt_ranks as Fp,
                oc.as_mut_ptr(),
                ic.as_mut_ptr(),
                junk_topped(-3),
                junk_topped(-7),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 1);
        assert_eq!(
            ic,
            [-3.0, -7.0],
            "int arguments read with the wrong width or order"
        );
    }

    // ---- error paths: no unwinding, documented return values --------------------------

    #[test]
    fn int_callback_error_returns_zero() {
        let _ = pykernel::take_last_error();
        let signal = [1.0f64, 2.0, 0.0, -1.0];
        let mut out = [f64::NAN; 4];
        // first window fine, the window starting at 0.0 divides by zero
        let r = unsafe {
            abi_generic_filter(
                kernels::pk_gf_err as Fp,
                signal.as_ptr(),
                4,
                1,
                out.as_mut_ptr(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 0, "an ndimage callback that fails returns 0");
        assert_eq!(&out[..2], &[7.0, 7.0]);
        let err = pykernel::take_last_error();
        assert!(err.is_some(), "take_last_error() after a failing capsule");
        let msg = format!("{:?}", err.unwrap());
        assert!(
            msg.to_lowercase().contains("zero"),
            "error does not mention division by zero: {msg}"
        );
        assert!(
            pykernel::take_last_error().is_none(),
            "take_last_error() clears the error"
        );
    }

    #[test]
    fn double_callback_error_returns_nan() {
        let _ = pykernel::take_last_error();
        let fp = kernels::pk_q_err as Fp;
        let v = unsafe { abi_quad_d(fp, -1.0, 1.0, 4) };
        assert!(v.is_nan(), "quad over a failing integrand: {v}");
        assert_eq!(unsafe { kernels::pk_q_err(0.5) }, 0.5);
        assert!(unsafe { kernels::pk_q_err(-0.5) }.is_nan());
        assert!(pykernel::take_last_error().is_some());
    }

    // ---- C symbols (Config::c_symbols) ------------------------------------------------

    #[test]
    fn c_symbols_with_scipy_prototypes() {
        assert_eq!(
            unsafe { abi_missing_symbols() },
            0,
            "capsule functions not exported as C symbols"
        );
        assert_eq!(unsafe { abi_sym_q1(2.0) }, 6.125);
        let mut ud = [2.5f64, -0.75];
        assert_eq!(unsafe { abi_sym_q2(2.0, vp(ud.as_mut_ptr())) }, 4.25);
        let mut xx = [0.5f64, 3.0];
        let mut c = [8.0f64];
        assert_eq!(
            unsafe { abi_sym_nqu(junk_topped(2), xx.as_mut_ptr(), vp(c.as_mut_ptr())) },
            2012.0
        );
        let mut buf = [1.0f64, 2.0, 3.0];
        let mut ret = [0.0f64];
        let mut w = [1.0f64];
        assert_eq!(
            unsafe { abi_sym_gf(buf.as_mut_ptr(), 3, ret.as_mut_ptr(), vp(w.as_mut_ptr())) },
            1
        );
        assert_eq!(ret[0], 14.0 + 3000.0);
        let mut line = [1.0f64, 2.0, 3.0];
        let mut out = [0.0f64; 1];
        assert_eq!(
            unsafe {
                abi_sym_gf1d(
                    line.as_mut_ptr(),
                    3,
                    out.as_mut_ptr(),
                    1,
                    vp(w.as_mut_ptr()),
                )
            },
            1
        );
        assert_eq!(out[0], 6.0 + 3000.0 + 1_000_000.0);
        let mut oc: [isize; 2] = [1, 2];
        let mut ic = [0.0f64; 2];
        let mut s = [0.5f64];
        assert_eq!(
            unsafe {
                abi_sym_gt(
                    oc.as_mut_ptr(),
                    ic.as_mut_ptr(),
                    junk_topped(2),
                    junk_topped(2),
                    vp(s.as_mut_ptr()),
                )
            },
            1
        );
        assert_eq!(ic, [1.5 + 220.0, 3.5 + 220.0]);
    }
}
