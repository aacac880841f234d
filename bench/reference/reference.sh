#!/usr/bin/env bash
# Issue 15: the fixed reference. Runs the minimal durable transition and creation (transition.sql, create.sql on
# the tables of schema.sql, seeded by seed.sql) with pgbench against a given PostgreSQL, and prints transactions/s
# (median of the runs) and latency percentiles per client count.
#
#   PGHOST=127.0.0.1 PGPORT=55433 PGUSER=postgres bench/reference/reference.sh
#
# PGHOST, PGPORT and PGUSER must be set (no default server: the script drops and recreates its database).
# Environment, with defaults:
#   REF_DB=opsdesk_reference  the database, dropped and created afresh unless REF_SEED=0 (then reused as is)
#   REF_OPERATIONS=1000000    seeded operations (the transitions pick one at random among them)
#   REF_CLIENTS="16 4"        client counts, each run REF_RUNS times per script
#   REF_RUNS=3  REF_SECONDS=10  REF_THREADS=2  REF_WARMUP=3 (unmeasured seconds per script before its runs)
#   REF_SCRIPTS="transition create"
#   REF_OUT=target/reference/<UTC time>  where the pgbench outputs, per-transaction logs and summary.md go
#   BENCH_PG_BIN=/usr/lib/postgresql/15/bin  psql and pgbench of the server's major version
#
# Each run: pgbench -n -M prepared -c C -j REF_THREADS -T REF_SECONDS --log (one line per transaction, its latency
# in microseconds). The percentiles are over every transaction of a run; the table gives the median run's
# throughput and, per percentile, the median over the runs. The script refuses to measure unless the server says
# fsync = on and synchronous_commit = on.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)

: "${PGHOST:?set PGHOST (e.g. 127.0.0.1)}" "${PGPORT:?set PGPORT (e.g. 55433)}" "${PGUSER:?set PGUSER (e.g. postgres)}"
export PGHOST PGPORT PGUSER
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
DB=${REF_DB:-opsdesk_reference}
OPERATIONS=${REF_OPERATIONS:-1000000}
CLIENTS=${REF_CLIENTS:-16 4}
RUNS=${REF_RUNS:-3}
SECONDS_PER_RUN=${REF_SECONDS:-10}
THREADS=${REF_THREADS:-2}
WARMUP=${REF_WARMUP:-3}
SCRIPTS=${REF_SCRIPTS:-transition create}
OUT=${REF_OUT:-$here/../../target/reference/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
summary="$OUT/summary.md"

psql_() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
say() { printf '%s\n' "$*" | tee -a "$summary"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

: >"$summary"
say "# Reference run $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
say ""
say "- server: $PGHOST:$PGPORT, database $DB; $(psql_ -d postgres -tAc 'select version()')"
say "- pgbench: $("$PG_BIN/pgbench" --version)"
say "- machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average before $(load)"

fsync=$(psql_ -d postgres -tAc 'show fsync')
sync_commit=$(psql_ -d postgres -tAc 'show synchronous_commit')
fpw=$(psql_ -d postgres -tAc 'show full_page_writes')
say "- SHOW fsync = $fsync; SHOW synchronous_commit = $sync_commit; SHOW full_page_writes = $fpw;" \
    "shared_buffers = $(psql_ -d postgres -tAc 'show shared_buffers'); wal_sync_method = $(psql_ -d postgres -tAc 'show wal_sync_method')"
if [[ "$fsync" != on || "$sync_commit" != on ]]; then
    echo "refusing to measure: the reference is the durable transaction (fsync and synchronous_commit must be on)" >&2
    exit 1
fi

if [[ "${REF_SEED:-1}" != 0 ]]; then
    t0=$(date +%s.%N)
    psql_ -d postgres -c "drop database if exists \"$DB\" with (force)"
    psql_ -d postgres -c "create database \"$DB\""
    psql_ -d "$DB" -f schema.sql
    psql_ -d "$DB" -v operations="$OPERATIONS" -f seed.sql >/dev/null
    t1=$(date +%s.%N)
    psql_ -d "$DB" -c 'vacuum analyze ref.operation' -c 'vacuum analyze ref.history_entry' \
        -c 'vacuum analyze ref.outbox' -c 'checkpoint'
    t2=$(date +%s.%N)
    say "- seeded $OPERATIONS operations + their 'created' history entries in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s," \
        "vacuum analyze + checkpoint $(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.1f", b - a }') s;" \
        "$(psql_ -d "$DB" -tAc "select 'ref.operation ' || pg_size_pretty(pg_total_relation_size('ref.operation')) || ', ref.history_entry ' || pg_size_pretty(pg_total_relation_size('ref.history_entry'))")"
fi
seeded=$(psql_ -d "$DB" -tAc 'select count(*) from ref.operation')
say "- operations in ref.operation at the start: $seeded"

common=(-n -M prepared -j "$THREADS" -D operations="$OPERATIONS")

# percentiles (ms) over the per-transaction logs of one run: p50 p95 p99 max
percentiles() {
    cat "$@" | awk '{print $3}' | sort -n | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "n/a n/a n/a n/a"; exit }
            split("0.50 0.95 0.99", q, " ")
            for (i = 1; i <= 3; i++) { k = int(q[i] * NR + 0.999999); if (k < 1) k = 1; printf "%.2f ", v[k] / 1000 }
            printf "%.2f\n", v[NR] / 1000
        }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say ""
