"""The gazetteer of states, international organisations and office titles is well formed and usable.

It is the data kg resolves "la Russie", "le Kremlin", "le président russe" and "l'Otan" with, so a
clash (one name for two actors), a dangling office or a wrong Wikidata id is a wrong graph.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "ontology" / "gazetteer"
GOLD = ROOT / "tests" / "data" / "seeds.gold.json"

ACTOR_FIELDS = {
    "id",
    "kind",
    "wikidata",
    "label",
    "en",
    "names",
    "demonyms",
    "prefixes",
    "capitals",
    "seats",
    "leader_role",
}
STRING_LIST_FIELDS = ("names", "demonyms", "prefixes", "capitals", "seats")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIKIDATA_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
LEADING_ARTICLE = re.compile(r"^((le|la|les)\s|l['’])", re.IGNORECASE)

# The offices the rest of the gazetteer (people.json) refers to.
REQUIRED_OFFICES = {
    "president",
    "vice_president",
    "prime_minister",
    "chancellor",
    "monarch",
    "crown_prince",
    "supreme_leader",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "finance_minister",
    "economy_minister",
    "spokesperson",
    "secretary_general",
    "high_representative",
    "national_security_advisor",
    "chief_of_staff",
    "minister",
    "ambassador",
    "envoy",
    "mayor",
    "party_leader",
}
LEADER_OFFICES = {"president", "prime_minister", "chancellor", "monarch", "supreme_leader", "pope"}

# The actors of the seed articles, with the ids and Wikidata entities of their reference.
SEED_ACTORS = {
    "russia": "Q159",
    "france": "Q142",
    "usa": "Q30",
    "ukraine": "Q212",
    "poland": "Q36",
    "germany": "Q183",
    "belarus": "Q184",
    "nato": "Q7184",
    "eu": "Q458",
}


def load(name: str):
    return json.loads((GAZETTEER / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return load("countries.json")


@pytest.fixture(scope="module")
def organizations() -> list[dict]:
    return load("organizations.json")


@pytest.fixture(scope="module")
def actors(countries, organizations) -> list[dict]:
    return countries + organizations


@pytest.fixture(scope="module")
def titles() -> dict:
    return load("titles.json")


@pytest.fixture(scope="module")
def offices(titles) -> dict:
    return {key: office for key, office in titles.items() if not key.startswith("_")}


def folded(text: str) -> str:
    """Case- and accent-insensitive form, as names are matched in text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def clashes(actors: list[dict], fields: tuple[str, ...]) -> dict[str, list[str]]:
    """Strings (folded) that two different actors claim in the given fields, with the claimants."""
    claimants: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for field in fields:
            for text in actor[field]:
                claimants[folded(text)].add(actor["id"])
    return {text: sorted(ids) for text, ids in claimants.items() if len(ids) > 1}


# --- shape -----------------------------------------------------------------------------------------


def test_actor_files_are_lists_of_actors_in_the_documented_shape(countries, organizations):
    for kind, entries in (("Country", countries), ("Organization", organizations)):
        assert isinstance(entries, list) and entries
        for entry in entries:
            assert set(entry) == ACTOR_FIELDS | ({"sort"} if kind == "Organization" else set()), entry.get("id")
            assert entry["kind"] == kind, entry["id"]
            assert isinstance(entry["label"], str) and entry["label"].strip() == entry["label"] != ""
            assert isinstance(entry["en"], str) and entry["en"], entry["id"]
            for field in STRING_LIST_FIELDS:
                values = entry[field]
                assert isinstance(values, list), (entry["id"], field)
                assert all(isinstance(v, str) and v and v.strip() == v for v in values), (entry["id"], field)
                assert len(values) == len(set(values)), f"{entry['id']}: repeated {field}"


def test_ids_are_unique_lowercase_and_hyphenated(actors):
    ids = [actor["id"] for actor in actors]
    assert [i for i in ids if not ID_PATTERN.match(i)] == []
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_label_is_one_of_the_names(actors):
    assert [a["id"] for a in actors if a["label"] not in a["names"]] == []


def test_names_and_seats_are_written_without_the_article(actors):
    with_article = [
        (a["id"], text)
        for a in actors
        for field in ("names", "seats")
        for text in a[field]
        if LEADING_ARTICLE.match(text)
    ]
    assert with_article == []


def test_demonyms_and_prefixes_are_lowercase(actors):
    upper = [
        (a["id"], text)
        for a in actors
        for field in ("demonyms", "prefixes")
        for text in a[field]
        if text != text.lower()
    ]
    assert upper == []


