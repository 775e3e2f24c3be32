#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests.
#   scripts/pg.sh start   initialises a fresh data directory under /tmp, starts the server on a
#                         free loopback port and prints ONE line to stdout, an Npgsql connection
#                         string: Host=127.0.0.1;Port=PORT;Username=postgres;Database=roviec_test
#   scripts/pg.sh stop    stops that server and removes its directory (idempotent).
# The server never runs as root: when started as root it runs as the `postgres` system user
# (created by Debian's `postgresql` package); otherwise as the current user. Durability is off
# (fsync, synchronous_commit, full_page_writes) since the data is thrown away.
# The state (directory, port) is kept in artifacts/pg.state, or in $ROVIEC_PG_STATE when set.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${ROVIEC_PG_STATE:-$ROOT/artifacts/pg.state}"
DB=roviec_test

die() {
  echo "pg.sh: $1" >&2
  exit 1
}

# The newest versioned server directory, e.g. /usr/lib/postgresql/15/bin; the pg_ctl on PATH
# may be Debian's wrapper or a link, so the real binaries are taken from here.
find_bin() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && best+="$dir"$'\n'
  done
  [[ -n "$best" ]] || return 1
  printf '%s' "$best" | sort -V | tail -n 1
}

# Runs a command as the server's owner: `postgres` when we are root, ourselves otherwise. The
# working directory is the throw-away directory, which that user can always enter.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$DIR" && runuser -u postgres -- "$@")
  else
    (cd "$DIR" && "$@")
  fi
}

port_in_use() {
  # A successful connect means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

log_tail() {
  [[ -s "$1" ]] || return 0
  echo "--- ${1##*/} (last lines)" >&2
  tail -n 25 "$1" >&2
}

# True while the process runs; a zombie (exited, not yet reaped by init) counts as gone.
running() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  [[ -r "/proc/$1/stat" ]] || return 0
  stat="$(<"/proc/$1/stat")" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

stop() {
  [[ -f "$STATE" ]] || return 0
  local DIR="" PORT="" BIN=""
  # shellcheck disable=SC1090
  source "$STATE"
  if [[ -n "$DIR" && -d "$DIR/data" && -n "$BIN" ]]; then
    local pid="" i
    [[ -f "$DIR/data/postmaster.pid" ]] && read -r pid <"$DIR/data/postmaster.pid"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1
    # pg_ctl returns once postmaster.pid is gone, a moment before the process has exited.
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
      for ((i = 0; i < 100; i++)); do
        running "$pid" || break
        sleep 0.1
      done
      running "$pid" && kill -KILL "$pid" 2>/dev/null
    fi
  fi
  # Only ever remove what start created.
  [[ "$DIR" == /tmp/roviec-pg.* ]] && rm -rf "$DIR"
  rm -f "$STATE"
}

start() {
  # A state file left by a run that was killed: its server may still be running.
  if [[ -f "$STATE" ]]; then
    echo "pg.sh: stopping a server left by an earlier run (${STATE})" >&2
    stop
  fi

  BIN="$(find_bin)" ||
    die "không tìm thấy máy chủ PostgreSQL trong /usr/lib/postgresql/*/bin (PostgreSQL server not found; apt-get install postgresql)"

  if [[ $(id -u) -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 ||
      die "không có người dùng 'postgres'; máy chủ không chạy được bằng root (no 'postgres' user; the server refuses to run as root)"
  fi

  local locale=C
  locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8

  DIR="$(mktemp -d /tmp/roviec-pg.XXXXXX)" || die "không tạo được thư mục tạm (cannot create a temporary directory)"
  chmod 755 "$DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$DIR"
  # Written now, so that stop cleans up whatever happens next.
  mkdir -p "$(dirname "$STATE")"
  printf 'DIR=%q\nPORT=\nBIN=%q\n' "$DIR" "$BIN" >"$STATE"

  # fail MESSAGE LOG: reports, shows the log's tail, and cleans up.
  fail() {
    echo "pg.sh: $1" >&2
    log_tail "$2"
    stop
    exit 1
  }

  as_owner env LC_ALL="$locale" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 \
    --locale="$locale" --no-sync >"$DIR/initdb.log" 2>&1 ||
    fail "initdb thất bại (initdb failed)" "$DIR/initdb.log"

  # Try ports upward from 55432; another process may take a port between the check and the
  # bind, so a failed start on a taken port moves on to the next one.
  local port started=""
  for ((port = ${ROVIEC_PG_PORT:-55432}; port < ${ROVIEC_PG_PORT:-55432} + 50; port++)); do
    port_in_use "$port" && continue
    if as_owner env LC_ALL="$locale" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      started=$port
      break
    fi
    grep -qi 'address already in use' "$DIR/log" 2>/dev/null ||
      fail "máy chủ PostgreSQL không khởi động được (the PostgreSQL server did not start)" "$DIR/log"
    : >"$DIR/log"
  done
  [[ -n "$started" ]] || fail "không tìm được cổng trống (no free port in ${ROVIEC_PG_PORT:-55432}..+50)" "$DIR/log"
  printf 'DIR=%q\nPORT=%q\nBIN=%q\n' "$DIR" "$started" "$BIN" >"$STATE"

  as_owner "$BIN/psql" -X -q -h 127.0.0.1 -p "$started" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $DB" >"$DIR/createdb.log" 2>&1 ||
    fail "không tạo được cơ sở dữ liệu $DB (cannot create database $DB)" "$DIR/createdb.log"

  echo "Host=127.0.0.1;Port=$started;Username=postgres;Database=$DB"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: scripts/pg.sh start|stop" >&2
    exit 2
    ;;
esac
