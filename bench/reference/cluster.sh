#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the issue-15 measurements (bench/reference/reference.sh and the API harness
# pointed at it), durable as production would run it: fsync, synchronous_commit and full_page_writes on.
#
#   bench/reference/cluster.sh start          # initdb if needed, start, print the settings that matter
#   bench/reference/cluster.sh fresh-db NAME  # drop and create database NAME (empty)
#   bench/reference/cluster.sh status
#   bench/reference/cluster.sh stop           # fast shutdown
#   bench/reference/cluster.sh destroy        # stop and delete the data directory
#
# Environment: BENCH_PG_BIN (default /usr/lib/postgresql/15/bin), BENCH_PG_DATA (default /tmp/pg15-bench),
# BENCH_PG_PORT (default 55433). The port is not 55432 on purpose: .ci/run starts its own PostgreSQL 15 there
# (data in /tmp/opsdesk-pg15.*), and the two must not meet. The server runs as the `postgres` user (it refuses
# root); the cluster listens on 127.0.0.1 only and trusts local connections (a throwaway, never a real one).
# PostgreSQL's settings are its defaults (shared_buffers 128MB, max_wal_size 1GB), apart from max_connections.
set -euo pipefail

PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATA=${BENCH_PG_DATA:-/tmp/pg15-bench}
PG_PORT=${BENCH_PG_PORT:-55433}

as_postgres() {
    if [[ "$(id -un)" == postgres ]]; then
        "$@"
    else
        runuser -u postgres -- "$@"
    fi
}

sql() { # psql as the superuser over TCP, so the printed settings are those a client sees
    as_postgres "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"
}

running() {
    [[ -f "$PG_DATA/postmaster.pid" ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

case "${1:-}" in
start)
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
        mkdir -p "$PG_DATA"
        chown postgres:postgres "$PG_DATA"
        chmod 700 "$PG_DATA"
        as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    fi
    if running; then
        echo "[cluster] already running on 127.0.0.1:$PG_PORT ($PG_DATA)"
    else
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 120 -l "$PG_DATA/server.log" \
            -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DATA -c max_connections=200 -c fsync=on -c synchronous_commit=on -c full_page_writes=on" \
            start >/dev/null
        echo "[cluster] started on 127.0.0.1:$PG_PORT ($PG_DATA)"
    fi
    sql -tAc "select version()"
    sql -tAc "select name || ' = ' || setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'max_connections', 'wal_sync_method') order by name"
    ;;
fresh-db)
    name=${2:?usage: cluster.sh fresh-db NAME}
    sql -qc "drop database if exists \"$name\" with (force)"
    sql -qc "create database \"$name\""
    echo "[cluster] database $name is new and empty"
    ;;
status)
    if running; then
        echo "[cluster] running on 127.0.0.1:$PG_PORT ($PG_DATA), postmaster pid $(head -1 "$PG_DATA/postmaster.pid")"
    else
        echo "[cluster] not running ($PG_DATA)"
        exit 1
    fi
    ;;
stop)
    if running; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 120 stop >/dev/null
        echo "[cluster] stopped"
    else
        echo "[cluster] not running"
    fi
    ;;
destroy)
    "$0" stop
    rm -rf "$PG_DATA"
    echo "[cluster] $PG_DATA deleted"
    ;;
*)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
