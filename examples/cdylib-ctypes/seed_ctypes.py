"""The seed's FIRST listing, with the shared library built by cargo from Python.

The seed compiles testlib.c with `gcc -shared -fPIC -o testlib.so testlib.c -O2`
and loads it with ctypes. Here the library is this crate's cdylib, whose `f` comes
from `kernels/testlib.py` (`#pythran export capsule f(int32, float64*, float64*)`),
exported as a C symbol by `pykernel_build::Config::new().c_symbols(true)`.

    cargo build --release            # in examples/cdylib-ctypes
    python seed_ctypes.py [path/to/libtestlib_ctypes.so]

Without an argument the library is looked up in $CARGO_TARGET_DIR/release,
<repo>/target/examples/release and ./target/release.
"""

import os
import sys


def find_library():
    if len(sys.argv) > 1:
        return sys.argv[1]
    name = "libtestlib_ctypes.so"
    if sys.platform == "darwin":
        name = "libtestlib_ctypes.dylib"
    elif sys.platform == "win32":
        name = "testlib_ctypes.dll"
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = [os.path.join(os.environ["CARGO_TARGET_DIR"], "release")] if "CARGO_TARGET_DIR" in os.environ else []
    dirs += [os.path.join(here, "..", "..", "target", "examples", "release"),
             os.path.join(here, "target", "release")]
    for d in dirs:
        if os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    sys.exit(f"{name} not found in {dirs}; build it with `cargo build --release` or pass its path")


path = find_library()

# ---- the seed's first listing, unchanged but for the library's path ----
import os, ctypes
from scipy import integrate, LowLevelCallable

lib = ctypes.CDLL(os.path.abspath(path))
lib.f.restype = ctypes.c_double
lib.f.argtypes = (ctypes.c_int, ctypes.POINTER(ctypes.c_double), ctypes.c_void_p)

c = ctypes.c_double(1.0)
user_data = ctypes.cast(ctypes.pointer(c), ctypes.c_void_p)

func = LowLevelCallable(lib.f, user_data)

dat = [[0, 10], [-10, 0], [-1, 1]]
result = integrate.nquad(func, dat)
# ---- end of the seed's listing ----

expected = integrate.nquad(lambda x, y, z: c.value + x - y * z, dat)
print(f"library          : {os.path.abspath(path)}")
print(f"LowLevelCallable : {func!r}")
print(f"nquad (ctypes f) : {result}")
print(f"nquad (Python)   : {expected}")
ok = abs(result[0] - expected[0]) <= 1e-12 * abs(expected[0])

# The second example through ctypes as well: geometric_transform with `transform`.
import numpy as np
from scipy import ndimage

shift = ctypes.c_double(0.5)
ptr = ctypes.cast(ctypes.pointer(shift), ctypes.c_void_p)
im = np.arange(12).reshape(4, 3).astype(np.float64)
expected_im = ndimage.geometric_transform(im, lambda out: tuple(o - shift.value for o in out))
for name in ("transform", "transform_basic"):
    fn = getattr(lib, name)
    fn.restype = ctypes.c_int
    fn.argtypes = (ctypes.POINTER(ctypes.c_ssize_t), ctypes.POINTER(ctypes.c_double),
                   ctypes.c_int, ctypes.c_int, ctypes.c_void_p)
    out = ndimage.geometric_transform(im, LowLevelCallable(fn, ptr))
    same = np.allclose(out, expected_im, rtol=1e-12, atol=1e-12)
    print(f"geometric_transform (ctypes {name}) == Python mapping: {same}")
    ok = ok and same

print("OK" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
