"""Load and validate the directory and force content (no Flask here).

The content lives in TOML files (stdlib ``tomllib``)::

    <data_dir>/categories.toml         [[category]] entries
    <data_dir>/intranet_services.toml  [[intranet_service]] entries (shared force-intranet texts)
    <data_dir>/services/*.toml         [[service]] entries (any file name; ``category`` is a field)
    <data_dir>/forces/<slug>.toml      one force per file; the file name must be the slug
                                       (its own-support sections: see force_sections.py)

``load_content(data_dir, extra_dir=None)`` reads it all once and returns an
immutable ``Content``. Any problem raises ``ContentError`` whose message names
the file, the entry and the field, e.g.::

    services/money.toml: service 'police-mutual': field 'source_date':
    expected a date like 2025-07-23

(all on one line).

Deployer overrides (``extra_dir``, the ``WELLBEING_DATA_DIR`` setting) use the
same layout. An entry whose id (or slug, or key) matches a shipped entry
**replaces the whole shipped entry**: nothing is merged field by field, so an
override must be complete. Entries with new ids are added. Ids must be unique
*within* each directory. Only a deployer's directory may give a phone number
or URL for a force-intranet service (occupational health, EAP, ...): the
shipped data never guesses those, because they are not public and go stale
when contracts change.

Bilingual text is written side by side, ``name.en = "..."`` and
``name.cy = "..."``; a plain string means English only. ``Text.get(locale)``
returns ``(text, lang)`` so a template can mark English fallbacks ``lang="en"``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import phonenumbers

from .limits import MAX_QUERY

if TYPE_CHECKING:
    from .force_sections import Section

__all__ = [
    "AUDIENCES",
    "CHECK_METHODS",
    "CONFIDENCES",
    "FORCE_KINDS",
    "FORCE_NATIONS",
    "INTRANET_KEYS",
    "LONDON",
    "NATIONS",
    "Category",
    "CheckReport",
    "Checked",
    "Contact",
    "Content",
    "ContentError",
    "Force",
    "ForceLink",
    "Hours",
    "IntranetService",
    "Issue",
    "Phone",
    "Service",
    "Text",
    "check",
    "format_phone",
    "issues",
    "load_content",
]

LONDON = ZoneInfo("Europe/London")

AUDIENCES = ("officer", "staff", "volunteer", "family", "retired")
NATIONS = ("england", "wales", "scotland", "northern-ireland")
#: A force's ``nation``. The last five are not one of the four nations; see FORCE_NATION_COVERS.
FORCE_NATIONS = (
    "england",
    "wales",
    "scotland",
    "northern-ireland",
    "great-britain",
    "united-kingdom",
    "jersey",
    "guernsey",
    "isle-of-man",
)
#: Which of the four nations' services apply to a force in that "nation".
#: Crown dependencies are outside the UK: no national UK service is assumed to apply.
FORCE_NATION_COVERS: Mapping[str, tuple[str, ...]] = {
    "england": ("england",),
    "wales": ("wales",),
    "scotland": ("scotland",),
    "northern-ireland": ("northern-ireland",),
    "great-britain": ("england", "wales", "scotland"),
    "united-kingdom": NATIONS,
    "jersey": (),
    "guernsey": (),
    "isle-of-man": (),
}
FORCE_KINDS = ("territorial", "national", "crown-dependency")
CONFIDENCES = ("verified", "likely")
LINK_CONFIDENCES = ("verified", "likely", "unknown")
WELSH = ("yes", "no", "unknown")
#: How a person confirmed an entry against its live source (``checked.method``).
CHECK_METHODS = ("website", "phone", "provider")
CONTACT_KINDS = ("phone", "text", "web", "email")
INTRANET_KEYS = (
    "occupational-health",
    "employee-assistance",
    "trim",
    "peer-support",
    "chaplaincy",
    "wellbeing-team",
)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_KEYWORD_RE = re.compile(r"^[A-Za-z0-9]{1,20}$")
_RANGE_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$")
_WEEK = 7 * 1440


# --------------------------------------------------------------------------- errors


class ContentError(Exception):
    """A content file is unreadable or invalid; the message names file, entry and field."""


class _Where:
    """Where a value came from, to build ContentError messages."""

    def __init__(self, file: str, kind: str | None = None, ident: str | None = None):
        self.file, self.kind, self.ident = file, kind, ident

    def entry(self, kind: str, ident: str) -> _Where:
        return _Where(self.file, kind, ident)

    def error(self, message: str, field_name: str | None = None) -> ContentError:
        parts = [self.file]
        if self.kind:
            parts.append(f"{self.kind} '{self.ident}'")
        if field_name:
            parts.append(f"field '{field_name}'")
        return ContentError(": ".join(parts + [message]))


# --------------------------------------------------------------------------- text


@dataclass(frozen=True, slots=True)
class Text:
    """English text with an optional Welsh version."""

    en: str
    cy: str | None = None

    def get(self, locale: str | None) -> tuple[str, str]:
        """Return ``(text, lang)``: the Welsh when asked for and present, else the English."""
        if locale == "cy" and self.cy:
            return self.cy, "cy"
        return self.en, "en"

    def __str__(self) -> str:
        return self.en


# --------------------------------------------------------------------------- phones

#: UK short codes the app may show. phonenumbers does not treat these as
#: ordinary numbers, so they are listed here, each with its source.
_SHORT_CODES: Mapping[str, tuple[str, bool]] = {
    "999": ("999", False),  # emergency services
    "111": ("111", False),  # NHS 111 (England, Wales) and NHS 24 (Scotland)
    "116123": ("116 123", False),  # Samaritans
    "85258": ("85258", True),  # Shout: text only
    "81066": ("81066", True),  # C.A.L.L. Wales: text only
}


@dataclass(frozen=True, slots=True)
class Phone:
    """A validated UK number: ``display`` for people, ``tel`` for links (after ``tel:``).

    A number with an extension is shown as ``0300 131 2789 ext. 1234`` and dialled
    as ``+443001312789;ext=1234`` (RFC 3966): the extension is never glued onto
    the number.
    """

    display: str
    tel: str
    short_code: bool = False
    sms_only: bool = False
    extension: str | None = None


_EXTENSION_RE = re.compile(r"^(.*?)[\s,]*(?:ext\.?|extension|x)\s*(\d{1,6})$", re.IGNORECASE)


def format_phone(raw: str) -> Phone:
    """Validate a UK number or allowed short code and return its display and ``tel:`` forms.

    Ordinary numbers are checked with ``phonenumbers`` (region GB). The display
    keeps the grouping the organisation publishes (``0800 83 85 87``) when the
    raw value is plain digit groups in national form; otherwise the standard
    national format is used. An extension (``ext. 1234``) is kept apart from the
    number. Letters anywhere else are refused: a vanity number (``0800 FLOWERS``)
    would show one thing and dial another. Raise ``ValueError`` when the number
    is not valid.
    """
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError("expected a phone number")
    raw = raw.strip()
    extension = None
    match = _EXTENSION_RE.fullmatch(raw)
    if match:
        raw, extension = match.group(1).strip(), match.group(2)
    if re.search(r"[^\d\s\-()+]", raw):
        raise ValueError(f"{raw!r}: only digits, spaces and a leading + may be used")
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits in _SHORT_CODES:
        if extension:
            raise ValueError(f"{digits} is a short code: it takes no extension")
        display, sms_only = _SHORT_CODES[digits]
        return Phone(display=display, tel=digits, short_code=True, sms_only=sms_only)
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"{raw!r} is not a phone number") from exc
    if number.country_code != 44 or not phonenumbers.is_valid_number_for_region(number, "GB"):
        raise ValueError(f"{raw!r} is not a valid UK phone number")
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    tel = re.sub(r"\D", "", national)
    cleaned = re.sub(r"\s+", " ", raw)
    if re.fullmatch(r"0\d{2,5}(?: \d{2,4})+", cleaned) and cleaned.replace(" ", "") == tel:
        display = cleaned
    else:
        display = national
    if extension:
        # RFC 3966: an extension needs the global form of the number.
        return Phone(
            display=f"{display} ext. {extension}",
            tel=f"+44{tel[1:]};ext={extension}",
            extension=extension,
        )
    return Phone(display=display, tel=tel)


# --------------------------------------------------------------------------- hours

_DAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_CY = ("Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul")


def time_words(minutes: int, locale: str) -> str:
    """Return a time of day as people say it: "9am", "5:30pm", "midday"; Welsh "9yb", "hanner dydd"."""
    minutes %= 1440
    if minutes == 0:
        return "hanner nos" if locale == "cy" else "midnight"
    if minutes == 720:
        return "hanner dydd" if locale == "cy" else "midday"
    hour, minute = divmod(minutes, 60)
    h12 = hour % 12 or 12
    if locale == "cy":
        suffix = "yb" if hour < 12 else "yh"
    else:
        suffix = "am" if hour < 12 else "pm"
    return f"{h12}:{minute:02d}{suffix}" if minute else f"{h12}{suffix}"


def _and(locale: str, following: str) -> str:
    """Return "and" for the words that follow: Welsh "ac" before a vowel sound.

    Times are written in figures, but read aloud: "un" (1, 11) and "wyth" (8)
    start with a vowel, so "ac 1yh", "ac 8yb"; "a 2yh", "a hanner dydd".
    """
    if locale != "cy":
        return "and"
    vowel = re.match(r"(1|11|8)(?!\d)", following) or following[:1].lower() in "aeiouwy"
    return "ac" if vowel else "a"


def _day_words(day: int, locale: str, *, after_i: bool = False) -> str:
    if locale == "cy":
        # "i" (to) softens "dydd" to "ddydd".
        return ("ddydd " if after_i else "dydd ") + _DAY_CY[day]
    return _DAY_EN[day]


@dataclass(frozen=True, eq=False)
class Hours:
    """Weekly opening hours in Europe/London wall-clock time.

    ``days`` maps 0=Monday..6=Sunday to ``(start, end)`` minute pairs as written;
    an end at or before the start runs past midnight into the next day
    (``18:00-02:00``). A weekend stretch is written per day (Fri ``18:00-24:00``,
    Sat and Sun ``00:00-24:00``, Mon ``00:00-06:00``) and merged here.
    """

    always: bool = False
    days: Mapping[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    note: Text | None = None
    _intervals: tuple[tuple[int, int], ...] = field(
        default=(), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_intervals", () if self.always else _merge_week(self.days))
        if self._intervals == ((0, _WEEK),):
            object.__setattr__(self, "always", True)
            object.__setattr__(self, "_intervals", ())

    @property
    def intervals(self) -> tuple[tuple[int, int], ...]:
        """Merged open periods as minutes from Monday 00:00; an end may pass 10080 (wraps)."""
        return ((0, _WEEK),) if self.always else self._intervals

    @staticmethod
    def _local(at: dt.datetime) -> dt.datetime:
        """Return naive London wall-clock time; a naive ``at`` is taken to be London time."""
        if at.tzinfo is not None:
            at = at.astimezone(LONDON)
        return at.replace(tzinfo=None, second=0, microsecond=0)

    @staticmethod
    def _minute_of_week(local: dt.datetime) -> int:
        return local.weekday() * 1440 + local.hour * 60 + local.minute

    def is_open(self, at: dt.datetime) -> bool:
        """Return whether the service is open at ``at`` (Europe/London)."""
        if self.always:
            return True
        m = self._minute_of_week(self._local(at))
        return any(s <= m < e or s <= m + _WEEK < e for s, e in self._intervals)

    def next_opening(self, at: dt.datetime) -> dt.datetime | None:
        """Return when it next opens after ``at``, or None if open now (or always open).

        The result is an aware datetime in Europe/London.
        """
        if self.always or not self._intervals or self.is_open(at):
            return None
        local = self._local(at)
        m = self._minute_of_week(local)
        delta = min((s - m) % _WEEK for s, _ in self._intervals)
        return (local + dt.timedelta(minutes=delta)).replace(tzinfo=LONDON)

    def next_closing(self, at: dt.datetime) -> dt.datetime | None:
        """Return when the current opening ends, or None if closed now or always open."""
        if self.always or not self.is_open(at):
            return None
        local = self._local(at)
        m = self._minute_of_week(local)
        for s, e in self._intervals:
            if s <= m < e:
                return (local + dt.timedelta(minutes=e - m)).replace(tzinfo=LONDON)
            if s <= m + _WEEK < e:
                return (local + dt.timedelta(minutes=e - m - _WEEK)).replace(tzinfo=LONDON)
        return None  # pragma: no cover - is_open() said open

    def summary(self, locale: str = "en") -> str:
        """Return the weekly hours as one plain sentence, for pages without JavaScript."""
        cy = locale == "cy"
        if self.always:
            return "24 awr y dydd, 7 diwrnod yr wythnos" if cy else "24 hours a day, 7 days a week"
        items: list[tuple[int, str, Any]] = []  # (start minute, "short"|"long", payload)
        per_day: dict[int, list[tuple[int, int]]] = {}
        for s, e in self._intervals:
            day, start = divmod(s, 1440)
            if e - s <= 1440:
                per_day.setdefault(day, []).append((start, start + e - s))
            else:
                items.append((s, "long", (s, e)))
        for day, ranges in per_day.items():
            items.append((day * 1440 + ranges[0][0], "short", (day, tuple(ranges))))
        items.sort(key=lambda item: item[0])
        parts: list[str] = []
        i = 0
        while i < len(items):
            _, kind, payload = items[i]
            if kind == "long":
                s, e = payload
                start_day, start = divmod(s, 1440)
                end_day, end = divmod(e % _WEEK, 1440)
                joiner = " i " if cy else " to "
                parts.append(
                    f"{_day_words(start_day, locale)} {time_words(start, locale)}{joiner}"
                    f"{_day_words(end_day, locale, after_i=True)} {time_words(end, locale)}"
                )
                i += 1
                continue
            first_day, ranges = payload
            last_day = first_day
            j = i + 1
            while (
                j < len(items)
                and items[j][1] == "short"
                and items[j][2][0] == last_day + 1
                and items[j][2][1] == ranges
            ):
                last_day += 1
                j += 1
            if last_day == first_day:
                days = _day_words(first_day, locale)
            elif last_day == first_day + 1:
                second = _day_words(last_day, locale)
                days = f"{_day_words(first_day, locale)} {_and(locale, second)} {second}"
            else:
                days = (
                    f"{_day_words(first_day, locale)} {'i' if cy else 'to'} "
                    f"{_day_words(last_day, locale, after_i=True)}"
                )
            spans = []
            for start, end in ranges:
                if (start, end) == (0, 1440):
                    spans.append("drwy'r dydd" if cy else "all day")
                else:
                    to = "i" if cy else "to"
                    spans.append(f"{time_words(start, locale)} {to} {time_words(end, locale)}")
            joined = spans[0]
            for span in spans[1:]:
                joined += f" {_and(locale, span)} {span}"
            parts.append(f"{days}, {joined}")
            i = j
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]

    def to_json(self) -> dict[str, Any]:
        """Return a compact form for browser JS: minutes from Monday 00:00, London time."""
        if self.always:
            return {"tz": "Europe/London", "always": True}
        return {"tz": "Europe/London", "open": [list(pair) for pair in self._intervals]}


def _merge_week(days: Mapping[int, tuple[tuple[int, int], ...]]) -> tuple[tuple[int, int], ...]:
    spans = []
    for day, ranges in days.items():
        for start, end in ranges:
            s = day * 1440 + start
            e = day * 1440 + (end if end > start else end + 1440)
            spans.append((s, e))
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    # Join across the Sunday/Monday wrap: a period ending after Sunday midnight
    # that reaches a period starting early on Monday.
    while len(merged) > 1 and merged[-1][1] >= merged[0][0] + _WEEK:
        first = merged.pop(0)
        merged[-1][1] = max(merged[-1][1], first[1] + _WEEK)
    if merged and merged[-1][1] - merged[-1][0] >= _WEEK:
        return ((0, _WEEK),)
    return tuple((s, e) for s, e in merged)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Contact:
    """One way to reach a service."""

    kind: str  # phone | text | web | email
    value: str
    label: Text | None = None
    phone: Phone | None = None
    keyword: str | None = None  # text services: the word to send
    confidence: str = "verified"  # verified | likely
    note: Text | None = None

    @property
    def href(self) -> str:
        """Return the link target: ``tel:``, ``sms:``, ``mailto:`` or the https URL."""
        if self.kind == "phone" and self.phone:
            return f"tel:{self.phone.tel}"
        if self.kind == "text" and self.phone:
            return f"sms:{self.phone.tel}" + (f"?body={self.keyword}" if self.keyword else "")
        if self.kind == "email":
            return f"mailto:{self.value}"
        return self.value


@dataclass(frozen=True, slots=True)
class Checked:
    """A person confirmed the entry against the live source on ``date``, by ``method``.

    ``method`` is ``website`` (the provider's own page), ``phone`` (called the
    number) or ``provider`` (the provider confirmed it in writing).
    """

    date: dt.date
    method: str


@dataclass(frozen=True, slots=True)
class Dating:
    """What the dates on an entry mean, and nothing more.

    ``source_date`` is the date printed on the source the entry rests on or,
    when ``source_undated``, the day that (undated) source was read. It says
    nothing about whether the facts are still true. ``checked`` stays ``None``
    until a person confirms the entry against the live source.
    """

    source_date: dt.date
    source_undated: bool = False
    checked: Checked | None = None


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: Text
    description: Text
    order: int


@dataclass(frozen=True, eq=False)
class Service:
    id: str
    name: Text
    summary: Text
    category: str
    audiences: tuple[str, ...]
    nations: tuple[str, ...]
    contacts: tuple[Contact, ...]
    eligibility: Text
    welsh: str
    source: str
    dating: Dating
    details: Text | None = None
    #: One line that must travel with the number (e.g. "hours published in 2022"):
    #: shown on the call card itself, not only behind its "more" disclosure.
    caveat: Text | None = None
    hours: Hours | None = None
    cost: Text | None = None
    who_will_know: Text | None = None
    provider: str | None = None
    tags: tuple[str, ...] = ()
    crisis: bool = False
    priority: int = 100
    forces: tuple[str, ...] = ()  # empty: national; else only for these force slugs
    other_sources: tuple[str, ...] = ()
    origin: str = ""  # file the entry came from (for messages)

    @property
    def phones(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.kind == "phone")

    @property
    def website(self) -> str | None:
        return next((c.value for c in self.contacts if c.kind == "web"), None)

    @property
    def one_nation(self) -> bool:
        """Whether the service is for one UK nation only (an NHS line, Lifeline...)."""
        return len(self.nations) == 1


@dataclass(frozen=True, slots=True)
class ForceLink:
    """A force's treatment centre or children's charity, with how sure we are."""

    service: str | None  # a service id, or None when it is not known
    confidence: str  # verified | likely | unknown
    note: Text | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class IntranetService:
    """A service most forces run internally; its contact is on the force intranet."""

    key: str
    name: Text
    purpose: Text
    access: Text | None = None
    phone: Phone | None = None  # only from a deployer's data directory
    url: str | None = None  # only from a deployer's data directory


@dataclass(frozen=True, eq=False)
class Force:
    slug: str
    name: Text
    nation: str
    kind: str
    website: str
    website_confidence: str
    police_uk_id: str | None
    source: str
    dating: Dating
    treatment_centre: ForceLink | None = None
    childrens_charity: ForceLink | None = None
    contacts: tuple[Contact, ...] = ()
    intranet_services: tuple[IntranetService, ...] = ()
    note: Text | None = None
    own_support: tuple[Section, ...] = ()  # see force_sections.py
    origin: str = ""

    @property
    def covered_nations(self) -> tuple[str, ...]:
        """The UK nations whose national services apply to this force."""
        return FORCE_NATION_COVERS[self.nation]


# --------------------------------------------------------------------------- content


def _fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, for matching (Welsh ŵ, ŷ, â included)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'’]", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


@dataclass(frozen=True, eq=False)
class Content:
    """All content, validated. Build it with ``load_content``."""

    categories: dict[str, Category]
    services: dict[str, Service]
    forces: dict[str, Force]
    intranet_services: dict[str, IntranetService]
    guides: dict[str, Any] = field(default_factory=dict)  # slug -> guides.Guide
    _index: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for sid, svc in self.services.items():
            cat = self.categories[svc.category]
            texts: list[str] = [svc.provider or "", *svc.tags]
            for t in (svc.name, svc.summary, svc.details, cat.name):
                if t is not None:
                    texts += [t.en, t.cy or ""]
            self._index[sid] = " " + _fold(" ".join(texts)) + " "

    def services_in(self, category: str) -> list[Service]:
        """Return the services in one category, in display order."""
        return [s for s in self.services.values() if s.category == category]

    def search(
        self,
        q: str = "",
        audience: str | None = None,
        nation: str | None = None,
        category: str | None = None,
    ) -> list[Service]:
        """Return services matching every word of ``q`` and the filters.

        Matching ignores case, accents and punctuation and looks at names,
        summaries, details, tags and category names in English and Welsh.
        Services whose name matches come first ("Samaritans" finds Samaritans
        before a line whose details mention it). Only the first 100 characters of
        ``q`` are used.
        """
        words = _fold((q or "")[:MAX_QUERY]).split()
        out = []
        for svc in self.services.values():
            if audience and audience not in svc.audiences:
                continue
            if nation and nation not in svc.nations:
                continue
            if category and svc.category != category:
                continue
            haystack = self._index[svc.id]
            # Match the start of words, so "art" finds "arts" but not "part".
            if all(" " + w in haystack for w in words):
                out.append(svc)
        if words:
            out.sort(key=lambda svc: not self._name_matches(svc, words))  # stable
        return out

    @staticmethod
    def _name_matches(svc: Service, words: list[str]) -> bool:
        name = " " + _fold(f"{svc.name.en} {svc.name.cy or ''}")
        return all(" " + w in name for w in words)

    def services_for_force(self, slug: str) -> list[Service]:
        """Return national services for the force's nation(s), then the force's own ones.

        Raises KeyError for an unknown slug.
        """
        force = self.forces[slug]
        covered = set(force.covered_nations)
        national = [s for s in self.services.values() if not s.forces and covered & set(s.nations)]
        own = [s for s in self.services.values() if slug in s.forces]
        return national + own

    def crisis_services(self, nation: str | None = None) -> list[Service]:
        """Return crisis services, optionally for one nation, in display order."""
        return [
            s
            for s in self.services.values()
            if s.crisis and (nation is None or nation in s.nations)
        ]

    def stale(self, today: dt.date, months: int = 12) -> list[Service | Force]:
        """Return services and forces with a source dated more than ``months`` months before ``today``."""
        cutoff = _months_before(today, months)
        entries: list[Service | Force] = [*self.services.values(), *self.forces.values()]
        return [e for e in entries if e.dating.source_date < cutoff]


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


# --------------------------------------------------------------------------- parsing helpers


def _check_keys(
    where: _Where, table: Mapping[str, Any], allowed: Iterable[str], required: Iterable[str]
) -> None:
    allowed = tuple(allowed)
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise where.error(f"unknown field{hint}; allowed: {', '.join(sorted(allowed))}", key)
    for key in required:
        if key not in table:
            raise where.error("missing required field", key)


def _str(where: _Where, table: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise where.error("missing required field", key)
        return None
    if not isinstance(value, str) or not value.strip():
        raise where.error("expected non-empty text", key)
    return value.strip()


def _text(
    where: _Where, table: Mapping[str, Any], key: str, *, required: bool = True
) -> Text | None:
    value = table.get(key)
    if value is None:
        if required:
            raise where.error("missing required field", key)
        return None
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise where.error("expected text, or a table with 'en' and optional 'cy'", key)
    for sub in value:
        if sub not in ("en", "cy"):
            raise where.error("unknown language; use 'en' and 'cy'", f"{key}.{sub}")
    en, cy = value.get("en"), value.get("cy")
    if not isinstance(en, str) or not en.strip():
        raise where.error("missing English text", f"{key}.en")
    if cy is not None and (not isinstance(cy, str) or not cy.strip()):
        raise where.error("expected non-empty Welsh text", f"{key}.cy")
    return Text(en.strip(), cy.strip() if cy else None)


def _url(where: _Where, value: Any, key: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(
        r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#]\S*)?", value
    ):
        raise where.error(f"expected an https:// URL, got {value!r}", key)
    return value


def _date(where: _Where, table: Mapping[str, Any], key: str) -> dt.date:
    value = table.get(key)
    if value is None:
        raise where.error("missing required field", key)
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise where.error("expected a date like 2025-07-23", key)
    return value


_DATING_FIELDS = ("source_date", "source_undated", "checked")


def _dating(where: _Where, table: Mapping[str, Any]) -> Dating:
    """Parse ``source_date``, ``source_undated`` and ``checked`` (``{date, method}``)."""
    source_date = _date(where, table, "source_date")
    undated = table.get("source_undated", False)
    if not isinstance(undated, bool):
        raise where.error("expected true or false", "source_undated")
    raw = table.get("checked")
    checked = None
    if raw is not None:
        if not isinstance(raw, dict):
            raise where.error("expected a table with 'date' and 'method'", "checked")
        _check_keys(
            where,
            {f"checked.{k}": v for k, v in raw.items()},
            ("checked.date", "checked.method"),
            ("checked.date", "checked.method"),
        )
        day = _date(where, {"checked.date": raw["date"]}, "checked.date")
        if day > dt.date.today():
            raise where.error(f"{day.isoformat()} is in the future", "checked.date")
        checked = Checked(day, _enum(where, raw["method"], "checked.method", CHECK_METHODS))
    return Dating(source_date, undated, checked)


def _enum(where: _Where, value: Any, key: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise where.error(f"{value!r} is not one of: {', '.join(allowed)}", key)
    return value


def _enum_list(
    where: _Where, table: Mapping[str, Any], key: str, allowed: tuple[str, ...]
) -> tuple[str, ...]:
    value = table.get(key)
    if value is None:
        raise where.error("missing required field", key)
    if not isinstance(value, list) or not value:
        raise where.error(f"expected a non-empty list from: {', '.join(allowed)}", key)
    for item in value:
        _enum(where, item, key, allowed)
    if len(set(value)) != len(value):
        raise where.error("repeated value", key)
    return tuple(x for x in allowed if x in value)  # canonical order


def _ident(where: _Where, table: Mapping[str, Any], key: str) -> str:
    value = _str(where, table, key)
    assert value is not None
    if not _ID_RE.fullmatch(value):
        raise where.error("expected lower-case letters, digits and single hyphens", key)
    return value


def _parse_hours(where: _Where, value: Any) -> Hours:
    if not isinstance(value, dict):
        raise where.error("expected a table", "hours")
    _check_keys(
        where,
        {f"hours.{k}": v for k, v in value.items()},
        [f"hours.{k}" for k in ("always", "note", *DAYS)],
        (),
    )
    note = _text(where, {"hours.note": value.get("note")}, "hours.note", required=False)
    always = value.get("always", False)
    if not isinstance(always, bool):
        raise where.error("expected true or false", "hours.always")
    days: dict[int, tuple[tuple[int, int], ...]] = {}
    for index, day in enumerate(DAYS):
        if day not in value:
            continue
        ranges = value[day]
        if not isinstance(ranges, list):
            raise where.error('expected a list like ["09:00-17:00"]', f"hours.{day}")
        parsed = []
        for item in ranges:
            match = _RANGE_RE.fullmatch(item) if isinstance(item, str) else None
            if not match:
                raise where.error(
                    f'expected a time range like "09:00-17:00", got {item!r}', f"hours.{day}"
                )
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            start, end = h1 * 60 + m1, h2 * 60 + m2
            if end > 1440 or start == end:
                raise where.error(f"{item!r} is not a valid range", f"hours.{day}")
            parsed.append((start, end))
        days[index] = tuple(sorted(parsed))
    if always and days:
        raise where.error("give either always = true or day ranges, not both", "hours")
    if not always and not any(days.values()):
        raise where.error("give always = true or at least one day's ranges", "hours")
    return Hours(always=always, days=days, note=note)


_CONTACT_FIELDS = ("kind", "value", "label", "keyword", "confidence", "note")


def _parse_contact(where: _Where, raw: Any, index: int, *, key: str = "contacts") -> Contact:
    name = f"{key}[{index}]"
    if not isinstance(raw, dict):
        raise where.error("expected a table", name)
    _check_keys(
        where,
        {f"{name}.{k}": v for k, v in raw.items()},
        [f"{name}.{k}" for k in _CONTACT_FIELDS],
        (),
    )
    kind = _enum(where, raw.get("kind"), f"{name}.kind", CONTACT_KINDS)
    value = raw.get("value")
    if not isinstance(value, str) or not value.strip():
        raise where.error("missing required field", f"{name}.value")
    value = value.strip()
    label = _text(where, {f"{name}.label": raw.get("label")}, f"{name}.label", required=False)
    note = _text(where, {f"{name}.note": raw.get("note")}, f"{name}.note", required=False)
    confidence = _enum(where, raw.get("confidence", "verified"), f"{name}.confidence", CONFIDENCES)
    keyword = raw.get("keyword")
    phone = None
    if kind in ("phone", "text"):
        try:
            phone = format_phone(value)
        except ValueError as exc:
            raise where.error(str(exc), f"{name}.value") from None
        if kind == "text" and phone.extension:
            raise where.error("a text number takes no extension", f"{name}.value")
        if kind == "phone" and phone.sms_only:
            raise where.error(f'{value!r} takes texts only; use kind = "text"', f"{name}.value")
    if kind == "text":
        if not isinstance(keyword, str) or not _KEYWORD_RE.fullmatch(keyword):
            raise where.error(
                'a text contact needs the word to send, e.g. keyword = "SHOUT"', f"{name}.keyword"
            )
    elif keyword is not None:
        raise where.error("only text contacts take a keyword", f"{name}.keyword")
    if kind == "web":
        _url(where, value, f"{name}.value")
    if kind == "email" and not _EMAIL_RE.fullmatch(value):
        raise where.error(f"{value!r} is not an email address", f"{name}.value")
    return Contact(kind, value, label, phone, keyword, confidence, note)


def _parse_contacts(
    where: _Where, table: Mapping[str, Any], *, required: bool
) -> tuple[Contact, ...]:
    raw = table.get("contacts")
    if raw is None:
        if required:
            raise where.error("missing required field", "contacts")
        return ()
    if not isinstance(raw, list) or (required and not raw):
        raise where.error("expected a list of [[...contacts]] tables", "contacts")
    return tuple(_parse_contact(where, item, i) for i, item in enumerate(raw))


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{label}: TOML syntax error: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ContentError(
            f"{label}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise ContentError(f"{label}: cannot read file: {exc.strerror}") from None


def _entries(data: dict[str, Any], key: str, where: _Where) -> list[dict[str, Any]]:
    for other in data:
        if other != key:
            raise where.error(f"unknown top-level key '{other}'; expected [[{key}]] tables")
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise where.error(f"expected [[{key}]] tables")
    return items


# --------------------------------------------------------------------------- entry parsers

_CATEGORY_FIELDS = ("id", "name", "description", "order")


def _parse_category(where: _Where, raw: dict[str, Any]) -> Category:
    cid = _ident(where.entry("category", str(raw.get("id", "?"))), raw, "id")
    w = where.entry("category", cid)
    _check_keys(w, raw, _CATEGORY_FIELDS, _CATEGORY_FIELDS)
    order = raw["order"]
    if not isinstance(order, int) or isinstance(order, bool):
        raise w.error("expected a whole number", "order")
    return Category(cid, _text(w, raw, "name"), _text(w, raw, "description"), order)  # type: ignore[arg-type]


_INTRANET_FIELDS = ("key", "name", "purpose", "access")


def _parse_intranet(where: _Where, raw: dict[str, Any]) -> IntranetService:
    key = raw.get("key")
    w = where.entry("intranet service", str(key))
    _check_keys(w, raw, _INTRANET_FIELDS, ("key", "name", "purpose"))
    _enum(w, key, "key", INTRANET_KEYS)
    return IntranetService(
        key=key,
        name=_text(w, raw, "name"),  # type: ignore[arg-type]
        purpose=_text(w, raw, "purpose"),  # type: ignore[arg-type]
        access=_text(w, raw, "access", required=False),
    )


_SERVICE_REQUIRED = (
    "id",
    "name",
    "summary",
    "category",
    "audiences",
    "nations",
    "contacts",
    "eligibility",
    "welsh",
    "source",
    "source_date",
)
_SERVICE_FIELDS = (
    *_SERVICE_REQUIRED,
    *_DATING_FIELDS,
    "details",
    "caveat",
    "hours",
    "cost",
    "who_will_know",
    "provider",
    "tags",
    "crisis",
    "priority",
    "forces",
    "other_sources",
)


def _parse_service(where: _Where, raw: dict[str, Any]) -> Service:
    sid = _ident(where.entry("service", str(raw.get("id", "?"))), raw, "id")
    w = where.entry("service", sid)
    _check_keys(w, raw, _SERVICE_FIELDS, _SERVICE_REQUIRED)
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        raise w.error("expected a list of words", "tags")
    crisis = raw.get("crisis", False)
    if not isinstance(crisis, bool):
        raise w.error("expected true or false", "crisis")
    priority = raw.get("priority", 100)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise w.error("expected a whole number", "priority")
    forces = raw.get("forces", [])
    if not isinstance(forces, list) or not all(isinstance(f, str) for f in forces):
        raise w.error("expected a list of force slugs", "forces")
    other = raw.get("other_sources", [])
    if not isinstance(other, list):
        raise w.error("expected a list of https:// URLs", "other_sources")
    return Service(
        id=sid,
        name=_text(w, raw, "name"),  # type: ignore[arg-type]
        summary=_text(w, raw, "summary"),  # type: ignore[arg-type]
        category=_ident(w, raw, "category"),
        audiences=_enum_list(w, raw, "audiences", AUDIENCES),
        nations=_enum_list(w, raw, "nations", NATIONS),
        contacts=_parse_contacts(w, raw, required=True),
        eligibility=_text(w, raw, "eligibility"),  # type: ignore[arg-type]
        welsh=_enum(w, raw.get("welsh"), "welsh", WELSH),
        source=_url(w, raw.get("source"), "source"),
        dating=_dating(w, raw),
        details=_text(w, raw, "details", required=False),
        caveat=_text(w, raw, "caveat", required=False),
        hours=_parse_hours(w, raw["hours"]) if "hours" in raw else None,
        cost=_text(w, raw, "cost", required=False),
        who_will_know=_text(w, raw, "who_will_know", required=False),
        provider=_str(w, raw, "provider", required=False),
        tags=tuple(t.strip() for t in tags),
        crisis=crisis,
        priority=priority,
        forces=tuple(forces),
        other_sources=tuple(_url(w, u, "other_sources") for u in other),
        origin=where.file,
    )


_LINK_FIELDS = ("service", "confidence", "note", "source")


def _parse_link(w: _Where, raw: Any, key: str) -> ForceLink | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise w.error("expected a table", key)
    _check_keys(
        w,
        {f"{key}.{k}": v for k, v in raw.items()},
        [f"{key}.{k}" for k in _LINK_FIELDS],
        [f"{key}.confidence"],
    )
    confidence = _enum(w, raw.get("confidence"), f"{key}.confidence", LINK_CONFIDENCES)
    service = raw.get("service")
    if service is not None and (not isinstance(service, str) or not _ID_RE.fullmatch(service)):
        raise w.error("expected a service id", f"{key}.service")
    if confidence == "unknown" and service is not None:
        raise w.error("an 'unknown' link must not name a service", f"{key}.service")
    if confidence != "unknown" and service is None:
        raise w.error('missing required field (or set confidence = "unknown")', f"{key}.service")
    note = _text(w, {f"{key}.note": raw.get("note")}, f"{key}.note", required=False)
    source = _url(w, raw["source"], f"{key}.source") if "source" in raw else None
    return ForceLink(service, confidence, note, source)


_FORCE_REQUIRED = (
    "slug",
    "name",
    "nation",
    "kind",
    "website",
    "website_confidence",
    "source",
    "source_date",
)
_FORCE_FIELDS = (
    *_FORCE_REQUIRED,
    *_DATING_FIELDS,
    "police_uk_id",
    "treatment_centre",
    "childrens_charity",
    "contacts",
    "intranet_services",
    "intranet",
    "note",
    "federation",
    "unison",
    "chaplaincy",
    "funds",
    "wellbeing_page",
    "eap",
)
_INTRANET_OVERRIDE_FIELDS = ("name", "purpose", "access", "phone", "url")


def _parse_force(
    where: _Where,
    raw: dict[str, Any],
    stem: str,
    shared: Mapping[str, IntranetService],
    deployer: bool,
) -> Force:
    slug = _ident(where.entry("force", str(raw.get("slug", stem))), raw, "slug")
    w = where.entry("force", slug)
    _check_keys(w, raw, _FORCE_FIELDS, _FORCE_REQUIRED)
    if slug != stem:
        raise w.error(f"the file must be named {slug}.toml", "slug")
    puk = raw.get("police_uk_id")
    if puk is not None and (not isinstance(puk, str) or not _ID_RE.fullmatch(puk)):
        raise w.error("expected a data.police.uk force id", "police_uk_id")
    from .force_sections import parse_sections  # it builds on this module's helpers

    keys = raw.get("intranet_services", [])
    if not isinstance(keys, list):
        raise w.error("expected a list of keys", "intranet_services")
    for key in keys:
        _enum(w, key, "intranet_services", INTRANET_KEYS)
        if key not in shared:
            raise w.error(
                f"'{key}' is not described in intranet_services.toml", "intranet_services"
            )
    overrides = raw.get("intranet", {})
    if not isinstance(overrides, dict):
        raise w.error("expected [intranet.<key>] tables", "intranet")
    intranet = []
    for key in keys:
        base = shared[key]
        over = overrides.get(key, {})
        fname = f"intranet.{key}"
        if not isinstance(over, dict):
            raise w.error("expected a table", fname)
        _check_keys(
            w,
            {f"{fname}.{k}": v for k, v in over.items()},
            [f"{fname}.{k}" for k in _INTRANET_OVERRIDE_FIELDS],
            (),
        )
        if not deployer and ("phone" in over or "url" in over):
            raise w.error(
                "intranet phone numbers and links may only come from a deployer's data directory",
                f"{fname}.phone" if "phone" in over else f"{fname}.url",
            )
        phone = None
        if "phone" in over:
            try:
                phone = format_phone(over["phone"])
            except ValueError as exc:
                raise w.error(str(exc), f"{fname}.phone") from None
        intranet.append(
            IntranetService(
                key=key,
                name=_text(w, {fname + ".name": over.get("name")}, fname + ".name", required=False)
                or base.name,
                purpose=_text(
                    w, {fname + ".purpose": over.get("purpose")}, fname + ".purpose", required=False
                )
                or base.purpose,
                access=_text(
                    w, {fname + ".access": over.get("access")}, fname + ".access", required=False
                )
                or base.access,
                phone=phone,
                url=_url(w, over["url"], f"{fname}.url") if "url" in over else None,
            )
        )
    for key in overrides:
        if key not in keys:
            raise w.error(
                "override for a service not listed in intranet_services", f"intranet.{key}"
            )
    return Force(
        slug=slug,
        name=_text(w, raw, "name"),  # type: ignore[arg-type]
        nation=_enum(w, raw.get("nation"), "nation", FORCE_NATIONS),
        kind=_enum(w, raw.get("kind"), "kind", FORCE_KINDS),
        website=_url(w, raw.get("website"), "website"),
        website_confidence=_enum(
            w, raw.get("website_confidence"), "website_confidence", CONFIDENCES
        ),
        police_uk_id=puk,
        source=_url(w, raw.get("source"), "source"),
        dating=_dating(w, raw),
        treatment_centre=_parse_link(w, raw.get("treatment_centre"), "treatment_centre"),
        childrens_charity=_parse_link(w, raw.get("childrens_charity"), "childrens_charity"),
        contacts=_parse_contacts(w, raw, required=False),
        intranet_services=tuple(intranet),
        note=_text(w, raw, "note", required=False),
        own_support=parse_sections(w, raw),
        origin=where.file,
    )


# --------------------------------------------------------------------------- loading


def _label(root: Path, path: Path, deployer: bool) -> str:
    return str(path) if deployer else path.relative_to(root).as_posix()


def _load_dir(
    root: Path, deployer: bool, shared_intranet: dict[str, IntranetService]
) -> tuple[
    dict[str, Category], dict[str, IntranetService], dict[str, Service], list[tuple[Path, str]]
]:
    categories: dict[str, Category] = {}
    intranet: dict[str, IntranetService] = {}
    services: dict[str, Service] = {}
    seen: dict[str, str] = {}

    cat_file = root / "categories.toml"
    if cat_file.exists():
        label = _label(root, cat_file, deployer)
        where = _Where(label)
        for raw in _entries(_read_toml(cat_file, label), "category", where):
            cat = _parse_category(where, raw)
            if cat.id in categories:
                raise where.entry("category", cat.id).error("duplicate id", "id")
            categories[cat.id] = cat

    intra_file = root / "intranet_services.toml"
    if intra_file.exists():
        label = _label(root, intra_file, deployer)
        where = _Where(label)
        for raw in _entries(_read_toml(intra_file, label), "intranet_service", where):
            item = _parse_intranet(where, raw)
            if item.key in intranet:
                raise where.entry("intranet service", item.key).error("duplicate key", "key")
            intranet[item.key] = item

    for path in sorted((root / "services").glob("*.toml")):
        label = _label(root, path, deployer)
        where = _Where(label)
        for raw in _entries(_read_toml(path, label), "service", where):
            svc = _parse_service(where, raw)
            if svc.id in seen:
                raise where.entry("service", svc.id).error(
                    f"duplicate id (also in {seen[svc.id]})", "id"
                )
            seen[svc.id] = label
            services[svc.id] = svc

    force_files = [(p, _label(root, p, deployer)) for p in sorted((root / "forces").glob("*.toml"))]
    return categories, intranet, services, force_files


def load_content(data_dir: Path, extra_dir: Path | None = None) -> Content:
    """Load, validate and cross-check all content; raise ContentError on the first problem.

    ``extra_dir`` entries replace shipped entries with the same id/slug/key
    (whole entries, no field merging) and add new ones.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ContentError(f"{data_dir}: content directory not found")
    cats, intra, svcs, force_files = _load_dir(data_dir, False, {})
    if extra_dir is not None:
        extra_dir = Path(extra_dir)
        if not extra_dir.is_dir():
            raise ContentError(f"{extra_dir}: deployer content directory not found")
        x_cats, x_intra, x_svcs, x_forces = _load_dir(extra_dir, True, {})
        cats.update(x_cats)
        intra.update(x_intra)
        svcs.update(x_svcs)
    else:
        x_forces = []

    forces: dict[str, Force] = {}
    for files, deployer in ((force_files, False), (x_forces, True)):
        for path, label in files:
            where = _Where(label)
            raw = _read_toml(path, label)
            force = _parse_force(where, raw, path.stem, intra, deployer)
            forces[force.slug] = force  # a deployer file replaces the shipped one

    # Cross-references.
    for svc in svcs.values():
        w = _Where(svc.origin, "service", svc.id)
        if svc.category not in cats:
            raise w.error(f"unknown category '{svc.category}'", "category")
        for slug in svc.forces:
            if slug not in forces:
                raise w.error(f"unknown force '{slug}'", "forces")
    for force in forces.values():
        w = _Where(force.origin, "force", force.slug)
        for key, link in (
            ("treatment_centre", force.treatment_centre),
            ("childrens_charity", force.childrens_charity),
        ):
            if link and link.service and link.service not in svcs:
                raise w.error(f"unknown service '{link.service}'", f"{key}.service")
        for section in force.own_support:
            if section.service and section.service not in svcs:
                raise w.error(f"unknown service '{section.service}'", f"{section.kind}.service")

    ordered_cats = dict(sorted(cats.items(), key=lambda kv: (kv[1].order, kv[0])))
    cat_rank = {cid: i for i, cid in enumerate(ordered_cats)}
    file_rank = {sid: i for i, sid in enumerate(svcs)}
    ordered_svcs = dict(
        sorted(
            svcs.items(),
            key=lambda kv: (cat_rank[kv[1].category], kv[1].priority, file_rank[kv[0]]),
        )
    )
    nation_rank = {n: i for i, n in enumerate(FORCE_NATIONS)}
    ordered_forces = dict(
        sorted(forces.items(), key=lambda kv: (nation_rank[kv[1].nation], _fold(kv[1].name.en)))
    )
    from .guides import load_guides  # guides.py builds on this module's parsers

    return Content(ordered_cats, ordered_svcs, ordered_forces, intra, load_guides(data_dir, svcs))


