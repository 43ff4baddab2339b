# Parameter and variable names that the generated glue code (pyo3 wrappers, capsule
# shims) could also use for its own variables.

#pykernel export glue_names(int, int, int, int, int)
def glue_names(py, m, args, kwargs, result):
    # names the generated pyo3 glue might use for its own variables
    ret = py + m * 10 + args * 100 + kwargs * 1000 + result * 10000
    out = ret - 1
    err = out + 1
    return err
# case: glue_names(1, 2, 3, 4, 5)


#pykernel export capsule cap_glue_names(float64*, int64, float64*)
def cap_glue_names(py, m, result):
    out = 0.0
    for i in range(m):
        out += py[i]
    result[0] = out
    return out
# case: cap_glue_names([1.0, 2.5], 2, [0.0])
