"""The precision audits are data anyone can re-check: every drawn event is judged, with a reason, and the figures
shown in tests/data/audit/README.md and the project's README are what the judgements give."""

from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import DATA, ROOT

sys.path.insert(0, str(ROOT / "docs"))
from audit import VERDICTS, summary  # noqa: E402

AUDIT = DATA / "audit"
ROUNDS = sorted(AUDIT.glob("round-*.json"))


@pytest.mark.parametrize("path", ROUNDS, ids=lambda p: p.stem)
def test_every_drawn_event_is_judged_with_a_reason(path):
    judged = json.loads(path.read_text(encoding="utf-8"))
    assert len(judged) == 150
    assert len({e["event"] for e in judged}) == len(judged)
    for event in judged:
        assert event["verdict"] in VERDICTS, event["event"]
        assert event["reason"].strip(), event["event"]
        assert event["evidence"] and event["sources"] and len(event["participants"]) >= 2


@pytest.mark.parametrize("path", ROUNDS, ids=lambda p: p.stem)
def test_the_figures_shown_are_those_of_the_judgements(path):
    figures = summary(json.loads(path.read_text(encoding="utf-8")))
    number = path.stem.split("-")[1]
    row = next(
        line
        for line in (AUDIT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| {number} |")
    )
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert [int(c) for c in cells[4:7]] == [figures["correct"], figures["partly"], figures["wrong"]]
    assert [float(c) for c in cells[7:10]] == [
        round(figures["precision_strict"], 2),
        round(figures["precision_lenient"], 2),
        round(figures["correct_dated"], 2),
    ]


def test_the_readme_quotes_the_last_round():
    figures = summary(json.loads(ROUNDS[-1].read_text(encoding="utf-8")))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"precision by reading: (\d+) correct, (\d+) partly, (\d+) wrong of 150", readme)
    assert shown, "the README gives the last audit's counts"
    assert [int(x) for x in shown.groups()] == [figures["correct"], figures["partly"], figures["wrong"]]
