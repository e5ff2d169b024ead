#!/usr/bin/env python3
"""Checks what print/supplement.sh made from a built site: the PDF's text
(pdftotext) holds every value of Table 2, and the DOCX's word/document.xml
holds every row of Table 1 as a Word table row, cell by cell.

    python3 Tests/Supplement/check_supplement.py SITE OUT
"""
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def table(path):
    """The header and rows of a Markdown twin's pipe table, unescaped."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.startswith("|"):
                continue
            cells, current, escaped = [], "", False
            for character in line[1:]:
                if escaped:
                    current += character
                    escaped = False
                elif character == "\\":
                    escaped = True
                elif character == "|":
                    cells.append(current.strip())
                    current = ""
                else:
                    current += character
            if not all(cell == "---" for cell in cells):
                rows.append(cells)
    return rows[0], rows[1:]


def words(text):
    # Line breaks and spacing differ between print and source; a line may
    # break after a dash or hyphen (6–⏎7), so a space after one is dropped.
    return re.sub(r"([–-]) ", r"\1", " ".join(text.split()))


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    site, out = sys.argv[1], sys.argv[2]
    failures = []

    # Table 2 in the PDF: every row's cells, whole and in the row's order, in
    # the text of the PDF (pdftotext -raw keeps the content's order, so a
    # cell that wraps over lines stays together).
    pdf = subprocess.run(["pdftotext", "-raw", out + "/supplement.pdf", "-"], check=True, capture_output=True, text=True).stdout
    flat = words(pdf)
    header, rows = table(site + "/table-2.md")
    start = flat.find(words(header[0]) + " " + words(header[1]))
    if start < 0:
        failures.append("supplement.pdf has no Table 2 header %r" % header[:2])
    values = 0
    for row in rows:
        position = start
        for cell in row:
            values += 1
            found = flat.find(words(cell), position)
            if found < 0:
                failures.append("supplement.pdf lacks Table 2's %r in the row %r" % (cell, row[0]))
                break
            position = found + len(words(cell))
    print("supplement.pdf: %d values of Table 2 checked in %d rows" % (values, len(rows)))

    # Table 1 in the DOCX: a Word table row with exactly the row's cells.
    with zipfile.ZipFile(out + "/report.docx") as docx:
        document = ET.fromstring(docx.read("word/document.xml"))
    word_rows = set()
    for tr in document.iter(W + "tr"):
        cells = tuple(words("".join(t.text or "" for t in tc.iter(W + "t"))) for tc in tr.iter(W + "tc"))
        word_rows.add(cells)
    header, rows = table(site + "/table-1.md")
    for row in [header] + rows:
        if tuple(words(cell) for cell in row) not in word_rows:
            failures.append("report.docx has no table row %r" % row[:3])
    print("report.docx: %d rows of Table 1 checked among %d Word table rows" % (len(rows) + 1, len(word_rows)))

    for failure in failures[:20]:
        print("FAIL " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
