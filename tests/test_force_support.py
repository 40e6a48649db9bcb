"""A force's own support: its Federation branch, funds and charities, each from a dated source."""

import re

import pytest

from wellbeing.config import PACKAGE_DIR
from wellbeing.content import ContentError, load_content

from .conftest import check_page, make_app

EXAMPLE = PACKAGE_DIR.parent / "examples" / "force-overlay"
# Audit B9: the 22 forces that contribute to the Police Children's Fund include these six.
B9 = ("cambridgeshire", "leicestershire", "norfolk", "northamptonshire", "suffolk", "warwickshire")
# The North West forces the facts name as Ben Fund members.
NORTH_WEST = ("cheshire", "cumbria", "greater-manchester", "lancashire", "merseyside")


def own_links(force_page) -> set[str]:
    return {a["href"] for a in force_page.select("#own-support ~ .wb-own h3 a, dl#charities a")}


def test_at_least_45_forces_link_to_their_own_federation_or_staff_association(app):
    linked = [
        f.slug
        for f in app.extensions["content"].forces.values()
        if any(s.kind == "federation" and s.url for s in f.own_support)
    ]
    assert len(linked) >= 45


@pytest.mark.parametrize("slug", ["metropolitan", "city-of-london"])
def test_the_met_and_city_show_their_orphans_fund_not_the_police_childrens_fund(page, slug):
    force_page = page(f"/forces/{slug}")
    assert "/services/met-city-police-orphans-fund" in own_links(force_page)
    assert not force_page.select("a[href='/services/police-childrens-fund']")


@pytest.mark.parametrize("slug", B9)
def test_the_contributing_forces_show_the_police_childrens_fund(page, slug):
    assert "/services/police-childrens-fund" in own_links(page(f"/forces/{slug}"))


@pytest.mark.parametrize("slug", NORTH_WEST)
def test_the_north_west_forces_show_the_ben_fund(page, slug):
    assert "/services/north-west-police-benevolent-fund" in own_links(page(f"/forces/{slug}"))


def test_the_ben_fund_is_not_offered_to_other_forces(page):
    assert not page("/forces/kent").select("a[href='/services/north-west-police-benevolent-fund']")


def write_merseyside(data_dir, section: str) -> None:
    """Write a deployer's Merseyside file: the shipped one plus a section."""
    (data_dir / "forces").mkdir(parents=True, exist_ok=True)
    shipped = (PACKAGE_DIR / "data" / "forces" / "merseyside.toml").read_text(encoding="utf-8")
    shipped = re.sub(r"\n\[federation\]\n(?:[^\[\n][^\n]*\n?)*", "\n", shipped)
    (data_dir / "forces" / "merseyside.toml").write_text(shipped + section, encoding="utf-8")


FEDERATION = """
[federation]
url = "https://www.merpolfed.org.uk/"
phone = "0151 259 2535"
confidence = "verified"
source = "https://merpolfedhols.org/enquire-and-stay"
"""


@pytest.mark.parametrize(
    "dating",
    [
        "source_date = 2019-06-01",  # too old
        "source_date = 2026-11-28\nsource_undated = true",  # undated: when was it true?
    ],
)
def test_a_branch_number_needs_a_source_from_2022_or_a_live_check(tmp_path, dating):
    write_merseyside(tmp_path, FEDERATION + dating + "\n")
    with pytest.raises(ContentError, match=r"merseyside.*federation\.phone.*2022"):
        load_content(PACKAGE_DIR / "data", tmp_path)


def test_an_unverified_item_is_refused(tmp_path):
    write_merseyside(
        tmp_path, FEDERATION.replace("verified", "unverified") + "source_date = 2024-01-01\n"
    )
    with pytest.raises(ContentError, match=r"federation\.confidence"):
        load_content(PACKAGE_DIR / "data", tmp_path)


def test_a_checked_branch_number_is_a_working_call_link(tmp_path):
    write_merseyside(
        tmp_path,
        FEDERATION
        + 'source_date = 2026-11-28\nsource_undated = true\nchecked = {date = 2026-11-20, method = "phone"}\n',
    )
    client = make_app({"DATA_DIR": str(tmp_path)}).test_client()
    force_page = check_page(client.get("/forces/merseyside").get_data(as_text=True), "/x")
    call = force_page.select_one("#own-federation a[href^='tel:']")
    assert call["href"] == "tel:01512592535"
    assert "0151 259 2535" in call.get_text()
    assert "Checked by phone, 20 November 2026" in force_page.select_one("#own-federation").text
    api = client.get("/api/v1/forces/merseyside").get_json()
    federation = next(s for s in api["own_support"] if s["kind"] == "federation")
    assert federation["phone"] == {"display": "0151 259 2535", "href": "tel:01512592535"}


def test_the_overlay_example_shows_its_numbers_as_working_call_links():
    client = make_app({"DATA_DIR": str(EXAMPLE)}).test_client()
    force_page = check_page(client.get("/forces/gwent").get_data(as_text=True), "/forces/gwent")
    calls = force_page.select("#your-force ~ ul a[href^='tel:']")
    assert len(calls) == 3
    for call in calls:
        shown = re.sub(r"\D", "", call.get_text())
        assert call["href"] == "tel:" + shown  # dials exactly what it shows
    assert force_page.select_one("a[href='https://intranet.gwent.example/peer-supporters']")


def test_the_overlay_example_keeps_the_shipped_public_data():
    shipped = load_content(PACKAGE_DIR / "data")
    overlaid = load_content(PACKAGE_DIR / "data", EXAMPLE)
    for name in ("own_support", "treatment_centre", "childrens_charity", "dating"):
        assert getattr(overlaid.forces["gwent"], name) == getattr(shipped.forces["gwent"], name)


def test_the_api_carries_the_forces_own_support(client):
    body = client.get("/api/v1/forces/merseyside").get_json()
    kinds = [s["kind"] for s in body["own_support"]]
    assert kinds[0] == "federation"
    assert body["own_support"][0]["url"] == "https://www.merpolfed.org.uk/"
    assert "north-west-police-benevolent-fund" in {s["service"] for s in body["own_support"]}
    assert all(s["phone"] is None for s in body["own_support"])  # no number is recent enough
