"""Shared by the side-by-side benchmark scripts (bench/*.sh): how long a command takes.

Wall time is what a user waits; CPU time (user + system of the child) is what the work
costs, and stays steady when other jobs share the machine. Both are medians of `runs`.
"""
import resource
import sys
import statistics
import subprocess
import time


def timed(cmd, runs, ok=(0,)):
    """Median (wall seconds, CPU seconds) of running `cmd` `runs` times; stops the script
    when it exits with a code not in `ok` (git diff exits 1 when it finds differences)."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        walls.append(time.perf_counter() - t)
        if code not in ok:
            sys.exit(f"{cmd[0]} failed with exit code {code}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)
