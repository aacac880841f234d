#!/usr/bin/env bash
# Console dashboard benchmark (issue 5): the counts by status × type, the dashboard JSON and the page at 1M+
# operations, and COUNT(*) GROUP BY for comparison.
#
#   bench/dashboard.sh                          # 1,000,000 operations, 200 calls per measurement
#   BENCH_OPERATIONS=200000 BENCH_REQUESTS=50 BENCH_NO_DOC=1 bench/dashboard.sh
#
# Environment: BENCH_OPERATIONS, BENCH_REQUESTS, BENCH_FIGURES_MAX_AGE (default PT0S: no reuse of the figures), BENCH_NO_DOC=1 (print only), BENCH_DATA_DIR (default
# target/bench-data; /tmp/bench-data keeps it off the worktree), BENCH_APP_JAVA_OPTS, BENCH_SKIP_BUILD=1.
# Builds target/opsdesk.jar if needed, starts it on a fresh embedded PostgreSQL, always stops it at the end, and
# writes the figures to docs/benchmarks.md under "Console dashboard (issue 5)".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

export BENCH_COMMAND="bench/dashboard.sh${*:+ $*}"
for var in BENCH_OPERATIONS BENCH_REQUESTS BENCH_FIGURES_MAX_AGE BENCH_DATA_DIR; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done
exec timeout -k 120 40m java -Xmx2g -cp "$classpath" org.opsdesk.bench.console.DashboardBench "$@"
