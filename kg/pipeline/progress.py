"""Where a build's time goes (Stopwatch, for `kg build -v`), and its progress bar (on a terminal, for builds
that last)."""

from __future__ import annotations

import gzip
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

# The progress bar appears only for builds that last longer than this (seconds), and only on a terminal.
PROGRESS_DELAY = 2.0


class Stopwatch:
    """Seconds spent per stage, added up over the stage's visits."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def timed(self, name: str, items: Iterable) -> Iterator:
        """ITEMS, with the time spent producing them counted as stage NAME."""
        iterator = iter(items)
        while True:
            with self.stage(name):
                item = next(iterator, StopIteration)
            if item is StopIteration:
                return
            yield item


def estimated_documents(inputs: Iterable[str | os.PathLike]) -> int | None:
    """About how many documents INPUTS hold (lines of JSON Lines files, article files of folders), for the
    progress bar's time-left estimate; counting is much cheaper than reading."""
    from kg.read.inputs import ARTICLE_SUFFIXES, JSONL_SUFFIXES
    from kg.read.intake import Refused, count_lines, open_regular

    def lines(path: Path) -> int:  # never a pipe or a device, never a whole line in memory
        try:
            with open_regular(path) as raw:
                compressed = path.name.lower().endswith(".gz")
                with gzip.GzipFile(fileobj=raw) if compressed else raw as stream:
                    return count_lines(stream)
        except (OSError, EOFError, Refused):
            return 0

    total = 0
    for path in map(Path, inputs):
        if path.is_dir():
            total += sum(1 for f in path.iterdir() if f.name.lower().endswith(ARTICLE_SUFFIXES))
        elif path.name.lower().endswith(JSONL_SUFFIXES):
            total += lines(path)
        else:
            total += 1
    return total or None


def progress_bar(total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc="kg build",
        disable=not enabled,
        delay=PROGRESS_DELAY,
        file=sys.stderr,
        dynamic_ncols=True,
        leave=False,
    )