def test_demonyms_come_in_every_gender_and_number(countries):
    # A masculine singular alone would leave "la diplomatie russe" found and "les autorités ukrainiennes" lost.
    incomplete = [c["id"] for c in countries if c["demonyms"] and len(c["demonyms"]) < 2]
    assert incomplete == []
    france = next(c for c in countries if c["id"] == "france")
    assert {"français", "française", "françaises"} <= set(france["demonyms"])


# --- identity --------------------------------------------------------------------------------------


def test_wikidata_ids_are_well_formed_or_null(actors):
    assert [
        (a["id"], a["wikidata"])
        for a in actors
        if a["wikidata"] is not None and not WIKIDATA_PATTERN.match(a["wikidata"])
    ] == []


def test_no_two_actors_share_a_wikidata_entity(actors):
    owners: dict[str, list[str]] = defaultdict(list)
    for actor in actors:
        if actor["wikidata"]:
            owners[actor["wikidata"]].append(actor["id"])
    assert {qid: ids for qid, ids in owners.items() if len(ids) > 1} == {}


def test_no_name_capital_or_seat_designates_two_actors(actors):
    assert clashes(actors, ("names", "capitals", "seats")) == {}


def test_no_demonym_or_prefix_designates_two_actors(actors):
    assert clashes(actors, ("demonyms",)) == {}
    assert clashes(actors, ("prefixes",)) == {}


def test_every_un_member_state_is_there(countries):
    # 193 members, plus Palestine and the Holy See (observers), Kosovo and Taiwan.
    assert len(countries) >= 195
    ids = {c["id"] for c in countries}
    assert {"palestine", "vatican", "kosovo", "taiwan"} <= ids


def test_the_seed_actors_carry_the_reference_ids(actors):
    by_id = {a["id"]: a for a in actors}
    assert {key: by_id[key]["wikidata"] if key in by_id else None for key in SEED_ACTORS} == SEED_ACTORS


def test_the_seed_actors_answer_to_every_label_of_the_reference():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["actors"]
    by_id = {a["id"]: a for a in load("countries.json") + load("organizations.json")}
    missing = {}
    for key, actor in gold.items():
        if actor["type"] not in ("Country", "Organization"):
            continue
        names = {folded(n) for n in by_id[key]["names"]}
        lost = [label for label in actor["labels"] if folded(label) not in names]
        if lost:
            missing[key] = lost
    assert missing == {}


def test_seats_of_power_stand_for_their_state(actors):
    seat_owner = {folded(seat): a["id"] for a in actors for seat in a["seats"]}
    assert seat_owner[folded("Kremlin")] == "russia"
    assert seat_owner[folded("Elysée")] == "france"
    assert seat_owner[folded("Maison-Blanche")] == "usa"
    assert seat_owner[folded("Downing Street")] == "united-kingdom"
    # Seats the state already answers to stay the state's; a ministry gets the seats nobody claims.
    assert {seat_owner[folded(s)] for s in ("Matignon", "Bercy", "Quai d'Orsay", "Hôtel de Brienne")} == {"france"}
    assert seat_owner[folded("place Beauvau")] == seat_owner[folded("Beauvau")] == "french-interior-ministry"
    assert seat_owner[folded("Élysette")] == "wallonia"


# --- offices ---------------------------------------------------------------------------------------


def test_every_leader_role_is_an_office_of_titles(actors, offices):
    dangling = [
        (a["id"], a["leader_role"]) for a in actors if a["leader_role"] is not None and a["leader_role"] not in offices
    ]
    assert dangling == []


def test_every_state_has_a_leader_office(countries, offices):
    # "le dirigeant X", "le chef de l'État X", "son homologue X" must resolve for every state.
    assert [c["id"] for c in countries if not offices.get(c["leader_role"], {}).get("leader")] == []


def test_titles_name_every_office_people_refer_to(offices):
    assert REQUIRED_OFFICES - set(offices) == set()


def test_each_office_has_french_titles(offices):
    for key, office in offices.items():
        assert set(office) <= {"titles", "leader"}, key
        assert office["titles"] and all(isinstance(t, str) and t.strip() == t != "" for t in office["titles"]), key


def test_leader_flag_marks_exactly_the_heads_of_state_and_government(offices):
    assert {key for key, office in offices.items() if office.get("leader") is True} == LEADER_OFFICES


def test_no_title_belongs_to_two_offices(offices):
    claimants: dict[str, set[str]] = defaultdict(set)
    for key, office in offices.items():
        for title in office["titles"]:
            claimants[folded(title)].add(key)
    assert {t: sorted(keys) for t, keys in claimants.items() if len(keys) > 1} == {}


