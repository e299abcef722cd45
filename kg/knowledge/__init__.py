"""What kg knows about the world, read from ontology/ (see its README): the one loader of the knowledge that
extraction reads. Each file is read once per process, with the standard library (and the topic scheme with
Oxigraph's parser: no rdflib, so that the build's workers extract without importing it).

- the gazetteer of states, organisations and people, and the titles of offices (kg.knowledge.gazetteer builds its
  records and look-ups from these);
- groups, and the words of communication (kg.extract.lexicon, kg.extract.groups);
- the topic scheme, topics.ttl (topic_scheme(): its concepts with their French cue phrases);
- news outlets (media.json) and page furniture (boilerplate.json).

FILES lists them all, and nothing else: a file extraction reads is read through data() or topic_scheme(),
and the extraction cache's fingerprint hashes exactly these files (kg.pipeline.cache).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.paths import ONTOLOGY

FILES = (
    "gazetteer/countries.json",
    "gazetteer/organizations.json",
    "gazetteer/people.json",
    "gazetteer/titles.json",
    "gazetteer/groups.json",
    "gazetteer/descriptions.json",
    "communication.json",
    "topics.ttl",
    "media.json",
    "boilerplate.json",
)


def path(name: str) -> Path:
    """Where the knowledge file NAME (one of FILES) is."""
    if name not in FILES:
        raise KeyError(f"{name} is not one of the knowledge files (kg.knowledge.FILES)")
    return ONTOLOGY / name


@lru_cache(maxsize=None)
def text(name: str) -> str | None:
    """The text of the knowledge file NAME, read once per process; None when it is absent."""
    try:
        return path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def data(name: str, default: Any = None) -> Any:
    """The JSON of the knowledge file NAME (DEFAULT when it is absent): a new copy at each call, so that no
    caller can change what another reads."""
    found = text(name)
    return default if found is None else json.loads(found)


@lru_cache(maxsize=1)
def topic_scheme() -> tuple:
    """The concepts of the SKOS topic scheme (topics.ttl), sorted by notation, with their French cue phrases."""
    from kg.knowledge.topics import concepts

    found = text("topics.ttl")
    return () if found is None else concepts(found)
