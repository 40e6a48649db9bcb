"""Tests for the content loader, validator, hours, phones, search and ORUK export.

Pure tests: no Flask app and no conftest fixtures (run with ``--noconftest``).
"""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from wellbeing.content import (
    LONDON,
    Content,
    ContentError,
    Hours,
    Text,
    check,
    format_phone,
    issues,
    load_content,
)
from wellbeing.content.schema import ServiceIn
from wellbeing.crisis import REQUIRED_SERVICES

DATA = Path(__file__).resolve().parent.parent / "wellbeing" / "data"
FIXTURES = Path(__file__).resolve().parent / "data" / "content"
SHARED_FORCES = Path("/work/shared/facts/forces.yaml")  # absent in CI: the cross-check then skips

# The slugs in shared/facts/forces.yaml, copied so CI can check them without the file.
FORCE_SLUGS = {
    # England: 39
    "avon-and-somerset", "bedfordshire", "cambridgeshire", "cheshire", "city-of-london",
    "cleveland", "cumbria", "derbyshire", "devon-and-cornwall", "dorset", "durham", "essex",
    "gloucestershire", "greater-manchester", "hampshire", "hertfordshire", "humberside", "kent",
    "lancashire", "leicestershire", "lincolnshire", "merseyside", "metropolitan", "norfolk",
    "north-yorkshire", "northamptonshire", "northumbria", "nottinghamshire", "south-yorkshire",
    "staffordshire", "suffolk", "surrey", "sussex", "thames-valley", "warwickshire",
    "west-mercia", "west-midlands", "west-yorkshire", "wiltshire",
    # Wales: 4
    "dyfed-powys", "gwent", "north-wales", "south-wales",
    # Scotland, Northern Ireland, national forces, Crown Dependencies
    "police-scotland", "psni", "btp", "civil-nuclear-constabulary", "ministry-of-defence-police",
    "states-of-jersey-police", "guernsey-police", "isle-of-man-constabulary",
}  # fmt: skip

# Every phone number and short code the shipped data uses, with where it comes from in
# shared/facts/domain-facts.md. A new number must be added here, with its source, on purpose.
PHONE_ALLOW_LIST = {
    "03001312789": "s1 'Number': Notts PF page 23 Jul 2025 (verified) - policing crisis line",
    "999": "s3 table row '999' (verified)",
    "116123": "s3 table row 'Samaritans': samaritans.org contact page (verified)",
    "85258": "s3 table row 'Shout 85258': giveusashout.org FAQ (verified), keyword SHOUT",
    "111": "s3 rows 'NHS 111 ... (England)', 'NHS 111 press 2 (Wales)', 'Scotland: NHS 24 111'",
    "0800838587": "s3 row 'Scotland: ... Breathing Space' (verified); disabilityequality.scot Aug 2022",
    "08088088000": "s3 row 'Northern Ireland: Lifeline' (verified)",
    "81066": "s3 row 'Wales: C.A.L.L.' - text 'help' to 81066 (verified)",
    "03000120030": "s3 row 'Police Care UK': policecare.org.uk team-recovery-days page (verified)",
    "08081642622": "families-support s7 / audit E21: PFOA support line on the DPF page (likely)",
    # shared/facts/families-support.md s1.5:
    "08082000247": "National Domestic Abuse Helpline (verified; Refuge 2020 and gov.uk, pre-2022)",
    "08088010327": "Men's Advice Line: rated likely (centre56.org.uk); shipped as confidence=likely",
}

# Service ids the call-now lists (wellbeing/data/call_now.toml) name.
IDS_USED_BY_VIEWS = REQUIRED_SERVICES


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(DATA)


def london(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)


# --------------------------------------------------------------------------- shipped data


def test_shipped_dataset_loads_with_enough_services(content):
    assert len(content.services) >= 30
    assert 8 <= len(content.categories) <= 11
    assert IDS_USED_BY_VIEWS <= set(content.services)


def test_every_service_has_source_date_and_welsh(content):
    for svc in content.services.values():
        assert svc.source.startswith("https://"), svc.id
        assert isinstance(svc.dating.source_date, dt.date), svc.id
        assert dt.date(2015, 1, 1) <= svc.dating.source_date <= dt.date.today(), svc.id
        assert svc.name.cy and svc.summary.cy and svc.eligibility.cy, svc.id
        assert svc.contacts, svc.id
        assert svc.category in content.categories


