"""Browser fixtures: the app under gunicorn on 127.0.0.1, driven by Debian's Chromium.

Where Chromium is missing the browser tests skip, except under CI, where they fail.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_log(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("gunicorn") / "access.log"


@pytest.fixture(scope="session")
def reports_db(server_log) -> Path:
    """The live server's reports database (in the session's temporary folder)."""
    return server_log.with_name("reports.sqlite3")


@pytest.fixture(scope="session")
def live_server(server_log, reports_db):
    """Serve the app with the project's gunicorn.conf.py on a free loopback port."""
    port = _free_port()
    error_log = server_log.with_name("error.log")
    env = dict(
        os.environ,
        PORT=str(port),
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="8",
        GUNICORN_ACCESS_LOG=str(server_log),
        WELLBEING_DB=str(reports_db),
    )
    with error_log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # start-up renders the precache: slow on a loaded machine
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise RuntimeError("gunicorn did not start: " + error_log.read_text()) from None
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Launch Debian's Chromium once per session (never `playwright install`)."""
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def wait_for_service_worker(page) -> None:
    """Wait until the worker has installed, activated and controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(
        "navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'"
    )


def wait_for(page, expression: str, timeout: float = 10) -> None:
    """Wait until a JavaScript expression is true in the page.

    A Python loop over page.evaluate rather than page.wait_for_function: the site's
    CSP (no 'unsafe-eval') can refuse the latter's string evaluation under load.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {expression}"
        page.wait_for_timeout(100)
