"""Police Wellbeing Signpost: crisis lines, a self-help directory and a force locator."""

from pathlib import Path

from flask import Flask
from jinja2 import StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix

from . import assets, compression, errors, i18n, locator, page_cache, security
from .config import PACKAGE_DIR, PROJECT_ROOT, load_config
from .content import ContentError, load_content


def create_app(config: dict | None = None) -> Flask:
    """Build the app: config, content, translations, blueprints, headers and static files."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=None,  # WhiteNoise serves /static/ (see assets.py)
    )
    app.config.update(load_config(config))
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # Validate every content file once, now: a bad file stops the app here.
    extra = app.config["DATA_DIR"]
    app.extensions["content"] = load_content(PACKAGE_DIR / "data", Path(extra) if extra else None)
    from . import crisis

    missing = crisis.REQUIRED_SERVICES - set(app.extensions["content"].services)
    if missing:
        raise ContentError(
            "the call-now lists (wellbeing/crisis.py) name services that are not in the "
            f"content: {', '.join(sorted(missing))}"
        )
    # Load the locator tables now (once per process), so that gunicorn's workers
    # share them from the preloaded master and no visitor waits for them.
    locator.get_locator()

    i18n.init_app(app)
    page_cache.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    compression.init_app(app)

    from . import api, cli, directory, families, forces, oruk_api, pages, pwa, reports

    blueprints = (
        crisis.bp,
        directory.bp,
        families.bp,
        forces.bp,
        pages.bp,
        pwa.bp,
        api.bp,
        oruk_api.bp,
        reports.bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    reports.init_app(app)
    cli.init_app(app)

    assets.init_app(app, PROJECT_ROOT / "static")
    pwa.init_precache(app)
    if app.config["PROXY_FIX"]:
        hops = app.config["PROXY_FIX"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app
