"""The graph in triplestores and over SPARQL.

- query.py: kg query on a build folder or an RDF file (an embedded Oxigraph store), the queries of queries/,
  and the results as tables or the W3C formats.
- endpoint.py: kg query --endpoint, over the SPARQL 1.1 Protocol.
- loading.py: kg load, into any SPARQL 1.1 Graph Store endpoint (and the HTTP credentials both use).
- serving.py: kg serve, a local Oxigraph server; gate.py: the proxy in front of it when a page may call it.
"""
