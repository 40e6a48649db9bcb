"""Configuration: production-safe defaults, overridden by `WELLBEING_*` environment variables."""

import os
import re
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


# A frame ancestor is `'self'`, or an origin: scheme, host (a leading `*.` allowed) and port.
ORIGIN = re.compile(r"https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?", re.ASCII)


class ConfigError(ValueError):
    """A setting the app cannot run with; the message names the variable."""


def _env_list(name: str, default: str) -> list[str]:
    return os.environ.get(name, default).split()


def check_frame_ancestors(sources: list[str]) -> list[str]:
    """Return the CSP frame-ancestors sources, or raise ConfigError for anything else.

    Only origins, `'self'` and `'none'` (alone) are accepted: a `;` or a keyword
    would let the setting inject other directives into the policy.
    """
    if sources == ["'none'"]:
        return sources
    if not sources:
        raise ConfigError("WELLBEING_FRAME_ANCESTORS is empty: use 'none', 'self' or origins")
    for source in sources:
        if source != "'self'" and not ORIGIN.fullmatch(source):
            raise ConfigError(
                f"WELLBEING_FRAME_ANCESTORS: {source!r} is not an origin "
                "(like https://intranet.force.example) or 'self'; 'none' must stand alone"
            )
    return sources


def check_base_url(value: str | None) -> str | None:
    """Return the canonical origin without a trailing slash, or raise ConfigError."""
    if not value:
        return None
    origin = value.rstrip("/")
    if not ORIGIN.fullmatch(origin) or "*" in origin:
        raise ConfigError(
            f"WELLBEING_BASE_URL: {value!r} is not an origin like https://signpost.example"
        )
    return origin


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
        # The site's canonical origin, for the absolute URLs in the API (never the Host header).
        "BASE_URL": os.environ.get("WELLBEING_BASE_URL") or None,
        # Host names the site answers to; any other Host header gets a 400. Unset: any host.
        "TRUSTED_HOSTS": _env_list("WELLBEING_TRUSTED_HOSTS", "") or None,
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
    config["FRAME_ANCESTORS"] = check_frame_ancestors(list(config["FRAME_ANCESTORS"]))
    config["BASE_URL"] = check_base_url(config["BASE_URL"])
    return config
