# Python names that are Rust keywords or prelude names must still work.

#pykernel export loop(int)
def loop(fn):
    ref = 0
    for mut in range(fn):
        ref += mut
    return ref
# case: loop(5)


#pykernel export impl(int, int)
def impl(match, type):
    struct = match * type
    enum = struct - 1
    Ok = enum + 1
    return Ok + match
# case: impl(3, 4)


#pykernel export unsafe(float)
def unsafe(move):
    dyn = move * 2.0
    where = dyn + 1.0
    Some = where * 0.5
    return Some
# case: unsafe(2.5)


#pykernel export trait(int)
def trait(mod):
    crate = mod % 7
    super = crate + 1
    pub = super * 2
    return pub
# case: trait(-20)


#pykernel export fn_calls(int)
def fn_calls(let):
    return loop(let) + impl(let, 2)
# case: fn_calls(4)


#pykernel export prelude_names(float)
def prelude_names(self):
    Self = self * 2.0
    Err = Self + 1.0
    Box = Err * 2.0
    Vec = Box - 1.0
    i64 = Vec + 0.5
    f64 = i64 * 2.0
    usize = f64 - 1.0
    return usize
# case: prelude_names(1.5)


#pykernel export path_names(int)
def path_names(std):
    core = std + 1
    pykernel = core * 2
    pyo3 = pykernel + 3
    numpy = pyo3 * 2
    ndarray = numpy - 1
    __pk_loop1 = ndarray + 1
    _x = __pk_loop1 * 2
    return _x
# case: path_names(2)
