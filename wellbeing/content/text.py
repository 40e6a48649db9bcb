"""Bilingual text, and the folding used to match and sort it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


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


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, for matching (Welsh ŵ, ŷ, â included)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'’]", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()
