#!/usr/bin/env bash
# A local Citus cluster for tests and benchmarks: builds and installs Citus from the vendored source
# (../shared/vendor/citus-*.tar.gz next to the repository), then starts a coordinator and two workers on
# loopback ports and makes a `test` database with the extension and the node list. Idempotent: a second
# run finds the build in its cache (the installed citus.so matches the stamp) and the nodes running.
#
#   scripts/citus-cluster.sh            build if needed, start, prints the URL of the test database
#   scripts/citus-cluster.sh stop       stops the three nodes (data is kept)
#   scripts/citus-cluster.sh stop-worker 9702 | start-worker 9702
#
# Needs root (apt-get for build dependencies, make install into the server's lib dir) or a prepared machine.
# Environment: CITUS_TARBALL (default: the vendored archive), CITUS_CACHE (default /var/cache/motcua-citus),
# CITUS_DATA (default /var/lib/motcua-citus), CITUS_PORTS (default "9700 9701 9702", first is the coordinator).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DEBIAN_FRONTEND=noninteractive

find_tarball() {
  if [ -n "${CITUS_TARBALL:-}" ]; then echo "$CITUS_TARBALL"; return; fi
  # CI: <dir>/main and <dir>/shared; a worktree: <dir>/wt/<name> next to <dir>/shared.
  for d in "$ROOT/../shared/vendor" "$ROOT/../../shared/vendor"; do
    local f
    f="$(ls "$d"/citus-*.tar.gz 2>/dev/null | sort | tail -n1 || true)"
    if [ -n "$f" ]; then echo "$f"; return; fi
  done
  echo "citus-cluster: no citus-*.tar.gz in ../shared/vendor (set CITUS_TARBALL)" >&2
  exit 1
}

CACHE="${CITUS_CACHE:-/var/cache/motcua-citus}"
DATA="${CITUS_DATA:-/var/lib/motcua-citus}"
read -r -a PORTS <<<"${CITUS_PORTS:-9700 9701 9702}"
COORD="${PORTS[0]}"
PGBIN="$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)"
[ -x "$PGBIN/pg_ctl" ] || PGBIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -n1)/bin"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_at() { # port db sql...
  local port="$1" db="$2"; shift 2
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" -Atc "$*"
}

server_version() { # the installed server's Debian version, e.g. 15.20-0+deb12u1
  dpkg-query -W -f='${Version}' "postgresql-$1" 2>/dev/null
}

build_install() {
  local tarball sha major pkglib so stamp
  tarball="$(find_tarball)"
  sha="$(sha256sum "$tarball" | cut -d' ' -f1)"
  major="$("$PGBIN/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/')"
  pkglib="$(pg_config --pkglibdir 2>/dev/null || echo "/usr/lib/postgresql/$major/lib")"
  so="$pkglib/citus.so"
  stamp="$CACHE/installed.stamp"
  mkdir -p "$CACHE"
  if [ -f "$so" ] && [ -f "$stamp" ] &&
    [ "$(cat "$stamp")" = "$sha $(sha256sum "$so" | cut -d' ' -f1) $("$PGBIN/postgres" --version)" ]; then
    echo "citus-cluster: citus.so up to date (cache $stamp)"
    return
  fi
  local need=() v
  v="$(server_version "$major")"
  dpkg-query -W -f='${Version}' "postgresql-server-dev-$major" 2>/dev/null | grep -qx "$v" ||
    need+=("postgresql-server-dev-$major=$v")
  for p in liblz4-dev libzstd-dev libcurl4-openssl-dev libkrb5-dev make gcc; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "citus-cluster: installing ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  local src="$CACHE/src-$sha"
  if [ ! -f "$src/.built" ]; then
    rm -rf "$src" && mkdir -p "$src"
    tar -xzf "$tarball" -C "$src" --strip-components=1
    # Server 15.20+ exports have_createdb_privilege itself: Citus's static copy no longer compiles.
    if grep -q 'have_createdb_privilege' "/usr/include/postgresql/$major/server/commands/dbcommands.h" 2>/dev/null; then
      perl -0pi -e 's/static inline bool\s*\n?\s*have_createdb_privilege\s*\(void\)\s*\{.*?\n\}\n//s' \
        "$src/src/include/pg_version_compat.h"
    fi
    echo "citus-cluster: building Citus in $src (about 3 minutes)"
    (cd "$src" && ./configure --quiet >"$src/configure.log" 2>&1 && make -s -j"$(nproc)" >"$src/make.log" 2>&1) || {
      tail -n 40 "$src/configure.log" "$src/make.log" 2>/dev/null >&2
      exit 1
    }
    touch "$src/.built"
  fi
  (cd "$src" && make -s install >"$src/install.log" 2>&1) || { tail -n 20 "$src/install.log" >&2; exit 1; }
  echo "$sha $(sha256sum "$so" | cut -d' ' -f1) $("$PGBIN/postgres" --version)" >"$stamp"
  echo "citus-cluster: installed $so"
}

