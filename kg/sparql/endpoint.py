"""`kg query --endpoint URL`: a query sent to any SPARQL endpoint over the SPARQL 1.1 Protocol.

The query goes as an HTML form POST (`query=…`), with the PREFIX lines of the project prefixes it uses
without declaring them. The answer (SPARQL results in JSON or XML, or RDF for CONSTRUCT and DESCRIBE)
is parsed by Oxigraph, so that it prints exactly as a local `kg query` prints, in every --format.
Credentials come from the environment, as for `kg load`.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from kg.errors import EndpointError, UsageError
from kg.vocabulary import GRAPH_IRI, with_prefixes

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"
# Virtuoso 7 answers ASK with a SELECT result of this one variable, 1 or 0.
VIRTUOSO_ASK = "__ASK_RETVAL"
RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
RDF = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def query_endpoint(
    url: str, query: str, timeout: float, graph: str | None = GRAPH_IRI
) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
    """The result of QUERY at the endpoint URL, as pyoxigraph objects.

    A query that names no graph (no FROM) is asked of GRAPH, both as its default graph and as a named graph
    (the protocol's default-graph-uri and named-graph-uri): it sees what it sees in kg query, whatever the
    store makes of its own default graph. GRAPH None leaves the dataset to the endpoint."""
    from kg.sparql.loading import Secrets, credentials, opener_for, server_says

    url, found = credentials(url)  # credentials never appear in what is printed (kg.sparql.loading)
    secrets = Secrets(list(found.values()))
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise UsageError(f"--endpoint {url}: expected an http:// or https:// URL")
    headers = {
        "Accept": GRAPH_ACCEPT if query_form(query) in ("CONSTRUCT", "DESCRIBE") else RESULTS_ACCEPT,
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
    }
    opener = opener_for(url, found, headers)
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(form(query, graph)).encode("utf-8"), method="POST", headers=headers
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as exc:
        raise EndpointError(secrets.clean(f"{url}: HTTP {exc.code} {exc.reason}{server_says(exc)}")) from None
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
        raise EndpointError(secrets.clean(f"{url}: cannot connect: {getattr(exc, 'reason', exc)}")) from None
    return parsed(url, media_type, body)


def form(query: str, graph: str | None) -> list[tuple[str, str]]:
    """The fields of the HTML form that carries QUERY (with the PREFIX lines it lacks) and its dataset."""
    fields = [("query", with_prefixes(query))]
    if graph and not re.search(r"(?i)\bFROM\b", code_of(query)):
        fields += [("default-graph-uri", graph), ("named-graph-uri", graph)]
    return fields


def code_of(query: str) -> str:
    """The query without its comments, strings and IRIs."""
    return re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|<[^<>\s]*>|#[^\n]*', " ", query)


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of them in the query, outside comments, strings and IRIs."""
    found = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", code_of(query))
    return found[1].upper() if found else None


def parsed(url: str, media_type: str, body: bytes) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
    try:
        if media_type in RESULTS:
            results = ox.parse_query_results(body, format=RESULTS[media_type])
            if isinstance(results, ox.QuerySolutions) and [v.value for v in results.variables] == [VIRTUOSO_ASK]:
                answer = next(iter(results), None)
                value = answer[VIRTUOSO_ASK].value if answer is not None and answer[VIRTUOSO_ASK] is not None else "0"
                return ox.parse_query_results(
                    b'{"head":{},"boolean":' + (b"true" if value in ("1", "true") else b"false") + b"}",
                    format=ox.QueryResultsFormat.JSON,
                )
            return results
        if media_type in RDF:
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=RDF[media_type])]
    except SyntaxError as exc:
        raise EndpointError(f"{url}: unreadable {media_type} answer: {' '.join(str(exc).split())}") from None
    first = next((line.strip() for line in body.decode("utf-8", "replace").splitlines() if line.strip()), "")
    raise EndpointError(
        f"{url}: not a SPARQL endpoint answer ({media_type or 'no content type'})"
        + (f": {first[:200]}" if first else "")
    )
