#!/bin/sh
# A local two-shard ClickHouse cluster for linesight's tests and for trying the ClickHouse event
# store: two servers on loopback ports, with their data, logs and configuration in one folder,
# and a cluster `linesight` of the two shards in both. No root needed (beyond installing Debian's
# clickhouse-server and clickhouse-client), no standard input read.
#
#   scripts/clickhouse.sh start    start both (again if running: nothing changes), print the URLs
#   scripts/clickhouse.sh stop     stop both and remove the folder
#   scripts/clickhouse.sh status   say whether each answers
#
# LINESIGHT_CLICKHOUSE_DIR (default ${TMPDIR:-/tmp}/linesight-clickhouse) is the folder;
# LINESIGHT_CLICKHOUSE_PORT (default 18123) the first HTTP port: shard 2 listens on the next one,
# and the native ports are those plus 1000.
set -eu

DIR=${LINESIGHT_CLICKHOUSE_DIR:-${TMPDIR:-/tmp}/linesight-clickhouse}
BASE=${LINESIGHT_CLICKHOUSE_PORT:-18123}
SHARDS="1 2"
SERVER=${CLICKHOUSE_SERVER:-$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)}

http_port() { echo $((BASE + $1 - 1)); }
tcp_port() { echo $((BASE + 1000 + $1 - 1)); }

fail() {
  echo "clickhouse.sh: error: $1" >&2
  [ $# -gt 1 ] && echo "      hint: $2" >&2
  exit 1
}

answers() { curl -sf --max-time 2 "http://127.0.0.1:$(http_port "$1")/ping" >/dev/null 2>&1; }

running_pid() {
  pidfile="$DIR/shard$1/clickhouse.pid"
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  # A killed server whose parent is gone can stay a zombie where nothing reaps it: not running.
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != Z ] && echo "$pid"
}

launch() {
  home="$DIR/shard$1"
  # Not --daemon: its --pid-file is written in daemon mode only, and a daemon's pid is not $!.
  nohup "$SERVER" --config-file="$home/config.xml" </dev/null >"$home/log/stdout.log" 2>&1 &
  echo $! >"$home/clickhouse.pid"
}

write_config() {
  shard=$1
  home="$DIR/shard$shard"
  mkdir -p "$home/data" "$home/tmp" "$home/user_files" "$home/log"
  cluster=""
  # POSIX sh has no local variables: a loop over $s here would change the caller's.
  for member in $SHARDS; do
    cluster="$cluster<shard><replica><host>127.0.0.1</host><port>$(tcp_port "$member")</port></replica></shard>"
  done
  # No interserver port: the shards have no replicas to exchange parts with.
  cat >"$home/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>$home/log/server.log</log>
    <errorlog>$home/log/error.log</errorlog>
    <size>10M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http_port "$shard")</http_port>
  <tcp_port>$(tcp_port "$shard")</tcp_port>
  <path>$home/data/</path>
  <tmp_path>$home/tmp/</tmp_path>
  <user_files_path>$home/user_files/</user_files_path>
  <users_config>$home/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers><linesight>$cluster</linesight></remote_servers>
</yandex>
EOF
  cat >"$home/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
}

start() {
  [ -x "$SERVER" ] ||
    fail "clickhouse-server is not installed" "apt-get install -y clickhouse-server clickhouse-client (Debian 12 has 18.16)"
  command -v curl >/dev/null || fail "curl is not installed" "apt-get install -y curl"
  mkdir -p "$DIR"
  for s in $SHARDS; do
    if running_pid "$s" >/dev/null; then continue; fi
    if answers "$s"; then
      fail "port $(http_port "$s") already answers, but not for a shard started here" \
        "stop what listens there, or set LINESIGHT_CLICKHOUSE_PORT to another first port"
    fi
    write_config "$s"
    launch "$s"
  done
  # Up to 60 s: a first start creates its system tables.
  tries=0
  relaunched=0
  for s in $SHARDS; do
    until answers "$s"; do
      tries=$((tries + 1))
      # A restart right after a crash sometimes exits at once, silently: launch it again.
      if ! running_pid "$s" >/dev/null && [ "$relaunched" -lt 3 ]; then
        relaunched=$((relaunched + 1))
        launch "$s"
      fi
      if [ "$tries" -gt 600 ]; then
        tail -5 "$DIR/shard$s/log/error.log" "$DIR/shard$s/log/stdout.log" >&2 2>/dev/null || true
        fail "shard $s did not answer on port $(http_port "$s") within 60 s" \
          "see $DIR/shard$s/log; a port in use? set LINESIGHT_CLICKHOUSE_PORT to another"
      fi
      sleep 0.1
    done
  done
  for s in $SHARDS; do
    running_pid "$s" >/dev/null ||
      fail "shard $s stopped after starting" "see $DIR/shard$s/log (a native port $(tcp_port "$s") in use?)"
  done
  urls=""
  for s in $SHARDS; do urls="$urls${urls:+,}127.0.0.1:$(http_port "$s")"; done
  echo "shard 1: http://127.0.0.1:$(http_port 1)"
  echo "shard 2: http://127.0.0.1:$(http_port 2)"
  echo "store (two shards): clickhouse://$urls/linesight?cluster=linesight"
  echo "store (one node):   clickhouse://127.0.0.1:$(http_port 1)/linesight_single"
}

stop() {
  for s in $SHARDS; do
    pid=$(running_pid "$s") || continue
    kill "$pid"
    # Up to 30 s to shut down cleanly, then for good.
    i=0
    while kill -0 "$pid" 2>/dev/null; do
      i=$((i + 1))
      if [ "$i" -gt 300 ]; then
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
    done
  done
  rm -rf "$DIR"
  echo "stopped; removed $DIR"
}

status() {
  down=0
  for s in $SHARDS; do
    if answers "$s"; then
      echo "shard $s: answers on http://127.0.0.1:$(http_port "$s")"
    else
      echo "shard $s: not running"
      down=1
    fi
  done
  return $down
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*) fail "say start, stop or status" "scripts/clickhouse.sh start" ;;
esac
