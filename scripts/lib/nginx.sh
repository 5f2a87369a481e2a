# A private nginx on a free loopback port answering every request with a fixed JSON 200: the fast
# gateway stand-in of the benchmarks. Sourced; defines start_nginx (sets NGINX_URL and NGINX_PID)
# and stop_nginx, and the peers measured against it (wrk_rps, build_curl_floor). nginx does not run
# as a service here, so it gets its own prefix and config.

start_nginx() {
    local workers=${1:-1}
    NGINX_DIR=$(mktemp -d /tmp/loa-nginx.XXXXXX)
    local port=""
    for _ in $(seq 100); do
        local candidate=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [[ -n "$port" ]] || { echo "no free port for nginx" >&2; return 1; }
    mkdir -p "$NGINX_DIR/tmp"
    cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes $workers;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    client_body_buffer_size 64k;
    keepalive_requests 1000000;
    keepalive_timeout 120s;
    server {
        listen 127.0.0.1:$port;
        location / {
            default_type application/json;
            return 200 '{"ok":true}';
        }
    }
}
CONF
    nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
    for _ in $(seq 50); do [[ -s "$NGINX_DIR/nginx.pid" ]] && break; sleep 0.1; done
    NGINX_PID=$(cat "$NGINX_DIR/nginx.pid")
    NGINX_URL="http://127.0.0.1:$port/"
    curl -fsS -X POST -d '{}' "$NGINX_URL" >/dev/null || { echo "nginx is not answering on $NGINX_URL" >&2; return 1; }
}

stop_nginx() {
    if [[ -n "${NGINX_PID:-}" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID"
        for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    [[ -n "${NGINX_DIR:-}" ]] && rm -rf "$NGINX_DIR"
    NGINX_PID=""
}

# nginx_cpu_seconds: CPU seconds (user + system) nginx's master and workers have used so far.
nginx_cpu_seconds() {
    local ticks=0 pid fields
    for pid in "$NGINX_PID" $(pgrep -P "$NGINX_PID"); do
        # Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime and stime.
        fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
        set -- $fields
        ticks=$((ticks + ${12} + ${13}))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}

# wrk_rps URL CONCURRENCY SECONDS BODY: wrk's requests/s POSTing BODY.
wrk_rps() {
    local lua
    lua=$(mktemp /tmp/loa-wrk.XXXXXX.lua)
    cat >"$lua" <<LUA
wrk.method = "POST"
wrk.body = '$4'
wrk.headers["Content-Type"] = "application/json"
LUA
    local threads=$(( $2 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$2" -d"$3s" -s "$lua" "$1" | awk '/^Requests\/sec:/ { printf "%d", $2 }'
    rm -f "$lua"
}

# build_curl_floor OUT: compiles scripts/lib/curl-floor.c (libcurl driven from C, no Swift) to OUT,
# the HTTP side's least cost next to wrk on the same nginx.
build_curl_floor() {
    local compiler
    compiler=$(command -v cc || command -v clang) || { echo "no C compiler for curl-floor" >&2; return 1; }
    "$compiler" -O2 -o "$1" "$(dirname "${BASH_SOURCE[0]}")/curl-floor.c" -lcurl
}
