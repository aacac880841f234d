#!/usr/bin/env bash
# Issue 15, the baseline in one sitting: the fixed reference (pgbench, reference.sh) and the application's
# transitions and creations through its HTTP API (TransitionBench's HTTP phases, run.sh) on the same throwaway
# PostgreSQL 15 cluster (cluster.sh), one after the other.
#
#   bench/reference/baseline.sh            # everything: reference, then the API (builds target/opsdesk.jar if stale)
#   BASELINE_PARTS=api bench/reference/baseline.sh   # only the API part (reference | api | reference,api)
#   BASELINE_PARTS=api BASELINE_API_DB=opsdesk_api_try BASELINE_API_ARGS="--operations 20000 --seconds 3 --clients 4" \
#     bench/reference/baseline.sh                    # a quick try: its own database, run.sh options appended
#
# The API part: 1,000,000 operations + 100,000 bench_ping seeded into a fresh database `opsdesk_api`, JIT warm-up
# (--jit-warmup, 60 s each of API transitions and creations by default), then transitions at 16 and 4 clients three
# times in turn (16,4,16,4,16,4; each API run followed by the same transaction as raw JDBC on the application's
# schema, as TransitionBench always does) and creations at 16 and 4 clients three times in turn; 10 s measured
# after 3 s of warm-up per run. The HTTP load generator is wrk (`wrk -t2 -cN`, bench/wrk/*.lua; apt-get install -y
# wrk), on the same 2 cores as the app and PostgreSQL; without wrk, BASELINE_LOAD_GENERATOR=java uses the
# harness's Java clients. The report goes to target/reference/api-report.md (not to docs/).
# The cluster is left running; stop it with bench/reference/cluster.sh stop.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PG_PORT=${BENCH_PG_PORT:-55433}
export BENCH_PG_DATA=${BENCH_PG_DATA:-/tmp/pg15-bench}
parts=${BASELINE_PARTS:-reference,api}
mkdir -p target/reference

bench/reference/cluster.sh start
echo "[baseline] $(date -u '+%F %T UTC'), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ ",$parts," == *,reference,* ]]; then
    PGHOST=127.0.0.1 PGPORT=$BENCH_PG_PORT PGUSER=postgres bench/reference/reference.sh
fi

if [[ ",$parts," == *,api,* ]]; then
    generator=${BASELINE_LOAD_GENERATOR:-wrk}
    if [[ "$generator" == wrk ]] && ! command -v wrk >/dev/null; then
        echo "[baseline] wrk is missing: apt-get install -y wrk (or BASELINE_LOAD_GENERATOR=java)" >&2
        exit 1
    fi
    api_db=${BASELINE_API_DB:-opsdesk_api}
    bench/reference/cluster.sh fresh-db "$api_db"
    BENCH_DATABASE_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/$api_db" \
        BENCH_DATABASE_USER=postgres \
        BENCH_POSTMASTER_PID="$BENCH_PG_DATA/postmaster.pid" \
        BENCH_DATA_DIR=target/reference/app-data \
        BENCH_MAX_MINUTES=${BENCH_MAX_MINUTES:-25} \
        bench/run.sh --phases transitions,create --seconds 10 --warmup 3 --load-generator "$generator" \
        --clients 16,4,16,4,16,4 --create-clients 16,4,16,4,16,4 --doc target/reference/api-report.md \
        ${BASELINE_API_ARGS:-}
fi
echo "[baseline] done $(date -u '+%F %T UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
