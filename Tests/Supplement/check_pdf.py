#!/usr/bin/env python3
"""Checks supplement.pdf as a journal's editor reads it (poppler's pdftotext
and pdfinfo): every page carries its running head and "Page N of M"; the
contents list every part with the page it starts on (its heading is on that
page, and the PDF's destination for it too); the PRISMA diagram's smallest
text is 8 pt or more; nothing says "SVG file" or links to a file of the
site; and every included study is in eReferences.

    python3 Tests/Supplement/check_pdf.py PDF STUDIES_CSV KEY_COLUMN
"""
import csv
import re
import subprocess
import sys

PART = re.compile(r"^\s*(eMethods|eTable \d+|eFigure \d+|eReferences)\.\s+(.*?)\s+(\d+)\s*$")


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pages_text(pdf):
    return run("pdftotext", "-layout", pdf, "-").split("\f")[:-1]


def words_by_page(pdf):
    """Each page's words with their boxes (pdftotext -bbox), and its height."""
    html = run("pdftotext", "-bbox", pdf, "-")
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page.group(3))]
        pages.append((float(page.group(2)), words))
    return pages


def check(pdf, studies_csv, key):
    failures = []
    texts = pages_text(pdf)
    count = len(texts)
    for number, text in enumerate(texts, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines or not lines[0].startswith("Supplement to: "):
            failures.append("page %d has no running head (first line %r)" % (number, lines[0] if lines else ""))
        if not lines or lines[-1] != "Page %d of %d" % (number, count):
            failures.append("page %d does not end with 'Page %d of %d' (last line %r)" % (number, number, count, lines[-1] if lines else ""))

    # The contents: every part, with the page its heading is on.
    contents = [PART.match(line) for line in texts[0].splitlines()]
    contents = [(match.group(1), match.group(2), int(match.group(3))) for match in contents if match]
    if not contents or contents[0][0] != "eMethods" or contents[-1][0] != "eReferences":
        failures.append("the first page's contents do not run from eMethods to eReferences: %r" % [c[0] for c in contents])
    destinations = {}
    for line in run("pdfinfo", "-dests", pdf).splitlines()[1:]:
        match = re.match(r'\s*(\d+) .*"([^"]+)"$', line)
        if match:
            destinations[match.group(2)] = int(match.group(1))
    for label, title, page in contents:
        if not 1 < page <= count:
            failures.append("the contents put %s on page %d of %d" % (label, page, count))
            continue
        heading = [line.strip() for line in texts[page - 1].splitlines() if line.strip()][1:3]
        if not any(line.startswith(label + ". ") for line in heading):
            failures.append("the contents put %s on page %d, whose heading is %r" % (label, page, heading))
        if destinations.get(label.lower().replace(" ", "-")) != page:
            failures.append("the contents put %s on page %d, the PDF's link target on page %r" % (label, page, destinations.get(label.lower().replace(" ", "-"))))

    # PRISMA's text against the running head's, which is 8 pt in the same
    # font (the printed diagram is set in it): no word of the diagram smaller.
    boxes = words_by_page(pdf)
    # The first word of the first page is the running head's.
    head = [word[3] - word[1] for word in boxes[0][1][:1]]
    prisma = [page for label, title, page in contents if title.startswith("PRISMA")]
    if not prisma or not head:
        failures.append("no PRISMA diagram in the contents (or no running head to measure)")
    else:
        point = head[0] / 8.0
        height, words = boxes[prisma[0] - 1]
        inside = [w for w in words if w[1] > 40 and w[3] < height - 40 and not w[4].startswith("eFigure")]
        smallest = min(w[3] - w[1] for w in inside) / point
        if smallest < 7.95:
            failures.append("the PRISMA diagram's smallest text is %.1f pt (expected 8 pt or more)" % smallest)
        print("supplement.pdf: PRISMA's smallest text %.1f pt" % smallest)

    everything = "\n".join(texts)
    if "SVG file" in everything:
        failures.append("supplement.pdf prints the link text 'SVG file', which leads nowhere on paper")
    with open(pdf, "rb") as handle:
        raw = handle.read()
    for target in re.findall(rb"/URI \(([^)]*)\)", raw):
        if not re.match(rb"https?://", target):
            failures.append("supplement.pdf links to %r, a file of the site or the machine" % target.decode("latin-1"))

    # Every study in eReferences, by its label.
    references = [page for label, title, page in contents if label == "eReferences"]
    listed = "\n".join(texts[references[0] - 1:]) if references else ""
    with open(studies_csv, encoding="utf-8-sig", newline="") as handle:
        studies = [row[key] for row in csv.DictReader(handle)]
    absent = [study for study in studies if not re.search(r"(^|\s)%s(\s|$)" % re.escape(study), listed, re.M)]
    if absent:
        failures.append("eReferences lacks %d of the %d studies: %s" % (len(absent), len(studies), ", ".join(absent[:10])))
    print("supplement.pdf: %d pages numbered, %d parts in the contents, %d studies in eReferences" % (count, len(contents), len(studies) - len(absent)))
    return failures


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    failures = check(*sys.argv[1:])
    for failure in failures[:20]:
        print("FAIL " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
