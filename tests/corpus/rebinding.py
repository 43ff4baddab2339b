"""A name that holds values of different types one after the other (webs: each run of
assignments and the reads they reach is its own variable)."""
import numpy as np


#pythran export as_bytes(float64[:,:], float)
def as_bytes(img, sigma):
    g = np.exp(-((img - 128) ** 2) / sigma)
    g = (np.round(g, 2) * 255).astype(np.uint8)
    return g
# case: as_bytes(np.arange(12.0).reshape(3, 4) * 20, 5000.0)
# case: as_bytes(np.zeros((0, 3)), 1.0)


#pythran export flatten_rows(float32[::,::,::])
def flatten_rows(a):
    s = a[0] * 2
    s = a.reshape((a.shape[0] * a.shape[1], a.shape[2]))
    s = s + 1
    return s
# case: flatten_rows(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
# case: flatten_rows(np.arange(24, dtype=np.float32).reshape(4, 3, 2)[::-1])


#pythran export param_retyped(int, float[:])
def param_retyped(n, x):
    n = float(n) / 2
    x = x.sum() + n
    return x
# case: param_retyped(3, np.arange(4.0))
# case: param_retyped(-7, np.arange(0.0))


#pythran export list_then_count(int)
def list_then_count(n):
    acc = [i * i for i in range(n)]
    t = 0
    for v in acc:
        t += v
    acc = len(acc)
    return acc, t
# case: list_then_count(5)
# case: list_then_count(0)


#pythran export loop_var_reused(int)
def loop_var_reused(n):
    s = 0
    for i in range(n):
        s += i
    i = 0.5 * s
    return i
# case: loop_var_reused(4)
# case: loop_var_reused(0)


#pythran export carried_through_loop(int)
def carried_through_loop(n):
    x = 1
    for k in range(n):
        x = x * 3 + k
    y = x
    x = [x, y]
    return x
# case: carried_through_loop(6)
# case: carried_through_loop(0)


#pythran export branch_then_retype(int)
def branch_then_retype(n):
    if n > 2:
        r = n * 2
    else:
        r = -n
    out = r + 1
    r = n > 100
    r = (out, 1.5)
    return r
# case: branch_then_retype(5)
# case: branch_then_retype(1)


#pythran export maybe_unassigned_then_retyped(int)
def maybe_unassigned_then_retyped(n):
    if n > 0:
        y = n + 1
    z = y
    y = 2.5
    return z + y
# case: maybe_unassigned_then_retyped(3)
# case: maybe_unassigned_then_retyped(0)


#pythran export closure_sees_each_binding(int)
def closure_sees_each_binding(n):
    def get():
        return x * 2

    x = n
    a = get()
    x = n + 0.25
    b = get()
    return a, b
# case: closure_sees_each_binding(3)


#pythran export inplace_then_rebound(float64[:])
def inplace_then_rebound(a):
    b = a
    b += 1.0
    b = np.zeros(3, dtype=np.int64)
    b[0] = 7
    return a, b
# case: inplace_then_rebound(np.arange(4.0))


#pythran export while_counter_then_float(int)
def while_counter_then_float(n):
    k = 0
    while k < n:
        k += 2
        if k == 6:
            continue
    k = k / 4
    return k
# case: while_counter_then_float(9)
# case: while_counter_then_float(0)
