# An error in a function reached only through its copies (specialized for the function
# passed to it, or wrapped for a default value) is reported: the copy would otherwise
# be compiled without the refused statement.
#pythran export local_max(float[:,:])
#pythran export nested(float[:])
import numpy as np


def wrap(pos, offset, bound):
    return (pos + offset) % bound


def local_max(data, mode=wrap):
    result = np.zeros(data.shape)
    for pos, _ in np.ndenumerate(data):
        result[pos] = data[mode(pos, 1, 3)]
    return result


def nested(x):
    def inner(v):
        return {v: 1}

    return inner(x[0])
