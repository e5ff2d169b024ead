#!/usr/bin/env python3
"""The built site in a real browser: headless Chromium over file://.

    python3 Tests/Browser/check_site.py SITE_FOLDER [--skeleton]

--skeleton: the site of a new review (`reviewsite init`, one example row),
where the checks that need many rows and links (sorting, link counts) would
prove nothing; every other check runs.

Checks that
  - every page loads with no console error;
  - a click on a column heading of Table 1 sorts it, both directions, in the
    order sort.js promises (numbers before text, ties in published order);
  - every internal link and #fragment of every page resolves to an existing
    file and element (as the browser resolves it);
  - at 390 px wide no page scrolls sideways outside a .table-scroll box;
  - sorting a table with sub-rows (class subgroup) keeps each under its
    parent, the groups and each group's sub-rows in order;
  - at 1600 px every column of the declared tables is in view (no sideways
    scroll); a table's scroll box takes keyboard focus and arrow keys scroll it;
  - at 390 px the PRISMA diagram's smallest text is at least 12 CSS px and
    no chart is cut (wider than the page or its box);
  - axe-core (PyPI's axe-core-python) finds no violation of the WCAG 2.1 A
    and AA rules on any page;
  - every page speaks the reader's language: its visible text names no
    repository path, no .csv/.yaml/.md file outside a link to it (a
    download), holds no underscore (a code or column name) outside the
    figure ids of the catalogue (<code>), and no figure definition is SQL.
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
from selenium.webdriver.common.keys import Keys
from axe_core_python.selenium import Axe

AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

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
    # axe-core audits a long page (the example's patients) in seconds, a
    # minute on a loaded two-core machine: Selenium's 30 s would fail it.
    driver.set_script_timeout(600)
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


def group_sorting(driver, site):
    """Every table page with sub-rows: a click on each sortable column keeps
    the groups whole, ordered by their first rows, sub-rows ordered within."""
    grouped = 0
    for page in pages(site):
        driver.get(url(site, page))
        if not driver.execute_script("return !!document.querySelector('table.sortable tr.subgroup')"):
            continue
        grouped += 1
        published = driver.execute_script(
            "var rows = document.querySelector('table.sortable').tBodies[0].rows, parent = null, out = [];"
            "Array.prototype.forEach.call(rows, function (r) { if (!r.classList.contains('subgroup')) parent = r.rowIndex;"
            " out.push([r.rowIndex, parent, r.classList.contains('subgroup')]); r.setAttribute('data-check', r.rowIndex); });"
            "return out")
        parent_of = {row: parent for row, parent, _ in published}
        columns = len(driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th button"))
        for column in range(columns):
            button = driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th button")[column]
            button.click()
            after = driver.execute_script(
                "return Array.from(document.querySelector('table.sortable').tBodies[0].rows, r => [+r.getAttribute('data-check'),"
                " r.cells[arguments[0]].hasAttribute('data-sort') ? r.cells[arguments[0]].getAttribute('data-sort') : r.cells[arguments[0]].textContent.trim()])",
                column)
            current, groups, broken = None, [], []
            for row, text in after:
                cell = {"sort": text, "text": text, "id": row}
                if parent_of[row] == row:
                    current = row
                    groups.append([cell])
                elif parent_of[row] != current:
                    broken.append(row)
                else:
                    groups[-1].append(cell)
            check(broken == [], "%s: sorted by column %d, sub-rows %s left their parent row" % (page, column + 1, broken))
            heads = [group[0] for group in groups]
            check([c["id"] for c in heads] == expected_order(sorted(heads, key=lambda c: c["id"]), True),
                  "%s: sorted by column %d, the groups are out of order" % (page, column + 1))
            for group in groups:
                subs = group[1:]
                check([c["id"] for c in subs] == expected_order(sorted(subs, key=lambda c: c["id"]), True),
                      "%s: sorted by column %d, the sub-rows of row %d are out of order" % (page, column + 1, group[0]["id"]))
            driver.get(url(site, page))
            driver.execute_script("Array.prototype.forEach.call(document.querySelector('table.sortable').tBodies[0].rows,"
                                  " function (r) { r.setAttribute('data-check', r.rowIndex); })")
    return grouped


def wide(site):
    """At 1600 px the declared tables show every column; their boxes scroll by keyboard."""
    driver = browser(1600)
    try:
        for page in pages(site):
            if not re.match(r"^table-\d+\.html$", page):
                continue
            driver.get(url(site, page))
            sizes = driver.execute_script(
                "var box = document.querySelector('.table-scroll'); return [box.scrollWidth, box.clientWidth]")
            check(sizes[0] <= sizes[1], "%s: at 1600 px the table is %d px wide in a %d px box: columns hidden" % (page, sizes[0], sizes[1]))
        driver.get(url(site, "patients.html"))
        box = driver.find_element(By.CSS_SELECTOR, ".table-scroll")
        check(box.get_attribute("tabindex") == "0", "patients.html: the table's scroll box takes no keyboard focus")
        body = driver.find_element(By.TAG_NAME, "body")
        for _ in range(40):
            body.send_keys(Keys.TAB)
            if driver.switch_to.active_element == box:
                break
        check(driver.switch_to.active_element == box, "patients.html: Tab never reaches the table's scroll box")
        before = driver.execute_script("return arguments[0].scrollLeft", box)
        for _ in range(5):
            driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        after = driver.execute_script("return [arguments[0].scrollLeft, arguments[0].scrollWidth > arguments[0].clientWidth]", box)
        check(not after[1] or after[0] > before, "patients.html: the right arrow key does not scroll the focused table")
    finally:
        driver.quit()


def phone_figures(driver, site, page):
    """PRISMA's smallest text at 390 px; charts within the page and their box."""
    if page == "prisma.html":
        smallest = driver.execute_script(
            "var sizes = Array.from(document.querySelectorAll('main svg text'), t => t.getBoundingClientRect().height"
            " / (t.getBBox().height || 1) * parseFloat(getComputedStyle(t).fontSize)); return sizes.length ? Math.min.apply(null, sizes) : 0")
        check(smallest >= 12, "prisma.html: at 390 px the diagram's smallest text is %.1f px (expected at least 12)" % smallest)
    cut = driver.execute_script(
        "var d = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('figure.chart svg')).filter(function (s) {"
        "  var r = s.getBoundingClientRect(), box = s.parentElement.getBoundingClientRect();"
        "  return r.left < -1 || r.right > d + 1 || r.right > box.right + 1; }).map(s => s.parentElement.id)")
    check(cut == [], "%s: at 390 px charts %s are cut" % (page, cut))


