"""`flask --app app content check|export|verify` and `flask --app app reports list|show|resolve|export`.

The group is also a Flask plugin command (see pyproject.toml), so `content check`
still runs, and reports the problem plainly, when bad content stops the app
from starting.
"""

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

import click
from flask import Flask
from flask.cli import ScriptInfo

from . import oruk
from .config import PACKAGE_DIR
from .content import ContentError, check
from .report_store import Report
from .reports import ENTRY_KINDS

content_cli = click.Group("content", help="Check and export the directory content.")


OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default: stdout).",
)


def _write(body: str, output: str | None) -> None:
    """Write a command's output to the file asked for, or to stdout."""
    if output:
        Path(output).write_text(body + "\n", encoding="utf-8")
    else:
        click.echo(body)


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
        for problem in error.problems:
            click.echo(f"error: content: {problem}")
        click.echo(f"{len(error.problems)} errors, 0 warnings, 0 notes")
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
    for line in open_report_lines(app):
        click.echo(line)
    if not report.ok:
        raise SystemExit(1)


@content_cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["oruk"]), default="oruk", show_default=True)
@OUTPUT
def export_command(fmt, output):
    """Write the directory as Open Referral UK 3.0 JSON: the records /openreferral/ serves."""
    records = oruk.dataset(_load_app().extensions["content"], oruk.london_today()).export()
    body = json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True)
    _write(body, output)


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


reports_cli = click.Group("reports", help="Review reports of wrong or out-of-date entries.")


def printable(text: str) -> str:
    """Escape what could mislead or control a terminal: controls, bidi marks, escapes."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _entry_name(app: Flask, kind: str, entry_id: str) -> str:
    found = ENTRY_KINDS.get(kind)
    entry = found and found.entries(app.extensions["content"]).get(entry_id)
    return str(entry.name) if entry else "(no longer in the content)"


def open_report_lines(app: Flask) -> list[str]:
    """One line per entry with open reports, for `content check`."""
    return [
        f"report: {printable(s.kind)} {printable(s.entry_id)!r}: {s.count} open "
        f"(oldest {s.oldest[:10]}); see `flask reports list`"
        for s in app.extensions["reports"].open_by_entry()
    ]


def _describe(report: Report) -> str:
    provider = ", from the service or force" if report.from_provider else ""
    section = f" #{printable(report.section)}" if report.section else ""
    return (
        f"#{report.id} {report.created_at[:10]} {report.problem}{section} ({report.lang}{provider})"
    )


@reports_cli.command("list")
def list_command():
    """List open reports, grouped by entry, the longest-waiting entry first."""
    app = _load_app()
    store = app.extensions["reports"]
    summaries = store.open_by_entry()
    by_entry: dict[tuple[str, str], list[Report]] = {}
    for report in store.reports(open_only=True):
        by_entry.setdefault((report.kind, report.entry_id), []).append(report)
    for s in summaries:
        name = printable(_entry_name(app, s.kind, s.entry_id))
        click.echo(f"{printable(s.kind)}:{printable(s.entry_id)} – {name}: {s.count} open")
        for report in by_entry[(s.kind, s.entry_id)]:
            correction = f": {printable(report.correction)}" if report.correction else ""
            click.echo(f"  {_describe(report)}{correction}")
    click.echo(f"{sum(s.count for s in summaries)} open reports about {len(summaries)} entries")


@reports_cli.command("show")
@click.argument("report_id", type=int)
def show_command(report_id):
    """Show one report in full."""
    app = _load_app()
    report = app.extensions["reports"].get(report_id)
    if report is None:
        raise click.ClickException(f"no report #{report_id}")
    click.echo(_describe(report))
    name = printable(_entry_name(app, report.kind, report.entry_id))
    click.echo(f"entry: {printable(report.entry)} – {name}")
    click.echo(f"correction: {printable(report.correction) or '(none)'}")
    if report.resolved_at:
        click.echo(f"resolved {report.resolved_at[:10]}: {printable(report.resolution or '')}")
    else:
        click.echo("open")


@reports_cli.command("resolve")
@click.argument("report_ids", type=int, nargs=-1)
@click.option("--entry", help="Resolve every open report about KIND:ID instead.")
@click.option("--note", required=True, help="What was done, e.g. 'number updated'.")
def resolve_command(report_ids, entry, note):
    """Mark reports resolved, recording what was done."""
    store = _load_app().extensions["reports"]
    if entry:
        kind, _, entry_id = entry.partition(":")
        report_ids = (*report_ids, *store.open_ids(kind, entry_id))
    if not report_ids:
        raise click.UsageError("give report ids or --entry KIND:ID")
    resolved = store.resolve(list(report_ids), note)
    skipped = sorted(set(report_ids) - set(resolved))
    click.echo(f"resolved {len(resolved)} reports" + (f"; not open: {skipped}" if skipped else ""))


@reports_cli.command("export")
@click.option("--open", "open_only", is_flag=True, help="Only the open reports.")
@OUTPUT
def reports_export_command(open_only, output):
    """Write the reports as JSON, oldest first."""
    reports = _load_app().extensions["reports"].reports(open_only=open_only)
    body = json.dumps([asdict(r) for r in reports], indent=2)
    _write(body, output)


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
    app.cli.add_command(reports_cli)
