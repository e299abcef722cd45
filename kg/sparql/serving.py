"""`kg serve`: a local SPARQL endpoint (an Oxigraph server) on a graph, that no web page can abuse.

- Read-only by default (Oxigraph's serve-read-only): SPARQL UPDATE and Graph Store writes are refused.
  --writable allows them.
- No CORS by default: a page of another site can neither read the answers nor, through the gate (kg.sparql.gate),
  send requests; --cors ORIGIN lets that one origin's pages in (YASGUI's, for instance).
- Every query has a timeout (--query-timeout, 60 s by default): an abandoned heavy query ends.
- The server is a child that dies with kg serve, even when kg serve is killed (Linux); the temporary folder
  of a killed kg serve is removed by the next one.
- --location DIR keeps the store in DIR: DIR must be new, empty, or one kg serve made before (then its old
  store is replaced, never added to).
- The build's persisted store (graph.oxigraph) is copied when it matches graph.ttl; when it cannot be
  copied, kg serve says so in one line and loads graph.ttl instead.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from kg.errors import Failure, UsageError
from kg.graph.store import matching_store
from kg.vocabulary import GRAPH_IRI

MARKER = ".kg-serve"  # in a folder kg serve made: it may be emptied and used again
TEMPORARY_PREFIX = "kg-serve-"


def store_folder(location: str | None) -> Path:
    """The folder of the server's store: LOCATION made ready (see own_location), else a new temporary folder;
    marked as kg serve's. The folders of killed kg serve processes are removed first."""
    remove_stale_folders()
    folder = (
        own_location(Path(location)) if location else Path(tempfile.mkdtemp(prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-"))
    )
    (folder / MARKER).write_text("a store made by kg serve: kg serve may empty this folder\n", encoding="utf-8")
    return folder


def start_server(command: list[str]) -> subprocess.Popen:
    """The server started with COMMAND, as a child that dies with this process."""
    return subprocess.Popen(command, env=server_environment(), preexec_fn=dies_with(os.getpid()))


def load(server: str, source: Path, location: Path, show: Callable[[str], None], warn: Callable[[str], None]) -> None:
    """Fill LOCATION: a copy of the build's store when it matches SOURCE and can be copied, else SOURCE loaded.
    SHOW is given each command run; WARN is told when the build's store cannot be used. Raises Failure when
    SOURCE cannot be loaded."""
    persisted = matching_store(source)
    if persisted is not None:
        backup = [server, "backup", "--location", str(persisted), "--destination", str(location)]
        show(f"$ {shlex.join(backup)}")
        copied = run_quietly(backup)
        if copied.returncode == 0:
            return
        warn(f"{persisted} cannot be used ({last_line(copied.stderr)}); loading {source.name} instead")
        shutil.rmtree(location, ignore_errors=True)
    command = [server, "load", "--location", str(location), "--file", str(source)]
    if source.suffix.lower() == ".json":  # oxigraph knows JSON-LD files as .jsonld only
        command += ["--format", "jsonld"]
    if source.suffix.lower() not in (".trig", ".nq"):  # a dataset keeps its graphs
        command += ["--graph", GRAPH_IRI]
    show(f"$ {shlex.join(command)}")
    loaded = run_quietly(command)
    if loaded.returncode != 0:
        raise Failure(f"oxigraph load: {last_line(loaded.stderr)}")


def run_quietly(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, capture_output=True, text=True, env=server_environment(), preexec_fn=dies_with(os.getpid())
    )


def last_line(text: str) -> str:
    return (text.strip().splitlines() or ["failed"])[-1]


def serve_command(
    server: str, source: Path, location: Path, bind: str, port: int, writable: bool, timeout: float
) -> list[str]:
    host = f"[{bind}]" if ":" in bind and not bind.startswith("[") else bind
    command = [
        server,
        "serve" if writable else "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"{host}:{port}",
        "--timeout-s",
        f"{timeout:g}",
        # the triples in the graph's named graph, queried as the default graph too: as kg query and kg load see it
        "--union-default-graph",
    ]
    return command


def start_gate(bind: str, port: int, inner_port: int, cors: str | None, writable: bool):
    from kg.sparql.gate import Gate

    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    gate = Gate((bind, port), ("127.0.0.1", inner_port), cors, writable, family)
    gate.serve_in_background()
    return gate


def own_location(folder: Path) -> Path:
    """FOLDER ready for a new store: created, or emptied if kg serve made it; a folder of anything else is refused."""
    if folder.exists():
        if not folder.is_dir():
            raise UsageError(f"--location {folder}: not a folder")
        entries = list(folder.iterdir())
        if entries and not (folder / MARKER).is_file():
            raise UsageError(
                f"--location {folder}: the folder is not empty and kg serve did not make it; "
                "choose a new or empty folder"
            )
        for entry in entries:  # the store of an earlier kg serve: replaced, never added to
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remove_stale_folders() -> None:
    """The temporary folders of kg serve processes that were killed (their process is gone)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMPORARY_PREFIX}*-*"):
        pid = folder.name[len(TEMPORARY_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and (folder / MARKER).is_file() and not alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def dies_with(parent: int):
    """A preexec_fn: the child gets SIGTERM when PARENT ends, however it ends (Linux's PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return None

    def arrange() -> None:
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)

    return arrange


def interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def oxigraph_binary() -> str:
    """The oxigraph server installed with kg (beside this Python), else the one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise UsageError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def ensure_port_free(bind: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bind, port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {bind}:{port}: {exc.strerror or exc} (choose another --port)") from None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment() -> dict[str, str]:
    """The environment without Rust backtraces, so that server errors stay one line."""
    return {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}


def endpoint_url(bind: str, port: int) -> str:
    host = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(bind, bind)
    host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{host}:{port}"


def wait_for_server(process: subprocess.Popen) -> int | None:
    """Wait for the server to end: its exit status, or None when this process was interrupted (Ctrl-C, or
    SIGTERM through interrupt) and stopped it."""
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        return None
