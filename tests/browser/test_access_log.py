"""A search never reaches the access log: searches against the real gunicorn (the project's
gunicorn.conf.py), from Chromium and from a plain HTTP client with a User-Agent and a
Referer, then a read of the log file it writes."""

import time
import urllib.request
from urllib.parse import quote_plus

TERM = "zebracrossing123"
POSTCODE = "SW1A 1AA"
PLACE = "Llanfairpwllgwyngyll"
USER_AGENT = "WellbeingPrivacyProbe/7.3 (secret-device-id-4242)"
REFERER = "https://intranet.example-force.police.uk/secret-referrer-path"
SEARCHES = [
    f"/directory?q={TERM}&audience=family&nation=wales",
    f"/cy/directory?q={TERM}",
    f"/find-your-force?q={quote_plus(POSTCODE)}",
    "/find-your-force?lat=51.50135&lng=-0.14189",
    f"/api/v1/locate?q={quote_plus(POSTCODE)}",
    f"/api/v1/locate?q={PLACE}",
    f"/api/v1/services?q={TERM}",
]


def read_log(server_log, expected_lines: int, timeout: float = 10) -> str:
    """Wait until gunicorn has written the requests, then return the log."""
    deadline = time.monotonic() + timeout
    while True:
        text = server_log.read_text(encoding="utf-8") if server_log.exists() else ""
        if text.count("\n") >= expected_lines or time.monotonic() > deadline:
            return text
        time.sleep(0.1)


def test_searches_leave_no_trace_in_the_access_log(browser, live_server, server_log):
    before = server_log.read_text(encoding="utf-8").count("\n") if server_log.exists() else 0
    for path in SEARCHES:
        request = urllib.request.Request(
            live_server + path, headers={"User-Agent": USER_AGENT, "Referer": REFERER}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200, path
    # In Chromium: arrive from an intranet link, then search with the form. (A Referer set
    # with `extra_http_headers` stops Chromium submitting forms, so `goto(referer=)` it is.)
    context = browser.new_context(user_agent=USER_AGENT, service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/find-your-force", referer=REFERER)
    page.fill("input[name=q]", POSTCODE)
    with page.expect_navigation():
        page.click("form.wb-search button[type=submit]")
    assert "q=SW1A" in page.url
    page.goto(live_server + f"/directory?q={TERM}", referer=REFERER)
    context.close()

    log = read_log(server_log, before + len(SEARCHES) + 2)
    new_lines = log.splitlines()[before:]
    assert len(new_lines) >= len(SEARCHES) + 2, log
    for secret in [
        TERM,
        POSTCODE,
        quote_plus(POSTCODE),
        "SW1A",
        PLACE,
        "51.50135",
        "-0.14189",
        USER_AGENT,
        "WellbeingPrivacyProbe",
        REFERER,
        "intranet.example-force",
        "127.0.0.1",
        "audience=",
        "?",
    ]:
        assert secret not in log, f"the access log records {secret!r}:\n{log}"
    # The log does record the path (what the site answered, not who asked or what for).
    for path in [
        "/directory",
        "/cy/directory",
        "/find-your-force",
        "/api/v1/locate",
        "/api/v1/services",
    ]:
        assert f' {path}" 200 ' in log, f"{path} is missing from the access log:\n{log}"
