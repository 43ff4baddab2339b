/* testlib.c -- the C reference callbacks of the seed, compiled with -O2.
 *
 * f: the integrand of SciPy's "Faster integration using low-level callback
 * functions" tutorial. c_transform: the geometric_transform callback of SciPy's
 * ndimage tutorial (the seed's `_transform`, renamed and made non-static so Rust
 * can link to it and wrap it in a PyCapsule).
 */
#include <stdint.h>

double f(int n, double *x, void *user_data) {
    double c = *(double *)user_data;
    return c + x[0] - x[1] * x[2]; /* corresponds to c + x - y * z */
}

int c_transform(intptr_t *output_coordinates, double *input_coordinates,
                int output_rank, int input_rank, void *user_data) {
    intptr_t i;
    double shift = *(double *)user_data;

    for (i = 0; i < input_rank; i++) {
        input_coordinates[i] = output_coordinates[i] - shift;
    }
    return 1;
}
