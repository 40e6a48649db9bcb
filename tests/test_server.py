"""The app under the real gunicorn (the project's gunicorn.conf.py) on 127.0.0.1:

- the probe: every route with hostile paths, queries, headers and methods, plus
  malformed requests on a raw socket, gives no 5xx and no traceback;
- afterwards neither the access log nor the error log holds an address, a query, a
  postcode or coordinates;
- a graceful reload (SIGHUP) under load puts corrected content live with no failed
  request, and refuses a broken change while the old content keeps serving.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .sweep import sweep_urls

ROOT = Path(__file__).resolve().parents[1]
TRACEBACK_MARKERS = ("Traceback", 'File "/', "werkzeug.exceptions")

POSTCODE = "SW1A 1AA"
TERM = "zebracrossing123"
LAT, LNG = "51.50135", "-0.14189"
SECRETS = [POSTCODE, "SW1A+1AA", "SW1A%201AA", "SW1A1AA", TERM, LAT, LNG, "127.0.0.1", "q=", "lat="]


class Gunicorn:
    """gunicorn -c gunicorn.conf.py app:app on a free loopback port, logs in `folder`."""

    def __init__(self, folder: Path, **env):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.access_log = folder / "access.log"
        self.error_log = folder / "error.log"
        self.env = {
            **os.environ,
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "4",
            "GUNICORN_ACCESS_LOG": str(self.access_log),
            **env,
        }

    def __enter__(self):
        with self.error_log.open("wb") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:app"],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                if self.request("GET", "/")[0] == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError("gunicorn did not start: " + self.error_log.read_text())
            time.sleep(0.2)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def request(self, method: str, path: str, headers: dict | None = None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.endheaders(body)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def raw(self, data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            chunks = []
            try:
                while chunk := sock.recv(65536):
                    chunks.append(chunk)
            except (TimeoutError, ConnectionResetError):
                pass
            return b"".join(chunks)

    def logs(self) -> str:
        time.sleep(0.5)  # let gunicorn flush
        return self.access_log.read_text() + self.error_log.read_text()


# ---- the probe ---------------------------------------------------------------------------

HOSTILE_PATHS = [
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/../app.py",
    "/static/%2e%2e/wellbeing/config.py",
    "//evil.example/",
    "/forces/%00",
    "/forces/" + "x" * 3000,
    "/cy/services/%F0%9F%92%A5",
    "/directory/%ff",
    "/api/v1/forces/%0d%0aSet-Cookie:x=1",
    "/cy",
    "/sw.js/",
    "/help-now;jsessionid=1",
]
HOSTILE_QUERIES = [
    "lang_code=cy",
    "endpoint=x",
    "_method=DELETE",
    "_external=1&_scheme=javascript",
    "slug=x&service_id=y&category=z",
    f"q={TERM}&lang_code=cy",
    "q=%00%ff%fe",
    "q=" + "%F0%9F%92%A5" * 200,
    f"lat={LAT}&lng={LNG}&endpoint=x",
    "force=../../etc/passwd",
    "lang=cy&lang=en&lang=xx",
    "=&&=&x",
    "q[]=1&q[x]=2",
]
METHODS = ["HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "X" * 40]
HOSTILE_HEADERS = [
    {"Host": "evil.example"},
    {"Host": "a" * 64 + ".example"},
    {"Host": "[::1"},
    {"X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9"},
    {"Accept-Encoding": "gzip;q=0, br;q=x, *;q=-1"},
    {"Accept-Language": "cy;q=abc, " + "x" * 500},
    {"Range": "bytes=99999999-0"},
    {"If-None-Match": '"' + "x" * 2000},
    {"If-Modified-Since": "yesterday"},
    {"Content-Type": "application/json", "Content-Length": "5"},
    {"Cookie": "session=" + "x" * 2000},
]
MALFORMED = [
    f"GET /find-your-force?q={POSTCODE} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
    f"GET /directory?q={TERM} HTTP/9.9\r\nHost: x\r\n\r\n".encode(),
    f"G\x00T /find-your-force?lat={LAT}&lng={LNG} HTTP/1.1\r\n\r\n".encode(),
    ("GET /directory?q=" + TERM + "x" * 5000 + " HTTP/1.1\r\n\r\n").encode(),
    f"GET / HTTP/1.1\r\nHost: x\r\nBad Header: {POSTCODE}\r\n\r\n".encode(),
    f"GET / HTTP/1.1\r\nHost: x\r\nX-Search: {TERM}\x00\r\n\r\n".encode(),
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64,  # TLS to a plain port
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
]


def probe_requests() -> list[tuple[str, str, dict]]:
    """Every sweep URL's path, and every hostile path, query, method and header on them."""
    paths = sorted({u.url.split("?")[0] for u in sweep_urls()})
    requests = [("GET", p, {}) for p in paths + HOSTILE_PATHS]
    sample = {}  # one page per endpoint, in English, that answers 200
    for target in sweep_urls():
        if target.status == 200 and not target.url.startswith("/cy"):
            sample.setdefault(target.endpoint, target.url.split("?")[0])
    sample = sorted(set(sample.values()) | {"/cy/"})
    for path in sample:
        requests += [("GET", f"{path}?{q}", {}) for q in HOSTILE_QUERIES]
        requests += [(m, path, {}) for m in METHODS]
        requests += [("GET", path, h) for h in HOSTILE_HEADERS]
    return requests


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with Gunicorn(tmp_path_factory.mktemp("probe")) as running:
        yield running


