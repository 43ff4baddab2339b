# Tuple assignment / swaps (evaluated right side first, like Python).

#pykernel export gcd_swap(int, int)
def gcd_swap(a, b):
    while b:
        a, b = b, a % b
    return a
# case: gcd_swap(48, 18)
# case: gcd_swap(-48, 18)


#pykernel export fib_pair(int)
def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
# case: fib_pair(0)
# case: fib_pair(10)
# case: fib_pair(90)
