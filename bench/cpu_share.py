"""How many cores each part of a live run used: the training process, the server, the browser.

On a shared machine a figure like epochs/s mostly says how much CPU the training process got; this
says who got what (Linux /proc), so a slow figure can be read as "too little CPU" or "too much work".
"""

from __future__ import annotations

import os
import time
from pathlib import Path

GROUPS = {"training": b"classroom.child", "server": b"ui.startup", "browser": b"chromium"}  # ui.startup: the server
TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # ended meanwhile
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (the machine may run other people's servers and browsers too)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def _pids(word: bytes, mine: set[int]) -> list[int]:
    found = []
    for pid in mine:
        try:
            if word in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            continue
    return found


class CpuShare:
    """Start it, do the work, then `cores()`: cores used per group of this process's descendants since the
    start (1.0 = one whole core)."""

    def __init__(self):
        mine = descendants(os.getpid())  # this benchmark's server, its training processes, its browser
        self._start = {name: {pid: _cpu_seconds(pid) for pid in _pids(word, mine)} for name, word in GROUPS.items()}
        self._clock = time.perf_counter()

    def cores(self) -> dict[str, float]:
        """Cores used by each group since this object was made (processes that ended meanwhile not counted)."""
        elapsed = time.perf_counter() - self._clock
        used = {}
        for name, start in self._start.items():
            now = {pid: _cpu_seconds(pid) for pid in start}
            used[name] = round(sum(now[pid] - start[pid] for pid in start if now[pid] > 0) / elapsed, 2)
        return used


def browser_to_background(pin: bool = True) -> None:
    """Give this benchmark's Chromium the lowest CPU priority and the pages' core only.

    A student's browser runs on their own computer; here it shares the server's two cores. So every
    thread of it (Linux's nice and affinity are per thread) gets nice 19 and the lowest core, the one
    the server keeps for the pages and never gives to training (classroom/processes.training_cores):
    the nearest this box comes to a browser on another machine. Processes it starts later (a renderer
    per site) inherit both. `pin=False` leaves it free to run on any core (nice 19 still).
    """
    pages_core = {min(os.sched_getaffinity(0))}
    for pid in descendants(os.getpid()):
        try:
            if "chrom" not in Path(f"/proc/{pid}/comm").read_text():
                continue
            for thread in os.listdir(f"/proc/{pid}/task"):
                os.setpriority(os.PRIO_PROCESS, int(thread), 19)
                if pin:
                    os.sched_setaffinity(int(thread), pages_core)
        except OSError:  # ended meanwhile
            pass
