"""`kg export`: the graph in the RDF serialisations (kg.formats), and as files for other tools.

- gexf, graphml: the actor network (networkx's writers), for Gephi, Cytoscape, yEd or networkx: one
  node per actor (id the prefixed name actor:…, label, kind, Wikidata id, number of events), one edge
  per pair of actors who communicated (weight: their number of events; first and last date).
- pairs-csv: the same pairs as a table (source, target, labels, weight, first, last), an edge list
  Gephi imports as it is; events-csv: one row per communication event.

They are read from the graph itself with SPARQL, so any kg graph file gives them, and the same graph
always gives the same bytes (rows sorted, no timestamps).
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import write_atomic
from kg.cli import UsageError
from kg.formats import FORMATS, GraphError, read_store, serialize
from kg.names import GRAPH_IRI, PREFIXES, prefixed_name

NETWORK_FORMATS = ("gexf", "graphml", "pairs-csv", "events-csv")
EXPORTS = (*FORMATS, *NETWORK_FORMATS)
EXTENSIONS = {"ttl": "ttl", "nt": "nt", "nq": "nq", "trig": "trig", "rdf": "rdfxml", "owl": "rdfxml", "xml": "rdfxml",
              "jsonld": "jsonld", "json": "jsonld", "gexf": "gexf", "graphml": "graphml"}
PROLOGUE = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("kg", "rdfs", "owl", "skos", "prov", "schema", "xsd"))
KINDS = "VALUES ?specific { kg:Person kg:Organization kg:Country kg:Group }"
EVENT_KINDS = "VALUES ?specific { kg:PhoneCall kg:VideoConference kg:Meeting }"

ACTORS = PROLOGUE + f"""SELECT ?actor ?label ?kind ?wikidata (COUNT(DISTINCT ?event) AS ?events)
WHERE {{
  {{ SELECT DISTINCT ?actor WHERE {{ ?actor a ?class . VALUES ?class {{ kg:Actor kg:Person kg:Organization kg:Country kg:Group }} }} }}
  OPTIONAL {{ ?actor rdfs:label ?label }}
  OPTIONAL {{ ?actor a ?specific . {KINDS} }}
  BIND (COALESCE(?specific, kg:Actor) AS ?kind)
  OPTIONAL {{ ?actor owl:sameAs ?wikidata . FILTER (STRSTARTS(STR(?wikidata), "{PREFIXES['wd']}")) }}
  OPTIONAL {{ ?event a kg:Communication ; kg:participant ?actor }}
}}
GROUP BY ?actor ?label ?kind ?wikidata
ORDER BY STR(?actor)"""

PAIRS = PROLOGUE + """SELECT ?a ?b (COUNT(DISTINCT ?event) AS ?events) (MIN(?day) AS ?first) (MAX(?day) AS ?last)
WHERE {
  ?event a kg:Communication ; kg:participant ?a, ?b .
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?event kg:date ?day . FILTER (DATATYPE(?day) = xsd:date) }
}
GROUP BY ?a ?b
ORDER BY STR(?a) STR(?b)"""

EVENTS = PROLOGUE + f"""SELECT ?event ?date ?kind ?place ?duration
  (GROUP_CONCAT(DISTINCT ?name; SEPARATOR="; ") AS ?participants)
  (GROUP_CONCAT(DISTINCT ?notation; SEPARATOR="; ") AS ?topics)
  (GROUP_CONCAT(DISTINCT ?document; SEPARATOR="; ") AS ?articles)
