#!/usr/bin/env bash
# Console detail benchmark (issue 5): server-side render of /operations/{id} at 1M seeded operations, signed in.
#
#   BENCH_DATA_DIR=/tmp/bench-data-detail bench/console-detail.sh      # 1,000,000 operations, 300 samples
#   bench/console-detail.sh --operations 100000 --samples 100 --no-doc
#
# Environment: BENCH_DATA_DIR (default target/bench-data; it is wiped and seeded afresh), BENCH_APP_JAVA_OPTS,
# BENCH_SKIP_BUILD=1. Builds target/opsdesk.jar if needed, starts it on a fresh embedded PostgreSQL, seeds with
# the core-engine benchmark's seeder, signs in through the login form, always stops it at the end; writes
# "## Console detail (issue 5)" in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

exec timeout -k 120 40m java -Xmx1g -cp "$classpath" org.opsdesk.bench.console.ConsoleDetailBench "$@"
