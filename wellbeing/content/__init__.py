"""The directory and force content: read, validated and cross-checked once (no Flask here).

The content lives in TOML files (layout: ``loader.py``). ``load_content(data_dir,
extra_dir=None)`` reads it all and returns an immutable ``Content``; any
problems raise one ``ContentError`` listing every problem found, one per line,
each naming the file, the entry and the field, e.g.::

    services/money.toml: service 'police-mutual': field 'source_date': expected a date like 2025-07-23

Modules: ``vocabulary`` (the fixed words), ``text``, ``phones`` and ``hours``
(value types), ``records`` (the loaded entries), ``types``, ``schema``,
``force_schema`` and ``guide_schema`` (the files' pydantic input models),
``errors``, ``loader`` and ``xref`` (loading), ``store`` and ``search`` (the
loaded content), ``checks`` (``flask content check``) and ``json_schema``
(``make content-schema``).

Only a deployer's directory may give a phone number or URL for a
force-intranet service (occupational health, EAP, ...): the shipped data never
guesses those, because they are not public and go stale when contracts change.
Bilingual text is written side by side, ``name.en = "..."`` and
``name.cy = "..."``; a plain string means English only. ``Text.get(locale)``
returns ``(text, lang)`` so a template can mark English fallbacks ``lang="en"``.
"""

from .checks import CheckReport, Issue, check, issues
from .errors import ContentError
from .hours import LONDON, Hours, time_words
from .loader import load_content, read_call_now
from .phones import Phone, format_phone
from .records import (
    CallNow,
    Category,
    Checked,
    Contact,
    Dating,
    Force,
    ForceLink,
    Guide,
    Help,
    IntranetService,
    Section,
    Service,
    checked_json,
)
from .store import Content
from .text import Text
from .vocabulary import (
    AUDIENCES,
    CHECK_METHODS,
    CONFIDENCES,
    CONTACT_KINDS,
    FORCE_KINDS,
    FORCE_NATION_COVERS,
    FORCE_NATIONS,
    INTRANET_KEYS,
    LINK_CONFIDENCES,
    NATIONS,
    SECTION_KINDS,
    WELSH,
)

__all__ = [
    "AUDIENCES",
    "CHECK_METHODS",
    "CONFIDENCES",
    "CONTACT_KINDS",
    "FORCE_KINDS",
    "FORCE_NATIONS",
    "FORCE_NATION_COVERS",
    "INTRANET_KEYS",
    "LINK_CONFIDENCES",
    "LONDON",
    "NATIONS",
    "SECTION_KINDS",
    "WELSH",
    "CallNow",
    "Category",
    "CheckReport",
    "Checked",
    "Contact",
    "Content",
    "ContentError",
    "Dating",
    "Force",
    "ForceLink",
    "Guide",
    "Help",
    "Hours",
    "IntranetService",
    "Issue",
    "Phone",
    "Section",
    "Service",
    "Text",
    "check",
    "checked_json",
    "format_phone",
    "issues",
    "load_content",
    "read_call_now",
    "time_words",
]
