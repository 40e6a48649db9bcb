"""Tests for the force locator (wellbeing/locator/) and its generated data.

Run on their own with ``pytest --noconftest tests/test_locator.py``: nothing here uses conftest fixtures.
Expected answers live in tests/data/locator_cases.toml and were written from locator-data.md
and general knowledge, not read back from the generated tables.
"""

import math
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing import locator
from wellbeing.locator import TERRITORIAL_FORCES, Result, edit_distance, parse_point

LOCATOR = locator.load()
locate, locate_point = LOCATOR.locate, LOCATOR.locate_point

CASES_FILE = Path(__file__).parent / "data" / "locator_cases.toml"
CASES = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
STATUSES = {"found", "ambiguous", "not_found", "invalid"}


def run_case(case: dict) -> Result:
    """Answer one case: 'point' cases are 'lat,lng' strings, everything else a query."""
    if case["kind"] == "point":
        lat, _, lng = case["q"].partition(",")
        parsed = parse_point(lat, lng)
        return parsed if isinstance(parsed, Result) else locate_point(*parsed)
    return locate(case["q"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}:{c['q'][:40]}" for c in CASES])
def test_case(case):
    result = run_case(case)
    assert result.status == case["status"], result
    expected = case["forces"]
    if case["status"] == "ambiguous":
        assert set(result.forces) == set(expected), result
        assert result.forces[0] == expected[0], result
    else:
        assert list(result.forces) == expected, result


def test_case_file_is_big_enough_and_covers_every_force():
    assert len(CASES) >= 200
    answers = [f for c in CASES if c["status"] in ("found", "ambiguous") for f in c["forces"]]
    for slug in TERRITORIAL_FORCES:
        assert answers.count(slug) >= 2, (
            f"{slug} appears {answers.count(slug)} times as an expected answer"
        )
    assert len(TERRITORIAL_FORCES) == 45
    for c in CASES:
        assert c["status"] in STATUSES, c


def test_every_force_found_by_postcode_and_by_place():
    by_kind = {"postcode": set(), "place": set()}
    for c in CASES:
        if c["status"] == "found":
            group = "postcode" if c["kind"] in ("postcode", "partial") else "place"
            by_kind[group].update(c["forces"])
    for slug in TERRITORIAL_FORCES:
        assert slug in by_kind["postcode"], f"no postcode case for {slug}"
        assert slug in by_kind["place"], f"no place case for {slug}"


# ---- result shape -----------------------------------------------------------


def test_result_invariants_hold_for_every_case():
    for case in CASES:
        r = run_case(case)
        assert r.status in STATUSES
        if r.status == "found":
            assert len(r.forces) == 1
        elif r.status == "ambiguous":
            assert len(r.forces) >= 2 and len(set(r.forces)) == len(r.forces)
        else:
            assert r.forces == ()
        assert r.reason, r


def test_national_forces_only_answer_their_own_name():
    for case in CASES:
        if case["kind"] != "force":
            r = run_case(case)
            assert not set(r.forces) & set(locator.NATIONAL_FORCES), (case, r)
    assert locate("BTP").forces == ("btp",)


def test_to_dict_is_json_ready():
    d = locate("Newport").to_dict()
    assert d["status"] == "ambiguous"
    assert isinstance(d["forces"], list) and isinstance(d["qualifiers"], list)
    assert len(d["qualifiers"]) == len(d["forces"])
    assert {"status", "forces", "reason", "kind", "matched", "qualifiers"} <= set(d)


def test_result_is_frozen():
    r = locate("Cardiff")
    with pytest.raises(AttributeError):
        r.status = "invalid"


# ---- reasons and kinds ------------------------------------------------------


@pytest.mark.parametrize(
    "query, reason, kind",
    [
        ("", "empty", ""),
        ("x" * 101, "too_long", ""),
        ("Leeds\x07", "bad_characters", ""),
        ("GY1 1AA", "postcode", "postcode"),
        ("GY1", "postcode", "outcode"),
        ("JE", "postcode", "area"),
        ("CA", "mostly", "area"),
        ("AL3", "mostly", "outcode"),
        ("TD", "partial_postcode_mixed", "area"),
        ("AB1 0AA", "terminated", "postcode"),
        ("B45 0AG", "terminated_mixed", "postcode"),
        ("Leeds, Kent", "qualifier_unmatched", "place"),
        ("BX1 1LT", "non_geographic", "postcode"),
        ("GIR 0AA", "non_geographic", "postcode"),
        ("CH4", "partial_postcode_mixed", "outcode"),
        ("CH4 8", "partial_postcode_mixed", "sector"),
        ("CH4 7", "postcode", "sector"),
        ("SW1A 1AA", "postcode", "postcode"),
        ("Gillingham", "place_ambiguous", "place"),
        ("London", "place_split", "place"),
        ("Cardiff", "place", "place"),
        ("Manchster", "place_fuzzy", "place"),
        ("Gwent Police", "force", "force"),
        ("Dublin", "outside_uk", "place"),
        ("Jersey", "place", "place"),
        ("EC1P 1AA", "po_box", "postcode"),
    ],
)
def test_reason_codes(query, reason, kind):
    r = locate(query)
    assert (r.reason, r.kind) == (reason, kind), r


def test_matched_names_support_did_you_mean():
    assert locate("Middlesborough").matched == "Middlesbrough"
    assert locate("Manchster").matched == "Manchester"
    assert locate("sw1a1aa").matched == "SW1A 1AA"
    assert locate("ch4 7").matched == "CH4 7"


def test_unknown_unit_in_a_split_sector_follows_the_area_rule():
    # CH4 8 is split between Cheshire and North Wales; 'ZZ' is not a valid unit.
    r = locate("CH4 8ZZ")
    assert (r.status, r.reason) == ("ambiguous", "unknown_postcode_mixed")
    assert set(r.forces) == {"cheshire", "north-wales"}


def test_a_postcode_in_a_sector_no_longer_in_use_is_never_presented_as_exact():
    # AB1 was re-coded to AB10-AB16 long ago; CF10 9 has never had a live postcode.
    for q in ("AB1 0AA", "CF10 9ZZ"):
        assert locate(q).reason in ("terminated", "approximate", "unrecognised"), q


def _rule_holds(counts, result):
    total = sum(n for _, n in counts)
    share = {TERRITORIAL_FORCES[f]: n / total for f, n in counts}
    if result.status == "found":
        return 1 - share[result.forces[0]] <= 0.02 + 1e-9
    listed = [s for s in share if share[s] >= 0.01]
    shares = [share[s] for s in result.forces]
    return set(listed) <= set(result.forces) and shares == sorted(shares, reverse=True)


def test_every_split_area_district_and_sector_follows_the_one_honesty_rule():
    tables = LOCATOR.postcodes
    checked = 0
    for key, counts in [*tables.mixed.items(), *tables.areas.items()]:
        r = locate(key)
        assert r.status in ("found", "ambiguous") and _rule_holds(counts, r), (key, counts, r)
        checked += 1
    assert checked > 1300  # 488 districts, 758 sectors, about 90 areas


def test_a_qualifier_that_does_not_match_is_named_never_dropped():
    r = locate("Leeds,  Kent")
    assert (r.status, r.reason, r.matched) == ("not_found", "qualifier_unmatched", "Kent")
    assert locate("Springfield, Illinois").status == "not_found"


NOT_PLACES = [
    line
    for line in (Path(__file__).parent / "data" / "locator_not_places.txt").read_text().splitlines()
    if line and not line.startswith("#")
]


def test_english_words_that_are_no_place_are_never_found():
    assert len(NOT_PLACES) >= 300
    found = {w: locate(w).matched for w in NOT_PLACES if locate(w).status == "found"}
    assert not found


def test_ambiguous_places_carry_qualifiers():
    r = locate("Newport")
    assert dict(zip(r.forces, r.qualifiers, strict=True))["gwent"] == "Gwent"
    assert dict(zip(r.forces, r.qualifiers, strict=True))["hampshire"] == "Isle of Wight"


def test_partial_postcode_candidates_are_most_likely_first():
    assert locate("CH4").forces[0] == "cheshire"  # 475 v 438 postcodes
    assert locate("TD15").forces[0] == "northumbria"  # Berwick


# ---- normalisation ----------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Dùn Èideann", "dun eideann"),
        ("King's Lynn", "kings lynn"),
        ("Stoke-on-Trent", "stoke on trent"),
        ("  ST. ALBANS ", "st albans"),
        ("Saint Albans", "st albans"),
        ("Brighton & Hove", "brighton and hove"),
        ("The Wirral", "wirral"),
        ("Béal Feirste", "beal feirste"),
    ],
)
def test_normalise_name(raw, expected):
    assert locator.normalise_name(raw) == expected


