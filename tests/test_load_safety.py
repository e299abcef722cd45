"""kg load against endpoints that are slow, busy or hang: no blind re-send, a check after a timeout, 503
retried, and credentials never printed."""

from __future__ import annotations

import base64
import http.server
import os
import threading
import time

import pytest
from fixtures_store import free_port, kg

from kg.sparql import loading


class Endpoint(http.server.BaseHTTPRequestHandler):
    """A Graph Store whose behaviour each test sets: statuses to answer PUTs with in turn, a delay before
    answering, and whether a GET gives back what was PUT."""

    protocol_version = "HTTP/1.1"
    statuses: list[int] = []
    delay = 0.0
    puts: list[dict] = []
    stored = b""

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Endpoint.puts.append(
            {
                "body": body,
                "method": self.command,
                "authorization": self.headers.get("Authorization", ""),
                "path": self.path,
            }
        )
        status = Endpoint.statuses.pop(0) if Endpoint.statuses else 204
        time.sleep(Endpoint.delay)
        if status < 300:
            Endpoint.stored = body
        self.answer(status, b"", {"Retry-After": "0"} if status == 503 else {})

    do_POST = do_PUT  # a part added to the graph (--split): recorded as a PUT is

    def do_GET(self):
        time.sleep(Endpoint.delay / 4)
        self.answer(200, Endpoint.stored, {"Content-Type": "text/turtle"})

    def answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    Endpoint.statuses, Endpoint.delay, Endpoint.puts, Endpoint.stored = [], 0.0, [], b""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()


