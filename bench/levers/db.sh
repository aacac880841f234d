#!/usr/bin/env bash
# Issue 15, the database levers: a database with the application's schema, built from the Flyway migrations
# (every module, in version order, each file in one transaction, as Flyway runs them) and seeded with
# generate_series, for the pgbench scripts of this folder.
#
#   bench/levers/db.sh create NAME [UPTO]   # drop/create NAME, apply the migrations with version <= UPTO (all)
#   bench/levers/db.sh migrate NAME FROM [UPTO]  # apply the migrations with FROM < version <= UPTO to NAME
#   bench/levers/db.sh seed NAME [N]        # N operations (default 1000000) + 100000 bench_ping, vacuum analyze
#
# PGHOST, PGPORT, PGUSER as for psql (a throwaway cluster: bench/reference/cluster.sh start).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
psql_() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

migrations() { # version<TAB>file, sorted by version
    find "$root/src/main/resources/db/migration" -name 'V*__*.sql' | while read -r f; do
        v=$(basename "$f" | sed -E 's/^V([0-9]+)__.*/\1/')
        printf '%s\t%s\n' "$v" "$f"
    done | sort -n
}

apply() { # NAME FROM UPTO
    migrations | while IFS=$'\t' read -r v f; do
        if (( v > $2 && v <= $3 )); then
            psql_ -d "$1" -1 -f "$f"
            echo "[db] $1: applied $(basename "$f")"
        fi
    done
}

case "${1:-}" in
create)
    name=${2:?usage: db.sh create NAME [UPTO]}
    psql_ -d postgres -c "drop database if exists \"$name\" with (force)" -c "create database \"$name\""
    psql_ -d "$name" -c "create extension if not exists pg_stat_statements" 2>/dev/null || true
    apply "$name" 0 "${3:-99999999999}"
    ;;
migrate)
    apply "${2:?usage: db.sh migrate NAME FROM [UPTO]}" "${3:?FROM}" "${4:-99999999999}"
    ;;
seed)
    name=${2:?usage: db.sh seed NAME [N]}
    t0=$(date +%s)
    psql_ -d "$name" -v operations="${3:-1000000}" -f "$here/seed.sql"
    echo "[db] $name seeded in $(( $(date +%s) - t0 )) s"
    ;;
*)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
