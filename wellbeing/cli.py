"""`flask content check` and `flask content export` (run as `flask --app app content ...`)."""

import datetime as dt
import json
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from .config import PACKAGE_DIR
from .content import check, to_oruk

content_cli = AppGroup("content", help="Check and export the directory content.")


def _dirs(app: Flask) -> tuple[Path, Path | None]:
    extra = app.config["DATA_DIR"]
    return PACKAGE_DIR / "data", Path(extra) if extra else None


@content_cli.command("check")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Check staleness as of this date.")
@click.option("--verbose", "-v", is_flag=True, help="Also list the information notes.")
def check_command(today, verbose):
    """Validate every entry; list stale entries and numbers to re-check. Errors exit 1."""
    from flask import current_app

    report = check(*_dirs(current_app), today=today.date() if today else dt.date.today())
    for issue in report.errors + report.warnings + (report.info if verbose else []):
        click.echo(str(issue))
    content = report.content
    summary = (f"{len(content.services)} services, {len(content.forces)} forces; " if content else "")
    click.echo(f"{summary}{len(report.errors)} errors, {len(report.warnings)} warnings, "
               f"{len(report.info)} notes")
    if not report.ok:
        raise SystemExit(1)


@content_cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["oruk"]), default="oruk", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
def export_command(fmt, output):
    """Write the directory as Open Referral UK JSON."""
    from flask import current_app

    body = json.dumps(to_oruk(current_app.extensions["content"]), ensure_ascii=False, indent=2)
    if output:
        Path(output).write_text(body + "\n", encoding="utf-8")
    else:
        click.echo(body)


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
