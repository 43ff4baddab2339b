"""Generator expressions consumed lazily: any/all stop at the deciding item (later items
are never computed, so their errors never happen), sum/min/max with no list; list
comprehensions are computed whole first."""


#pykernel export lazy_any(int)
def lazy_any(n):
    return (any(10 // (k - 3) > 100 for k in range(n) if k != 3),
            any(k == 2 or 10 // (k - 3) > 0 for k in range(n)),
            all(k < 2 or 1 // (k - 3) < 5 for k in range(n)))
# case: lazy_any(10)
# case: lazy_any(3)
# case: lazy_any(0)


#pykernel export eager_any(int)
def eager_any(n):
    return any([k == 2 or 10 // (k - 3) > 0 for k in range(n)])
# case: eager_any(10)
# case: eager_any(3)


#pykernel export primes_below(int)
def primes_below(x):
    return [[j - 6, j] for j in range(9, x + 1) if is_prime(j) and is_prime(j - 6)]


def is_prime(n):
    return all((n % j > 0) for j in range(2, n))
# case: primes_below(100)


#pykernel export folds(int)
def folds(n):
    return (sum(k * k for k in range(n) if k % 3), min(k % 7 for k in range(1, n)),
            max(abs(k - n // 2) for k in range(n)), sum(x * y for x in range(n) for y in range(x)))
# case: folds(20)
# case: folds(2)
