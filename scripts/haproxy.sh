#!/usr/bin/env bash
# Starts and stops HAProxy on 127.0.0.1 in front of the build's standbys, as GeoMapFish
# documents for several slaves: TCP mode, round robin over the standbys, each checked
# every 500 ms with HAProxy's PostgreSQL check (a stopped one is out after two failed
# checks, back after one good one).
#
#   haproxy.sh start STATE_FILE LISTEN_PORT STANDBY_PORT [STANDBY_PORT...]
#   haproxy.sh stop  STATE_FILE
#   haproxy.sh check
#
# `check` fails, saying how to install it, where HAProxy is missing: the build asks it
# before it starts any server, so that a missing HAProxy leaves nothing running.
# STATE_FILE records the configuration and the PID, so that `stop` (and the next
# `start`, after an interrupted build) stops exactly the HAProxy it started.
set -euo pipefail

action=${1:?usage: haproxy.sh start|stop STATE_FILE [LISTEN_PORT STANDBY_PORT...] | check}
installed() {
  command -v haproxy >/dev/null || { echo "haproxy: not installed; install it with: apt-get install -y haproxy" >&2; exit 1; }
}
if [ "$action" = check ]; then
  installed
  exit 0
fi
state_file=${2:?state file missing}
dir=$(dirname "$state_file")

stop_haproxy() {
  [ -f "$state_file" ] || return 0
  local pid
  pid=$(cat "$state_file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$state_file"
}

case "$action" in
  stop)
    stop_haproxy
    ;;
  start)
    listen_port=${3:?listen port missing}
    shift 3
    [ $# -gt 0 ] || { echo "haproxy: at least one standby port is needed" >&2; exit 1; }
    installed
    stop_haproxy
    mkdir -p "$dir"
    cfg="$dir/haproxy.cfg"
    {
      printf 'global\n  maxconn 400\n\n'
      printf 'defaults\n  mode tcp\n  timeout connect 2s\n  timeout client 1h\n  timeout server 1h\n  timeout check 1s\n\n'
      printf 'listen standbys\n  bind 127.0.0.1:%s\n  balance roundrobin\n  option pgsql-check user dbchooser\n' "$listen_port"
      printf '  default-server inter 500ms fall 2 rise 1\n'
      i=0
      for p in "$@"; do
        i=$((i + 1))
        printf '  server standby%s 127.0.0.1:%s check\n' "$i" "$p"
      done
    } >"$cfg"
    haproxy -f "$cfg" -D -p "$dir/haproxy.pid"
    cp "$dir/haproxy.pid" "$state_file"
    echo "haproxy: 127.0.0.1:$listen_port in front of $* (pid $(cat "$state_file"))"
    ;;
  *)
    echo "usage: haproxy.sh start|stop STATE_FILE ... | check" >&2
    exit 2
    ;;
esac
