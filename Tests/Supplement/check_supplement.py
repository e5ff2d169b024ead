#!/usr/bin/env python3
"""Checks what `reviewsite publish` made of any review: the PDF as
check_pdf.py checks it, and its text (pdftotext) holding every cell of every
table that TEMPLATES/site.yaml declares; the DOCX holding every row of those
tables as a Word table row, cell by cell, every word of every declared text
page, in order, nothing but the document's own images and markup, and, as
LibreOffice lays it out (check_word_layout.py), no word broken in a table
and the PRISMA diagram's text at 8 pt or more.

    python3 Tests/Supplement/check_supplement.py SITE OUT TEMPLATES
"""
import re
import subprocess
import yaml
import sys
import zipfile
import xml.etree.ElementTree as ET

import check_pdf
import check_word_layout
from check_word_layout import words

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


def plain(path, source):
    """A document's text as pandoc reads it, in words."""
    return words(subprocess.run(["pandoc", "--from", source, "--to", "plain", "--wrap", "none", path],
                                check=True, capture_output=True, text=True).stdout)


def page_paragraphs(site, templates):
    """Each declared text page's twin, without what the site adds to it (the
    home page's contents and downloads, the footer), as paragraphs of words."""
    with open(templates + "/site.yaml", encoding="utf-8") as handle:
        pages = [page["text"] for page in yaml.safe_load(handle)["pages"] if "text" in page]
    found = {}
    for number, name in enumerate(pages):
        twin = "index.md" if number == 0 else name
        with open(site + "/" + twin, encoding="utf-8") as handle:
            text = handle.read()
        # The test knows the twin's form: the footer after the last rule, the home page's contents after its last heading of that name.
        text = text[:text.rindex("\n---\n")]
        if number == 0:
            text = text[:text.rindex("\n## Contents\n")]
        converted = subprocess.run(["pandoc", "--from", "markdown", "--to", "plain", "--wrap", "none"], input=text,
                                   check=True, capture_output=True, text=True).stdout
        # A thematic break is a row of dashes in plain text, and a rule in print.
        found[name] = [words(paragraph) for paragraph in converted.split("\n\n") if paragraph.strip().strip("-")]
    return found


def missing_paragraphs(paragraphs, flat):
    """The paragraphs not found in `flat`, in order after the one before."""
    position, missing = 0, []
    for paragraph in paragraphs:
        found = flat.find(paragraph, position)
        if found < 0:
            missing.append(paragraph)
        else:
            position = found + len(paragraph)
    return missing


