#!/usr/bin/env python3
"""The preview (`reviewsite serve`) in a real browser: headless Chromium over
http://127.0.0.1.

    python3 Tests/Browser/check_serve.py BIN DATA TEMPLATES

Copies DATA and TEMPLATES into a scratch folder, starts `BIN serve --port 0`
there and reads the address it prints, then checks that
  - the served home page, results and Table 1 load with no console error,
    and each carries the reload script (an EventSource), which a built site
    never has;
  - saving results.md with a new sentence makes the open page reload by
    itself (the test does not navigate) and show the sentence;
  - saving results.md with an unknown figure makes the open page reload
    into the error page, which names the file, line and column; saving the
    fix brings the site back, again by itself;
  - SIGINT stops the server, which says so.
Prints one line per check and `N passed, M failed`; exits 1 on any failure.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# The checks' tally is check_site.py's (this folder is on the import path).
from check_site import FAILURES, PASSED, check


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def errors(driver):
    """The console's errors since the last call; the browser's own request for
    /favicon.ico (a site has none) is not the page's."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "/favicon.ico " not in entry["message"]]


def wait(condition, seconds=60):
    """Polls `condition` until it is true or `seconds` pass; its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def reloaded_by_itself(driver, shows):
    """Marks the open page, then waits for a new page (the mark gone) whose text satisfies `shows`."""
    return wait(lambda: driver.execute_script("return window.__checkServeMark === undefined")
                and shows(driver.find_element(By.TAG_NAME, "body").text))


def save(path, text):
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def main():
    binary, data, templates = (os.path.abspath(argument) for argument in sys.argv[1:4])
    scratch = tempfile.mkdtemp(prefix="check-serve-")
    shutil.copytree(data, os.path.join(scratch, "data"))
    shutil.copytree(templates, os.path.join(scratch, "templates"))
    server = subprocess.Popen([binary, "serve", "--port", "0"], cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    driver = None
    try:
        # The first build's line, then the address.
        printed, found = [], None
        while found is None and len(printed) < 5:
            line = server.stdout.readline()
            if not line:
                break
            printed.append(line)
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        check(found is not None, "serve prints its loopback address (printed: %r)" % printed)
        if not found:
            return
        address = found.group(0)
        driver = browser()

        for page in ("", "results.html", "table-1.html"):
            driver.get(address + page)
            headings = driver.find_elements(By.CSS_SELECTOR, "main h1, main h2")
            check(headings and headings[0].text != "" and "systematic review" in driver.title,
                  "%s: the served page has its title and heading" % (page or "home"))
            check("new EventSource(" in driver.page_source, "%s: the served page carries the reload script" % (page or "home"))
            logged = errors(driver)
            check(logged == [], "%s: no console error (%s)" % (page or "home", logged))
        check(len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) > 10, "table-1: the served Table 1 has its rows")

        results = os.path.join(scratch, "templates", "results.md")
        original = open(results, encoding="utf-8").read()
        sentence = "This sentence was added while the page was open."
        driver.get(address + "results.html")
        wait(lambda: driver.execute_script("return document.readyState") == "complete")
        driver.execute_script("window.__checkServeMark = 1")
        save(results, original.replace("## Results\n", "## Results\n\n" + sentence + "\n", 1))
        check(reloaded_by_itself(driver, lambda text: sentence in text), "results: a saved sentence reloads the open page, which shows it")

        driver.execute_script("window.__checkServeMark = 1")
        save(results, original.replace("## Results\n", "## Results\n\n{{outcome.nope}}\n", 1))
        located = "templates/results.md:3:1: 'outcome.nope' is not a figure of"
        check(reloaded_by_itself(driver, lambda text: located in text), "results: a broken template reloads the page into its located message")
        headings = driver.find_elements(By.TAG_NAME, "h1")
        check(headings and headings[0].text == "The site could not be built", "the error page says the site could not be built")

        # The error page is served with status 500, which the console notes.
        logged = errors(driver)
        check(all(" 500 " in message for message in logged), "only the error page's status in the console (%s)" % logged)
        driver.execute_script("window.__checkServeMark = 1")
        save(results, original)
        check(reloaded_by_itself(driver, lambda text: "outcome.nope" not in text and "could not be built" not in text),
              "results: the fix reloads the page back to the site")
        logged = errors(driver)
        check(logged == [], "no console error after the reloads (%s)" % logged)
    finally:
        if driver:
            driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            out, _ = server.communicate(timeout=30)
            check(server.returncode == 0 and "Stopped." in out, "SIGINT stops the server (status %s)" % server.returncode)
        except subprocess.TimeoutExpired:
            server.kill()
            check(False, "SIGINT stops the server within 30 s")
        shutil.rmtree(scratch, ignore_errors=True)

    print("serve: %d passed, %d failed" % (PASSED[0], len(FAILURES)))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
