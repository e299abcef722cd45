"""How long `kg load` takes to send a big graph to a real Oxigraph server: about a million triples.

    .venv/bin/python bench/load.py [--scale 1.0] [--repeat 1] [--servers oxigraph virtuoso]

The graph is bench/big_graph.py's synthetic corpus (shaped like a big build), written to graph.ttl by the
build's own code. A real Oxigraph server (the `oxigraph` installed with kg) is started on a fresh store on a
loopback port, and `kg load FOLDER --endpoint http://127.0.0.1:PORT/store` is run, each time in a fresh
process, with its default timeout:
- into the empty store (the first load);
- again, replacing the graph the first load put there (the slow case: the store deletes the old triples
  and writes the new ones in one transaction);
each --repeat times (the median is shown). After each load, the triples of the named graph are counted over
HTTP (SPARQL) and must be those of graph.ttl. `--servers virtuoso` (or both) does the same against a real
Virtuoso (Debian's virtuoso-opensource, started on a fresh database as the tests start it; user dba, digest
authentication), to which kg load sends a graph this big in parts of 50,000 triples (kg.sparql.loading tells why).
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from big_graph import KG, cpu_model, synthetic_corpus  # noqa: E402

GRAPH_IRI = "https://w3id.org/kg-news/graph"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def triples_over_http(url: str) -> int:
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": COUNT}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def wait_until_answers(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = .
[HTTPServer]
ServerPort = {http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 2000000
"""


class Server:
    """A triplestore started on a fresh store: its Graph Store URL, its query URL and the environment kg load needs."""

    def __init__(self, kind: str, work: Path):
        self.kind, self.folder = kind, work / kind
        self.folder.mkdir(parents=True)
        http_port = free_port()
        url = f"http://127.0.0.1:{http_port}"
        if kind == "oxigraph":
            binary = str(Path(sys.executable).parent / "oxigraph")
            command = [
                binary if Path(binary).is_file() else shutil.which("oxigraph"),
                "serve",
                "--location",
                str(self.folder / "store"),
                "--bind",
                f"127.0.0.1:{http_port}",
            ]
            self.store, self.query, self.env, self.ready = (
                f"{url}/store",
                f"{url}/query",
                {},
                f"{url}/query?query=ASK%7B%7D",
            )
        else:
            (self.folder / "virtuoso.ini").write_text(
                VIRTUOSO_INI.format(dir=self.folder, sql_port=free_port(), http_port=http_port)
            )
            command = [shutil.which("virtuoso-t"), "+foreground", "+configfile", str(self.folder / "virtuoso.ini")]
            self.store, self.query = f"{url}/sparql-graph-crud-auth", f"{url}/sparql"
            self.env = {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "dba"}
            self.ready = f"{url}/sparql?query=ASK%7B%7D"
        with open(self.folder / "server.log", "ab") as log:
            self.process = subprocess.Popen(command, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT)
        wait_until_answers(self.ready, 180)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--scale", type=float, default=1.0, help="size relative to a million triples (default 1)")
    options.add_argument("--repeat", type=int, default=1, help="runs of each load; the median is shown (default 1)")
    options.add_argument(
        "--servers",
        nargs="+",
        choices=("oxigraph", "virtuoso"),
        default=["oxigraph"],
        help="the triplestores to load into (default: oxigraph)",
    )
    args = options.parse_args()
    from kg.graph.mapping import ntriples
    from kg.graph.turtle import turtle

    with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as work:
        folder = Path(work) / "graph"
        folder.mkdir()
        lines = ntriples(synthetic_corpus(args.scale))
        (folder / "graph.ttl").write_bytes(turtle(lines))
        triples, megabytes = lines.count(b"\n"), (folder / "graph.ttl").stat().st_size / 1024 / 1024
        del lines
        rows = []
        for kind in args.servers:
            for run in range(args.repeat):
                server = Server(kind, Path(work) / str(run))
                try:
                    for case in ("into an empty store", "replacing the same graph"):
                        started = time.perf_counter()
                        done = subprocess.run(
                            [*KG, "load", str(folder), "--endpoint", server.store],
                            capture_output=True,
                            text=True,
                            cwd=ROOT,
                            env={**os.environ, **server.env},
                        )
                        seconds = time.perf_counter() - started
                        if done.returncode != 0:
                            print(done.stderr, file=sys.stderr)
                            return 1
                        held = triples_over_http(server.query)
                        if held != triples:
                            print(
                                f"{kind} holds {held} triples, not {triples} ({seconds:.1f} s; kg load said: "
                                f"{done.stdout.strip()} {done.stderr.strip()})",
                                file=sys.stderr,
                            )
                            return 1
                        rows.append((kind, case, seconds, done.stderr.strip()))
                finally:
                    server.stop()
    print(
        f"{platform.system()}, {cpu_model()}, Python {platform.python_version()}; graph.ttl {megabytes:.0f} MB, "
        f"{triples:,} triples\n"
    )
    print("| `kg load` into | | triples | median s | runs |")
    print("|---|---|---:|---:|---:|")
    for kind in sorted({row[0] for row in rows}):
        for case in ("into an empty store", "replacing the same graph"):
            times = [seconds for server, name, seconds, _ in rows if (server, name) == (kind, case)]
            print(f"| {kind} | {case} | {triples:,} | {statistics.median(times):.1f} | {len(times)} |")
    notes = sorted({note for *_, note in rows if note})
    for note in notes:
        print(f"\n(kg load said: {note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
