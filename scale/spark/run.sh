#!/usr/bin/env bash
# Runs axis on a real (loopback) Spark standalone cluster and checks it against axis run locally.
#
#   scale/spark/run.sh            # corpus of 20 MB; CORPUS_MB=50 for more
#
# 1. a venv with pyspark (Java 17 must be installed), 2. the release binary, 3. a JSONL corpus
# from ../shared/news (bench/corpus.py), 4. `axis code --stdin --jsonl` locally, 5. a cluster
# on 127.0.0.1 (one master, then one and two workers of one core each), the job run with one
# worker and again with two, each timed, 6. the checks: Spark's events equal the local ones
# line for line (as multisets), and the dyad and triangle series Spark SQL computed equal
# `axis dyad` / `axis triangle` over the local events. The cluster is stopped on exit.
# 7. `axis import parquet` reads Spark's Parquet events (events/year=/month=) into a database:
# written out again they equal the local events line for line, `axis dyad` / `axis triangle`
# over that database (--origin spark) equal both Spark SQL's series and the local ones, and a
# second import adds nothing.
#
# Everything goes to target/spark/ (AXIS_SPARK_WORK to change). Variables: CORPUS_MB (20),
# DYADS ("ISR:PSE USA:KOR"), TRIANGLE (USA,ISR,PSE), PARTITIONS (8), SPARK_PORT (7177), AXIS_BIN
# (an axis binary built with `--features parquet` to use instead of building one).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${AXIS_SPARK_WORK:-$ROOT/target/spark}"
SHARED="${AXIS_SHARED:-$ROOT/../shared}"
CORPUS_MB="${CORPUS_MB:-20}"
DYADS="${DYADS:-ISR:PSE USA:KOR}"
TRIANGLE="${TRIANGLE:-USA,ISR,PSE}"
PARTITIONS="${PARTITIONS:-8}"
ENGINE="${ENGINE:-transform}"
PORT="${SPARK_PORT:-7177}"
MASTER="spark://127.0.0.1:$PORT"
mkdir -p "$WORK"
say() { echo "== $*" >&2; }

# 1. pyspark in a venv.
if ! "$WORK/venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    say "creating $WORK/venv with pyspark"
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install --no-cache-dir -q 'pyspark==3.5.*'
fi
PY="$WORK/venv/bin/python"
export SPARK_HOME
SPARK_HOME="$("$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOG_DIR="$WORK/logs" SPARK_WORKER_DIR="$WORK/work" SPARK_LOCAL_DIRS="$WORK/tmp"
mkdir -p "$SPARK_LOG_DIR" "$SPARK_WORKER_DIR" "$SPARK_LOCAL_DIRS"
rm -rf "$SPARK_WORKER_DIR"/app-* "$WORK/out1" "$WORK/out2" # earlier runs' executors and results
java -version 2>&1 | head -1 >&2

# 2. The binary, with Parquet support for step 7.
if [ -n "${AXIS_BIN:-}" ]; then
    AXIS="$(cd "$(dirname "$AXIS_BIN")" && pwd)/$(basename "$AXIS_BIN")"
    say "using $AXIS"
else
    say "building the release binary (--features parquet)"
    (cd "$ROOT" && cargo build --release -q -p axis-cli --features parquet)
    AXIS="$ROOT/target/release/axis"
fi
if "$AXIS" import parquet "$WORK/no-such-dir" 2>&1 | grep -q "without Parquet support"; then
    echo "run.sh: $AXIS has no Parquet support: build it with cargo build --release --features parquet" >&2
    exit 1
fi

# 3. The corpus.
CORPUS="$WORK/corpus.jsonl"
if [ ! -s "$CORPUS" ] || [ "$(cat "$WORK/corpus.mb" 2>/dev/null)" != "$CORPUS_MB" ]; then
    if [ ! -d "$SHARED/news" ]; then
        echo "run.sh: $SHARED/news not found (set AXIS_SHARED to the shared data folder)" >&2
        exit 1
    fi
    "$PY" "$ROOT/bench/corpus.py" "$SHARED" "$CORPUS" "$CORPUS_MB"
    echo "$CORPUS_MB" > "$WORK/corpus.mb"
