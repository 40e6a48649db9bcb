"""Configuration: production-safe defaults, overridden by `WELLBEING_*` environment variables."""

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def _env_list(name: str, default: str) -> list[str]:
    return os.environ.get(name, default).split()


def load_config(overrides: dict | None = None) -> dict:
    """Return the app configuration: defaults, then the environment, then `overrides`."""
    config = {
        # Nothing signs a cookie or a form token (the app has no sessions and no
        # POST forms), so a per-process random key is safe when none is given.
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
    }
    config.update(overrides or {})
    return config
