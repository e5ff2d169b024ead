#!/usr/bin/env python3
"""Checks manuscript.docx as Word lays it out, with LibreOffice's headless
converter standing in for Word: converted to PDF, every cell of every table
reads whole in the PDF's text (a column too narrow breaks a word inside,
"Underlyi ng"); and the PRISMA diagram is drawn at a size where its text
(13 px in the SVG, drawn at twice its size into the PNG) is 8 pt or more.

    python3 Tests/Supplement/check_word_layout.py DOCX SCRATCH PRISMA_HEADING
"""
import os
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
EMU_PER_POINT = 12700
SVG_FONT_PX, PNG_ZOOM = 13, 2


def words(text):
    # A line may break after a dash, hyphen or slash: the space print puts there is dropped.
    return re.sub(r"([–/-]) ", r"\1", " ".join(text.split()))


def converted_text(docx, scratch):
    """The DOCX laid out by LibreOffice, as pdftotext reads it in content order."""
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.abspath(folder) + "/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", folder, docx], check=True, capture_output=True, timeout=300)
        pdf = os.path.join(folder, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
        return subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True, text=True).stdout


def check(docx, scratch, prisma_heading):
    failures = []
    with zipfile.ZipFile(docx) as archive:
        document = ET.fromstring(archive.read("word/document.xml"))
        relations = ET.fromstring(archive.read("word/_rels/document.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in relations}
        media = {name: archive.read(name) for name in archive.namelist() if name.startswith("word/media/")}

    flat = words(converted_text(docx, scratch))
    cells = 0
    for row in document.iter(W + "tr"):
        position = 0
        for cell in row.iter(W + "tc"):
            text = words(" ".join("".join(t.text or "" for t in p.iter(W + "t")) for p in cell.iter(W + "p")))
            if not text:
                continue
            cells += 1
            found = flat.find(text, position)
            if found < 0:
                broken = [word for word in text.split() if word not in flat]
                failures.append("manuscript.docx, laid out by LibreOffice, breaks %r of the cell %r" % (broken[:3] or text[:40], text[:60]))
            else:
                position = found + len(text)
    print("manuscript.docx: %d table cells read whole after LibreOffice's layout" % cells)

    prisma = None
    for drawing in document.iter(WP + "inline"):
        described = drawing.find(WP + "docPr")
        if described is not None and described.get("descr") == prisma_heading:
            blip = drawing.find(".//" + A + "blip")
            png = media.get("word/" + targets.get(blip.get(R + "embed"), ""))
            if png and png[:8] == b"\x89PNG\r\n\x1a\n":
                width_px = struct.unpack(">I", png[16:20])[0]
                shown = int(drawing.find(WP + "extent").get("cx")) / EMU_PER_POINT
                prisma = SVG_FONT_PX * shown / (width_px / PNG_ZOOM)
    if prisma is None:
        failures.append("manuscript.docx has no PRISMA diagram (no drawing described as %r)" % prisma_heading)
    elif prisma < 7.95:
        failures.append("manuscript.docx draws the PRISMA diagram's text at %.1f pt (expected 8 pt or more)" % prisma)
    else:
        print("manuscript.docx: PRISMA's text drawn at %.1f pt" % prisma)
    return failures


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    problems = check(*sys.argv[1:])
    for problem in problems[:20]:
        print("FAIL " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
