"""Report a problem with an entry: the form, its protections and where it is reached from.

One app for the module, with its own database; each test starts with no reports.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wellbeing.rate_limit import RateLimit

from .conftest import check_page, make_app

SERVICE = "/report/service/samaritans"
FORCE = "/report/force/gwent"
SAME_ORIGIN = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
VALID = {"problem": "number", "correction": "The number is now 0300 000 0000."}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app({"REPORTS_DB": str(tmp_path_factory.mktemp("reports") / "reports.sqlite3")})


@pytest.fixture
def store(app):
    store = app.extensions["reports"]
    with store._write() as conn:
        conn.execute("DELETE FROM report")
    return store


@pytest.fixture
def post(client, store):
    """POST the form (same-origin, like a browser) and return the response."""

    def send(url=SERVICE, data=None, headers=None, **environ):
        return client.post(
            url,
            data=VALID if data is None else data,
            headers=SAME_ORIGIN if headers is None else headers,
            environ_base=environ,
        )

    return send


def form_page(response, url):
    """Check an answered POST as a page (strict HTML, one h1, no cookie) and parse it."""
    assert "Set-Cookie" not in response.headers
    return check_page(response.get_data(as_text=True), url)


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_the_form_names_the_entry_and_says_what_is_kept(page, prefix):
    result = page(f"{prefix}{SERVICE}")
    assert ("Y Samariaid" if prefix else "Samaritans") in result.select_one("h1").get_text()
    assert len(result.select('input[type="radio"][name="problem"]')) == 5
    assert result.select_one("textarea#correction")["maxlength"] == "500"
    assert result.select_one("form")["method"] == "post"
    kept = "180 days" if not prefix else "180 diwrnod"
    assert kept in result.text
    # Nothing that asks who the sender is.
    names = {i["name"] for i in result.select("input, textarea")}
    assert names == {"problem", "correction", "from_provider", "website"}


@pytest.mark.parametrize("prefix, thanks", [("", "Thank you"), ("/cy", "Diolch")])
def test_a_valid_report_is_stored_as_sent_and_thanked_with_the_call_buttons(
    post, store, page, prefix, thanks
):
    data = {**VALID, "from_provider": "y"}
    response = post(f"{prefix}{FORCE}", data={**data, "section": "contacts"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"{prefix}{FORCE}/thanks"
    assert "Set-Cookie" not in response.headers
    [report] = store.reports()
    assert (report.kind, report.entry_id, report.section) == ("force", "gwent", "contacts")
    assert (report.problem, report.correction) == ("number", VALID["correction"])
    assert report.from_provider and report.lang == (prefix.strip("/") or "en")
    result = page(response.headers["Location"])
    assert thanks in result.select_one("h1").get_text()
    assert result.select('a[href^="tel:"]'), "no call buttons on the thank-you page"


@pytest.mark.parametrize(
    "prefix, message", [("", "Select what is wrong."), ("/cy", "Dewiswch beth sy'n anghywir.")]
)
def test_a_report_without_a_problem_shows_the_error_summary(post, store, prefix, message):
    url = f"{prefix}{SERVICE}"
    response = post(url, data={"correction": "kept"})
    assert response.status_code == 400
    soup = form_page(response, url)
    assert re.match(r"(Error|Gwall): ", soup.title.get_text())
    link = soup.select_one(".wb-error-summary a")
    assert link.get_text() == message and link["href"] == "#problem"
    assert soup.select_one("#problem")["type"] == "radio"  # the link lands on the first choice
    assert soup.select_one("#correction").get_text().strip() == "kept"  # the answer is kept
    assert store.reports() == []


def test_a_made_up_problem_is_refused(post, store):
    assert post(data={"problem": "not-a-problem"}).status_code == 400
    assert store.reports() == []


@pytest.mark.parametrize("length, status", [(500, 303), (501, 400)])
def test_the_correction_is_limited_to_500_characters(post, store, length, status):
    response = post(data={"problem": "other", "correction": "é" * length})
    assert response.status_code == status
    assert len(store.reports()) == (1 if status == 303 else 0)
    if status == 400:
        soup = form_page(response, SERVICE)
        assert "Enter 500 characters or fewer." in soup.select_one(".wb-error-summary").text


def test_a_filled_honeypot_looks_thanked_but_stores_nothing(post, store):
    response = post(data={**VALID, "website": "http://spam.example"})
    assert response.status_code == 303
    assert store.reports() == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://localhost"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
    ],
)
def test_a_cross_site_post_is_refused(post, store, headers):
    assert post(headers=headers).status_code == 403
    assert store.reports() == []


def test_a_post_from_a_client_without_origin_headers_is_accepted(post, store):
    assert post(headers={}).status_code == 303
    assert len(store.reports()) == 1


def test_the_rate_limit_stops_a_flood_from_one_client_only(app, post, store, monkeypatch):
    monkeypatch.setitem(app.extensions, "report_rate_limit", RateLimit(2, 600))
    first = [post(REMOTE_ADDR="198.51.100.7").status_code for _ in range(3)]
    assert first == [303, 303, 429]
    response = post(REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    soup = form_page(response, SERVICE)
    assert "Wait 10 minutes" in soup.select_one('[role="alert"]').text
    assert soup.select_one("#correction").get_text().strip() == VALID["correction"]
    assert post(REMOTE_ADDR="198.51.100.8").status_code == 303  # another client
    assert len(store.reports()) == 3


def test_the_rate_limit_forgets_clients_after_the_window_and_never_holds_an_address():
    now = [0.0]
    limit = RateLimit(1, 60, clock=lambda: now[0])
    assert limit.allow("203.0.113.9") and not limit.allow("203.0.113.9")
    now[0] = 61
    assert limit.allow("203.0.113.9")
    for key in limit._events:
        assert b"203.0.113.9" not in key and "203.0.113.9" not in key.hex()


@pytest.mark.parametrize(
    "url, status", [("/report/service/no-such-service", 404), ("/report/nope/samaritans", 404)]
)
def test_a_report_about_no_entry_is_not_found(post, store, url, status):
    assert post(url).status_code == status
    assert store.reports() == []


def test_a_post_with_a_malformed_section_is_a_bad_request(post, store):
    assert post(data={**VALID, "section": "../../etc"}).status_code == 400
    assert store.reports() == []


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    problem=st.one_of(st.sampled_from(["number", "other", ""]), st.text(max_size=30)),
    correction=st.one_of(
        st.text(max_size=520),
        st.text(alphabet=st.sampled_from("\x00\x1b\r\n\u202e<>&'\"é𝄞"), max_size=40),
    ),
    section=st.one_of(st.just(""), st.text(max_size=50)),
)
def test_hostile_input_never_breaks_the_form_and_is_stored_exactly(
    app, post, store, monkeypatch, problem, correction, section
):
    monkeypatch.setitem(app.extensions, "report_rate_limit", RateLimit(0, 600))
    before = len(store.reports())
    response = post(data={"problem": problem, "correction": correction, "section": section})
    assert response.status_code in (303, 400), response.status_code
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and "<script" not in body.partition("</head>")[2]
    reports = store.reports()
    if response.status_code == 303:
        assert reports[-1].correction == correction
        assert reports[-1].section == section
    else:
        assert len(reports) == before


@pytest.mark.parametrize(
    "url, selector",
    [
        ("/services/samaritans", f'a[href="{SERVICE}"]'),
        ("/directory/wellbeing", 'a[href^="/report/service/"]'),
        ("/cy/forces/gwent", 'a[href="/cy/report/force/gwent?section=own-support"]'),
        ("/forces/gwent", f'a[href="{FORCE}"]'),
        ("/families/money-worries", 'a[href="/report/guide/money-worries?section=sources"]'),
    ],
)
def test_entries_link_to_the_form(page, url, selector):
    link = page(url).select_one(selector)
    assert "out of date" in link.get_text() or "wedi dyddio" in link.get_text()


def test_reports_are_not_exposed_by_the_api_or_the_export(app, client, post, store):
    secret = "a distinctive correction 7f3a"
    assert post(data={"problem": "number", "correction": secret}).status_code == 303
    for url in ("/api/services", "/api/forces", "/api/forces/gwent", "/api/openapi.json"):
        assert secret not in client.get(url).get_data(as_text=True), url
    export = app.test_cli_runner().invoke(args=["content", "export"])
    assert secret not in export.output
    precache = client.get("/sw.js").get_data(as_text=True)
    assert "/report/" not in precache


@pytest.mark.parametrize(
    "url, statement",
    [
        ("/privacy", "for 180 days. It does not keep who sent them."),
        ("/cy/privacy", "am 180 diwrnod. Nid yw'n cadw pwy a'u hanfonodd."),
    ],
)
def test_the_privacy_notice_says_what_a_report_keeps(page, url, statement):
    assert statement in page(url).text