def test_every_force_in_forces_yaml_has_a_file(content):
    assert set(content.forces) == FORCE_SLUGS
    territorial_ew = [
        f
        for f in content.forces.values()
        if f.kind == "territorial" and f.nation in ("england", "wales")
    ]
    assert len(territorial_ew) == 43
    for force in content.forces.values():
        assert force.website.startswith("https://")
        assert force.website_confidence in ("verified", "likely")
        if force.nation == "wales":
            assert force.name.cy and force.name.cy.startswith("Heddlu")
        if force.kind == "crown-dependency":
            assert force.treatment_centre is None and not force.intranet_services
        else:
            assert force.treatment_centre is not None and force.childrens_charity is not None


@pytest.mark.skipif(not SHARED_FORCES.exists(), reason="shared/facts is not available here")
def test_force_slugs_match_shared_forces_yaml():
    text = SHARED_FORCES.read_text(encoding="utf-8")
    assert set(re.findall(r"^\s+slug: (\S+)$", text, re.M)) == FORCE_SLUGS


def test_forces_are_ordered_by_nation_then_name(content):
    forces = list(content.forces.values())
    assert forces[0].slug == "avon-and-somerset"
    assert [f.nation for f in forces].index("wales") == 39
    assert forces[-1].kind == "crown-dependency"


def test_every_phone_number_is_on_the_allow_list(content):
    used = set()
    for svc in content.services.values():
        used |= {c.phone.tel for c in svc.contacts if c.phone}
    for force in content.forces.values():
        used |= {c.phone.tel for c in force.contacts if c.phone}
        used |= {i.phone.tel for i in force.intranet_services if i.phone}
    assert used == set(PHONE_ALLOW_LIST)


def test_key_facts_are_not_overclaimed(content):
    line = content.services["oscar-kilo-crisis-line"]
    assert line.phones[0].phone.display == "0300 131 2789"
    assert line.hours.always and line.crisis
    assert "family" not in line.audiences and line.nations == ("england", "wales")
    # Police Care UK is office hours, not 24/7.
    care = content.services["police-care-uk"]
    assert not care.hours.always
    assert care.hours.summary("en") == "Monday to Friday, 9am to 5pm"
    # No phone number was confirmed for the treatment centres.
    for sid in ("police-treatment-centres", "flint-house", "prrt"):
        assert not content.services[sid].phones, sid
    # C.A.L.L.'s and Mind's numbers rest on one old or undated secondary source: withheld.
    assert not content.services["call-wales"].phones
    assert not content.services["mind-blue-light"].phones
    assert not content.services["mind-blue-light"].crisis
    # The PFOA line rests on one recent secondary source: shipped as "likely", and says so.
    pfoa = content.services["pfoa"].phones[0]
    assert pfoa.confidence == "likely" and "not confirmed" in pfoa.note.en


def test_phone_numbers_follow_the_shipping_rules(content):
    for svc in content.services.values():
        for contact in svc.contacts:
            if contact.kind not in ("phone", "text"):
                continue
            assert contact.confidence in ("verified", "likely"), svc.id
            if contact.confidence == "likely":
                assert contact.note, f"{svc.id}: a 'likely' number must say so on its card"
            if svc.dating.source_date.year < 2022 and not svc.dating.source_undated:
                # A helpline whose sources all predate 2022 needs two independent sources.
                assert svc.other_sources, f"{svc.id}: {contact.value} rests on one pre-2022 source"


def test_treatment_centre_and_charity_links(content):
    f = content.forces
    assert f["north-wales"].treatment_centre.service == "police-treatment-centres"
    assert f["north-wales"].treatment_centre.confidence == "verified"
    assert f["west-yorkshire"].treatment_centre.confidence == "verified"
    assert f["kent"].treatment_centre.service == "flint-house"
    assert f["kent"].treatment_centre.confidence == "verified"  # its benevolent fund includes it
    assert f["gwent"].treatment_centre.confidence == "unknown"  # no source names Gwent
    assert f["leicestershire"].treatment_centre.service is None
    assert f["leicestershire"].treatment_centre.confidence == "unknown"
    assert f["psni"].childrens_charity.service == "prrt"
    assert f["police-scotland"].childrens_charity.service == "police-childrens-charity"
    assert f["south-wales"].childrens_charity.service == "police-childrens-fund"
    assert all(
        link.confidence != "verified" or link.service
        for force in f.values()
        for link in (force.treatment_centre, force.childrens_charity)
        if link
    )


def test_intranet_services_are_shared_and_have_no_numbers(content):
    kent = content.forces["kent"]
    keys = [s.key for s in kent.intranet_services]
    assert keys == [
        "occupational-health", "employee-assistance", "trim", "peer-support", "chaplaincy",
        "wellbeing-team",
    ]  # fmt: skip
    assert all(
        s.phone is None and s.url is None
        for f in content.forces.values()
        for s in f.intranet_services
    )
    scotland = {s.key: s for s in content.forces["police-scotland"].intranet_services}
    assert scotland["peer-support"].name.en == "Wellbeing Champions"
    assert scotland["trim"].name.en == kent.intranet_services[2].name.en  # not overridden


