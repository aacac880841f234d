#!/usr/bin/env bash
# Console list benchmark (issue 5): server-side render of /operations at 1M seeded operations, signed in.
#
#   bench/console-list.sh                          # 1,000,000 operations, 200 samples per page
#   bench/console-list.sh --operations 100000 --samples 50 --no-doc
#
# Environment: BENCH_DATA_DIR (default target/bench-data), BENCH_APP_JAVA_OPTS, BENCH_SKIP_BUILD=1.
# Builds target/opsdesk.jar if needed, starts it on a fresh embedded PostgreSQL, seeds with the core-engine
# benchmark's seeder, always stops it at the end; writes "## Console list (issue 5)" in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

exec timeout -k 120 40m java -Xmx1g -cp "$classpath" org.opsdesk.bench.console.ConsoleListBench "$@"
