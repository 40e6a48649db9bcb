"""UK phone numbers: validated once, shown as published, dialled exactly as shown."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import phonenumbers

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