# --------------------------------------------------------------------------- bad files


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_fixture_loads(data_copy):
    content = load_content(data_copy)
    assert list(content.services) == ["test-line", "test-fund"]


BAD_FILES = [
    pytest.param(
        "services/crisis.toml",
        'eligibility.en = "Anyone."\n',
        "",
        "services/crisis.toml: service 'test-line': field 'eligibility': missing required field",
        id="missing-field",
    ),
    pytest.param(
        "services/crisis.toml",
        'summary.en = "A test crisis line."',
        'sumary.en = "A test crisis line."',
        "services/crisis.toml: service 'test-line': "
        "field 'sumary': unknown field (did you mean 'summary'?)",
        id="unknown-field",
    ),
    pytest.param(
        "services/money.toml",
        "source_date = 2026-11-27",
        'source_date = "27/11/2026"',
        "services/money.toml: service 'test-fund': "
        "field 'source_date': expected a date like 2025-07-23",
        id="bad-date",
    ),
    pytest.param(
        "services/money.toml",
        "source_date = 2026-11-27",
        'source_date = 2026-11-27\nchecked = {date = 2099-01-01, method = "website"}',
        "services/money.toml: service 'test-fund': field 'checked.date': 2099-01-01 is in the future",
        id="check-in-the-future",
    ),
    pytest.param(
        "services/money.toml",
        "source_date = 2026-11-27",
        'source_date = 2026-11-27\nchecked = {date = 2026-11-01, method = "email"}',
        "services/money.toml: service 'test-fund': field 'checked.method': "
        "'email' is not one of: website, phone, provider",
        id="check-method",
    ),
    pytest.param(
        "services/crisis.toml",
        '"020 7946 0123"',
        '"020 7946 012"',
        "services/crisis.toml: service 'test-line': "
        "field 'contacts[0].value': '020 7946 012' is not a valid UK phone number",
        id="bad-phone",
    ),
    pytest.param(
        "services/crisis.toml",
        'value = "020 7946 0123"',
        'value = "85258"',
        "field 'contacts[0].value': '85258' takes texts only",
        id="sms-only-code-as-phone",
    ),
    pytest.param(
        "services/crisis.toml",
        'audiences = ["officer", "staff"]',
        'audiences = ["officer", "staf"]',
        "services/crisis.toml: service 'test-line': "
        "field 'audiences': 'staf' is not one of: officer, staff",
        id="bad-enum",
    ),
    pytest.param(
        "services/money.toml",
        'id = "test-fund"',
        'id = "test-line"',
        "services/money.toml: service 'test-line': "
        "field 'id': duplicate id (also in services/crisis.toml)",
        id="duplicate-id",
    ),
    pytest.param(
        "forces/test-force.toml",
        'service = "test-fund"',
        'service = "no-such-service"',
        "forces/test-force.toml: force 'test-force': "
        "field 'treatment_centre.service': unknown service 'no-such-service'",
        id="bad-reference-force",
    ),
    pytest.param(
        "services/money.toml",
        'category = "money"',
        'category = "monies"',
        "services/money.toml: service 'test-fund': field 'category': unknown category 'monies'",
        id="bad-reference-category",
    ),
    pytest.param(
        "services/money.toml",
        'welsh = "no"',
        'welsh = "no',
        "services/money.toml: TOML syntax error",
        id="toml-syntax",
    ),
    pytest.param(
        "services/money.toml",
        'source = "https://example.org/fund"',
        'source = "http://example.org/fund"',
        "services/money.toml: service 'test-fund': field 'source': expected an https:// URL",
        id="not-https",
    ),
    pytest.param(
        "services/money.toml",
        'hours.mon = ["09:00-17:00"]',
        'hours.mon = ["9-5"]',
        "services/money.toml: service 'test-fund': "
        "field 'hours.mon': expected a time range like \"09:00-17:00\"",
        id="bad-hours",
    ),
    pytest.param(
        "services/money.toml",
        'hours.mon = ["09:00-17:00"]',
        'hours.mon = ["09:00-17:00"]\nhours.always = true',
        "field 'hours': give either always = true or day ranges, not both",
        id="hours-both",
    ),
    pytest.param(
        "services/money.toml",
        'kind = "web"\nvalue = "https://example.org/fund"',
        'kind = "text"\nvalue = "85258"',
        "field 'contacts[0].keyword': a text contact needs the word to send",
        id="text-without-keyword",
    ),
    pytest.param(
        "forces/test-force.toml",
        'intranet_services = ["occupational-health"]',
        'intranet_services = ["occupational-health"]\n'
        'intranet.occupational-health.phone = "020 7946 0123"',
        "forces/test-force.toml: force 'test-force': field 'intranet.occupational-health.phone': "
        "intranet phone numbers and links may only come from a deployer's data directory",
        id="shipped-intranet-phone",
    ),
    pytest.param(
        "forces/test-force.toml",
        'slug = "test-force"',
        'slug = "other-force"',
        "forces/test-force.toml: force 'other-force': "
        "field 'slug': the file must be named other-force.toml",
        id="force-file-name",
    ),
    pytest.param(
        "forces/test-force.toml",
        'nation = "wales"',
        'nation = "cymru"',
        "forces/test-force.toml: force 'test-force': field 'nation': 'cymru' is not one of",
        id="bad-force-nation",
    ),
    pytest.param(
        "services/crisis.toml",
        'kind = "phone"',
        'kinds = "phone"',
        "field 'contacts[0].kinds': unknown field (did you mean 'kind'?)",
        id="unknown-nested-field",
    ),
    pytest.param(
        "services/crisis.toml",
        'kind = "phone"',
        'kind = "phone"\nkeyword = "HELP"',
        "field 'contacts[0].keyword': only text contacts take a keyword",
        id="keyword-on-a-phone",
    ),
    pytest.param(
        "services/money.toml",
        'kind = "web"\nvalue = "https://example.org/fund"',
        'kind = "email"\nvalue = "fund at example.org"',
        "field 'contacts[0].value': 'fund at example.org' is not an email address",
        id="bad-email",
    ),
    pytest.param(
        "services/money.toml",
        'name.en = "Test fund"',
        "name = 3",
        "service 'test-fund': field 'name': expected text, or a table with 'en' and optional 'cy'",
        id="text-not-text",
    ),
    pytest.param(
        "services/crisis.toml",
        "crisis = true",
        'crisis = "yes"',
        "service 'test-line': field 'crisis': expected true or false",
        id="not-a-boolean",
    ),
    pytest.param(
        "forces/test-force.toml",
        'confidence = "likely"\nnote.en = "Probably."',
        'confidence = "unknown"\nnote.en = "Probably."',
        "field 'treatment_centre.service': an 'unknown' link must not name a service",
        id="unknown-link-with-service",
    ),
    pytest.param(
        "forces/test-force.toml",
        'intranet_services = ["occupational-health"]',
        'intranet_services = ["occupational-health"]\nintranet.trim.name = "TRiM"',
        "field 'intranet.trim': override for a service not listed in intranet_services",
        id="override-not-listed",
    ),
    pytest.param(
        "forces/test-force.toml",
        'intranet_services = ["occupational-health"]',
        'intranet_services = ["trim"]',
        "field 'intranet_services': 'trim' is not described in intranet_services.toml",
        id="intranet-key-not-described",
    ),
    pytest.param(
        "forces/test-force.toml",
        'note.en = "Probably."',
        'note.en = "Probably."\n[[funds]]\nconfidence = "verified"\n'
        'source = "https://example.org/f"\nsource_date = 2025-01-01',
        "field 'funds[0].name': a fund needs a name or a service",
        id="fund-without-a-name",
    ),
    pytest.param(
        "categories.toml",
        "[[category]]",
        "[[categories]]",
        "categories.toml: unknown top-level key 'categories'; expected [[category]] tables",
        id="top-level-key",
    ),
]


