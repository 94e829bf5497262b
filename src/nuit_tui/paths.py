"""Where the archive and the exports live by default."""

from __future__ import annotations

import os
from pathlib import Path

DB_DIR = Path("db")
EXPORTS_DIR = Path("exports")
DEFAULT_DB = DB_DIR / "nuit.sqlite"
DEMO_DB = DB_DIR / "demo.sqlite"


def default_db() -> Path:
    """`NUIT_DB` if set, else db/nuit.sqlite under the current folder."""
    return Path(os.environ["NUIT_DB"]) if os.environ.get("NUIT_DB") else DEFAULT_DB
