#!/usr/bin/env python3
"""The "today vs the R Markdown peer" section of BENCHMARKS.md, from bench/run.sh's
alternating runs (versus.tsv) and its one build per size with REVIEWSITE_TIMES
(stages-build-SIZE.txt).

report.py includes it; alone it prints the section: python3 bench/report_versus.py bench/out
"""
import os
import re
import statistics
import sys

PATIENTS = {"default": 136}
GOALS = {"100000": (300, "100k build <= peer and < 300 MiB"), "1000000": (2048, "1M build <= peer and < 2 GiB")}
STAGES = ["load", "database", "figures", "tables' queries", "plan (tables, templates)", "pages and files"]


def runs(out):
    """{(size, tool): [(seconds, MiB)]} of versus.tsv."""
    found = {}
    path = os.path.join(out, "versus.tsv")
    if os.path.exists(path):
        for line in open(path):
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 4 and fields[2] and fields[3]:
                found.setdefault((fields[0], fields[1]), []).append((float(fields[2]), int(fields[3]) / 1024))
    return found


def stages(out, size):
    """{stage: (wall ms, CPU ms)} of one build's REVIEWSITE_TIMES lines."""
    path = os.path.join(out, f"stages-build-{size}.txt")
    found = {}
    if os.path.exists(path):
        for line in open(path):
            match = re.match(r"time (.+?): ([0-9.]+) ms \(CPU of all threads ([0-9.]+) ms", line)
            if match and match.group(1) in STAGES:
                found[match.group(1)] = (float(match.group(2)), float(match.group(3)))
    return found


def section(out):
    found = runs(out)
    sizes = [s for s in ["default", "10000", "100000", "1000000"] if (s, "reviewsite") in found]
    if not sizes:
        return ""
    lines = ["## Today vs the R Markdown peer\n",
             "`reviewsite build` and the peer (`bench/peer/render.sh`) run one after the other in turn, in the",
             "same `make bench` run, so that the shared machine's load falls on both alike (medians; peak",
             "memory is the largest maximum resident set of the runs). The peer renders one results paragraph;",
             "reviewsite builds the whole site. The ratio is the peer's time over reviewsite's.\n",
             "| patients | runs | reviewsite build | per patient | peak memory | R Markdown peer | peer memory | peer / reviewsite |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        ours = found[(size, "reviewsite")]
        peer = found.get((size, "rmarkdown"), [])
        t = statistics.median(s for s, _ in ours)
        n = PATIENTS.get(size, int(size) if size.isdigit() else 0)
        label = f"{n:,} (default)" if size == "default" else f"{n:,}"
        row = f"| {label} | {len(ours)} | {t:.3f} s | {t / n * 1e6:.1f} µs | {max(m for _, m in ours):.0f} MiB |"
        if peer:
            p = statistics.median(s for s, _ in peer)
            row += f" {p:.3f} s | {max(m for _, m in peer):.0f} MiB | {p / t:.2f}× |"
        else:
            row += " – | – | – |"
        lines.append(row)
    lines.append("")
    goals = []
    for size, (mib, text) in GOALS.items():
        if (size, "reviewsite") in found and (size, "rmarkdown") in found:
            t = statistics.median(s for s, _ in found[(size, "reviewsite")])
            p = statistics.median(s for s, _ in found[(size, "rmarkdown")])
            m = max(m for _, m in found[(size, "reviewsite")])
            met = t <= p and m < mib
            goals.append(f"- {text}: {'met' if met else 'not met'} ({t:.2f} s vs {p:.2f} s, {m:.0f} MiB).")
    per = {s: statistics.median(x for x, _ in found[(s, "reviewsite")]) / int(s) * 1e6 for s in sizes if s.isdigit()}
    if "10000" in per and "1000000" in per:
        goals.append("- cost per patient flat from 10k to 1M: "
                     + ", ".join(f"{per[s]:.1f} µs at {int(s):,}" for s in sizes if s.isdigit())
                     + f" ({per['1000000'] / per['10000']:.2f}× from 10k to 1M).")
    if goals:
        lines += ["Goals of issue 30:\n"] + goals + [""]
    staged = [s for s in sizes if stages(out, s)]
    if staged:
        lines += ["Stages of one build per size (REVIEWSITE_TIMES=1: wall time, then the CPU time of all threads",
                  "in brackets; CPU above wall means both cores worked):\n",
                  "| stage | " + " | ".join(f"{PATIENTS.get(s, 0) if s == 'default' else int(s):,}" for s in staged) + " |",
                  "| --- |" + " ---: |" * len(staged)]
        for stage in STAGES:
            cells = []
            for s in staged:
                wall, cpu = stages(out, s).get(stage, (None, None))
                cells.append("–" if wall is None else f"{wall / 1000:.2f} s ({cpu / 1000:.2f} s)")
            lines.append(f"| {stage} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(section(sys.argv[1]), end="")
