#!/usr/bin/env bash
# `axis import gdelt --db` throughput on a generated GDELT 2.0 file (1,000,000 rows by default):
# builds the release binary, writes the file (bench/gdelt-gen.py, never committed), imports it
# into a fresh database and prints rows/s of wall and of CPU time; then the same file again (all
# rows known) and without --db (parse + JSON out) for comparison.
#
#   bench/import-db.sh            ROWS=200000 bench/import-db.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"
[ -n "${NO_BUILD:-}" ] || cargo build --release -q -p axis-cli
AXIS=target/release/axis
FILE="$WORK/gdelt-$ROWS.tsv"
[ -s "$FILE" ] || python3 bench/gdelt-gen.py wide "$FILE" "$ROWS"
run() {
    local label=$1; shift
    /usr/bin/time -f "%e %U %S" -o "$WORK/import.time" "$@" >/dev/null 2>"$WORK/import.err"
    read -r wall user sys <"$WORK/import.time"
    awk -v l="$label" -v w="$wall" -v c="$(echo "$user + $sys" | bc)" -v n="$ROWS" \
        'BEGIN {printf "%-36s %7.2f s %9.0f rows/s   CPU %6.2f s %9.0f rows/CPU-s\n", l, w, n / w, c, n / c}'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
DB="$WORK/import-bench.db"
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
run "import gdelt --db (new database)" "$AXIS" import gdelt "$FILE" --db "$DB"
tail -2 "$WORK/import.err"
run "import gdelt --db (again: all known)" "$AXIS" import gdelt "$FILE" --db "$DB"
run "import gdelt (JSON lines to stdout)" "$AXIS" import gdelt "$FILE"
