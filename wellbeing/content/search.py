"""Directory search: every word of the query, in English or Welsh, ignoring case and accents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..limits import MAX_QUERY
from .records import Category, Service
from .text import fold


class SearchIndex:
    """The folded text of each service: names, summaries, details, tags, category names."""

    def __init__(self, services: Iterable[Service], categories: Mapping[str, Category]):
        self._text: dict[str, str] = {}
        for svc in services:
            texts: list[str] = [svc.provider or "", *svc.tags]
            for t in (svc.name, svc.summary, svc.details, categories[svc.category].name):
                if t is not None:
                    texts += [t.en, t.cy or ""]
            self._text[svc.id] = " " + fold(" ".join(texts)) + " "

    def __getitem__(self, service_id: str) -> str:
        """Return the folded text searched for one service."""
        return self._text[service_id]

    def search(
        self,
        services: Iterable[Service],
        q: str = "",
        audience: str | None = None,
        nation: str | None = None,
        category: str | None = None,
    ) -> list[Service]:
        """Return the ``services`` matching every word of ``q`` and the filters.

        Services whose name matches come first ("Samaritans" finds Samaritans
        before a line whose details mention it). Only the first ``MAX_QUERY``
        characters of ``q`` are used.
        """
        words = fold((q or "")[:MAX_QUERY]).split()
        out = []
        for svc in services:
            if audience and audience not in svc.audiences:
                continue
            if nation and nation not in svc.nations:
                continue
            if category and svc.category != category:
                continue
            haystack = self._text[svc.id]
            # Match the start of words, so "art" finds "arts" but not "part".
            if all(" " + w in haystack for w in words):
                out.append(svc)
        if words:
            out.sort(key=lambda svc: not _name_matches(svc, words))  # stable
        return out


def _name_matches(svc: Service, words: list[str]) -> bool:
    name = " " + fold(f"{svc.name.en} {svc.name.cy or ''}")
    return all(" " + w in name for w in words)
