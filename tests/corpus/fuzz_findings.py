# Kernels the translator fuzzer (scripts/fuzz-translator.sh) found mishandled, checked
# against CPython. pykernel-build/tests/fuzz_findings.rs has the other findings.


# Seed 7, input 356247: `list()` without an argument panicked the translator.
#pykernel export empty_lists(int)
def empty_lists(n):
    a = list()
    for i in range(n):
        a.append(i * 2)
    b = list()
    return a, len(b), len(list()) + sum(list())
# case: empty_lists(0)
# case: empty_lists(3)


# Found with the one above: `sum([])`, `any([])`, `all([])` (items of no type) did not
# compile.
#pykernel export empty_sums(int)
def empty_sums(n):
    return sum([]) + n, sum([], 2.5), sum(list()) + len([]), any([]), all(list())
# case: empty_sums(4)
