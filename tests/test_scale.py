"""Builds that scale: the extraction cache, worker processes and a dask cluster all give the graph a plain build gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from conftest import kg as kg_command
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

import kg
from kg.graph.mapping import KG
from kg.graph.turtle import turtle

CORPUS = ROOT / "tests" / "corpus"
ARTICLES = ("c02_merkel_macron_plan_de_relance", "c03_erdogan_poutine_idlib", "c15_trump_poutine_appel")
ADDED = "c18_macron_poutine_versailles"


def corpus_of(folder: Path, names: tuple[str, ...]) -> Path:
    """A folder holding the named articles of tests/corpus, with their metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    metadata = json.loads((CORPUS / "metadata.json").read_text(encoding="utf-8"))
    for name in names:
        shutil.copy(CORPUS / f"{name}.txt", folder / f"{name}.txt")
    listed = folder / "metadata.json"
    entries = json.loads(listed.read_text(encoding="utf-8")) if listed.exists() else {}
    entries.update({f"{n}.txt": metadata[f"{n}.txt"] for n in names if f"{n}.txt" in metadata})
    listed.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return folder


def graph_bytes(outdir: Path) -> bytes:
    return (outdir / "graph.ttl").read_bytes()


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory) -> Path:
    """The three articles plus the added one, built without a cache."""
    base = tmp_path_factory.mktemp("clean")
    out = base / "out"
    result = kg.build([corpus_of(base / "articles", ARTICLES + (ADDED,))], out, cache=False)
    assert result.built == 4 and result.corpus.events, "the test corpus must give events"
    return out


def test_adding_an_article_extracts_only_it_and_gives_the_graph_of_a_clean_build(tmp_path, clean_build):
    articles = corpus_of(tmp_path / "articles", ARTICLES)
    out = tmp_path / "out"
    first = kg.build([articles], out)
    assert (first.built, first.cached) == (3, 0)

    corpus_of(articles, (ADDED,))
    again = kg.build([articles], out)

    assert (again.built, again.cached) == (4, 3)
    assert graph_bytes(out) == graph_bytes(clean_build)
    assert (out / "graph.html").read_bytes() == (clean_build / "graph.html").read_bytes()


def test_a_changed_article_is_extracted_again(tmp_path):
    articles = corpus_of(tmp_path / "articles", ARTICLES)
    out, cache = tmp_path / "out", tmp_path / "cache"
    kg.build([articles], out, cache=cache)
    changed = articles / f"{ARTICLES[1]}.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Erdogan", "Recep Tayyip Erdogan", 1), encoding="utf-8"
    )

    rebuilt = kg.build([articles], out, cache=cache)
    kg.build([articles], tmp_path / "clean", cache=False)

    assert rebuilt.cached == 2
    assert graph_bytes(out) == graph_bytes(tmp_path / "clean")


def test_a_rebuild_from_the_cache_needs_no_parsing_and_gives_the_same_bytes(tmp_path):
    articles = corpus_of(tmp_path / "articles", ARTICLES)
    kg.build([articles], tmp_path / "out")
    before = graph_bytes(tmp_path / "out")

    again = kg.build([articles], tmp_path / "out")

    assert again.cached == 3 and "parse (all workers)" not in again.timings
    assert graph_bytes(tmp_path / "out") == before


def test_an_unreadable_cache_entry_is_extracted_again(tmp_path):
    articles = corpus_of(tmp_path / "articles", ARTICLES[:1])
    kg.build([articles], tmp_path / "out")
    before = graph_bytes(tmp_path / "out")
    for entry in (tmp_path / "out" / ".cache").rglob("*.pickle"):
        entry.write_bytes(b"\x80\x04not a pickle")

    again = kg.build([articles], tmp_path / "out")

    assert again.cached == 0
    assert graph_bytes(tmp_path / "out") == before


def test_the_order_of_the_inputs_does_not_change_the_graph(tmp_path):
    first = corpus_of(tmp_path / "first", ARTICLES[:2])
    second = corpus_of(tmp_path / "second", ARTICLES[2:] + (ADDED,))
    cache = tmp_path / "cache"
    kg.build([first, second], tmp_path / "a", cache=cache)
    kg.build([second, first], tmp_path / "b", cache=cache)
    assert graph_bytes(tmp_path / "a") == graph_bytes(tmp_path / "b")


