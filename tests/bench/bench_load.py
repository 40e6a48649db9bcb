"""Load, faults, start-up and memory of the app under gunicorn (the project's gunicorn.conf.py)
on 127.0.0.1, driven by Debian's wrk. A benchmark to read, not a timed test.

    .venv/bin/python tests/bench/bench_load.py                       # 60 s at 64 connections
    BENCH_SECONDS=10 BENCH_CONNECTIONS=32 .venv/bin/python tests/bench/bench_load.py

1. Throughput: requests/s, p50 and p99 for the home page, a force page, the locate
   API and a hashed static file (the baseline: each ratio is dynamic / static).
   Any socket error or non-2xx response is reported and makes the exit status 1.
2. Faults, each during its own load run on the home page: SIGKILL one worker, and
   SIGHUP the master (graceful reload). Reports failed requests (socket errors and
   non-2xx) and the recovery time: until the master has its full worker count again
   (after a reload: all of them new) and a request succeeds.
3. Start-up time (spawn to first answered request) and the memory (RSS, and PSS, which
   shares copy-on-write pages fairly) of one worker: after start-up, after a page, and
   after a locate request (the app loads the locator tables before gunicorn forks).

On a 2-core machine wrk shares the CPU with the server: compare ratios, not totals.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wellbeing.assets import hash_static  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
# Which parts to run, e.g. BENCH_PARTS=throughput (default: all three).
PARTS = os.environ.get("BENCH_PARTS", "memory,throughput,faults").split(",")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
REPORT = ROOT / "reports" / "bench_load.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn -c gunicorn.conf.py app:app on a free loopback port."""

    def __init__(self, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(
            os.environ,
            PORT=str(self.port),
            HOST="127.0.0.1",
            GUNICORN_ACCESS_LOG="/dev/null",
            GUNICORN_LOG_LEVEL="warning",
            **env,
        )

    def __enter__(self):
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:app"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not ok(self.base + "/"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.02)
        self.startup = time.perf_counter() - self.started
        self.workers_expected = len(self.wait_for_workers(None))
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def workers(self) -> set[int]:
        """Return the pids of the master's live worker processes."""
        pids = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == self.process.pid and fields[0] != "Z":
                pids.add(int(entry.name))
        return pids

    def wait_for_workers(self, count: int | None, timeout: float = 30) -> set[int]:
        """Wait until `count` workers (or, with None, a stable number) are running."""
        deadline = time.monotonic() + timeout
        previous, stable_since = None, time.monotonic()
        while time.monotonic() < deadline:
            pids = self.workers()
            if count is not None and len(pids) == count:
                return pids
            if count is None:
                if pids != previous:
                    previous, stable_since = pids, time.monotonic()
                elif pids and time.monotonic() - stable_since > 1.0:
                    return pids
            time.sleep(0.05)
        raise RuntimeError(f"workers did not settle: {self.workers()}")


def ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            response.read()
            return 200 <= response.status < 300
    except OSError:
        return False


def wrk_command(url: str, seconds: int) -> list[str]:
    return [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        url,
    ]


def parse_wrk(out: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    socket_errors = {k: int(v) for k, v in re.findall(r"(connect|read|write|timeout) (\d+)", out)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": total,
        "rps": round(rps, 1),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "socket_errors": socket_errors,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def failures(result: dict) -> int:
    return sum(result["socket_errors"].values()) + result["non2xx"]


def wrk(url: str, seconds: int) -> dict:
    out = subprocess.run(
        wrk_command(url, seconds), capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(out)


def throughput(server: Server, paths: dict[str, str]) -> dict:
    print(
        f"== Throughput (wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s, gunicorn.conf.py, "
        f"{server.workers_expected} workers) =="
    )
    results = {}
    for label, path in paths.items():
        results[label] = r = wrk(server.base + path, SECONDS)
        print(
            f"  {label:<28} {r['rps']:8.0f} req/s  p50 {r['p50']:>8}  p99 {r['p99']:>8}  "
            f"socket errors {r['socket_errors']}, non-2xx {r['non2xx']}"
        )
    static = results["static (hashed css)"]["rps"]
    for r in results.values():
        r["ratio_to_static"] = round(r["rps"] / static, 2)
    print(
        "  ratio to static: "
        + ", ".join(
            f"{k} {v['ratio_to_static']:.2f}"
            for k, v in results.items()
            if not k.startswith("static")
        )
        + " (target at least 0.50)"
    )
    return results


def fault_run(server: Server, label: str, inject) -> dict:
    """Load `/` for SECONDS; a third of the way in, call `inject` and time the recovery."""
    process = subprocess.Popen(
        wrk_command(server.base + "/", SECONDS),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(SECONDS / 3)
    before = server.workers()
    start = time.perf_counter()
    done = inject(before)
    recovery = None
    deadline = time.monotonic() + max(30, SECONDS)
    while time.monotonic() < deadline:
        pids = server.workers()
        if len(pids) == server.workers_expected and done(before, pids) and ok(server.base + "/"):
            recovery = time.perf_counter() - start
            break
        time.sleep(0.01)
    out, _ = process.communicate()
    result = parse_wrk(out)
    result["recovery_seconds"] = None if recovery is None else round(recovery, 3)
    result["failed_requests"] = failures(result)
    print(
        f"  {label:<28} {result['requests']} requests, failed {result['failed_requests']} "
        f"(socket errors {result['socket_errors']}, non-2xx {result['non2xx']}), "
        f"recovered in {'-' if recovery is None else f'{recovery:.2f} s'}"
    )
    return result


def kill_one_worker(server: Server):
    def inject(before):
        os.kill(min(before), signal.SIGKILL)
        killed = min(before)
        return lambda before, pids: killed not in pids

    return inject


def graceful_reload(server: Server):
    def inject(before):
        os.kill(server.process.pid, signal.SIGHUP)
        return lambda before, pids: not (before & pids)

    return inject


def faults() -> dict:
    print(f"== Faults (each during wrk -c{CONNECTIONS} -d{SECONDS}s on /) ==")
    results = {}
    with Server() as server:
        results["SIGKILL one worker"] = fault_run(
            server, "SIGKILL one worker", kill_one_worker(server)
        )
    with Server() as server:
        results["SIGHUP master (reload)"] = fault_run(
            server, "SIGHUP master (reload)", graceful_reload(server)
        )
    return results


def memory_kb(pid: int) -> dict:
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        pss = int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1))
    except (OSError, AttributeError):
        pss = None
    return {"rss_kb": rss, "pss_kb": pss}


def startup_and_memory() -> dict:
    print("== Start-up and memory (WEB_CONCURRENCY=1) ==")
    with Server(WEB_CONCURRENCY="1") as server:
        (worker,) = server.workers()
        result = {
            "startup_seconds": round(server.startup, 3),
            "master": memory_kb(server.process.pid),
            "worker_after_start": memory_kb(worker),
        }
        for path in ["/", "/forces/gwent", "/directory?q=stress", "/help-now"]:
            urllib.request.urlopen(server.base + path).read()
        result["worker_after_pages"] = memory_kb(worker)
        start = time.perf_counter()
        urllib.request.urlopen(server.base + "/api/v1/locate?q=CF10+1AA").read()
        result["first_locate_seconds"] = round(time.perf_counter() - start, 3)
        for q in ["Newport", "CH4", "NP20+1AA", "Aberystwyth"]:
            urllib.request.urlopen(server.base + "/api/v1/locate?q=" + q).read()
        result["worker_after_locate"] = memory_kb(worker)
    mb = lambda kb: f"{kb / 1024:.1f} MB"  # noqa: E731
    print(f"  start-up (spawn to first answer): {result['startup_seconds']:.2f} s")
    print(f"  master RSS {mb(result['master']['rss_kb'])}")
    for key in ("worker_after_start", "worker_after_pages", "worker_after_locate"):
        m = result[key]
        pss = f", PSS {mb(m['pss_kb'])}" if m["pss_kb"] is not None else ""
        print(f"  {key.replace('_', ' '):<22} RSS {mb(m['rss_kb'])}{pss}")
    print(
        "  first locate request (loads the locator tables): "
        f"{result['first_locate_seconds'] * 1000:.0f} ms"
    )
    return result


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)")
        return 1
    manifest = hash_static(ROOT / "static")
    paths = {
        "static (hashed css)": "/static/" + manifest["css/app.css"],
        "home /": "/",
        "force /forces/gwent": "/forces/gwent",
        "locate API (CF10 1AA)": "/api/v1/locate?q=CF10+1AA",
        "help-now /help-now": "/help-now",
        # An unknown query redirects to the canonical URL (wrk does not follow it).
        "help-now?x=1 (redirect)": "/help-now?x=1",
    }
    report = {
        "seconds": SECONDS,
        "connections": CONNECTIONS,
        "wrk_threads": THREADS,
        "cpus": os.cpu_count(),
    }
    if "memory" in PARTS:
        report["startup_and_memory"] = startup_and_memory()
    with Server() as server:
        # Warm the workers' locators (best effort: the kernel picks the worker) so the
        # run measures answers, not the first load of the tables.
        for _ in range(server.workers_expected * 4):
            urllib.request.urlopen(server.base + "/api/v1/locate?q=CF10+1AA").read()
        report["workers"] = server.workers_expected
        report["throughput"] = throughput(server, paths)
    if "faults" in PARTS:
        report["faults"] = faults()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {REPORT.relative_to(ROOT)}")
    errors = sum(failures(r) for r in report["throughput"].values())
    if errors:
        print(f"FAIL: {errors} failed requests in the steady-state runs")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
