"""kg: knowledge graphs of who communicated with whom, when, how and about what, read from French news."""

from __future__ import annotations

__version__ = "0.1.0"


def build(inputs, outdir, **options):
    """Build the graph of INPUTS (folders of articles or JSON Lines files) into OUTDIR; see kg.pipeline.build."""
    from kg.pipeline import build as _build

    return _build(inputs, outdir, **options)