def environment(**variables: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KG_ENDPOINT_")}
    return {**clean, **variables}


def test_the_graph_is_streamed_as_the_file_it_is(seeds_build, endpoint):
    done = kg("load", seeds_build, "--endpoint", endpoint, env=environment())
    assert done.returncode == 0, done.stderr
    [put] = Endpoint.puts
    assert put["body"] == (seeds_build / "graph.ttl").read_bytes()


def test_503_is_retried_with_backoff(seeds_build, endpoint):
    Endpoint.statuses = [503, 503]
    done = kg("load", seeds_build, "--endpoint", endpoint, "--retry-delay", "0.01", env=environment())
    assert done.returncode == 0, done.stderr
    assert len(Endpoint.puts) == 3
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and all("HTTP 503" in line and "retrying" in line for line in lines)


def test_after_a_timeout_the_graph_is_checked_not_sent_again(seeds_build, endpoint):
    Endpoint.delay = 2.5  # the endpoint takes longer than --timeout, then holds the graph
    done = kg("load", seeds_build, "--endpoint", endpoint, "--timeout", "1.5", env=environment())
    assert done.returncode == 0, done.stderr
    assert len(Endpoint.puts) == 1, "sent once"
    [line] = done.stderr.splitlines()
    assert "no answer within 1.5s" in line and "checking" in line
    assert "triples replaced" in done.stdout


def test_an_endpoint_that_never_answers_is_given_up_on_in_time_with_one_send(seeds_build, endpoint):
    Endpoint.delay = 60.0
    started = time.monotonic()
    done = kg("load", seeds_build, "--endpoint", endpoint, "--timeout", "2", env=environment())
    assert done.returncode == 1
    assert time.monotonic() - started < 30
    assert len(Endpoint.puts) == 1
    assert "Traceback" not in done.stderr
    assert "may still be loading it" in done.stderr.splitlines()[-1]


def test_the_timeout_grows_with_the_payload():
    assert loading.timeout_for(0) == loading.TIMEOUT_BASE_SECONDS
    assert loading.timeout_for(67 * 1024 * 1024) > 5 * loading.TIMEOUT_BASE_SECONDS


def test_a_token_with_a_trailing_line_break_is_sent_without_it_and_never_printed(seeds_build, endpoint):
    done = kg("load", seeds_build, "--endpoint", endpoint, env=environment(KG_ENDPOINT_TOKEN="s3cr3t-t0ken\n"))
    assert done.returncode == 0, done.stderr
    assert Endpoint.puts[-1]["authorization"] == "Bearer s3cr3t-t0ken"
    assert "s3cr3t" not in done.stdout + done.stderr


def test_a_token_with_a_line_break_inside_is_refused_in_one_line_without_it(seeds_build, endpoint):
    done = kg("load", seeds_build, "--endpoint", endpoint, env=environment(KG_ENDPOINT_TOKEN="s3cr3t\nX-Evil: 1"))
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and "control character" in done.stderr
    assert "s3cr3t" not in done.stdout + done.stderr and Endpoint.puts == []


def test_credentials_in_the_url_are_used_and_never_echoed(seeds_build, endpoint):
    with_password = endpoint.replace("http://", "http://alice:pa55w0rd@")
    done = kg("load", seeds_build, "--endpoint", with_password, env=environment())
    assert done.returncode == 0, done.stderr
    assert "pa55w0rd" not in done.stdout + done.stderr and "alice" not in done.stdout + done.stderr
    Endpoint.statuses = [500]
    failed = kg("load", seeds_build, "--endpoint", with_password, env=environment())
    assert failed.returncode == 1 and "HTTP 500" in failed.stderr
    assert "pa55w0rd" not in failed.stdout + failed.stderr


def test_credentials_are_never_printed_when_the_endpoint_cannot_be_reached(seeds_build):
    closed = f"http://bob:hunter2@127.0.0.1:{free_port()}/store"
    done = kg(
        "load",
        seeds_build,
        "--endpoint",
        closed,
        "--retries",
        "2",
        "--retry-delay",
        "0.01",
        env=environment(KG_ENDPOINT_PASSWORD="hunter2", KG_ENDPOINT_USER="bob"),
    )
    assert done.returncode == 1
    assert "hunter2" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_basic_credentials_are_answered_to_the_challenge_with_the_whole_body(seeds_build, endpoint, monkeypatch):
    Endpoint.statuses = [401]
    done = kg(
        "load",
        seeds_build,
        "--endpoint",
        endpoint,
        env=environment(KG_ENDPOINT_USER="user", KG_ENDPOINT_PASSWORD="secret"),
    )
    # The fake endpoint sends no challenge header, so urllib cannot answer it: the 401 is reported.
    assert done.returncode == 1 and "HTTP 401" in done.stderr and "secret" not in done.stderr
    assert base64.b64encode(b"user:secret").decode() not in done.stderr


class Impatient(http.server.BaseHTTPRequestHandler):
    """Wants basic credentials user/secret, and answers a PUT without them at once, closing the connection
    without reading the body (as Virtuoso does): a client that sends the body first never sees the 401."""

    protocol_version = "HTTP/1.1"
    received: list[int] = []

    def challenge(self) -> None:
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="kg"')
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def do_HEAD(self):
        self.challenge()

    def do_PUT(self):
        if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"user:secret").decode():
            self.challenge()
            return
        Impatient.received.append(len(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_big_graph_reaches_an_endpoint_that_challenges_before_reading_the_body(tmp_path):
    graph = tmp_path / "big.nt"
    graph.write_text("".join(f'<urn:s{i}> <urn:p> "{"x" * 80}" .\n' for i in range(60_000)))
    Impatient.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Impatient)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done = kg(
            "load",
            graph,
            "--endpoint",
            f"http://127.0.0.1:{server.server_address[1]}/store",
            env=environment(KG_ENDPOINT_USER="user", KG_ENDPOINT_PASSWORD="secret"),
        )
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr
    assert Impatient.received == [graph.stat().st_size]


def test_a_part_that_fails_is_reported_with_what_the_graph_holds_and_nothing_after_it_is_sent(seeds_build, endpoint):
    """--split: the first part replaces the graph, the next are added; when one is refused, kg stops there and says
    how much of the graph the endpoint holds (a load in parts is not atomic)."""
    Endpoint.statuses = [201, 201, 400]
    done = kg("load", seeds_build, "--endpoint", endpoint, "--split", "100", env=environment())
    assert done.returncode == 1
    total = sum(1 for line in Endpoint.puts[0]["body"].splitlines() if line.strip())
    assert [put["method"] for put in Endpoint.puts] == ["PUT", "POST", "POST"] and total == 100
    assert "HTTP 400" in done.stderr and "part 3 of " in done.stderr and "200 of " in done.stderr
