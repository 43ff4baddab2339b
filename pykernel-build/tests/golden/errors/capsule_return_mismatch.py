#pythran export capsule t(int64*, float64*, int32, int32, float64*)
def t(out, inp, orank, irank, data):
    return 0.5
