# A throwaway PostgreSQL 15 cluster for the contract suite and the multi-worker test, from Debian's
# packages: initdb into a temporary directory, a loopback port, trust authentication for one role.
# Sourced, not run.
#
#   postgres_start   when LOA_TEST_POSTGRES_URL is already set, uses that server as it is;
#                    otherwise starts a cluster and exports LOA_TEST_POSTGRES_URL
#                    (postgres://loa@127.0.0.1:PORT/postgres?sslmode=disable; tests create their own databases)
#   postgres_stop    stops and deletes what postgres_start started
#
# The server binaries live in /usr/lib/postgresql/15/bin (NOTES.md "PostgreSQL"); initdb refuses
# to run as root, so the cluster belongs to the `postgres` user when the script runs as root.

LOA_PG_BIN="${LOA_PG_BIN:-/usr/lib/postgresql/15/bin}"
LOA_PG_DIR=""

_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
    if [ -n "${LOA_TEST_POSTGRES_URL:-}" ]; then
        echo "scripts: using the PostgreSQL server at LOA_TEST_POSTGRES_URL" >&2
        return 0
    fi
    ensure_packages postgresql-15 postgresql-client-15 || return 1
    LOA_PG_DIR=$(mktemp -d /tmp/loa-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$LOA_PG_DIR"
    local port
    port=$(_pg_free_port)
    _pg_as_owner "$LOA_PG_BIN/initdb" -D "$LOA_PG_DIR/data" -U loa --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$LOA_PG_DIR/initdb.log" 2>&1 || { cat "$LOA_PG_DIR/initdb.log" >&2; return 1; }
    # Tests and benchmarks open many short connections; fsync stays on (durability is what the
    # contract promises and what the bench must pay for).
    _pg_as_owner "$LOA_PG_BIN/pg_ctl" -D "$LOA_PG_DIR/data" -l "$LOA_PG_DIR/server.log" -w -t 30 \
        -o "-p $port -k $LOA_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" \
        start >/dev/null || { cat "$LOA_PG_DIR/server.log" >&2; return 1; }
    export LOA_TEST_POSTGRES_URL="postgres://loa@127.0.0.1:$port/postgres?sslmode=disable"
    echo "scripts: PostgreSQL 15 on 127.0.0.1:$port (data in $LOA_PG_DIR)" >&2
}

postgres_stop() {
    [ -n "$LOA_PG_DIR" ] || return 0
    _pg_as_owner "$LOA_PG_BIN/pg_ctl" -D "$LOA_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$LOA_PG_DIR"
    LOA_PG_DIR=""
}

# _pg_free_port: a loopback port below the ephemeral range that nothing answers on.
_pg_free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 12000 ))
        { (exec 3<>"/dev/tcp/127.0.0.1/$port"); } 2>/dev/null || { echo "$port"; return; }
    done
}