REPOSITORY_PATH = re.compile(r"\b(?:docs|Sources|Tests|templates|examples|data)/[\w.-]+")
FILE_NAME = re.compile(r"[\w.-]+\.(?:csv|ya?ml|md|sqlite|json)\b")
SQL = re.compile(r"\b(?:SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|IS NULL|IS NOT NULL|COALESCE|CASE WHEN)\b|\w\(|[=<>]|[A-Za-z_]\.[A-Za-z_]|_")


def reader_words(driver, site):
    """The text a reader sees, less the links that name their file (downloads)
    and the catalogue's figure ids (<code>), holds no developer words."""
    for page in pages(site):
        driver.get(url(site, page))
        text = driver.execute_script(
            "document.querySelectorAll('a[href], code').forEach(function (e) {"
            "  var href = e.getAttribute('href') || '';"
            "  if (e.tagName === 'CODE' || href.split('#')[0].split('/').pop() === e.textContent.trim()) e.style.display = 'none'; });"
            "return document.body.innerText")
        for name, pattern in (("repository path", REPOSITORY_PATH), ("file name", FILE_NAME)):
            found = sorted(set(pattern.findall(text)))
            check(found == [], "%s: the page shows the %s %s" % (page, name, ", ".join(found[:5])))
        lines = [line for line in text.splitlines() if "_" in line]
        check(lines == [], "%s: underscores in the text a reader sees: %s" % (page, " | ".join(l.strip()[:70] for l in lines[:3])))
        if page == "figures.html":
            definitions = driver.execute_script(
                "return Array.from(document.querySelectorAll('table.figures tbody tr'), r => r.cells[2] ? r.cells[2].innerText : '')")
            sql = [d for d in definitions if SQL.search(d)]
            check(len(definitions) > 0 and sql == [], "figures.html: %d definitions read as database words: %s" % (len(sql), " | ".join(sql[:3])))


def accessibility(driver, site):
    axe = Axe()
    for page in pages(site):
        driver.get(url(site, page))
        result = axe.run(driver, options=AXE_RULES)
        found = ["%s ×%d (%s)" % (v["id"], len(v["nodes"]), v["nodes"][0]["html"][:80]) for v in result["violations"]]
        check(found == [], "%s: axe-core finds %s" % (page, "; ".join(found)))


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
            phone_figures(driver, site, page)
    finally:
        driver.quit()


def main():
    arguments = [a for a in sys.argv[1:] if a != "--skeleton"]
    skeleton = len(arguments) < len(sys.argv) - 1
    if len(arguments) != 1 or not os.path.isfile(os.path.join(arguments[0], "index.html")):
        print("usage: check_site.py SITE_FOLDER [--skeleton] (a built site with index.html)", file=sys.stderr)
        return 2
    site = arguments[0]
    driver = browser(1280)
    try:
        ids = console_and_links(driver, site)
        if not skeleton:
            check(ids > 100, "the pages have only %d element ids: the link check checked little" % ids)
            sorting(driver, site)
        grouped = group_sorting(driver, site)
        print("sub-row sorting checked on %d pages" % grouped)
        accessibility(driver, site)
        reader_words(driver, site)
    finally:
        driver.quit()
    wide(site)
    narrow(site)
    print("browser: %d passed, %d failed" % (PASSED[0], len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