start_node() {
  local port="$1" dir="$DATA/$1"
  mkdir -p "$DATA" && chown postgres:postgres "$DATA" 2>/dev/null || true
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg "$PGBIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$dir/postgresql.conf" <<EOF
# motcua test cluster (scripts/citus-cluster.sh)
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_preload_libraries = 'citus'
max_connections = 400
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
citus.shard_count = 4
citus.max_client_connections = 400
EOF
  fi
  # Every database with the extension runs a Citus maintenance daemon (a background worker): the API
  # tests hold a dozen databases at once, and with PostgreSQL's default 8 workers the daemon cannot
  # start and citus_update_node crashed the coordinator (signal 11). Added to clusters made before.
  if ! grep -q '^max_worker_processes' "$dir/postgresql.conf"; then
    echo 'max_worker_processes = 64' >>"$dir/postgresql.conf"
    as_pg "$PGBIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 && as_pg "$PGBIN/pg_ctl" -D "$dir" -m fast -w restart -l "$dir/server.log" >/dev/null
  fi
  if ! as_pg "$PGBIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
  fi
}

stop_node() {
  local dir="$DATA/$1"
  as_pg "$PGBIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 && as_pg "$PGBIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
  return 0
}

# The extension and the node list are per database: on every node, then registered on the coordinator.
prepare_db() {
  local db="$1" p
  for p in "${PORTS[@]}"; do
    if [ "$p" != "$COORD" ] && [ -z "$(psql_at "$p" postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      psql_at "$p" postgres "CREATE DATABASE $db"
    fi
    psql_at "$p" "$db" "CREATE EXTENSION IF NOT EXISTS citus"
  done
  psql_at "$COORD" "$db" "SELECT citus_set_coordinator_host('127.0.0.1', $COORD)" >/dev/null
  for p in "${PORTS[@]:1}"; do
    psql_at "$COORD" "$db" "SELECT citus_add_node('127.0.0.1', $p) WHERE NOT EXISTS (SELECT 1 FROM pg_dist_node WHERE nodeport = $p)" >/dev/null
  done
}

case "${1:-up}" in
  stop)
    for p in "${PORTS[@]}"; do stop_node "$p"; done
    ;;
  stop-worker) stop_node "$2" ;;
  start-worker) start_node "$2" ;;
  up)
    build_install
    for p in "${PORTS[@]}"; do start_node "$p"; done
    for p in "${PORTS[@]}"; do
      for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$p" -q && break; sleep 1; done
    done
    prepare_db postgres
    if [ -z "$(psql_at "$COORD" postgres "SELECT 1 FROM pg_database WHERE datname = 'test'")" ]; then
      psql_at "$COORD" postgres "CREATE DATABASE test"
    fi
    prepare_db test
    echo "citus-cluster: coordinator 127.0.0.1:$COORD, workers ${PORTS[*]:1}"
    echo "TEST_CITUS_URL=postgres://postgres@127.0.0.1:$COORD/test"
    ;;
  *)
    echo "usage: $0 [up|stop|stop-worker PORT|start-worker PORT]" >&2
    exit 2
    ;;
esac
