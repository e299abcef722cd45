"""Checking an output folder before any work: a build that could not write its outputs says so at once,
in one line, rather than with a traceback after the whole parse."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def writable_folder(path: str | os.PathLike) -> str | None:
    """Why PATH cannot be an output folder (one line), or None when a file can be written there.

    The folder is created if missing (as the build would), and a temporary file is made and removed in it:
    only that tells permissions, read-only file systems and full disks apart for every user, root included."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        return "is a file, not a folder"
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path, prefix=".kg-write-check."):
            pass
    except OSError as exc:
        return f"cannot write there: {exc.strerror or exc}"
    return None
