"""`kg load`: the graph sent to a SPARQL 1.1 Graph Store HTTP Protocol endpoint with PUT, at any size.

- The file is streamed from disk (a build's graph.ttl as it is; other formats converted to a temporary
  Turtle file first), never held in memory, with its length given.
- How long to wait for the answer grows with the size: replacing a big graph takes a store minutes
  (Oxigraph: about two and a half minutes for 600,000 triples over an existing graph). --timeout overrides it.
- A request is sent again only when the endpoint cannot have acted on it: the connection failed before the
  whole body was sent, or the endpoint answered 503 (busy) or 429 (too many requests), waiting longer each
  time (and as long as its Retry-After asks). When no answer came after the body was sent (a timeout, a
  dropped connection), the endpoint may be loading it still: the graph is read back until it holds the
  triples sent, or the time runs out; it is never sent blindly a second time.
- Credentials (KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD, KG_ENDPOINT_TOKEN, or user:password@ in the URL) never
  appear in what kg prints: URLs are shown without them, and every message is cleaned of them.
- A big graph can be sent in parts (kg.sparql.parts): Virtuoso's is.
"""

from __future__ import annotations

import base64
import email.utils
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from kg.errors import EndpointError, UsageError
from kg.graph.formats import DATASETS, READABLE, graph_file, read_store, reading

# Seconds to wait for the endpoint's answer: a base, plus this much per megabyte sent.
TIMEOUT_BASE_SECONDS = 60.0
TIMEOUT_SECONDS_PER_MB = 6.0
# Statuses that say the request was not acted on and may be sent again later.
RETRY_STATUSES = (429, 503)
MAX_RETRY_AFTER_SECONDS = 300.0
# Reading the graph back after a timeout: for this many times the timeout, each read waiting at most CHECK_READ_SECONDS.
CHECK_TIMEOUTS = 2
CHECK_READ_SECONDS = 30.0
SEND_BLOCK = 1024 * 1024
CONTENT_TYPES = {ox.RdfFormat.TURTLE: "text/turtle; charset=utf-8", ox.RdfFormat.N_TRIPLES: "application/n-triples"}


class Secrets:
    """The credentials in use, to be cut out of anything printed."""

    def __init__(self, values: list[str]):
        self.values = sorted({v for v in values if v and len(v) >= 2}, key=len, reverse=True)

    def clean(self, text: str) -> str:
        text = strip_userinfo(text)
        for value in self.values:
            for form in {value, urllib.parse.quote(value, safe=""), urllib.parse.quote(value)}:
                text = text.replace(form, "***")
        return text


def strip_userinfo(text: str) -> str:
    """URLs in TEXT without their user:password@ part."""
    return re.sub(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]*@", r"\1", text)


def credentials(endpoint: str) -> tuple[str, dict[str, str]]:
    """The endpoint without user:password@, and the credentials: KG_ENDPOINT_TOKEN (bearer), else
    KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD, else those of the URL. Values are stripped of surrounding
    whitespace (a token read from a file ends with a line break); one holding a control character is refused."""
    parts = urllib.parse.urlsplit(endpoint)
    bare = urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    found: dict[str, str] = {}
    token, user = os.environ.get("KG_ENDPOINT_TOKEN", "").strip(), os.environ.get("KG_ENDPOINT_USER", "").strip()
    if token:
        found = {"bearer": token}
    elif user:
        found = {"user": user, "password": os.environ.get("KG_ENDPOINT_PASSWORD", "").strip()}
    elif parts.username is not None:
        found = {"user": urllib.parse.unquote(parts.username), "password": urllib.parse.unquote(parts.password or "")}
    for name, value in found.items():
        if re.search(r"[\x00-\x1f\x7f]", value):
            raise UsageError(f"the endpoint {name} holds a control character (a line break?): it cannot be sent")
    return bare, found


