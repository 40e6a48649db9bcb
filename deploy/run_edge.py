"""Run the edge: nginx on a TCP port in front of gunicorn on a unix socket, in the foreground.

    .venv/bin/python deploy/run_edge.py --port 8080            # `make run-edge`
    .venv/bin/python deploy/run_edge.py --runtime /var/tmp/edge  # keep the cache across restarts

At start, a child process builds the app once to render what nginx serves
without it (the 429 and "unavailable" pages in English and Welsh, with the
numbers to call), the app's security headers and the hashed static file names;
then gunicorn starts (trusting one proxy hop, `WELLBEING_PROXY_FIX=1`), then
nginx with the config rendered from deploy/nginx.conf.j2. Everything nginx
writes (pid, temp files, the page cache) is under the runtime folder.

SIGINT or SIGTERM stops both. If gunicorn alone dies, nginx keeps running and
serves what it has cached (that is the point of the edge); if nginx dies,
gunicorn is stopped and this exits with an error.
"""

import argparse
import ctypes
import getpass
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import jinja2

from wellbeing.logs import scrub

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.j2")
# Per client, for searches and locations only: a person types a few a minute;
# a force's whole network may share one address, hence the burst.
LOCATE_RATE = "10r/s"
LOCATE_BURST = 30
PR_SET_PDEATHSIG = 1  # prctl(2)
# What nginx appends to an error message about a request: address, request line, headers.
NGINX_CONTEXT = re.compile(r", (client|server|request|subrequest|upstream|host|referrer): .*$")


def scrub_nginx(line: str) -> str:
    """Return an nginx error-log line without the client's address, request or headers."""
    return scrub(NGINX_CONTEXT.sub("", line))


# ---- what the app renders once, in a child process -----------------------------------------


def render_pages(folder: Path) -> None:
    """Write the edge's error pages (and the locate API's 429 in JSON) and `edge.json`
    (the security headers and hashed static names nginx needs)."""
    from werkzeug.exceptions import ServiceUnavailable, TooManyRequests

    from wellbeing import create_app
    from wellbeing.errors import render_error

    app = create_app()
    app.config["TRUSTED_HOSTS"] = None  # rendered as localhost
    folder.mkdir(parents=True, exist_ok=True)
    pages = {"busy": (TooManyRequests(), 429), "unavailable": (ServiceUnavailable(), 503)}
    for name, (error, status) in pages.items():
        for lang, path in (("en", "/help-now"), ("cy", "/cy/help-now")):
            with app.test_request_context(path):
                body = render_error("errors/error.html", error, status)[0]
            (folder / f"{name}-{lang}.html").write_text(str(body), encoding="utf-8")
    # The API's own error shape (errors.py), for the locate API.
    busy = {"error": TooManyRequests().description}
    (folder / "busy.json").write_text(json.dumps(busy), encoding="utf-8")
    edge = {
        # The folder WhiteNoise serves (in an installed wheel, inside the package).
        "static": str(app.extensions["settings"].site_dir / "static"),
        "security_headers": app.extensions["security_headers"],
        "static_manifest": app.extensions["static_manifest"],
    }
    (folder / "edge.json").write_text(json.dumps(edge), encoding="utf-8")


# ---- the nginx config ----------------------------------------------------------------------


def media_types(static: Path) -> list[tuple[str, str]]:
    """The media type WhiteNoise sends for each extension in static/."""
    from whitenoise.media_types import MediaTypes

    types = MediaTypes(extra_types={".webmanifest": "application/manifest+json"})
    by_type: dict[str, set[str]] = {}
    for path in static.rglob("*.*"):
        by_type.setdefault(types.get_type(path.name), set()).add(path.suffix.lstrip("."))
    return sorted((kind, " ".join(sorted(exts))) for kind, exts in by_type.items())


