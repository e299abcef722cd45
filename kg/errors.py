"""The project's exceptions. Stages raise them; the command line (kg.cli) turns each into one line,
`kg COMMAND: message`, and its exit status: 2 for wrong usage or unreadable input, 1 when the work fails.
Nothing here imports anything: every module may raise them."""

from __future__ import annotations


class KgError(Exception):
    """An error reported in one line (or a few, for a malformed query), with exit status STATUS."""

    status = 1


class UsageError(KgError):
    """Wrong usage, or input that cannot be read: exit status 2."""

    status = 2


class GraphError(UsageError):
    """A graph that cannot be found or read."""


class ReadError(UsageError):
    """A graph or a reference that kg eval cannot read: one line, naming the file."""


class OutputBusy(RuntimeError):
    """Another build is writing into the same folder (kg build: exit status 2, as for every RuntimeError of the
    build: a model that is not installed, a dask scheduler that cannot be reached)."""


class Failure(KgError):
    """The work failed (outputs that cannot be written, nothing to build, a threshold missed): exit status 1."""


class InvalidGraph(KgError):
    """The graph breaks the SHACL shapes of the contract."""


class EndpointError(KgError):
    """An endpoint refused a request or could not be reached."""


class InterruptedSwitch(OSError):
    """A build died while replacing its outputs, and this process may not finish the switch."""
