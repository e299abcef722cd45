"""The people gazetteer: who held which office, and when."""

import datetime
import json
import re
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parent.parent / "ontology" / "gazetteer"
SEEDS_GOLD = Path(__file__).resolve().parent / "data" / "seeds.gold.json"

PERSON_KEYS = {"id", "wikidata", "label", "names", "surnames", "gender", "offices"}
OFFICE_KEYS = {"role", "of", "start", "end"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIKIDATA_PATTERN = re.compile(r"^Q[1-9][0-9]*$")

# Offices that one person holds at a time (per country or organisation).
SINGLE_HOLDER_ROLES = {
    "president",
    "vice_president",
    "prime_minister",
    "chancellor",
    "monarch",
    "crown_prince",
    "supreme_leader",
    "pope",
    "foreign_minister",
    "defence_minister",
    "secretary_general",
    "director_general",
    "high_representative",
    # portfolios: one minister at a time per state (one minister may hold two: "Travail, Santé et Solidarités")
    "interior_minister",
    "economy_minister",
    "finance_minister",
    "budget_minister",
    "justice_minister",
    "labour_minister",
    "ecology_minister",
    "energy_minister",
    "transport_minister",
    "education_minister",
    "higher_education_minister",
    "health_minister",
    "agriculture_minister",
    "culture_minister",
    "territorial_cohesion_minister",
    "overseas_minister",
    "sports_minister",
    "european_affairs_minister",
    "parliament_relations_minister",
    "migration_minister",
    "public_security_minister",
    "home_affairs_minister",
    "minister_president",
    "prefect_of_police",
    "chief_of_general_staff",
}
# Common French given names: a surname that is one of them takes the first name of whoever the text names
# ("Philippe Martinez", "le roi Philippe"); such people are found by their full names only. The entries that
# predate the rule keep theirs.
FIRST_NAMES = {
    "Philippe",
    "Michel",
    "Laurent",
    "Pierre",
    "Guillaume",
    "Bertrand",
    "Martin",
    "Léon",
    "Baptiste",
    "Armand",
    "Richard",
    "Thomas",
    "Vincent",
    "Nicolas",
    "François",
    "Julien",
    "Simon",
    "Louis",
    "Paul",
    "Jacques",
    "Jean",
    "André",
    "Henri",
    "Robert",
    "Bernard",
    "Gérard",
    "Marc",
    "Olivier",
    "Denis",
    "Mathieu",
    "Mathilde",
    "Marie",
    "Claude",
    "Charles",
    "Alain",
    "Yves",
    "Daniel",
    "David",
    "Éric",
    "Patrick",
    "Christian",
    "Frédéric",
    "Stéphane",
    "Sébastien",
    "Emmanuel",
    "Benjamin",
    "Antoine",
    "Alexandre",
    "Maxime",
    "Hervé",
    "Dominique",
    "Didier",
    "Thierry",
    "Pascal",
    "Gilles",
    "Jérôme",
    "Arnaud",
    "Georges",
    "Joseph",
    "Hugo",
    "Victor",
    "Adrien",
    "Fabien",
    "Romain",
    "Xavier",
    "Yannick",
    "Bruno",
    "Roger",
    "René",
    "Lionel",
    "Gabriel",
    "Grégoire",
    "Albert",
    "Félix",
    "Valentin",
}
FIRST_NAME_SURNAMES_BEFORE_THE_RULE = {
    ("edouard-philippe", "Philippe"),
    ("charles-michel", "Michel"),
    ("paul-martin", "Martin"),
    ("alain-richard", "Richard"),
    ("olivia-gregoire", "Grégoire"),
    ("sigmar-gabriel", "Gabriel"),
}
# Handovers are dated loosely (inauguration day, acting periods): allow a few days.
OVERLAP_TOLERANCE = datetime.timedelta(days=3)
FAR_FUTURE = datetime.date(9999, 12, 31)


def load(name):
    return json.loads((GAZETTEER / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def people():
    return load("people.json")


def day(iso):
    return datetime.date.fromisoformat(iso)


def tenure(office):
    """The office's [start, end) span; an open tenure runs on."""
    return day(office["start"]), day(office["end"]) if office["end"] else FAR_FUTURE


def holders(people, role, of, on):
    on_day = day(on)
    return sorted(
        person["id"]
        for person in people
        for office in person["offices"]
        if office["role"] == role and office["of"] == of and tenure(office)[0] <= on_day < tenure(office)[1]
    )


def test_every_person_has_the_documented_shape(people):
    assert isinstance(people, list) and people
    for person in people:
        assert set(person) == PERSON_KEYS, person.get("id")
        assert ID_PATTERN.match(person["id"]), person["id"]
        assert person["gender"] in {"m", "f"}, person["id"]
        assert person["label"] == person["names"][0], person["id"]
        for name in person["names"] + person["surnames"]:
            assert isinstance(name, str) and name == name.strip() and name, person["id"]
        assert len(set(person["names"])) == len(person["names"]), person["id"]
        assert len(set(person["surnames"])) == len(person["surnames"]), person["id"]
        for office in person["offices"]:
            assert set(office) == OFFICE_KEYS, person["id"]
            assert ID_PATTERN.match(office["of"]), person["id"]


def test_ids_are_unique(people):
    ids = [person["id"] for person in people]
    assert len(ids) == len(set(ids))


def test_wikidata_ids_are_well_formed_and_unique(people):
    linked = [person["wikidata"] for person in people if person["wikidata"] is not None]
    assert all(WIKIDATA_PATTERN.match(qid) for qid in linked)
    assert len(linked) == len(set(linked))


def test_seed_leaders_are_linked_to_wikidata(people):
    by_id = {person["id"]: person for person in people}
    assert by_id["vladimir-putin"]["wikidata"] == "Q7747"
    assert by_id["emmanuel-macron"]["wikidata"] == "Q3052772"
    assert by_id["volodymyr-zelensky"]["wikidata"] == "Q3874799"


def test_every_tenure_is_a_valid_date_range(people):
    for person in people:
        for office in person["offices"]:
            start, end = tenure(office)
            assert start <= end, (person["id"], office)


def test_single_holder_offices_never_have_two_holders_at_once(people):
    tenures = {}
    for person in people:
        for office in person["offices"]:
            if office["role"] in SINGLE_HOLDER_ROLES:
                key = (office["role"], office["of"])
                tenures.setdefault(key, []).append((person["id"], *tenure(office)))
    overlaps = [
        (key, a[0], b[0])
        for key, spans in tenures.items()
        for a, b in combinations(spans, 2)
        if a[0] != b[0] and min(a[2], b[2]) - max(a[1], b[1]) > OVERLAP_TOLERANCE
    ]
    assert overlaps == []


@pytest.mark.parametrize(
    "role, of, on, expected",
    [
        ("president", "russia", "2022-02-03", "vladimir-putin"),
        ("president", "france", "2022-02-03", "emmanuel-macron"),
        ("president", "ukraine", "2022-02-03", "volodymyr-zelensky"),
        ("president", "poland", "2022-02-03", "andrzej-duda"),
        ("prime_minister", "united-kingdom", "2022-02-03", "boris-johnson"),
        ("secretary_general", "nato", "2022-02-03", "jens-stoltenberg"),
        ("president", "usa", "2019-06-01", "donald-trump"),
        ("chancellor", "germany", "2019-06-01", "angela-merkel"),
        ("president", "usa", "2022-02-20", "joe-biden"),
        ("president", "usa", "2025-03-01", "donald-trump"),
        ("president", "russia", "2010-01-01", "dmitry-medvedev"),
        ("prime_minister", "russia", "2010-01-01", "vladimir-putin"),
        ("foreign_minister", "russia", "2022-02-03", "sergey-lavrov"),
        # France, the gilets jaunes winter
        ("interior_minister", "france", "2018-10-10", "edouard-philippe"),
        ("interior_minister", "france", "2018-12-08", "christophe-castaner"),
        ("secretary_of_state", "france", "2018-12-08", None),
        ("labour_minister", "france", "2018-12-08", "muriel-penicaud"),
        ("ecology_minister", "france", "2018-12-08", "francois-de-rugy"),
        ("ecology_minister", "france", "2018-08-30", "nicolas-hulot"),
        ("justice_minister", "france", "2018-12-08", "nicole-belloubet"),
        ("budget_minister", "france", "2018-12-08", "gerald-darmanin"),
        ("territorial_cohesion_minister", "france", "2019-01-15", "jacqueline-gourault"),
        ("agriculture_minister", "france", "2019-01-15", "didier-guillaume"),
        ("parliament_relations_minister", "france", "2019-01-15", "marc-fesneau"),
        ("european_affairs_minister", "france", "2019-01-15", "nathalie-loiseau"),
        ("prefect_of_police", "france", "2019-01-15", "michel-delpuech"),
        ("president", "french-senate", "2019-01-15", "gerard-larcher"),
        ("president", "french-national-assembly", "2019-01-15", "richard-ferrand"),
        ("president", "les-republicains", "2019-01-15", "laurent-wauquiez"),
        ("president", "rassemblement-national", "2019-01-15", "marine-le-pen"),
        ("party_leader", "parti-socialiste", "2019-01-15", "olivier-faure"),
        ("secretary_general", "cgt", "2019-01-15", "philippe-martinez"),
        ("secretary_general", "cfdt", "2019-01-15", "laurent-berger"),
        ("secretary_general", "force-ouvriere", "2019-01-15", "yves-veyrier"),
        ("president", "medef", "2019-01-15", "geoffroy-roux-de-bezieux"),
        # later governments
        ("labour_minister", "france", "2021-03-01", "elisabeth-borne"),
        ("health_minister", "france", "2024-03-01", "catherine-vautrin"),
        ("labour_minister", "france", "2024-03-01", "catherine-vautrin"),
        ("justice_minister", "france", "2025-03-01", "gerald-darmanin"),
        ("education_minister", "france", "2025-03-01", "elisabeth-borne"),
        ("economy_minister", "france", "2025-03-01", "eric-lombard"),
        # Belgium
        ("monarch", "belgium", "2019-01-15", "philippe-of-belgium"),
        ("migration_minister", "belgium", "2018-11-20", "theo-francken"),
        ("migration_minister", "belgium", "2019-01-15", "maggie-de-block"),
        ("interior_minister", "belgium", "2019-01-15", "pieter-de-crem"),
        ("foreign_minister", "belgium", "2019-01-15", "didier-reynders"),
        ("minister_president", "wallonia", "2019-01-15", "willy-borsus"),
        ("minister_president", "flanders", "2019-01-15", "geert-bourgeois"),
        ("president", "belgian-chamber", "2019-01-15", "siegfried-bracke"),
        # Switzerland
        ("president", "switzerland", "2019-01-15", "ueli-maurer"),
        ("president", "switzerland", "2018-06-01", "alain-berset"),
        ("foreign_minister", "switzerland", "2019-01-15", "ignazio-cassis"),
        ("federal_councillor", "switzerland", "2019-01-15", None),
        # Québec and Canada
        ("prime_minister", "quebec", "2019-01-15", "francois-legault"),
        ("prime_minister", "quebec", "2016-01-15", "philippe-couillard"),
        ("finance_minister", "canada", "2019-01-15", "bill-morneau"),
        # Algeria
        ("prime_minister", "algeria", "2019-01-15", "ahmed-ouyahia"),
        ("prime_minister", "algeria", "2019-06-01", "noureddine-bedoui"),
        ("chief_of_general_staff", "algeria", "2019-06-01", "ahmed-gaid-salah"),
        ("foreign_minister", "algeria", "2019-01-15", "abdelkader-messahel"),
    ],
)
def test_who_held_an_office_on_a_given_day(people, role, of, on, expected):
    if expected is None:  # several hold it at once
        assert len(holders(people, role, of, on)) > 1
    else:
        assert holders(people, role, of, on) == [expected]


def test_the_kremlin_spokesman_on_the_day_of_the_seed_calls(people):
    assert "dmitry-peskov" in holders(people, "spokesperson", "russia", "2022-02-03")


def test_every_person_named_in_the_seed_reference_can_be_found(people):
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    known_forms = {form.casefold() for person in people for form in person["names"] + person["surnames"]}
    for key, actor in gold["actors"].items():
        if actor["type"] == "Person":
            assert {label.casefold() for label in actor["labels"]} <= known_forms, key


def test_offices_are_of_known_states_and_organisations(people):
    if not (GAZETTEER / "countries.json").exists() or not (GAZETTEER / "organizations.json").exists():
        pytest.skip("countries.json or organizations.json is not written yet")
    known = {actor["id"] for actor in load("countries.json") + load("organizations.json")}
    unknown = sorted(
        {(person["id"], office["of"]) for person in people for office in person["offices"] if office["of"] not in known}
    )
    assert unknown == []


def test_offices_have_known_titles(people):
    if not (GAZETTEER / "titles.json").exists():
        pytest.skip("titles.json is not written yet")
    roles = set(load("titles.json"))
    unknown = sorted(
        {
            (person["id"], office["role"])
            for person in people
            for office in person["offices"]
            if office["role"] not in roles
        }
    )
    assert unknown == []


def folded(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def test_a_full_name_designates_one_person_and_no_state_or_organisation(people):
    owners = defaultdict(set)
    for person in people:
        for name in person["names"]:
            owners[folded(name)].add(person["id"])
    assert {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1} == {}
    others = {
        folded(n)
        for actor in load("countries.json") + load("organizations.json")
        for field in ("names", "capitals", "seats")
        for n in actor[field]
    }
    assert sorted((p["id"], n) for p in people for n in p["names"] if folded(n) in others) == []


def test_surnames_that_are_first_names_are_left_out(people):
    first_names = {folded(n) for n in FIRST_NAMES}
    found = {(p["id"], s) for p in people for s in p["surnames"] if folded(s) in first_names}
    assert found - FIRST_NAME_SURNAMES_BEFORE_THE_RULE == set()


def test_namesakes_of_a_family_share_no_surname(people):
    # "Le Pen" is Marine Le Pen; Jean-Marie Le Pen and Brigitte Macron answer to their full names only.
    by_id = {p["id"]: p for p in people}
    assert by_id["jean-marie-le-pen"]["surnames"] == [] and "Le Pen" in by_id["marine-le-pen"]["surnames"]
    assert by_id["brigitte-macron"]["surnames"] == []
