#!/usr/bin/env bash
# Starts and stops a PostgreSQL master with one or more streaming hot standbys on
# 127.0.0.1, for dbchooser's tests and demo.
#
#   pg-replica.sh start STATE_FILE MASTER_PORT STANDBY_PORT [STANDBY_PORT...]
#   pg-replica.sh stop  STATE_FILE
#   pg-replica.sh pause  STATE_FILE SERVER        stop one server (master, standby1, ...)
#   pg-replica.sh crash  STATE_FILE SERVER        stop it as a crash would: no shutdown
#                                                 checkpoint, sessions cut (-m immediate)
#   pg-replica.sh resume STATE_FILE SERVER        start it again (if it is not running)
#   pg-replica.sh promote STATE_FILE SERVER       promote a standby to primary, as a
#                                                 failover manager (Patroni) or a person would
#   pg-replica.sh set    STATE_FILE SERVER 'name = value'
#                                                 change a setting and reload, e.g.
#                                                 standby1 'recovery_min_apply_delay = 500'
#   pg-replica.sh sql    STATE_FILE 'statement'   run it on the master as the superuser,
#                                                 e.g. to create a role of a test's own
#
# STATE_FILE records where the clusters live so that `stop` (and the next `start`,
# after an interrupted build) can find and stop them. The clusters live in a fresh
# folder under /tmp because the postgres user must be able to reach them, which a
# checkout under /root does not allow.
#
# Database `dbchooser`, owner `dbchooser` (password `dbchooser`), reachable over TCP
# with scram-sha-256. The master logs every statement (log_statement=all), so a test
# can prove from the server's own log where a statement ran.
set -euo pipefail

action=${1:?usage: pg-replica.sh start|stop STATE_FILE [MASTER_PORT STANDBY_PORT...]}
state_file=${2:?state file missing}

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$newest" ] || [ ! -x "$newest/initdb" ]; then
    echo "pg-replica: no PostgreSQL server binaries found; install them with: apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "$newest"
}

