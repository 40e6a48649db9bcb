"""Check the content against its live sources: `flask content verify` (needs the network).

For every service and force, fetch each source and contact web page (short timeout,
redirects followed) and report its status and final URL, and for each phone or text
number whether its digits appear on one of that entry's pages. It never edits the
content: a person reads the report, confirms what it found, and only then pastes the
suggested ``checked`` line into the entry. A number "found" on a page is evidence,
not a check: pages can be stale, and the same digits can mean something else.

Never run against the internet in tests: they point it at a local HTTP server.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .content import Content, Force, Service

USER_AGENT = "PoliceWellbeingSignpost-verify/1 (content check; run by a maintainer)"
MAX_BYTES = 2_000_000
_PHONE_RUN = re.compile(r"\+?\d[\d\s\-().]{2,}\d")
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)


@dataclass
class Page:
    """What fetching one URL gave."""

    url: str
    status: int | None = None  # None: no answer (timeout, DNS, refused)
    final_url: str | None = None
    error: str | None = None
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class EntryReport:
    kind: str  # service | force
    ident: str
    origin: str
    pages: list[Page] = field(default_factory=list)
    numbers: dict[str, list[str]] = field(default_factory=dict)  # number -> URLs it is on

    @property
    def confirmed(self) -> bool:
        """Every page answered and every number was found on one of them."""
        return all(p.ok for p in self.pages) and all(self.numbers.values())


def page_text(body: str) -> str:
    """Return the visible text of an HTML page (good enough to look for numbers)."""
    return html.unescape(_TAGS.sub(" ", body))


def numbers_on(text: str) -> set[str]:
    """Return every digit run on a page that could be a phone number, in national form."""
    found = set()
    for run in _PHONE_RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        if run.lstrip().startswith("+44") or (digits.startswith("44") and len(digits) > 11):
            digits = "0" + digits[2:]
        found.add(digits)
    return found


def is_on(number: str, runs: Iterable[str]) -> bool:
    """Whether a number's digits appear in one of the page's digit runs."""
    return any(number in run for run in runs)


class Fetcher:
    """Fetch pages with a short timeout, following redirects.

    ``origin_map`` fetches one origin's URLs from another (e.g. a staging copy, or a
    local server in tests); reports still show the URLs as the content gives them.
    """

    def __init__(self, timeout: float = 8.0, origin_map: Mapping[str, str] | None = None):
        self.timeout = timeout
        self.origin_map = dict(origin_map or {})
        self._seen: dict[str, Page] = {}

    def _target(self, url: str) -> str:
        for origin, replacement in self.origin_map.items():
            if url.startswith(origin):
                return replacement + url[len(origin) :]
        return url

    def fetch(self, url: str) -> Page:
        if url in self._seen:
            return self._seen[url]
        page = Page(url)
        request = urllib.request.Request(self._target(url), headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                page.status = response.status
                page.final_url = response.geturl()
                charset = response.headers.get_content_charset() or "utf-8"
                body = response.read(MAX_BYTES).decode(charset, errors="replace")
                page.text = page_text(body)
        except urllib.error.HTTPError as exc:
            page.status, page.final_url, page.error = exc.code, exc.geturl(), exc.reason
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            page.error = str(getattr(exc, "reason", exc)) or type(exc).__name__
        self._seen[url] = page
        return page


def _urls(entry: Service | Force) -> list[str]:
    urls = [entry.source]
    if isinstance(entry, Service):
        urls += list(entry.other_sources)
    else:
        urls.append(entry.website)
    urls += [c.value for c in entry.contacts if c.kind == "web"]
    return list(dict.fromkeys(urls))


def verify_entry(entry: Service | Force, fetcher: Fetcher) -> EntryReport:
    kind, ident = ("service", entry.id) if isinstance(entry, Service) else ("force", entry.slug)
    report = EntryReport(kind, ident, entry.origin)
    report.pages = [fetcher.fetch(url) for url in _urls(entry)]
    runs = {p.url: numbers_on(p.text) for p in report.pages if p.ok}
    for contact in entry.contacts:
        if contact.phone is None or contact.phone.short_code:
            continue  # 999, 111, 116 123 and the like are everywhere; nothing to learn
        number = re.sub(r"\D", "", contact.phone.display.split(" ext.")[0])
        report.numbers[contact.phone.display] = [u for u, r in runs.items() if is_on(number, r)]
    return report


def verify(content: Content, fetcher: Fetcher) -> list[EntryReport]:
    """Verify every service and force; the caller prints the reports."""
    entries: list[Service | Force] = [*content.services.values(), *content.forces.values()]
    return [verify_entry(entry, fetcher) for entry in entries]


def describe(report: EntryReport, today: dt.date) -> list[str]:
    """Return the report for one entry as lines a maintainer can read."""
    lines = [f"{report.origin}: {report.kind} '{report.ident}'"]
    for page in report.pages:
        status = page.status if page.status is not None else "no answer"
        moved = f" -> {page.final_url}" if page.final_url and page.final_url != page.url else ""
        error = f" ({page.error})" if page.error and not page.ok else ""
        lines.append(f"  {status} {page.url}{moved}{error}")
    for number, found in report.numbers.items():
        where = f"on {', '.join(found)}" if found else "NOT FOUND on its pages"
        lines.append(f"  number {number}: {where}")
    if report.confirmed:
        lines.append(
            f'  if you have confirmed it yourself: checked = {{date = {today.isoformat()}, method = "website"}}'
        )
    return lines
