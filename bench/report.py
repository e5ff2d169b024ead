#!/usr/bin/env python3
"""Writes BENCHMARKS.md from the hyperfine and /usr/bin/time results of bench/run.sh."""
import json
import os
import platform
import subprocess
import sys

import report_diff
import report_versus

out = sys.argv[1]


def median(kind, name):
    path = os.path.join(out, f"{kind}-{name}.json")
    if not os.path.exists(path):
        return None
    return json.load(open(path))["results"][0]["median"]


def runs(kind, name):
    path = os.path.join(out, f"{kind}-{name}.json")
    return len(json.load(open(path))["results"][0]["times"]) if os.path.exists(path) else 0


memory = {}
for line in open(os.path.join(out, "memory.tsv")):
    name, kind, kib = line.rstrip("\n").split("\t")
    memory[(name, kind)] = int(kib) / 1024 if kib else None


def command(args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "not installed"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem_gib = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
swift = command(["swift", "--version"]).splitlines()[0] if command(["swift", "--version"]) else "?"
r = command(["Rscript", "--version"]) or subprocess.run(["Rscript", "--version"], capture_output=True, text=True).stderr.strip()

sizes = [n for n in ["1000", "10000", "100000", "1000000"] if median("build", n) is not None]
print("# Benchmarks\n")
print("Measured by `make bench` (bench/run.sh): median wall time over repeated runs with hyperfine")
print("(one warm-up run), peak memory (maximum resident set size) of one run under `/usr/bin/time -v`.")
print("Release build. The datasets are the default data replicated with new ids by")
print("`bench/scale_dataset.py` (studies replicated, PRISMA counts scaled).\n")
print(f"Machine: {os.cpu_count()} cores ({cpu}), {mem_gib:.0f} GiB memory, {platform.system()} {platform.release()}; {swift}; {r.splitlines()[0] if r else 'R not installed'}.\n")
# The default size's goals first (bench/default_speed.sh), with the notes kept beside the script.
default_speed = os.path.join(out, "default-speed.md")
if os.path.exists(default_speed):
    print("## Default size (issue 30)\n")
    print(open(default_speed).read())
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "default_speed_notes.md")
    if os.path.exists(notes):
        print(open(notes).read())
