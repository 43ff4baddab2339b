# Two of Pythran's own test cases (pythran/tests/cases, BSD licence) whose lists of
# ints become lists of floats through a helper (issue 9, item 2): `laplace.py` and
# `calculate_u.py`, unchanged except that `calc` is exported through `calc_interior`
# (its boundary rows and columns stay ints in CPython, while the interior turns into
# floats: a mixed list the compiled code holds as floats, tests/README.md).


def update(u):
    dx = 0.1
    dy = 0.1
    dx2 = dx*dx
    dy2 = dy*dy
    nx, ny = len(u), len(u[0])
    for i in range(1,nx-1):
        for j in range(1, ny-1):
            u[i][j] = ((u[i+1][ j] + u[i-1][ j]) * dy2 +
                    (u[i][ j+1] + u[i][ j-1]) * dx2) / (2*(dx2+dy2))

def calc(N, Niter=100):
    u = [ [0]*N for _ in range(N)]
    u[0] = [1] * N
    for i in range(Niter):
        update(u)
    return u


#pythran export calc_interior(int, int)
def calc_interior(N, Niter):
    u = calc(N, Niter)
    return [row[1:-1] for row in u[1:-1]]
# case: calc_interior(6, 10)
# case: calc_interior(3, 1)
# case: calc_interior(5, 100)


# from the paper `using cython to speedup numerical python programs'
#pythran export timeloop(float, float, float, float, float, float list list, float list list, float list list)
#pythran export timeloop(float, float, float, float, float, int list list, int list list, int list list)
def timeloop(t, t_stop, dt, dx, dy, u, um, k):
    while t <= t_stop:
        t += dt
        new_u = calculate_u(dt, dx, dy, u, um, k)
        um = u
        u = new_u
    return u

def calculate_u(dt, dx, dy, u, um, k):
    up = [ [0.]*len(u[0]) for i in range(len(u)) ]
    "omp parallel for"
    for i in range(1, len(u)-1):
        for j in range(1, len(u[0])-1):
            up[i][j] = 2*u[i][j] - um[i][j] + \
                (dt/dx)**2*(
                        (0.5*(k[i+1][j] + k[i][j])*(u[i+1][j] - u[i][j]) -
                            0.5*(k[i][j] + k[i-1][j])*(u[i][j] - u[i-1][j]))) + \
                        (dt/dy)**2*(
                                (0.5*(k[i][j+1] + k[i][j])*(u[i][j+1] - u[i][j]) -
                                    0.5*(k[i][j] + k[i][j-1])*(u[i][j] - u[i][j-1])))
    return up
# case: timeloop(1.0, 2.0, 0.1, 0.1, 0.2, [list(range(10)) for i in range(5)], [list(range(10)) for i in range(5)], [list(range(10)) for i in range(5)])
# case: timeloop(1.0, 1.3, 0.1, 0.1, 0.2, [[float(i * j) for j in range(4)] for i in range(4)], [[0.5] * 4 for i in range(4)], [[1.0] * 4 for i in range(4)])
# case: timeloop(0.0, 0.0, 0.5, 1.0, 1.0, [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 0, 0]] * 3, [[1, 1, 1]] * 3)
