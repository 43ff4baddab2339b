"""NumPy programs written with whole-array expressions (the shapes of the public
numpy-benchmarks programs): fused elementwise trees, broadcasting, slice stores,
in-place operators on views, reshapes, reductions."""
import numpy as np


#pykernel export rosen(float[:])
def rosen(x):
    t0 = 100 * (x[1:] - x[:-1] ** 2) ** 2
    t1 = (1 - x[:-1]) ** 2
    return np.sum(t0 + t1)
# case: rosen(np.arange(10.0))
# case: rosen(np.linspace(-1, 1, 1001))
# case: rosen(np.arange(1.0))
# case: rosen(np.arange(0.0))


#pykernel export harris(float64[:,:])
def harris(I):
    m, n = I.shape
    dx = (I[1:, :] - I[:m-1, :])[:, 1:]
    dy = (I[:, 1:] - I[:, :n-1])[1:, :]
    A = dx * dx
    B = dy * dy
    C = dx * dy
    tr = A + B
    det = A * B - C * C
    k = 0.05
    return det - k * tr * tr
# case: harris(np.arange(20.0).reshape(4, 5) ** 1.5)
# case: harris(np.linspace(0, 1, 64).reshape(8, 8))
# case: harris(np.ones((1, 3)))


#pykernel export vibr_energy(float64[:], float64[:], float64[:])
def vibr_energy(harmonic, anharmonic, i):
    return np.exp(-harmonic * i - anharmonic * (i ** 2))
# case: vibr_energy(np.linspace(0, 1, 7), np.linspace(1, 2, 7), np.linspace(-1, 1, 7))  # ulp4
# case: vibr_energy(np.linspace(0, 1, 7), np.linspace(1, 2, 1), np.linspace(-1, 1, 7))  # ulp4
# case: vibr_energy(np.linspace(0, 1, 7), np.linspace(1, 2, 6), np.linspace(-1, 1, 7))


#pykernel export log_likelihood(float64[:], float64, float64)
def log_likelihood(data, mean, sigma):
    s = (data - mean) ** 2 / (2 * (sigma ** 2))
    pdfs = np.exp(- s)
    pdfs /= np.sqrt(2 * np.pi) * sigma
    return np.log(pdfs).sum()
# case: log_likelihood(np.linspace(0, 1, 1000), 0.1, 1.1)  # ulp4
# case: log_likelihood(np.linspace(0, 1, 3), 0.5, 2.0)  # ulp4


#pykernel export lstsqr(float[:], float[:])
def lstsqr(x, y):
    x_avg = np.average(x)
    y_avg = np.average(y)
    dx = x - x_avg
    dy = y - y_avg
    var_x = np.sum(dx**2)
    cov_xy = np.sum(dx * dy)
    slope = cov_xy / var_x
    y_interc = y_avg - slope*x_avg
    return (slope, y_interc)
# case: lstsqr(np.linspace(0, 1, 500), np.linspace(0, 1, 500) ** 2)
# case: lstsqr(np.arange(5.0), np.arange(5.0)[::-1].copy())


#pykernel export laplacien(float64[:,:,3])
def laplacien(image):
    out_image = np.abs(4*image[1:-1,1:-1] -
                       image[0:-2,1:-1] - image[2:,1:-1] -
                       image[1:-1,0:-2] - image[1:-1,2:])
    valmax = np.max(out_image)
    valmax = max(1.,valmax)+1.E-9
    out_image /= valmax
    return out_image
# case: laplacien(np.sin(np.arange(5 * 6 * 3.0)).reshape(5, 6, 3) * 10)
# case: laplacien(np.zeros((2, 6, 3)))


#pykernel export diffusion(float[:,:], float[:,:], int)
def diffusion(u, tempU, iterNum):
    mu = .1
    for n in range(iterNum):
        tempU[1:-1, 1:-1] = u[1:-1, 1:-1] + mu * (
            u[2:, 1:-1] - 2 * u[1:-1, 1:-1] + u[0:-2, 1:-1] +
            u[1:-1, 2:] - 2 * u[1:-1, 1:-1] + u[1:-1, 0:-2])
        u[:, :] = tempU[:, :]
        tempU[:, :] = 0.0
# case: diffusion(np.eye(8) * 100, np.zeros((8, 8)), 5)
# case: diffusion(np.eye(3) * 100, np.zeros((3, 3)), 2)


#pykernel export specialconvolve(uint32[:,:])
def specialconvolve(a):
    rowconvol = a[1:-1,:] + a[:-2,:] + a[2:,:]
    colconvol = rowconvol[:,1:-1] + rowconvol[:,:-2] + rowconvol[:,2:] - 9*a[1:-1,1:-1]
    return colconvol
