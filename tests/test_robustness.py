"""Whatever the articles say and whatever order they come in, the graph stays valid, stable and whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, SEEDS, kg
from fixtures_store import stoppable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.graph.mapping import ntriples
from kg.graph.turtle import turtle as turtle_of
from kg.model import Actor, ArticleInfo, Corpus, EventRecord, TopicConcept

# Any text at all: control characters, lone surrogates, quotes, angle brackets, Turtle and N-Triples syntax.
any_text = st.text(min_size=1, max_size=60)
hostile = st.one_of(
    any_text,
    st.sampled_from(
        [
            '"""',
            "\\",
            "\\u0000",
            "<http://x>",
            "> .",
            "@prefix x: <y> .",
            "\n\r\t",
            "\x00\x01\x7f",
            "\ud800",
            "é́",
            "</script><script>alert(1)</script>",
            "a\u2028b",
            ".",
            "..",
            "abc.",
            "\u202eevil",
            "'''",
            "# comment",
            "_:b0",
            "^^xsd:date",
        ]
    ),
)


def corpus_of(name: str, alt: str, sentence: str, doc_id: str, outlet: str, url: str, role: str) -> Corpus:
    article = ArticleInfo(doc_id, date(2022, 2, 3), url, outlet, sentence)
    people = (
        Actor("name:" + name, name, "Person", None, (alt,), (role,)),
        Actor("vladimir-putin", "Vladimir Poutine", "Person", "Q7747"),
    )
    event = EventRecord(
        "PhoneCall",
        tuple(sorted(a.key for a in people)),
        "2022-02-03",
        evidence=(sentence,),
        sources=(doc_id,),
        topics=("named",),
        place=outlet,
    )
    return Corpus((article,), people, (event,), (TopicConcept("named", sentence, name, (alt,)),))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile, hostile, hostile, hostile, hostile, hostile, hostile)
def test_any_string_gives_valid_turtle_and_n_triples(tmp_path_factory, name, alt, sentence, doc_id, outlet, url, role):
    corpus = corpus_of(name, alt, sentence, doc_id, outlet, url, role)
    turtle = turtle_of(ntriples(corpus))
    assert turtle == turtle_of(ntriples(corpus)), "the same corpus gives the same bytes"

    parsed = Graph()
    parsed.parse(data=turtle.decode("utf-8"), format="turtle")
    oxigraph = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(oxigraph) > 0

    n_triples = ox.serialize(oxigraph, format=ox.RdfFormat.N_TRIPLES)
    assert len(list(ox.parse(n_triples, format=ox.RdfFormat.N_TRIPLES))) == len(oxigraph)
    back = Graph()
    back.parse(data=n_triples.decode("utf-8"), format="nt")
    assert len(back) == len(parsed)
    for triple in oxigraph:  # every IRI is one Oxigraph accepts, written the same way again
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                assert ox.NamedNode(term.value) == term


@pytest.mark.skipif(
    shutil.which("rapper") is None, reason="rapper (Debian's raptor2-utils) is not installed; `make system`"
)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile, hostile, hostile)
def test_an_independent_parser_accepts_the_turtle(tmp_path_factory, name, sentence, doc_id):
    path = tmp_path_factory.mktemp("rapper") / "graph.ttl"
    path.write_bytes(turtle_of(ntriples(corpus_of(name, name, sentence, doc_id, "AFP", "u", "r"))))
    result = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def split_seeds(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, sorted(SEEDS.glob("*.txt"))[:2]), (second, sorted(SEEDS.glob("*.txt"))[2:])):
        folder.mkdir()
        for path in names:
            shutil.copy(path, folder / path.name)
        shutil.copy(SEEDS / "metadata.json", folder / "metadata.json")
    return first, second


def test_the_order_of_the_inputs_does_not_change_a_byte(tmp_path):
    first, second = split_seeds(tmp_path)
    kg("build", first, second, "-o", tmp_path / "ab", check=True)
    kg("build", second, first, "-o", tmp_path / "ba", check=True)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "ab" / name).read_bytes() == (tmp_path / "ba" / name).read_bytes()


def test_a_build_killed_midway_leaves_the_previous_output_whole(tmp_path):
    out = tmp_path / "out"
    kg("build", SEEDS, "-o", out, check=True)
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}
    corpus = ROOT / "tests" / "corpus"
    for delay in (1.0, 4.0, 7.0):  # while loading the model, while parsing, around the writing
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "build", str(SEEDS), str(corpus), "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name, old in before.items():
            now = (out / name).read_bytes()
            if now != old:  # the new build finished in time: then it is whole too
                Graph().parse(data=(out / "graph.ttl").read_text(encoding="utf-8"), format="turtle")
                before = {n: (out / n).read_bytes() for n in before}
                break
        assert {p.name for p in out.iterdir() if not p.name.startswith(".")} >= {"graph.ttl", "graph.html"}
    Graph().parse(out / "graph.ttl", format="turtle")
    assert_no_build_process_outlives_its_build()


@pytest.mark.parametrize("delay", [2.0, 14.0])  # while the model loads, while parsing
def test_an_interrupted_build_says_so_in_one_line_and_leaves_nothing_running(tmp_path, delay):
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(SEEDS),
            str(ROOT / "tests" / "corpus"),
            "-o",
            str(out),
            "--no-cache",
            "--workers",
            "1",
        ],  # the pace these delays were set for
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=stoppable,  # Ctrl-C reaches it even when the suite runs in the background
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)  # Ctrl-C
    _, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the build finished before it could be interrupted")
    assert process.returncode == 130, err
    assert err.strip().splitlines() == ["kg build: interrupted"]
    assert not (out / "graph.ttl").exists()
    assert_no_build_process_outlives_its_build()


def assert_no_build_process_outlives_its_build(patience: float = 60.0) -> None:
    """The model servers and workers of the killed builds end by themselves (a server still loading the
    model ends once it has loaded it); only those of this test process's own builds may remain."""
    deadline = time.monotonic() + patience
    while True:
        # this checkout's processes only: other checkouts of kg may be building on the same machine
        orphans = [
            pid
            for pid, parent, command in processes()
            if "kg.pipeline.preload" in command
            and str(ROOT) in command
            and parent != os.getpid()
            and parent not in {p for p, q, _ in processes() if q == os.getpid()}
        ]
        if not orphans or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert not orphans, f"processes left behind by killed builds: {orphans}"


def processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of the processes of this machine (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            found.append((int(entry.name), parent, command))
        except (ValueError, OSError, IndexError):
            continue
    return found
