#!/usr/bin/env python3
"""Turns BenchmarkDotNet's CSV reports (bench/BenchmarkDotNet.Artifacts/results) into the tables of RESULTS.md."""
import csv
import os
import sys

RESULTS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "BenchmarkDotNet.Artifacts", "results")
MIB = 1 << 20
INPUTS = ["KeyFree", "WithKeys", "SkRepeated", "RunNoMarker", "RunWithMarker", "MarkerRepeated", "ProjPrefixes", "MarkerDenseRuns"]
UNITS = {"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}


def load(name):
    path = os.path.join(RESULTS, f"KeyLint.Benchmarks.Scanners.{name}-report.csv")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ns(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def alloc(text):
    return "0 B" if text in ("0 B", "-") else text


def mbps(row):
    scale = int(row.get("Scale", "1") or 1)
    return scale * MIB * 1000 / ns(row["Mean"])


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 1 else f"{x:.2f}"


def row_for(rows, method, inp, scale=None):
    for r in rows:
        if r["Method"] == method and r["Input"] == inp and (scale is None or r.get("Scale") == str(scale)):
            return r
    return None


scanning, truffle, scaling = load("ScanningBenchmarks"), load("TrufflehogBenchmarks"), load("ScalingBenchmarks")

print("| Input | KeyScanner MB/s | KeyScanner allocated | gitleaks-style MB/s | allocated | KeyScanner speed-up | trufflehog-style MB/s | allocated | KeyScanner speed-up |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for inp in INPUTS:
    k, g, t = row_for(scanning, "KeyScanner", inp), row_for(scanning, "GitleaksRegex", inp), row_for(truffle, "TrufflehogRegex", inp)
    if not k:
        continue
    cells = [inp, fmt(mbps(k)), alloc(k["Allocated"])]
    cells += [fmt(mbps(g)), alloc(g["Allocated"]), f"{ns(g['Mean']) / ns(k['Mean']):.2f}×"] if g else ["", "", ""]
    cells += [fmt(mbps(t)), alloc(t["Allocated"]), f"{ns(t['Mean']) / ns(k['Mean']):.2f}×"] if t else ["quadratic", "", "see regex scaling"]
    print("| " + " | ".join(cells) + " |")

print()
print("| Input | Method | 1 MiB | 2 MiB | 4 MiB | 2×/1× | 4×/2× | MB/s at 4 MiB |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for inp in INPUTS:
    for method in ("KeyScanner", "GitleaksRegex"):
        rs = [row_for(scaling, method, inp, s) for s in (1, 2, 4)]
        if not all(rs):
            continue
        t = [ns(r["Mean"]) for r in rs]
        print(f"| {inp} | {method} | {t[0] / 1e3:,.1f} µs | {t[1] / 1e3:,.1f} µs | {t[2] / 1e3:,.1f} µs | {t[1] / t[0]:.2f} | {t[2] / t[1]:.2f} | {fmt(mbps(rs[2]))} |")

