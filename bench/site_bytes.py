#!/usr/bin/env python3
"""The bytes of a built site by kind, as a Markdown table.

    python3 bench/site_bytes.py SITE [SITE ...]
    python3 bench/site_bytes.py --section BIN DATA TEMPLATES

With several sites (before and after a change, or `rows: {pages: all}`
and `rows: {pages: first}`), one column per site, headed by its folder's name.
With --section, BIN builds DATA three times next to DATA's folder: with
TEMPLATES as they are, and with site.yaml's `rows:` set to the first page
of 1,000 rows (with both downloads, then the database alone); the
section for BENCHMARKS.md is printed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

DECLARED = [
    ("as the templates declare", None),
    ("`rows: {pages: first, limit: 1000}`", "rows: {pages: first, limit: 1000}"),
    ("the same and `downloads: [database]`", "rows: {pages: first, limit: 1000, downloads: [database]}"),
]

KINDS = ["HTML pages", "Markdown twins", "CSV downloads", "database", "SVG", "supplement", "other"]


def kind(path):
    name = os.path.basename(path)
    if path == "supplement.html":
        return "supplement"
    if name.endswith(".html"):
        return "HTML pages"
    if name.endswith(".md"):
        return "Markdown twins"
    if name.endswith(".csv"):
        return "CSV downloads"
    if name.endswith(".sqlite"):
        return "database"
    if name.endswith(".svg"):
        return "SVG"
    return "other"


def measure(site):
    sizes = {k: [0, 0] for k in KINDS}
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            entry = sizes[kind(os.path.relpath(path, site))]
            entry[0] += 1
            entry[1] += os.path.getsize(path)
    return sizes


def mb(n):
    return f"{n / 1e6:,.1f} MB" if n >= 100_000 else f"{n / 1e3:,.1f} kB"


def section(binary, data, templates):
    """Builds the three sites and prints the BENCHMARKS.md section."""
    base = os.path.dirname(os.path.abspath(data))
    sites = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, (_, rows) in enumerate(DECLARED):
            folder = templates
            if rows:
                folder = os.path.join(scratch, f"templates-{number}")
                shutil.copytree(templates, folder)
                with open(os.path.join(folder, "site.yaml"), encoding="utf-8") as file:
                    text = file.read()
                if any(line.startswith("rows:") for line in text.splitlines()):
                    sys.exit(f"{templates}/site.yaml declares rows: already; remove it to compare the three forms")
                with open(os.path.join(folder, "site.yaml"), "a", encoding="utf-8") as file:
                    file.write(("" if text.endswith("\n") else "\n") + rows + "\n")
            out = os.path.join(base, f"site-bytes-{number + 1}")
            subprocess.run([binary, "build", "--data", data, "--templates", folder, "--out", out], check=True, stdout=subprocess.DEVNULL)
            sites.append(out)
    patients = sum(1 for _ in open(os.path.join(data, "patients.csv"), encoding="utf-8")) - 1
    print(f"\n## Site bytes by kind at {patients:,} patients\n")
    prose(data)
    main(sites, labels=[f"{number + 1}" for number in range(len(sites))])


def prose(data):
    print(f"`bench/site_bytes.py` (make bench) on the site of `{data}` built three times: "
          + "; ".join(f"{number + 1}, {name}" for number, (name, _) in enumerate(DECLARED))
          + ". Files and bytes of each kind (MB = 10^6 bytes). The default review's site.yaml declares no `rows:`,"
          + " so 1 is every page of every table and both downloads: what every site was before `rows:` existed."
          + " 2 writes one page per long table (its first 1,000 rows, with a sentence linking the downloads that"
          + " hold the rest), and a Markdown twin and supplement eTables of those rows; 3 offers the dataset's"
          + " rows in the database only. \"other\" is mostly `figures.json` (each figure's row ids), then the YAML"
          + " files, `style.css` and `sort.js`.\n")


def main(sites, labels=None):
    if not sites or not all(os.path.isdir(s) for s in sites):
        sys.exit("usage: site_bytes.py SITE [SITE ...] (built site folders)")
    measured = [measure(s) for s in sites]
    labels = labels or [os.path.basename(os.path.normpath(s)) for s in sites]
    header = "| kind | " + " | ".join(f"{label}: files, bytes" for label in labels) + " |"
    print(header)
    print("|---|" + "---:|" * len(sites))
    for k in KINDS + ["total"]:
        cells = []
        for m in measured:
            files = sum(v[0] for v in m.values()) if k == "total" else m[k][0]
            size = sum(v[1] for v in m.values()) if k == "total" else m[k][1]
            cells.append(f"{files}, {mb(size)}" if files else "–")
        print(f"| {'**total**' if k == 'total' else k} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--section"]:
        if len(sys.argv) != 5:
            sys.exit("usage: site_bytes.py --section BIN DATA TEMPLATES")
        section(*sys.argv[2:])
    else:
        main(sys.argv[1:])
