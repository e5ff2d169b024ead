#!/usr/bin/env python3
"""Makes the workbooks of this folder, which the tests read as real
spreadsheet programs write them (WorkbookFixtureTests.swift).

    python3 Tests/ReviewSiteTests/Fixtures/workbooks/make.py   (from the repository)

Needs openpyxl (pip install openpyxl) and LibreOffice (soffice), and the
debug build of reviewsite (swift build). Writes:

- openpyxl.xlsx: the default dataset's tables, by openpyxl in write-only
  mode (inline strings; numbers as numbers, as a team's script would).
- libreoffice.xlsx: `reviewsite workbook` of the default dataset, opened and
  saved again by LibreOffice Calc (shared strings, its own styles).
- kinds-openpyxl.xlsx: one sheet `kinds` with one cell of each kind in row 2:
  text, integer, decimal, TRUE, a date (openpyxl's custom format, id 164), a
  formula (openpyxl saves no result), an error cell, an escaped text; a
  hidden sheet `secret`; and empty formatted rows at the end.
- kinds-libreoffice.xlsx: the same saved by LibreOffice, which computes the
  formula and writes shared strings and a built-in date format.

It also writes the seeds of the FuzzWorkbook target, fuzz/corpus/workbook/:
the kinds workbooks whole (first byte z), their parts (p sheet, s shared
strings, y styles, w workbook.xml), a part that inflates 1,000 times (a
small zip bomb) and a shared string table of 10,000 empty strings.
"""
import csv
import io
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
TABLES = ["studies", "risk_of_bias", "patients", "treatments", "adverse_events"]
NUMERIC = {"ref", "year", "question", "age_years", "symptom_months", "lesion_cm", "vas_before", "vas_after",
           "follow_up_months", "step", "concentration", "dose_mg", "sessions", "duration_months", "shock_waves",
           "energy_mj_mm2"}
# openpyxl stores every workbook with the same date, so that its files do not change from run to run.
FIXED = datetime.datetime(2024, 1, 1)


def number(text):
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def openpyxl_dataset(path):
    book = openpyxl.Workbook(write_only=True)
    book.properties.created = book.properties.modified = FIXED
    for table in TABLES:
        sheet = book.create_sheet(table)
        with open(os.path.join(ROOT, "data", table + ".csv"), newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        header = rows[0]
        sheet.append(header)
        for row in rows[1:]:
            sheet.append([number(value) if value and header[index] in NUMERIC else (value or None)
                          for index, value in enumerate(row)])
    book.save(path)


def kinds(path):
    book = openpyxl.Workbook(write_only=True)
    book.properties.created = book.properties.modified = FIXED
    sheet = book.create_sheet("kinds")
    sheet.append(["text", "integer", "decimal", "logical", "date", "formula", "error", "escaped"])
    error = WriteOnlyCell(sheet, value="#N/A")
    error.data_type = "e"
    bold = WriteOnlyCell(sheet, value="bold")
    bold.font = Font(bold=True)
    sheet.append(["plain", 3, 3.5, True, datetime.date(2024, 5, 17), "=1+2", error, "a_x005F_b"])
    sheet.append([bold])
    for _ in range(3):
        sheet.append([None, None])
    hidden = book.create_sheet("secret")
    hidden.sheet_state = "hidden"
    hidden.append(["not", "read"])
    book.save(path)


def libreoffice(source, target):
    with tempfile.TemporaryDirectory() as folder:
        profile = "file://" + os.path.join(folder, "profile")
        subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", folder, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.move(os.path.join(folder, os.path.splitext(os.path.basename(source))[0] + ".xlsx"), target)


def fuzz_seeds():
    corpus = os.path.join(ROOT, "fuzz", "corpus", "workbook")
    os.makedirs(corpus, exist_ok=True)

    def seed(name, data):
        with open(os.path.join(corpus, name), "wb") as file:
            file.write(data)

    for program in ["openpyxl", "libreoffice"]:
        path = os.path.join(HERE, "kinds-%s.xlsx" % program)
        with open(path, "rb") as file:
            seed("whole-" + program, b"z" + file.read())
        with zipfile.ZipFile(path) as book:
            names = book.namelist()
            seed("sheet-" + program, b"p" + book.read("xl/worksheets/sheet1.xml"))
            seed("styles-" + program, b"y" + book.read("xl/styles.xml"))
            seed("workbook-" + program, b"w" + book.read("xl/workbook.xml"))
            if "xl/sharedStrings.xml" in names:
                seed("strings-" + program, b"s" + book.read("xl/sharedStrings.xml"))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/workbook.xml", b" " * 4_000_000)
    seed("zip-bomb", b"z" + bomb.getvalue())
    seed("strings-many", b"s<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + b"<si/>" * 10_000 + b"</sst>")


def main():
    binary = os.path.join(ROOT, ".build", "debug", "reviewsite")
    if not os.path.exists(binary):
        sys.exit("make.py: build reviewsite first (swift build)")
    openpyxl_dataset(os.path.join(HERE, "openpyxl.xlsx"))
    kinds(os.path.join(HERE, "kinds-openpyxl.xlsx"))
    with tempfile.TemporaryDirectory() as folder:
        written = os.path.join(folder, "written.xlsx")
        subprocess.run([binary, "workbook", "--data", os.path.join(ROOT, "data"), "--out", written],
                       check=True, stdout=subprocess.DEVNULL)
        libreoffice(written, os.path.join(HERE, "libreoffice.xlsx"))
        copy = os.path.join(folder, "kinds.xlsx")
        shutil.copy(os.path.join(HERE, "kinds-openpyxl.xlsx"), copy)
        libreoffice(copy, os.path.join(HERE, "kinds-libreoffice.xlsx"))
    fuzz_seeds()


if __name__ == "__main__":
    main()
