#!/usr/bin/env bash
# A real Elasticsearch 8 for Netra's tests and for trying Netra locally.
#
#   scripts/elasticsearch.sh start|stop|status|url|pid|clean
#
# start   fetch (once, with Maven), unpack (once) and start a single-node
#         Elasticsearch on 127.0.0.1 with a free port, security off, a small
#         heap; wait until the cluster is yellow or green; print its URL.
#         Idempotent: when the instance already runs it just prints the URL.
# stop    stop the instance by its PID and wait for it to exit.
# status  print "running URL" (exit 0) or "stopped" (exit 1).
# url     print the URL of the running instance (nothing, exit 1, if stopped).
# pid     print the PID of the running instance.
# clean   stop the instance and delete its data, logs and config.
#
# Environment:
#   NETRA_CACHE       cache root (default $HOME/.cache/netra); the distribution
#                     and instances live in $NETRA_CACHE/elasticsearch
#   NETRA_ES_NAME     instance name (default "default"); several instances can
#                     run side by side from one unpacked distribution
#   NETRA_ES_HOME     instance directory (default <cache>/instances/<name>)
#   NETRA_ES_VERSION  distribution version (default: newest that resolves from
#                     the list below)
#   NETRA_ES_HEAP     heap size (default 512m)
#   NETRA_ES_TIMEOUT  seconds to wait for the cluster to become healthy (300)
#   NETRA_ES_OS_USER  the unprivileged user Elasticsearch runs as when this
#                     script runs as root (default netra-es)
#   NETRA_ES_SECURE_USER, NETRA_ES_SECURE_PASSWORD
#                     when both are set, security is on (basic auth and API
#                     keys, over plain http) with this superuser, as on a
#                     real cluster; the tests of authentication use it
#   NETRA_ES_ROLES_FILE a roles.yml (file-realm role definitions) to install
#                     when security is on
#   NETRA_ES_EXTRA_USERS  "user:password:role[,role] ..." file-realm users to
#                     add when security is on (the privilege tests use them)
#
# The distribution is org.elasticsearch.distribution.integ-test-zip, the
# smallest one: it has no bundled JDK (we use the machine's Java 17+) and no
# analysis-common, reindex or painless modules (Netra does not need them).
# Elasticsearch refuses to run as root; when run as root this script creates
# the unprivileged user netra-es and runs Elasticsearch as that user.
set -euo pipefail

versions="${NETRA_ES_VERSION:-8.19.9 8.19.7}"
heap="${NETRA_ES_HEAP:-512m}"
timeout="${NETRA_ES_TIMEOUT:-300}"
name="${NETRA_ES_NAME:-default}"
cache="${NETRA_CACHE:-${HOME:-/root}/.cache/netra}/elasticsearch"
es_user="${NETRA_ES_OS_USER:-netra-es}"

die() { echo "elasticsearch.sh: $*" >&2; exit 1; }
log() { echo "elasticsearch.sh: $*" >&2; }

case "$name" in *[!A-Za-z0-9._-]* | "") die "NETRA_ES_NAME must be letters, digits, . _ -: got '$name'";; esac

is_root=0
[ "$(id -u)" = 0 ] && is_root=1

# As root, Elasticsearch runs as $es_user, who must be able to reach the
# unpacked distribution and the instance directory. $HOME of root is usually
# closed to others, so then the runtime files go to a directory of their own.
runbase="$cache"
if [ "$is_root" = 1 ]; then
  if ! id "$es_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$es_user" 2>/dev/null ||
      useradd -r -M -s /bin/false "$es_user" || die "cannot create user $es_user"
  fi
  mkdir -p "$cache"
  if ! runuser -u "$es_user" -- test -x "$cache"; then
    runbase="/var/cache/netra-es"
  fi
fi
home="${NETRA_ES_HOME:-$runbase/instances/$name}"
pidfile="$home/elasticsearch.pid"
urlfile="$home/url"
portfile="$home/port"

as_es() {
  if [ "$is_root" = 1 ]; then runuser -u "$es_user" -- "$@"; else "$@"; fi
}

running_pid() {
  [ -f "$pidfile" ] || return 1
  local p
  p="$(cat "$pidfile" 2>/dev/null || true)"
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 1
  # After a reboot the PID may belong to another program: it is ours only
  # if its command line names this instance's directory.
  if [ -r "/proc/$p/cmdline" ] && ! tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF "$home/"; then
    return 1
  fi
  echo "$p"
}

secure_user="${NETRA_ES_SECURE_USER:-}"
secure_password="${NETRA_ES_SECURE_PASSWORD:-}"

