"""Lists of lists read and written element by element (a[i][j]), negative indices,
out-of-range rows and columns, rows shared between two outer lists."""


#pykernel export pairwise(float list list)
def pairwise(X):
    M = len(X)
    N = len(X[0])
    D = [[0.0 for x in range(M)] for y in range(M)]
    for i in range(M):
        for j in range(M):
            d = 0.0
            for k in range(N):
                tmp = X[i][k] - X[j][k]
                d += tmp * tmp
            D[i][j] = d ** 0.5
    return D
# case: pairwise([[i / 10.0 + j for i in range(5)] for j in range(4)])


#pykernel export edges(int list list, int, int)
def edges(a, i, j):
    b = [a[0], a[-1]]
    b[1][0] = 99
    a[i][j] = a[-1][-1] + a[i][-j]
    return a, b, a[i][j]
# case: edges([[1, 2, 3], [4, 5, 6]], 1, 2)
# case: edges([[1, 2, 3], [4, 5, 6]], -2, -1)
# case: edges([[1, 2, 3], [4, 5, 6]], 2, 0)
# case: edges([[1, 2, 3], [4, 5]], 0, 3)
