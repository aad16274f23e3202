#!/usr/bin/env python3
"""Actor-identity figures for an index, read from `stanceshift actors --json`.

usage: actor-metrics.py BIN INDEX [--top N] [--json]

Reports: distinct actor ids; how many are places or junk (by our own lists in
data/lexicons/places.txt and names.txt [unit]); how many person ids carry a
title word before the name; and, for the N surname groups with most
statements, how many ids each person has (grouped by surname). The same
method for any binary whose index the current `actors` command can read.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "data" / "lexicons"

TITLE_WORDS = {
    "minister", "secretary", "chairman", "chairwoman", "president", "representative", "governor",
    "director", "ambassador", "commissioner", "chancellor", "senator", "sen", "rep", "gov", "mayor",
    "spokesman", "spokeswoman", "exchequer", "judge", "admiral", "mr", "mrs", "ms", "dr", "premier",
}
PRONOUNS = {"i", "you", "we", "he", "she", "they", "it"}
CONTRACTIONS = {"d", "ve", "ll", "m", "re", "s"}


def sections(path):
    out, section = defaultdict(list), ""
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        else:
            out[section].append(line)
    return out


def slug(name):
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")


places_lex = sections(LEX / "places.txt")
PLACES = {slug(w) for sec in places_lex.values() for w in sec}
names_lex = sections(LEX / "names.txt")
UNITS = {slug(w) for w in names_lex["unit"]}
SUFFIXES = {slug(w) for w in names_lex["suffix"]}
ORG_WORDS = {slug(w) for w in names_lex["org_head"] + names_lex["org_name"]}
ROLE_WORDS = {slug(w) for w in sections(LEX / "speaker_words.txt")["role"]}


def junk_kind(actor):
    parts = actor.split("-")
    if actor in PLACES:
        return "place"
    if len(parts) == 1 and len(actor) == 1:
        return "letter"
    if len(parts) == 2 and parts[0] in PRONOUNS and parts[1] in CONTRACTIONS:
        return "contraction"
    if parts[-1] in UNITS:
        return "unit"
    if parts[0] == "q" and len(parts) > 1:
        return "interview-label"
    return None


def person_like(actor):
    parts = actor.split("-")
    return (
        junk_kind(actor) is None
        and parts[-1] not in ORG_WORDS
        and parts[-1] not in ROLE_WORDS
        and not actor.endswith("-government")
        and not actor.endswith("-administration")
    )


def titled(actor):
    parts = actor.split("-")
    return person_like(actor) and any(p in TITLE_WORDS for p in parts[:-1])


def surname(actor):
    parts = [p for p in actor.split("-") if p not in SUFFIXES] or actor.split("-")
    return parts[-1]


def metrics(actors, top):
    ids = {a["actor"]: a["statements"] for a in actors}
    junk = {a: junk_kind(a) for a in ids if junk_kind(a)}
    groups = defaultdict(dict)
    for a, n in ids.items():
        if person_like(a):
            groups[surname(a)][a] = n
    # A person group needs a full name (two words or more) among its ids.
    people = {s: g for s, g in groups.items() if any("-" in a for a in g)}
    ranked = sorted(people.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
    per_person = [len(g) for _, g in ranked]
    return {
        "distinct_ids": len(ids),
        "statements": sum(ids.values()),
        "junk_ids": len(junk),
        "junk_statements": sum(ids[a] for a in junk),
        "junk_by_kind": {k: sum(1 for v in junk.values() if v == k) for k in sorted(set(junk.values()))},
        "titled_ids": sum(1 for a in ids if titled(a)),
        "titled_statements": sum(n for a, n in ids.items() if titled(a)),
        "top_people": len(ranked),
        "ids_per_person_mean": round(sum(per_person) / max(1, len(per_person)), 2),
        "ids_per_person_max": max(per_person, default=0),
        "people_with_several_ids": sum(1 for n in per_person if n > 1),
        "top": [{"surname": s, "statements": sum(g.values()), "ids": sorted(g, key=lambda a: -g[a])} for s, g in ranked],
    }


def main():
    args = sys.argv[1:]
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    top = 30
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i : i + 2]
    binary, index = args
    out = subprocess.run([binary, "actors", "--json", "--index", index], capture_output=True, text=True, check=True)
    m = metrics(json.loads(out.stdout)["actors"], top)
    if as_json:
        print(json.dumps(m, indent=2))
        return
    for k, v in m.items():
        if k != "top":
            print(f"{k:28} {v}")
    for row in m["top"]:
        print(f"  {row['surname']:16} {row['statements']:6}  {len(row['ids'])}  {' '.join(row['ids'][:6])}")


if __name__ == "__main__":
    main()
