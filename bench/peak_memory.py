"""This process's peak resident memory, in KiB.

Linux's ru_maxrss carries a parent's peak over fork and exec: a child started by
bench/run.py after it generated a large archive would report the parent's peak.
VmHWM in /proc/self/status is the peak of this process's own memory map.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux; elsewhere the best there is