def test_normalise_postcode():
    assert locator.normalise_postcode(" sw1a   1aa ") == "SW1A1AA"
    assert locator.format_postcode("SW1A1AA") == "SW1A 1AA"
    assert locator.format_postcode("M11AE") == "M1 1AE"


def test_postcode_variants_agree():
    answers = {locate(q) for q in ("SW1A 1AA", "sw1a1aa", " SW1A  1AA ", "Sw1A 1aA")}
    assert len(answers) == 1


# ---- invalid input ----------------------------------------------------------


@pytest.mark.parametrize(
    "lat, lng",
    [
        ("nan", "0"),
        ("0", "inf"),
        ("91", "0"),
        ("0", "181"),
        ("1e400", "0"),
        ("", "1"),
        ("1", None),
        ("12.5.6", "1"),
        ("0x10", "1"),
        ("٣", "1"),
        ("1" * 30, "1"),
    ],
)
def test_parse_point_rejects_bad_coordinates(lat, lng):
    r = parse_point(lat, lng)
    assert isinstance(r, Result) and r.status == "invalid"


def test_parse_point_accepts_good_coordinates():
    assert parse_point(" 51.5 ", "-0.12") == (51.5, -0.12)
    assert parse_point("-33", "151") == (-33.0, 151.0)


@pytest.mark.parametrize(
    "lat, lng", [(math.nan, 0.0), (0.0, math.inf), (100.0, 0.0), (0.0, -200.0), ("x", 1)]
)
def test_locate_point_rejects_bad_floats(lat, lng):
    assert locate_point(lat, lng).status == "invalid"


