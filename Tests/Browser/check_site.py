#!/usr/bin/env python3
"""The built site in a real browser: headless Chromium over file://.

    python3 Tests/Browser/check_site.py SITE_FOLDER

Checks that
  - every page loads with no console error;
  - a click on a column heading of Table 1 sorts it, both directions, in the
    order sort.js promises (numbers before text, ties in published order);
  - every internal link and #fragment of every page resolves to an existing
    file and element (as the browser resolves it);
  - at 390 px wide no page scrolls sideways outside a .table-scroll box.
Prints one line per check and `N passed, M failed`; exits 1 on any failure.
"""
import functools
import os
import re
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

FAILURES = []
PASSED = [0]


def check(condition, what):
    if condition:
        PASSED[0] += 1
    else:
        FAILURES.append(what)
        print("FAIL " + what)


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--allow-file-access-from-files", "--window-size=%d,900" % width):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if width < 500:
        # The window cannot be narrower than Chromium's minimum; the device metrics can.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    return driver


def pages(site):
    found = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(folder, name), site))
    return sorted(found)


def url(site, page):
    return "file://" + urllib.parse.quote(os.path.abspath(os.path.join(site, page)))


def console_and_links(driver, site):
    ids_of = {}
    for page in pages(site):
        driver.get(url(site, page))
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(errors == [], "%s: console errors %s" % (page, errors))
        ids_of[page] = set(driver.execute_script("return Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        links = driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href], link[href], script[src], img[src]'),"
            " e => [e.getAttribute('href') || e.getAttribute('src'),"
            # An SVG <a> (a chart's row) has no string href: resolve it against the page.
            "  new URL(e.getAttribute('href') || e.getAttribute('src'), document.baseURI).href])")
        for raw, resolved in links:
            if not resolved.startswith("file://"):
                continue
            parsed = urllib.parse.urlparse(resolved)
            target = os.path.relpath(urllib.parse.unquote(parsed.path), os.path.abspath(site))
            exists = os.path.isfile(os.path.join(site, target))
            check(exists, "%s: link %s names no file (%s)" % (page, raw, target))
            if exists and parsed.fragment:
                if target not in ids_of:
                    ids_of[target] = fragment_ids(site, target)
                fragment = urllib.parse.unquote(parsed.fragment)
                check(fragment in ids_of[target], "%s: link %s names no element id=%s in %s" % (page, raw, fragment, target))
    return sum(len(v) for v in ids_of.values())


def fragment_ids(site, target):
    # Pages not yet visited (or not HTML, e.g. prisma.svg): ids from the file's text.
    with open(os.path.join(site, target), encoding="utf-8") as handle:
        return set(re.findall(r'\bid="([^"]*)"', handle.read()))


def sort_key(cell):
    """The key sort.js gives a cell: a number when the text starts like one."""
    text = cell["sort"] if cell["sort"] is not None else cell["text"].strip()
    match = re.match(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text)
    return {"text": text.lower(), "number": float(match.group(0)) if match else None}


def compare(a, b):
    """sort.js's compare: numbers before text, numbers by value, text by code points."""
    if a["number"] is not None and b["number"] is not None:
        return (a["number"] > b["number"]) - (a["number"] < b["number"])
    if a["number"] is not None:
        return -1
    if b["number"] is not None:
        return 1
    return (a["text"] > b["text"]) - (a["text"] < b["text"])


def expected_order(cells, ascending):
    """Rows in the order sort.js promises: the comparison (reversed when
    descending), ties in published order."""
    keyed = [(sort_key(cell), index, cell["id"]) for index, cell in enumerate(cells)]
    sign = 1 if ascending else -1
    ordered = sorted(keyed, key=functools.cmp_to_key(lambda a, b: sign * compare(a[0], b[0]) or a[1] - b[1]))
    return [entry[2] for entry in ordered]


def table_rows(driver, column):
    return driver.execute_script(
        "return Array.from(document.querySelector('table.sortable').tBodies[0].rows, r => [r.id,"
        " r.cells[arguments[0]].getAttribute('data-sort'), r.cells[arguments[0]].textContent])", column)


def sorting(driver, site):
    driver.get(url(site, "table-1.html"))
    headings = driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th button")
    check(len(headings) > 2, "table-1.html: sort.js made no heading buttons")
    if len(headings) <= 2:
        return
    for column, name in ((2, "Patients"), (0, "Study")):
        published = table_rows(driver, column)
        cells = [{"id": r[0], "sort": r[1], "text": r[2]} for r in published]
        ascending = expected_order(cells, True)
        descending = expected_order(cells, False)
        check(ascending != [c["id"] for c in cells] or descending != [c["id"] for c in cells],
              "table-1.html: column %s is already sorted both ways, the test would prove nothing" % name)
        headings[column].click()
        after = [r[0] for r in table_rows(driver, column)]
        check(after == ascending, "table-1.html: %s ascending: first rows %s, expected %s" % (name, after[:3], ascending[:3]))
        state = driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th")[column].get_attribute("aria-sort")
        check(state == "ascending", "table-1.html: %s heading aria-sort is %s after one click" % (name, state))
        headings[column].click()
        after = [r[0] for r in table_rows(driver, column)]
        check(after == descending, "table-1.html: %s descending: first rows %s, expected %s" % (name, after[:3], descending[:3]))
        driver.get(url(site, "table-1.html"))
        headings = driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th button")


def narrow(site):
    driver = browser(390)
    try:
        for page in pages(site):
            driver.get(url(site, page))
            overflow = driver.execute_script(
                "var d = document.documentElement; var wide = [];"
                "document.querySelectorAll('body *').forEach(function (e) {"
                "  if (e.closest('.table-scroll')) return;"
                "  var r = e.getBoundingClientRect(); if (r.right > d.clientWidth + 1) wide.push(e.tagName + '.' + e.className);"
                "}); return [d.scrollWidth, d.clientWidth, wide.slice(0, 3)]")
            check(overflow[0] <= overflow[1] and overflow[2] == [],
                  "%s: at 390 px the page is %d px wide (%s)" % (page, overflow[0], ", ".join(overflow[2])))
    finally:
        driver.quit()


def main():
    if len(sys.argv) != 2 or not os.path.isfile(os.path.join(sys.argv[1], "index.html")):
        print("usage: check_site.py SITE_FOLDER (a built site with index.html)", file=sys.stderr)
        return 2
    site = sys.argv[1]
    driver = browser(1280)
    try:
        ids = console_and_links(driver, site)
        check(ids > 100, "the pages have only %d element ids: the link check checked little" % ids)
        sorting(driver, site)
    finally:
        driver.quit()
    narrow(site)
    print("browser: %d passed, %d failed" % (PASSED[0], len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
