#!/usr/bin/env bash
# Issue 15, the database levers: A/B of one pgbench script over several databases of the same cluster, alternating
# the databases within each round so that the machine's drift spreads over all of them. Prints one line per run
# (transactions/s, the operations table's updates and how many of them were HOT) and the median per database.
#
#   bench/levers/ab.sh SCRIPT CLIENTS ROUNDS DB...      e.g. ab.sh transition.sql 16 3 base hot
#
# A DB may be written DB=OTHER.sql to run another script of this folder on that database in the same rounds.
# Environment: PGHOST, PGPORT, PGUSER; AB_SECONDS=10, AB_THREADS=2, BENCH_PG_BIN=/usr/lib/postgresql/15/bin.
# A CHECKPOINT precedes every run, so no run pays for another's full-page writes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script=$here/${1:?usage: ab.sh SCRIPT CLIENTS ROUNDS DB...}
clients=${2:?CLIENTS}
rounds=${3:?ROUNDS}
shift 3
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
SECONDS_PER_RUN=${AB_SECONDS:-10}
THREADS=${AB_THREADS:-2}
psql_() { "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
updates() { psql_ -d "$1" -c "select n_tup_upd || ' ' || n_tup_hot_upd from pg_stat_user_tables
                                where relid = 'operations.operation'::regclass"; }
results=$(mktemp)
echo "# $(basename "$script"), $clients clients, $rounds rounds of ${SECONDS_PER_RUN} s; load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
    for spec in "$@"; do
        db=${spec%%=*}
        run=$script
        [[ "$spec" == *=* ]] && run=$here/${spec#*=}
        psql_ -d "$db" -c checkpoint
        sleep 1 # the statistics collector's last report
        read -r upd0 hot0 <<<"$(updates "$db")"
        tps=$("$PG_BIN/pgbench" -n -M prepared -D pings=100000 -c "$clients" -j "$THREADS" -T "$SECONDS_PER_RUN" \
                -f "$run" "$db" 2>&1 | sed -nE 's/^tps = ([0-9.]+) .*/\1/p')
        sleep 1
        read -r upd1 hot1 <<<"$(updates "$db")"
        upd=$((upd1 - upd0)); hot=$((hot1 - hot0))
        share=$(awk -v h="$hot" -v u="$upd" 'BEGIN { printf "%.0f", u ? 100 * h / u : 0 }')
        printf '%-40s round %d: %8.0f tx/s  updates %7d, HOT %7d (%s%%)  load %s\n' "$spec" "$r" "$tps" "$upd" "$hot" \
            "$share" "$(cut -d' ' -f1 /proc/loadavg)"
        echo "$spec $tps" >>"$results"
    done
done
echo "# medians"
for spec in "$@"; do
    printf '%-40s %8.0f tx/s\n' "$spec" "$(awk -v d="$spec" '$1 == d { print $2 }' "$results" | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
done
rm -f "$results"
