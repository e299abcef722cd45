"""Check a graph against the contract: the SHACL shapes of ontology/shapes.ttl.

`kg validate GRAPH` prints one line per violation; the build checks the N-Triples it writes its outputs from
(check_build).
"""

from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH
from rdflib.paths import InvPath
from rdflib.paths import Path as PropertyPath
from rdflib.term import Node
from rdflib.util import guess_format

from kg import vocabulary
from kg.paths import ONTOLOGY
from kg.vocabulary import prefixed_name

KG = Namespace(vocabulary.KG)


@dataclass(frozen=True)
class Violation:
    """One way a node breaks the contract."""

    focus: Node
    path: Node | PropertyPath | None
    message: str
    severity: str = "Violation"  # the local name of the sh:severity: Violation, Warning, Info
    value: Node | None = None  # the offending value, where there is one

    def describe(self, graph: Graph | None = None) -> str:
        """One readable line: the node, the property, what is wrong."""
        where = short_name(self.focus, graph)
        if self.path is not None:
            where += f" {short_name(self.path, graph)}"
        message = shorten_iris(self.message, graph)
        line = f"{where}: {message}"
        shown = short_name(self.value, graph) if self.value is not None else None
        if shown is not None and shown not in message:
            line += f" (got {shown})"
        return line


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


def validate_graph(
    graph: Graph, max_triples: int | None = None, *, focus: set[URIRef] | None = None
) -> list[Violation]:
    """The contract violations of `graph`, sorted; empty when it conforms.

    A graph of more than `max_triples` triples is not checked (returns []): the caller decides
    whether validation is worth its time on a large corpus. FOCUS: check only these nodes.
    """
    if max_triples is not None and len(graph) > max_triples:
        return []
    import pyshacl  # slow to import: only when a graph is checked

    # The ontology joins the data so that class targets follow rdfs:subClassOf; no inference,
    # otherwise rdfs:range would make every participant a kg:Actor and hide missing types.
    with prepared_sparql_queries():
        _, report, _ = pyshacl.validate(
            graph,
            shacl_graph=shapes_graph(),
            ont_graph=ontology_graph(),
            inference="none",
            advanced=False,
            allow_warnings=False,
            focus_nodes=sorted(focus) if focus is not None else None,
        )
    return sorted(set(violations_in(report)), key=sort_key)


# ---------------------------------------------------------------- checking what changed

# A node's statements, hashed: the triples it is the subject or the object of.
NodeDigests = dict[str, str]
# Above this share of changed nodes, checking the whole graph costs no more than finding what to check.
MOSTLY_CHANGED = 0.5


RDF_TYPE = f"<{RDF.type}>"


@dataclass(frozen=True)
class Statement:
    """One triple of an N-Triples document: its terms in N-Triples form, and its line."""

    subject: str
    predicate: str
    object: str
    line: str

    def nodes(self) -> tuple[str, ...]:
        """The nodes the triple is about. A class is not a node here: a type is a statement of its node alone."""
        if self.predicate != RDF_TYPE and (self.object.startswith("<") or self.object.startswith("_:")):
            return (self.subject, self.object)
        return (self.subject,)


