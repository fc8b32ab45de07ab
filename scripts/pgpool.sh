#!/usr/bin/env bash
# Starts and stops Pgpool-II in front of a PostgreSQL master and one hot standby on
# 127.0.0.1, for the end-to-end comparison of benchmarks/ (peer d).
#
#   pgpool.sh start STATE_DIR PORT MASTER_PORT STANDBY_PORT
#   pgpool.sh stop  STATE_DIR
#
# Streaming-replication mode with load balancing: writes go to the master; every read
# that may be balanced goes to the standby (backend_weight0 = 0, backend_weight1 = 1), so
# that it is compared with the other peers' reads, which all go to the standby. Clients
# log in with scram-sha-256 as on the servers; pgpool, which must log in to the servers
# in turn, takes the password from its pool_passwd. No query cache, no health checks,
# no watchdog. STATE_DIR (under /tmp: the postgres user must reach it) holds the
# configuration, the socket, the log and the PID, by which `stop` stops it.
# Needs Debian's pgpool2 package (apt-get install -y pgpool2).
set -euo pipefail

action=${1:?usage: pgpool.sh start STATE_DIR PORT MASTER_PORT STANDBY_PORT | stop STATE_DIR}
state_dir=${2:?state folder missing}
pid_file="$state_dir/pgpool.pid"

# Like the servers, pgpool runs as postgres when we are root. Run in the background, the
# function's subshell becomes pgpool itself, so nothing of ours waits beside it.
exec_as_pg() {
  if [ "$(id -u)" = 0 ]; then
    exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    exec "$@"
  fi
}

running_pid() {
  local pid
  pid=$(tr -cd "0-9" 2>/dev/null <"$pid_file" || true) # pgpool pads its PID file with NUL bytes
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
  fi
}

stop_pgpool() {
  local pid
  pid=$(running_pid)
  if [ -n "$pid" ]; then
    kill -INT "$pid" # fast shutdown: the children end their sessions
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid"
    fi
  fi
  rm -f "$pid_file"
}

case "$action" in
  stop)
    stop_pgpool
    ;;
  start)
    port=${3:?port missing}
    master_port=${4:?master port missing}
    standby_port=${5:?standby port missing}
    command -v pgpool >/dev/null || { echo "pgpool.sh: no pgpool; install it with: apt-get install -y pgpool2" >&2; exit 1; }
    stop_pgpool # a previous run that was interrupted
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "pgpool.sh: port $port on 127.0.0.1 is already in use" >&2
      exit 1
    fi
    mkdir -p "$state_dir"
    cat >"$state_dir/pgpool.conf" <<CONF
backend_clustering_mode = 'streaming_replication'
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$state_dir'
pcp_listen_addresses = ''
pcp_socket_dir = '$state_dir'
pid_file_name = '$pid_file'
logdir = '$state_dir'

backend_hostname0 = '127.0.0.1'
backend_port0 = $master_port
backend_weight0 = 0
backend_flag0 = 'DISALLOW_TO_FAILOVER'
backend_application_name0 = 'master'
backend_hostname1 = '127.0.0.1'
backend_port1 = $standby_port
backend_weight1 = 1
backend_flag1 = 'DISALLOW_TO_FAILOVER'
backend_application_name1 = 'standby1'

# each pooled client connection holds one pgpool child; the benchmark opens a handful
num_init_children = 16
max_pool = 4
load_balance_mode = on
# pgpool sends a SELECT that calls a volatile function to the primary; pg_is_in_recovery()
# is one. Listed here, the benchmark's "which server am I on" check is balanced as the
# measured reads (which call no function) are.
read_only_function_list = 'inet_server_port,pg_is_in_recovery'
memory_cache_enabled = off
health_check_period = 0
failover_on_backend_error = off
sr_check_period = 0
sr_check_user = 'dbchooser'
use_watchdog = off

enable_pool_hba = on
pool_passwd = 'pool_passwd'
log_destination = 'stderr'
log_min_messages = warning
CONF
    cat >"$state_dir/pool_hba.conf" <<HBA
local all all                trust
host  all all 127.0.0.1/32   scram-sha-256
HBA
    # the password in clear (TEXT): pgpool needs it to answer the servers' scram-sha-256
    printf 'dbchooser:TEXTdbchooser\n' >"$state_dir/pool_passwd"
    : >"$state_dir/pcp.conf"
    chmod 600 "$state_dir/pool_passwd"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$state_dir"
    exec_as_pg pgpool -n -D -f "$state_dir/pgpool.conf" -F "$state_dir/pcp.conf" -a "$state_dir/pool_hba.conf" \
      >"$state_dir/pgpool.log" 2>&1 &
    for _ in $(seq 1 100); do
      if [ -n "$(running_pid)" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "pgpool.sh: Pgpool-II on 127.0.0.1:$port (PID $(running_pid)), master $master_port, standby $standby_port, log $state_dir/pgpool.log"
        exit 0
      fi
      sleep 0.1
    done
    echo "pgpool.sh: Pgpool-II did not start; its log:" >&2
    cat "$state_dir/pgpool.log" >&2
    stop_pgpool
    exit 1
    ;;
  *)
    echo "usage: pgpool.sh start STATE_DIR PORT MASTER_PORT STANDBY_PORT | stop STATE_DIR" >&2
    exit 2
    ;;
esac
