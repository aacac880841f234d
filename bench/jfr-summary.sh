#!/usr/bin/env bash
# Summarises a JFR recording of the app taken during a benchmark run (org.opsdesk.bench.jfr.JfrSummary): CPU samples
# in a time window by the library that owns them, and the Opsdesk methods that own samples.
#
#   BENCH_APP_JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/opsdesk.jfr,settings=profile,dumponexit=true" \
#     bench/run.sh --operations 100000 --ping-operations 20000 --phases transitions --clients 16 --no-doc
#   bench/jfr-summary.sh /tmp/opsdesk.jfr 2026-11-22T03:56:18Z 2026-11-22T03:56:34Z
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-1}
source bench/prepare.sh
exec java -cp "$classpath" org.opsdesk.bench.jfr.JfrSummary "$@"