def test_worker_processes_give_the_graph_of_one_process(tmp_path, clean_build):
    articles = corpus_of(tmp_path / "articles", ARTICLES + (ADDED,))
    result = kg.build([articles], tmp_path / "out", workers=2, cache=False)
    assert result.built == 4
    assert graph_bytes(tmp_path / "out") == graph_bytes(clean_build)


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_gives_the_graph_of_one_process(tmp_path, clean_build):
    distributed = pytest.importorskip("distributed")
    articles = corpus_of(tmp_path / "articles", ARTICLES + (ADDED,))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = kg.build([articles], tmp_path / "out", cache=False, dask_scheduler=cluster.scheduler_address)
    assert result.built == 4
    assert graph_bytes(tmp_path / "out") == graph_bytes(clean_build)


def test_an_unreachable_dask_scheduler_is_one_line(tmp_path):
    articles = corpus_of(tmp_path / "articles", ARTICLES[:1])
    result = kg_command(
        "build", articles, "-o", tmp_path / "out", "--no-cache", "--dask-scheduler", "tcp://127.0.0.1:9"
    )
    assert result.returncode == 2
    assert result.stderr.startswith("kg build: cannot reach the dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- what the command says


@pytest.fixture(scope="module")
def cached_build(tmp_path_factory) -> tuple[Path, Path]:
    """Articles with one empty file among them, built once so that the commands below read the cache."""
    base = tmp_path_factory.mktemp("talk")
    articles = corpus_of(base / "articles", ARTICLES[:2])
    (articles / "vide.txt").write_bytes(b"")
    kg.build([articles], base / "out")
    return articles, base / "out"


def test_quiet_prints_the_problems_only(cached_build):
    articles, out = cached_build
    result = kg_command("build", articles, "-o", out, "-q")
    assert result.returncode == 0
    [line] = result.stderr.splitlines()
    assert line.startswith("kg: ") and line.endswith("vide.txt: empty file")


def test_verbose_tells_the_time_of_each_stage_and_the_problems_by_reason(cached_build):
    articles, out = cached_build
    result = kg_command("build", articles, "-o", out, "-v")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    for stage in ("read", "resolve", "RDF graph", "SHACL validation", "Turtle", "page"):
        assert any(line.startswith(f"kg build: {stage}: ") and line.endswith(" s") for line in lines), stage
    assert "kg build: 2 of 2 documents' extractions from the cache" in lines
    assert any(line.startswith("kg build: 1 × ") for line in lines)
    assert lines[-1].startswith("kg build: 2 documents")


def test_no_progress_bar_when_the_output_is_not_a_terminal(cached_build):
    articles, out = cached_build
    result = kg_command("build", articles, "-o", out)
    assert "\r" not in result.stderr and "doc/s" not in result.stderr
    assert [line for line in result.stderr.splitlines() if not line.startswith("kg: ")] == [
        line for line in result.stderr.splitlines() if line.startswith("kg build: 2 documents")
    ]


def test_workers_and_quiet_verbose_are_checked(cached_build):
    articles, out = cached_build
    assert kg_command("build", articles, "-o", out, "--workers", "0").returncode == 2
    assert kg_command("build", articles, "-o", out, "-q", "-v").returncode == 2


# ---------------------------------------------------------------- the Turtle writer


def sorted_lines(graph: Graph) -> bytes:
    """GRAPH as sorted N-Triples lines, what kg.graph.mapping gives the Turtle writer."""
    return b"".join(sorted(graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)))


def test_turtle_is_the_same_bytes_whatever_order_the_triples_were_added_in():
    triples = [
        (URIRef(f"https://w3id.org/kg-news/id/actor/a{i % 7}"), p, o)
        for i in range(50)
        for p, o in (
            (RDFS.label, Literal(f"nom {i}", lang="fr")),
            (RDF.type, KG.Person),
            (KG.communicatedWith, URIRef(f"https://w3id.org/kg-news/id/actor/a{i % 5}")),
        )
    ]
    forward, backward = Graph(), Graph()
    for t in triples:
        forward.add(t)
    for t in reversed(triples):
        backward.add(t)
    assert turtle(sorted_lines(forward)) == turtle(sorted_lines(backward))
    assert set(Graph().parse(data=turtle(sorted_lines(forward)).decode("utf-8"), format="turtle")) == set(forward)


def test_turtle_declares_the_contract_prefixes_and_keeps_hostile_literals():
    g = Graph()
    node = URIRef("https://w3id.org/kg-news/id/event/x")
    hostile = 'ligne 1\nligne 2 "cité" \\ \t » 🙂'
    g.add((node, KG.evidence, Literal(hostile, lang="fr")))
    text = turtle(sorted_lines(g)).decode("utf-8")
    for prefix in ("kg", "rdfs", "owl", "skos", "prov", "schema", "xsd", "wd", "topic"):
        assert f"@prefix {prefix}: <" in text
    assert str(Graph().parse(data=text, format="turtle").value(node, KG.evidence)) == hostile
