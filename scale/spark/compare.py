#!/usr/bin/env python3
"""Checks that Spark's results equal axis's own.

  compare.py events LOCAL.jsonl SPARK_DIR   the events (JSON lines) are the same multiset of lines
  compare.py csv AXIS.csv SPARK.csv         the series are the same, cell by cell

Events must be byte-identical lines (the same binary coded the same documents; only the order
differs). Series cells must be identical text; a number may differ only in its last printed digit
and only where the exact value lies on a rounding edge (Goldstein sums added in another order),
which is reported. Exits 1 on any difference, naming the line or cell.
"""
import csv
import glob
import os
import sys
from collections import Counter


def events(local, spark_dir):
    with open(local, encoding="utf-8") as f:
        want = Counter(line.rstrip("\n") for line in f if line.strip())
    got = Counter()
    parts = sorted(glob.glob(os.path.join(spark_dir, "part-*")))
    if not parts:
        print(f"{spark_dir}: no part-* files", file=sys.stderr)
        return 1
    for p in parts:
        with open(p, encoding="utf-8") as f:
            got.update(line.rstrip("\n") for line in f if line.strip())
    if want == got:
        print(f"events: equal ({sum(want.values())} event lines, {len(parts)} Spark part file(s))")
        return 0
    missing, extra = want - got, got - want
    print(f"events DIFFER: {sum(missing.values())} line(s) only in {local}, "
          f"{sum(extra.values())} only in {spark_dir}", file=sys.stderr)
    for label, c in (("only local", missing), ("only spark", extra)):
        for line in list(c)[:3]:
            print(f"  {label}: {line[:300]}", file=sys.stderr)
    return 1


def last_digit_apart(a, b):
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    digits = len(a.split(".")[1]) if "." in a else 0
    return abs(x - y) <= 10 ** -digits * 1.000001


def series(axis_csv, spark_csv):
    rows = []
    for path in (axis_csv, spark_csv):
        with open(path, encoding="utf-8", newline="") as f:
            rows.append(list(csv.reader(f)))
    want, got = rows
    if len(want) != len(got):
        print(f"{spark_csv}: {len(got)} line(s), {axis_csv} has {len(want)}", file=sys.stderr)
        return 1
    edge, bad = 0, 0
    for n, (w, g) in enumerate(zip(want, got), start=1):
        if len(w) != len(g):
            print(f"{spark_csv}:{n}: {len(g)} cells, axis has {len(w)}", file=sys.stderr)
            return 1
        for col, (a, b) in enumerate(zip(w, g)):
            if a == b:
                continue
            if last_digit_apart(a, b):
                edge += 1
                print(f"{spark_csv}:{n}: column {want[0][col]}: axis {a}, spark {b} (rounding edge)")
            else:
                bad += 1
                print(f"{spark_csv}:{n}: column {want[0][col]}: axis {a!r}, spark {b!r}", file=sys.stderr)
    if bad:
        return 1
    print(f"{os.path.basename(spark_csv)}: equal to axis ({len(want) - 1} period(s)"
          + (f", {edge} cell(s) one last digit apart" if edge else "") + ")")
    return 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("events", "csv"):
        print(__doc__, file=sys.stderr)
        return 2
    return (events if sys.argv[1] == "events" else series)(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    sys.exit(main())