# PostgreSQL refuses to run as root: drop to the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_clusters() {
  [ -f "$state_file" ] || return 0
  local base bin dir
  base=$(sed -n 's/^base=//p' "$state_file")
  bin=$(sed -n 's/^bin=//p' "$state_file")
  if [ -n "$base" ] && [ -d "$base" ]; then
    for dir in "$base"/standby* "$base"/master; do
      if [ -f "$dir/postmaster.pid" ]; then
        as_pg "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
      fi
    done
    # keep the server logs beside the state file: they show what a failed test saw
    cp "$base"/*.log "$(dirname "$state_file")/" 2>/dev/null || true
    rm -rf "$base"
  fi
  rm -f "$state_file"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

server_dir() { # the data folder of SERVER (master, standby1, ...) of the running clusters
  local base
  base=$(sed -n 's/^base=//p' "$state_file")
  [[ "$1" =~ ^(master|standby[0-9]+)$ ]] && [ -d "$base/$1" ] || { echo "pg-replica: no server '$1'" >&2; exit 2; }
  echo "$base/$1"
}

case "$action" in
  stop)
    stop_clusters
    ;;
  pause|crash)
    bin=$(sed -n 's/^bin=//p' "$state_file")
    mode=fast
    [ "$action" = crash ] && mode=immediate
    as_pg "$bin/pg_ctl" -D "$(server_dir "${3:?server missing}")" -m "$mode" -w stop >/dev/null
    ;;
  sql)
    bin=$(sed -n 's/^bin=//p' "$state_file")
    base=$(sed -n 's/^base=//p' "$state_file")
    port=$(sed -n 's/^master_port=//p' "$state_file")
    as_pg "$bin/psql" -q -h "$base" -p "$port" -U postgres -d dbchooser -v ON_ERROR_STOP=1 -c "${3:?statement missing}"
    ;;
  resume)
    bin=$(sed -n 's/^bin=//p' "$state_file")
    dir=$(server_dir "${3:?server missing}")
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -l "$(dirname "$dir")/$3.log" -w start >/dev/null
    fi
    ;;
  promote)
    bin=$(sed -n 's/^bin=//p' "$state_file")
    as_pg "$bin/pg_ctl" -D "$(server_dir "${3:?server missing}")" -w promote >/dev/null
    ;;
  set)
    bin=$(sed -n 's/^bin=//p' "$state_file")
    dir=$(server_dir "${3:?server missing}")
    printf '%s\n' "${4:?setting missing}" | as_pg tee -a "$dir/postgresql.auto.conf" >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir" reload >/dev/null
    ;;
  start)
    master_port=${3:?master port missing}
    shift 3
    standby_ports=("$@")
    [ ${#standby_ports[@]} -gt 0 ] || { echo "pg-replica: at least one standby port is needed" >&2; exit 1; }
    stop_clusters # a previous run that was interrupted
    for p in "$master_port" "${standby_ports[@]}"; do
      if port_in_use "$p"; then
        echo "pg-replica: port $p on 127.0.0.1 is already in use" >&2
        exit 1
      fi
    done
    bin=$(bindir)
    base=$(mktemp -d /tmp/dbchooser-pg.XXXXXX)
    chmod 755 "$base"
    mkdir -p "$(dirname "$state_file")"
    printf 'base=%s\nbin=%s\nmaster_port=%s\nstandby_ports=%s\n' \
      "$base" "$bin" "$master_port" "${standby_ports[*]}" >"$state_file"
    [ "$(id -u)" = 0 ] && chown postgres: "$base"
    trap 'echo "pg-replica: start failed, logs in $base" >&2; cat "$base"/*.log >&2 2>/dev/null || true; stop_clusters' ERR

    printf 'postgres\n' >"$base/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$base/pwfile"
    as_pg "$bin/initdb" -D "$base/master" -U postgres -E UTF8 --locale=C.UTF-8 -N \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$base/pwfile" >"$base/initdb.log"
    as_pg tee -a "$base/master/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $master_port
unix_socket_directories = '$base'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
log_statement = 'all'
log_line_prefix = '%m [%p] %q%u@%d '
logging_collector = off
cluster_name = 'master'
CONF
    as_pg tee -a "$base/master/pg_hba.conf" >/dev/null <<HBA
host replication replicator 127.0.0.1/32 scram-sha-256
HBA
    as_pg "$bin/pg_ctl" -D "$base/master" -l "$base/master.log" -w start >/dev/null
    as_pg "$bin/psql" -q -h "$base" -p "$master_port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicator';
CREATE ROLE dbchooser WITH LOGIN PASSWORD 'dbchooser';
CREATE DATABASE dbchooser OWNER dbchooser;
SQL
    i=0
    for p in "${standby_ports[@]}"; do
      i=$((i + 1))
      dir="$base/standby$i"
      as_pg env PGPASSWORD=replicator "$bin/pg_basebackup" -h 127.0.0.1 -p "$master_port" -U replicator \
        -D "$dir" -R -X stream -C -S "standby$i" -c fast -N
      # after the master restarts, reconnect within half a second (default: 5 s)
      as_pg tee -a "$dir/postgresql.auto.conf" >/dev/null <<CONF
port = $p
cluster_name = 'standby$i'
wal_retrieve_retry_interval = '500ms'
CONF
      as_pg "$bin/pg_ctl" -D "$dir" -l "$base/standby$i.log" -w start >/dev/null
      in_recovery=$(as_pg "$bin/psql" -Atq -h "$base" -p "$p" -U postgres -d postgres -c 'select pg_is_in_recovery()')
      if [ "$in_recovery" != t ]; then
        echo "pg-replica: the server on port $p is not a hot standby" >&2
        false
      fi
    done
    trap - ERR
    echo "pg-replica: master on 127.0.0.1:$master_port, hot standby on ${standby_ports[*]} (logs in $base)"
    ;;
  *)
    echo "usage: pg-replica.sh start|stop|pause|crash|resume|promote|set|sql STATE_FILE ..." >&2
    exit 2
    ;;
esac
