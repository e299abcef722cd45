"""Analysis never stalls or stops on one document: runs without spaces are capped before spaCy, each document
has a time budget, and whatever fails in one document's analysis is that document's problem."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import nlp
from kg.model import ArticleInfo, Document, Extraction
from kg.pipeline import guard, workers

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Emmanuel Macron s'est entretenu mardi par téléphone avec Vladimir Poutine, a indiqué l'Élysée. "
    "Les deux présidents ont évoqué la crise en Ukraine et les garanties de sécurité réclamées par Moscou."
)


def test_runs_without_spaces_are_capped_and_the_rest_kept():
    text = f"Avant {'!' * 25_000} après https://example.org/{'a' * 50} fin."
    capped = nlp.capped_runs(text)
    assert capped == f"Avant {'!' * nlp.MAX_RUN_CHARS} après https://example.org/{'a' * 50} fin."
    assert nlp.capped_runs(ARTICLE) == ARTICLE


class StubPipeline:
    """Stands for spaCy: its "docs" are the texts; a text holding SLOW takes ten seconds."""

    def pipe(self, pieces, as_tuples, batch_size):
        for text, index in pieces:
            if "SLOW" in text:
                time.sleep(10)
            yield text, index


class StubExtractor:
    """Stands for kg.extract: fails on texts holding MEMORY or DEEP."""

    def extract(self, document, docs):
        if any("MEMORY" in doc for doc in docs):
            raise MemoryError()
        if any("DEEP" in doc for doc in docs):
            raise RecursionError("maximum recursion depth exceeded")
        return Extraction(ArticleInfo.of(document), (), ())


@pytest.mark.skipif(not guard.can_time(), reason="no interval timer here")
def test_a_document_that_fails_or_runs_out_of_time_is_its_own_problem(monkeypatch):
    monkeypatch.setattr(workers, "extraction_tools", lambda model: (StubPipeline(), StubExtractor()))
    monkeypatch.setattr(guard, "BUDGET_BASE_SECONDS", 0.5)
    monkeypatch.setattr(guard, "BUDGET_SECONDS_PER_CHAR", 0.0)
    texts = {
        "a": ARTICLE,
        "slow": "SLOW " + ARTICLE,
        "memory": "MEMORY " + ARTICLE,
        "deep": "DEEP " + ARTICLE,
        "z": ARTICLE,
    }
    documents = [Document(id=key, text=text, origin=f"{key}.txt") for key, text in texts.items()]
    started = time.monotonic()
    result = workers.extract_batch(documents, "stub")
    assert time.monotonic() - started < 5, "the slow document was stopped at its budget"
    assert [e.article.id if e else None for e in result.extractions] == ["a", None, None, None, "z"]
    assert [(documents[i].id, reason) for i, reason in result.problems] == [
        ("slow", f"its analysis took longer than its budget (0 s for {len(texts['slow']):,} characters); skipped"),
        ("memory", "analysis failed (MemoryError); skipped"),
        ("deep", "analysis failed (RecursionError: maximum recursion depth exceeded); skipped"),
    ]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_build_of_a_hostile_archive_builds_the_rest_and_names_each_bad_file(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")  # Latin-1 name
    (folder / "cris.txt").write_text(ARTICLE + "\n\n" + "!?" * 30_000 + "\n", encoding="utf-8")  # minutes uncapped
    (folder / "nul.txt").write_bytes(b"\x00" + ARTICLE.encode("utf-8"))
    os.mkfifo(folder / "tube.txt")
    (folder / "metadata.json").write_text('{"cris.txt": ' + "[" * 6000 + "]" * 6000 + "}", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "deep", "text": ' + "[" * 6000 + "]" * 6000 + "}\n", encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(folder), str(corpus), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    problems = sorted(line for line in done.stderr.splitlines() if line.startswith("kg: "))
    assert len(problems) == 5, done.stderr
    for expected in (
        "caf\\xe9.txt: the file name is not UTF-8",
        "nul.txt: 1 NUL byte dropped",
        "tube.txt: a named pipe, not a file",
        "metadata.json: malformed (nested too deeply)",
        "corpus.jsonl:1: malformed JSON (nested too deeply)",
    ):
        assert sum(expected in line for line in problems) == 1, (expected, problems)
    assert "kg build: 3 documents" in done.stderr
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"café"' in turtle and "caf%C3%A9" in turtle
    assert seconds < 150, f"the build took {seconds:.0f} s"
