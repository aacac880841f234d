#!/usr/bin/env bash
# Local action benchmark (issue 14): POST /api/v1/accounts/{id}/actions/account.suspend on distinct active accounts
# against plain operation transitions (bench_ping through the core API) in the same run, at 16 clients, both sent by
# wrk (bench/wrk/suspend.lua, bench/wrk/transitions.lua); then GET /api/v1/accounts/{id} (bench/wrk/read.lua) at a
# million accounts; then the console's account record page GET /accounts/{id} and the two panels htmx loads into it
# (/records/account/{id}/actions, /records/account/{id}/timeline), each on its own, sent by wrk (bench/wrk/page.lua)
# with the cookie of a supervisor-like operator signed in through the login form, over accounts with and without past
# invocations (1,000 suspended accounts get two more through the API first). Persons, accounts, users, balances,
# sub-accounts and Pix keys are bulk-loaded by SQL (not through the catalog) before the runs. ops/s, p50/p95/p99,
# CPU per op of the app and PostgreSQL, PG commits per op, the console requests' table scans, suspensions ÷
# transitions (target >= 70%), record page p95 = page + slower panel (target < 100 ms).
# org.opsdesk.bench.actions.ActionBench (+ RecordPageRuns, TableScans).
#
#   bench/actions.sh                                                   # 1,000,000 accounts, 2 rounds of 15 s
#   BENCH_ACCOUNTS=100000 BENCH_SECONDS=10 BENCH_JIT_WARMUP=10 BENCH_NO_DOC=1 bench/actions.sh
#
# Environment: BENCH_ACCOUNTS (1000000), BENCH_CLIENTS (16), BENCH_PAGE_CLIENTS (the record page's client counts,
# default "BENCH_CLIENTS,4"), BENCH_SECONDS (15), BENCH_WARMUP (3), BENCH_JIT_WARMUP
# (30), BENCH_ROUNDS (2), BENCH_APP_JAVA_OPTS (default -Xmx1g), BENCH_DATA_DIR (default target/bench-data),
# OPSDESK_DB_POOL_SIZE, BENCH_NO_DOC=1, BENCH_SKIP_BUILD=1. Needs wrk (apt-get install -y wrk). The report goes to
# stdout and to docs/benchmarks.md under "Local actions and the account record (issue 14)".
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/prepare.sh

if ! command -v wrk >/dev/null; then
    echo "[bench] wrk is not installed (apt-get install -y wrk)" >&2
    exit 1
fi

export BENCH_COMMAND="bench/actions.sh${*:+ $*}"
for var in OPSDESK_DB_POOL_SIZE BENCH_ACCOUNTS BENCH_CLIENTS BENCH_PAGE_CLIENTS BENCH_SECONDS BENCH_WARMUP BENCH_JIT_WARMUP BENCH_ROUNDS BENCH_APP_JAVA_OPTS BENCH_DATA_DIR; do
    if [[ -n "${!var:-}" ]]; then
        BENCH_COMMAND="$var=${!var} $BENCH_COMMAND"
    fi
done
exec timeout -k 120 40m java -Xmx1g -cp "$classpath" org.opsdesk.bench.actions.ActionBench "$@"
