"""`nuit-tui serve` as a real process on a free loopback port, for the serve tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(db: Path, *extra: str, timeout: float = 20):
    """The server on `db` until the block ends; yields its address (http://127.0.0.1:PORT)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("NUIT_DEBUG", "NUIT_DB")}
    server = subprocess.Popen(
        [sys.executable, "-m", "nuit_tui", "serve", "--db", str(db), "--port", str(port), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its app sessions are ended with it (the process group)
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise AssertionError(f"serve ended ({server.returncode}): {server.stdout.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("serve did not answer in time") from None
                time.sleep(0.05)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        server.stdout.close()
