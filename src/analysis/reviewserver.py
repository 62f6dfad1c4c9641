"""``python -m analysis review DOC --serve``: the review page, served on 127.0.0.1 only.

The server answers only requests carrying its token (a fresh random one per start, in the
address it prints): ``GET /?token=…`` is the page, ``GET /assets/<name>?token=…`` its script
and stylesheets (a fixed list, never a path from the request), and ``POST /api/<action>``
with the token in the ``X-Review-Token`` header and a JSON body is every change. Anything
else is 403 (no or a wrong token, or a Host that is not this server) or 404/405. Every
answer carries a Content-Security-Policy that allows only the page's own script and style.
What a request does is ``analysis.reviewpage``'s.
"""

from __future__ import annotations

import hmac
import json
import secrets
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from analysis import paths, review
from analysis.errors import UserError
from analysis.reviewpage import ChangeRefused, Session
from analysis.site import environment

__all__ = ["make_server", "serve", "CSP", "TOKEN_HEADER"]

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Review-Token"
# Only the page's own script and stylesheets (served from this origin), its own requests.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'")
_HEADER_CSP = CSP + "; frame-ancestors 'none'"  # not allowed in a <meta> policy
ASSETS = {  # what /assets/<name> may serve: these files, nothing a request names
    "review.js": ("review.js", "text/javascript; charset=utf-8"),
    "review.css": ("review.css", "text/css; charset=utf-8"),
    "site.css": ("site.css", "text/css; charset=utf-8"),
}
_ASSET_DIR = Path(__file__).parent / "templates" / "assets"
MAX_BODY = 64 * 1024


def _handler(session: Session, token: str, reviewer: str | None) -> type[BaseHTTPRequestHandler]:
    template = environment().get_template("review.html.j2")

    class Handler(BaseHTTPRequestHandler):
        server_version = "analysis-review"
        sys_version = ""

        def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
            pass  # one line at start and one at the end: the terminal is not a log

        # --- answers ----------------------------------------------------------------
        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", _HEADER_CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _json(self, status: int, data: dict) -> None:
            self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

        def _refuse(self, status: int, message: str) -> None:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

        # --- who may ask ---------------------------------------------------------------
        def _host_ok(self) -> bool:
            # a page of another site that resolves its name to 127.0.0.1 (DNS rebinding) sends its own Host
            port = self.server.server_address[1]  # type: ignore[index]  # AF_INET: (address, port)
            return self.headers.get("Host", "") in (f"{HOST}:{port}", f"localhost:{port}")

        def _allowed(self, given: str | None) -> bool:
            if not self._host_ok() or not given:
                return False
            return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode())

        # --- GET: the page and its assets ------------------------------------------------
        def do_GET(self):  # noqa: N802 (the standard library's name)
            url = urlsplit(self.path)
            given = parse_qs(url.query).get("token", [None])[0]
            if not self._allowed(given):
                return self._refuse(HTTPStatus.FORBIDDEN, "forbidden: this review server answers only its own "
                                                          "address, with its token")
            if url.path == "/":
                try:
                    html = template.render(token=token, csp=CSP, **session.context())
                except UserError as err:
                    return self._refuse(HTTPStatus.CONFLICT, f"error: {err}")
                return self._send(HTTPStatus.OK, html.encode("utf-8"), "text/html; charset=utf-8")
            if url.path.startswith("/assets/") and url.path[len("/assets/"):] in ASSETS:
                name, content_type = ASSETS[url.path[len("/assets/"):]]
                return self._send(HTTPStatus.OK, (_ASSET_DIR / name).read_bytes(), content_type)
            if url.path == "/favicon.ico":  # asked by the browser for every page: nothing to show
                return self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
            if url.path.startswith("/api/"):
                return self._refuse(HTTPStatus.METHOD_NOT_ALLOWED, "changes are made by POST")
            return self._refuse(HTTPStatus.NOT_FOUND, "not found")

        do_HEAD = do_GET

        # --- POST: every change --------------------------------------------------------------
        def do_POST(self):  # noqa: N802
            if not self._allowed(self.headers.get(TOKEN_HEADER)):
                return self._refuse(HTTPStatus.FORBIDDEN, "forbidden: a change needs the server's token")
            action = urlsplit(self.path).path.removeprefix("/api/")
            if action not in ("change", "confirm", "accept", "start"):
                return self._refuse(HTTPStatus.NOT_FOUND, "not found")
            if not self.headers.get("Content-Type", "").startswith("application/json"):
                return self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "a change is JSON")
            try:
                length = int(self.headers.get("Content-Length", "0"))
            except ValueError:
                length = -1
            if not 0 <= length <= MAX_BODY:
                return self._refuse(HTTPStatus.BAD_REQUEST, "a change is a small JSON object")
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except (json.JSONDecodeError, UnicodeDecodeError):
                return self._refuse(HTTPStatus.BAD_REQUEST, "not JSON")
            if not isinstance(body, dict) or not all(isinstance(v, str) for v in body.values()):
                return self._refuse(HTTPStatus.BAD_REQUEST, "a change is an object of texts")
            try:
                if action == "change":
                    result = session.change(body.get("layer", ""), body.get("id", ""), body.get("field", ""),
                                            body.get("value", ""))
                elif action == "confirm":
                    result = session.confirm(body.get("layer", ""), body.get("id", ""))
                elif action == "start":
                    result = session.start_layer(body.get("layer", ""))
                else:
                    result = session.accept(reviewer)
            except ChangeRefused as err:
                return self._json(HTTPStatus.CONFLICT, {"ok": False, "message": str(err)})
            except UserError as err:  # the lock is held by a long command
                return self._json(HTTPStatus.SERVICE_UNAVAILABLE, {"ok": False, "message": str(err)})
            return self._json(HTTPStatus.OK, result)

    return Handler


def make_server(session: Session, port: int = 0, reviewer: str | None = None,
                token: str | None = None) -> tuple[ThreadingHTTPServer, str]:
    """A server for ``session`` on 127.0.0.1 (``port`` 0: a free one) and its address with the token."""
    token = token or secrets.token_urlsafe(24)
    try:
        server = ThreadingHTTPServer((HOST, port), _handler(session, token, reviewer))
    except OSError as err:
        raise UserError(f"cannot listen on {HOST}:{port} ({err.strerror}); choose another --port, or leave it "
                        "out for a free one") from None
    server.daemon_threads = True
    return server, f"http://{HOST}:{server.server_address[1]}/?token={token}"


def serve(doc_id: str, layers: list[str], port: int = 0, reviewer: str | None = None, funding_later: bool = False,
          out: Callable[[str], None] = print) -> int:
    """Start the review files not yet started, serve the page until Ctrl-C; exit status 0.
    ``funding_later``: start the funding layer only once the figures are reviewed."""
    session = Session(doc_id, layers, funding_later=funding_later)
    session.start()
    server, address = make_server(session, port, reviewer)
    out(address)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        out(f"stopped; every change is saved in {paths.relative(review.review_dir())}/ "
            f"(resume with `python -m analysis review {doc_id} --serve`)")
    finally:
        server.server_close()
    return 0
