"""The command's error paths (one clear line, the right exit status), kg --version, kg query's library, stdin and
xml, and the packaging (distribution name, optional dask, --workers auto)."""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from importlib import metadata

import pytest
from fixtures_store import QUERIES, ROOT, kg

DATA = ROOT / "tests" / "data"


def one_line(done, status: int) -> str:
    assert done.returncode == status, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    return line


# --- kg --version and packaging -----------------------------------------------------------------


def test_version_is_the_installed_distributions():
    done = kg("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"kg {metadata.version('kg-news')}"


def test_the_distribution_is_kg_news_with_dask_optional_and_numpy_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "kg-news" and project["scripts"] == {"kg": "kg.cli:main"}
    required = {re.split(r"[<>=!\[ ]", dependency)[0].lower() for dependency in project["dependencies"]}
    assert "numpy" in required
    assert not required & {"dask", "distributed", "pyvis", "oxrdflib", "dateparser"}
    assert {re.split(r"[<>=]", d)[0] for d in project["optional-dependencies"]["dask"]} == {"dask", "distributed"}


def test_workers_default_to_one_per_core():
    from kg.cli.build import available_cores, worker_count

    assert worker_count("auto") == available_cores() == len(os.sched_getaffinity(0))
    assert worker_count("3") == 3
    help_text = kg("build", "--help").stdout
    assert "default: auto" in " ".join(help_text.split())


# --- kg build -----------------------------------------------------------------------------------


def test_an_output_that_is_a_file_is_refused_before_any_work(tmp_path):
    (tmp_path / "taken").write_text("x")
    line = one_line(kg("build", ROOT / "seeds", "-o", tmp_path / "taken"), 2)
    assert line == f"kg build: -o {tmp_path / 'taken'}: is a file, not a folder"
    line = one_line(kg("build", ROOT / "seeds", "-o", tmp_path / "taken" / "out"), 2)
    assert "cannot write there: Not a directory" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_an_output_folder_that_cannot_be_written_is_refused_before_any_work(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = one_line(kg("build", ROOT / "seeds", "-o", locked), 2)
    finally:
        locked.chmod(0o700)
    assert "cannot write there: Permission denied" in line


def test_workers_must_be_auto_or_a_count(tmp_path):
    line = one_line(kg("build", ROOT / "seeds", "-o", tmp_path, "--workers", "many"), 2)
    assert "--workers many" in line and "auto" in line


# --- kg eval ------------------------------------------------------------------------------------


def test_eval_says_which_threshold_failed(seeds_build):
    done = kg("eval", seeds_build, "--gold", DATA / "seeds.gold.json", "--min-topics", "0.99", "--min-events", "0.5")
    line = one_line(done, 1)
    assert re.fullmatch(r"kg eval: failed: topics F1 0\.\d\d is below --min-topics 0\.99", line)


def test_eval_blames_a_broken_reference_not_the_graph(seeds_build, tmp_path):
    broken = tmp_path / "gold.json"
    broken.write_text("{", encoding="utf-8")
    line = one_line(kg("eval", seeds_build, "--gold", broken), 2)
    assert line.startswith(f"kg eval: cannot read the reference {broken}:")
    broken.write_text(json.dumps({"events": []}), encoding="utf-8")
    line = one_line(kg("eval", seeds_build, "--gold", broken), 2)
    assert "not a kg reference" in line and "'actors'" in line


# --- kg validate --------------------------------------------------------------------------------


def test_validate_says_when_a_file_is_not_a_kg_graph(tmp_path):
    other = tmp_path / "other.ttl"
    other.write_text("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n", encoding="utf-8")
    line = one_line(kg("validate", other), 1)
    assert f"{other}: not a kg graph" in line


# --- kg query -----------------------------------------------------------------------------------


def test_a_misspelt_query_name_is_one_line_with_the_closest_name(seeds_build):
    line = one_line(kg("query", seeds_build, "who-talked-to-whim"), 2)
    assert "no query named 'who-talked-to-whim'" in line and "did you mean who-talked-to-whom?" in line


def test_an_unknown_prefix_is_named_at_its_place(seeds_build):
    done = kg("query", seeds_build, "SELECT * WHERE { ?s foo:bar ?o }")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    first, quoted, caret = done.stderr.splitlines()
    assert first.startswith("kg query: query:1:21: malformed query: unknown prefix foo:")
    assert "expected one of" not in first
    assert quoted[caret.index("^")] == "f"


def test_list_names_every_query_with_what_it_answers():
    listing = kg("query", "--list").stdout.splitlines()
    assert [line.split()[0] for line in listing] == sorted(path.stem for path in QUERIES.glob("*.rq"))
    assert any(line.startswith("who-talked-to-whom") and "Who communicated with whom" in line for line in listing)


def test_a_query_read_from_standard_input(seeds_build):
    done = kg("query", seeds_build, "-", "--format", "csv", input="SELECT ?who WHERE { ?who owl:sameAs wd:Q7747 }")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["who", "https://w3id.org/kg-news/id/actor/vladimir-putin"]


def test_xml_results_are_the_w3c_format(seeds_build):
    done = kg("query", seeds_build, "who-talked-to-whom", "--format", "xml")
    assert done.returncode == 0, done.stderr
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ElementTree.fromstring(done.stdout)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == [
        "actor1",
        "actor2",
        "events",
        "first",
        "last",
    ]
    assert (
        len(root.findall("r:results/r:result", ns))
        == len(kg("query", seeds_build, "who-talked-to-whom", "--format", "csv").stdout.splitlines()) - 1
    )


def test_query_arguments_are_checked(seeds_build):
    assert "GRAPH and QUERY" in one_line(kg("query", seeds_build), 2)
    assert "QUERY after --endpoint" in one_line(kg("query", "--endpoint", "http://127.0.0.1:9/q", seeds_build, "x"), 2)
    assert "http" in one_line(kg("query", "--endpoint", "ftp://example.org/sparql", "ASK {}"), 2)


def test_the_query_module_runs_without_the_build_modules():
    """kg query imports neither spaCy, rdflib nor the build, nor the other commands: it starts fast."""
    code = (
        "import sys; from kg.cli import main; main(['query', '--list']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'rdflib') or m in "
        "('kg.pipeline', 'kg.page', 'kg.sparql.loading', 'kg.nlp') or m.startswith('kg.cli.') and m != 'kg.cli.query'))"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.splitlines()[-1] == "[]"