def graph_store_url(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store Protocol URL of a named graph (?graph=IRI) or of the default graph (?default)."""
    if not urllib.parse.urlsplit(endpoint).scheme.startswith("http"):
        raise UsageError(f"--endpoint {strip_userinfo(endpoint)}: expected an http:// or https:// URL")
    parameter = "graph=" + urllib.parse.quote(graph_iri, safe="") if graph_iri else "default"
    return endpoint + ("&" if "?" in endpoint else "?") + parameter


def timeout_for(size: int) -> float:
    return TIMEOUT_BASE_SECONDS + TIMEOUT_SECONDS_PER_MB * size / (1024 * 1024)


@contextmanager
def upload_file(graph: str) -> Iterator[tuple[Path, ox.RdfFormat, int]]:
    """The file to send (a build's graph.ttl or a .ttl/.nt file as it is, any other graph converted to Turtle
    in a temporary file), its format and its triple count."""
    source = graph_file(graph)
    fmt = READABLE[source.suffix.lower()]
    if fmt in CONTENT_TYPES:
        with reading(source):
            count = sum(1 for _ in ox.parse(path=source, format=fmt))
        yield source, fmt, count
        return
    with tempfile.TemporaryDirectory(prefix="kg-load-") as folder:
        converted = Path(folder) / "graph.ttl"
        if fmt in DATASETS:
            store = read_store(source)
            store.dump(output=converted, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
            count = len(store)
        else:
            with reading(source):
                triples = list(ox.parse(path=source, format=fmt))
            ox.serialize(triples, output=converted, format=ox.RdfFormat.TURTLE)
            count = len(triples)
        yield converted, ox.RdfFormat.TURTLE, count


class FileBody:
    """A request body read from a file in blocks each time it is sent (an authentication challenge sends it again)."""

    def __init__(self, path: Path):
        self.path = path

    def __iter__(self) -> Iterator[bytes]:
        with open(self.path, "rb") as stream:
            while block := stream.read(SEND_BLOCK):
                yield block


def passwords_for(url: str, found: dict[str, str]) -> urllib.request.HTTPPasswordMgrWithDefaultRealm:
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, found["user"], found["password"])
    return passwords


def opener_for(url: str, found: dict[str, str], headers: dict[str, str]) -> urllib.request.OpenerDirector:
    """An opener that authenticates: a bearer header, or basic/digest answers to the server's challenge."""
    if "bearer" in found:
        headers["Authorization"] = f"Bearer {found['bearer']}"
    if "user" not in found:
        return urllib.request.build_opener()
    passwords = passwords_for(url, found)
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
    )


def put_authorization(url: str, found: dict[str, str], timeout: float, method: str = "PUT") -> str | None:
    """The Authorization header of a PUT to URL, answering the challenge a HEAD request gets; None when HEAD gets
    none. A server that wants a password often answers 401 as soon as the headers of a PUT arrive and closes the
    connection while a big body is still being sent: then urllib never sees the 401 it could answer."""
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=min(timeout, 60)).close()
        return None
    except urllib.error.HTTPError as exc:
        challenges = exc.headers.get_all("WWW-Authenticate") or [] if exc.code == 401 else []
    except OSError:
        return None
    for challenge in challenges:
        scheme, _, parameters = challenge.strip().partition(" ")
        if scheme.lower() == "digest":
            fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(parameters)))
            handler = urllib.request.HTTPDigestAuthHandler(passwords_for(url, found))
            answer = handler.get_authorization(urllib.request.Request(url, method=method), fields)
            if answer:
                return f"Digest {answer}"
        if scheme.lower() == "basic":
            pair = f"{found['user']}:{found['password']}".encode("utf-8")
            return "Basic " + base64.b64encode(pair).decode("ascii")
    return None


def retry_after(error: urllib.error.HTTPError, default: float) -> float:
    value = error.headers.get("Retry-After", "") if error.headers else ""
    if value.strip().isdigit():
        return min(float(value), MAX_RETRY_AFTER_SECONDS)
    try:
        when = email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        when = None
    if when is not None and when.tzinfo is not None:
        return min(max(0.0, when.timestamp() - time.time()), MAX_RETRY_AFTER_SECONDS)
    return default