# case: specialconvolve(np.arange(100, dtype=np.uint32).reshape(10, 10))
# case: specialconvolve(np.arange(9, dtype=np.uint32).reshape(3, 3) * 1000000000)


#pykernel export create_grid(float[:])
def create_grid(x):
    N = x.shape[0]
    z = np.zeros((N, N, 3))
    z[:,:,0] = x.reshape(-1,1)
    z[:,:,1] = x
    fast_grid = z.reshape(N*N, 3)
    return fast_grid
# case: create_grid(np.arange(0, 1, 1. / 5))
# case: create_grid(np.arange(0.0))


#pykernel export wdist(float64[:,:], float64[:,:], float64[:,:])
def wdist(A, B, W):
    k,m = A.shape
    _,n = B.shape
    D = np.zeros((m, n))
    for ii in range(m):
        for jj in range(n):
            wdiff = (A[:,ii] - B[:,jj]) / W[:,ii]
            D[ii,jj] = np.sqrt((wdiff**2).sum())
    return D
# case: wdist(np.arange(12.0).reshape(3, 4), np.arange(15.0).reshape(3, 5) * 0.5, np.arange(1, 13.0).reshape(3, 4))


#pykernel export arc_distance(float64[:], float64[:], float64[:], float64[:])
def arc_distance(theta_1, phi_1, theta_2, phi_2):
    temp = np.sin((theta_2-theta_1)/2)**2+np.cos(theta_1)*np.cos(theta_2)*np.sin((phi_2-phi_1)/2)**2
    distance_matrix = 2 * (np.arctan2(np.sqrt(temp),np.sqrt(1-temp)))
    return distance_matrix
# case: arc_distance(np.linspace(0, 1, 5), np.linspace(1, 2, 5), np.linspace(-1, 0, 5), np.linspace(2, 3, 5))  # ulp4


#pykernel export grayscott(int, float, float, float, float, float[:,:], float[:,:])
def grayscott(counts, Du, Dv, F, k, ru, rv):
    n = 28
    U = np.zeros((n+2,n+2), dtype=np.float32)
    V = np.zeros((n+2,n+2), dtype=np.float32)
    u, v = U[1:-1,1:-1], V[1:-1,1:-1]
    r = 2
    u[:] = 1.0
    U[n//2-r:n//2+r,n//2-r:n//2+r] = 0.50
    V[n//2-r:n//2+r,n//2-r:n//2+r] = 0.25
    u += 0.15*ru
    v += 0.15*rv
    for i in range(counts):
        Lu = (                 U[0:-2,1:-1] +
              U[1:-1,0:-2] - 4*U[1:-1,1:-1] + U[1:-1,2:] +
                               U[2:  ,1:-1] )
        Lv = (                 V[0:-2,1:-1] +
              V[1:-1,0:-2] - 4*V[1:-1,1:-1] + V[1:-1,2:] +
                               V[2:  ,1:-1] )
        uvv = u*v*v
        u += Du*Lu - uvv + F*(1 - u)
        v += Dv*Lv + uvv - (F + k)*v
    return V
# case: grayscott(3, 0.16, 0.08, 0.04, 0.06, np.linspace(0, 1, 28 * 28).reshape(28, 28), np.linspace(1, 0, 28 * 28).reshape(28, 28))


#pykernel export normalize_complex_arr(complex[:])
def normalize_complex_arr(a):
    a_oo = a - a.real.min() - 1j*a.imag.min()
    return a_oo/np.abs(a_oo).max()
# case: normalize_complex_arr(np.linspace(0, 1, 7) + 1j * np.linspace(2, -1, 7))


#pykernel export pairwise_dist(float64[:,:], float64[:,:])
def pairwise_dist(x, y):
    d = x[:, None, :] - y[None, :, :]
    return np.sqrt((d * d).sum())
# case: pairwise_dist(np.arange(6.0).reshape(3, 2), np.arange(8.0).reshape(4, 2) * 0.5)
# case: pairwise_dist(np.arange(6.0).reshape(3, 2), np.arange(9.0).reshape(3, 3))


#pykernel export shift_add(float64[::])
def shift_add(a):
    a[1:] += a[:-1]
    return a
# case: shift_add(np.arange(6.0))
# case: shift_add(np.arange(6.0)[::-1])


#pykernel export cast_store(int16[:], float64[:])
def cast_store(a, x):
    a[...] = x * 1000
    return a
# case: cast_store(np.zeros(4, dtype=np.int16), np.array([1.5, -2.7, 1e6, np.nan]))


#pykernel export inplace_ok(int64[:], float64[:])
def inplace_ok(a, x):
    a += (x > 0)
    return a
# case: inplace_ok(np.arange(4), np.array([1.0, -1.0, 2.0, 0.0]))