@pytest.mark.parametrize(
    "query",
    [
        None,
        42,
        "\x00",
        "a" * 1000,
        "🙂" * 30,
        "%" * 99,
        "\u202e" + "ffidraC",
        "CH4 " * 20,
        "A1",
        "1",
        "A",
        "ZZ",
        "BT",
        "E",
        "BT0 0AA",
        "W1A",
        ",",
        ", Kent",
        "Newport,",
        ",,,",
        "SW1A 1AA SW1A 1AA",
    ],
)
def test_bad_input_never_raises(query):
    r = locate(query)
    assert r.status in STATUSES


# ---- data files -------------------------------------------------------------


def test_generated_files_exist_and_info_has_a_version():
    info = LOCATOR.info()
    assert info["version"].startswith("ONSPD-")
    assert any("Open Government Licence" in line for line in info["attribution"])
    assert any("GeoNames" in line for line in info["attribution"])
    for name in ("postcodes.json", "grid.json", "places.json", "aliases.toml"):
        assert name in info["files"], name
        assert 0 < info["files"][name]["gzip_bytes"] < info["files"][name]["bytes"]
    assert sum(f["gzip_bytes"] for f in info["files"].values()) < 1_000_000


def test_no_northern_ireland_unit_postcodes_are_shipped():
    text = (locator.DATA_DIR / "postcodes.json").read_text(encoding="utf-8")
    assert '"BT1 ' not in text.split('"units"')[1]


# ---- speed ------------------------------------------------------------------


def _full_distance(a: str, b: str) -> int:
    """The textbook optimal-string-alignment table, for checking the banded one."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@given(st.text("abcd", max_size=9), st.text("abcd", max_size=9), st.integers(0, 2))
def test_banded_edit_distance_agrees_with_the_full_table(a, b, limit):
    assert edit_distance(a, b, limit) == min(_full_distance(a, b), limit + 1)


# ---- failures ---------------------------------------------------------------


def test_an_unexpected_exception_is_counted_and_logged_without_the_query(monkeypatch, caplog):
    def broken(query):
        raise KeyError(query)  # a message that quotes the query, as a KeyError does

    monkeypatch.setattr(LOCATOR.places, "locate", broken)
    before = LOCATOR.failures
    result = locate("Secret Lane, Cardiff")
    assert (result.status, result.reason) == ("not_found", "error")
    assert LOCATOR.failures == before + 1
    assert "KeyError" in caplog.text and "lookup.py" in caplog.text
    assert "Secret" not in caplog.text and "Cardiff" not in caplog.text


def test_an_unexpected_exception_on_a_location_logs_no_coordinates(monkeypatch, caplog):
    def broken(east, north):
        raise ZeroDivisionError(f"{east} {north}")

    monkeypatch.setattr(LOCATOR.grid, "locate", broken)
    before = LOCATOR.failures
    assert locate_point(51.4816, -3.1791).reason == "error"
    assert LOCATOR.failures == before + 1
    assert "ZeroDivisionError" in caplog.text
    assert not re.search(r"\d{3,}\.\d", caplog.text) and "51.48" not in caplog.text
