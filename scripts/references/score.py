#!/usr/bin/env python3
"""Scores Atelier's stored reference resolution against a compiler's call sites.

Usage: score.py TRUTH.jsonl DATA_FOLDER [--misses N]

TRUTH lines: {"file", "line" (1-based), "col" (0-based), "name", "target", "targetLine"} or
{"external": true}. Each site is matched to the stored reference of the same file, line and name
(the same column, else the nearest). A link counts as resolved at a confidence the tools show as
resolved (>= 0.11; below are guesses by name alone, reported apart). A link is right when it
points at the compiler's target file and its symbol's name (or start) line is the target line.

precision = right resolved links / resolved links on the sampled sites (sites the compiler
            resolves outside the sources count: any link there is wrong)
recall    = sites resolved into the sources where some resolved link is right / those sites
"""
import collections
import glob
import json
import os
import sqlite3
import sys

GUESS_BELOW = 0.11


def unpack(text):
    out = []
    if not text:
        return out
    for line in text.split("\n"):
        f = line.split("\t")
        out.append((f[0], f[1], f[2], int(f[3]), int(f[4]) if f[4] else -1))
    return out


def main():
    truth_path, data = sys.argv[1], sys.argv[2]
    misses = int(sys.argv[sys.argv.index("--misses") + 1]) if "--misses" in sys.argv else 0
    dbs = [p for p in glob.glob(os.path.join(data, "**", "*.db"), recursive=True)]
    db = sqlite3.connect(max(dbs, key=os.path.getsize))
    truth = [json.loads(l) for l in open(truth_path)]
    wanted = {t["file"] for t in truth} | {t["target"] for t in truth if t.get("target")}
    branch = db.execute("SELECT branch_id FROM branch_files GROUP BY branch_id"
                        " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    files = {}  # path -> (file_id, blob_id)
    ids = {}
    for fid, path, blob in db.execute(
            "SELECT file_id, path, blob_id FROM branch_files WHERE branch_id = ?", (branch,)):
        files[path] = (fid, blob)
        ids[fid] = (path, blob)
    refs = {}  # path -> {(line, name): [(col, ordinal)]}
    for t in {t["file"] for t in truth}:
        if t not in files:
            continue
        row = db.execute("SELECT refs FROM blob_refs WHERE blob_id = ?", (files[t][1],)).fetchone()
        by = collections.defaultdict(list)
        for ordinal, (name, kind, q, line, col) in enumerate(unpack(row[0] if row else "")):
            by[(line, name)].append((col, ordinal, q))
        refs[t] = by
    # everything the sites need, read once (the tables are not indexed for these lookups)
    links_of = collections.defaultdict(list)
    wanted_ids = {files[p][0] for p in refs}
    for fid, ordinal, to_file, to_symbol, conf in db.execute(
            "SELECT from_file, ref_ordinal, to_file, to_symbol, confidence FROM resolved_refs"
            " WHERE branch_id = ?", (branch,)):
        if fid in wanted_ids:
            links_of[(fid, ordinal)].append((to_file, to_symbol, conf))
    sym_lines = {}  # (blob, ordinal) -> (name_line, start_line)
    for blob, ordinal, name_line, start_line in db.execute(
            "SELECT blob_id, ordinal, name_line, start_line FROM symbols"):
        sym_lines[(blob, ordinal)] = (name_line, start_line)

    def lines_of(blob, ordinal):
        return sym_lines.get((blob, ordinal), (-1, -1))

    c = collections.Counter()
    shown = 0
    for t in truth:
        internal = bool(t.get("target"))
        c["sites"] += 1
        c["internal"] += internal
        by = refs.get(t["file"])
        cands = by.get((t["line"], t["name"])) if by else None
        if not cands:
            c["unmatched"] += 1
            if internal and shown < misses:
                shown += 1
                print("NO REF ", json.dumps(t))
            continue
        col, ordinal, qualifier = min(cands, key=lambda x: abs(x[0] - t["col"]))
        fid = files[t["file"]][0]
        links = links_of[(fid, ordinal)]
        resolved = [l for l in links if l[2] >= GUESS_BELOW]
        guesses = [l for l in links if l[2] < GUESS_BELOW]

        def right(link):
            path, blob = ids[link[0]]
            return internal and path == t["target"] and t["targetLine"] in lines_of(blob, link[1])

        c["links"] += len(resolved)
        good = sum(1 for l in resolved if right(l))
        c["right_links"] += good
        c["sites_with_links"] += bool(resolved)
        c["sites_all_right"] += bool(resolved) and good == len(resolved)
        if internal:
            c["recalled"] += good > 0
            c["guess_right"] += (not resolved) and any(right(l) for l in guesses)
        if internal and good == 0 and shown < misses:
            shown += 1
            where = [(ids[l[0]][0], lines_of(ids[l[0]][1], l[1])[0], round(l[2], 3)) for l in links]
            print("MISS   ", json.dumps(t), "qualifier=%r" % qualifier, where)
        elif not internal and resolved and shown < misses:
            shown += 1
            where = [(ids[l[0]][0], lines_of(ids[l[0]][1], l[1])[0], round(l[2], 3)) for l in resolved]
            print("EXTERN ", json.dumps(t), "qualifier=%r" % qualifier, where)
    p = c["right_links"] / c["links"] if c["links"] else 0.0
    r = c["recalled"] / c["internal"] if c["internal"] else 0.0
    print(json.dumps({
        "sites": c["sites"], "into_sources": c["internal"], "unmatched_sites": c["unmatched"],
        "resolved_links": c["links"], "right_links": c["right_links"],
        "sites_with_links": c["sites_with_links"], "sites_all_links_right": c["sites_all_right"],
        "recalled_sites": c["recalled"], "right_only_as_guess": c["guess_right"],
        "precision": round(p, 4), "recall": round(r, 4)}))


if __name__ == "__main__":
    main()