def test_the_probe_gets_no_5xx_and_no_traceback(server):
    failures = []
    requests = probe_requests()
    for method, path, headers in requests:
        status, body = server.request(
            method, path, headers, b"{}" if "Content-Length" in headers else None
        )
        text = body.decode("utf-8", "replace")
        if status >= 500 or any(marker in text for marker in TRACEBACK_MARKERS):
            failures.append(f"{method} {path[:80]} {headers}: {status}")
    for data in MALFORMED:
        answer = server.raw(data)
        if answer.startswith(b"HTTP/1.1 5") or b"Traceback" in answer:
            failures.append(f"raw {data[:60]!r}: {answer[:60]!r}")
    assert not failures, "\n".join(failures[:30])
    assert len(requests) > 500


def test_neither_log_keeps_an_address_or_a_search(server):
    for path in [
        f"/find-your-force?q={POSTCODE.replace(' ', '+')}",
        f"/find-your-force?lat={LAT}&lng={LNG}&endpoint=x",
        f"/directory?q={TERM}&lang_code=cy",
        f"/api/v1/locate?q={POSTCODE.replace(' ', '%20')}",
    ]:
        assert server.request("GET", path)[0] < 500
    for data in MALFORMED:
        server.raw(data)
    logs = server.logs()
    assert "Invalid request" in logs  # the malformed requests were logged, cleanly
    for secret in SECRETS:
        assert secret not in logs, f"a log keeps {secret!r}:\n{logs}"
    assert "Traceback" not in logs and "Error handling request" not in logs, logs


# ---- graceful reload -----------------------------------------------------------------------

SUMMARY = 'summary.en = "Simple things that help you sleep better around shifts and nights."'


def overlay(folder: Path, summary: str) -> Path:
    """Write a deployer overlay that corrects one service's summary."""
    shipped = (ROOT / "wellbeing" / "data" / "services" / "sleep.toml").read_text(encoding="utf-8")
    first = "[[service]]" + shipped.split("[[service]]")[1]
    assert SUMMARY in first, "the shipped sleep.toml changed: update this test"
    (folder / "services").mkdir(parents=True, exist_ok=True)
    path = folder / "services" / "corrections.toml"
    path.write_text(first.replace(SUMMARY, f'summary.en = "{summary}"'), encoding="utf-8")
    return path


class Load:
    """Requests in two threads, without pause, counting any that fail."""

    def __init__(self, server: Gunicorn):
        self.server, self.stop, self.done, self.failed = server, threading.Event(), 0, []

    def run(self):
        while not self.stop.is_set():
            for path in ("/", "/services/sleep-tips-shift-workers"):
                try:
                    status, _ = self.server.request("GET", path)
                except OSError as error:
                    status = repr(error)
                self.done += 1
                if status != 200:
                    self.failed.append(status)

    def __enter__(self):
        self.threads = [threading.Thread(target=self.run) for _ in range(2)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def wait_for(server: Gunicorn, text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while text not in server.request("GET", "/services/sleep-tips-shift-workers")[1].decode():
        assert time.monotonic() < deadline, f"{text!r} never went live"
        time.sleep(0.2)


def test_a_graceful_reload_puts_corrections_live_and_refuses_broken_ones(tmp_path):
    data = tmp_path / "content"
    path = overlay(data, "First version of the summary.")
    with Gunicorn(tmp_path, WELLBEING_DATA_DIR=str(data), WEB_CONCURRENCY="2") as server:
        wait_for(server, "First version of the summary.")
        with Load(server) as load:
            overlay(data, "Corrected summary, live without a restart.")
            server.process.send_signal(signal.SIGHUP)
            wait_for(server, "Corrected summary, live without a restart.")
            path.write_text("[[service]]\nid = 'broken\n", encoding="utf-8")
            server.process.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 60
            while "Content reload refused" not in server.error_log.read_text():
                assert time.monotonic() < deadline, server.error_log.read_text()
                time.sleep(0.2)
            time.sleep(2)  # requests to the workers forked after the refusal
        assert load.failed == [] and load.done > 20, (load.done, load.failed[:10])
        page = server.request("GET", "/services/sleep-tips-shift-workers")[1].decode()
        assert "Corrected summary, live without a restart." in page
        log = server.error_log.read_text()
        refused = next(line for line in log.splitlines() if "Content reload refused" in line)
        assert "corrections.toml" in refused and "TOML syntax error" in refused
        assert "Content reloaded:" in log


def test_reloading_keeps_the_locator_and_swaps_only_valid_content(tmp_path):
    from wellbeing.reload import reload_content

    from .conftest import make_app

    path = overlay(tmp_path, "Before.")
    app = make_app({"DATA_DIR": str(tmp_path)})
    tables = app.extensions["locator"]
    overlay(tmp_path, "After.")
    assert reload_content(app)[0]
    assert app.extensions["content"].services["sleep-tips-shift-workers"].summary.en == "After."
    path.write_bytes(b"\xff")
    done, message = reload_content(app)
    assert not done and "corrections.toml: not UTF-8" in message
    assert app.extensions["content"].services["sleep-tips-shift-workers"].summary.en == "After."
    assert app.extensions["locator"] is tables
    shutil.rmtree(tmp_path / "services")
