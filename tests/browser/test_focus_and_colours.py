"""What axe cannot see: focus hidden under the sticky bar, the focused state's contrast,
button shapes in forced colours, phone numbers split across lines, the error summary.

One page per page type, taken from the sweep (tests/sweep.py): a new route, or a page
that gains the sticky "Exit this page" bar, is covered without editing this file.
"""

import pytest

from ..sweep import html_urls


def _page_types() -> list[str]:
    """Return one English 200 URL per endpoint, and one more with a query (search results)."""
    seen, urls = set(), []
    for target in html_urls():
        key = (target.endpoint, "?" in target.url)
        if target.status == 200 and not target.url.startswith("/cy") and key not in seen:
            seen.add(key)
            urls.append(target.url)
    return urls


PAGE_TYPES = _page_types()
# Every rejected form in English (the Welsh ones differ only in words).
FORM_ERRORS = [u.url for u in html_urls() if u.status == 400 and not u.url.startswith("/cy")]
VIEWPORTS = [(1280, 800), (320, 640), (320, 256)]

# True when something fixed or sticky is on the page (the "Exit this page" bar, or anything else).
HAS_STICKY = """() => [...document.querySelectorAll('body *')].some((el) =>
    ['sticky', 'fixed'].includes(getComputedStyle(el).position) && el.offsetHeight > 0)"""

# Describe the focused element if nothing of it can be seen: every sample point of its
# on-screen box hits something else (elementFromPoint), or it is not on screen at all.
# Return null when part of it shows, or when the focus has left the page (body).
COVERED = """(el) => {
  el = el || document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  const name = `<${el.tagName.toLowerCase()}> "${(el.innerText || el.id).trim().slice(0, 40)}"`;
  if (right - left < 1 || bottom - top < 1) return name + ' is off screen';
  for (const fx of [0.05, 0.5, 0.95]) {
    for (const fy of [0.05, 0.5, 0.95]) {
      const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
      if (hit && el.contains(hit)) return null;
    }
  }
  const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  return `${name} is covered by <${hit.tagName.toLowerCase()} class="${hit.className}">`;
}"""


@pytest.fixture(scope="module")
def page(browser):
    """One page for the module (service workers blocked: every page from the server)."""
    context = browser.new_context(service_workers="block")
    yield context.new_page()
    context.close()


# Check each stop as the focus leaves it, when the browser has finished scrolling to it,
# so the test only presses keys and reads the findings once per batch. `left` counts the
# times the focus left the page (past the last stop, or before the first).
RECORD_STOPS = f"""() => {{
  const covered = {COVERED};
  window.stops = {{left: 0, key: 'Tab', count: 0, hidden: []}};
  document.addEventListener('focusout', (event) => {{
    const problem = covered(event.target);
    // Not "off screen": what shows only while focused (the skip link) has already moved.
    if (problem && !problem.endsWith('off screen')) window.stops.hidden.push(`${{window.stops.key}}: ${{problem}}`);
    window.stops.count += 1;
    if (!event.relatedTarget) window.stops.left += 1;
  }});
}}"""
BATCH = 10
MAX_STOPS = 400


