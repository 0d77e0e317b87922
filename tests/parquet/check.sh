#!/usr/bin/env bash
# Parquet export read back by pyarrow and pandas: builds axis with `--features parquet`, ingests the
# demo corpus, exports it as Parquet and checks row count, column names and values against the
# JSON lines export of the same database.
#
#   tests/parquet/check.sh        # needs python3 with venv and pip access to PyPI
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-target/parquet-check}
VENV=${VENV:-target/parquet-venv}
mkdir -p "$WORK"
rm -f "$WORK/demo.db" "$WORK/demo.db-wal" "$WORK/demo.db-shm"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyarrow pandas
fi
cargo build -q -p axis-cli --features parquet
AXIS=target/debug/axis
"$AXIS" ingest samples/demo.jsonl --db "$WORK/demo.db" 2>/dev/null
"$AXIS" export --db "$WORK/demo.db" --format parquet --output "$WORK/events.parquet"
"$AXIS" export --db "$WORK/demo.db" --format jsonl --output "$WORK/events.jsonl"
"$VENV/bin/python" - "$WORK/events.parquet" "$WORK/events.jsonl" <<'PY'
import json, sys
import pyarrow.parquet as pq
import pandas as pd

table = pq.read_table(sys.argv[1])
rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert table.num_rows == len(rows) > 0, (table.num_rows, len(rows))
names = table.column_names
assert names[:3] == ["id", "origin", "origin_id"] and names[-1] == "attributes", names
for key in rows[0]:
    assert key in names, f"column {key} missing"
df = pd.read_parquet(sys.argv[1])
assert (df["origin"] == "axis").all()
assert df["id"].is_monotonic_increasing
assert df["origin_id"].isna().all() and df["attributes"].isna().all()
for i, row in enumerate(rows):
    got = df.iloc[i]
    for key in ["doc", "date_start", "source", "target", "code", "root", "verb", "sentence_text", "url"]:
        assert got[key] == row[key], (i, key, got[key], row[key])
    for key in ["sentence", "quad_class", "source_start", "pattern_end"]:
        assert int(got[key]) == row[key], (i, key, got[key], row[key])
    assert abs(float(got["goldstein"]) - row["goldstein"]) < 1e-6, (i, got["goldstein"], row["goldstein"])
    assert bool(got["negated"]) == row["negated"]
print(f"parquet: {table.num_rows} rows, {len(names)} columns read back by pyarrow {__import__('pyarrow').__version__} and pandas {pd.__version__}")
PY
