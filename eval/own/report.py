#!/usr/bin/env python3
"""Recall@5 and MRR@10 per corpus and split from `atelier bench retrieval --json` outputs.

Usage: report.py BENCH.json [LABEL=BENCH.json ...]   (the eval set gives each query's split)
"""
import json
import pathlib
import sys

split_of = {}
for line in (pathlib.Path(__file__).resolve().parent.parent / "retrieval-own.jsonl").read_text().splitlines():
    if line.strip():
        row = json.loads(line)
        split_of[row["id"]] = row.get("split", "all")


def metrics(ranks):
    n = len(ranks)
    if n == 0:
        return (float("nan"), float("nan"), 0)
    recall = sum(1 for r in ranks if 0 < r <= 5) / n
    mrr = sum(1.0 / r for r in ranks if 0 < r <= 10) / n
    return (recall, mrr, n)


def table(label, path):
    data = json.loads(pathlib.Path(path).read_text())
    by = {}
    for q in data["queries"]:
        split = split_of.get(q["id"], "all")
        for key in ((q["corpus"], split), ("overall", split)):
            by.setdefault(key, []).append(q["rank"])
    corpora = sorted({c for c, _ in by if c != "overall"}) + ["overall"]
    print(f"## {label} (vectors: {data.get('vectors')})")
    print("| corpus | dev recall@5 | dev MRR@10 | test recall@5 | test MRR@10 |")
    print("| --- | --- | --- | --- | --- |")
    for c in corpora:
        d = metrics(by.get((c, "dev"), []))
        t = metrics(by.get((c, "test"), []))
        print(f"| {c} | {d[0]:.3f} | {d[1]:.3f} | {t[0]:.3f} | {t[1]:.3f} |")
    print()


for arg in sys.argv[1:]:
    label, _, path = arg.rpartition("=")
    table(label or path, path)
