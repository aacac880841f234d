#!/usr/bin/env bash
# Public rate files benchmark (issue 12): GET /rates.xml, /rates.csv and /api/public/v1/rates without sign-in with
# 50 pairs, full answers and 304s to If-None-Match; p50/p95/p99 of one sequential client (target p95 < 5 ms).
#
#   bench/public-rates.sh                                   # 50 pairs, 2,000 measured calls per case
#   BENCH_PAIRS=50 BENCH_REQUESTS=500 BENCH_NO_DOC=1 bench/public-rates.sh
#
# Environment: BENCH_PAIRS (50, at most 55), BENCH_REQUESTS (2000), BENCH_APP_JAVA_OPTS, BENCH_DATA_DIR (default
# target/bench-data), BENCH_NO_DOC=1, BENCH_SKIP_BUILD=1. Builds target/opsdesk.jar if needed, starts it on a fresh
# embedded PostgreSQL, always stops it at the end. The report goes to stdout and to docs/benchmarks.md under
# "Public rate files (issue 12)".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

export BENCH_COMMAND="bench/public-rates.sh${*:+ $*}"
for var in BENCH_PAIRS BENCH_REQUESTS BENCH_DATA_DIR; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done
exec timeout -k 120 20m java -Xmx1g -cp "$classpath" org.opsdesk.bench.exchange.PublicRatesBench "$@"