WHERE {{
  {{ SELECT * WHERE {{
    ?event a kg:Communication .
    OPTIONAL {{ ?event kg:date ?date }}
    OPTIONAL {{ ?event a ?specific . {EVENT_KINDS} }}
    BIND (COALESCE(?specific, kg:Communication) AS ?kind)
    OPTIONAL {{ ?event kg:place ?place }}
    OPTIONAL {{ ?event kg:duration ?duration }}
    OPTIONAL {{ ?event kg:participant/rdfs:label ?name }}
    OPTIONAL {{ ?event kg:concerns/skos:notation ?notation }}
    OPTIONAL {{ ?event prov:wasDerivedFrom ?article . OPTIONAL {{ ?article schema:identifier ?identifier }} }}
    BIND (COALESCE(?identifier, STR(?article)) AS ?document)
  }} ORDER BY ?name ?notation ?document }}
}}
GROUP BY ?event ?date ?kind ?place ?duration
ORDER BY (!BOUND(?date)) STR(?date) STR(?event)"""


def register(subparsers: argparse._SubParsersAction) -> None:
    export_ = subparsers.add_parser(
        "export", help="write a graph in another RDF serialisation, or its actor network for other tools",
        description="Write GRAPH as Turtle, N-Triples, N-Quads, TriG, RDF/XML or compacted JSON-LD, or its actor "
        "network as GEXF or GraphML, or its pairs or events as CSV.")
    export_.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    export_.add_argument("--format", choices=EXPORTS, metavar="{" + ",".join(EXPORTS) + "}",
                         help="default: from the extension of -o")
    export_.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_.set_defaults(run=run_export_command)


def run_export_command(args: argparse.Namespace) -> int:
    fmt = args.format or format_from_name(args.output)
    try:
        data = exported(args.graph, fmt)
    except GraphError as exc:
        raise UsageError(str(exc)) from None
    if args.output and args.output != "-":
        try:
            write_atomic(args.output, data)
        except OSError as exc:
            print(f"kg export: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def format_from_name(output: str | None) -> str:
    name = Path(output).name.lower() if output and output != "-" else ""
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "csv" and ("pair" in name) != ("event" in name):
        return "pairs-csv" if "pair" in name else "events-csv"
    if suffix not in EXTENSIONS:
        raise UsageError(f"give --format ({', '.join(EXPORTS)}): it cannot be told from the output name")
    return EXTENSIONS[suffix]


def exported(graph: str | Path, fmt: str) -> bytes:
    """GRAPH (a build folder or an RDF file) in the export format FMT."""
    if fmt in FORMATS:
        return serialize(graph, fmt)
    store = read_store(graph)
    if fmt == "pairs-csv":
        return pairs_csv(store)
    if fmt == "events-csv":
        return events_csv(store)
    return network_file(actor_network(store), fmt)


def rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    """The solutions of QUERY on the graph, each variable's value as text (IRIs as prefixed names)."""
    solutions = store.query(query, default_graph=ox.NamedNode(GRAPH_IRI))
    names = [v.value for v in solutions.variables]
    return [{name: text(solution[name]) for name in names} for solution in solutions]


def text(term) -> str:
    if term is None:
        return ""
    return identifier(term.value) if isinstance(term, ox.NamedNode) else term.value


def identifier(iri: str) -> str:
    """An IRI as the prefixed name the tools print (actor:…, kg:Person), or the whole IRI."""
    name = prefixed_name(iri)
    return iri if name.startswith("<") else name


def actor_network(store: ox.Store):
    """The actors and the pairs who communicated, as a networkx graph (node and edge order sorted)."""
    import networkx as nx

    network = nx.Graph(name="kg actor network")
    for actor in rows(store, ACTORS):
        network.add_node(actor["actor"], label=actor["label"] or actor["actor"], kind=actor["kind"].removeprefix("kg:"),
                         wikidata=actor["wikidata"].removeprefix("wd:"), events=int(actor["events"]))
    for pair in rows(store, PAIRS):
        for end in (pair["a"], pair["b"]):
            if end not in network:  # a participant not typed as an actor
                network.add_node(end, label=end, kind="Actor", wikidata="", events=0)
        network.add_edge(pair["a"], pair["b"], weight=int(pair["events"]), first=pair["first"], last=pair["last"])
    return network


def network_file(network, fmt: str) -> bytes:
    import networkx as nx

    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(network, encoding="utf-8")).encode("utf-8") + b"\n"
    text = "\n".join(nx.generate_gexf(network, encoding="utf-8", version="1.2draft"))
    # networkx stamps the file with today's date: left out, so that the same graph gives the same bytes.
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1).encode("utf-8") + b"\n"


def csv_bytes(header: list[str], table: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(table)
    return out.getvalue().encode("utf-8")


def pairs_csv(store: ox.Store) -> bytes:
    labels = {actor["actor"]: actor["label"] for actor in rows(store, ACTORS)}
    table = [[p["a"], p["b"], labels.get(p["a"], ""), labels.get(p["b"], ""), p["events"], p["first"], p["last"]]
             for p in rows(store, PAIRS)]
    return csv_bytes(["source", "target", "source_label", "target_label", "weight", "first", "last"], table)


def events_csv(store: ox.Store) -> bytes:
    columns = ["event", "date", "kind", "participants", "topics", "place", "duration", "articles"]
    table = [[e[c].removeprefix("kg:") if c == "kind" else e[c] for c in columns] for e in rows(store, EVENTS)]
    return csv_bytes(columns, table)
