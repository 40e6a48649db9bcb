"""Offline copies stay fresh: a changed number reaches the saved pages, and a hanging
network never leaves a blank screen.

These tests run their own gunicorn on one fixed port, so that the browser keeps the
same origin (and service worker) while the server is restarted with new content or
frozen to make the network hang.
"""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from wellbeing.config import PACKAGE_DIR

from .conftest import ROOT, _free_port, wait_for, wait_for_service_worker

OLD, NEW = "0300 131 2789", "0808 157 0123"  # 0808 157 0xxx: Ofcom's range for drama
SAVED_CACHE = "wellbeing-saved-force"


class Server:
    """gunicorn on a fixed port, restartable with another content overlay."""

    def __init__(self, tmp: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp
        self.process = None

    def start(self, data_dir: Path | None = None) -> None:
        env = dict(os.environ, PORT=str(self.port), HOST="127.0.0.1", WEB_CONCURRENCY="1")
        env.pop("WELLBEING_DATA_DIR", None)
        if data_dir:
            env["WELLBEING_DATA_DIR"] = str(data_dir)
        with (self.tmp / "error.log").open("ab") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:app"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.base + "/", timeout=1).close()
                return
            except OSError:
                assert self.process.poll() is None and time.monotonic() < deadline, (
                    self.tmp / "error.log"
                ).read_text()
                time.sleep(0.2)

    def pids(self) -> list[int]:
        children = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        return [self.process.pid, *map(int, children)]

    def freeze(self) -> None:
        """Stop every gunicorn process: connections are accepted but never answered."""
        for pid in self.pids():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in self.pids():
            os.kill(pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def server(tmp_path):
    server = Server(tmp_path)
    yield server
    server.stop()


def overlay_with_new_number(tmp: Path) -> Path:
    """A deployer's data folder whose crisis services carry a changed crisis-line number."""
    data = tmp / "data-new"
    (data / "services").mkdir(parents=True)
    crisis = (PACKAGE_DIR / "data" / "services" / "crisis.toml").read_text(encoding="utf-8")
    assert OLD in crisis
    (data / "services" / "crisis.toml").write_text(crisis.replace(OLD, NEW), encoding="utf-8")
    return data


def saved_text(page, path: str) -> str:
    return page.evaluate(
        """async ([name, path]) => {
            if (!(await caches.has(name))) return "";
            const found = await (await caches.open(name)).match(path);
            return found ? await found.text() : "";
        }""",
        [SAVED_CACHE, path],
    )


def wait_until(page, check, message: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, message
        page.wait_for_timeout(200)


def save_gwent(context, server):
    """Start the server, open Gwent's page and make it this browser's force (saved offline)."""
    server.start()
    page = context.new_page()
    page.goto(server.base + "/forces/gwent")
    wait_for_service_worker(page)
    page.get_by_role("button", name="Make this my force").click()
    wait_until(
        page, lambda: OLD in saved_text(page, "/forces/gwent"), "the force page was not saved"
    )
    return page


def test_a_changed_number_reaches_every_offline_copy(context, server, tmp_path):
    page = save_gwent(context, server)

    # The number changes: the app restarts with the corrected content.
    server.stop()
    server.start(overlay_with_new_number(tmp_path))
    version = re.search(
        r'const CACHE = PREFIX \+ "([^"]+)"',
        urllib.request.urlopen(server.base + "/sw.js").read().decode(),
    )
    assert version, "no cache version in /sw.js"

    # One online visit to any page: the new worker installs and re-saves the force page.
    page.goto(server.base + "/")
    assert NEW in page.locator(".wb-call--primary").inner_text()
    wait_until(
        page,
        lambda: ("wellbeing-" + version.group(1)) in page.evaluate("caches.keys()"),
        "the new worker did not install",
    )
    wait_until(
        page, lambda: NEW in saved_text(page, "/forces/gwent"), "saved copy kept the old number"
    )

    context.set_offline(True)
    for path in ("/", "/help-now", "/forces/gwent"):
        response = page.goto(server.base + path)
        assert response.from_service_worker, path
        links = page.locator("main a[href^='tel:']").evaluate_all("els => els.map(e => e.href)")
        assert "tel:08081570123" in links, path
        assert "tel:03001312789" not in links, path
    # The saved copy says when it was saved.
    when = page.locator(".wb-save-force__when")
    when.wait_for(state="visible")
    assert when.inner_text().startswith("Copy on this device saved")


def test_a_hanging_network_shows_the_offline_page_within_the_timeout(context, server):
    server.start()
    page = context.new_page()
    page.goto(server.base + "/")
    wait_for_service_worker(page)
    server.freeze()
    try:
        started = time.monotonic()
        page.goto(server.base + "/accessibility", timeout=15000)  # never visited, not precached
        elapsed = time.monotonic() - started
        assert page.locator("h1").inner_text() == "You are offline"
        assert page.locator("main a[href='tel:999']").count() == 1
        assert elapsed < 8, f"the offline page took {elapsed:.1f} s"
    finally:
        server.thaw()


def test_a_failed_save_keeps_the_previous_copy_and_says_so(context, server):
    page = save_gwent(context, server)
    before = saved_text(page, "/forces/gwent")

    server.stop()  # the server cannot answer: a save now fails
    answer = page.evaluate(
        """() => navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(event.data);
            registration.active.postMessage({type: "save-force", slug: "gwent"}, [channel.port2]);
        }))"""
    )
    assert answer == {"saved": False}
    assert saved_text(page, "/forces/gwent") == before  # the previous copy is still there

    # Pressed again with no connection, the button says plainly that the page was not saved.
    page.get_by_role("button", name="Forget my force").click()
    page.get_by_role("button", name="Make this my force").click()
    wait_for(
        page,
        "document.querySelector('.wb-save-force__status').textContent.includes('could not be saved')",
    )
