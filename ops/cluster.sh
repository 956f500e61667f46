#!/usr/bin/env bash
# Several app instances behind nginx on this machine, against the local PostgreSQL:
#   ops/cluster.sh start            database (created once), keys (generated once), N instances, nginx; prints the URL
#   ops/cluster.sh stop             stops nginx and the instances (SIGTERM: in-flight requests finish)
#   ops/cluster.sh kill <i>         kill -9 instance i (for failure drills)
#   ops/cluster.sh start-instance <i>
#   ops/cluster.sh status
# Settings (environment): CLUSTER_DIR (.cluster), CLUSTER_INSTANCES (3), CLUSTER_BASE_PORT (3101),
# CLUSTER_PORT (8080, nginx), CLUSTER_PG (postgres://postgres@127.0.0.1:5432), CLUSTER_DB (physician_cluster),
# CLUSTER_SEED (1: load the demo data into an empty database), CLUSTER_BUILD_WEB (1: build the web client if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DIR="$(mkdir -p "${CLUSTER_DIR:-$ROOT/.cluster}" && cd "${CLUSTER_DIR:-$ROOT/.cluster}" && pwd)"
INSTANCES="${CLUSTER_INSTANCES:-3}"
BASE_PORT="${CLUSTER_BASE_PORT:-3101}"
PORT="${CLUSTER_PORT:-8080}"
PG="${CLUSTER_PG:-postgres://postgres@127.0.0.1:5432}"
DB="${CLUSTER_DB:-physician_cluster}"
NGINX_DIR="$DIR/nginx"

die() { echo "cluster: $*" >&2; exit 1; }
pidof_instance() { cat "$DIR/run/app-$1.pid" 2>/dev/null || true; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

app_env() {
  # shellcheck disable=SC1091
  set -a; . "$DIR/keys.env"; set +a
  export DATABASE_URL="$PG/$DB" FILES_DIR="$DIR/files" DATA_DIR="$DIR/data" TRUST_PROXY=true
  export SMS_OUTBOX_FILE="$DIR/data/sms-outbox.log" CAPTCHA="${CAPTCHA:-on}"
}

prepare() {
  mkdir -p "$DIR/run" "$DIR/logs" "$DIR/files" "$DIR/data" "$NGINX_DIR/tmp" "$NGINX_DIR/cache"
  if [ ! -f "$DIR/keys.env" ]; then
    # Generated once; every instance uses the same pair. Losing them loses every 证件号码.
    (umask 077; printf 'ID_ENCRYPTION_KEY=%s\nID_HMAC_KEY=%s\n' "$(openssl rand -base64 32)" "$(openssl rand -base64 32)" > "$DIR/keys.env")
    echo "cluster: keys generated into $DIR/keys.env (keep them; without them no 证件号码 can be read)"
  fi
  if ! psql "$PG/postgres" -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    psql "$PG/postgres" -qc "create database \"$DB\"" || die "could not create database $DB"
    echo "cluster: database $DB created"
  fi
  if [ "${CLUSTER_BUILD_WEB:-1}" = 1 ] && [ ! -f web/dist/index.html ]; then npm run -s build:web; fi
  app_env
  # Migrations once, before the instances start (each would also do it, one after another).
  node --import tsx server/main.ts migrate >/dev/null
  if [ "${CLUSTER_SEED:-1}" = 1 ] && [ "$(psql "$PG/$DB" -tAc 'select count(*) from accounts')" = 0 ]; then
    node --import tsx server/main.ts seed > "$DIR/logs/seed.log" && head -1 "$DIR/logs/seed.log"
  fi
}

start_instance() {
  local i="$1" port=$((BASE_PORT + $1 - 1))
  alive "$(pidof_instance "$i")" && { echo "cluster: instance $i already running"; return; }
  (app_env; PORT="$port" HOST=127.0.0.1 exec node --import tsx server/main.ts serve >>"$DIR/logs/app-$i.log" 2>&1) &
  echo $! > "$DIR/run/app-$i.pid"
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && { echo "cluster: instance $i ready on :$port"; return; }
    alive "$(pidof_instance "$i")" || die "instance $i exited; see $DIR/logs/app-$i.log"
    sleep 0.5
  done
  die "instance $i not ready after 120 s; see $DIR/logs/app-$i.log"
}

render_nginx() {
  local servers="" i
  for i in $(seq 1 "$INSTANCES"); do
    servers+="    server 127.0.0.1:$((BASE_PORT + i - 1)) max_fails=2 fail_timeout=5s;"$'\n'
  done
  {
    [ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);"
    cat <<CONF
worker_processes 2;
pid $DIR/run/nginx.pid;
error_log $DIR/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $DIR/logs/nginx-access.log;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    include $NGINX_DIR/app.conf;
}
CONF
  } > "$NGINX_DIR/nginx.conf"
  local upstream_file="$NGINX_DIR/upstream.part"
  printf '%s' "$servers" > "$upstream_file"
  sed -e "/__UPSTREAM_SERVERS__/{r $upstream_file" -e 'd}' \
      -e "s|__LISTEN__|127.0.0.1:$PORT|" -e "s|__CACHE_DIR__|$NGINX_DIR/cache|" -e "s|__PAGES_DIR__|$ROOT/ops/nginx|" \
      ops/nginx/app.conf.template > "$NGINX_DIR/app.conf"
  rm -f "$upstream_file"
}

nginx_cmd() { nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" "$@"; }

start() {
  command -v nginx >/dev/null || die "nginx is not installed (Debian: apt-get install nginx)"
  prepare
  for i in $(seq 1 "$INSTANCES"); do start_instance "$i"; done
  render_nginx
  nginx_cmd -t -q || die "nginx configuration invalid"
  if alive "$(cat "$DIR/run/nginx.pid" 2>/dev/null || true)"; then nginx_cmd -s reload; else nginx_cmd; fi
  curl -fsS "http://127.0.0.1:$PORT/api/ready" >/dev/null || die "nginx does not reach the instances"
  echo "医师定期考核信息登记管理系统（$INSTANCES 个实例 + nginx）：http://127.0.0.1:$PORT"
}

stop_instance() {
  local pid; pid="$(pidof_instance "$1")"
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do alive "$pid" || break; sleep 0.5; done
    alive "$pid" && kill -KILL "$pid"
  fi
  rm -f "$DIR/run/app-$1.pid"
}

stop() {
  local pid; pid="$(cat "$DIR/run/nginx.pid" 2>/dev/null || true)"
  if alive "$pid"; then nginx_cmd -s quit; for _ in $(seq 1 20); do alive "$pid" || break; sleep 0.25; done; fi
  for f in "$DIR"/run/app-*.pid; do [ -e "$f" ] || continue; i="${f##*/app-}"; stop_instance "${i%.pid}"; done
  echo "cluster: stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  kill) pid="$(pidof_instance "${2:?instance number}")"; alive "$pid" && kill -KILL "$pid"; rm -f "$DIR/run/app-$2.pid"; echo "cluster: instance $2 killed (-9)" ;;
  start-instance) start_instance "${2:?instance number}" ;;
  status)
    for i in $(seq 1 "$INSTANCES"); do echo "instance $i: $(alive "$(pidof_instance "$i")" && echo running || echo stopped)"; done
    echo "nginx: $(alive "$(cat "$DIR/run/nginx.pid" 2>/dev/null || true)" && echo "running on http://127.0.0.1:$PORT" || echo stopped)" ;;
  *) die "usage: ops/cluster.sh start|stop|kill <i>|start-instance <i>|status" ;;
esac
