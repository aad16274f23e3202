#!/usr/bin/env python3
"""Write the real corpora under $STANCESHIFT_DATA as JSON Lines for `stanceshift index`.

The corpora are third-party: this script reads them where they are and writes
JSON Lines to an output folder outside the repository (default
/tmp/stanceshift-real). Nothing it writes belongs in the project.

    scripts/export-real-corpora.py [--data DIR] [--out DIR] [polnear-dev polnear-train reuters sotu]

Writes polnear-dev.jsonl, polnear-train.jsonl, reuters.jsonl and sotu.jsonl.
Each line: id, date, source, title, body (plus speaker for SOTU addresses).
Ids are stable (PolNeAR file stem, `reuters-NEWID`, SOTU file id), so the same
article gets the same id on every run and reports can be compared byte for byte.
"""
import argparse
import csv
import html
import json
import os
import re
import sys
from datetime import datetime
from pathlib import Path


def polnear(data: Path, split: str):
    meta = {}
    with open(data / "polnear" / "data" / "metadata.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    text_dir = data / "polnear" / "data" / split / "text"
    for path in sorted(text_dir.glob("*.txt")):
        stem = path.stem
        row = meta.get(stem, {})
        date = row.get("publication_date") or stem.split("_")[1]
        body = path.read_text(encoding="utf-8")
        yield {
            "id": f"polnear-{stem}",
            "date": date,
            "source": row.get("publisher") or stem.split("_")[0],
            "title": row.get("title") or None,
            "body": body,
        }


REUTERS_BLOCK = re.compile(r"<REUTERS\b(.*?)</REUTERS>", re.S)


def _element(block: str, name: str):
    m = re.search(rf"<{name}(?:\s[^>]*)?>(.*?)</{name}>", block, re.S)
    return m.group(1) if m else None


def _unescape(text: str) -> str:
    text = html.unescape(text)
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32)


def reuters(data: Path):
    for path in sorted((data / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for m in REUTERS_BLOCK.finditer(raw):
            block = m.group(0)
            new_id = re.search(r'NEWID="(\d+)"', block)
            date_raw = _element(block, "DATE")
            if not new_id or not date_raw:
                continue
            parts = _unescape(date_raw).split()
            try:
                day = datetime.strptime(parts[0], "%d-%b-%Y")
            except (ValueError, IndexError):
                continue
            title = _element(block, "TITLE")
            title = " ".join(_unescape(title).split()) if title else None
            body = _element(block, "BODY")
            if body is None:
                text = _element(block, "TEXT") or ""
                body = re.sub(r"<[^>]+>", " ", text)
            body = _unescape(body).strip()
            if not body and not title:
                continue
            yield {
                "id": f"reuters-{new_id.group(1)}",
                "date": day.strftime("%Y-%m-%d"),
                "source": "reuters",
                "title": title or None,
                "body": body or title,
            }


def sotu(data: Path):
    root = data / "sotu"
    with open(root / "metadata.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            path = root / "speeches" / f"{row['fileid']}.txt"
            if not path.exists():
                continue
            yield {
                "id": f"sotu-{row['fileid']}",
                "date": row["date"],
                "source": "sotu",
                "title": f"State of the Union, {row['year']}",
                "speaker": row["president_full"],
                "body": path.read_text(encoding="utf-8"),
            }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("STANCESHIFT_DATA", str(Path(__file__).resolve().parents[1].parent / "shared" / "data")))
    parser.add_argument("--out", default="/tmp/stanceshift-real")
    parser.add_argument("corpora", nargs="*", default=["polnear-dev", "reuters"])
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sources = {
        "polnear-dev": lambda: polnear(data, "dev"),
        "polnear-train": lambda: polnear(data, "train"),
        "reuters": lambda: reuters(data),
        "sotu": lambda: sotu(data),
    }
    for name in args.corpora:
        if name not in sources:
            print(f"unknown corpus {name}; choose from {', '.join(sources)}", file=sys.stderr)
            return 2
        try:
            records = list(sources[name]())
        except FileNotFoundError as e:
            print(f"skipping {name}: {e}", file=sys.stderr)
            continue
        target = out / f"{name}.jsonl"
        with open(target, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{target}: {len(records)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
