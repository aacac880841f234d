#!/usr/bin/env bash
# Issue 15, the database levers: what the backends of a pgbench run wait on. Runs SCRIPT at CLIENTS for 10 s on DB
# and samples pg_stat_activity every 0.1 s; prints the wait events (null: on CPU) by share of the samples.
#
#   bench/levers/waits.sh SCRIPT CLIENTS DB      e.g. waits.sh create.sql 16 base
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
db=${3:?usage: waits.sh SCRIPT CLIENTS DB}
samples=$(mktemp)
"$PG_BIN/pgbench" -n -M prepared -D pings=100000 -c "$2" -j 2 -T 10 -f "$here/$1" "$db" >/dev/null 2>&1 &
bench=$!
sleep 1
while kill -0 "$bench" 2>/dev/null; do
    "$PG_BIN/psql" -X -At -d "$db" -c "select coalesce(wait_event_type || ':' || wait_event, 'CPU')
        from pg_stat_activity where application_name = 'pgbench' and state <> 'idle'" >>"$samples" || true
    sleep 0.1
done
wait "$bench" || true
sort "$samples" | uniq -c | sort -rn | awk -v t="$(wc -l <"$samples")" '{ printf "%5.1f%%  %s\n", 100 * $1 / t, $2 }'
rm -f "$samples"