print("## reviewsite at each size\n")
print("| patients | figures: time | figures: per patient | figures: memory | build: time | build: per patient | build: memory |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
d = median("build", "default")
if d is not None:
    f = median("figures", "default")
    print(f"| 136 (default) | {f*1000:.0f} ms | – | {memory.get(('default','figures'),0):.0f} MiB | {d*1000:.0f} ms | – | {memory.get(('default','build'),0):.0f} MiB |")
for n in sizes:
    f, b = median("figures", n), median("build", n)
    print(f"| {int(n):,} | {f:.2f} s | {f/int(n)*1e6:.2f} µs | {memory.get((n,'figures'),0):.0f} MiB | {b:.2f} s | {b/int(n)*1e6:.2f} µs | {memory.get((n,'build'),0):.0f} MiB |")
print()
print("Per-patient time is the total divided by the patients: constant per-patient cost means linear growth")
print("(start-up dominates the smallest sizes).\n")
# stages-N.txt from reviewsite-bench; stages-build-*.txt (REVIEWSITE_TIMES) are report_versus.py's.
stages = sorted((f for f in os.listdir(out) if f.startswith("stages-") and f[7:-4].isdigit()), key=lambda f: int(f[7:-4]))
if stages:
    largest = stages[-1]
    lines = open(os.path.join(out, largest)).read().strip().splitlines()
    print(f"## Where the time goes at {int(largest[7:-4]):,} patients\n")
    print("From `reviewsite-bench` (one process, the stages of `reviewsite build` one after another; CPU time")
    print("is that of all threads, so CPU above wall time means both cores were busy):\n")
    print("```")
    print("\n".join(lines))
    print("```\n")
    print("Loading reads the CSV files as bytes on two threads; the facts are grouped once with a byte-keyed")
    print("id index; figures compute in parallel; pages, tables and downloads are independent jobs spread over")
    print("the cores. Writing about 1.3 GB of pages and downloads is a large part of the site stage's CPU time")
    print("(system time in the kernel's page cache).\n")
    cache = os.path.join(out, "pagecache.tsv")
    speeds = dict(line.rstrip("\n").split("\t") for line in open(cache)) if os.path.exists(cache) else {}
    def rate(text):
        value, unit = text.split()
        return float(value) * {"kB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9}.get(unit, 1)
    if "first" in speeds and "again" in speeds:
        print(f"Writing 1 GiB with `dd` into the page cache on this machine: {speeds['first']} the first time,")
        if rate(speeds["first"]) * 2 < rate(speeds["again"]):
            print(f"{speeds['again']} again right after deleting the file. Memory the VM has not used recently is slow to touch")
            print("the first time; the largest size writes about 1.3 GB of new page cache and holds over 1 GB of")
            print("process memory, which is why its per-patient cost is above the one at 100,000 patients.\n")
        else:
            print(f"{speeds['again']} again right after deleting the file: no slow first touch of memory in this run.\n")
print(report_diff.section(out), end="")
workbook_rows = []
for n in ["100000"]:
    book, csv = median("figures-workbook", n), median("figures", n)
    size_file = os.path.join(out, f"workbook-{n}.tsv")
    if book is None or csv is None or not os.path.exists(size_file):
        continue
    size = int(open(size_file).read().split("\t")[1]) / 1024 / 1024
    workbook_rows.append(f"| {int(n):,} | {csv:.3f} s ({memory.get((n, 'figures'), 0):.0f} MiB) | "
                         f"{book:.3f} s ({memory.get(('workbook-' + n, 'figures'), 0):.0f} MiB) | {size:.1f} MB | {book / csv:.1f}× |")
if workbook_rows:
    print("## Reading the tables from a workbook\n")
    print("`reviewsite figures` on the same rows as CSV files and as the workbook `reviewsite workbook` writes")
    print("from them (bench/workbook.sh): unzipping and reading each sheet's XML, then the same checks.\n")
    print("| patients | CSV files | workbook | workbook size | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(workbook_rows))
    print()
print(report_versus.section(out), end="")
print("## Against R Markdown on the same report\n")
print("The peer (bench/peer/results.Rmd, rendered by `rmarkdown::render`) reads the same CSV files and")
print("renders one results paragraph with the same figures (PRISMA counts, response rates, medians, the")
print("mean duration, adverse-event and recurrence proportions) to HTML. It does not validate the data,")
print("and writes no tables, PRISMA diagram, catalogue page, provenance links or Markdown twins, and does")
print("not replace its output atomically: reviewsite does all of that in the time shown.\n")
print("| data | R Markdown | reviewsite build | ratio |")
print("| --- | ---: | ---: | ---: |")
for name, label in [("default", "default (136 patients)"), ("100000", "100,000 patients")]:
    rm, rs = median("rmarkdown", name), median("build", name)
    if rm is not None and rs is not None:
        print(f"| {label} | {rm:.3f} s ({memory.get((name,'rmarkdown'),0):.0f} MiB) | {rs:.3f} s ({memory.get((name,'build'),0):.0f} MiB) | {rm/rs:.1f}× |")
print()

bytes_section = os.path.join(out, "site-bytes.md")
if os.path.exists(bytes_section):
    print(open(bytes_section).read().rstrip() + "\n")

goals = []
d_build, d_rm = median("build", "default"), median("rmarkdown", "default")
if d_build and d_rm:
    goals.append(f"- reviewsite build at least 20 times faster than the R Markdown peer on the default data: "
                 f"{'met' if d_rm / d_build >= 20 else 'not met'} ({d_rm / d_build:.1f}×).")
m_build, m_mem = median("build", "1000000"), memory.get(("1000000", "build"))
if m_build and m_mem:
    goals.append(f"- build of 1,000,000 patients under 10 s and under 2 GiB: "
                 f"{'met' if m_build < 10 and m_mem < 2048 else 'not met'} ({m_build:.1f} s, {m_mem:.0f} MiB).")
if goals:
    print("## Goals of issue 12\n")
    print("\n".join(goals))
    print()
