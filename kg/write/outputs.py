"""A build's outputs (graph.ttl, graph.html, graph.oxigraph) replaced as one set, by one build at a time.

- One build at a time: a build holds an exclusive lock on OUTDIR/.kg-build.lock (released by the system
  when the build ends, however it ends); a second build into the same folder is refused at once.
- One set: the new outputs are written whole into a staging folder of OUTDIR (.kg-stage-*), then moved
  into place. Anything that fails before (a bad document, a full disk, a read-only folder, a kill) leaves
  the previous set untouched. The moves are recorded first in OUTDIR/.kg-switch.json: if the build dies
  between two of them, the next reader of the folder (any kg command) or the next build finishes them,
  so the set is never left mixed. While a switch is under way, readers wait for it (a few milliseconds).
- Leftovers of killed builds (staging folders, temporary files and stores) are removed by the next build.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.errors import InterruptedSwitch, OutputBusy
from kg.write.atomic import current_umask, write_atomic

LOCK_NAME = ".kg-build.lock"
JOURNAL_NAME = ".kg-switch.json"
STAGE_PREFIX = ".kg-stage-"
OUTPUT_NAMES = ("graph.ttl", "graph.oxigraph", "graph.html")  # in the order they are switched
# Left by killed builds (here and in kg.write.atomic, kg.graph.store): removed by the next build.
LEFTOVER_PREFIXES = (STAGE_PREFIX, ".graph.ttl.", ".graph.html.", ".graph.oxigraph.", f"{JOURNAL_NAME}.")
# How long a reader waits for a switch under way to end.
SWITCH_WAIT_SECONDS = 10.0


def _lock(handle) -> bool:
    """Take the exclusive lock of an open file without waiting; whether it was free."""
    try:
        import fcntl
    except ImportError:  # no fcntl (Windows): msvcrt locks the first byte instead
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


@contextmanager
def exclusive(outdir: str | os.PathLike) -> Iterator[Path]:
    """Hold OUTDIR for one build: refuse (OutputBusy) if another build holds it; finish an interrupted switch
    and remove the leftovers of killed builds."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / LOCK_NAME, "a+") as handle:
        if not _lock(handle):
            handle.seek(0)
            holder = handle.read().strip()
            raise OutputBusy(
                f"{outdir} is being written by another kg build{f' (process {holder})' if holder else ''}; "
                "wait for it to end or build into another folder"
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        finish_switch(outdir)
        remove_leftovers(outdir)
        yield outdir


def remove_leftovers(outdir: Path) -> list[Path]:
    """Staging folders, temporary files and old stores that killed builds left in OUTDIR (the lock is held)."""
    removed = []
    for entry in outdir.iterdir():
        name = entry.name
        if name in (LOCK_NAME, JOURNAL_NAME) or not name.startswith(LEFTOVER_PREFIXES):
            continue
        if name.startswith(STAGE_PREFIX) or name.endswith((".tmp", ".old")):
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


@contextmanager
def staged(outdir: Path) -> Iterator[Path]:
    """A staging folder of OUTDIR for the new outputs; removed with whatever is left in it when done."""
    stage = outdir / f"{STAGE_PREFIX}{os.getpid()}-{time.monotonic_ns()}"
    stage.mkdir(mode=0o777 & ~current_umask())
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def switch(outdir: Path, stage: Path) -> list[Path]:
    """Move the outputs in STAGE into OUTDIR, as one set (see the module's description); their paths."""
    names = [name for name in OUTPUT_NAMES if (stage / name).exists()]
    for name in names:
        fsync_path(stage / name)
    write_atomic(outdir / JOURNAL_NAME, json.dumps({"stage": stage.name, "outputs": names}).encode("utf-8"))
    _move_all(outdir, stage, names)
    return [outdir / name for name in names]


def _move_all(outdir: Path, stage: Path, names: list[str]) -> None:
    """Each staged output over its old one (a folder's old one moved into the stage first); idempotent, so a
    switch that was cut short can be run again. Then the journal is removed."""
    for name in names:
        new, target = stage / name, outdir / name
        if not new.exists():
            continue  # moved already
        if new.is_dir() and target.exists():
            os.replace(target, stage / f".old-{name}")
        os.replace(new, target)
    fsync_path(outdir)
    (outdir / JOURNAL_NAME).unlink(missing_ok=True)


def finish_switch(outdir: Path) -> bool:
    """Finish the switch a dead build left half done, if any (the caller may write in OUTDIR); whether there was one."""
    journal = outdir / JOURNAL_NAME
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        stage, names = outdir / record["stage"], [n for n in record["outputs"] if n in OUTPUT_NAMES]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # unreadable: written by no build of ours
        return True
    if stage.parent == outdir and stage.name.startswith(STAGE_PREFIX) and stage.is_dir():
        _move_all(outdir, stage, names)
        shutil.rmtree(stage, ignore_errors=True)
    journal.unlink(missing_ok=True)
    return True


def settle(folder: str | os.PathLike) -> None:
    """Before reading a build folder: wait for a switch under way, or finish one a dead build left half done.
    Raises InterruptedSwitch when one is left and this process may not finish it."""
    folder = Path(folder)
    journal = folder / JOURNAL_NAME
    deadline = time.monotonic() + SWITCH_WAIT_SECONDS
    while journal.exists():
        try:
            with open(folder / LOCK_NAME, "a+") as handle:
                if _lock(handle):  # no build holds the folder: the one that wrote the journal is dead
                    finish_switch(folder)
                    return
        except OSError as exc:
            raise InterruptedSwitch(
                f"{folder}: a build was interrupted while replacing its outputs, and they "
                f"cannot be put right here ({exc.strerror or exc}): build again"
            ) from None
        if time.monotonic() > deadline:
            return  # a live build is switching (or stuck): read what is there
        time.sleep(0.01)


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries and its files, to the disk (where the system allows it)."""
    if path.is_dir():
        for child in path.rglob("*"):
            if child.is_file():
                _fsync(child)
    _fsync(path)


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # folders cannot be opened on some systems
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
