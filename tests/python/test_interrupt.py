"""Ctrl-C: SIGINT stops a long kernel called from Python's main thread with
KeyboardInterrupt, and Python's own signal handling is intact afterwards.

Each test runs a child Python that calls a kernel of tests/corpus/interrupts.py with
arguments that make it run for minutes (a negative count, a huge range), and sends it
SIGINT from the parent a moment after the call started. Only liveness is asserted (the
child reports KeyboardInterrupt, with generous timeouts), never a speed: the child
prints how long the interrupt took, for the record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery is Unix-only")

# Before the call; the parent sends SIGINT ~0.3 s after it reads "ready".
CHILD = textwrap.dedent("""
    import signal, sys, time
    import numpy as np
    import pykernel_corpus as pc
    k = pc.interrupts
    call = eval("lambda: " + sys.argv[1])
    print("ready", flush=True)
    t0 = time.perf_counter()
    try:
        r = call()
        print("finished", repr(r), flush=True)
    except KeyboardInterrupt:
        print("interrupted after %.3f s" % (time.perf_counter() - t0), flush=True)
    # Python's SIGINT handling as before: the handler, and KeyboardInterrupt in Python code.
    print("handler", signal.getsignal(signal.SIGINT) is signal.default_int_handler, flush=True)
    print("ready", flush=True)
    try:
        time.sleep(60)
        print("slept", flush=True)
    except KeyboardInterrupt:
        print("interrupted in Python", flush=True)
""")


def interrupt_child(code: str, arg: str, delay: float = 0.3) -> list[str]:
    """Runs `code` with `arg`, sends SIGINT `delay` s after each "ready" line; returns
    the lines the child printed."""
    p = subprocess.Popen([sys.executable, "-c", code, arg], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = p.stdout.readline()
            if not line:
                break
            line = line.rstrip("\n")
            lines.append(line)
            if line == "ready":
                time.sleep(delay)
                p.send_signal(signal.SIGINT)
        p.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    err = p.stderr.read()
    p.stdout.close()
    p.stderr.close()
    assert p.returncode == 0, f"child exited with {p.returncode}\n{lines}\n{err}"
    return lines


LONG_CALLS = {
    "while": "k.spin_while(-1)",
    "nest": "k.nested_sum(10**7)",
    "range": "k.single_range(0, 2**62)",
    "stepped": "k.stepped_ranges(2**62, -1)",
    "list": "k.growing_list(10**12)",
    "recursion": "k.slow_fib(90)",
    "rows": "k.relax_rows(np.ones((300, 300)), 10**9)",
}


@pytest.mark.parametrize("name", LONG_CALLS)
def test_sigint_stops_a_long_kernel(name):
    lines = interrupt_child(CHILD, LONG_CALLS[name])
    print(name, lines)
    assert lines[0] == "ready"
    assert lines[1].startswith("interrupted after"), lines
    assert lines[2:] == ["handler True", "ready", "interrupted in Python"], lines


def test_a_handler_that_does_not_raise_lets_the_kernel_finish():
    """CPython runs a Python signal handler between bytecodes and goes on when it
    returns: so does the kernel (the handler runs while it is stopped)."""
    code = textwrap.dedent("""
        import signal, sys
        import pykernel_corpus as pc
        seen = []
        signal.signal(signal.SIGINT, lambda s, f: seen.append(s))
        n = int(sys.argv[1])
        print("ready", flush=True)
        r = pc.interrupts.spin_while(n)
        print("result", r == n, "handler ran", len(seen), flush=True)
    """)
    lines = interrupt_child(code, str(3 * 10**9))
    assert lines == ["ready", "result True handler ran 1"], lines


def test_an_ignored_sigint_is_ignored():
    code = textwrap.dedent("""
        import signal, sys
        import pykernel_corpus as pc
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        n = int(sys.argv[1])
        print("ready", flush=True)
        r = pc.interrupts.spin_while(n)
        print("result", r == n, flush=True)
        print("handler", signal.getsignal(signal.SIGINT) is signal.SIG_IGN, flush=True)
    """)
    lines = interrupt_child(code, str(3 * 10**9))
    assert lines == ["ready", "result True", "handler True"], lines


def test_kernels_on_other_threads_and_capsules_are_not_interrupted():
    """KeyboardInterrupt goes to the main thread, as in CPython: a kernel on another
    thread finishes; a capsule (called like SciPy does, with the GIL held) finishes
    too, and Python raises KeyboardInterrupt after it returns."""
    code = textwrap.dedent("""
        import ctypes, sys, threading
        import kernel_harness as H
        import pykernel_corpus as pc
        n = int(sys.argv[1])
        out = {}
        done = threading.Event()

        def work():
            try:
                out["r"] = pc.interrupts.spin_while(n)
            finally:
                done.set()

        threading.Thread(target=work).start()
        print("ready", flush=True)
        try:
            done.wait()
            print("waited", flush=True)
        except KeyboardInterrupt:
            print("main interrupted", flush=True)
        # (Not Thread.join: CPython 3.11 may mark a thread finished when its join is
        # interrupted.)
        done.wait()
        print("thread result", out.get("r") == n, flush=True)
        fn, ret, _ = H.capsule_function(pc.interrupts.count_capsule)
        buf = (ctypes.c_double * 1)()
        print("ready", flush=True)
        try:
            fn(buf, n // 2)
            print("capsule returned without interrupt", flush=True)
        except KeyboardInterrupt:
            print("interrupted after the capsule", buf[0] == float(n // 2), flush=True)
    """)
    code = f"import sys; sys.path.insert(0, {os.path.dirname(__file__)!r})\n" + code
    lines = interrupt_child(code, str(2 * 10**9))
    assert lines == ["ready", "main interrupted", "thread result True", "ready",
                     "interrupted after the capsule True"], lines