@pytest.mark.parametrize(("rel", "old", "new", "message"), BAD_FILES)
def test_bad_file_names_file_entry_and_field(data_copy, rel, old, new, message):
    edit(data_copy, rel, old, new)
    with pytest.raises(ContentError) as info:
        load_content(data_copy)
    assert message in str(info.value)


def test_every_mistake_in_a_file_is_reported_at_once(data_copy):
    # Five mistakes; the misspelt field is also a missing one: six lines.
    for old, new in [
        ('category = "crisis"', 'category = "Crisis"'),
        ('audiences = ["officer", "staff"]', 'audiences = ["officers"]'),
        ("source_date = 2025-07-23", 'source_date = "23 July 2025"'),
        ('summary.en = "A test crisis line."', 'sumary.en = "A test crisis line."'),
        ('value = "020 7946 0123"', 'value = "0800 FLOWERS"'),
    ]:
        edit(data_copy, "services/crisis.toml", old, new)
    with pytest.raises(ContentError) as info:
        load_content(data_copy)
    where = "services/crisis.toml: service 'test-line': field"
    assert sorted(info.value.problems) == [
        f"{where} 'audiences': 'officers' is not one of: officer, staff, volunteer, family, retired",
        f"{where} 'category': expected lower-case letters, digits and single hyphens",
        f"{where} 'contacts[0].value': '0800 FLOWERS': only digits, spaces and a leading + may be used",
        f"{where} 'source_date': expected a date like 2025-07-23",
        f"{where} 'sumary': unknown field (did you mean 'summary'?); allowed: "
        + ", ".join(sorted(ServiceIn.model_fields)),
        f"{where} 'summary.en': missing required field",  # summary.cy is still there
    ]
    assert str(info.value) == "\n".join(info.value.problems)


