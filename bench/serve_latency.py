#!/usr/bin/env python3
"""Edit-to-reload time of `reviewsite serve`: a template edit and a data cell edit.

Runs `BIN serve --port 0` on a private copy of DATA and TEMPLATES, opens the
page's event stream (/_reviewsite/events) as a browser does, then RUNS times
each: saves results.md with a sentence added or removed, or patients.csv
with the first patient's age changed, and times from the moment the file is
closed to the `reload` event (which includes the watcher's 20 ms wait for
the save's other events). After each reload the page is fetched and must be
the site (status 200, the new sentence present or gone). Prints the median
and every run in milliseconds, and the rebuild times serve printed.

usage: serve_latency.py BIN DATA TEMPLATES [RUNS] [LABEL]
"""
import os
import re
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def events(port):
    """The open event stream and a function that waits for its next `reload`."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(f"GET /_reviewsite/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    seen = b""

    def next_reload(timeout=120):
        nonlocal seen
        deadline = time.monotonic() + timeout
        while b"event: reload\n" not in seen:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([sock], [], [], left)[0]:
                raise SystemExit("no reload event within %d s" % timeout)
            chunk = sock.recv(65536)
            if not chunk:
                raise SystemExit("the event stream ended")
            seen += chunk
        seen = seen.split(b"event: reload\n", 1)[1]
        return time.perf_counter()

    return sock, next_reload


def page(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as response:
        return response.status, response.read().decode()


def save(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return time.perf_counter()


def main(binary, data, templates, runs=5, label="default"):
    work = tempfile.mkdtemp(prefix="reviewsite-serve-bench-")
    try:
        shutil.copytree(data, f"{work}/data")
        shutil.copytree(templates, f"{work}/templates")
        server = subprocess.Popen([binary, "serve", "--data", f"{work}/data", "--templates", f"{work}/templates", "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            port, startup = None, []
            while port is None:
                line = server.stdout.readline()
                startup.append(line)
                if not line:
                    raise SystemExit("serve ended: " + server.stderr.read())
                found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                port = int(found.group(1)) if found else None
            sock, next_reload = events(port)
            time.sleep(0.3)
            results = f"{work}/templates/results.md"
            original = open(results, "rb").read()
            patients = f"{work}/data/patients.csv"
            cells = open(patients, "rb").read()
            first, second = b"\nR4-01,R4,44,", b"\nR4-01,R4,45,"
            if first not in cells:
                raise SystemExit("patients.csv has no row R4-01 aged 44 to edit")
            template_ms, data_ms = [], []
            for run in range(runs):
                sentence = b"\nA sentence saved while the preview runs.\n"
                added = run % 2 == 0
                saved = save(results, original + sentence if added else original)
                template_ms.append((next_reload() - saved) * 1000)
                status, html = page(port, "/results.html")
                if status != 200 or ("A sentence saved while the preview runs." in html) != added:
                    raise SystemExit("the page after the template edit is not the new site")
                time.sleep(0.3)
            save(results, original)
            next_reload()
            for run in range(runs):
                edited = cells.replace(first, second, 1) if run % 2 == 0 else cells
                saved = save(patients, edited)
                data_ms.append((next_reload() - saved) * 1000)
                status, _ = page(port, "/index.html")
                if status != 200:
                    raise SystemExit("the page after the data edit is not the site")
                time.sleep(0.3)
            sock.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
        # The rebuild times serve printed: the first build, the template
        # edits and their restore, then the data edits.
        printed = "".join(startup) + server.stdout.read()
        if os.environ.get("SERVE_BENCH_DEBUG"):
            sys.stderr.write(printed)
        built = [int(t) for t in re.findall(r"[Ss]ite built in (\d+) ms", printed)]
        rebuilt = {"template edit": built[1:1 + runs], "data cell edit": built[2 + runs:2 + 2 * runs]}
        print(f"{label}\tfirst build\t{built[0]} ms")
        for kind, times in (("template edit", template_ms), ("data cell edit", data_ms)):
            shown = ", ".join("%.0f" % t for t in times)
            inside = ", ".join(str(t) for t in rebuilt[kind])
            print(f"{label}\t{kind}\tmedian {statistics.median(times):.0f} ms\truns: {shown}\t(rebuilds as serve printed them: {inside} ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 5,
         sys.argv[5] if len(sys.argv) > 5 else "default")
