"""Weekly opening hours in Europe/London time, and how people say them."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.support import NullTranslations, Translations

from ..config import find_site_dir
from .text import Text

LONDON = ZoneInfo("Europe/London")
_WEEK = 7 * 1440


@dataclass(frozen=True)
class _Words:
    """The words opening hours are said with, in one language (from the translations)."""

    days: tuple[str, ...]  # "Monday"; Welsh "dydd Llun"
    days_after_to: tuple[str, ...]  # Welsh "i" softens "dydd" to "ddydd"
    am: str
    pm: str
    midnight: str
    midday: str
    to: str
    and_: str
    and_before_vowel: str  # Welsh "ac"
    all_day: str
    always: str


@cache
def _words(locale: str) -> _Words:
    """Return the words for ``locale``; English (the msgids) when there is no catalogue."""
    t = NullTranslations()
    if locale != "en":
        # The same catalogue the app reads (BABEL_TRANSLATION_DIRECTORIES).
        site = find_site_dir(os.environ.get("WELLBEING_SITE_DIR"))
        t = Translations.load(str(site / "translations"), [locale])

    def gettext(message: str) -> str:
        return str(t.gettext(message))

    def pgettext(context: str, message: str) -> str:
        return str(t.pgettext(context, message))

    return _Words(
        days=(
            pgettext("opening hours", "Monday"),
            pgettext("opening hours", "Tuesday"),
            pgettext("opening hours", "Wednesday"),
            pgettext("opening hours", "Thursday"),
            pgettext("opening hours", "Friday"),
            pgettext("opening hours", "Saturday"),
            pgettext("opening hours", "Sunday"),
        ),
        days_after_to=(
            pgettext("opening hours, after 'to'", "Monday"),
            pgettext("opening hours, after 'to'", "Tuesday"),
            pgettext("opening hours, after 'to'", "Wednesday"),
            pgettext("opening hours, after 'to'", "Thursday"),
            pgettext("opening hours, after 'to'", "Friday"),
            pgettext("opening hours, after 'to'", "Saturday"),
            pgettext("opening hours, after 'to'", "Sunday"),
        ),
        am=gettext("am"),
        pm=gettext("pm"),
        midnight=gettext("midnight"),
        midday=gettext("midday"),
        to=pgettext("opening hours", "to"),
        and_=pgettext("opening hours", "and"),
        and_before_vowel=pgettext("opening hours, before a vowel sound", "and"),
        all_day=pgettext("opening hours", "all day"),
        always=gettext("24 hours a day, 7 days a week"),
    )


def time_words(minutes: int, locale: str) -> str:
    """Return a time of day as people say it: "9am", "5:30pm", "midday"; Welsh "9yb", "hanner dydd"."""
    words = _words(locale)
    minutes %= 1440
    if minutes == 0:
        return words.midnight
    if minutes == 720:
        return words.midday
    hour, minute = divmod(minutes, 60)
    h12 = hour % 12 or 12
    suffix = words.am if hour < 12 else words.pm
    return f"{h12}:{minute:02d}{suffix}" if minute else f"{h12}{suffix}"


def _and(locale: str, following: str) -> str:
    """Return "and" for the words that follow: Welsh "ac" before a vowel sound.

    Times are written in figures, but read aloud: "un" (1, 11) and "wyth" (8)
    start with a vowel, so "ac 1yh", "ac 8yb"; "a 2yh", "a hanner dydd".
    """
    words = _words(locale)
    vowel = re.match(r"(1|11|8)(?!\d)", following) or following[:1].lower() in "aeiouwy"
    return words.and_before_vowel if vowel else words.and_


def _day_words(day: int, locale: str, *, after_to: bool = False) -> str:
    words = _words(locale)
    return words.days_after_to[day] if after_to else words.days[day]


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
        words = _words(locale)
        if self.always:
            return words.always
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
                joiner = f" {words.to} "
                parts.append(
                    f"{_day_words(start_day, locale)} {time_words(start, locale)}{joiner}"
                    f"{_day_words(end_day, locale, after_to=True)} {time_words(end, locale)}"
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
                    f"{_day_words(first_day, locale)} {words.to} "
                    f"{_day_words(last_day, locale, after_to=True)}"
                )
            spans = []
            for start, end in ranges:
                if (start, end) == (0, 1440):
                    spans.append(words.all_day)
                else:
                    spans.append(
                        f"{time_words(start, locale)} {words.to} {time_words(end, locale)}"
                    )
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
