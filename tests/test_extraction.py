"""Extraction as a reader would check it: short French articles in, the facts they state out (and nothing else)."""

from __future__ import annotations

import json

import pytest
from conftest import kg
from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF, RDFS

KG = Namespace("https://w3id.org/kg-news/ontology#")
WD = "http://www.wikidata.org/entity/"

ARTICLES = {
    "trump2019": (
        "2019-06-14",
        "Le président américain s'est entretenu jeudi par téléphone avec la chancelière "
        "allemande. Les deux dirigeants ont évoqué les sanctions contre l'Iran.",
    ),
    "biden2022": (
        "2022-03-02",
        "Le président américain a reçu lundi à la Maison-Blanche le chancelier allemand Olaf Scholz.",
    ),
    "planned": (
        "2021-05-10",
        "Vladimir Poutine rencontrera Joe Biden le 16 juin à Genève, a annoncé le Kremlin. "
        "Une rencontre entre Emmanuel Macron et Angela Merkel pourrait se tenir la semaine prochaine.",
    ),
    "negated": ("2020-04-02", "Emmanuel Macron et Recep Tayyip Erdogan ne se sont pas entretenus depuis des mois."),
    "press": (
        "2022-02-10",
        "Emmanuel Macron a déclaré à la presse que la situation restait grave. "
        "Dans un tweet, Boris Johnson a salué le courage des Ukrainiens.",
    ),
    "glued": (
        "2020-09-30",
        "MM.Erdogan et Poutine se sont parlé au téléphone hier.L'échange a porté sur le Haut-Karabakh.",
    ),
    "relative": (
        "2018-12-04",
        "Charles Michel, qui a rencontré Emmanuel Macron lundi à Bruxelles, ne prévoit pas de "
        "baisser les accises sur le diesel.",
    ),
    "ministers": (
        "2022-03-29",
        "Le 10 mars, les chefs de la diplomatie russe et ukrainienne se sont rencontrés à Antalya. "
        "Trente soldats ont été tués le 27 février. Le lendemain, les deux présidents, Recep "
        "Tayyip Erdogan et Vladimir Poutine, se sont entretenus par téléphone.",
    ),
    "misspelt": (
        "2021-06-02",
        "Le maire de Lampedusa, Filippo Mannino, a été reçu mardi par Giorgia Meloni. "
        "Mercredi, M. Manino s'est entretenu par téléphone avec Ursula von der Leyen.",
    ),
    "unknown": (
        "2023-05-04",
        "Le ministre des Affaires étrangères arménien, Ararat Mirzoyan, a rencontré mardi à "
        "Washington son homologue azerbaïdjanais Djeyhoun Baïramov. Mirzoyan a ensuite "
        "rencontré Antony Blinken.",
    ),
    "families": (
        "2018-03-28",
        "Après la cérémonie, Emmanuel Macron a reçu à huis clos les familles des victimes. "
        "Des familles ont ensuite été reçues par Édouard Philippe.",
    ),
    "delegation": (
        "2019-02-01",
        "Sous la pluie, un groupe de gilets jaunes attend devant l'usine. "
        "Une délégation s'entretient avec Laurent Wauquiez, à l'abri de la presse.",
    ),
    "movement": (
        "2018-11-21",
        "Le mouvement des gilets jaunes est entré mercredi dans sa cinquième journée. "
        "Le mouvement a reçu mardi le soutien de la fédération Force ouvrière des transports.",
    ),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    folder = tmp_path_factory.mktemp("articles")
    for name, (published, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.json").write_text(
        json.dumps({f"{n}.txt": {"published": p} for n, (p, _) in ARTICLES.items()}), encoding="utf-8"
    )
    out = tmp_path_factory.mktemp("out")
    kg("build", folder, "-o", out, check=True)
    g = Graph()
    g.parse(out / "graph.ttl")
    return g


def events_from(g: Graph, doc_id: str) -> list[dict]:
    rows = g.query(
        """
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?e ?date WHERE { ?e prov:wasDerivedFrom ?a . ?a schema:identifier ?id . OPTIONAL { ?e kg:date ?date } }""",
        initBindings={"id": __import__("rdflib").Literal(doc_id)},
    )
    out = []
    for e, date in rows:
        people = sorted(str(g.value(p, RDFS.label)) for p in g.objects(e, KG.participant))
        kinds = {str(t).split("#")[-1] for t in g.objects(e, RDF.type)}
        out.append({"people": people, "date": str(date) if date else None, "kinds": kinds})
    return out


def test_titles_resolve_through_the_office_held_that_day(graph):
    [call] = events_from(graph, "trump2019")
    assert call["people"] == ["Angela Merkel", "Donald Trump"]
    assert call["date"] == "2019-06-13" and "PhoneCall" in call["kinds"]
    [visit] = events_from(graph, "biden2022")
    assert visit["people"] == ["Joe Biden", "Olaf Scholz"]
    assert visit["date"] == "2022-02-28" and "Meeting" in visit["kinds"]


def test_planned_negated_and_one_sided_statements_are_not_events(graph):
    assert events_from(graph, "planned") == []
    assert events_from(graph, "negated") == []
    assert events_from(graph, "press") == []


def test_glued_sentences_and_honorifics(graph):
    [call] = events_from(graph, "glued")
    assert call["people"] == ["Recep Tayyip Erdogan", "Vladimir Poutine"]
    assert call["date"] == "2020-09-29" and "PhoneCall" in call["kinds"]


def test_actors_the_gazetteer_lacks_are_actors_too(graph):
    events = events_from(graph, "unknown")
    people = sorted(tuple(e["people"]) for e in events)
    assert ("Ararat Mirzoyan", "Djeyhoun Baïramov") in people
    mirzoyan = next(graph.subjects(RDFS.label, __import__("rdflib").Literal("Ararat Mirzoyan")))
    assert (mirzoyan, RDF.type, KG.Person) in graph
    assert not list(graph.objects(mirzoyan, OWL.sameAs))


def test_relative_clauses_titles_in_the_plural_and_the_next_day(graph):
    [meeting] = events_from(graph, "relative")
    assert meeting["people"] == ["Charles Michel", "Emmanuel Macron"] and meeting["date"] == "2018-12-03"
    by_date = {e["date"]: e for e in events_from(graph, "ministers")}
    assert by_date["2022-03-10"]["people"] == ["Dmytro Kouleba", "Sergueï Lavrov"]
    assert by_date["2022-02-28"]["people"] == ["Recep Tayyip Erdogan", "Vladimir Poutine"]
    assert "PhoneCall" in by_date["2022-02-28"]["kinds"]


def test_a_misspelt_repeat_is_the_same_person(graph):
    people = {tuple(e["people"]) for e in events_from(graph, "misspelt")}
    assert ("Filippo Mannino", "Ursula von der Leyen") in people


def test_every_known_actor_links_to_wikidata_only_when_certain(graph):
    for node, same in graph.subject_objects(OWL.sameAs):
        assert str(same).startswith(WD + "Q")


def test_a_bare_head_of_state_in_a_french_paper_is_france_s(tmp_path):
    """In Le Figaro, "Le chef de l'État a téléphoné mardi à Angela Merkel" is Emmanuel Macron's call: one German
    named does not make the article German (the outlet's state weighs as one office-holder named)."""
    (tmp_path / "merkel.txt").write_text("Le chef de l'État a téléphoné mardi à Angela Merkel.", encoding="utf-8")
    meta = {"merkel.txt": {"published": "2018-12-17", "outlet": "Le Figaro"}}
    (tmp_path / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    kg("build", tmp_path, "-o", tmp_path / "out", check=True)
    g = Graph()
    g.parse(tmp_path / "out" / "graph.ttl")
    [call] = events_from(g, "merkel")
    assert call["people"] == ["Angela Merkel", "Emmanuel Macron"] and call["date"] == "2018-12-11"


def test_collectives_said_by_whose_they_are_by_who_sent_them_and_not_by_what_they_do(graph):
    """ "les familles des victimes" are a group, "des familles" are not; "une délégation" is sent by the collective
    the sentence before names; "le mouvement" that receives support is the protest, not people met."""
    [meeting] = events_from(graph, "families")
    assert meeting["people"] == ["Emmanuel Macron", "familles des victimes"] and meeting["date"] == "2018-03-28"
    [talks] = events_from(graph, "delegation")
    assert talks["people"] == ["Laurent Wauquiez", "gilets jaunes"] and talks["date"] == "2019-02-01"
    assert events_from(graph, "movement") == []
