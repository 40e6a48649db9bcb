"""Police Wellbeing Signpost: crisis lines, a self-help directory and a force locator."""

from flask import Flask
from jinja2 import StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix

from . import assets, compression, errors, i18n, locator, logs, page_cache, queries, security
from .config import flask_config, load_settings


def create_app(config: dict | None = None) -> Flask:
    """Build the app: config, content, translations, blueprints, headers and static files."""
    settings = load_settings(config)
    app = Flask(
        __name__,
        template_folder=str(settings.site_dir / "templates"),
        static_folder=None,  # WhiteNoise serves /static/ (see assets.py)
    )
    app.config.update(flask_config(settings, config))
    app.extensions["settings"] = settings
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # Validate every content file once, now: a bad file stops the app here.
    from . import reload

    app.extensions["content"] = reload.read_content(app)
    # Load the locator tables now (once per process), so that gunicorn's workers
    # share them from the preloaded master and no visitor waits for them.
    app.extensions["locator"] = locator.load()

    logs.init_app(app)
    i18n.init_app(app)
    queries.init_app(app)
    page_cache.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    compression.init_app(app)

    from . import (
        api,
        cli,
        crisis,
        directory,
        families,
        forces,
        kit,
        oruk_api,
        pages,
        printables,
        pwa,
        reports,
    )

    blueprints = (
        crisis.bp,
        directory.bp,
        families.bp,
        forces.bp,
        kit.bp,
        printables.bp,
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

    assets.init_app(app, settings.site_dir / "static")
    reload.precache(app)
    if app.config["PROXY_FIX"]:
        hops = app.config["PROXY_FIX"]
        # Not x_host: a client's X-Forwarded-Host would pass through most proxies.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]  # Flask's documented way to add WSGI middleware
    return app