CALL_NOW = """
error_page = ["test-line"]
anyone = ["test-line"]
[lists]
england = ["test-line"]
wales = ["test-line", "no-such-line"]
scotland = ["test-line"]
northern-ireland = ["test-line"]
great-britain = ["test-line"]
united-kingdom = ["test-line"]
crown-dependency = ["test-line"]
[urgent]
england = "test-line"
wales = "test-line"
scotland = "test-line"
northern-ireland = "test-line"
"""


def test_a_call_now_list_naming_a_missing_service_fails_the_load(data_copy):
    (data_copy / "call_now.toml").write_text(CALL_NOW, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(data_copy)
    assert info.value.problems == [
        "call_now.toml: field 'lists.wales': unknown service 'no-such-line'"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('crown-dependency = ["test-line"]\n', "", "field 'lists.crown-dependency': missing"),
        ("[lists]", "[lists]\nwales-and-england = []", "'wales-and-england' is not one of"),
        ('error_page = ["test-line"]', "error_page = []", "field 'error_page': expected at least"),
    ],
)
def test_a_call_now_file_is_validated(data_copy, old, new, message):
    (data_copy / "call_now.toml").write_text(
        CALL_NOW.replace('"no-such-line"', '"test-line"').replace(old, new), encoding="utf-8"
    )
    with pytest.raises(ContentError, match=re.escape(message)):
        load_content(data_copy)


def test_missing_directory_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="content directory not found"):
        load_content(tmp_path / "nope")


# --------------------------------------------------------------------------- deployer overrides


def test_deployer_dir_overrides_whole_entries_and_adds_new_ones(data_copy):
    content = load_content(data_copy, FIXTURES / "extra")
    fund = content.services["test-fund"]
    assert fund.name.en == "Test fund (deployer's version)"
    assert fund.hours is None  # whole-entry replacement: nothing is merged from the shipped entry
    assert fund.audiences == ("family", "retired")
    eap = content.services["test-force-eap"]
    assert eap.forces == ("test-force",)
    assert eap.phones[0].phone.display == "0808 157 0123"
    force = content.forces["test-force"]
    assert force.website_confidence == "verified"
    oh = force.intranet_services[0]
    assert oh.phone.display == "0113 496 0123" and oh.url == "https://intranet.test.police.uk/oh"
    assert oh.purpose.en == "Your force's health service."  # shared text kept
    ids = [s.id for s in content.services_for_force("test-force")]
    assert ids == ["test-line", "test-force-eap"]  # national for Wales, then the force's own


def test_deployer_errors_name_the_full_path(data_copy, tmp_path):
    extra = tmp_path / "extra"
    shutil.copytree(FIXTURES / "extra", extra)
    edit(extra, "services/local.toml", 'welsh = "yes"', 'welsh = "maybe"')
    with pytest.raises(ContentError) as info:
        load_content(data_copy, extra)
    assert str(info.value).startswith(str(extra / "services" / "local.toml"))
    assert "service 'test-force-eap': field 'welsh'" in str(info.value)


def test_an_overlay_that_is_not_utf8_names_the_file(data_copy, tmp_path):
    extra = tmp_path / "extra"
    shutil.copytree(FIXTURES / "extra", extra)
    path = extra / "services" / "local.toml"
    path.write_bytes(path.read_bytes().replace(b'welsh = "yes"', b'welsh = "\xff\xfe"'))
    with pytest.raises(ContentError) as info:
        load_content(data_copy, extra)
    assert str(info.value).startswith(str(path) + ": not UTF-8 text")


