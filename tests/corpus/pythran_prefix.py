# Unchanged Pythran kernels: `#pythran export` comments.
import math

#pythran export norm2(float, float)
def norm2(x, y):
    return math.sqrt(x * x + y * y)
# case: norm2(3.0, 4.0)


#pythran export harmonic(int)
def harmonic(n):
    s = 0.
    for i in range(1, n + 1):
        s += 1. / i
    return s
# case: harmonic(1)
# case: harmonic(100)


#pythran export arc_length(float, float, int)
def arc_length(a, b, n):
    # length of sin on [a, b] by a polyline of n segments
    h = (b - a) / n
    total = 0.
    x0 = a
    y0 = math.sin(a)
    for k in range(1, n + 1):
        x1 = a + k * h
        y1 = math.sin(x1)
        total += math.sqrt((x1 - x0) ** 2 + (y1 - y0) ** 2)
        x0 = x1
        y0 = y1
    return total
# case: arc_length(0.0, 3.141592653589793, 100)