def test_titles_cover_the_forms_of_the_press(offices):
    assert {"président", "présidente"} <= set(offices["president"]["titles"])
    assert {"chancelier", "chancelière"} <= set(offices["chancellor"]["titles"])
    assert {"Premier ministre", "première ministre", "chef du gouvernement"} <= set(offices["prime_minister"]["titles"])
    assert {"chef de la diplomatie", "ministre des Affaires étrangères", "secrétaire d'État"} <= set(
        offices["foreign_minister"]["titles"]
    )
    assert "chef de la diplomatie européenne" in offices["high_representative"]["titles"]


def test_generic_words_are_given(titles):
    generic = titles["_generic"]
    assert set(generic) == {"leader_words", "seat_holder_words", "counterpart_words", "shortened_titles", "seat_roles"}
    assert {"dirigeant", "chef d'État", "chef de l'État"} <= set(generic["leader_words"])
    assert {"chef", "locataire", "patron"} <= set(generic["seat_holder_words"])
    assert {"homologue", "homologues"} <= set(generic["counterpart_words"])


# Organisation names are matched without case: none may be a common French word ("un défi", "solidaires",
# "en marche", "les verts", "la chambre"); such parties and unions answer to their longer names.
COMMON_WORDS = {
    "défi",
    "solidaires",
    "solidaire",
    "alliance",
    "renaissance",
    "en marche",
    "verts",
    "centre",
    "chambre",
    "engagés",
    "assemblée",
    "sénateurs",
    "patriotes",
    "ensemble",
    "horizons",
}


def test_no_organisation_name_is_a_common_word(actors):
    words = {folded(w) for w in COMMON_WORDS}
    assert [(a["id"], n) for a in actors for n in a["names"] if folded(n) in words] == []


def test_domestic_offices_have_their_french_titles(offices):
    expected = {
        "justice_minister": {"garde des Sceaux", "ministre de la Justice"},
        "labour_minister": {"ministre du Travail", "ministre de l'Emploi"},
        "ecology_minister": {"ministre de la Transition écologique et solidaire", "ministre de l'Environnement"},
        "transport_minister": {"ministre des Transports", "ministre de la Mobilité"},
        "education_minister": {"ministre de l'Éducation nationale"},
        "health_minister": {"ministre des Solidarités et de la Santé", "ministre de la Santé"},
        "agriculture_minister": {"ministre de l'Agriculture et de l'Alimentation"},
        "culture_minister": {"ministre de la Culture"},
        "territorial_cohesion_minister": {"ministre de la Cohésion des territoires"},
        "budget_minister": {"ministre de l'Action et des Comptes publics"},
        "secretary_of_state": {
            "secrétaire d'État auprès du ministre de l'Intérieur",
            "secrétaire d'État chargée de l'Égalité entre les femmes et les hommes",
        },
        "minister_president": {"ministre-président", "ministre-présidente"},
        "federal_councillor": {"conseiller fédéral", "conseillère fédérale"},
        "prefect_of_police": {"préfet de police"},
    }
    assert {
        role: titles - set(offices.get(role, {}).get("titles", ()))
        for role, titles in expected.items()
        if titles - set(offices.get(role, {}).get("titles", ()))
    } == {}
    # the bare title stays the American one; the French secretaries of state are named by what follows it
    assert "secrétaire d'État" in offices["foreign_minister"]["titles"]


def test_sub_national_actors(actors):
    by_id = {a["id"]: a for a in actors}
    quebec = by_id["quebec"]
    assert (quebec["kind"], quebec["wikidata"], quebec["leader_role"]) == ("Country", "Q176", "prime_minister")
    assert {"québécois", "québécoise"} <= set(quebec["demonyms"])
    for region, demonym in (("flanders", "flamand"), ("wallonia", "wallon"), ("brussels-capital-region", "bruxellois")):
        assert by_id[region]["kind"] == "Organization" and by_id[region]["leader_role"] == "minister_president"
        assert demonym in by_id[region]["demonyms"]


def test_every_organisation_has_a_sort_the_description_words_know(organizations):
    """ "le syndicat", "la formation", "l'entreprise" stand for the organisation of that sort named before
    (kg.extract.descriptions): every organisation has one of the sorts of descriptions.json, and every
    description word names known sorts."""
    descriptions = load("descriptions.json")
    sorts = set(descriptions["sorts"])
    assert [o["id"] for o in organizations if o["sort"] not in sorts] == []
    assert {w: s for w, s in descriptions["organisation_words"].items() if not s or set(s) - sorts} == {}
    by_id = {o["id"]: o["sort"] for o in organizations}
    expected = {"cgt": "union", "unite-sgp-police-fo": "union", "abs": "union", "parti-socialiste": "party"}
    expected |= {"medef": "employers", "renault": "company", "greenpeace": "association", "nato": "international"}
    assert {k: by_id[k] for k in expected} == expected