def test_deployer_service_for_unknown_force_is_an_error(data_copy, tmp_path):
    extra = tmp_path / "extra"
    shutil.copytree(FIXTURES / "extra", extra)
    edit(extra, "services/local.toml", 'forces = ["test-force"]', 'forces = ["nowhere"]')
    with pytest.raises(ContentError, match="field 'forces': unknown force 'nowhere'"):
        load_content(data_copy, extra)


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("raw", "display", "tel"),
    [
        ("0300 131 2789", "0300 131 2789", "03001312789"),
        ("03001312789", "0300 131 2789", "03001312789"),
        ("+44 300 131 2789", "0300 131 2789", "03001312789"),
        ("0300-131-2789", "0300 131 2789", "03001312789"),
        ("116 123", "116 123", "116123"),
        ("116123", "116 123", "116123"),
        ("999", "999", "999"),
        ("111", "111", "111"),
        ("0800 83 85 87", "0800 83 85 87", "0800838587"),  # publisher's grouping kept
        ("0800838587", "0800 838587", "0800838587"),
        ("0808 808 8000", "0808 808 8000", "08088088000"),
        ("0800 132 737", "0800 132 737", "0800132737"),
        ("020 7946 0123", "020 7946 0123", "02079460123"),
        # An extension stays an extension: shown as "ext.", dialled per RFC 3966.
        ("020 7946 0123 ext. 1234", "020 7946 0123 ext. 1234", "+442079460123;ext=1234"),
        ("020 7946 0123 x1234", "020 7946 0123 ext. 1234", "+442079460123;ext=1234"),
        ("020 7946 0123, extension 12", "020 7946 0123 ext. 12", "+442079460123;ext=12"),
    ],
)
def test_format_phone(raw, display, tel):
    phone = format_phone(raw)
    assert (phone.display, phone.tel) == (display, tel)


def test_sms_short_codes_are_marked_text_only():
    assert format_phone("85258").sms_only and format_phone("81066").sms_only
    assert not format_phone("116 123").sms_only
    assert format_phone("999").short_code


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "abc",
        "12345",
        "0300 131 278",
        "+1 202 555 0100",
        "0800 83 85 8",
        "112233",
        "0800 FLOWERS",  # letters: would show one thing and dial another
        "0300 131 2789 option 2",
        "02079460123ext",
        "999 ext. 1",
    ],
)
def test_format_phone_rejects_invalid(raw):
    with pytest.raises(ValueError):
        format_phone(raw)


def test_contact_links(content):
    shout = content.services["shout"].contacts[0]
    assert shout.href == "sms:85258?body=SHOUT"
    assert content.services["samaritans"].contacts[0].href == "tel:116123"
    assert content.services["samaritans"].contacts[1].href == "mailto:jo@samaritans.org"


# --------------------------------------------------------------------------- hours

WEEKDAYS_9_TO_5 = Hours(days={d: ((540, 1020),) for d in range(5)})


def test_always_open():
    hours = Hours(always=True)
    assert hours.is_open(london(2025, 12, 25, 3, 0))
    assert hours.next_opening(london(2025, 12, 25, 3, 0)) is None
    assert hours.summary("en") == "24 hours a day, 7 days a week"
    assert hours.summary("cy") == "24 awr y dydd, 7 diwrnod yr wythnos"
    assert hours.to_json() == {"tz": "Europe/London", "always": True}


def test_weekday_service_closed_on_saturday_opens_monday_9am():
    saturday = london(2025, 7, 5, 12, 0)
    assert not WEEKDAYS_9_TO_5.is_open(saturday)
    opening = WEEKDAYS_9_TO_5.next_opening(saturday)
    assert opening == london(2025, 7, 7, 9, 0)
    assert opening.weekday() == 0 and opening.tzinfo is LONDON
    assert WEEKDAYS_9_TO_5.is_open(london(2025, 7, 7, 9, 0))
    assert not WEEKDAYS_9_TO_5.is_open(london(2025, 7, 7, 17, 0))  # closing time is exclusive
    assert WEEKDAYS_9_TO_5.next_opening(london(2025, 7, 7, 10, 0)) is None  # open now
    assert WEEKDAYS_9_TO_5.next_closing(london(2025, 7, 7, 10, 0)) == london(2025, 7, 7, 17, 0)
    assert WEEKDAYS_9_TO_5.next_opening(london(2025, 7, 7, 18, 0)) == london(2025, 7, 8, 9, 0)


def test_weekday_summary_in_english_and_welsh():
    assert WEEKDAYS_9_TO_5.summary("en") == "Monday to Friday, 9am to 5pm"
    assert WEEKDAYS_9_TO_5.summary("cy") == "Dydd Llun i ddydd Gwener, 9yb i 5yh"