@dataclass(frozen=True)
class NodeStatements:
    """Each node (IRI or blank node) of a graph with the triples it is the subject or the object of."""

    of_node: dict[str, list[Statement]]

    @classmethod
    def of(cls, ntriples: bytes) -> "NodeStatements":
        of_node: dict[str, list[Statement]] = {}
        for line in ntriples.decode("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                subject, predicate, rest = line.split(" ", 2)
                statement = Statement(subject, predicate, rest.removesuffix(".").rstrip(), line)
                for node in statement.nodes():
                    of_node.setdefault(node, []).append(statement)
        return cls(of_node)

    @cached_property
    def digests(self) -> NodeDigests:
        """Each node with a hash of its statements."""
        return {
            node: hashlib.blake2b("\n".join(sorted(s.line for s in found)).encode("utf-8"), digest_size=12).hexdigest()
            for node, found in self.of_node.items()
        }

    def neighbours(self, nodes: set[str]) -> set[str]:
        """NODES and the nodes they share a triple with."""
        return {n for node in nodes for s in self.of_node.get(node, ()) for n in s.nodes()} | nodes


def to_check(ntriples: bytes, nodes: NodeStatements, before: NodeDigests) -> tuple[Graph, set[URIRef] | None] | None:
    """What the build checks of the graph NTRIPLES (sorted N-Triples lines, whose nodes and statements are
    NODES), given that a graph whose node digests were BEFORE conformed to the same shapes: the graph to give
    pyshacl, read from the lines, and its focus nodes (None: all of them); None when nothing changed.

    The shapes judge a node by its own statements and by those of its neighbours (the type of a participant,
    whether two participants are linked by kg:communicatedWith), never from further away. So only the
    nodes whose statements changed, and their neighbours, can have become invalid; they are checked on the
    part of the graph within two steps of them, which holds everything their shapes read. With nothing to
    compare with, or most of the graph changed, the whole graph is checked."""
    now = nodes.digests
    changed = {node for node, digest in now.items() if before.get(node) != digest}
    if not before or len(changed) > MOSTLY_CHANGED * len(now):
        return Graph().parse(data=ntriples, format="nt"), None
    if not changed:
        return None
    focus = nodes.neighbours(changed)
    if any(node.startswith("_:") for node in focus):
        return Graph().parse(data=ntriples, format="nt"), None  # pyshacl takes focus nodes by IRI only
    part = {s.line for node in nodes.neighbours(focus) for s in nodes.of_node.get(node, ())}
    return Graph().parse(data="\n".join(sorted(part)), format="nt"), {URIRef(node[1:-1]) for node in focus}


def check_build(ntriples: bytes, checked_nodes: Path | None = None) -> None:
    """The build's check: raise InvalidGraph on a violation of the shapes by the graph NTRIPLES (its sorted
    N-Triples lines). CHECKED_NODES keeps the node digests of the last graph that conformed, the validator's
    memory: then only what changed since, with its neighbours, is checked (to_check)."""
    from kg.errors import InvalidGraph

    nodes = NodeStatements.of(ntriples)
    checked = to_check(ntriples, nodes, read_digests(checked_nodes) if checked_nodes else {})
    if checked is not None:
        graph, focus = checked
        violations = validate_graph(graph, focus=focus)
        if violations:
            raise InvalidGraph(f"{len(violations)} SHACL violation(s), first: {violations[0].describe(graph)}")
    if checked_nodes:
        from kg.write.atomic import write_atomic

        write_atomic(checked_nodes, digests_text(nodes.digests))


def read_digests(path: Path) -> NodeDigests:
    """The node digests saved at PATH (empty when there are none or they cannot be read)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    digests: NodeDigests = {}
    for line in text.splitlines():
        digest, _, node = line.partition(" ")
        if node:
            digests[node] = digest
    return digests


def digests_text(digests: NodeDigests) -> bytes:
    return "".join(f"{digest} {node}\n" for node, digest in sorted(digests.items())).encode("utf-8")


@contextmanager
def prepared_sparql_queries():
    """pyshacl runs a SPARQL constraint once per focus node, as text: rdflib parses the same query again each
    time, most of the check's time on a corpus. Meanwhile, a query text is parsed once (rdflib's own
    prepared queries), then only evaluated."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.processor import SPARQLProcessor

    @lru_cache(maxsize=256)
    def prepared(text: str, namespaces: tuple, base: str | None):
        return translateQuery(parseQuery(text), base, dict(namespaces))

    original = SPARQLProcessor.query

    def query(self, query_or_text, initBindings=None, initNs=None, base=None, DEBUG=False):
        if isinstance(query_or_text, str):
            query_or_text = prepared(query_or_text, tuple(sorted((initNs or {}).items())), base)
        return original(self, query_or_text, initBindings, initNs, base, DEBUG)

    SPARQLProcessor.query = query
    try:
        yield
    finally:
        SPARQLProcessor.query = original


def violations_in(report: Graph) -> list[Violation]:
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        message = report.value(result, SH.resultMessage)
        found.append(
            Violation(
                focus=report.value(result, SH.focusNode),
                path=readable_path(report, report.value(result, SH.resultPath)),
                message=str(message) if message is not None else "does not conform",
                severity=local_name(severity) if severity is not None else "Violation",
                value=report.value(result, SH.value),
            )
        )
    return found


def readable_path(report: Graph, path: Node | None) -> Node | PropertyPath | None:
    """An inverse path as ^property rather than a blank node; other paths as they are."""
    if isinstance(path, BNode):
        inverted = report.value(path, SH.inversePath)
        if isinstance(inverted, URIRef):
            return InvPath(inverted)
    return path


def sort_key(violation: Violation) -> tuple[str, str, str]:
    return (str(violation.focus), str(violation.path or ""), violation.message)


def local_name(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def short_name(node: Node, graph: Graph | None = None) -> str:
    """A prefixed name of the project (kg:participant, actor:vladimir-putin) that pastes into a query, else <IRI>."""
    if isinstance(node, InvPath):
        return "^" + short_name(node.arg, graph)
    if isinstance(node, Literal):
        return node.n3()
    if not isinstance(node, URIRef):
        return node.n3()
    return prefixed_name(str(node))


def shorten_iris(message: str, graph: Graph | None) -> str:
    """Messages name nodes by full IRI ({?value}); print those of the graph as prefixed names."""
    if graph is None:
        return message

    def short(match: re.Match) -> str:
        node = URIRef(match.group(0))
        is_node = (node, None, None) in graph or (None, None, node) in graph
        return short_name(node, graph) if is_node else match.group(0)

    return re.sub(r"https?://[^\s<>\"{}]+", short, message)


# ---------------------------------------------------------------- reading a graph to check


def read_graph(path: Path) -> Graph:
    """The RDF in `path`; raises ValueError with a one-line reason when it cannot be read."""
    try:
        return Graph().parse(path, format=guess_format(str(path)) or "turtle")
    except FileNotFoundError:
        raise ValueError("no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) from None
    except Exception as exc:  # every rdflib parser raises its own kind of error
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ValueError(f"not valid RDF: {reason}") from None


def is_kg_graph(graph: Graph) -> bool:
    """Whether GRAPH is a graph of kg's contract at all: some node of a kg: class."""
    return any(str(cls).startswith(str(KG)) for cls in graph.objects(None, RDF.type))