def tab_until(page, key: str, left: int) -> None:
    """Press `key` in batches until the focus has left the page `left` times in all."""
    page.evaluate(f"window.stops.key = '{key}'")
    for _ in range(MAX_STOPS // BATCH):
        for _ in range(BATCH):
            page.keyboard.press(key)
        if page.evaluate("window.stops.left") >= left:
            return
    raise AssertionError(f"{key} did not leave the page after {MAX_STOPS} stops")


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_keyboard_focus_is_never_hidden_under_a_sticky_bar(page, live_server, path):
    problems = []
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(live_server + path)
        if not page.evaluate(HAS_STICKY):
            continue
        at = f"{width}x{height}"
        page.evaluate(RECORD_STOPS)
        # Forwards to the end (the browser scrolls each stop up from the bottom edge),
        # then backwards through every stop (each scrolls down from the top edge, under
        # the bar): back past the start if a batch went beyond it, then from the end.
        tab_until(page, "Tab", 1)
        beyond = page.evaluate("document.activeElement !== document.body")
        tab_until(page, "Shift+Tab", 2 + beyond)
        problems += [f"{at} {p}" for p in page.evaluate("window.stops.hidden")]
        # The skip link lands on <main>: its heading must show, not sit under the bar.
        page.locator(".wb-skip-link").focus()
        page.keyboard.press("Enter")
        heading = page.evaluate(COVERED, page.locator("main h1").element_handle())
        problems += [f"{at} after the skip link: {heading}"] if heading else []
    assert problems == [], f"{path}:\n" + "\n".join(problems)


# The scroll padding, and how far down the sticky and fixed elements reach once stuck.
STICKY_REACH = """() => [
  parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0,
  Math.max(0, ...[...document.querySelectorAll('body *')]
    .filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position))
    .map((el) => (parseFloat(getComputedStyle(el).top) || 0) + el.offsetHeight)),
]"""


@pytest.mark.parametrize("lang", ["", "/cy"])
def test_scroll_padding_clears_the_sticky_bar_at_every_width(page, live_server, lang):
    """Between the Tab test's viewports too: the bar wraps at widths and lengths of its own."""
    page.goto(live_server + lang + "/directory")  # the bar is the same on every page
    short = []
    for width in range(320, 1300, 40):
        page.set_viewport_size({"width": width, "height": 600})
        padding, reach = page.evaluate(STICKY_REACH)
        if padding < reach:
            short.append(f"{width}px: padding {padding}, bar to {reach}")
    assert short == []


@pytest.mark.parametrize("path", FORM_ERRORS)
def test_error_summary_is_focused_and_its_links_show_the_field(page, live_server, path):
    for width, height in VIEWPORTS[1:]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(live_server + path)
        summary = page.locator(".wb-error-summary")
        assert page.evaluate("document.activeElement.classList.contains('wb-error-summary')")
        links = summary.locator("a")
        assert links.count() >= 1
        for i in range(links.count()):
            link = links.nth(i)
            link.focus()
            link.press("Enter")
            field_id = link.get_attribute("href").removeprefix("#")
            page.wait_for_function(f"document.activeElement.id === '{field_id}'")
            hidden = page.evaluate(COVERED)
            assert hidden is None, f"{path} at {width}x{height}: {hidden}"
            summary.focus()


# The contrast of the focused element's text against the background it is drawn on
# (its own, or the nearest ancestor's that is not transparent), for every focusable element.
FOCUSED_CONTRAST = """() => {
  const rgba = (s) => s.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map((v) => v / 255).map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const failures = [];
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  for (const el of document.querySelectorAll(focusable)) {
    if (!el.checkVisibility() && !el.classList.contains('wb-skip-link')) continue;
    el.focus();
    if (!el.matches(':focus-visible')) continue;
    const text = luminance(rgba(getComputedStyle(el).color));
    const back = luminance(background(el));
    const ratio = (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
    if (ratio < 4.5) {
      failures.push(`<${el.tagName.toLowerCase()} class="${el.className}"> "${el.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`);
    }
  }
  return failures;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focused_text_keeps_its_contrast(page, live_server, scheme):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(color_scheme=scheme)
    failures = []
    for path in PAGE_TYPES:
        page.goto(live_server + path)
        page.keyboard.press("Tab")  # a keyboard user: focus() then shows :focus-visible
        failures += [f"{path} {f}" for f in dict.fromkeys(page.evaluate(FOCUSED_CONTRAST))]
    page.emulate_media(color_scheme="light")
    assert failures == []


# Mark what is drawn as a filled shape (a button, a call link, a field): focusable elements
# with a background of their own. Forced colours drop the fill, so each needs an edge.
MARK_FILLED = """() => {
  const focusable = document.querySelectorAll('a[href], button, input, select, summary');
  let n = 0;
  for (const el of focusable) {
    const fill = getComputedStyle(el).backgroundColor;
    const onScreen = el.getBoundingClientRect().right > 0; // not the skip link until focused
    if (onScreen && el.checkVisibility() && !/^rgba\\(.*, 0\\)$|^transparent$/.test(fill)) {
      el.dataset.filled = '';
      n += 1;
    }
  }
  return n;
}"""

NO_EDGE = """() => [...document.querySelectorAll('[data-filled]')].filter((el) => {
  const s = getComputedStyle(el);
  const drawn = (side) => parseFloat(s[`border${side}Width`]) > 0
    && !['none', 'hidden'].includes(s[`border${side}Style`])
    && !/^rgba\\(.*, 0\\)$|^transparent$/.test(s[`border${side}Color`]);
  const outline = parseFloat(s.outlineWidth) > 0 && s.outlineStyle !== 'none';
  return !(['Top', 'Right', 'Bottom', 'Left'].every(drawn) || outline);
}).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> "${el.textContent.trim().slice(0, 30)}"`)"""


def test_buttons_keep_their_shape_in_forced_colours(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    missing = []
    for path in PAGE_TYPES:
        page.emulate_media(forced_colors="none")
        page.goto(live_server + path)
        page.evaluate(MARK_FILLED)
        page.emulate_media(forced_colors="active")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        missing += [f"{path} {m}" for m in dict.fromkeys(page.evaluate(NO_EDGE))]
    page.emulate_media(forced_colors="none")
    assert missing == []


# For each call or text link, the lines its phone number's characters sit on.
NUMBER_LINES = """() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
  .filter((link) => link.checkVisibility())
  .map((link) => {
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    const text = nodes.map((n) => n.data).join('');
    const match = text.match(/\\d[\\d ]*\\d/);
    if (!match) return [link.textContent, 1];
    // Map the number's first and last characters to their text nodes.
    const at = (offset) => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset];
        offset -= node.data.length;
      }
    };
    const range = document.createRange();
    range.setStart(...at(match.index));
    range.setEnd(...at(match.index + match[0].length));
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return [link.textContent.trim(), tops.size];
  })"""


@pytest.mark.parametrize("lang", ["", "/cy"])
def test_phone_numbers_never_break_across_lines_at_320_pixels(page, live_server, lang):
    page.set_viewport_size({"width": 320, "height": 640})
    broken = []
    for path in PAGE_TYPES:
        page.goto(live_server + lang + path)
        broken += [
            f"{lang}{path} {text!r}" for text, lines in page.evaluate(NUMBER_LINES) if lines > 1
        ]
    assert broken == []
