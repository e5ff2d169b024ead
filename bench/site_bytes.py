#!/usr/bin/env python3
"""The bytes of a built site by kind, as a Markdown table.

    python3 bench/site_bytes.py SITE [SITE ...]

With several sites (before and after a change, or `rows: {pages: all}`
and `rows: {pages: first}`), one column per site, headed by its folder's name.
"""
import os
import sys

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


def main(sites):
    if not sites or not all(os.path.isdir(s) for s in sites):
        sys.exit("usage: site_bytes.py SITE [SITE ...] (built site folders)")
    measured = [measure(s) for s in sites]
    header = "| kind | " + " | ".join(f"{os.path.basename(os.path.normpath(s))}: files, bytes" for s in sites) + " |"
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
    main(sys.argv[1:])
