"""Configuration: production-safe defaults, overridden by `WELLBEING_*` environment variables."""

import os
import re
import secrets
from dataclasses import asdict, dataclass, replace
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


def _env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}: {raw!r} is not a whole number") from None
    if value < minimum:
        raise ConfigError(f"{name}: {value} is less than {minimum}")
    return value


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The app's settings, read and checked once at start-up; never changed afterwards."""

    # Nothing signs a cookie or a form token (the app has no sessions, and its
    # one POST form has no CSRF token: see forms.ReportForm), so a per-process
    # random key is safe when none is given.
    secret_key: str
    # Deployer's folder of extra or overriding content (same layout as wellbeing/data).
    data_dir: str | None
    # Origins allowed to frame the site (e.g. a force intranet); CSP frame-ancestors.
    frame_ancestors: tuple[str, ...]
    # The site's canonical origin, for absolute URLs (never the Host header).
    base_url: str | None
    # Host names the site answers to; any other Host header gets a 400. None: any host.
    trusted_hosts: tuple[str, ...] | None
    # Number of trusted proxies in front of the app (for HTTPS detection and HSTS).
    proxy_fix: int
    # Serve a worker that removes itself and its caches (see README, "Kill switch").
    sw_kill_switch: bool
    # "Report a problem": the SQLite file, how long reports are kept, and how many
    # reports one client may send per window (per worker; 0: no limit).
    reports_db: str
    report_retention_days: int
    report_rate_limit: int
    report_rate_window: int = 600
    # Where the templates, static files and translations are.
    site_dir: Path = PROJECT_ROOT

    @classmethod
    def from_env(cls) -> "Settings":
        """Read the `WELLBEING_*` environment variables; raise ConfigError naming a bad one."""
        hosts = _env_list("WELLBEING_TRUSTED_HOSTS", "")
        return cls(
            secret_key=os.environ.get("WELLBEING_SECRET_KEY") or secrets.token_hex(32),
            data_dir=os.environ.get("WELLBEING_DATA_DIR") or None,
            frame_ancestors=tuple(_env_list("WELLBEING_FRAME_ANCESTORS", "'none'")),
            base_url=os.environ.get("WELLBEING_BASE_URL") or None,
            trusted_hosts=tuple(hosts) if hosts else None,
            proxy_fix=_env_int("WELLBEING_PROXY_FIX", 0),
            sw_kill_switch=os.environ.get("WELLBEING_SW_KILL_SWITCH") == "1",
            reports_db=os.environ.get("WELLBEING_DB") or default_db(),
            report_retention_days=_env_int("WELLBEING_REPORT_RETENTION_DAYS", 180, minimum=1),
            report_rate_limit=_env_int("WELLBEING_REPORT_RATE_LIMIT", 10),
            site_dir=find_site_dir(os.environ.get("WELLBEING_SITE_DIR")),
        )

    def checked(self) -> "Settings":
        """Return these settings with every value normalised, or raise ConfigError."""
        return replace(
            self,
            frame_ancestors=tuple(check_frame_ancestors(list(self.frame_ancestors))),
            base_url=check_base_url(self.base_url),
        )

    def flask_config(self) -> dict:
        """The settings under the names Flask and its extensions read from `app.config`."""
        config = {name.upper(): value for name, value in asdict(self).items()}
        config["FRAME_ANCESTORS"] = list(self.frame_ancestors)
        config["TRUSTED_HOSTS"] = list(self.trusted_hosts) if self.trusted_hosts else None
        config.update(
            BABEL_DEFAULT_LOCALE="en",
            BABEL_TRANSLATION_DIRECTORIES=str(self.site_dir / "translations"),
            # GET forms only: there is no state to protect, and CSRF would need a cookie.
            WTF_CSRF_ENABLED=False,
            MAX_CONTENT_LENGTH=16 * 1024,
        )
        return config


def find_site_dir(configured: str | None = None) -> Path:
    """Return the folder holding `templates/`, `static/` and `translations/`.

    From a source checkout (or an editable install) that is the project root; an
    installed wheel carries them inside the package (`wellbeing/site/`, see
    pyproject.toml). `WELLBEING_SITE_DIR` names another folder. Missing files stop
    start-up here with the folders looked in, not later as a template error.
    """
    candidates = [Path(configured)] if configured else [PROJECT_ROOT, PACKAGE_DIR / "site"]
    for folder in candidates:
        if all((folder / part).is_dir() for part in SITE_PARTS):
            return folder
    looked = ", ".join(str(folder) for folder in candidates)
    raise ConfigError(
        f"The templates, static files and translations ({', '.join(SITE_PARTS)}) were not "
        f"found in {looked}: install from a wheel built by `make wheel`, or set WELLBEING_SITE_DIR"
    )


SITE_PARTS = ("templates", "static", "translations")


def load_settings(overrides: dict | None = None) -> Settings:
    """Return the checked settings: defaults, then the environment, then `overrides`.

    `overrides` uses the `app.config` names (`{"DATA_DIR": ...}`), as tests do.
    """
    settings = Settings.from_env()
    fields = {name.upper(): name for name in Settings.__dataclass_fields__}
    known = {fields[key]: value for key, value in (overrides or {}).items() if key in fields}
    for name in ("frame_ancestors", "trusted_hosts"):
        if known.get(name) is not None:
            known[name] = tuple(known[name])
    if "site_dir" in known:
        known["site_dir"] = Path(known["site_dir"])
    return replace(settings, **known).checked()


def flask_config(settings: Settings, overrides: dict | None = None) -> dict:
    """Return the `app.config` mapping for `settings`, plus overrides that are not settings
    (such as Flask's own `TESTING`)."""
    config = settings.flask_config()
    fields = {name.upper() for name in Settings.__dataclass_fields__}
    config.update({k: v for k, v in (overrides or {}).items() if k not in fields})
    return config


def load_config(overrides: dict | None = None) -> dict:
    """Return the `app.config` mapping: defaults, then the environment, then `overrides`."""
    return flask_config(load_settings(overrides), overrides)
