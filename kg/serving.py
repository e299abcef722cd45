"""`kg serve`: a local SPARQL endpoint (an Oxigraph server) on a graph, that no web page can abuse.

- Read-only by default (Oxigraph's serve-read-only): SPARQL UPDATE and Graph Store writes are refused.
  --writable allows them.
- No CORS by default: a page of another site can neither read the answers nor, through the gate (kg.gate),
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

import argparse
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.cli import UsageError
from kg.formats import GraphError, graph_file
from kg.graphstore import matching_store
from kg.names import GRAPH_IRI

MARKER = ".kg-serve"  # in a folder kg serve made: it may be emptied and used again
TEMPORARY_PREFIX = "kg-serve-"
DEFAULT_QUERY_TIMEOUT = 60

def port_number(text: str) -> int:
    """An argparse type: a TCP port, 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return port

def origin_text(text: str) -> str:
    """An argparse type: a web origin, scheme://host[:port]."""
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") or text == "*":
        raise argparse.ArgumentTypeError(f"{text!r} is not an origin like https://example.org or http://localhost:8080")
    return f"{parts.scheme}://{parts.netloc}"

def run_serve_command(args: argparse.Namespace) -> int:
    try:  # the file itself goes to the server, as the user named it
        source = graph_file(args.graph)
    except GraphError as exc:
        raise UsageError(str(exc)) from None
    if args.query_timeout <= 0:
        raise UsageError("--query-timeout must be positive")
    server = oxigraph_binary()
    ensure_port_free(args.bind, args.port)
    remove_stale_folders()
    folder = own_location(Path(args.location)) if args.location else Path(
        tempfile.mkdtemp(prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-"))
    (folder / MARKER).write_text("a store made by kg serve: kg serve may empty this folder\n", encoding="utf-8")
    location = folder / "store"
    gated = args.writable or args.cors
    inner_port = free_port() if gated else args.port
    inner_bind = "127.0.0.1" if gated else args.bind
    serve = serve_command(server, source, location, inner_bind, inner_port, args.writable, args.query_timeout)
    # SIGTERM ends kg serve like Ctrl-C, so that the server is stopped with it.
    signal.signal(signal.SIGTERM, interrupt)
    try:
        if not load(server, source, location):
            return 1
        print(f"$ {shlex.join(serve)}", flush=True)
        process = subprocess.Popen(serve, env=server_environment(), preexec_fn=dies_with(os.getpid()))
        gate = start_gate(args, inner_port) if gated else None
        mode = "read-write" if args.writable else "read-only"
        cors = f"CORS for {args.cors} only" if args.cors else "no CORS"
        print(f"SPARQL endpoint: {endpoint_url(args.bind, args.port)}/query  (Graph Store: /store; {mode}, "
              f"{cors}, queries stop after {args.query_timeout:g} s)", flush=True)
        print("Stop with Ctrl-C.", flush=True)
        try:
            return wait_for_server(process)
        finally:
            if gate is not None:
                gate.shutdown()
                gate.server_close()
    finally:
        if not args.location:
            shutil.rmtree(folder, ignore_errors=True)

def load(server: str, source: Path, location: Path) -> bool:
    """Fill LOCATION: a copy of the build's store when it matches SOURCE and can be copied, else SOURCE loaded."""
    persisted = matching_store(source)
    if persisted is not None:
        backup = [server, "backup", "--location", str(persisted), "--destination", str(location)]
        print(f"$ {shlex.join(backup)}", flush=True)
        copied = run_quietly(backup)
        if copied.returncode == 0:
            return True
        print(f"kg serve: {persisted} cannot be used ({last_line(copied.stderr)}); loading {source.name} instead",
              file=sys.stderr, flush=True)
        shutil.rmtree(location, ignore_errors=True)
    command = [server, "load", "--location", str(location), "--file", str(source)]
    if source.suffix.lower() == ".json":  # oxigraph knows JSON-LD files as .jsonld only
        command += ["--format", "jsonld"]
    if source.suffix.lower() not in (".trig", ".nq"):  # a dataset keeps its graphs
        command += ["--graph", GRAPH_IRI]
    print(f"$ {shlex.join(command)}", flush=True)
    loaded = run_quietly(command)
    if loaded.returncode != 0:
        print(f"kg serve: oxigraph load: {last_line(loaded.stderr)}", file=sys.stderr)
        return False
    return True

def run_quietly(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, env=server_environment(),
                          preexec_fn=dies_with(os.getpid()))

def last_line(text: str) -> str:
    return (text.strip().splitlines() or ["failed"])[-1]

def serve_command(server: str, source: Path, location: Path, bind: str, port: int, writable: bool,
                  timeout: float) -> list[str]:
    host = f"[{bind}]" if ":" in bind and not bind.startswith("[") else bind
    command = [server, "serve" if writable else "serve-read-only", "--location", str(location),
               "--bind", f"{host}:{port}", "--timeout-s", f"{timeout:g}",
               # the triples in the graph's named graph, queried as the default graph too: as kg query and kg load see it
               "--union-default-graph"]
    return command

def start_gate(args: argparse.Namespace, inner_port: int):
    from kg.gate import Gate

    family = socket.AF_INET6 if ":" in args.bind else socket.AF_INET
    gate = Gate((args.bind, args.port), ("127.0.0.1", inner_port), args.cors, args.writable, family)
    gate.serve_in_background()
    return gate

def own_location(folder: Path) -> Path:
    """FOLDER ready for a new store: created, or emptied if kg serve made it; a folder of anything else is refused."""
    if folder.exists():
        if not folder.is_dir():
            raise UsageError(f"--location {folder}: not a folder")
        entries = list(folder.iterdir())
        if entries and not (folder / MARKER).is_file():
            raise UsageError(f"--location {folder}: the folder is not empty and kg serve did not make it; "
                             "choose a new or empty folder")
        for entry in entries:  # the store of an earlier kg serve: replaced, never added to
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder

def remove_stale_folders() -> None:
    """The temporary folders of kg serve processes that were killed (their process is gone)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMPORARY_PREFIX}*-*"):
        pid = folder.name[len(TEMPORARY_PREFIX):].split("-", 1)[0]
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

def wait_for_server(process: subprocess.Popen) -> int:
    try:
        status = process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        print("kg serve: stopped", file=sys.stderr)
        return 0
    print(f"kg serve: the oxigraph server stopped with status {status}", file=sys.stderr)
    return 1
