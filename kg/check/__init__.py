"""Checking a graph: against the SHACL shapes of the contract (validate.py: kg validate, and the build's check
before it writes), and against a hand-annotated reference (evaluate.py: kg eval)."""
