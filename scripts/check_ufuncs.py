#!/usr/bin/env python3
"""Accuracy check of pykernel's NumPy ufunc loops against NumPy itself.

Runs every loop of `pykernel::__private::ufunc` (through the `tests/ufunc-check` wheel,
`pykernel_ufunc_check`) and the same NumPy ufunc over a large input set: special values
(+-0, +-inf, NaN, subnormals, the largest and smallest normals, +-1, halves, multiples
of pi/2, the edges of exp's range), random values over every magnitude, values near the
branch cuts and poles, integer extremes and shift counts at and past the width, and
every pair of special values for binary loops. NumPy gets contiguous arrays (its SIMD /
SVML paths where it has them).

Prints one row per (ufunc, dtype): for the transcendental functions the largest
difference in ULP (units in the last place of the output; 0 is "exact"), for every
other loop "exact" or the number of mismatches. NaN equals NaN (any sign or payload);
every other value must match bit for bit, signed zeros included. Exits 1 when a
non-transcendental loop differs or a transcendental one is more than 4 ULP off.

    scripts/install-wheel.sh tests/ufunc-check      # once, after a runtime change
    .venv/bin/python scripts/check_ufuncs.py         # the full run
    .venv/bin/python scripts/check_ufuncs.py --fast  # a smaller input set (pytest's)
    .venv/bin/python scripts/check_ufuncs.py -v sin  # the worst inputs of matching loops
"""

import argparse
import math
import sys
import warnings

import numpy as np

# The functions whose results may differ in the last bits from NumPy's (SPEC 9).
TRANSCENDENTAL = {
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
    "arcsin", "arccos", "arctan", "arctan2", "sinh", "cosh", "tanh", "arcsinh",
    "arccosh", "arctanh", "hypot", "power", "power_varying", "angle", "angle_deg",
}
# The medium-range sin/cos of `ufunc::vmath` are checked on their range only.
MEDIUM_LIMIT = 823549.6645826427
MAX_ULP = 4

FLOAT_BITS = {"float32": (np.float32, np.uint32, 32), "float64": (np.float64, np.uint64, 64)}
COMPLEX_PART = {"complex64": "float32", "complex128": "float64"}


def float_specials(dtype):
    f = np.finfo(dtype)
    tiny = float(f.smallest_subnormal)
    vals = [
        0.0, -0.0, math.inf, -math.inf, math.nan, tiny, -tiny, tiny * 3, float(f.tiny),
        -float(f.tiny), float(f.max), -float(f.max), 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1.5,
        -1.5, 2.5, -2.5, 3.5, 0.25, 3.0, -3.0, 10.0, -10.0, 100.0, 1e-5, 1e5, 1e10, -1e10,
        1e22, 1e-30, 1e30, math.pi, -math.pi, math.pi / 2, -math.pi / 2, math.pi / 4,
        3 * math.pi / 2, 1e6 * math.pi, 0.7, -0.7, 0.9999999, 1.0000001, 88.7, -87.3,
        -103.9, 89.0, 709.7, 709.8, -708.4, -745.1, 710.0, 2.0**23, 2.0**24 + 1, 2.0**52,
        2.0**53, 4503599627370495.5, 8388607.5, 0.49999997, 0.49999999999999994,
    ]
    vals += [float(np.nextafter(dtype(1), dtype(2))), float(np.nextafter(dtype(1), dtype(0))),
             float(np.nextafter(dtype(-1), dtype(-2))), float(np.nextafter(dtype(-1), dtype(0)))]
    with np.errstate(all="ignore"):
        return np.unique(np.array(vals, dtype=dtype))  # NaN kept once


def float_random(dtype, n, rng):
    f = np.finfo(dtype)
    emax = math.log10(float(f.max))
    emin = math.log10(float(f.smallest_subnormal))
    k = n // 8
    parts = [
        rng.choice([-1, 1], k) * 10 ** rng.uniform(emin, emax, k),  # every magnitude
        rng.choice([-1, 1], k) * 10 ** rng.uniform(-8, 8, k),
        rng.uniform(-10, 10, k),
        rng.uniform(-1, 1, k),
        rng.uniform(-1e4, 1e4, k),  # trig arguments beyond the fast range
        np.round(rng.uniform(-200, 200, k)) / 2,  # halves: ties for rint and round
        1 + rng.choice([-1, 1], k) * 10 ** rng.uniform(-8 if dtype == np.float32 else -16, -1, k),
        rng.uniform(-750, 750, k),  # exp's range and past it
    ]
    with np.errstate(all="ignore"):
        return np.concatenate(parts).astype(dtype)