def test_overnight_and_weekend_ranges(content):
    hours = content.services["breathing-space"].hours  # Mon-Thu 18:00-02:00, Fri 18:00 to Mon 06:00
    assert hours.is_open(london(2025, 7, 8, 1, 30))  # Tue 01:30, from Monday night
    assert not hours.is_open(london(2025, 7, 8, 2, 0))
    assert not hours.is_open(london(2025, 7, 8, 12, 0))
    assert hours.next_opening(london(2025, 7, 8, 12, 0)) == london(2025, 7, 8, 18, 0)
    assert hours.is_open(london(2025, 7, 5, 12, 0))  # Saturday
    assert hours.is_open(london(2025, 7, 7, 5, 59))  # Monday before 6am
    assert not hours.is_open(london(2025, 7, 7, 6, 0))
    assert hours.next_closing(london(2025, 7, 5, 12, 0)) == london(2025, 7, 7, 6, 0)
    assert hours.summary("en") == "Monday to Thursday, 6pm to 2am; Friday 6pm to Monday 6am"
    assert (
        hours.summary("cy") == "Dydd Llun i ddydd Iau, 6yh i 2yb; dydd Gwener 6yh i ddydd Llun 6yb"
    )
    assert hours.note.en.startswith("These are the hours published in August 2022")


def test_overnight_range_on_sunday_wraps_into_monday():
    hours = Hours(days={6: ((22 * 60, 2 * 60),)})  # Sunday 22:00-02:00
    assert hours.is_open(london(2025, 7, 7, 1, 0))  # Monday 01:00
    assert not hours.is_open(london(2025, 7, 7, 2, 0))
    assert hours.summary("en") == "Sunday, 10pm to 2am"
    assert hours.to_json() == {"tz": "Europe/London", "open": [[9960, 10200]]}


def test_europe_london_handles_bst_and_gmt():
    utc = dt.UTC
    # Summer (BST = UTC+1): 08:30 UTC is 09:30 in London.
    assert WEEKDAYS_9_TO_5.is_open(dt.datetime(2025, 7, 7, 8, 30, tzinfo=utc))
    assert not WEEKDAYS_9_TO_5.is_open(dt.datetime(2025, 7, 7, 16, 30, tzinfo=utc))
    # Winter (GMT = UTC): 08:30 UTC is 08:30 in London.
    assert not WEEKDAYS_9_TO_5.is_open(dt.datetime(2025, 1, 6, 8, 30, tzinfo=utc))
    assert WEEKDAYS_9_TO_5.is_open(dt.datetime(2025, 1, 6, 16, 30, tzinfo=utc))
    # Across the clocks going forward (30 Mar 2025): Monday 9am BST is 08:00 UTC.
    opening = WEEKDAYS_9_TO_5.next_opening(dt.datetime(2025, 3, 29, 12, 0, tzinfo=utc))
    assert opening.astimezone(utc) == dt.datetime(2025, 3, 31, 8, 0, tzinfo=utc)
    # A naive datetime is read as London time.
    assert WEEKDAYS_9_TO_5.is_open(dt.datetime(2025, 7, 7, 9, 30))


def test_hours_summary_groups_days_and_split_ranges():
    hours = Hours(
        days={0: ((540, 720), (780, 1020)), 1: ((540, 720), (780, 1020)), 5: ((0, 1440),)}
    )
    assert (
        hours.summary("en") == "Monday and Tuesday, 9am to midday and 1pm to 5pm; Saturday, all day"
    )
    assert hours.summary("cy") == (
        "Dydd Llun a dydd Mawrth, 9yb i hanner dydd ac 1yh i 5yh; dydd Sadwrn, drwy'r dydd"
    )
    assert Hours(days={d: ((0, 1440),) for d in range(7)}).always


@pytest.mark.parametrize(
    ("second_opening", "welsh"),
    [
        (8 * 60, "7yb ac 8yb i"),  # "wyth"
        (11 * 60, "7yb ac 11yb i"),  # "un ar ddeg"
        (13 * 60, "7yb ac 1yh i"),  # "un"
        (13 * 60 + 30, "7yb ac 1:30yh i"),
        (10 * 60, "7yb a 10yb i"),  # "deg"
        (14 * 60, "7yb a 2yh i"),
        (12 * 60, "7yb a hanner dydd i"),
    ],
)
def test_welsh_hours_say_ac_before_a_time_read_with_a_vowel(second_opening, welsh):
    hours = Hours(days={0: ((6 * 60, 7 * 60), (second_opening, second_opening + 60))})
    assert welsh in hours.summary("cy")


# --------------------------------------------------------------------------- Welsh fallback


def test_text_falls_back_to_english_marked_en():
    assert Text("Hello", "Helo").get("cy") == ("Helo", "cy")
    assert Text("Hello", "Helo").get("en") == ("Hello", "en")
    assert Text("Hello").get("cy") == ("Hello", "en")
    assert Text("Hello").get(None) == ("Hello", "en")


def test_plain_string_is_english_only(data_copy):
    content = load_content(data_copy)
    assert content.services["test-fund"].name.get("cy") == ("Test fund", "en")
    assert content.categories["money"].name.get("cy") == ("Money and grants", "en")


