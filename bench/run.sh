#!/usr/bin/env bash
# Core-engine benchmark (issues 2, 15): transitions through the API vs raw SQL, creation rate, lists at 1M rows,
# transitions at fixed rates (open model). org.opsdesk.bench.transitions.TransitionBench (bench/src/main/java).
#
#   bench/run.sh                                  # defaults: 1,000,000 operations, 15 s per run (+3 s warm-up), clients 1,4,16
#   bench/run.sh --operations 200000 --seconds 5 --clients 1,4 --no-doc
#   bench/run.sh --phases transitions,create,open --open-rates 200,500,800 --no-doc
#   bench/run.sh --load-generator java ...        # the harness's own Java clients instead of wrk
#   bench/run.sh --help
#
# The HTTP transitions and creations of the closed-loop runs are sent by wrk when it is installed
# (apt-get install -y wrk; bench/wrk/*.lua), else by the harness's Java clients.
#
# Environment: BENCH_OPERATIONS, BENCH_SECONDS, BENCH_WARMUP, BENCH_JIT_WARMUP (60), BENCH_CLIENTS, BENCH_PHASES,
# BENCH_LOAD_GENERATOR (wrk|java), BENCH_OPEN_RATES, BENCH_OPEN_CONNECTIONS, BENCH_NO_DOC=1,
# BENCH_MAX_MINUTES (watchdog, default 50), BENCH_APP_JAVA_OPTS (default -Xmx1g), BENCH_DATA_DIR (default
# target/bench-data), OPSDESK_DB_POOL_SIZE (passed to the app), BENCH_SKIP_BUILD=1 (use target/opsdesk.jar as is).
# BENCH_DATABASE_URL (+ BENCH_DATABASE_USER, BENCH_POSTMASTER_PID): an external PostgreSQL's EMPTY database instead
# of the embedded one (bench/reference/baseline.sh uses it to measure the API beside the pgbench reference).
#
# Builds target/opsdesk.jar if it is missing or older than the sources, starts it with a fresh embedded PostgreSQL,
# and always stops it at the end. Everything talks to 127.0.0.1 only. The report goes to stdout and to
# docs/benchmarks.md under "Core engine (issue 2)".
set -euo pipefail

cd "$(dirname "$0")/.."

source bench/prepare.sh

if ! command -v wrk >/dev/null; then
    echo "[bench] wrk is not installed (apt-get install -y wrk): the Java clients send the HTTP load" >&2
fi

export BENCH_COMMAND="bench/run.sh${*:+ $*}"
for var in OPSDESK_DB_POOL_SIZE BENCH_OPERATIONS BENCH_SECONDS BENCH_WARMUP BENCH_JIT_WARMUP BENCH_CLIENTS BENCH_CREATE_CLIENTS BENCH_PHASES BENCH_LOAD_GENERATOR BENCH_APP_JAVA_OPTS BENCH_DATABASE_URL; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done

# The watchdog inside the benchmark stops it after BENCH_MAX_MINUTES; this is the last resort above it
# (SIGTERM lets the benchmark's shutdown hook stop the app and its PostgreSQL).
limit_minutes=$(( ${BENCH_MAX_MINUTES:-50} + 10 ))
exec timeout -k 120 "${limit_minutes}m" java -Xmx2g -cp "$classpath" org.opsdesk.bench.transitions.TransitionBench "$@"
