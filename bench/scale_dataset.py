#!/usr/bin/env python3
"""Replicate a dataset folder to N patients, for benchmarks (not for the site).

Copy c of every study, patient, step, adverse event and answer gets ids with
the suffix `x<c>` (copy 0 keeps the original ids) and study refs + 1000 * c.
The last copy keeps only as many patients as N needs (all its studies stay).
PRISMA counts are multiplied by the number of copies, so the flow still
adds up to the rows of studies.csv.

usage: scale_dataset.py SOURCE_DIR DEST_DIR N
"""
import csv
import io
import math
import os
import re
import shutil
import sys


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write(path, header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8") as f:
        f.write(out.getvalue())


def suffix(key, copy):
    return key if copy == 0 else f"{key}x{copy}"


def main(source, dest, n):
    os.makedirs(dest, exist_ok=True)
    ph, patients = read(os.path.join(source, "patients.csv"))
    copies = math.ceil(n / len(patients))
    for name in ("review.yaml", "published.yaml", "codebook.yaml"):
        shutil.copy(os.path.join(source, name), os.path.join(dest, name))
    with open(os.path.join(source, "prisma.yaml"), encoding="utf-8") as f:
        prisma = f.read()
    prisma = re.sub(r"((?:records_identified|registers_records|removed_\w+|records_excluded|reports_not_retrieved|count|studies|reports|records): )(\d+)",
                    lambda m: m.group(1) + str(int(m.group(2)) * copies), prisma)
    with open(os.path.join(dest, "prisma.yaml"), "w", encoding="utf-8") as f:
        f.write(prisma)

    kept = set()
    pid, psid = ph.index("patient_id"), ph.index("study_id")
    out = []
    for c in range(copies):
        for row in patients:
            if len(out) == n:
                break
            row = list(row)
            kept.add((row[pid], c))
            row[pid], row[psid] = suffix(row[pid], c), suffix(row[psid], c)
            out.append(row)
    write(os.path.join(dest, "patients.csv"), ph, out)

    sh, studies = read(os.path.join(source, "studies.csv"))
    sid, ref = sh.index("study_id"), sh.index("ref")
    write(os.path.join(dest, "studies.csv"), sh,
          [[suffix(v, c) if i == sid else str(int(v) + 1000 * c) if i == ref else v for i, v in enumerate(row)]
           for c in range(copies) for row in studies])
    rh, answers = read(os.path.join(source, "risk_of_bias.csv"))
    write(os.path.join(dest, "risk_of_bias.csv"), rh,
          [[suffix(row[0], c)] + row[1:] for c in range(copies) for row in answers])
    for name in ("treatments.csv", "adverse_events.csv"):
        h, rows = read(os.path.join(source, name))
        k = h.index("patient_id")
        write(os.path.join(dest, name), h,
              [row[:k] + [suffix(row[k], c)] + row[k + 1:] for c in range(copies) for row in rows if (row[k], c) in kept])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
