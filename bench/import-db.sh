#!/usr/bin/env bash
# `axis import gdelt --db` throughput on a generated GDELT 2.0 file (1,000,000 rows by default):
# builds the release binary, writes the file (rows generated here, never committed), imports it
# into a fresh database and prints rows/s; then the same file without --db (parse + JSON out) for
# comparison.
#
#   bench/import-db.sh            ROWS=200000 bench/import-db.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"
cargo build --release -q -p axis-cli
AXIS=target/release/axis
FILE="$WORK/gdelt-$ROWS.tsv"
if [ ! -s "$FILE" ]; then
    python3 - "$FILE" "$ROWS" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
actors = ["USAGOV", "RUS", "CHNMIL", "GBRGOV", "IRNGOVMIL", "", "FRA", "DEUCOP", "UKRMIL", "IGOUNO"]
names = ["UNITED STATES", "RUSSIA", "CHINA", "UNITED KINGDOM", "IRAN", "", "FRANCE", "GERMANY"]
codes = ["010", "042", "0231", "112", "190", "036", "1823", "057", "173", "0834"]
def quad(root):
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
with open(path, "w") as out:
    for i in range(n):
        code = codes[i % len(codes)]
        a1, a2 = actors[i % 10], actors[(i * 7 + 3) % 10]
        day = 1 + i % 28
        f = [str(900000000 + i), f"201902{day:02}", "201902", "2019", "2019.0877",
             a1, names[i % 8], a1[:3], "", "", "", "", a1[3:6], "", "",
             a2, names[(i * 5 + 1) % 8], a2[:3], "", "", "", "", a2[3:6], "", "",
             str(i % 2), code, code[:3], code[:2], str(quad(int(code[:2]))),
             f"{(i % 200) / 10 - 10:.1f}", str(1 + i % 40), str(1 + i % 5), str(1 + i % 30),
             f"{(i % 97) / 7 - 5:.14f}"]
        for g in range(3):
            f += ["4", f"Place {i % 101}, Region {g}, Country {i % 13}", "RS", "RS48", str(10000 + i % 500),
                  f"{55 + (i % 90) / 100:.4f}", f"{37 - (i % 80) / 100:.4f}", str(-2960000 - i)]
        f += [f"201902{day:02}101500", f"https://news.example.org/world/2019/02/{day:02}/story-{i}.html"]
        out.write("\t".join(f) + "\n")
PY
fi
run() {
    local label=$1; shift
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$WORK/import.err"
    end=$(date +%s.%N)
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'%-34s %8.2f s  %10.0f rows/s' % (sys.argv[3], s, int(sys.argv[4])/s))" \
        "$start" "$end" "$label" "$ROWS"
}
DB="$WORK/import-bench.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
run "import gdelt --db (new database)" "$AXIS" import gdelt "$FILE" --db "$DB"
tail -2 "$WORK/import.err"
run "import gdelt --db (again: all known)" "$AXIS" import gdelt "$FILE" --db "$DB"
run "import gdelt (JSON lines to stdout)" "$AXIS" import gdelt "$FILE"
