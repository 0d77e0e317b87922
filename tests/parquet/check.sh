#!/usr/bin/env bash
# Parquet export read back by pyarrow and pandas: builds axis with `--features parquet`, ingests the
# demo corpus, exports it as Parquet and checks row count, column names and values against the
# JSON lines export of the same database. Then Parquet import: the Rust round-trip tests
# (export -> import parquet, field for field), and a Spark-like dataset written by pyarrow
# (year=/month= partitions, Snappy, nullable columns) read by `axis import parquet`: its events
# equal the export line for line and `axis dyad` over the imported database equals the original's.
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
cargo test -q -p axis --features parquet --lib import::parquet
cargo test -q -p axis-cli --features parquet --test parquet
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

# A Spark-like dataset: the exported events with the Spark job's column types, partitioned by
# year and month of date_start (NULL partitions for undated events), Snappy-compressed.
rm -rf "$WORK/spark"
"$VENV/bin/python" - "$WORK/events.jsonl" "$WORK/spark" <<'PY'
import json, sys
import pyarrow as pa
import pyarrow.parquet as pq

rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ints = {"sentence", "source_start", "source_end", "target_start", "target_end", "verb_start", "verb_end",
        "pattern_start", "pattern_end"}
def kind(k):
    if k in ints:
        return pa.int64()
    return {"quad_class": pa.int32(), "goldstein": pa.float32(), "date_fallback": pa.bool_(),
            "negated": pa.bool_()}.get(k, pa.string())
schema = pa.schema([(k, kind(k)) for k in rows[0]] + [("year", pa.int32()), ("month", pa.int32())])
for r in rows:
    d = r["date_start"]
    r["year"], r["month"] = (int(d[:4]), int(d[5:7])) if d else (None, None)
table = pa.Table.from_pylist(rows, schema=schema)
pq.write_to_dataset(table, sys.argv[2], partition_cols=["year", "month"])
PY
"$AXIS" import parquet "$WORK/spark" > "$WORK/spark.jsonl"
diff <(sort "$WORK/events.jsonl") <(sort "$WORK/spark.jsonl")
rm -f "$WORK/spark.db" "$WORK/spark.db-wal" "$WORK/spark.db-shm"
"$AXIS" import parquet "$WORK/spark" --db "$WORK/spark.db" --origin spark 2>/dev/null
again=$("$AXIS" import parquet "$WORK/spark" --db "$WORK/spark.db" --origin spark 2>&1)
grep -q ": 0 new events" <<< "$again" || { echo "second import added events: $again" >&2; exit 1; }
for pair in "USA CHN" "CHN SUN"; do
    diff <("$AXIS" dyad $pair --db "$WORK/demo.db" --by year --csv 2>/dev/null) \
        <("$AXIS" dyad $pair --db "$WORK/spark.db" --origin spark --by year --csv 2>/dev/null)
done
echo "parquet import: $(wc -l < "$WORK/spark.jsonl") events from a partitioned, Snappy-compressed dataset; dyads equal"
