"""The fixed words content files may use: audiences, nations, kinds and the like.

Each tuple is the whole vocabulary for one field, in its display (canonical)
order. The input models (``schema.py``), the JSON Schema, the API's filters and
the OpenAPI document all take their enums from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

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
#: The keys of the call-now lists: a force's nation, or "crown-dependency".
CALL_NOW_KEYS = (*FORCE_NATIONS[:6], "crown-dependency")
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
#: A force's own-support section kinds in page order; ``funds`` is a list, the others one table.
SECTION_KINDS = ("federation", "unison", "chaplaincy", "funds", "wellbeing_page", "eap")
#: The earliest source date a local phone number may rest on without a live check.
PHONE_SOURCE_FROM = dt.date(2022, 1, 1)
