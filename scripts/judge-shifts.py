#!/usr/bin/env python3
"""Compare a stanceshift report with the hand judgments of its flags.

usage: judge-shifts.py REPORT.json JUDGMENTS.tsv CORPUS [--sample N --seed S]

REPORT.json   output of `stanceshift report --all --format json`
JUDGMENTS.tsv data/gold/shift-judgments.tsv (columns: corpus, before_statement_id,
              after_statement_id, flagged_kind, score, verdict, cause, note)
CORPUS        corpus name used in the judgments (polnear-train, reuters, sotu, ...)

Prints the flags (shifts other than `reaffirm`) of the report that are not yet
judged for CORPUS, so that after a rule change only the new pairs need reading,
then the precision of the flags that are judged:
(right + right_other_kind) / judged, over the flags of this report.
A flag is matched by (before_statement_id, after_statement_id, flagged_kind);
a judged pair flagged now with another kind is reported apart (the verdict may
still hold for `right_other_kind` pairs, but it needs a look).

--sample N --seed S lists only the flags of a random sample
(random.seed(S); random.sample(flags, N) over the flags in report order),
the way the Reuters judgments were drawn (N=100, S=10).
"""
import argparse
import csv
import json
import random
import sys


def flags_of(report):
    out = []
    for actor in report["actors"]:
        for topic in actor["topics"]:
            for s in topic["shifts"]:
                if s["kind"] == "reaffirm":
                    continue
                out.append((actor["id"], topic["label"], s))
    return out


def load_judgments(path, corpus):
    j = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            if row["corpus"] != corpus:
                continue
            key = (row["before_statement_id"], row["after_statement_id"])
            j.setdefault(key, {})[row["flagged_kind"]] = row
    return j


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("judgments")
    ap.add_argument("corpus")
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=10)
    a = ap.parse_args()

    flags = flags_of(json.load(open(a.report, encoding="utf-8")))
    if a.sample is not None and a.sample < len(flags):
        random.seed(a.seed)
        flags = random.sample(flags, a.sample)
    judged = load_judgments(a.judgments, a.corpus)

    unjudged, kind_changed, verdicts = [], [], []
    for actor, label, s in flags:
        key = (s["before"]["statement_id"], s["after"]["statement_id"])
        rows = judged.get(key)
        if rows and s["kind"] in rows:
            verdicts.append(rows[s["kind"]]["verdict"])
        elif rows:
            kind_changed.append((actor, label, s, sorted(rows)))
        else:
            unjudged.append((actor, label, s))

    def show(actor, label, s, extra=""):
        b, f = s["before"], s["after"]
        print(f"{a.corpus}\t{b['statement_id']}\t{f['statement_id']}\t{s['kind']}\t{s['score']}"
              f"\t# {actor} | {label}{extra}")
        print(f"    B {b['date']} [{b['speaker']}] {b['quote'][:300]}")
        print(f"    A {f['date']} [{f['speaker']}] {f['quote'][:300]}")

    print(f"## {len(unjudged)} unjudged flags of {len(flags)}")
    for x in unjudged:
        show(*x)
    if kind_changed:
        print(f"## {len(kind_changed)} judged pairs flagged now with another kind")
        for actor, label, s, kinds in kind_changed:
            show(actor, label, s, f" | judged as {','.join(kinds)}")
    n = len(verdicts)
    ok = sum(v in ("right", "right_other_kind") for v in verdicts)
    prec = f"{ok / n:.3f}" if n else "n/a"
    print(f"## {a.corpus}: judged {n} of {len(flags)} flags; "
          f"right {verdicts.count('right')}, right_other_kind {verdicts.count('right_other_kind')}, "
          f"wrong {verdicts.count('wrong')}; precision {prec}")


if __name__ == "__main__":
    sys.exit(main())