fi

now() { date +%s.%N; }
secs() { "$PY" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

# 4. axis locally, as the reference.
say "axis code locally"
t0=$(now)
"$AXIS" code --stdin --jsonl < "$CORPUS" > "$WORK/local.jsonl"
t_local=$(secs "$t0" "$(now)")

# 5. The cluster.
PIDS=()
stop() {
    for p in "${PIDS[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for p in "${PIDS[@]}"; do
        wait "$p" 2>/dev/null || true
    done
}
trap stop EXIT
start() { # name, class, args...
    local name=$1
    shift
    "$SPARK_HOME/bin/spark-class" "$@" > "$SPARK_LOG_DIR/$name.log" 2>&1 &
    PIDS+=($!)
}
workers() { # how many are registered with the master
    curl -s "http://127.0.0.1:$((PORT + 1))/json/" | "$PY" -c \
        'import json, sys; print(sum(w["state"] == "ALIVE" for w in json.load(sys.stdin)["workers"]))' \
        2>/dev/null || echo 0
}
wait_workers() {
    for _ in $(seq 120); do
        [ "$(workers)" -ge "$1" ] && return 0
        sleep 1
    done
    echo "run.sh: $1 worker(s) did not register; see $SPARK_LOG_DIR" >&2
    exit 1
}
start master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port $((PORT + 1))
worker() { # n
    start "worker$1" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1500m \
        --webui-port $((PORT + 1 + $1)) --work-dir "$SPARK_WORKER_DIR" "$MASTER"
}

ARGS=()
for d in $DYADS; do ARGS+=(--dyad "$d"); done
ARGS+=(--triangle "$TRIANGLE")
submit() { # out-dir
    "$SPARK_HOME/bin/spark-submit" --master "$MASTER" --executor-memory 1g --driver-memory 1g \
        --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=8 --conf spark.log.level=WARN \
        "$ROOT/scale/spark/axis_job.py" --input "$CORPUS" --out "$1" --axis "$AXIS" \
        --partitions "$PARTITIONS" --engine "$ENGINE" "${ARGS[@]}" > "$1.out" 2> "$1.log"
}

worker 1
wait_workers 1
say "Spark job, 1 worker"
t0=$(now)
submit "$WORK/out1" || { tail -30 "$WORK/out1.log" "$WORK/out1.out" >&2; exit 1; }
t_one=$(secs "$t0" "$(now)")
worker 2
wait_workers 2
say "Spark job, 2 workers"
t0=$(now)
submit "$WORK/out2" || { tail -30 "$WORK/out2.log" "$WORK/out2.out" >&2; exit 1; }
t_two=$(secs "$t0" "$(now)")

# 6. The checks.
say "checks"
CMP=("$PY" "$ROOT/scale/spark/compare.py")
for out in out1 out2; do
    "${CMP[@]}" events "$WORK/local.jsonl" "$WORK/$out/events_jsonl"
done
OUT="$WORK/out2"
for flag in "" --one-a-day; do
    suffix=${flag:+_one_a_day}
    for d in $DYADS; do
        a=${d%%:*} b=${d#*:}
        "$AXIS" dyad "$a" "$b" --events "$WORK/local.jsonl" --by month --csv $flag \
            > "$WORK/axis_dyad_${a}_${b}$suffix.csv" 2>/dev/null
        "${CMP[@]}" csv "$WORK/axis_dyad_${a}_${b}$suffix.csv" "$OUT/dyad_${a}_${b}$suffix.csv"
    done
    IFS=, read -r a b c <<< "$TRIANGLE"
    "$AXIS" triangle "$a" "$b" "$c" --events "$WORK/local.jsonl" --by month --csv $flag \
        > "$WORK/axis_triangle_${a}_${b}_${c}$suffix.csv" 2>/dev/null
    "${CMP[@]}" csv "$WORK/axis_triangle_${a}_${b}_${c}$suffix.csv" "$OUT/triangle_${a}_${b}_${c}$suffix.csv"
done
# 7. Spark's Parquet events read back by axis.
say "axis import parquet"
SPARK_DB="$WORK/spark.db"
rm -f "$SPARK_DB" "$SPARK_DB-wal" "$SPARK_DB-shm"
rm -rf "$WORK/parquet_jsonl"
mkdir -p "$WORK/parquet_jsonl"
"$AXIS" import parquet "$OUT/events" > "$WORK/parquet_jsonl/part-00000"
"${CMP[@]}" events "$WORK/local.jsonl" "$WORK/parquet_jsonl"
t0=$(now)
"$AXIS" import parquet "$OUT/events" --db "$SPARK_DB" --origin spark 2> "$WORK/import.log" \
    || { cat "$WORK/import.log" >&2; exit 1; }
t_import=$(secs "$t0" "$(now)")
grep -E '^(stored|[0-9]+ rows)' "$WORK/import.log" >&2
"$AXIS" import parquet "$OUT/events" --db "$SPARK_DB" --origin spark 2> "$WORK/import2.log"
if ! grep -q ": 0 new events" "$WORK/import2.log"; then
    echo "run.sh: importing the same Parquet events again added events:" >&2
    cat "$WORK/import2.log" >&2
    exit 1
fi
echo "import parquet again: nothing added"
echo "series over the imported database (db_*.csv), against the local ones, then Spark SQL's:"
for flag in "" --one-a-day; do
    suffix=${flag:+_one_a_day}
    for d in $DYADS; do
        a=${d%%:*} b=${d#*:}
        got="$WORK/db_dyad_${a}_${b}$suffix.csv"
        "$AXIS" dyad "$a" "$b" --db "$SPARK_DB" --origin spark --by month --csv $flag > "$got" 2>/dev/null
        "${CMP[@]}" csv "$WORK/axis_dyad_${a}_${b}$suffix.csv" "$got"
        "${CMP[@]}" csv "$got" "$OUT/dyad_${a}_${b}$suffix.csv"
    done
    IFS=, read -r a b c <<< "$TRIANGLE"
    got="$WORK/db_triangle_${a}_${b}_${c}$suffix.csv"
    "$AXIS" triangle "$a" "$b" "$c" --db "$SPARK_DB" --origin spark --by month --csv $flag > "$got" 2>/dev/null
    "${CMP[@]}" csv "$WORK/axis_triangle_${a}_${b}_${c}$suffix.csv" "$got"
    "${CMP[@]}" csv "$got" "$OUT/triangle_${a}_${b}_${c}$suffix.csv"
done

events=$(wc -l < "$WORK/local.jsonl")
echo
echo "corpus $(du -m "$CORPUS" | cut -f1) MB, $(wc -l < "$CORPUS") documents, $events events"
echo "axis locally (all cores):       $t_local s"
# The job prints its own split (the Python driver's output reaches spark-submit's stdout): coding + writing the events (the part that runs on the executors
# in parallel) and the total with the Spark SQL aggregations (many small stages).
phase() { sed -n 's/.*coding and writing \([0-9.]*\) s, total \([0-9.]*\) s.*/\1 s coding+writing, \2 s in the job/p' "$1"; }
echo "Spark, 1 worker (1 core):       $t_one s wall ($(phase "$WORK/out1.out"))"
echo "Spark, 2 workers (1 core each): $t_two s wall ($(phase "$WORK/out2.out"))"
echo "axis import parquet (into $SPARK_DB): $t_import s"
echo "all checks passed"