def review(site):
    """review.yaml's title and authors, as the site's data folder holds it."""
    with open(site + "/data/review.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return data.get("review", data)


def editor_checks(docx_path, site):
    """What an editor needs of the Word file: its title and authors among its
    properties, every table's header row repeated on each page and no row
    split across pages, and Table 1's columns fitted to their contents."""
    failures = []
    with zipfile.ZipFile(docx_path) as docx:
        core = ET.fromstring(docx.read("docProps/core.xml"))
        document = ET.fromstring(docx.read("word/document.xml"))
    dc = "{http://purl.org/dc/elements/1.1/}"
    info = review(site)
    if (core.findtext(dc + "title") or "") != info["title"]:
        failures.append("manuscript.docx's title property is %r, not review.yaml's %r" % (core.findtext(dc + "title"), info["title"]))
    if (core.findtext(dc + "creator") or "") != "; ".join(info["authors"]):
        failures.append("manuscript.docx's author property is %r, not review.yaml's %r" % (core.findtext(dc + "creator"), info["authors"]))
    if not core.findtext(dc + "subject"):
        failures.append("manuscript.docx has no subject property")
    tables = list(document.iter(W + "tbl"))
    if not tables:
        failures.append("manuscript.docx has no table")
    for number, tbl in enumerate(tables, 1):
        rows = tbl.findall(W + "tr")
        if not rows or rows[0].find(W + "trPr/" + W + "tblHeader") is None:
            failures.append("manuscript.docx's table %d does not repeat its header row (no tblHeader)" % number)
        split = [index for index, row in enumerate(rows) if row.find(W + "trPr/" + W + "cantSplit") is None]
        if split:
            failures.append("manuscript.docx's table %d has %d rows that may split across pages (no cantSplit)" % (number, len(split)))
    widths = [int(column.get(W + "w")) for column in tables[0].iter(W + "gridCol")] if tables else []
    if len(set(widths)) < 2:
        failures.append("manuscript.docx's Table 1 has columns of equal widths %r" % widths[:4])
    print("manuscript.docx: properties, %d tables' header rows and rows, Table 1's %d column widths checked" % (len(tables), len(widths)))
    return failures


def declared_tables(templates):
    """The ids of the table pages that site.yaml declares, in its order."""
    with open(templates + "/site.yaml", encoding="utf-8") as handle:
        return [page["table"] for page in yaml.safe_load(handle)["pages"] if "table" in page]


def prisma_heading(templates):
    """The PRISMA page's heading, which the Word file's diagram is described by."""
    with open(templates + "/site.yaml", encoding="utf-8") as handle:
        page = next(page for page in yaml.safe_load(handle)["pages"] if page.get("builtin") == "prisma")
    return page.get("heading", page["title"])


def study_key(site):
    """The studies' CSV file and key column, as the site's codebook declares them."""
    with open(site + "/data/codebook.yaml", encoding="utf-8") as handle:
        columns = yaml.safe_load(handle)["tables"]["studies"]["columns"]
    return site + "/data/studies.csv", next(column["column"] for column in columns if column.get("type") == "id")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    site, out, templates = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = check_pdf.check(out + "/supplement.pdf", *study_key(site))

    # Every declared table in the PDF: every row's cells, whole and in the
    # row's order, after the table's header (pdftotext -raw keeps the
    # content's order, so a cell that wraps over lines stays together).
    pdf = subprocess.run(["pdftotext", "-raw", out + "/supplement.pdf", "-"], check=True, capture_output=True, text=True).stdout
    flat = words(pdf)
    tables = declared_tables(templates)
    values = 0
    for name in tables:
        header, rows = table(site + "/" + name + ".md")
        start = flat.find(words(header[0]) + " " + words(header[1]))
        if start < 0:
            failures.append("supplement.pdf has no %s header %r" % (name, header[:2]))
        for row in rows:
            position = start
            for cell in row:
                values += 1
                found = flat.find(words(cell), position)
                if found < 0:
                    failures.append("supplement.pdf lacks %s's %r in the row %r" % (name, cell, row[0]))
                    break
                position = found + len(words(cell))
    print("supplement.pdf: %d values of %d declared tables checked" % (values, len(tables)))

    # Every declared table in the DOCX: a Word table row with exactly each row's cells.
    with zipfile.ZipFile(out + "/manuscript.docx") as docx:
        document = ET.fromstring(docx.read("word/document.xml"))
    word_rows = set()
    for tr in document.iter(W + "tr"):
        cells = tuple(words("".join(t.text or "" for t in tc.iter(W + "t"))) for tc in tr.iter(W + "tc"))
        word_rows.add(cells)
    checked = 0
    for name in tables:
        header, rows = table(site + "/" + name + ".md")
        for row in [header] + rows:
            checked += 1
            if tuple(words(cell) for cell in row) not in word_rows:
                failures.append("manuscript.docx has no %s row %r" % (name, row[:3]))
    print("manuscript.docx: %d rows of %d declared tables checked among %d Word table rows" % (checked, len(tables), len(word_rows)))

    # Every word of every text page, in order: a page cut short fails here.
    # Charts are images in the DOCX (their descriptions stay text).
    pages = page_paragraphs(site, templates)
    docx_words = plain(out + "/manuscript.docx", "docx")
    checked = 0
    for name, paragraphs in pages.items():
        for paragraph in missing_paragraphs(paragraphs, docx_words):
            failures.append("manuscript.docx lacks this paragraph of %s: %r" % (name, paragraph[:120]))
        checked += len(paragraphs)
    print("manuscript.docx: %d paragraphs of %d text pages checked" % (checked, len(pages)))

    # Only the document's own images, no external relationship (a link
    # Word would follow when it opens the file), no field codes.
    with zipfile.ZipFile(out + "/manuscript.docx") as docx:
        names = docx.namelist()
        relations = docx.read("word/_rels/document.xml.rels").decode("utf-8")
        xml = docx.read("word/document.xml").decode("utf-8")
    for name in names:
        if name.startswith("word/media/") and not name.endswith(".png"):
            failures.append("manuscript.docx embeds %s, which is not one of its drawn images" % name)
    for target in re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', relations):
        if not re.match(r"^https?://", target):
            failures.append("manuscript.docx links to %r, a page of the site or a file Word cannot open" % target)
    if "instrText" in xml or "fldSimple" in xml:
        failures.append("manuscript.docx holds a Word field (INCLUDEPICTURE and the like)")
    failures += editor_checks(out + "/manuscript.docx", site)
    failures += check_word_layout.check(out + "/manuscript.docx", out, prisma_heading(templates))

    for failure in failures[:20]:
        print("FAIL " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
