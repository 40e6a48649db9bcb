"""`flask --app app content check`, `content export` and `content verify`.

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

from .config import PACKAGE_DIR
from .content import ContentError, check, to_oruk

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
    """Write the directory as Open Referral UK JSON."""
    body = json.dumps(to_oruk(_load_app().extensions["content"]), ensure_ascii=False, indent=2)
    if output:
        Path(output).write_text(body + "\n", encoding="utf-8")
    else:
        click.echo(body)


@content_cli.command("verify")
@click.option("--timeout", default=8.0, show_default=True, help="Seconds to wait for each page.")
@click.option(
    "--origin-map",
    multiple=True,
    metavar="FROM=TO",
    help="Fetch URLs starting FROM from TO instead (a staging copy). Repeatable.",
)
@click.option("--only", help="Verify only the service or force with this id or slug.")
def verify_command(timeout, origin_map, only):
    """Fetch every source and contact page (network!) and report what a person should check.

    Never edits the content: it prints the `checked` line to paste after you have
    confirmed an entry yourself against the live source.
    """
    from .verify import Fetcher, describe, verify, verify_entry

    mapping = {}
    for item in origin_map:
        source, sep, target = item.partition("=")
        if not sep or not source or not target:
            raise click.BadParameter(f"expected FROM=TO, got {item!r}", param_hint="--origin-map")
        mapping[source] = target
    content = _load_app().extensions["content"]
    fetcher = Fetcher(timeout=timeout, origin_map=mapping)
    if only:
        entry = content.services.get(only) or content.forces.get(only)
        if entry is None:
            raise click.BadParameter(f"no service or force {only!r}", param_hint="--only")
        reports = [verify_entry(entry, fetcher)]
    else:
        reports = verify(content, fetcher)
    today = dt.date.today()
    for report in reports:
        click.echo("\n".join(describe(report, today)))
    confirmed = sum(r.confirmed for r in reports)
    click.echo(f"{len(reports)} entries; every page and number found for {confirmed}")


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
