"""The edge (deploy/), as `make run-edge` runs it: nginx on a loopback port in front of
gunicorn on a unix socket. Skipped without nginx, except under CI=true (.ci/run installs it).
"""

import http.client
import json
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

from wellbeing.security import security_headers

from .conftest import check_page

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
HEADERS = security_headers(["'none'"])

POSTCODE = "SW1A 1AA"
TERM = "zebracrossing123"
LAT, LNG = "51.50135", "-0.14189"
AGENT = "SecretAgent/9.9"
REFERRER = "https://referrer.example/from-here"


class Edge:
    """deploy/run_edge.py on a free loopback port; its logs in `folder`."""

    def __init__(self, folder: Path, max_age: int | None = None):
        if not NGINX:
            if os.environ.get("CI") == "true":
                pytest.fail("nginx is not installed (.ci/run installs it)")
            pytest.skip("nginx is not installed (apt-get install nginx)")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.folder = folder
        self.runtime = folder / "runtime"
        self.access_log = folder / "nginx-access.log"
        self.app_log = folder / "gunicorn-access.log"
        self.output = folder / "output.log"
        self.env = {**os.environ, "GUNICORN_ACCESS_LOG": str(self.app_log)}
        if max_age is not None:
            # Pages that go stale in seconds, not minutes: patched in as Python starts.
            patch = folder / "patch"
            patch.mkdir()
            (patch / "sitecustomize.py").write_text(
                "from wellbeing import page_cache\n"
                f"page_cache.CACHE_CONTROL = 'public, max-age={max_age}, "
                f"stale-while-revalidate={max_age}, stale-if-error=604800'\n"
            )
            self.env["PYTHONPATH"] = str(patch)

    def __enter__(self):
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "deploy/run_edge.py",
                    "--host=127.0.0.1",
                    f"--port={self.port}",
                    f"--runtime={self.runtime}",
                    f"--access-log={self.access_log}",
                    "--workers=1",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 90
        while True:
            try:
                if self.get("/")[0] == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the edge did not start:\n" + self.output.read_text())
            time.sleep(0.2)

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def get(self, path: str, headers: dict | None = None, source: str = "127.0.0.1"):
        """Return (status, headers, body) of one GET from `source`, on its own connection."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=10, source_address=(source, 0)
        )
        try:
            connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def pid(self, name: str) -> int:
        return int((self.runtime / f"{name}.pid").read_text())

    def logs(self) -> str:
        time.sleep(0.5)  # let nginx and gunicorn flush
        return "".join(
            path.read_text(errors="replace")
            for path in (self.access_log, self.app_log, self.output)
            if path.exists()
        )


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    with Edge(tmp_path_factory.mktemp("edge")) as running:
        yield running


def check_headers(headers, url: str) -> None:
    for name, value in HEADERS.items():
        assert headers.get_all(name) == [value], f"{url}: {name} is {headers.get_all(name)}"
    assert "Set-Cookie" not in headers, f"{url} set a cookie"


@pytest.mark.parametrize("url", ["/", "/cy/help-now", "/forces/gwent"])
def test_pages_through_the_edge_keep_their_invariants_and_headers(edge, url):
    status, headers, body = edge.get(url)
    assert status == 200
    check_page(body.decode(), url)
    check_headers(headers, url)


def test_static_files_come_from_disk_compressed_immutable_and_with_the_same_headers(edge):
    from wellbeing.assets import hash_static

    url = "/static/" + hash_static(ROOT / "static")["css/app.css"]
    status, headers, body = edge.get(url, {"Accept-Encoding": "gzip, br"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert headers["Content-Type"] == "text/css; charset=utf-8"
    assert "X-Cache-Status" not in headers  # nginx, not gunicorn, served it
    check_headers(headers, url)
    assert edge.get(url.replace(".css", ".000000000000.css"))[0] == 404


def test_the_second_request_is_a_cache_hit_and_a_known_copy_gets_a_304(edge):
    first = edge.get("/privacy", {"Accept-Encoding": "gzip, deflate, br"})[1]
    assert first["X-Cache-Status"] == "MISS"
    # Another browser's spelling of the same encoding shares the copy.
    status, second, body = edge.get("/privacy", {"Accept-Encoding": "gzip"})
    assert second["X-Cache-Status"] == "HIT" and second["ETag"] == first["ETag"]
    check_headers(second, "/privacy")
    status, headers, body = edge.get(
        "/privacy", {"Accept-Encoding": "gzip", "If-None-Match": first["ETag"]}
    )
    assert (status, body, headers["ETag"]) == (304, b"", first["ETag"])


def test_searches_and_locations_are_never_cached(edge):
    for url in (f"/directory?q={TERM}", "/api/v1/locate?q=CF10+1AA"):
        for _ in range(2):
            status, headers, _body = edge.get(url)
            assert status == 200
            assert headers["X-Cache-Status"] == "BYPASS"
            assert headers["Cache-Control"] == "no-store"


def test_the_client_cannot_pose_as_the_proxy(edge):
    # Only the edge says how the client connected: no HSTS for a plain-HTTP client.
    status, headers, _body = edge.get(
        f"/directory?q={TERM}",
        {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"},
    )
    assert status == 200
    assert "Strict-Transport-Security" not in headers


def test_slow_clients_do_not_hold_up_anyone(edge):
    request = b"GET /help-now HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + b"x" * 40
    slow = [socket.create_connection(("127.0.0.1", edge.port), timeout=5) for _ in range(200)]
    stop = threading.Event()

    def trickle():
        for byte in request:
            for sock in slow:
                sock.send(bytes([byte]))
            if stop.wait(0.05):
                return

    thread = threading.Thread(target=trickle)
    thread.start()
    try:
        time.sleep(0.3)
        for url in ["/", f"/directory?q={TERM}", "/forces/gwent", f"/directory?q={TERM}x"] * 3:
            started = time.monotonic()
            assert edge.get(url)[0] == 200
            assert time.monotonic() - started < 1.0, url
    finally:
        stop.set()
        thread.join(timeout=10)
        for sock in slow:
            sock.close()


def flood(edge, url: str):
    """Search from an address of its own (so other tests are not limited) until a 429."""
    for _ in range(200):
        answer = edge.get(url, source="127.0.0.2")
        if answer[0] == 429:
            return answer
        assert answer[0] == 200
    raise AssertionError(f"{url}: 200 searches and no 429")


def test_too_many_searches_get_a_429_that_still_shows_the_crisis_line(edge):
    _status, headers, body = flood(edge, "/api/v1/locate?q=CF10+1AA")
    assert json.loads(body)["error"] and headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"] == "application/json"
    for url, lang in (("/find-your-force?q=CF10+1AA", "en"), ("/cy/find-your-force?q=CF10", "cy")):
        _status, headers, body = flood(edge, url)
        soup = check_page(body.decode(), url)
        assert soup.html["lang"] == lang
        assert soup.select_one("a[href='tel:999']"), f"{url}: no 999 link"
        assert headers["Cache-Control"] == "no-store"
        check_headers(headers, url)
    assert edge.get("/api/v1/locate?q=CF10+1AA")[0] == 200  # another client is not limited


def test_the_logs_keep_no_address_agent_referrer_or_search(edge):
    visitor = {"User-Agent": AGENT, "Referer": REFERRER}
    for url in (
        f"/directory?q={TERM}",
        f"/find-your-force?q={POSTCODE.replace(' ', '+')}",
        f"/find-your-force?lat={LAT}&lng={LNG}",
        f"/api/v1/locate?q={POSTCODE.replace(' ', '%20')}",
    ):
        assert edge.get(url, visitor)[0] == 200
    # nginx logs a body that is too large as an error, quoting the client and the request.
    with socket.create_connection(("127.0.0.1", edge.port), timeout=5) as sock:
        sock.sendall(
            f"POST /directory?q={TERM} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: {AGENT}\r\n"
            f"Referer: {REFERRER}\r\nContent-Length: 100000\r\n\r\n".encode()
        )
        assert sock.recv(12) == b"HTTP/1.1 413"
    logs = edge.logs()
    assert '"GET /directory" 200' in logs  # the requests were logged, without their queries
    assert "client intended to send too large body" in logs  # and the error, scrubbed
    for secret in (TERM, POSTCODE, "SW1A+1AA", "SW1A%201AA", LAT, LNG, "127.0.0", AGENT, REFERRER):
        assert secret not in logs, f"a log keeps {secret!r}:\n{logs}"


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_with_gunicorn_stopped_the_edge_still_answers_and_stopping_it_stops_both(tmp_path):
    pages = ["/", "/help-now", "/forces/gwent", "/cy/help-now"]
    with Edge(tmp_path, max_age=1) as edge:
        for url in pages:
            assert edge.get(url)[1]["Cache-Control"].startswith("public, max-age=1,")
        time.sleep(2.5)  # past max-age and stale-while-revalidate: only stale-if-error is left
        gunicorn, nginx = edge.pid("gunicorn"), edge.pid("nginx")
        os.kill(gunicorn, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while running(gunicorn):
            assert time.monotonic() < deadline, "gunicorn did not stop"
            time.sleep(0.1)
        for url in pages:
            status, headers, body = edge.get(url)
            assert status == 200, url
            assert headers["X-Cache-Status"] == "STALE", url
        # A page nobody asked for yet: the numbers to call, not nginx's own error page.
        for url, lang in (("/families", "en"), ("/cy/families", "cy")):
            status, headers, body = edge.get(url)
            assert status == 502
            soup = check_page(body.decode(), url)
            assert soup.html["lang"] == lang
            assert soup.select_one("a[href='tel:999']"), f"{url}: no 999 link"
            check_headers(headers, url)
        assert running(nginx) and edge.process.poll() is None
    assert edge.process.returncode == 0
    assert not running(nginx)