healthy() { # url
  local body auth=()
  if [ -n "$secure_user" ]; then auth=(-u "$secure_user:$secure_password"); fi
  body="$(curl -fsS --max-time 5 "${auth[@]}" "$1/_cluster/health" 2>/dev/null)" || return 1
  case "$body" in *'"status":"green"'* | *'"status":"yellow"'*) return 0;; esac
  return 1
}

free_port() { # [preferred]
  python3 - "$@" <<'EOF'
import socket, sys
def try_bind(p):
    s = socket.socket()
    # Elasticsearch binds with SO_REUSEADDR, so a port whose old
    # connections linger in TIME_WAIT is still good for a restart.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", p))
        return s.getsockname()[1]
    except OSError:
        return None
    finally:
        s.close()
if len(sys.argv) > 1 and sys.argv[1] and try_bind(int(sys.argv[1])):
    print(sys.argv[1]); sys.exit(0)
print(try_bind(0))
EOF
}

java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  local j
  j="$(command -v java)" || die "java not found: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jre-headless)"
  j="$(readlink -f "$j")"
  dirname "$(dirname "$j")"
}

# fetch_dist prints the unpacked distribution directory, fetching and
# unpacking it first when needed.
fetch_dist() {
  local v zip dir
  for v in $versions; do
    dir="$runbase/dist/elasticsearch-$v"
    if [ -x "$dir/bin/elasticsearch" ]; then echo "$dir"; return; fi
  done
  command -v mvn >/dev/null || die "mvn not found: it fetches the Elasticsearch distribution (Debian: apt-get install maven)"
  mkdir -p "$cache/zip"
  for v in $versions; do
    zip="$cache/zip/elasticsearch-$v.zip"
    if [ ! -s "$zip" ]; then
      log "fetching Elasticsearch $v (integ-test-zip) with Maven"
      if ! mvn -q -B dependency:copy \
        -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$v:zip" \
        -DoutputDirectory="$cache/zip" >"$cache/zip/mvn-$v.log" 2>&1; then
        log "version $v did not resolve (see $cache/zip/mvn-$v.log)"
        continue
      fi
    fi
    mkdir -p "$runbase/dist"
    rm -rf "$runbase/dist/.unpack"
    mkdir -p "$runbase/dist/.unpack"
    if command -v unzip >/dev/null; then
      unzip -q "$zip" -d "$runbase/dist/.unpack" || die "cannot unpack $zip"
    else
      # Python's zipfile drops the executable bits: restore them on bin/.
      python3 -m zipfile -e "$zip" "$runbase/dist/.unpack" || die "cannot unpack $zip"
      chmod -R a+x "$runbase/dist/.unpack/elasticsearch-$v/bin"
    fi
    rm -rf "$runbase/dist/elasticsearch-$v"
    mv "$runbase/dist/.unpack/elasticsearch-$v" "$runbase/dist/elasticsearch-$v"
    rm -rf "$runbase/dist/.unpack"
    echo "$runbase/dist/elasticsearch-$v"
    return
  done
  die "no Elasticsearch version of '$versions' could be fetched"
}

cmd_start() {
  local p url dist port tport jh
  if p="$(running_pid)"; then
    url="$(cat "$urlfile")"
    if healthy "$url" || wait_healthy "$url" "$p"; then echo "$url"; return; fi
    die "instance '$name' (pid $p) runs but is not healthy at $url"
  fi
  dist="$(fetch_dist)"
  jh="$(java_home)"
  mkdir -p "$home/data" "$home/logs" "$home/tmp" "$home/config"
  # A config directory per instance so several can share one distribution.
  cp -r "$dist/config/." "$home/config/"
  # A free port is only free until someone takes it: another test may
  # bind it between the check and Elasticsearch's start. A start that
  # fails on a port already in use is tried again with fresh ports.
  local attempt preferred
  preferred="$(cat "$portfile" 2>/dev/null || true)"
  for attempt in 1 2 3; do
    port="$(free_port "$preferred")"
    tport="$(free_port)"
    [ -n "$port" ] && [ "$port" != None ] && [ -n "$tport" ] && [ "$tport" != None ] || die "no free port"
    if launch; then echo "$url"; return; fi
    if ! grep -qs "Address already in use" "$home/logs/stdout.log" "$home/logs/netra-$name.log"; then
      tail_logs
      die "Elasticsearch at $url did not start or become healthy within ${timeout}s"
    fi
    log "a port was taken while Elasticsearch started (attempt $attempt); trying fresh ports"
    preferred=""
    p="$(cat "$pidfile" 2>/dev/null || true)"
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
    rm -f "$pidfile"
  done
  tail_logs
  die "Elasticsearch could not bind its ports after 3 attempts"
}

