"""The command outputs the README and docs/sparql.md show are what the commands print now (`make docs` refreshes
them), and the documents name no path of the machine they were written on.

The documents run their commands on `output`, the seeds' build; here they run on the fresh build of the seeds
(conftest's seeds_build), which tests/test_build.py checks output/ is the bytes of."""

from __future__ import annotations

import importlib.util
import re
import shlex

import pytest
from fixtures_store import ROOT

spec = importlib.util.spec_from_file_location("refresh", ROOT / "docs" / "refresh.py")
refresh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(refresh)

SHOWN = [
    (document.relative_to(ROOT).as_posix(), command, shown)
    for document in refresh.DOCUMENTS
    for command, shown in refresh.shown_runs(document)
]


def test_the_documents_show_runs_of_every_kind():
    commands = " ".join(command for _, command, _ in SHOWN)
    for name in (
        "who-talked-to-whom",
        "timeline",
        "actors-wikidata",
        "--list",
        "who-talked-to-whim",
        "FROM <",
        "--format pairs-csv",
    ):
        assert name in commands


def on_build(command: str, build) -> str:
    """COMMAND with the documents' build folder, `output`, replaced by BUILD."""
    return shlex.join(str(build) if word == "output" else word for word in shlex.split(command))


@pytest.mark.parametrize(("document", "command", "shown"), SHOWN, ids=[f"{d}: {c[:60]}" for d, c, _ in SHOWN])
def test_a_shown_output_is_what_the_command_prints(document, command, shown, seeds_build):
    printed = refresh.output_of(on_build(command, seeds_build))
    assert refresh.ended(printed) == shown, f"{document} is stale: run `make docs`"


@pytest.mark.parametrize(
    "document", ["README.md", "docs/sparql.md", "docs/page.md", "docs/performance.md", "ontology/README.md"]
)
def test_no_path_of_this_machine_in_the_documents(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    assert not re.search(r"/(?:work|home|root|Users)/\w", text)
    assert str(ROOT) not in text
