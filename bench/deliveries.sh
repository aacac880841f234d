#!/usr/bin/env bash
# Notifications benchmark (issue 4): webhook deliveries per second (a backlog drained by one node), commit-to-delivery
# latency at a steady 200 status changes/s with 1 and 3 subscribed endpoints, and EXPLAIN of the claim and list
# queries at a million deliveries. Writes its section of docs/benchmarks.md.
#
#   bench/deliveries.sh                                        # defaults: 5,000 changes x 4 endpoints, 200/s for 60 s
#   bench/deliveries.sh --changes 2000 --seconds 20 --explain-rows 100000 --no-doc
#
# Environment as bench/run.sh: BENCH_DATA_DIR (default target/bench-data), BENCH_APP_JAVA_OPTS, BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

export BENCH_COMMAND="bench/deliveries.sh${*:+ $*}"
exec timeout -k 120 40m java -Xmx2g -cp "$classpath" org.opsdesk.bench.delivery.DeliveryBench "$@"
