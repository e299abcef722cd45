"""A build's outputs are replaced as one set, by one build at a time: a failure, a kill at the wrong moment or
a second build never leaves graph.ttl, graph.html and the store from different builds."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, kg

from kg import cli, pipeline
from kg.write import outputs

SET = ("graph.ttl", "graph.html", "graph.oxigraph/graph.ttl.sha256")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in SET}


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name.startswith(outputs.LEFTOVER_PREFIXES) or p.name == outputs.JOURNAL_NAME
    )


@pytest.fixture(scope="module")
def built(seeds_build, tmp_path_factory) -> Path:
    """The seeds built (with the extraction cache, so that rebuilds of them need no parsing): a copy of the session's
    build, since other_set builds with its cache."""
    return copy_of(seeds_build, tmp_path_factory.mktemp("set"))


@pytest.fixture(scope="module")
def fewer(tmp_path_factory) -> Path:
    """The seeds but one: a build of them gives other outputs."""
    folder = tmp_path_factory.mktemp("fewer") / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.iterdir())[1:]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def other_set(built, fewer, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("other") / "out"
    kg("build", fewer, "-o", out, "-q", "--cache", built / ".cache", check=True)
    assert snapshot(out) != snapshot(built)
    return out


def copy_of(folder: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(folder, copy)
    return copy


@pytest.mark.parametrize(
    "failing, error", [("graph.ttl", errno.EACCES), ("graph.html", errno.ENOSPC)], ids=["read-only folder", "full disk"]
)
def test_a_write_that_fails_leaves_the_previous_set_and_says_so_in_one_line(
    built, fewer, tmp_path, monkeypatch, capsys, failing, error
):
    out = copy_of(built, tmp_path)
    before = snapshot(out)
    real = pipeline.write_atomic

    def write(path, data):
        if Path(path).name == failing:
            raise OSError(error, os.strerror(error), str(path))
        return real(path, data)

    monkeypatch.setattr(pipeline, "write_atomic", write)
    assert cli.main(["build", str(fewer), "-o", str(out), "-q"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("kg build: cannot write the outputs: ") and os.strerror(error) in line
    assert line.endswith("the previous outputs are left as they were")
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_second_build_into_a_folder_being_built_is_refused_at_once(built, tmp_path):
    out = copy_of(built, tmp_path)
    before = snapshot(out)
    with outputs.exclusive(out):
        done = kg("build", SEEDS, "-o", out, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"kg build: {out} is being written by another kg build (process {os.getpid()}); "
        "wait for it to end or build into another folder"
    ]
    assert snapshot(out) == before


def test_a_switch_cut_short_by_a_kill_is_finished_by_the_next_reader(built, other_set, tmp_path):
    out = copy_of(built, tmp_path)
    # What a build killed between its first and second move leaves: the new graph.ttl, the old page and store.
    stage = out / f"{outputs.STAGE_PREFIX}dead"
    stage.mkdir()
    for name in outputs.OUTPUT_NAMES:
        (shutil.copytree if (other_set / name).is_dir() else shutil.copy)(other_set / name, stage / name)
    (out / outputs.JOURNAL_NAME).write_text(json.dumps({"stage": stage.name, "outputs": list(outputs.OUTPUT_NAMES)}))
    os.replace(stage / "graph.ttl", out / "graph.ttl")

    done = kg("query", out, "ASK { ?s ?p ?o }")
    assert done.returncode == 0 and done.stdout == "true\n", done.stderr
    assert snapshot(out) == snapshot(other_set)
    assert leftovers(out) == []


def test_leftovers_of_killed_builds_are_removed_by_the_next_build(built, tmp_path):
    out = copy_of(built, tmp_path)
    (out / ".graph.oxigraph.x1.tmp").mkdir()
    (out / ".graph.oxigraph.x1.tmp" / "000001.sst").write_bytes(b"\0" * 100)
    (out / ".graph.oxigraph.x2.old").mkdir()
    (out / ".graph.ttl.x3.tmp").write_bytes(b"half a graph")
    (out / f"{outputs.STAGE_PREFIX}123-456").mkdir()
    (out / "graph.nt").write_bytes(b"")  # the user's own file is left alone
    kg("build", SEEDS, "-o", out, "-q", check=True)
    assert leftovers(out) == []
    assert (out / "graph.nt").exists()


def test_a_write_error_of_any_command_is_one_line(built, tmp_path):
    (tmp_path / "file").write_text("")
    done = kg("export", built, "-o", tmp_path / "file" / "graph.nt")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"kg export: {tmp_path / 'file'}")
