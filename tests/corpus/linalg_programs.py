"""The products of external programs that need them (numpy-benchmarks'
`euclidean_distance_square`, Pythran's `convnet` and `pythagorean_triples`), with what
they use besides that and pykernel does not support yet written out (`axis=` sums, a
nested-list `np.array`, a variable rebound to another rank). Integer-valued data, exact
in every summation order."""
import numpy as np


#pykernel export euclidean_distance_square(float64[:,:], float64[:,:])
def euclidean_distance_square(x1, x2):
    n = x2.shape[0]
    s2 = np.zeros(n)
    for i in range(n):
        s2[i] = np.sum(np.square(x2[i]))
    return -2 * np.dot(x1, x2.T) + np.sum(np.square(x1)) + s2
# case: euclidean_distance_square(np.arange(64.0).reshape(1, 64) % 5, np.arange(640.0).reshape(10, 64) % 7 - 3)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


#pykernel export convnet(float32[:,:], float32[:,:], int, int, int)
def convnet(conv_matrix, qcnn_filter, length, batch_size, state_size):
    state_size_2 = state_size * 2
    state_size_3 = state_size * 3
    state_size_4 = state_size * 4

    conv_results = np.dot(conv_matrix, qcnn_filter).reshape(length, batch_size, state_size_4)
    conv_results[:, :, :state_size] = np.tanh(conv_results[:, :, :state_size])
    conv_results[:, :, state_size:state_size_4] = sigmoid(conv_results[:, :, state_size:state_size_4])

    state_results = np.zeros((batch_size, length, state_size_2), dtype=np.float32)
    state = np.zeros((batch_size, state_size), dtype=np.float32)
    for i in range(length):
        z = conv_results[i, :, :state_size]
        f = conv_results[i, :, state_size:state_size_2]
        o = conv_results[i, :, state_size_2:state_size_3]
        state = f * state + (1 - f) * z
        state_results[:, i, :state_size] = state * o

    state = np.zeros((batch_size, state_size), dtype=np.float32)
    for i in range(length - 1, -1, -1):
        z = conv_results[i, :, :state_size]
        f = conv_results[i, :, state_size_3:state_size_4]
        o = conv_results[i, :, state_size_2:state_size_3]
        state = f * state + (1 - f) * z
        state_results[:, i, state_size:] = state * o
    return state_results.reshape((batch_size * length, state_size_2))
# case: convnet(np.arange(16., dtype=np.float32).reshape(4, 4) / 16, np.arange(16., dtype=np.float32).reshape(4, 4) / 8 - 1, 4, 1, 1)  # ulp4
# case: convnet(np.arange(24., dtype=np.float32).reshape(6, 4) % 5 / 4, np.arange(32., dtype=np.float32).reshape(4, 8) % 3 - 1, 3, 2, 2)  # ulp4


#pykernel export next_pythagorean_triples(int64[:,:], int64[:,:])
def next_pythagorean_triples(matrices, previous):
    next_triples = np.transpose(np.dot(matrices, np.transpose(previous)))
    return next_triples.reshape((3 * previous.shape[0], previous.shape[1]))
# case: next_pythagorean_triples(np.array([[-1, 2, 2], [-2, 1, 2], [-2, 2, 3], [1, 2, 2], [2, 1, 2], [2, 2, 3], [1, -2, 2], [2, -1, 2], [2, -2, 3]]), np.array([[3, 4, 5]]))
# case: next_pythagorean_triples(np.array([[-1, 2, 2], [-2, 1, 2], [-2, 2, 3], [1, 2, 2], [2, 1, 2], [2, 2, 3], [1, -2, 2], [2, -1, 2], [2, -2, 3]]), np.array([[3, 4, 5], [5, 12, 13], [8, 15, 17]]))