def put_graph(
    url: str,
    path: Path,
    fmt: ox.RdfFormat,
    count: int,
    found: dict[str, str],
    tries: int,
    first_delay: float,
    timeout: float,
    say,
    method: str = "PUT",
) -> int:
    """PUT (or POST) the file at URL; the HTTP status. See the module's description for what is retried and
    checked."""
    headers = {"Content-Type": CONTENT_TYPES[fmt], "Content-Length": str(path.stat().st_size)}
    opener = opener_for(url, found, headers)  # and for reading the graph back
    delay = first_delay
    for attempt in range(1, tries + 1):
        sent, put_opener = dict(headers), opener
        answer = put_authorization(url, found, timeout, method) if "user" in found else None
        if answer:  # the challenge answered beforehand: the body is sent once, with its credentials
            sent["Authorization"], put_opener = answer, urllib.request.build_opener()
        request = urllib.request.Request(url, data=FileBody(path), method=method, headers=sent)
        try:
            with put_opener.open(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            if exc.code not in RETRY_STATUSES or attempt == tries:
                raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}{server_says(exc)}") from None
            wait, why = retry_after(exc, delay), f"HTTP {exc.code} {exc.reason}"
        except urllib.error.URLError as exc:  # nothing or part of the body sent: the endpoint did not act on it
            if attempt == tries:
                raise EndpointError(f"{url}: cannot connect after {tries} tries: {exc.reason}") from None
            wait, why = delay, str(exc.reason)
        except (TimeoutError, ConnectionError) as exc:  # sent whole, no answer: the endpoint may be loading it
            return check_after(url, opener, headers, count, timeout, exc, say)
        say(f"{url}: {why}; retrying in {wait:g}s")
        time.sleep(wait)
        delay *= 2
    raise AssertionError("unreachable")


def check_after(
    url: str, opener, headers: dict[str, str], count: int, timeout: float, error: BaseException, say
) -> int:
    """After a PUT that got no answer: read the graph back until it holds COUNT triples (then 200), for twice
    as long as the PUT was given; never send it again."""
    what = "no answer" if isinstance(error, TimeoutError) else f"the connection was lost ({error})"
    say(f"{url}: {what} within {timeout:g}s of sending the graph; checking whether the endpoint holds it")
    deadline = time.monotonic() + CHECK_TIMEOUTS * timeout
    delay, held = 1.0, None
    while True:
        held = triples_held(url, opener, headers, min(CHECK_READ_SECONDS, max(1.0, deadline - time.monotonic())))
        if held == count:
            return 200
        if time.monotonic() + delay > deadline:
            break
        time.sleep(delay)
        delay = min(delay * 2, 30.0)
    now = "cannot be read back" if held is None else f"holds {held} triples, not {count}"
    raise EndpointError(
        f"{url}: {what} within {timeout:g}s, and {CHECK_TIMEOUTS * timeout:g}s later the graph "
        f"{now}: the endpoint may still be loading it; check later, or load again with a longer --timeout"
    )


def triples_held(url: str, opener, headers: dict[str, str], timeout: float) -> int | None:
    """How many triples the graph at URL holds now (a GET of the Graph Store), or None when it cannot be read."""
    asked = {k: v for k, v in headers.items() if k == "Authorization"}
    asked["Accept"] = "application/n-triples, text/turtle;q=0.9"
    try:
        with opener.open(urllib.request.Request(url, headers=asked), timeout=timeout) as response:
            kind = response.headers.get_content_type()
            fmt = ox.RdfFormat.N_TRIPLES if kind == "application/n-triples" else ox.RdfFormat.TURTLE
            return sum(1 for _ in ox.parse(input=response, format=fmt))
    except urllib.error.HTTPError as exc:
        return 0 if exc.code == 404 else None
    except (OSError, SyntaxError, ValueError):
        return None


def server_says(error: urllib.error.HTTPError) -> str:
    """': <first non-empty line of the response body>', or '' when the body says nothing."""
    try:
        body = error.read(4096).decode("utf-8", "replace")
    except OSError:
        return ""
    text = re.sub(r"<[^>]+>", " ", body)  # error pages are often HTML
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return f": {first[:200]}" if first else ""
