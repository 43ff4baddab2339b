# A capsule that returns nothing: a C `void` function.

#pykernel export capsule fill_ramp(float64*, int64, float64)
def fill_ramp(p, n, step):
    for i in range(n):
        p[i] = i * step
# case: fill_ramp([9.0, 9.0, 9.0, 9.0], 4, 0.25)
