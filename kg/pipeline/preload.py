"""Imported by the fork server the build's workers come from (multiprocessing's forkserver preload): loads
the model named in KG_PRELOAD_MODEL once, so that every worker forked from the server starts with it."""

import os

from kg.pipeline.workers import PRELOAD_VARIABLE, preload

preload(os.environ.get(PRELOAD_VARIABLE))