# --------------------------------------------------------------------------- checks


@dataclass(frozen=True, slots=True)
class Issue:
    level: str  # error | warning | info
    where: str  # e.g. "service 'samaritans'" or a file name
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    errors: list[Issue]
    warnings: list[Issue]
    info: list[Issue]
    content: Content | None

    @property
    def ok(self) -> bool:
        return not self.errors


def issues(content: Content, today: dt.date, months: int = 12) -> list[Issue]:
    """Return problems worth a look in loaded content (for ``flask content check``).

    - error: a phone number that no longer validates (e.g. after a phonenumbers upgrade);
    - warning: a source dated more than ``months`` months ago; an entry nobody has
      checked against its live source; a number only rated "likely"; missing Welsh text;
    - info: a force website rated only "likely".
    """
    out: list[Issue] = []
    for svc in content.services.values():
        where = f"{svc.origin}: service '{svc.id}'"
        for contact in svc.contacts:
            if contact.kind in ("phone", "text"):
                try:
                    format_phone(contact.value)
                except ValueError as exc:
                    out.append(Issue("error", where, str(exc)))
            if contact.confidence == "likely":
                out.append(
                    Issue(
                        "warning",
                        where,
                        f"{contact.kind} {contact.value} is only rated 'likely': re-check it",
                    )
                )
        for name in (
            "name",
            "summary",
            "details",
            "caveat",
            "eligibility",
            "cost",
            "who_will_know",
        ):
            value = getattr(svc, name)
            if value is not None and not value.cy:
                out.append(Issue("warning", where, f"no Welsh text for '{name}'"))
    for entry in content.stale(today, months):
        kind = "service" if isinstance(entry, Service) else "force"
        ident = entry.id if isinstance(entry, Service) else entry.slug
        out.append(
            Issue(
                "warning",
                f"{entry.origin}: {kind} '{ident}'",
                f"source dated {entry.dating.source_date.isoformat()}, more than {months} months ago",
            )
        )
    for entry in (*content.services.values(), *content.forces.values()):
        if entry.dating.checked is None:
            kind, ident = (
                ("service", entry.id) if isinstance(entry, Service) else ("force", entry.slug)
            )
            out.append(
                Issue(
                    "warning",
                    f"{entry.origin}: {kind} '{ident}'",
                    "never checked against the live source",
                )
            )
    for force in content.forces.values():
        if force.website_confidence != "verified":
            out.append(
                Issue(
                    "info",
                    f"{force.origin}: force '{force.slug}'",
                    f"website {force.website} not seen live",
                )
            )
    return out


def check(
    data_dir: Path, extra_dir: Path | None = None, today: dt.date | None = None
) -> CheckReport:
    """Load content and report errors, warnings and info without raising."""
    today = today or dt.date.today()
    try:
        content = load_content(data_dir, extra_dir)
    except ContentError as exc:
        return CheckReport([Issue("error", "content", str(exc))], [], [], None)
    found = issues(content, today)
    return CheckReport(
        [i for i in found if i.level == "error"],
        [i for i in found if i.level == "warning"],
        [i for i in found if i.level == "info"],
        content,
    )


# --------------------------------------------------------------------------- JSON


def checked_json(checked: Checked | None) -> dict[str, str] | None:
    """Return ``{"date", "method"}`` for a check, or None when nobody has checked."""
    if checked is None:
        return None
    return {"date": checked.date.isoformat(), "method": checked.method}
