# A throwaway PostgreSQL for the tests: `source .ci/postgres.sh; start_postgres` exports BACKLOG_TEST_POSTGRES (a server
# connection string; each test fixture creates its own database) and `stop_postgres` stops it and deletes its files.
# Works as root on a fresh machine: initdb refuses root, so the cluster runs as an unprivileged user.

find_pg_bin() {
  local dir
  for dir in "${PG_BIN:-}" /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  command -v initdb >/dev/null && dirname "$(command -v initdb)" && return 0
  return 1
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_postgres() {
  local bin user port
  bin=$(find_pg_bin) || { echo "PostgreSQL server binaries (initdb, pg_ctl) not found." >&2; return 1; }
  port=$(free_port) || { echo "No free port for PostgreSQL." >&2; return 1; }
  PG_BIN_DIR=$bin
  PG_TMP=$(mktemp -d /tmp/backlog-pg.XXXXXX)
  chmod 755 "$PG_TMP"
  PG_RUN=()
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_TMP"
    PG_RUN=(runuser -u "$user" --)
  fi
  "${PG_RUN[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  # Tuned for a throwaway test server: durability off (the data dies with the run), enough connections for the
  # parallel fixtures and the cluster test's processes.
  "${PG_RUN[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
  export BACKLOG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port ($PG_TMP)."
}

stop_postgres() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
    [ -n "${PG_BIN_DIR:-}" ] && "${PG_RUN[@]}" "$PG_BIN_DIR/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}
