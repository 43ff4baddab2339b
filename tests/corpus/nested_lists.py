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


# Chains three and four deep: every row but the last read in place (borrowed), the
# element read, written or updated; errors at each level, negative indices, a value
# whose computation raises after some rows were taken, rows shared by two places.
#pykernel export deep_chain(int list list list list, int, int, int, int)
def deep_chain(a, i, j, k, l):
    s = a[i][j][k][l] + a[-1][-1][-1][-1]
    a[i][j][k][l] += s
    a[i][j][-k][l] = a[i][j][k][l] * 2
    t = 0
    for p in range(len(a)):
        for q in range(len(a[p])):
            for r in range(len(a[p][q])):
                t += a[p][q][r][0] * (p + 1)
    a[i][j][k][l] //= l - 1
    return a, s, t
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], 0, 0, 1, 0)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], -1, -1, 1, 0)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], -1, -1, -2, 1)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], 2, 0, 0, 0)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], 0, 1, 0, 0)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], 0, 0, 2, 0)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], 0, 0, 0, 5)
# case: deep_chain([[[[1, 2], [3]]], [[[5, 6], [7, 8]]]], 0, 0, 1, 1)
# case: deep_chain([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]], 1, 0, 0, 1)


#pykernel export shared_rows(float list, int)
def shared_rows(r, n):
    grid = [[r, r], [r]]
    cube = [grid, grid]
    cube[0][1][0][0] += 1.5
    cube[1][0][1][-1] *= 2.0
    return cube[1][1][0][0] + cube[0][0][-1][-1] + grid[n][0][0], r
# case: shared_rows([1.0, 2.0], 0)
# case: shared_rows([1.0, 2.0], 1)
# case: shared_rows([1.0, 2.0], 2)
