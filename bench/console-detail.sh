#!/usr/bin/env bash
# Console detail benchmark (issue 5): server-side render of /operations/{id} at 1M seeded operations, signed in.
#
#   BENCH_DATA_DIR=/tmp/bench-data-detail bench/console-detail.sh      # 1,000,000 operations, 300 samples
#   bench/console-detail.sh --operations 100000 --samples 100 --no-doc
#
# Environment: BENCH_DATA_DIR (default target/bench-data; it is wiped and seeded afresh), BENCH_APP_JAVA_OPTS,
# BENCH_SKIP_BUILD=1. Builds target/opsdesk.jar if needed, starts it on a fresh embedded PostgreSQL, seeds with
# TransitionBench's seeder, signs in with ConsoleListBench's form sign-in, always stops it at the end; writes
# "## Console detail (issue 5)" in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh
rm -rf target/bench-detail-classes
javac -nowarn -d target/bench-detail-classes -cp "$classpath" bench/TransitionBench.java bench/ConsoleListBench.java \
    bench/ConsoleDetailBench.java

exec timeout -k 120 40m java -Xmx1g -cp "target/bench-detail-classes:$classpath" ConsoleDetailBench "$@"
