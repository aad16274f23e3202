#!/usr/bin/env python3
"""Draw candidate mentions or statements for the hand-judged gold files.

    scripts/gold-candidates.py actors|dates [--seed 9] [--real /tmp/stanceshift-real] [--extracted DIR]

Reads the JSON Lines exports (scripts/export-real-corpora.py) and the
statements `stanceshift extract` wrote for them (DIR/<corpus>.jsonl), draws a
stratified random sample and prints each candidate with its context to the
terminal, for a person to judge. Nothing it prints belongs in the project: the
gold files keep only ids, offsets, labels and the judge's own notes.

actors: speaker mentions. PolNeAR train+dev: tool speakers stratified as
named / pronoun / description, plus PolNeAR gold Source spans; Reuters: tool
speakers, the same three strata.
dates: PolNeAR train+dev statements stratified by the words of the cue's
sentence: explicit (a month or a numeric date), relative (weekday, yesterday,
last/this week...), context (at the time, then, earlier), none.
"""
import argparse
import json
import os
import random
import re
from pathlib import Path

PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "his", "her", "him"}


def load(real, extracted, corpus):
    bodies = {}
    for line in open(real / f"{corpus}.jsonl", encoding="utf-8"):
        r = json.loads(line)
        bodies[r["id"]] = (r["date"], r["body"].encode("utf-8"))
    stmts = [json.loads(l) for l in open(extracted / f"{corpus}.jsonl", encoding="utf-8")]
    return bodies, stmts


def stratum(text):
    words = text.split()
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0][0].isupper() and words[0].lower() not in {"the", "a", "an"}:
        return "named"
    return "description"


def gold_sources(data, split):
    """PolNeAR Source spans of the first annotator, as byte offsets."""
    out = []
    split_dir = data / "polnear" / "data" / split
    seen = set()
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        byte_at = [len(text[:i].encode("utf-8")) for i in range(len(text) + 1)]
        for line in ann.read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if len(f) < 2 or not f[0].startswith("T") or not f[1].startswith("Source "):
                continue
            ranges = f[1].split(" ", 1)[1].split(";")
            s, e = int(ranges[0].split()[0]), int(ranges[-1].split()[1])
            out.append((f"polnear-{name}", byte_at[s], byte_at[e]))
    return out


def show(n, corpus, aid, body, s, e, actor, before):
    ctx = body[max(0, s - before):s].decode("utf-8", "replace") + "[[" + body[s:e].decode("utf-8", "replace") + "]]" + body[e:e + 40].decode("utf-8", "replace")
    print(f"#{n}\t{corpus}\t{aid}\t{s}\t{e}\ttool={actor}\n    " + " ".join(ctx.split()) + "\n")


def actors(args, rng):
    n = 0
    data = Path(os.environ.get("STANCESHIFT_DATA", "/work/shared/data"))
    plan = {"polnear": {"named": 50, "pronoun": 30, "description": 20}, "reuters": {"named": 70, "pronoun": 45, "description": 45}}
    for corpus, quotas in plan.items():
        bodies, stmts = {}, []
        for part in (["polnear-dev", "polnear-train"] if corpus == "polnear" else ["reuters"]):
            b, s = load(args.real, args.extracted, part)
            bodies.update(b)
            stmts += s
        by_stratum = {}
        for st in stmts:
            sp = st["speaker"]
            if not st["cue"] or sp["span"]["start"] == sp["span"]["end"]:
                continue
            k = stratum(sp["text"])
            if k:
                by_stratum.setdefault(k, []).append(st)
        for k, quota in quotas.items():
            for st in rng.sample(by_stratum[k], quota):
                sp = st["speaker"]
                n += 1
                show(n, corpus, st["article_id"], bodies[st["article_id"]][1], sp["span"]["start"], sp["span"]["end"], sp.get("actor"), 450 if k == "pronoun" else 160)
        if corpus == "polnear":
            spans = gold_sources(data, "dev") + gold_sources(data, "train")
            for aid, s, e in rng.sample(spans, 50):
                n += 1
                show(n, corpus, aid, bodies[aid][1], s, e, "(gold source)", 250)


DATE_WORDS = {
    "explicit": re.compile(r"\b(Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d|\b\d{1,2}/\d{1,2}\b"),
    "relative": re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last (week|month|year|night)|this (week|month|morning)|(\w+ )?(days|weeks|months) ago|earlier this)\b"),
    "context": re.compile(r"\b(at the time|then|earlier|later|that day|the next day)\b", re.I),
}


def dates(args, rng):
    n = 0
    bodies, stmts = {}, []
    for part in ["polnear-dev", "polnear-train"]:
        b, s = load(args.real, args.extracted, part)
        bodies.update(b)
        stmts += s
    by = {}
    for st in stmts:
        if not st["cue"]:
            continue
        body = bodies[st["article_id"]][1]
        lo = min(st["cue_span"]["start"], st["content_span"]["start"], st["speaker"]["span"]["start"] or 10**9)
        hi = max(st["cue_span"]["end"], st["content_span"]["end"])
        sentence = body[max(0, lo - 120):hi + 120].decode("utf-8", "replace")
        k = next((k for k, rx in DATE_WORDS.items() if rx.search(sentence)), "none")
        by.setdefault(k, []).append(st)
    for k, quota in {"explicit": 50, "relative": 70, "context": 40, "none": 45}.items():
        for st in rng.sample(by[k], quota):
            n += 1
            body = bodies[st["article_id"]][1]
            c = st["content_span"]
            lo = min(st["cue_span"]["start"], c["start"])
            hi = max(st["cue_span"]["end"], c["end"])
            inner = body[lo:hi].decode("utf-8", "replace")
            inner = inner if len(inner) < 260 else inner[:130] + " ... " + inner[-130:]
            ctx = body[max(0, lo - 260):lo].decode("utf-8", "replace") + "[[" + inner + "]]" + body[hi:hi + 60].decode("utf-8", "replace")
            d = st["date"]
            print(f"#{n}\t{k}\t{st['article_id']}\tdoc={bodies[st['article_id']][0]}\tcontent={c['start']}-{c['end']}\ttool={d['window']['start']}..{d['window']['end']} {d['basis']} {d.get('evidence')}\n    " + " ".join(ctx.split()) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("task", choices=["actors", "dates"])
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--real", type=Path, default=Path("/tmp/stanceshift-real"))
    p.add_argument("--extracted", type=Path, required=True)
    args = p.parse_args()
    rng = random.Random(args.seed)
    (actors if args.task == "actors" else dates)(args, rng)


if __name__ == "__main__":
    main()
