#!/usr/bin/env python3
"""Statement-date sanity on a real corpus: how many statements are dated far
before their article, and by which dating words.

    stanceshift extract CORPUS.jsonl > statements.jsonl
    scripts/date-metrics.py CORPUS.jsonl statements.jsonl [--days 300] [--show 20]

Reads the corpus only for article dates; prints counts, the share dated more
than --days before the article, the dating evidence most often behind them,
and a few examples (article id, statement index, evidence) to judge by hand.
"""
import argparse
import collections
import json
import random
from datetime import date


def day(text: str) -> date:
    return date.fromisoformat(text[:10])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("statements")
    parser.add_argument("--days", type=int, default=300)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    dates = {}
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            dates[record["id"]] = day(record["date"])
    total, early, by_basis, evidence = 0, [], collections.Counter(), collections.Counter()
    with open(args.statements, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            total += 1
            by_basis[s["date"]["basis"]] += 1
            article = dates.get(s["article_id"])
            if article and (article - day(s["date"]["date"])).days > args.days:
                early.append(s)
                evidence[(s["date"].get("evidence") or "").lower()] += 1
    share = 100 * len(early) / max(total, 1)
    print(f"statements {total}; dated > {args.days} days before the article: {len(early)} ({share:.2f}%)")
    print("bases:", dict(by_basis))
    print("evidence behind the early ones:", evidence.most_common(12))
    random.seed(7)
    for s in random.sample(early, min(args.show, len(early))):
        print(f"  {s['article_id']}#{s['index']}  {s['date']['date']}  {s['date'].get('evidence')!r}")


if __name__ == "__main__":
    main()