# launch writes the instance's config for $port and $tport, starts
# Elasticsearch and waits until it is healthy; it sets url.
launch() {
  local p
  cat >"$home/config/elasticsearch.yml" <<EOF
cluster.name: netra-$name
node.name: netra-$name
path.data: $home/data
path.logs: $home/logs
network.host: 127.0.0.1
http.port: $port
transport.port: $tport
discovery.type: single-node
xpack.security.enabled: $([ -n "$secure_user" ] && echo true || echo false)
xpack.ml.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  if [ -n "$secure_user" ]; then
    # A file-realm superuser: no bootstrap password dance needed.
    rm -f "$home/config/users" "$home/config/users_roles"
    touch "$home/config/users" "$home/config/users_roles"
    ES_JAVA_HOME="$jh" ES_PATH_CONF="$home/config" "$dist/bin/elasticsearch-users" useradd "$secure_user" \
      -p "$secure_password" -r superuser >/dev/null || die "cannot add user $secure_user"
    if [ -n "${NETRA_ES_ROLES_FILE:-}" ]; then
      cp "$NETRA_ES_ROLES_FILE" "$home/config/roles.yml" || die "cannot install $NETRA_ES_ROLES_FILE"
    fi
    local spec u rest p r
    for spec in ${NETRA_ES_EXTRA_USERS:-}; do
      u="${spec%%:*}"; rest="${spec#*:}"; p="${rest%%:*}"; r="${rest#*:}"
      ES_JAVA_HOME="$jh" ES_PATH_CONF="$home/config" "$dist/bin/elasticsearch-users" useradd "$u" \
        -p "$p" -r "$r" >/dev/null 2>&1 || die "cannot add user $u"
    done
  fi
  echo "$port" >"$portfile"
  url="http://127.0.0.1:$port"
  echo "$url" >"$urlfile"
  rm -f "$pidfile"
  if [ "$is_root" = 1 ]; then
    chown -R "$es_user" "$home"
    # The distribution must be readable by the unprivileged user.
    chown -R "$es_user" "$dist"
    # Each directory on the way to the instance must be traversable.
    local d="$home"
    while [ "$d" != / ]; do
      d="$(dirname "$d")"
      runuser -u "$es_user" -- test -x "$d" || chmod o+x "$d"
    done
  fi
  log "starting Elasticsearch ($(basename "$dist")) instance '$name' at $url, home $home"
  (
    cd "$home/logs"
    as_es env ES_JAVA_HOME="$jh" JAVA_HOME="$jh" ES_PATH_CONF="$home/config" \
      ES_TMPDIR="$home/tmp" ES_JAVA_OPTS="-Xms$heap -Xmx$heap ${NETRA_ES_JAVA_OPTS:-}" \
      "$dist/bin/elasticsearch" -d -p "$pidfile" >"$home/logs/stdout.log" 2>&1 9>&-
  ) || return 1
  p="$(cat "$pidfile" 2>/dev/null || true)"
  wait_healthy "$url" "$p"
}

wait_healthy() { # url pid
  local deadline=$((SECONDS + timeout))
  while [ $SECONDS -lt $deadline ]; do
    if healthy "$1"; then return 0; fi
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then
      log "Elasticsearch process $2 exited"
      return 1
    fi
    sleep 1
  done
  return 1
}

tail_logs() {
  local f
  for f in "$home/logs/stdout.log" "$home/logs/netra-$name.log"; do
    [ -f "$f" ] || continue
    echo "----- tail of $f" >&2
    tail -n 60 "$f" >&2
  done
}

cmd_stop() {
  local p i
  p="$(running_pid)" || { rm -f "$pidfile"; return 0; }
  kill "$p" 2>/dev/null || true
  for i in $(seq 1 60); do
    kill -0 "$p" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$p" 2>/dev/null; then
    log "pid $p did not stop in 30s; killing"
    kill -9 "$p" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$pidfile"
}

# One command at a time per instance: two concurrent starts would both
# launch a node on the same data directory.
lock_instance() {
  mkdir -p "$home"
  exec 9>"$home/.lock"
  if ! flock -w "$timeout" 9; then die "instance '$name' is busy (another start/stop holds $home/.lock)"; fi
}

case "${1:-}" in
start | stop | clean) lock_instance ;;
esac

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status)
  if p="$(running_pid)"; then echo "running $(cat "$urlfile") pid $p"; else echo stopped; exit 1; fi
  ;;
url)
  if running_pid >/dev/null; then cat "$urlfile"; else exit 1; fi
  ;;
pid) running_pid ;;
clean)
  cmd_stop
  rm -rf "$home"
  ;;
*)
  echo "usage: $0 start|stop|status|url|pid|clean" >&2
  exit 2
  ;;
esac