def floats(dtype, n, rng):
    return np.concatenate([float_specials(dtype), float_random(dtype, n, rng)])


def int_values(dtype, n, rng):
    info = np.iinfo(dtype)
    bits = info.bits
    specials = [0, 1, 2, 3, 7, 10, 100, bits - 1, bits, bits + 1, info.max, info.max - 1,
                info.min, info.min + 1, 2 * bits]
    if info.min < 0:
        specials += [-1, -2, -3, -7, -10, -100, -bits]
    specials = np.array(sorted({s for s in specials if info.min <= s <= info.max}), dtype=dtype)
    k = n // 2
    wide = rng.integers(info.min, info.max, k, dtype=dtype, endpoint=True)
    small = rng.integers(max(info.min, -12), 13, k).astype(dtype)
    return specials, np.concatenate([specials, wide, small])


def complex_values(dtype, n, rng):
    part = COMPLEX_PART[dtype]
    sp = float_specials(np.dtype(part).type)
    # A subset of the float specials in every combination.
    keep = sp[np.isin(sp, sp[:: max(1, len(sp) // 24)]) | ~np.isfinite(sp) | (sp == 0)]
    re, im = np.meshgrid(keep, keep)
    rnd = float_random(np.dtype(part).type, n, rng)
    rnd2 = float_random(np.dtype(part).type, n, rng)
    rng.shuffle(rnd2)
    out = np.empty(re.size + len(rnd), dtype=dtype)
    out.real = np.concatenate([re.ravel(), rnd])
    out.imag = np.concatenate([im.ravel(), rnd2])
    return out


def values(dtype, n, rng):
    """(special values, all values) of a dtype."""
    if dtype == "bool":
        v = np.array([False, True])
        return v, v
    if dtype in FLOAT_BITS:
        return float_specials(np.dtype(dtype).type), floats(np.dtype(dtype).type, n, rng)
    if dtype in COMPLEX_PART:
        v = complex_values(dtype, n, rng)
        return v[:: max(1, len(v) // 40)], v
    return int_values(np.dtype(dtype).type, n, rng)


def pairs(d1, d2, n, rng):
    s1, v1 = values(d1, n, rng)
    s2, v2 = values(d2, n, rng)
    a, b = np.meshgrid(s1, s2)
    a, b = a.ravel(), b.ravel()
    ra = rng.choice(v1, n)
    rb = rng.choice(v2, n)
    return np.concatenate([a, ra]).astype(d1), np.concatenate([b, rb]).astype(d2)


def ordered(x):
    """Floats as integers in their order (-0.0 just below +0.0): the ULP distance of two
    floats is the difference of these."""
    bits = 32 if x.dtype == np.float32 else 64
    i = x.view(np.int32 if bits == 32 else np.int64).astype(object)
    top = 1 << (bits - 1)
    return np.array([-(v + top) - 1 if v < 0 else v for v in i], dtype=object)


def ulp_diff(a, b):
    """Per element: ULP distance (0 for two NaNs), inf when only one is NaN."""
    if a.dtype.kind == "c":
        return np.maximum(ulp_diff(a.real.copy(), b.real.copy()),
                          ulp_diff(a.imag.copy(), b.imag.copy()))
    nan_a, nan_b = np.isnan(a), np.isnan(b)
    d = np.zeros(len(a))
    differ = ~(nan_a | nan_b) & (a.view(np.uint8).reshape(len(a), -1)
                                  != b.view(np.uint8).reshape(len(b), -1)).any(axis=1)
    if differ.any():
        d[differ] = np.abs(ordered(a[differ]) - ordered(b[differ])).astype(np.float64)
    d[nan_a != nan_b] = np.inf
    return d


def same(a, b):
    """Per element: equal bit for bit (any NaN equals any NaN)."""
    if a.dtype.kind == "c":
        return same(a.real.copy(), b.real.copy()) & same(a.imag.copy(), b.imag.copy())
    if a.dtype.kind == "f":
        u = FLOAT_BITS[a.dtype.name][1]
        return (a.view(u) == b.view(u)) | (np.isnan(a) & np.isnan(b))
    return a == b


def run_ours(mod, name, arrays, out):
    raw = mod.apply(name, [np.ascontiguousarray(a).tobytes() for a in arrays], len(arrays[0]))
    return np.frombuffer(raw, dtype=out)


def numpy_call(ufunc, arrays, name):
    """NumPy's result for the loop `name`'s inputs (contiguous arrays)."""
    if ufunc == "round":
        x, d = arrays
        out = np.empty_like(x)
        for dec in np.unique(d):
            m = d == dec
            out[m] = np.round(x[m], int(dec))
        return out
    if ufunc == "power":
        # Scalar exponents: NumPy's loop for a constant exponent (its shortcuts).
        x, y = arrays
        out = np.empty(len(x), dtype=np.result_type(x, y))
        uniq, inv = np.unique(y, return_inverse=True) if x.dtype.kind != "c" else (None, None)
        if uniq is not None and len(uniq) < 64:
            for i, e in enumerate(uniq):
                m = inv == i
                out[m] = np.power(x[m], e)
            if np.isnan(y).any():
                m = np.isnan(y)
                out[m] = np.power(x[m], y[m][0])
            return out
        return np.power(x, y)
    if ufunc == "power_varying":
        return np.power(*arrays)
    if ufunc == "angle":
        return np.angle(arrays[0])
    if ufunc == "angle_deg":
        return np.angle(arrays[0], deg=True)
    if ufunc in ("real", "imag"):
        return np.ascontiguousarray(getattr(np, ufunc)(arrays[0]))
    return getattr(np, ufunc)(*arrays)


def inputs_for(name, ins, n, rng):
    ufunc = ufunc_of(name)
    if ufunc == "round":
        x = values(ins[0], n, rng)[1]
        decs = np.array([-400, -30, -20, -3, -2, -1, 0, 1, 2, 3, 5, 10, 20, 25, 30, 400])
        if ins[0] == "uint32":
            # NaN (from 0 * inf) cast to uint32: NumPy's vector and scalar casts differ.
            decs = decs[decs > -300]
        d = np.tile(decs, len(x) // len(decs) + 1)[: len(x)]
        rng.shuffle(d)
        return [x, d.astype(np.int64)]
    if ufunc == "power" and ins[0] in ("float32", "float64"):
        # A few exponents, shortcuts included, each a NumPy scalar call.
        x = values(ins[0], n, rng)[1]
        es = np.array([-1, 0, 0.5, 1, 2, 3, -2, 0.25, 1.5, -0.5, 7, math.nan, math.inf,
                       -math.inf, 1e10, -3.3], dtype=ins[0])
        y = np.tile(es, len(x) // len(es) + 1)[: len(x)]
        return [x, y]
    if name.startswith("vmath::"):
        x = values(ins[0], n, rng)[1]
        return [x[~(np.abs(x) >= MEDIUM_LIMIT)]]
    if len(ins) == 1:
        return [values(ins[0], n, rng)[1]]
    a, b = pairs(ins[0], ins[1], n, rng)
    if ufunc == "power" and np.dtype(ins[1]).kind == "i":
        b = np.where(b < 0, -(b + 1), b)  # negative exponents raise: checked separately
        b = np.where(np.abs(b) > 200, b % 67, b).astype(ins[1])
    return [a, b]


# The vectorizable functions of `ufunc::vmath`, by the ufunc they compute.
VMATH = {"sin_medium": "sin", "cos_medium": "cos"}


def ufunc_of(name):
    mod, f = name.split("::")
    if mod == "vmath":
        return VMATH[f]
    return f[: -len("_libm")] if f.endswith("_libm") else f


def check_loop(mod, name, ins, out_dtype, n, rng):
    arrays = inputs_for(name, ins, n, rng)
    ufunc = ufunc_of(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            want = numpy_call(ufunc, arrays, name)
    want = np.asarray(want)
    if want.dtype.name != out_dtype:
        return {"error": f"NumPy's result is {want.dtype}, the loop's {out_dtype}"}
    got = run_ours(mod, name, arrays, out_dtype)
    if ufunc == "angle_deg":
        # Where the angle in radians is subnormal, NumPy's SVML and the C library round
        # it on the subnormal grid, and the multiplication by 180/pi turns one step of
        # that grid into dozens of ULP of the normal result: not a difference of the
        # functions, left out.
        with np.errstate(all="ignore"):
            rad = np.abs(np.angle(arrays[0]))
        keep = ~((rad > 0) & (rad < np.finfo(want.dtype).tiny))
        got, want, arrays = got[keep], want[keep], [a[keep] for a in arrays]
    res = {"n": len(got)}
    ok = same(got, want)
    res["mismatch"] = int((~ok).sum())
    if ufunc in TRANSCENDENTAL and want.dtype.kind in "fc":
        d = ulp_diff(got, want)
        res["max_ulp"] = float(d.max()) if len(d) else 0.0
        worst = np.argsort(-d)[:5]
    else:
        worst = np.flatnonzero(~ok)[:5]
    res["worst"] = [(tuple(a[i] for a in arrays), got[i], want[i]) for i in worst if not ok[i]]
    return res


def check_errors(mod):
    """Integer power of a negative exponent raises NumPy's ValueError, as NumPy."""
    problems = []
    for d in ["int8", "int16", "int32", "int64"]:
        a = np.array([2, 3], dtype=d)
        b = np.array([1, -1], dtype=d)
        try:
            np.power(a, b)
            problems.append(f"{d}: NumPy did not raise")
        except ValueError as e:
            want = str(e)
        try:
            run_ours(mod, f"{MODULE[d]}::power", [a, b], d)
            problems.append(f"{d}::power did not raise")
        except ValueError as e:
            if str(e) != f"ValueError: {want}":
                problems.append(f"{d}::power raised {e}, NumPy {want}")
    return problems


MODULE = {"bool": "bool", "int8": "i8", "int16": "i16", "int32": "i32", "int64": "i64",
          "uint8": "u8", "uint16": "u16", "uint32": "u32", "uint64": "u64",
          "float32": "f32", "float64": "f64", "complex64": "c64", "complex128": "c128"}


def run(n=20000, only=None, seed=1234):
    """Checks every loop (or those whose name contains `only`); a list of result rows."""
    import pykernel_ufunc_check as mod

    rng = np.random.default_rng(seed)
    rows = []
    for name, ins, out in mod.loops():
        if only and only not in name:
            continue
        r = check_loop(mod, name, ins, out, n, rng)
        r["name"] = name
        r["ufunc"] = name.split("::")[1] if not name.startswith("vmath::") else name
        if r["ufunc"].endswith("_libm"):
            r["ufunc"] = r["ufunc"][: -len("_libm")] + " (libm)"
        r["ins"] = ins
        rows.append(r)
    return rows


def failures(rows):
    bad = []
    for r in rows:
        if "error" in r:
            bad.append(f"{r['name']}: {r['error']}")
        elif "max_ulp" in r:
            if r["max_ulp"] > MAX_ULP:
                bad.append(f"{r['name']}: {r['max_ulp']:g} ULP")
        elif r["mismatch"]:
            bad.append(f"{r['name']}: {r['mismatch']} mismatches of {r['n']}")
    return bad


def status(r):
    if "error" in r:
        return r["error"]
    if "max_ulp" in r:
        u = r["max_ulp"]
        return "exact" if u == 0 else ("non-finite mismatch" if math.isinf(u) else f"{u:g} ULP")
    return "exact" if r["mismatch"] == 0 else f"{r['mismatch']} mismatches"


def table(rows):
    """One line per ufunc: its status per input dtype."""
    by_ufunc = {}
    for r in rows:
        by_ufunc.setdefault(r["ufunc"], []).append(r)
    lines = []
    for u in sorted(by_ufunc):
        rs = by_ufunc[u]
        groups = {}
        for r in rs:
            groups.setdefault(status(r), []).append(MODULE.get(r["ins"][0], r["ins"][0])
                                                     if len(set(r["ins"])) == 1 or u == "round"
                                                     else "_".join(MODULE[i] for i in r["ins"]))
        cells = "; ".join(f"{s}: {' '.join(ts)}" for s, ts in sorted(groups.items()))
        lines.append(f"| {u} | {cells} |")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("only", nargs="?", help="only loops whose name contains this")
    ap.add_argument("--fast", action="store_true", help="2,000 random values per dtype")
    ap.add_argument("-n", type=int, default=200000, help="random values per dtype")
    ap.add_argument("-v", action="store_true", help="show the worst inputs")
    ap.add_argument("--seed", type=int, default=1234, help="of the random inputs")
    args = ap.parse_args()
    n = 2000 if args.fast else args.n
    rows = run(n, args.only, args.seed)
    print(f"NumPy {np.__version__}; {sum(r.get('n', 0) for r in rows):,} values over "
          f"{len(rows)} loops\n")
    print("| ufunc | result per loop (input dtypes) |")
    print("|---|---|")
    for line in table(rows):
        print(line)
    if args.v:
        for r in rows:
            if r.get("worst"):
                print(f"\n{r['name']} ({status(r)}):")
                for inp, g, w in r["worst"]:
                    print(f"  {inp!r}: ours {g!r}, NumPy {w!r}")
    import pykernel_ufunc_check as mod

    bad = failures(rows) + check_errors(mod)
    if bad:
        print(f"\n{len(bad)} problems:")
        for b in bad:
            print("  " + b)
        sys.exit(1)
    print("\nall loops agree with NumPy (exact, or transcendental within "
          f"{MAX_ULP} ULP)")


if __name__ == "__main__":
    main()
