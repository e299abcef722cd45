"""`kg validate GRAPH`: checks a graph against the contract and says, one line each, what breaks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]

PREFIXES = """\
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix event: <https://w3id.org/kg-news/id/event/> .
@prefix actor: <https://w3id.org/kg-news/id/actor/> .
@prefix article: <https://w3id.org/kg-news/id/article/> .
@prefix topic: <https://w3id.org/kg-news/topic/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

ACTORS = """\
actor:vladimir-putin a kg:Person , kg:Actor ; rdfs:label "Vladimir Poutine" ;
    skos:altLabel "Poutine" ; owl:sameAs <http://www.wikidata.org/entity/Q7747> ;
    kg:communicatedWith actor:emmanuel-macron .
actor:emmanuel-macron a kg:Person , kg:Actor ; rdfs:label "Emmanuel Macron" ;
    owl:sameAs <http://www.wikidata.org/entity/Q3052772> ;
    kg:communicatedWith actor:vladimir-putin .
"""

ARTICLE = """\
article:000 a kg:Article ; schema:identifier "000" ; schema:datePublished "2022-02-03"^^xsd:date .
"""

TOPICS = """\
topic:scheme a skos:ConceptScheme .
topic:minsk-agreements a kg:Topic , skos:Concept ; skos:inScheme topic:scheme ;
    skos:notation "minsk-agreements" ;
    skos:prefLabel "Accords de Minsk"@fr , "Minsk agreements"@en ;
    skos:altLabel "accords de Minsk"@fr .
"""

CALL = """\
event:2022-02-03-call a kg:PhoneCall , kg:Communication , kg:Event ;
    kg:participant actor:emmanuel-macron , actor:vladimir-putin ;
    kg:initiator actor:emmanuel-macron ;
    kg:date "2022-02-03"^^xsd:date ;
    kg:duration "PT1H"^^xsd:duration ;
    kg:concerns topic:minsk-agreements ;
    kg:evidence "Emmanuel Macron et Vladimir Poutine se sont entretenus par téléphone ce 3 février."@fr ;
    prov:wasDerivedFrom article:000 .
"""


def valid_graph() -> str:
    return PREFIXES + ACTORS + ARTICLE + TOPICS + CALL


def kg_validate(tmp_path: Path, turtle: str, name: str = "graph.ttl") -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_text(turtle, encoding="utf-8")
    return run_kg("validate", str(path))


def run_kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, old  # the edit must change the graph, or the test proves nothing
    return text.replace(old, new)


