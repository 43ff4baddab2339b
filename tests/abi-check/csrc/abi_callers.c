/* abi_callers.c -- C callers with SciPy's exact callback types.
 *
 * Each abi_* function receives a generated Rust capsule function as a `void *` (as
 * SciPy receives it from the capsule), casts it to SciPy's function-pointer type and
 * calls it the way SciPy does. The abi_sym_* functions call the Rust functions by
 * their C symbol (pykernel_build::Config::c_symbols) through prototypes spelled like
 * SciPy's; weak references, so a missing symbol is a test failure, not a link error.
 */
#include <stddef.h>
#include <stdint.h>

typedef double (*quad_d_t)(double);
typedef double (*quad_dv_t)(double, void *);
typedef double (*nquad_t)(int, double *);
typedef double (*nquad_v_t)(int, double *, void *);
typedef int (*gf_t)(double *, intptr_t, double *, void *);
typedef int (*gf1d_t)(double *, intptr_t, double *, intptr_t, void *);
typedef int (*gt_t)(intptr_t *, double *, int, int, void *);

/* ---- integrate.quad: midpoint rule, the callback called n times ---------------- */
double abi_quad_d(void *fp, double a, double b, int n) {
    quad_d_t f = (quad_d_t)fp;
    double h = (b - a) / n, s = 0.0;
    for (int i = 0; i < n; i++) s += f(a + (i + 0.5) * h);
    return s * h;
}

double abi_quad_dv(void *fp, double a, double b, int n, void *user_data) {
    quad_dv_t f = (quad_dv_t)fp;
    double h = (b - a) / n, s = 0.0;
    for (int i = 0; i < n; i++) s += f(a + (i + 0.5) * h, user_data);
    return s * h;
}

/* ---- nquad: `n` arrives as the low half of a 64-bit value whose high half is junk,
 * as the C ABI allows; a callee that reads 64 bits for an `int` sees the junk. ---- */
double abi_nquad(void *fp, int64_t n_wide, double *xx) {
    nquad_t f = (nquad_t)fp;
    return f((int)n_wide, xx);
}

double abi_nquad_v(void *fp, int64_t n_wide, double *xx, void *user_data) {
    nquad_v_t f = (nquad_v_t)fp;
    return f((int)n_wide, xx, user_data);
}

/* ---- ndimage.generic_filter on a 1-D signal: "valid" windows of `size` --------- */
int abi_generic_filter(void *fp, const double *in, intptr_t n, intptr_t size,
                       double *out, void *user_data) {
    gf_t f = (gf_t)fp;
    double buffer[64];
    if (size > 64) return -1;
    for (intptr_t i = 0; i + size <= n; i++) {
        for (intptr_t k = 0; k < size; k++) buffer[k] = in[i + k];
        if (!f(buffer, size, &out[i], user_data)) return 0;
    }
    return 1;
}

/* one call with an arbitrary filter_size (the width probes) */
int abi_generic_filter_once(void *fp, double *buffer, intptr_t filter_size, double *ret,
                            void *user_data) {
    return ((gf_t)fp)(buffer, filter_size, ret, user_data);
}

/* ---- ndimage.generic_filter1d ---------------------------------------------------- */
int abi_generic_filter1d(void *fp, double *line, intptr_t input_length, double *out,
                         intptr_t output_length, void *user_data) {
    return ((gf1d_t)fp)(line, input_length, out, output_length, user_data);
}

/* ---- ndimage.geometric_transform: ranks as junk-topped 64-bit values -------------- */
int abi_geometric_transform(void *fp, intptr_t *out_coords, double *in_coords,
                            int64_t out_rank_wide, int64_t in_rank_wide, void *user_data) {
    return ((gt_t)fp)(out_coords, in_coords, (int)out_rank_wide, (int)in_rank_wide, user_data);
}

/* ---- C symbols --------------------------------------------------------------------- */
extern double pk_q1(double) __attribute__((weak));
extern double pk_q2(double, void *) __attribute__((weak));
extern double pk_nqu(int, double *, void *) __attribute__((weak));
extern int pk_gf(double *, intptr_t, double *, void *) __attribute__((weak));
extern int pk_gf1d(double *, intptr_t, double *, intptr_t, void *) __attribute__((weak));
extern int pk_gt(intptr_t *, double *, int, int, void *) __attribute__((weak));

/* Returns how many of the symbols are missing. */
int abi_missing_symbols(void) {
    return !pk_q1 + !pk_q2 + !pk_nqu + !pk_gf + !pk_gf1d + !pk_gt;
}

double abi_sym_q1(double x) { return pk_q1 ? pk_q1(x) : -1.0; }
double abi_sym_q2(double x, void *ud) { return pk_q2 ? pk_q2(x, ud) : -1.0; }
double abi_sym_nqu(int64_t n_wide, double *xx, void *ud) {
    return pk_nqu ? pk_nqu((int)n_wide, xx, ud) : -1.0;
}
int abi_sym_gf(double *b, intptr_t n, double *r, void *ud) { return pk_gf ? pk_gf(b, n, r, ud) : -1; }
int abi_sym_gf1d(double *in, intptr_t il, double *out, intptr_t ol, void *ud) {
    return pk_gf1d ? pk_gf1d(in, il, out, ol, ud) : -1;
}
int abi_sym_gt(intptr_t *oc, double *ic, int64_t orank_wide, int64_t irank_wide, void *ud) {
    return pk_gt ? pk_gt(oc, ic, (int)orank_wide, (int)irank_wide, ud) : -1;
}
