#!/usr/bin/env bash
# Runs every fuzz target for a while: `fuzz/run.sh 60` = 60 s each (default 30).
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Crashes land in
# fuzz/artifacts/TARGET/; each one found becomes a regression test in crates/axis.
set -euo pipefail
cd "$(dirname "$0")"
SECS=${1:-30}
TARGETS=${TARGETS:-$(cargo +nightly fuzz list)}
status=0
for t in $TARGETS; do
    mkdir -p "corpus/$t" "seeds/$t"
    echo "== $t ($SECS s)"
    if ! cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- -max_total_time="$SECS" -rss_limit_mb=2048 \
        -max_len=65536 2>&1 | tee "target/$t.log" | grep -E '^(#[0-9]+ +DONE|==[0-9]+==|SUMMARY)'; then
        status=1
    fi
    grep -o 'Done [0-9]* runs in [0-9]* second(s)' "target/$t.log" || true
done
exit $status
