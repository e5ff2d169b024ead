#!/usr/bin/env python3
"""Reference values of the 95 % Wilson score interval, at 50 digits with
mpmath, for WilsonIntervalTests.swift: percent, rounded half up to one
decimal. Run it to regenerate the test's table:

    python3 Tests/Reference/wilson.py
"""
import mpmath as m

m.mp.dps = 50
Z = m.sqrt(2) * m.erfinv(m.mpf("0.95"))
CASES = [(15, 21), (39, 48), (0, 10), (10, 10), (1, 1), (0, 1), (1, 2), (5, 11), (12, 18), (2, 136),
         (68, 136), (135, 136), (1, 3), (2, 3), (250, 1000), (1, 1000000), (999999, 1000000), (7, 9), (3, 53), (50, 100)]
# The proportions of the default review's figures.json (IntervalFilterTests).
CASES += [(1, 11), (2, 9), (2, 18), (3, 3), (3, 10), (3, 136), (4, 9), (4, 10), (5, 53), (6, 11), (6, 53), (7, 11),
          (10, 18), (12, 21), (13, 15), (19, 53), (39, 53)]


def tenth(value):
    # Half up at one decimal, from the exact value.
    return m.floor(value * 10 + m.mpf("0.5")) / 10


def wilson(x, n):
    p = m.mpf(x) / n
    d = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / d
    half = Z / d * m.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return tenth(100 * (centre - half)), tenth(100 * (centre + half))


for x, n in CASES:
    low, high = wilson(x, n)
    print("        (%d, %d, %.1f, %.1f)," % (x, n, float(low), float(high)))
