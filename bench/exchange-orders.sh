#!/usr/bin/env bash
# Quote + accept benchmark (issue 12): orders placed through the portal by verified, signed-in clients (the quote,
# then Accept: the exchange_order operation with its history and outbox event) at 16 clients, against the core
# API's operation-creation rate in the same run (wrk when installed, else the Java clients); orders/s, p50/p95/p99
# of the pair, errors, CPU split, and orders ÷ creations (target >= 50%). org.opsdesk.bench.exchange.QuoteAcceptBench.
#
#   bench/exchange-orders.sh                                     # 16 clients, 3 rounds of 15 s each (+3 s warm-up)
#   BENCH_ROUNDS=1 BENCH_SECONDS=10 BENCH_JIT_WARMUP=10 BENCH_NO_DOC=1 bench/exchange-orders.sh
#
# Environment: BENCH_CLIENTS (16), BENCH_PORTAL_CLIENTS (= BENCH_CLIENTS, at least that), BENCH_SECONDS (15),
# BENCH_WARMUP (3), BENCH_JIT_WARMUP (30), BENCH_ROUNDS (3), BENCH_LOAD_GENERATOR (wrk|java, for the creations),
# BENCH_APP_JAVA_OPTS (default -Xmx1g), BENCH_DATA_DIR (default target/bench-data), OPSDESK_DB_POOL_SIZE,
# BENCH_NO_DOC=1, BENCH_SKIP_BUILD=1. Builds target/opsdesk.jar if needed, starts a GreenMail SMTP server and an SMS
# gateway receiver on 127.0.0.1 and the app on a fresh embedded PostgreSQL pointed at them, and always stops it at
# the end. The report goes to stdout and to docs/benchmarks.md under "Quote + accept through the portal (issue 12)".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

if ! command -v wrk >/dev/null; then
    echo "[bench] wrk is not installed (apt-get install -y wrk): the Java clients send the core API's creations" >&2
fi

export BENCH_COMMAND="bench/exchange-orders.sh${*:+ $*}"
for var in OPSDESK_DB_POOL_SIZE BENCH_CLIENTS BENCH_PORTAL_CLIENTS BENCH_SECONDS BENCH_WARMUP BENCH_JIT_WARMUP BENCH_ROUNDS BENCH_LOAD_GENERATOR BENCH_APP_JAVA_OPTS BENCH_DATA_DIR; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done
exec timeout -k 120 40m java -Xmx1g -cp "$classpath" org.opsdesk.bench.exchange.QuoteAcceptBench "$@"
