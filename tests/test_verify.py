"""`flask content verify` against a local HTTP server: never the internet."""

import http.server
import threading

import pytest

from wellbeing.config import PACKAGE_DIR

from .conftest import make_app

PAGES = {
    "/with-number": "<p>Call us on <b>0808 157 0123</b> any time.</p>",
    "/with-number-international": "<p>From abroad: +44 (0)808 157-0123</p>",
    "/without-number": "<p>We moved. Our new number is 0808 157 0999.</p>",
    "/moved": None,  # redirects to /with-number
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/with-number")
            self.end_headers()
            return
        body = PAGES.get(self.path)
        if body is None:
            self.send_error(404)
            return
        data = f"<html><body>{body}</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


SERVICE = """
[[service]]
id = "{id}"
category = "wellbeing"
name.en = "Test line {id}"
summary.en = "A line for the verify tests."
eligibility.en = "Anyone."
audiences = ["officer"]
nations = ["wales"]
welsh = "unknown"
source = "https://lines.example.org{source}"
source_date = 2025-01-01

[[service.contacts]]
kind = "phone"
value = "0808 157 0123"
"""


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("verify-data")
    (tmp_path / "services").mkdir()
    cases = {"found": "/with-number", "intl": "/with-number-international"}
    cases |= {"missing": "/without-number", "redirected": "/moved", "gone": "/404"}
    body = "".join(SERVICE.format(id=f"verify-{k}", source=v) for k, v in cases.items())
    (tmp_path / "services" / "verify.toml").write_text(body, encoding="utf-8")
    return make_app({"DATA_DIR": str(tmp_path)}).test_cli_runner()


def verify(runner, local_site, ident):
    args = ["content", "verify", "--timeout", "3", "--only", ident]
    args += ["--origin-map", f"https://lines.example.org={local_site}"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_number_on_its_source_page_is_reported_with_a_checked_line_to_paste(runner, local_site):
    out = verify(runner, local_site, "verify-found")
    assert "200 https://lines.example.org/with-number" in out
    assert "number 0808 157 0123: on https://lines.example.org/with-number" in out
    assert "checked = {date = " in out and 'method = "website"}' in out
    assert "every page and number found for 1" in out


def test_an_international_form_of_the_number_counts(runner, local_site):
    assert "number 0808 157 0123: on" in verify(runner, local_site, "verify-intl")


def test_a_page_without_the_number_says_so_and_offers_no_checked_line(runner, local_site):
    out = verify(runner, local_site, "verify-missing")
    assert "number 0808 157 0123: NOT FOUND on its pages" in out
    assert "checked =" not in out


def test_redirects_are_followed_and_reported(runner, local_site):
    out = verify(runner, local_site, "verify-redirected")
    assert f"200 https://lines.example.org/moved -> {local_site}/with-number" in out
    assert "number 0808 157 0123: on https://lines.example.org/moved" in out


def test_a_404_is_reported_and_nothing_is_confirmed(runner, local_site):
    out = verify(runner, local_site, "verify-gone")
    assert "404 https://lines.example.org/404" in out
    assert "checked =" not in out


def test_an_unreachable_page_is_reported_not_raised(runner):
    # Port 9 on loopback: nothing listens, the connection is refused.
    args = ["content", "verify", "--timeout", "1", "--only", "verify-found"]
    result = runner.invoke(
        args=[*args, "--origin-map", "https://lines.example.org=http://127.0.0.1:9"]
    )
    assert result.exit_code == 0, result.output
    assert "no answer https://lines.example.org/with-number" in result.output


def test_verify_never_edits_the_content(runner, local_site):
    before = {p: p.read_bytes() for p in (PACKAGE_DIR / "data").rglob("*.toml")}
    verify(runner, local_site, "verify-found")
    assert before == {p: p.read_bytes() for p in (PACKAGE_DIR / "data").rglob("*.toml")}


def test_bad_options_are_clear_errors(runner):
    result = runner.invoke(args=["content", "verify", "--origin-map", "nonsense"])
    assert result.exit_code == 2 and "expected FROM=TO" in result.output
    result = runner.invoke(args=["content", "verify", "--only", "no-such-entry"])
    assert result.exit_code == 2 and "no service or force" in result.output
