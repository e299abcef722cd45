"""A Document from the text an input gave, or the Problem that keeps it out: the text normalised, checked to be
French, cut to MAX_ANALYSED_CHARS, with its metadata fields and publication day (kg.read.metadata)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from kg.model import Document, Problem
from kg.read.decoding import foreign_language, normalise
from kg.read.metadata import metadata_fields, publication_day

# No news article is this long (the longest run to some 100,000 characters); past it, a text is analysed
# only up to here, at a paragraph boundary, and the reader is told.
MAX_ANALYSED_CHARS = 500_000


def document(
    doc_id: str,
    origin: str,
    content: tuple[str, str | None] | str,
    meta: Any,
    meta_name: str,
    notes: Iterable[str] = (),
) -> Iterator[Document | Problem]:
    """The Document, after a Problem for each of NOTES and what is wrong with its metadata;
    or the one Problem that keeps it out."""
    if isinstance(content, str):
        yield Problem(origin, content)
        return
    raw_text, markup_title = content
    text = normalise(raw_text)
    if not text:
        yield Problem(origin, "no text (empty or whitespace only)")
        return
    language = foreign_language(text)
    if language:
        yield Problem(origin, f"language looks like {language!r}, not French")
        return
    fields, problems = metadata_fields(meta, meta_name)
    if len(text) > MAX_ANALYSED_CHARS:
        notes = [*notes, f"{len(text):,} characters long: only the first {MAX_ANALYSED_CHARS:,} are analysed"]
        text = cut(text, MAX_ANALYSED_CHARS)
    yield from (Problem(origin, reason) for reason in [*notes, *problems])
    if not fields.get("title") and markup_title:
        fields["title"] = markup_title
    if fields.get("published") is None:  # many sites write the day into the address or a dateline
        fields["published"] = publication_day(fields.get("url"), text)
    yield Document(id=nfc(doc_id), text=text, origin=origin, **fields)


def cut(text: str, limit: int) -> str:
    """TEXT up to LIMIT characters, ending at the last paragraph (or line, sentence, word) boundary before it."""
    head = text[:limit]
    for boundary, keep in (("\n\n", 0), ("\n", 0), (". ", 1), (" ", 0)):  # keep: the full stop stays
        at = head.rfind(boundary)
        if at > limit // 2:
            return head[: at + keep]
    return head


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
