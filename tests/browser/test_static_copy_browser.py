"""The static copy's find-your-force answers in the browser exactly as the server does."""

import tomllib
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from .conftest import wait_for, wait_for_service_worker

CASES = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "locator_cases.toml").read_text(encoding="utf-8")
)["cases"]

# Every case in one page load: points are "lat,lng" (as tests/test_locator.py reads them).
LOCATE_ALL = """async (cases) => {
    const answers = [];
    for (const [kind, q] of cases) {
        const [lat, lng] = q.includes(",") ? [q.slice(0, q.indexOf(",")), q.slice(q.indexOf(",") + 1)] : [q, ""];
        const r = kind === "point"
            ? await wellbeingLocator.locateTyped(lat, lng)
            : await wellbeingLocator.locate(q);
        answers.push([r.status, r.forces, r.reason, r.kind, r.matched]);
    }
    return answers;
}"""


def server_answer(client, case: dict) -> list:
    if case["kind"] == "point":
        lat, _, lng = case["q"].partition(",")
        body = client.get("/api/v1/locate/point", query_string={"lat": lat, "lng": lng}).get_json()
    else:
        body = client.get("/api/v1/locate", query_string={"q": case["q"]}).get_json()
    forces = [f["slug"] for f in body["forces"]]
    return [body["status"], forces, body["reason"], body["kind"], body["matched"]]


def test_the_in_browser_locator_matches_the_server_on_every_test_case(context, static_host, client):
    page = context.new_page()
    page.goto(static_host + "/find-your-force/")
    browser = page.evaluate(LOCATE_ALL, [[c["kind"], c["q"]] for c in CASES])
    server = [server_answer(client, c) for c in CASES]
    differences = [
        f"{c['q']!r}:\n  browser {b}\n  server  {s}"
        for c, b, s in zip(CASES, browser, server, strict=True)
        if b != s
    ]
    assert not differences, f"{len(differences)} of {len(CASES)} differ:\n" + "\n".join(differences)


def test_a_search_shows_the_answer_on_the_page_and_links_the_force(context, static_host):
    """In Welsh, with the page still free of accessibility faults once the answer shows."""
    page = context.new_page()
    page.goto(static_host + "/cy/find-your-force/")
    page.fill("input[name=q]", "CF10 1AA")
    page.click("form.wb-search button[type=submit]")
    result = page.locator("#in-browser-result")
    result.locator("a").wait_for()
    assert result.locator("h2").inner_text() == "Eich heddlu"
    assert result.locator("a").get_attribute("href") == "/cy/forces/south-wales/"
    assert page.url == static_host + "/cy/find-your-force/"  # nothing typed went anywhere
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_make_this_my_force_works_offline_in_the_static_copy(context, static_host):
    """The worker saves /forces/<slug>/ there; the home page links to that copy."""
    page = context.new_page()
    page.goto(static_host + "/forces/gwent/")
    wait_for_service_worker(page)
    page.get_by_role("button", name="Make this my force").click()
    wait_for(page, "document.querySelector('.wb-save-force__status').textContent.includes('saved')")
    context.set_offline(True)
    assert page.goto(static_host + "/forces/gwent/").from_service_worker
    assert page.locator("h1").inner_text() == "Gwent Police"
    page.goto(static_host + "/")
    assert page.locator(".wb-your-force a").get_attribute("href") == "/forces/gwent/"