def assert_reported(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 1, and one output line naming the node and saying what is wrong."""
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(all(word in line for word in words) for line in lines), result.stdout
    assert lines[-1].endswith("violation") or lines[-1].endswith("violations"), result.stdout
    assert "Traceback" not in result.stderr


def test_a_graph_that_keeps_the_contract_is_valid(tmp_path):
    triples = len(Graph().parse(data=valid_graph(), format="turtle"))
    result = kg_validate(tmp_path, valid_graph())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"{tmp_path / 'graph.ttl'}: valid ({triples} triples)"]


def test_a_build_folder_is_validated_through_its_graph_ttl(tmp_path):
    (tmp_path / "graph.ttl").write_text(valid_graph(), encoding="utf-8")
    result = run_kg("validate", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "graph.ttl: valid (" in result.stdout


def test_other_rdf_formats_are_read_by_their_extension(tmp_path):
    ntriples = Graph().parse(data=valid_graph(), format="turtle").serialize(format="nt")
    result = kg_validate(tmp_path, ntriples, name="graph.nt")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_call_with_one_participant_is_reported(tmp_path):
    graph = replaced(
        valid_graph(),
        "kg:participant actor:emmanuel-macron , actor:vladimir-putin",
        "kg:participant actor:emmanuel-macron",
    )
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "kg:participant", "2 participants")


def test_a_call_without_a_source_article_is_reported(tmp_path):
    graph = replaced(valid_graph(), "    prov:wasDerivedFrom article:000 .", "    .")
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "prov:wasDerivedFrom")


def test_a_call_without_evidence_is_reported(tmp_path):
    graph = replaced(valid_graph(), '    kg:evidence "Emmanuel Macron', '    rdfs:comment "Emmanuel Macron')
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "kg:evidence")


def test_a_date_that_is_a_plain_string_is_reported(tmp_path):
    graph = replaced(
        valid_graph(), '"2022-02-03"^^xsd:date ;\n    kg:duration', '"2022-02-03"^^xsd:string ;\n    kg:duration'
    )
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "kg:date", "xsd:date")


def test_a_day_without_its_year_is_a_valid_date(tmp_path):
    graph = replaced(
        valid_graph(), '"2022-02-03"^^xsd:date ;\n    kg:duration', '"--02-03"^^xsd:gMonthDay ;\n    kg:duration'
    )
    assert kg_validate(tmp_path, graph).returncode == 0


def test_a_duration_that_is_not_an_xsd_duration_is_reported(tmp_path):
    graph = replaced(valid_graph(), '"PT1H"^^xsd:duration', '"une heure"')
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "kg:duration")


def test_an_actor_with_two_labels_is_reported(tmp_path):
    graph = replaced(valid_graph(), 'rdfs:label "Vladimir Poutine" ;', 'rdfs:label "Vladimir Poutine" , "Poutine" ;')
    assert_reported(kg_validate(tmp_path, graph), "actor:vladimir-putin", "rdfs:label")


def test_same_as_must_point_to_a_wikidata_entity(tmp_path):
    graph = replaced(valid_graph(), "<http://www.wikidata.org/entity/Q7747>", "<https://en.wikipedia.org/wiki/Putin>")
    assert_reported(kg_validate(tmp_path, graph), "actor:vladimir-putin", "owl:sameAs", "Wikidata")


def test_communicated_with_must_be_written_in_both_directions(tmp_path):
    graph = replaced(valid_graph(), " ;\n    kg:communicatedWith actor:vladimir-putin .", " .")
    assert_reported(kg_validate(tmp_path, graph), "actor:vladimir-putin", "both directions")


def test_participants_of_a_call_must_be_linked_by_communicated_with(tmp_path):
    graph = replaced(valid_graph(), " ;\n    kg:communicatedWith actor:emmanuel-macron .", " .")
    graph = replaced(graph, " ;\n    kg:communicatedWith actor:vladimir-putin .", " .")
    assert_reported(
        kg_validate(tmp_path, graph),
        "event:2022-02-03-call",
        "actor:emmanuel-macron",
        "actor:vladimir-putin",
        "kg:communicatedWith",
    )


def test_a_planned_meeting_does_not_link_its_participants(tmp_path):
    graph = replaced(valid_graph(), " ;\n    kg:communicatedWith actor:emmanuel-macron .", " .")
    graph = replaced(graph, " ;\n    kg:communicatedWith actor:vladimir-putin .", " .")
    graph = replaced(
        graph,
        "a kg:PhoneCall , kg:Communication , kg:Event ;",
        'a kg:Meeting , kg:Communication , kg:Event ; kg:status "planned" ;',
    )
    result = kg_validate(tmp_path, graph)
    assert result.returncode == 0, result.stdout


def test_the_initiator_must_be_a_participant(tmp_path):
    graph = replaced(valid_graph(), "kg:initiator actor:emmanuel-macron", "kg:initiator actor:andrzej-duda")
    graph += 'actor:andrzej-duda a kg:Person , kg:Actor ; rdfs:label "Andrzej Duda" .\n'
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "actor:andrzej-duda", "participants")


def test_a_topic_without_notation_is_reported(tmp_path):
    graph = replaced(valid_graph(), '    skos:notation "minsk-agreements" ;\n', "")
    assert_reported(kg_validate(tmp_path, graph), "topic:minsk-agreements", "skos:notation")


def test_a_topic_without_a_french_label_is_reported(tmp_path):
    graph = replaced(valid_graph(), '"Accords de Minsk"@fr , ', "")
    assert_reported(kg_validate(tmp_path, graph), "topic:minsk-agreements", "skos:prefLabel", "French")


def test_an_event_typed_only_by_its_kind_is_still_checked_as_a_communication(tmp_path):
    graph = replaced(valid_graph(), "a kg:PhoneCall , kg:Communication , kg:Event ;", "a kg:PhoneCall ;")
    graph = replaced(
        graph, "kg:participant actor:emmanuel-macron , actor:vladimir-putin", "kg:participant actor:emmanuel-macron"
    )
    assert_reported(kg_validate(tmp_path, graph), "event:2022-02-03-call", "2 participants")


def test_every_violation_gets_its_own_line_and_a_count(tmp_path):
    graph = replaced(valid_graph(), 'rdfs:label "Emmanuel Macron" ;', 'rdfs:label "Emmanuel Macron" , "Macron" ;')
    graph = replaced(graph, '    skos:notation "minsk-agreements" ;\n', "")
    result = kg_validate(tmp_path, graph)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].endswith("graph.ttl: 2 violations"), result.stdout


def test_a_file_that_is_not_rdf_is_one_line_and_exit_2(tmp_path):
    result = kg_validate(tmp_path, "this is not <Turtle", name="broken.ttl")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.ttl" in result.stderr


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    result = run_kg("validate", str(tmp_path / "nowhere.ttl"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nowhere.ttl" in result.stderr


def test_the_build_of_the_seeds_keeps_the_contract(seeds_build):
    result = run_kg("validate", str(seeds_build))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid (" in result.stdout


# ---------------------------------------------------------------- a rebuild checks what changed


def background_calls(count: int) -> str:
    """COUNT other valid calls, each between its own two people and from its own article."""
    parts = []
    for n in range(count):
        parts.append(f"""\
actor:p{n}a a kg:Person , kg:Actor ; rdfs:label "Personne {n} A" ; kg:communicatedWith actor:p{n}b .
actor:p{n}b a kg:Person , kg:Actor ; rdfs:label "Personne {n} B" ; kg:communicatedWith actor:p{n}a .
article:{n:03d}b a kg:Article ; schema:identifier "{n:03d}b" .
event:call-{n} a kg:PhoneCall , kg:Communication , kg:Event ;
    kg:participant actor:p{n}a , actor:p{n}b ; kg:evidence "Appel {n}."@fr ; prov:wasDerivedFrom article:{n:03d}b .
""")
    return "".join(parts)


CHANGES = {
    "a call loses a participant": (
        "kg:participant actor:emmanuel-macron , actor:vladimir-putin",
        "kg:participant actor:emmanuel-macron",
    ),
    "a participant loses its type (its calls break)": (
        "actor:vladimir-putin a kg:Person , kg:Actor ;",
        'actor:vladimir-putin rdfs:comment "" ;',
    ),
    "two participants are no longer linked": (" ;\n    kg:communicatedWith actor:emmanuel-macron .", " ."),
    "an initiator outside the call": ("kg:initiator actor:emmanuel-macron", "kg:initiator actor:p1a"),
    "a topic loses its notation": ('    skos:notation "minsk-agreements" ;\n', ""),
    "nothing": ("", ""),
}


@pytest.mark.parametrize("change", CHANGES)
def test_checking_only_what_changed_since_a_valid_graph_finds_what_a_full_check_finds(change):
    from kg.check.validate import NodeStatements, to_check, validate_graph

    before = Graph().parse(data=valid_graph() + background_calls(20), format="turtle")
    old, new = CHANGES[change]
    after = Graph().parse(data=replaced(valid_graph(), old, new) + background_calls(20), format="turtle")

    was = NodeStatements.of(before.serialize(format="nt", encoding="utf-8")).digests
    lines = after.serialize(format="nt", encoding="utf-8")
    checked = to_check(lines, NodeStatements.of(lines), was)
    found = validate_graph(checked[0], focus=checked[1]) if checked is not None else []

    full = validate_graph(after)
    assert [v.describe(after) for v in found] == [v.describe(after) for v in full]
    assert bool(full) == (change != "nothing")
