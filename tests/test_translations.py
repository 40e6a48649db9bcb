"""Welsh done properly: the catalogue is current and complete, and Welsh pages are Welsh."""

import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from wellbeing.tools.check_strings import PO, problems


def test_welsh_catalogue_is_current_and_complete():
    assert problems() == []


@pytest.mark.parametrize(
    ("url", "welsh"),
    [
        ("/cy/", "Siarad â rhywun nawr"),
        ("/cy/help-now", "Help nawr"),
        ("/cy/privacy", "Preifatrwydd"),
    ],
)
def test_welsh_pages_use_the_catalogue(page, url, welsh):
    assert welsh in page(url).text


def test_plural_forms_follow_welsh_rules(app):
    from flask_babel import ngettext

    with app.test_request_context("/cy/directory"):
        from flask import g

        g.lang_code = "cy"
        forms = {n: ngettext("%(num)d service", "%(num)d services", n) for n in (0, 1, 2, 3, 6, 7)}
    assert len(set(forms.values())) >= 3, forms


def test_the_count_of_forces_needs_no_article_before_the_number(app):
    from flask import g
    from flask_babel import ngettext

    with app.test_request_context("/cy/treatment-centres"):
        g.lang_code = "cy"
        headings = {
            n: ngettext("The force it serves", "The %(num)d forces it serves", n)
            for n in (8, 11, 22)
        }
    # "Y 8" and "Y 11" would need "Yr": the number comes after the noun instead.
    assert headings[8] == "Yr heddluoedd y mae'n eu gwasanaethu (8)"
    assert headings[11] == "Yr heddluoedd y mae'n eu gwasanaethu (11)"
    assert headings[22] == "Yr heddluoedd y mae'n eu gwasanaethu (22)"


# --------------------------------------------------------------------------- house style
# The Welsh style note in README.md, checked over the catalogue and every `.cy` string.

ROOT = Path(__file__).resolve().parents[1]
HOUSE_STYLE = [
    (r"\b(llu|lu|lluoedd|luoedd)\b", 'a force is "heddlu", forces "heddluoedd"'),
    (r"\bsifft", 'a shift is "shifft"'),
    (r"\bSamaritans\b", 'Samaritans is "y Samariaid"'),
    (r"^(Ffonio|E-bostio|Tecstio)\b", 'buttons say "Ffoniwch", "E-bostiwch", "Tecstiwch"'),
    (
        r"(?i)\b(does dim|doedd|dydy|dyw|dydyn|allwch chi ddim|rydyn ni|ydyn ni)\b",
        'negatives and "we" in the written form: "Nid oes", "Nid yw", "Ni allwch", "Rydym"',
    ),
    (
        r"Police Scotland|Police Service of Northern Ireland|British Transport Police"
        r"|Merseyside Police",
        "these forces have Welsh names (README, Welsh)",
    ),
]


def welsh_texts():
    """Yield (where, text) for every Welsh string: the catalogue, then the content."""
    with PO.open("rb") as file:
        for message in read_po(file):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                if message.id and string:
                    yield f"messages.po {message.id!r}", string
    for path in sorted((ROOT / "wellbeing" / "data").rglob("*.toml")):
        yield from _cy_strings(path.relative_to(ROOT), tomllib.loads(path.read_text("utf-8")))


def _cy_strings(where, value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "cy" and isinstance(item, str):
                yield str(where), item
            else:
                yield from _cy_strings(where, item)
    elif isinstance(value, list):
        for item in value:
            yield from _cy_strings(where, item)


def test_welsh_follows_the_house_style():
    breaches = [
        f"{where}: {rule}: {text!r}"
        for where, text in welsh_texts()
        for pattern, rule in HOUSE_STYLE
        if re.search(pattern, text)
    ]
    assert breaches == []


def test_forces_have_one_welsh_name_everywhere(app):
    content = app.extensions["content"]
    names = {slug: content.forces[slug].name.get("cy")[0] for slug in WELSH_FORCE_NAMES}
    assert names == WELSH_FORCE_NAMES


WELSH_FORCE_NAMES = {
    "police-scotland": "Heddlu'r Alban",
    "psni": "Gwasanaeth Heddlu Gogledd Iwerddon",
    "btp": "Heddlu Trafnidiaeth Prydeinig",
    "merseyside": "Heddlu Glannau Mersi",
    "north-wales": "Heddlu Gogledd Cymru",
    "south-wales": "Heddlu De Cymru",
    "gwent": "Heddlu Gwent",
    "dyfed-powys": "Heddlu Dyfed-Powys",
}
