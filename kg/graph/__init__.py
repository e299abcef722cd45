"""The graph: the resolved corpus as RDF, and the graph read and written in the formats tools use.

- mapping.py: the one place that knows IRIs: the corpus as sorted N-Triples, which the build checks and writes.
- turtle.py: graph.ttl, written from those N-Triples.
- store.py: the build's persisted Oxigraph store, graph.oxigraph, loaded from those N-Triples; kg query and kg
  serve open it.
- formats.py: a graph read from any RDF file, and written in the RDF serialisations (kg export).
- jsonld.py: compacted JSON-LD with the project's context.
- exports.py: the actor network (GEXF, GraphML) and CSV of pairs and events, for other tools.
"""
