"""Configuration: production-safe defaults, overridden by `WELLBEING_*` environment variables."""

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def _env_list(name: str, default: str) -> list[str]:
    return os.environ.get(name, default).split()


def default_db() -> str:
    """The reports database when `WELLBEING_DB` is unset: in the user's state folder,
    outside the source tree (`$XDG_STATE_HOME`, else ~/.local/state)."""
    state = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return str(Path(state) / "police-wellbeing-signpost" / "reports.sqlite3")


def load_config(overrides: dict | None = None) -> dict:
    """Return the app configuration: defaults, then the environment, then `overrides`."""
    config = {
        # Nothing signs a cookie or a form token (the app has no sessions, and its
        # one POST form has no CSRF token: see forms.ReportForm), so a
        # per-process random key is safe when none is given.
        "SECRET_KEY": os.environ.get("WELLBEING_SECRET_KEY") or secrets.token_hex(32),
        # Deployer's folder of extra or overriding content (same layout as wellbeing/data).
        "DATA_DIR": os.environ.get("WELLBEING_DATA_DIR") or None,
        # Origins allowed to frame the site (e.g. a force intranet); CSP frame-ancestors.
        "FRAME_ANCESTORS": _env_list("WELLBEING_FRAME_ANCESTORS", "'none'"),
        # Number of trusted proxies in front of the app (for HTTPS detection and HSTS).
        "PROXY_FIX": int(os.environ.get("WELLBEING_PROXY_FIX", "0")),
        # Serve a worker that removes itself and its caches (see README, "Kill switch").
        "SW_KILL_SWITCH": os.environ.get("WELLBEING_SW_KILL_SWITCH") == "1",
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        # GET forms only: there is no state to protect, and CSRF would need a cookie.
        "WTF_CSRF_ENABLED": False,
        "MAX_CONTENT_LENGTH": 16 * 1024,
        # "Report a problem": the SQLite file, how long reports are kept, and how
        # many reports one client may send per window (per worker; 0: no limit).
        "REPORTS_DB": os.environ.get("WELLBEING_DB") or default_db(),
        "REPORT_RETENTION_DAYS": int(os.environ.get("WELLBEING_REPORT_RETENTION_DAYS", "180")),
        "REPORT_RATE_LIMIT": int(os.environ.get("WELLBEING_REPORT_RATE_LIMIT", "10")),
        "REPORT_RATE_WINDOW": 600,
    }
    config.update(overrides or {})
    return config
