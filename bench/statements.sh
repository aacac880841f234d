#!/usr/bin/env bash
# Statement import benchmark (issue 13): a camt.053 of 100,000 credits against 100,000 open exchange orders, each
# paid by the reference in its remittance text, imported through POST /api/v1/exchange/statements into the app with
# a 512 MB heap (target: < 10 s end to end); then a 10,000-entry MT940. Reports entries/s of reading, storing and
# matching (the import keeps each phase's time), the app's heap peak and the orders moved on.
# org.opsdesk.bench.statements.StatementImportBench.
#
#   bench/statements.sh
#   BENCH_ENTRIES=20000 BENCH_MT940_ENTRIES=2000 BENCH_NO_DOC=1 bench/statements.sh
#
# Environment: BENCH_ENTRIES (100000), BENCH_MT940_ENTRIES (10000), BENCH_APP_JAVA_OPTS (default -Xmx512m),
# BENCH_DATA_DIR (default target/bench-data), BENCH_NO_DOC=1, BENCH_SKIP_BUILD=1. The report goes to stdout and to
# docs/benchmarks.md under "Statement import and matching (issue 13)".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

export BENCH_COMMAND="bench/statements.sh${*:+ $*}"
for var in BENCH_ENTRIES BENCH_MT940_ENTRIES BENCH_APP_JAVA_OPTS BENCH_DATA_DIR; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done
exec timeout -k 60 30m java -Xmx2g -cp "$classpath" org.opsdesk.bench.statements.StatementImportBench "$@"
