"""Times a shell command: `python time_cmd.py [--runs N] [--before CMD] -- CMD...`.

Runs CMD N times (default 3) after one untimed warm-up run, running --before (untimed)
before each, and prints `median min` wall-clock seconds. Exits non-zero if CMD fails.
"""

import argparse
import statistics
import subprocess
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--before", help="shell command run (untimed) before each timed run")
    p.add_argument("--no-warmup", action="store_true")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        sys.exit("no command")
    runs = ([False] if not a.no_warmup else []) + [True] * a.runs
    times = []
    for timed in runs:
        if a.before:
            subprocess.run(a.before, shell=True, check=True)
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            sys.exit(f"command failed ({r.returncode}): {' '.join(cmd)}")
        if timed:
            times.append(dt)
    print(f"{statistics.median(times):.3f} {min(times):.3f}")


if __name__ == "__main__":
    main()
