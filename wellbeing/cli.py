"""`flask --app app content check` and `flask --app app content export`.

The group is also a Flask plugin command (see pyproject.toml), so `content check`
still runs, and reports the problem plainly, when bad content stops the app
from starting.
"""

import datetime as dt
import json
from pathlib import Path

import click
from flask import Flask
from flask.cli import ScriptInfo

from . import oruk
from .config import PACKAGE_DIR
from .content import ContentError, check

content_cli = click.Group("content", help="Check and export the directory content.")


def _load_app() -> Flask:
    return click.get_current_context().ensure_object(ScriptInfo).load_app()


@content_cli.command("check")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Check staleness as of this date.")
@click.option("--verbose", "-v", is_flag=True, help="Also list the information notes.")
def check_command(today, verbose):
    """Validate every entry; list stale entries and numbers to re-check. Errors exit 1."""
    try:
        app = _load_app()
    except ContentError as error:
        click.echo(f"error: content: {error}")
        click.echo("1 errors, 0 warnings, 0 notes")
        raise SystemExit(1) from None
    extra = app.config["DATA_DIR"]
    # Read the files afresh: a deployer may have edited them since the app started.
    report = check(
        PACKAGE_DIR / "data",
        Path(extra) if extra else None,
        today=today.date() if today else dt.date.today(),
    )
    for issue in report.errors + report.warnings + (report.info if verbose else []):
        click.echo(str(issue))
    content = report.content
    summary = f"{len(content.services)} services, {len(content.forces)} forces; " if content else ""
    click.echo(
        f"{summary}{len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{len(report.info)} notes"
    )
    if not report.ok:
        raise SystemExit(1)


@content_cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["oruk"]), default="oruk", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default: stdout).",
)
def export_command(fmt, output):
    """Write the directory as Open Referral UK 3.0 JSON: the records /openreferral/ serves."""
    records = oruk.dataset(_load_app().extensions["content"], oruk.london_today()).export()
    body = json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True)
    if output:
        Path(output).write_text(body + "\n", encoding="utf-8")
    else:
        click.echo(body)


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
