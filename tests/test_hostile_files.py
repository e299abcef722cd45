"""Files a real archive holds that once stopped or stalled a build: each is read, repaired or refused on its own.

Each case injects the fault into a temporary folder and checks the outcome: one problem naming the file,
and the rest of the input read.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kg.model import Document, Problem
from kg.read import document
from kg.read import inputs as documents
from kg.read.inputs import read_documents

ROOT = Path(__file__).resolve().parent.parent
CALL = "Emmanuel Macron s'est entretenu avec Angela Merkel à l'Élysée, a indiqué la présidence française."


def read(*inputs, seconds: float = 30) -> tuple[list[Document], list[Problem]]:
    """read_documents, failing (instead of hanging) when reading takes longer than SECONDS."""
    records: list = []
    reader = threading.Thread(target=lambda: records.extend(read_documents(inputs)), daemon=True)
    reader.start()
    reader.join(seconds)
    assert not reader.is_alive(), f"reading took longer than {seconds} s"
    return ([r for r in records if isinstance(r, Document)], [r for r in records if isinstance(r, Problem)])


def test_a_latin1_file_name_is_read_as_cp1252_with_a_note(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "appel.txt").write_text(CALL, encoding="utf-8")
    Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt")).write_text(CALL, encoding="utf-8")
    docs, problems = read(folder)
    assert sorted(d.id for d in docs) == ["appel", "café"]
    [problem] = problems
    assert "caf\\xe9.txt" in problem.document and "not UTF-8" in problem.reason and "café" in problem.reason
    str(problem).encode("utf-8")  # printable: no stand-in characters left


def test_a_deeply_nested_jsonl_line_is_one_problem(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    nested = '{"id": "x", "text": "t", "meta": ' + "[" * 6000 + "]" * 6000 + "}"
    corpus.write_text("\n".join([nested, json.dumps({"id": "ok", "text": CALL})]) + "\n", encoding="utf-8")
    docs, problems = read(corpus)
    assert [d.id for d in docs] == ["ok"]
    assert [(p.document, p.reason) for p in problems] == [(f"{corpus}:1", "malformed JSON (nested too deeply)")]


def test_a_deeply_nested_metadata_json_is_one_problem_and_the_articles_are_read(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "appel.txt").write_text(CALL, encoding="utf-8")
    (folder / "metadata.json").write_text('{"appel.txt": ' + "[" * 6000 + "]" * 6000 + "}", encoding="utf-8")
    docs, problems = read(folder)
    assert [d.id for d in docs] == ["appel"]
    assert [p.reason for p in problems] == ["malformed (nested too deeply); articles read without metadata"]


def test_any_failure_while_reading_one_document_is_that_documents_problem(tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in (("a.txt", CALL), ("boom.txt", "BOOM " + CALL), ("deep.txt", "DEEP " + CALL), ("z.txt", CALL)):
        (folder / name).write_text(text, encoding="utf-8")
    real = document.normalise

    def failing(text: str) -> str:
        if text.startswith("BOOM"):
            raise MemoryError()
        if text.startswith("DEEP"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text)

    monkeypatch.setattr(document, "normalise", failing)
    docs, problems = read(folder)
    assert [d.id for d in docs] == ["a", "z"]
    assert [(Path(p.document).name, p.reason) for p in problems] == [
        ("boom.txt", "could not be read (MemoryError); skipped"),
        ("deep.txt", "could not be read (RecursionError: maximum recursion depth exceeded); skipped"),
    ]


@pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs named pipes and /dev/zero"
)
def test_only_regular_files_are_read_never_a_pipe_or_a_device(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "appel.txt").write_text(CALL, encoding="utf-8")
    os.mkfifo(folder / "tube.txt")  # opening it for reading would wait for a writer forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would fill the memory
    os.mkfifo(folder / "flux.jsonl")
    docs, problems = read(folder, seconds=10)
    assert [d.id for d in docs] == ["appel"]
    assert sorted((Path(p.document).name, p.reason) for p in problems) == [
        ("flux.jsonl", "a named pipe, not a file: skipped"),
        ("tube.txt", "a named pipe, not a file: skipped"),
        ("zero.txt", "a device, not a file: skipped"),
    ]


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
def test_a_jsonl_line_is_refused_while_it_is_read_once_past_the_limit(tmp_path, monkeypatch, name):
    monkeypatch.setattr(documents, "MAX_ARTICLE_BYTES", 1000)
    lines = [json.dumps({"id": "long", "text": "x" * 5000}), json.dumps({"id": "ok", "text": CALL})]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    docs, problems = read(path)
    assert [d.id for d in docs] == ["ok"]
    [problem] = problems
    assert problem.document == f"{path}:1" and problem.reason.startswith("too large")


BOMB_READER = """
import resource, sys
from kg.read.inputs import read_documents
records = list(read_documents([sys.argv[1]]))
print(len(records), records[0].reason if records else "", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.slow
def test_a_gzip_bomb_is_refused_without_being_held_in_memory(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as out:  # one line of 400 MB: a few hundred kilobytes compressed
        out.write(b'{"id": "bomb", "text": "')
        chunk = b"a" * (1024 * 1024)
        for _ in range(400):
            out.write(chunk)
        out.write(b'"}\n')
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done = subprocess.run(
        [sys.executable, "-c", BOMB_READER, str(bomb)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    count, *reason, peak_mb = done.stdout.split()
    assert count == "1" and " ".join(reason).startswith("too large")
    assert int(peak_mb) < 250, f"reading the bomb took {peak_mb} MB"


ARTICLE = (
    "Emmanuel Macron s'est entretenu mardi par téléphone avec Vladimir Poutine, a indiqué l'Élysée. "
    "Les deux présidents ont évoqué la crise en Ukraine et les garanties de sécurité réclamées par Moscou."
)


def test_utf8_with_a_few_invalid_bytes_is_read_as_utf8_with_a_warning(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    data = ARTICLE.encode("utf-8").replace("mardi".encode(), b"ma\xffrdi").replace(b"Moscou", b"Mos\xc3cou")
    (folder / "abime.txt").write_bytes(data)
    docs, problems = read(folder)
    [doc] = docs
    assert "l'Élysée" in doc.text and "sécurité" in doc.text, "not re-guessed as another charset"
    assert doc.text.count("\ufffd") == 2
    assert [p.reason for p in problems] == ["not valid UTF-8: 2 invalid byte sequences replaced with �"]


def test_cp1252_french_is_still_read_as_cp1252(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "ancien.txt").write_bytes(ARTICLE.encode("cp1252"))
    docs, problems = read(folder)
    assert problems == [] and docs[0].text == ARTICLE


def test_one_nul_byte_does_not_drop_an_article(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "nul.txt").write_bytes(ARTICLE.encode("utf-8").replace(b". ", b".\x00 ", 1))
    docs, problems = read(folder)
    assert [d.text for d in docs] == [ARTICLE]
    assert [p.reason for p in problems] == ["1 NUL byte dropped"]
