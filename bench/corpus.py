#!/usr/bin/env python3
"""Builds a JSONL news corpus of a given size for the whole-program benchmark.

Reads the 4,500 synthetic stories in ../shared/news/synthetic_stories_plover_labeled.csv.zip and
writes them again and again, each copy with distinct ids and story dates, until the output reaches
the requested size. Usage: corpus.py SHARED_DIR OUT.jsonl SIZE_MB
"""
import csv
import io
import json
import sys
import zipfile

def main() -> int:
    shared, out_path, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    csv.field_size_limit(1 << 30)
    with zipfile.ZipFile(f"{shared}/news/synthetic_stories_plover_labeled.csv.zip") as z:
        name = z.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    stories = [(r["title"], r["text"]) for r in rows if r["text"].strip()]
    limit = int(size_mb * 1024 * 1024)
    written, copy = 0, 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < limit:
            for i, (title, text) in enumerate(stories):
                day = 1 + (copy * 7 + i) % 28
                month = 1 + (copy + i) % 12
                record = {
                    "id": f"c{copy}-s{i}",
                    "date": f"{2000 + copy % 20}-{month:02}-{day:02}",
                    "title": title,
                    "text": text,
                }
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= limit:
                    break
            copy += 1
    print(f"{out_path}: {written / 1048576:.1f} MB, {copy} cop(ies) of {len(stories)} stories", file=sys.stderr)
    return 0

if __name__ == "__main__":
    sys.exit(main())
