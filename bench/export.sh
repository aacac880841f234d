#!/usr/bin/env bash
# CSV export benchmark (issue 5): PostgreSQL's COPY … TO STDOUT CSV vs the app's streamed HTTP export of the same
# filtered rows (all withdrawals, ~200k; everything, ~1.1M), the app on a small heap to show constant memory.
#
#   bench/export.sh                         # 1,000,000 seeded operations, 5 rounds (3 for everything), -Xmx256m
#   BENCH_OPERATIONS=200000 BENCH_ROUNDS=1 BENCH_NO_DOC=1 bench/export.sh
#
# Environment: BENCH_OPERATIONS, BENCH_ROUNDS (5; at most 3 for everything), BENCH_APP_JAVA_OPTS (-Xmx256m), BENCH_DATA_DIR (default
# target/bench-data), BENCH_NO_DOC=1, BENCH_SKIP_BUILD=1, BENCH_REUSE_DATA=1 (measure on the rows an earlier run left
# in BENCH_DATA_DIR instead of seeding anew; the freshly built jar is copied in). Builds target/opsdesk.jar if needed, starts it on a fresh
# embedded PostgreSQL, always stops it at the end. The report goes to stdout and to docs/benchmarks.md under
# "CSV export (issue 5)".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

export BENCH_APP_JAVA_OPTS="${BENCH_APP_JAVA_OPTS:--Xmx256m}"
export BENCH_COMMAND="bench/export.sh${*:+ $*}"
for var in BENCH_OPERATIONS BENCH_ROUNDS BENCH_DATA_DIR BENCH_REUSE_DATA; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done
exec timeout -k 120 40m java -Xmx1g -cp "$classpath" org.opsdesk.bench.export.ExportBench "$@"
