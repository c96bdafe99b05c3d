#!/usr/bin/env python3
"""Joins eval/own/*.jsonl into eval/retrieval-own.jsonl with a deterministic dev/test split.

Within each corpus the queries are ordered by the SHA-256 of their text and alternate dev, test,
dev, ... so each corpus has both halves (sizes differ by at most one) and no choice of ours moves a
query from one half to the other. Also refuses queries that hold code identifiers (camelCase,
snake_case, a word with a dot or parentheses), which the set is meant to be free of.
"""
import hashlib
import json
import pathlib
import re
import sys

here = pathlib.Path(__file__).resolve().parent
identifier = re.compile(r"\b([a-z]+[A-Z]\w*|\w+_\w+|\w+\(\)|[a-z]\w*\.[a-z]\w*\()")
out = []
for path in sorted(here.glob("*.jsonl")):
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    for row in rows:
        bad = identifier.search(row["query"])
        if bad:
            sys.exit(f"{row['id']}: query holds an identifier: {bad.group(0)!r}")
    rows.sort(key=lambda r: hashlib.sha256(r["query"].encode()).hexdigest())
    for i, row in enumerate(rows):
        row["split"] = "dev" if i % 2 == 0 else "test"
    rows.sort(key=lambda r: r["id"])
    out.extend(rows)
(here.parent / "retrieval-own.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out))
for split in ("dev", "test"):
    print(split, sum(1 for r in out if r["split"] == split))
