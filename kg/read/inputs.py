"""Reading the input: folders of articles, JSON Lines files and single articles, into Documents.

Every input that cannot be (fully) used gives one Problem naming the document and the reason,
and reading goes on with the rest. Reading streams: a JSON Lines corpus is never held in memory.

Inputs and their documents:
- a folder: its article files (*.txt, *.html, *.htm, *.md) and JSON Lines files, sorted by name,
  with the optional metadata.json {"<file name>": {"published", "url", "outlet", "title"}};
  hidden files and sub-folders are left alone;
- a JSON Lines file (*.jsonl, *.jsonl.gz): one {"id", "text", "meta": {...}} per line, in line order;
  a line without an id gets "<file stem>-<line number>" (and a Problem saying so);
- a single article file (with the metadata.json beside it, if any).

The document id is the file name without its extension, or the JSONL id; the first document
with an id wins, later ones are reported as duplicates.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import UsageError
from kg.model import Document, Problem
from kg.read.decoding import CONTROL, decode, looks_binary
from kg.read.document import document, nfc
from kg.read.intake import (
    LongLine,
    Refused,
    bounded_lines,
    file_name,
    open_regular,
    read_regular,
    shown_path,
    too_large,
)
from kg.read.markup import html_text, markdown_text

MAX_ARTICLE_BYTES = 50 * 1024 * 1024  # longer articles are refused; the NLP stage chunks long ones
METADATA_FILE = "metadata.json"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES
JSONL_SUFFIXES = (".jsonl.gz", ".jsonl")

Record = Document | Problem


def read_documents(inputs: Iterable[str | os.PathLike]) -> Iterator[Record]:
    """The documents of every input, in order, and a Problem for each one that cannot be used.

    Raises UsageError at once (before reading anything) when an input path does not exist.
    """
    paths = [Path(item) for item in inputs]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    return _unique_ids(record for path in paths for record in _read_input(path))


def _unique_ids(records: Iterable[Record]) -> Iterator[Record]:
    first_seen: dict[str, str] = {}
    for record in records:
        if isinstance(record, Document):
            if record.id in first_seen:
                yield Problem(record.origin, f"duplicate id {record.id!r}, first seen in {first_seen[record.id]}")
                continue
            first_seen[record.id] = record.origin
        yield record


def _read_input(path: Path) -> Iterator[Record]:
    if path.is_dir():
        yield from _read_folder(path)
    elif _is_jsonl(path.name):
        yield from _read_jsonl(path)
    elif _is_article(path.name) and path.is_file():
        metadata, problems = _folder_metadata(path.parent)
        yield from problems
        yield from _guarded(shown_path(path), _read_article, path, metadata)
    else:
        yield Problem(
            str(path),
            "not an input: expected a folder, a .jsonl or .jsonl.gz file, "
            "or an article (" + ", ".join(ARTICLE_SUFFIXES) + ")",
        )


def _guarded(origin: str, read, *args) -> list[Record]:
    """The records of one document (or JSON Lines file), or one Problem whatever went wrong reading it:
    a deeply nested value, memory running out, a name or text that cannot be encoded."""
    try:
        return list(read(*args))
    except Exception as exc:  # noqa: BLE001 - one document's failure, whatever its kind, is that document's problem
        message = " ".join(str(exc).split())[:200]
        return [
            Problem(origin, f"could not be read ({type(exc).__name__}{': ' + message if message else ''}); skipped")
        ]


def _is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def _is_article(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


# --- folders and metadata.json ---------------------------------------------------------------


def _read_folder(folder: Path) -> Iterator[Record]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: nfc(entry.name))
    except OSError as exc:
        yield Problem(str(folder), f"cannot list the folder: {exc.strerror or exc}")
        return
    metadata, problems = _folder_metadata(folder)
    yield from problems
    found = False
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith(".") or entry.name == METADATA_FILE or path.is_dir():
            continue
        found = True
        if _is_jsonl(entry.name):
            yield from _read_jsonl(path)
        elif _is_article(entry.name):
            yield from _guarded(shown_path(path), _read_article, path, metadata)
        else:
            yield Problem(
                shown_path(path), "not an article (" + ", ".join(ARTICLE_SUFFIXES + JSONL_SUFFIXES) + "): skipped"
            )
    if not found:
        yield Problem(str(folder), "no articles in the folder")


def _folder_metadata(folder: Path) -> tuple[dict[str, Any], list[Problem]]:
    """metadata.json of a folder (empty when absent), and the problem if it cannot be used."""
    path = folder / METADATA_FILE
    if not path.exists():
        return {}, []
    try:
        metadata = json.loads(decode(read_regular(path, MAX_ARTICLE_BYTES)) or "")
    except (OSError, ValueError, Refused) as exc:
        return {}, [Problem(str(path), f"malformed ({_one_line(exc)}); articles read without metadata")]
    except RecursionError:
        return {}, [Problem(str(path), "malformed (nested too deeply); articles read without metadata")]
    if not isinstance(metadata, dict):
        return {}, [Problem(str(path), "malformed (not an object of file names); articles read without metadata")]
    return {nfc(name): meta for name, meta in metadata.items()}, []


def _read_article(path: Path, metadata: dict[str, Any]) -> Iterator[Record]:
    name, name_note = file_name(path.name)
    name = nfc(name)
    origin = shown_path(path)
    meta = metadata.get(name, metadata.get(_stem(name)))
    try:
        data = read_regular(path, MAX_ARTICLE_BYTES)
    except Refused as exc:
        yield Problem(origin, str(exc))
        return
    except OSError as exc:
        yield Problem(origin, f"cannot read: {exc.strerror or exc}")
        return
    notes: list[str] = [name_note] if name_note else []
    yield from document(
        _stem(name), origin, _article_text(name, data, notes), meta, f"its {METADATA_FILE} entry", notes
    )


def _article_text(name: str, data: bytes, notes: list[str] | None = None) -> tuple[str, str | None] | str:
    """(text, title found in the markup), or the reason it has no usable text; NOTES gets what was repaired."""
    if not data.strip():
        return "empty file"
    text = decode(data, notes if notes is not None else [])
    if text is None or looks_binary(text):
        return "binary file, not text"
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        try:
            return html_text(text)
        except Exception as exc:  # the HTML parser rejects some hostile markup (bs4 ParserRejectedMarkup)
            return f"unreadable HTML ({type(exc).__name__})"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return markdown_text(text)
    return text, None


# --- JSON Lines ------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[Record]:
    stem = _stem(nfc(file_name(path.name)[0]))
    shown = shown_path(path)
    try:
        raw = open_regular(path)
    except Refused as exc:
        yield Problem(shown, str(exc))
        return
    except OSError as exc:
        yield Problem(shown, f"cannot read: {exc.strerror or exc}")
        return
    number = 0
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
    with raw, stream:
        try:
            # Each line is limited as it is read (decompressed): a gzip bomb is never held whole.
            for number, line in enumerate(bounded_lines(stream, MAX_ARTICLE_BYTES), start=1):
                yield from _guarded(f"{shown}:{number}", _jsonl_line, line, stem, f"{shown}:{number}")
        except (OSError, EOFError, UnicodeError, ValueError) as exc:  # corrupt or truncated gzip
            yield Problem(shown, f"unreadable after line {number} ({_one_line(exc)}); the rest is skipped")


def _jsonl_line(line: bytes | LongLine, stem: str, origin: str) -> Iterator[Record]:
    if isinstance(line, LongLine):
        yield Problem(origin, str(too_large(int(line), MAX_ARTICLE_BYTES)))
        return
    if not line.strip():
        return
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield Problem(origin, "not valid UTF-8")
        return
    except RecursionError:
        yield Problem(origin, "malformed JSON (nested too deeply)")
        return
    except ValueError as exc:
        yield Problem(origin, f"malformed JSON ({_one_line(exc)})")
        return
    if not isinstance(record, dict):
        yield Problem(origin, "not a JSON object")
        return
    text = record.get("text")
    if text is None:
        yield Problem(origin, 'no "text"')
        return
    if not isinstance(text, str):
        yield Problem(origin, f'"text" is not a string but {_json_type(text)}')
        return
    doc_id = _clean_id(record.get("id"))
    notes = []
    if doc_id is None:
        doc_id = f"{stem}-{origin.rsplit(':', 1)[1]}"
        notes.append(f'no usable "id"; read as {doc_id!r}')
    yield from document(doc_id, origin, (text, None), record.get("meta"), '"meta"', notes)


def _clean_id(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return nfc(" ".join(CONTROL.sub("", value).split())) or None  # one line, for messages


# --- small helpers ---------------------------------------------------------------------------


def _stem(name: str) -> str:
    """The file name without its extension (both of .jsonl.gz)."""
    lower = name.lower()
    for suffix in JSONL_SUFFIXES + ARTICLE_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
