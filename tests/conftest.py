"""Shared fixtures: the project's own command, and the seeds built once per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def kg(*args: str, check: bool = False, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the `kg` command as a user would, capturing its output."""
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """The seeds built into a fresh folder, once per session: graph.ttl, graph.html and graph.oxigraph.

    The one build of the seeds the tests share; none of them reads the committed output/ in its place
    (only tests/test_build.py's test_committed_output_is_up_to_date looks at output/, to check it against this).
    Read-only: a test that changes a build works on a copy."""
    out = tmp_path_factory.mktemp("seeds-build")
    kg("build", SEEDS, "-o", out, check=True)
    return out
