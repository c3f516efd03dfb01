"""Shared by the side-by-side benchmark scripts (bench/*.sh): how long a command takes.

Wall time is what a user waits; CPU time (user + system of the child) is what the work
costs, and stays steady when other jobs share the machine. Both are medians of `runs`.
"""
import resource
import statistics
import subprocess
import time


def timed(cmd, runs):
    """Median (wall seconds, CPU seconds) of running `cmd` `runs` times; fails if it fails."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)