# --------------------------------------------------------------------------- search


def ids(services):
    return [s.id for s in services]


def test_search_matches_names_and_ands_words(content):
    assert ids(content.search("Samaritans"))[0] == "samaritans"
    assert "oscar-kilo-crisis-line" in ids(content.search("crisis line"))
    assert content.search("samaritans flint") == []
    assert len(content.search("")) == len(content.services)


def test_search_welsh_and_category_names(content):
    assert "oscar-kilo-crisis-line" in ids(content.search("llinell argyfwng"))
    found = ids(content.search("cwsg"))  # Welsh category name "Cwsg a blinder"
    assert {"sleep-tips-shift-workers", "oscar-kilo-sleep-programme"} <= set(found)


def test_search_ignores_case_accents_and_punctuation(content):
    assert "prrt" in ids(content.search("THERAPIAU"))  # text has "Therapïau"
    assert "prrt" in ids(content.search("therapïau"))
    assert "call-wales" in ids(content.search("c.a.l.l."))
    assert ids(content.search("c.a.l.l. wales")) == ids(content.search("CALL Wales"))
    assert "police-childrens-charity" in ids(content.search("children's"))


def test_search_matches_the_start_of_words(content):
    assert "police-care-uk" in ids(content.search("car"))  # "care"
    part = {s.id for s in content.services.values() if " part" in content._index[s.id]}
    assert part, "the test needs a service whose text contains a word starting 'part'"
    assert not part & set(ids(content.search("art")))


def test_search_filters(content):
    family = ids(content.search(audience="family"))
    assert "samaritans" in family and "oscar-kilo-crisis-line" not in family
    scotland = ids(content.search(nation="scotland"))
    assert "breathing-space" in scotland and "nhs-111-england" not in scotland
    assert ids(content.search(category="treatment")) == ids(content.services_in("treatment"))
    assert ids(content.search("grants", audience="family", category="families"))


def test_search_query_is_bounded(content):
    long_q = "samaritans" + " " * 95 + "nosuchwordanywhere"
    assert "samaritans" in ids(content.search(long_q))  # words after 100 characters are ignored
    assert content.search("x" * 100_000) == []


# --------------------------------------------------------------------------- forces


def test_services_for_force_follow_the_force_nation(content):
    wales = ids(content.services_for_force("north-wales"))
    assert "nhs-111-wales" in wales and "oscar-kilo-crisis-line" in wales
    assert "nhs-111-england" not in wales and "breathing-space" not in wales
    scotland = ids(content.services_for_force("police-scotland"))
    assert "breathing-space" in scotland and "oscar-kilo-crisis-line" not in scotland
    psni = ids(content.services_for_force("psni"))
    assert {"lifeline", "prrt"} <= set(psni) and "oscar-kilo-crisis-line" not in psni
    btp = ids(content.services_for_force("btp"))
    assert "breathing-space" in btp and "lifeline" not in btp
    assert content.services_for_force("states-of-jersey-police") == []
    with pytest.raises(KeyError):
        content.services_for_force("atlantis")


def test_crisis_services_by_nation(content):
    assert ids(content.crisis_services("northern-ireland")) == [
        "emergency-999",
        "samaritans",
        "shout",
        "lifeline",
    ]


# --------------------------------------------------------------------------- checks and export


def test_stale_and_issues(data_copy):
    content = load_content(data_copy)
    today = dt.date(2026, 11, 27)
    assert [s.id for s in content.stale(today)] == ["test-line"]  # verified 2025-07-23
    assert content.stale(today, months=24) == []
    found = [str(i) for i in issues(content, today)]
    assert any("service 'test-line'" in i and "source dated 2025-07-23" in i for i in found)
    assert any("service 'test-fund'" in i and "no Welsh text for 'name'" in i for i in found)
    assert any(i.startswith("info:") and "force 'test-force'" in i for i in found)


def test_check_reports_errors_without_raising(data_copy):
    report = check(data_copy, today=dt.date(2026, 11, 27))
    assert report.ok and report.content is not None and report.warnings
    edit(data_copy, "services/money.toml", 'welsh = "no"', 'welsh = "nope"')
    report = check(data_copy, today=dt.date(2026, 11, 27))
    assert not report.ok and report.content is None
    assert "field 'welsh'" in str(report.errors[0])


def test_shipped_data_has_no_check_errors(content):
    report = check(DATA, today=dt.date(2026, 11, 27))
    assert report.ok
    likely = [
        str(w) for w in report.warnings if "only rated 'likely'" in str(w) and ": phone " in str(w)
    ]
    assert len(likely) == 2  # the PFOA support line and the Men's Advice Line
