"""Report a problem in Chromium: a plain POST with JavaScript off, and with JavaScript on,
a report made offline is kept and sent when the connection comes back."""

import sqlite3

from playwright.sync_api import expect


def corrections(db) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT correction FROM report")]


def test_report_from_a_service_page_with_javascript_off(browser, live_server, reports_db):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server + "/services/samaritans")
        page.get_by_role("link", name="Something wrong or out of date?").click()
        page.get_by_label("A phone number does not work or is wrong").check()
        page.get_by_label("What should it say? (optional)").fill("No JavaScript: new number")
        page.get_by_role("button", name="Send report").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your report"
        assert page.locator('a[href^="tel:"]').count() > 0
        assert "No JavaScript: new number" in corrections(reports_db)
        assert context.cookies() == []
    finally:
        context.close()


def test_a_report_made_offline_is_sent_when_the_connection_returns(
    browser, live_server, reports_db
):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    try:
        page.goto(live_server + "/cy/report/force/gwent")
        context.set_offline(True)
        page.get_by_label("Rhywbeth arall").check()
        page.get_by_label("Beth ddylai ei ddweud? (dewisol)").fill("Offline: wrong office")
        page.get_by_role("button", name="Anfonwch yr adroddiad").click()
        status = page.get_by_role("status")
        assert "all-lein" in status.inner_text()
        assert "Offline: wrong office" not in corrections(reports_db)
        assert page.url.endswith("/cy/report/force/gwent")  # still on the form, nothing lost

        context.set_offline(False)
        expect(status).to_have_text("Mae eich adroddiad wedi'i anfon. Diolch.")
        assert corrections(reports_db).count("Offline: wrong office") == 1
        assert page.evaluate("localStorage.length") == 0  # nothing left on the device
    finally:
        context.close()
