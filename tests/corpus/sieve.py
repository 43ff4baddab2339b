# List-based number theory: the sieve of Eratosthenes (count and list of primes),
# twin primes from the sieve, Euler's totient sieve.


#pykernel export prime_sieve(int)
def prime_sieve(n):
    if n < 2:
        return 0
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    count = 0
    for b in is_p:
        if b:
            count += 1
    return count
# case: prime_sieve(0)
# case: prime_sieve(1)
# case: prime_sieve(2)
# case: prime_sieve(100)
# case: prime_sieve(1000)
# case: prime_sieve(100000)
# case: prime_sieve(-5)


def sieve_flags(n):
    is_p = [True] * (n + 1)
    for k in range(min(n + 1, 2)):
        is_p[k] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            j = i * i
            while j <= n:
                is_p[j] = False
                j += i
        i += 1
    return is_p


#pykernel export prime_list(int)
def prime_list(n):
    is_p = sieve_flags(n)
    primes = []
    for k in range(len(is_p)):
        if is_p[k]:
            primes.append(k)
    return primes
# case: prime_list(0)
# case: prime_list(1)
# case: prime_list(2)
# case: prime_list(100)
# case: prime_list(1000)


#pykernel export twin_primes(int)
def twin_primes(n):
    is_p = sieve_flags(n)
    count = 0
    last = -1
    for k in range(3, n - 1):
        if is_p[k] and is_p[k + 2]:
            count += 1
            last = k
    return count, last
# case: twin_primes(0)
# case: twin_primes(5)
# case: twin_primes(100)
# case: twin_primes(10000)


#pykernel export totient_sum(int)
def totient_sum(n):
    phi = list(range(n + 1))
    for i in range(2, n + 1):
        if phi[i] == i:  # i is prime
            for j in range(i, n + 1, i):
                phi[j] -= phi[j] // i
    s = 0
    for k in range(1, n + 1):
        s += phi[k]
    return s, phi[n] if n >= 0 else -1
# case: totient_sum(0)
# case: totient_sum(1)
# case: totient_sum(10)
# case: totient_sum(1000)
