"""The gate `kg serve` puts in front of its Oxigraph server when a web page may call it (--cors ORIGIN) or when
the graph may be changed (--writable): a small HTTP proxy that lets through only what no other web page can
abuse.

- A request from a browser page of another origin (its Origin header) is refused with 403, unless it is the
  origin named with --cors: a page open in the user's browser can neither read nor change the graph.
- The named origin gets the CORS headers, on answers and on preflight requests (OPTIONS), for the methods the
  server allows: GET and POST, and PUT and DELETE when --writable.
- Everything else is passed through unchanged, the answers streamed.
"""

from __future__ import annotations

import http.client
import http.server
import threading
from urllib.parse import urlsplit

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "host",
}
BLOCK = 64 * 1024
UPSTREAM_TIMEOUT = 3600.0  # the server's own query timeout ends long queries first


LOOPBACK_NAMES = {"127.0.0.1", "localhost", "[::1]"}


def same_origin(origin: str, host_header: str) -> bool:
    """Whether ORIGIN is the gate's own (a page the endpoint itself served, as Oxigraph's query page), reached
    by a loopback address: a name of another site that resolves to this machine (DNS rebinding) is not."""
    netloc = urlsplit(origin).netloc.lower()
    host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
    return bool(host_header) and netloc == host_header.lower() and host in LOOPBACK_NAMES


class Gate(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        bind: tuple[str, int],
        upstream: tuple[str, int],
        origin: str | None,
        writable: bool,
        family: int | None = None,
    ):
        if family is not None:
            self.address_family = family
        self.upstream, self.origin, self.writable = upstream, origin, writable
        super().__init__(bind, GateHandler)

    def allowed_methods(self) -> str:
        return "GET, POST, PUT, DELETE, HEAD, OPTIONS" if self.writable else "GET, POST, HEAD, OPTIONS"

    def serve_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="kg-serve-gate", daemon=True)
        thread.start()
        return thread


class GateHandler(http.server.BaseHTTPRequestHandler):
    server: Gate
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet, as the Oxigraph server is
        pass

    def foreign_origin(self) -> str | None:
        """The Origin of a request from another site that the gate does not allow, else None."""
        origin = self.headers.get("Origin")
        if origin is None or origin == self.server.origin or same_origin(origin, self.headers.get("Host", "")):
            return None
        return origin

    def cors_headers(self) -> None:
        if self.server.origin and self.headers.get("Origin") == self.server.origin:
            self.send_header("Access-Control-Allow-Origin", self.server.origin)
            self.send_header("Vary", "Origin")

    def refuse(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self) -> None:
        if self.foreign_origin() is not None or not self.server.origin:
            self.refuse(403, "cross-origin requests are refused (kg serve --cors ORIGIN allows one origin)")
            return
        self.send_response(204)
        self.cors_headers()
        self.send_header("Access-Control-Allow-Methods", self.server.allowed_methods())
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def forward(self) -> None:
        if self.foreign_origin() is not None:
            self.refuse(403, "cross-origin requests are refused (kg serve --cors ORIGIN allows one origin)")
            return
        length = int(self.headers.get("Content-Length") or 0)
        upstream = http.client.HTTPConnection(*self.server.upstream, timeout=UPSTREAM_TIMEOUT)
        try:
            upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            upstream.putheader("Host", f"{self.server.upstream[0]}:{self.server.upstream[1]}")
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP and name.lower() != "origin":
                    upstream.putheader(name, value)
            upstream.endheaders()
            remaining = length
            while remaining > 0:
                block = self.rfile.read(min(BLOCK, remaining))
                if not block:
                    break
                upstream.send(block)
                remaining -= len(block)
            answer = upstream.getresponse()
            bodiless = self.command == "HEAD" or answer.status in (204, 304) or answer.status < 200
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                lower = name.lower()
                if (
                    lower not in HOP_BY_HOP
                    and not lower.startswith("access-control-")
                    and (lower != "content-length" or bodiless)
                ):
                    self.send_header(name, value)
            self.cors_headers()
            if not bodiless:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if not bodiless:
                while block := answer.read(BLOCK):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.close_connection = True
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward
