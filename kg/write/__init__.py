"""Writing the build's outputs safely.

- outputs.py: graph.ttl, graph.html and graph.oxigraph replaced as one set, by one build at a time.
- outdir.py: an output folder checked before any work.
- atomic.py: a file written whole or not at all.
"""
