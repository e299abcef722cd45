"""The graph: the resolved corpus as RDF, and the graph read and written in the formats tools use.

- mapping.py: the one place that knows IRIs: the corpus as sorted N-Triples.
- rdf.py: the graph the build checks (rdflib's API, loaded only if read) and writes as Turtle.
- store.py: the build's persisted Oxigraph store, graph.oxigraph, which kg query and kg serve open.
- formats.py: a graph read from any RDF file, and written in the RDF serialisations (kg export).
- jsonld.py: compacted JSON-LD with the project's context.
- exports.py: the actor network (GEXF, GraphML) and CSV of pairs and events, for other tools.
"""