def render_config(
    runtime: Path, listen: str, socket_path: Path, access_log: str, edge: dict
) -> str:
    """Return nginx.conf for these paths, headers and static files."""
    static = Path(edge["static"])
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, autoescape=False
    )
    for value in edge["security_headers"].values():
        if '"' in value or "$" in value or "\\" in value:
            raise ValueError(f"a security header nginx cannot quote: {value!r}")
    return environment.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        runtime=runtime,
        user=getpass.getuser() if os.geteuid() == 0 else None,
        listen=listen,
        socket=socket_path,
        access_log=access_log,
        static=static,
        types=media_types(static),
        security_headers=sorted(edge["security_headers"].items()),
        hashed_static=sorted(
            ("/static/" + hashed, "/" + rel) for rel, hashed in edge["static_manifest"].items()
        ),
        locate_rate=LOCATE_RATE,
        locate_burst=LOCATE_BURST,
    )


# ---- the supervisor ------------------------------------------------------------------------


def answers(socket_path: Path) -> bool:
    """Say whether gunicorn answers a request on its socket."""
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(2)
            sock.connect(str(socket_path))
            sock.sendall(b"GET /help-now HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            return sock.recv(12).startswith(b"HTTP/1.")
    except OSError:
        return False


def die_with_parent() -> None:
    """In a child, before exec: on Linux, get SIGTERM if this supervisor dies (even by
    SIGKILL), so no nginx or gunicorn is left running without it."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def forward_scrubbed(stream, out) -> None:
    """Copy nginx's error log to `out`, line by line, scrubbed."""
    for raw in iter(stream.readline, b""):
        out.write(scrub_nginx(raw.decode("utf-8", "replace").rstrip("\n")) + "\n")
        out.flush()


def run(args) -> int:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    runtime = Path(args.runtime or tempfile.mkdtemp(prefix="wellbeing-edge-")).resolve()
    for folder in ("tmp", "cache", "pages"):
        (runtime / folder).mkdir(parents=True, exist_ok=True)
    socket_path = runtime / "app.sock"
    subprocess.run([sys.executable, __file__, "--render-pages", str(runtime / "pages")], check=True)
    edge = json.loads((runtime / "pages" / "edge.json").read_text(encoding="utf-8"))
    config = runtime / "nginx.conf"
    config.write_text(
        render_config(runtime, f"{args.host}:{args.port}", socket_path, args.access_log, edge),
        encoding="utf-8",
    )

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())

    env = {**os.environ, "WELLBEING_PROXY_FIX": "1"}
    gunicorn_command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "gunicorn.conf.py",
        "--bind",
        f"unix:{socket_path}",
        "--pid",
        str(runtime / "gunicorn.pid"),
    ]
    if args.workers:
        gunicorn_command += ["--workers", str(args.workers)]
    # Own sessions: a Ctrl-C reaches this process only, which stops both in order.
    gunicorn = subprocess.Popen(
        [*gunicorn_command, "app:app"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    deadline = time.monotonic() + 60
    while not answers(socket_path):
        if gunicorn.poll() is not None or time.monotonic() > deadline or stopping.is_set():
            gunicorn.kill()
            print("run_edge: gunicorn did not start", file=sys.stderr)
            return 1
        time.sleep(0.1)

    proxy = subprocess.Popen(
        [nginx, "-p", str(runtime), "-c", str(config), "-e", "stderr"],
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    threading.Thread(target=forward_scrubbed, args=(proxy.stderr, sys.stderr), daemon=True).start()
    print(
        f"run_edge: serving on port {args.port} (runtime {runtime})",
        file=sys.stderr,
        flush=True,
    )
    status = 0
    gunicorn_running = True
    while not stopping.wait(0.2):
        if gunicorn_running and gunicorn.poll() is not None:
            gunicorn_running = False
            print("run_edge: gunicorn exited; nginx serves what it has cached", file=sys.stderr)
        if proxy.poll() is not None:
            print("run_edge: nginx exited; stopping", file=sys.stderr)
            status = 1
            break
    for process, sig in ((proxy, signal.SIGQUIT), (gunicorn, signal.SIGTERM)):
        if process.poll() is None:
            process.send_signal(sig)
    for process in (proxy, gunicorn):
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            process.kill()
    if not args.runtime:
        shutil.rmtree(runtime, ignore_errors=True)
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    parser.add_argument("--runtime", help="folder for nginx's files and cache (default: temporary)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py)")
    parser.add_argument(
        "--access-log", default="/dev/stdout", help="nginx's access log (default: stdout)"
    )
    parser.add_argument("--render-pages", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.render_pages:
        render_pages(Path(args.render_pages))
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