say "Each run: \`$PG_BIN/pgbench ${common[*]} -c C -T $SECONDS_PER_RUN --log -f <script>.sql $DB\`"
say ""
say "| script | clients | tps per run | median tps | p50 ms | p95 ms | p99 ms | failed | load average after |"
say "|---|---|---|---|---|---|---|---|---|"
for script in $SCRIPTS; do
    "$PG_BIN/pgbench" "${common[@]}" -c 16 -T "$WARMUP" -f "$script.sql" "$DB" >"$OUT/$script-warmup.txt" 2>&1 || {
        cat "$OUT/$script-warmup.txt" >&2
        exit 1
    }
    for clients in $CLIENTS; do
        tps_all='' p50s='' p95s='' p99s='' failed=0
        for run in $(seq 1 "$RUNS"); do
            name="$script-c$clients-run$run"
            mkdir -p "$OUT/$name"
            if ! "$PG_BIN/pgbench" "${common[@]}" -c "$clients" -T "$SECONDS_PER_RUN" --log \
                --log-prefix="$OUT/$name/tx" -f "$script.sql" "$DB" >"$OUT/$name.txt" 2>&1; then
                cat "$OUT/$name.txt" >&2
                exit 1
            fi
            tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/$name.txt")
            f=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/$name.txt")
            failed=$((failed + ${f:-0}))
            read -r p50 p95 p99 max < <(percentiles "$OUT/$name"/tx.*)
            echo "[reference] $name: $tps tps, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, max $max ms, load $(load)" >&2
            tps_all+=" $tps" p50s+=" $p50" p95s+=" $p95" p99s+=" $p99"
        done
        say "| $script | $clients |$(printf ' %.0f' $tps_all) | **$(printf '%.0f' "$(echo "$tps_all" | median)")** |" \
            "$(echo "$p50s" | median) | $(echo "$p95s" | median) | $(echo "$p99s" | median) | $failed | $(load) |"
    done
done
say ""
say "- load average after: $(load); rows after: $(psql_ -d "$DB" -tAc "select 'operation ' || (select count(*) from ref.operation) || ', history_entry ' || (select count(*) from ref.history_entry) || ', outbox ' || (select count(*) from ref.outbox) || ', avg payload bytes ' || (select round(avg(octet_length(payload::text))) from ref.outbox)")"
say "- outputs and per-transaction logs: $OUT"
