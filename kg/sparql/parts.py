"""`kg load` in parts: a graph sent as a PUT of its first part, then POSTs of the others.

- Virtuoso (its Server header says so) is sent a graph of more than PART_TRIPLES triples in parts: its Graph
  Store loads a body with three threads in batches of about 100,000 triples, each committed on its own, and a
  batch that dies in a deadlock between them is dropped without an error once there are more than six batches
  (Virtuoso 7.2's DB.DBA.RL_SEND waits on it with aq_wait and discards its error): the PUT is answered 201
  with part of the graph missing (954,389 of 1,061,891 triples held after a single PUT). A part of at most
  PART_TRIPLES triples is loaded in one batch, one thread: the first part replaces the graph (PUT), the others
  are added to it (POST); triples with blank nodes all go in the first part, so that their labels stay one
  document's. --split N sets the size (0: one PUT) for any endpoint.
"""

from __future__ import annotations

import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from kg.errors import EndpointError
from kg.graph.formats import reading
from kg.sparql.loading import put_graph, timeout_for

# Virtuoso is sent a graph in parts of at most this many triples (see above).
PART_TRIPLES = 50_000


def server_name(url: str, timeout: float) -> str:
    """The Server header the endpoint answers a HEAD request with (a 401 too), or ''."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=min(timeout, 60)) as response:
            return response.headers.get("Server", "")
    except urllib.error.HTTPError as exc:
        return exc.headers.get("Server", "") if exc.headers else ""
    except OSError:
        return ""


def part_size(url: str, count: int, split: int | None, timeout: float) -> int:
    """How many triples to send in each request: SPLIT when given (0: all at once), PART_TRIPLES for a big graph
    sent to Virtuoso, else all of them."""
    if split is not None:
        return split if 0 < split < count else 0
    if count > PART_TRIPLES and server_name(url, timeout).lower().startswith("virtuoso"):
        return PART_TRIPLES
    return 0


@contextmanager
def parts_of(path: Path, fmt: ox.RdfFormat, size: int) -> Iterator[list[tuple[Path, int]]]:
    """The graph in N-Triples files of at most SIZE triples each (with their counts), in temporary files; the
    triples with a blank node all in the first, whatever its size."""
    with tempfile.TemporaryDirectory(prefix="kg-load-parts-") as folder:
        parts: list[tuple[Path, int]] = []
        blank: list[ox.Triple] = []
        ground: list[ox.Triple] = []

        def write(triples: list[ox.Triple]) -> None:
            part = Path(folder) / f"part-{len(parts):05d}.nt"
            ox.serialize(triples, output=part, format=ox.RdfFormat.N_TRIPLES)
            parts.append((part, len(triples)))

        with reading(path):
            for triple in ox.parse(path=path, format=fmt):
                if isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode):
                    blank.append(triple)
                    continue
                ground.append(triple)
                if len(ground) == size:
                    write(ground)
                    ground = []
        if ground or not (parts or blank):
            write(ground)
        if blank:
            write(blank)
            parts.insert(0, parts.pop())
        yield parts


def send_graph(
    url: str,
    path: Path,
    fmt: ox.RdfFormat,
    count: int,
    found: dict[str, str],
    tries: int,
    first_delay: float,
    timeout: float | None,
    say,
    split: int | None = None,
) -> tuple[int, int]:
    """Replace the graph at URL with the file: one PUT, or a PUT and POSTs of parts (see part_size); the HTTP
    status of the first request and the number of requests."""
    whole = timeout or timeout_for(path.stat().st_size)
    size = part_size(url, count, split, whole)
    if not size:
        return put_graph(url, path, fmt, count, found, tries, first_delay, whole, say), 1
    with parts_of(path, fmt, size) as parts:
        say(
            f"{url}: sending the {count} triples in {len(parts)} parts of at most {size} (the first replaces the graph)"
        )
        status, sent = 0, 0
        for number, (part, triples) in enumerate(parts, 1):
            sent += triples
            wait = timeout or timeout_for(part.stat().st_size)
            method = "PUT" if number == 1 else "POST"
            try:
                answer = put_graph(
                    url, part, ox.RdfFormat.N_TRIPLES, sent, found, tries, first_delay, wait, say, method
                )
            except EndpointError as exc:
                if number == 1:
                    raise
                raise EndpointError(
                    f"{exc} (part {number} of {len(parts)}: the graph holds the parts before it, "
                    f"{sent - triples} of {count} triples; load again)"
                ) from None
            status = status or answer
        return status, len(parts)
