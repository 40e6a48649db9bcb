"""Lighthouse 12.8.2 (tests/lighthouse, `npm ci --prefix tests/lighthouse`) against the live
server: performance, accessibility, best practices and SEO each at least 0.95.

The scores are written to reports/lighthouse.json and listed at the end of the run.
Without node, npx or the npm packages the test skips, except under CI, where it fails.

Lighthouse's performance score depends on how busy the machine is (total blocking
time is measured, then scaled), and a trace is occasionally lost ("Please run
Lighthouse again"), so a page gets up to ATTEMPTS runs and the best run counts,
as Lighthouse's own advice on variability suggests.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CHROMIUM, ROOT

LIGHTHOUSE_DIR = ROOT / "tests" / "lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORT = ROOT / "reports" / "lighthouse.json"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 0.95
ATTEMPTS = 3
PATHS = ["/", "/help-now", "/directory", "/forces/gwent", "/cy/"]


def _unavailable(message: str):
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class _Summary:
    """A plugin that lists the scores in pytest's terminal summary (after output capture)."""

    def __init__(self, scores: dict):
        self.scores = scores

    def pytest_terminal_summary(self, terminalreporter):
        if not self.scores:
            return
        terminalreporter.section("Lighthouse scores")
        terminalreporter.write_line(
            f"  {'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES) + "    runs"
        )
        for path, scores in self.scores.items():
            cells = "".join(
                f"{'-' if scores.get(c) is None else format(scores[c], '.2f'):>16}"
                for c in CATEGORIES
            )
            terminalreporter.write_line(f"  {path:<16}{cells}{scores.get('runs', 1):>8}")
        terminalreporter.write_line(f"  written to {REPORT.relative_to(ROOT)}")


@pytest.fixture(scope="module")
def lighthouse(request):
    """Return the lighthouse command, or skip (fail under CI) when it cannot run."""
    if not (shutil.which("node") and shutil.which("npx")):
        _unavailable("node and npx are needed for Lighthouse: apt-get install nodejs npm")
    if not LIGHTHOUSE_BIN.exists():
        _unavailable("Lighthouse is not installed: npm ci --prefix tests/lighthouse")
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} is missing: apt-get install chromium")
    return [str(LIGHTHOUSE_BIN)]


@pytest.fixture(scope="module")
def scores(request):
    """Collect the scores of every page; write them to reports/lighthouse.json at the end."""
    collected: dict[str, dict] = {}
    request.config.pluginmanager.register(_Summary(collected), "wellbeing-lighthouse-summary")
    yield collected
    if collected:
        REPORT.parent.mkdir(exist_ok=True)
        REPORT.write_text(json.dumps(collected, indent=2) + "\n", encoding="utf-8")


def run_lighthouse(command: list[str], url: str, output: Path) -> dict:
    """Run Lighthouse once and return its JSON report (with `runtimeError` on failure)."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    completed = subprocess.run(
        [
            *command,
            url,
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={output}",
        ],
        cwd=LIGHTHOUSE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if completed.returncode != 0 or not output.exists():
        return {"runtimeError": completed.stderr[-3000:] or f"exit status {completed.returncode}"}
    return json.loads(output.read_text(encoding="utf-8"))


def category_scores(report: dict) -> dict:
    if report.get("runtimeError"):
        return dict.fromkeys(CATEGORIES)
    return {c: report["categories"][c]["score"] for c in CATEGORIES}


def worst(scores: dict) -> float:
    return min(-1 if s is None else s for s in scores.values())


@pytest.mark.parametrize("path", PATHS)
def test_lighthouse_scores(lighthouse, scores, live_server, tmp_path, path):
    best, runs = None, []
    for attempt in range(ATTEMPTS):
        report = run_lighthouse(
            lighthouse, live_server + path, tmp_path / f"lighthouse-{attempt}.json"
        )
        runs.append(category_scores(report))
        if best is None or worst(runs[-1]) > worst(category_scores(best)):
            best = report
        if worst(runs[-1]) >= MINIMUM:
            break
    scores[path] = {**category_scores(best), "runs": len(runs)}
    assert not best.get("runtimeError"), f"{path}: {best['runtimeError']}"
    categories = best["categories"]
    low = {c: s for c, s in category_scores(best).items() if s is None or s < MINIMUM}
    failing = {
        c: [
            a["id"]
            for a in best["audits"].values()
            if a["id"] in {r["id"] for r in categories[c]["auditRefs"] if r["weight"]}
            and a.get("score") is not None
            and a["score"] < 1
        ]
        for c in low
    }
    assert not low, (
        f"{path}: below {MINIMUM} in {len(runs)} runs {runs}: {low}; audits not passed: {failing}"
    )
