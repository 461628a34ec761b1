#!/usr/bin/env bash
# Public site vs nginx, side by side in one run: the same published pages, Localize negotiating the language from
# Accept-Language on /<slug>, nginx serving the pages it negotiated to as static files (/<locale>/<slug>.html).
# Localize runs twice on the same database: as a readers' instance (Localize__PublicSiteOnly=true, how readers' traffic
# is meant to be served) and as the all-in-one web app (review, dashboard and public site in one process).
# wrk, 64 connections, loopback only. Prints a table and the ratios the issue asks for:
#   Localize requests/s >= 1.0 x nginx, Localize p99 <= 1.5 x nginx.
#
# Installs nothing silently: when nginx, wrk or Apertium is missing it says so and installs the Debian package
# (sudo when not root). Everything else lives in a temporary folder that is removed at the end.
#
#   bash bench/public-site/run.sh [--duration 15] [--articles 12] [--rounds 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
duration=15; articles=12; rounds=3; connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "usage: $0 [--duration SECONDS] [--articles N] [--rounds N]" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
[ -e /usr/share/apertium/modes/eng-spa.mode ] || missing+=(apertium apertium-eng-spa)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing benchmark dependencies: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/localize-bench-XXXXXX)
# nginx's workers drop to an unprivileged user when started as root: they must be able to read the pages.
chmod 755 "$work"
server_pids=(); nginx_started=
cleanup() {
  [ ${#server_pids[@]} -gt 0 ] && kill "${server_pids[@]}" 2>/dev/null || true
  [ -n "$nginx_started" ] && "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building (Release)…"
for project in src/Localize.Server src/Localize.Cli; do
  dotnet build "$project" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
server_dll=$repo/src/Localize.Server/bin/Release/net10.0/Localize.Server.dll
cli() { dotnet "$repo/src/Localize.Cli/bin/Release/net10.0/localize.dll" "$@" --root "$work/site"; }

# A repository of $articles copies of the seed article under different slugs, published in es and qps-ploc by the
# real pipeline and the real review command.
mkdir -p "$work/site/content" "$work/site/translations"
cp -r pipelines "$work/site/"
seed=content/ketamine-infusions-chronic-migraine.md
slugs=()
for i in $(seq 1 "$articles"); do
  slug="ketamine-infusions-chronic-migraine-$i"
  sed "s/^slug: .*/slug: $slug/" "$seed" > "$work/site/content/$slug.md"
  slugs+=("$slug")
done
echo "Translating $articles articles with the pipeline…"
cli run >/dev/null
# A medical reviewer approves every segment (overriding, with a reason, what the checks flag in machine output: this
# is a load test, not a translation) and signs each article off, which is what lets the worker publish it.
password="bench reviewer passphrase"
printf '%s\n' "$password" | cli users add bench-reviewer --role reviewer --locale es --locale qps-ploc --password-stdin >/dev/null
echo "Approving and signing $articles articles × 2 locales…"
for slug in "${slugs[@]}"; do
  for locale in es qps-ploc; do
    cli review approve --article "$slug" --locale "$locale" --reviewer bench-reviewer >/dev/null 2>&1 || true
    flagged=$(cli review list --article "$slug" --locale "$locale" | grep -F "$slug" | sed -E 's/^[^0-9]*([0-9]+).*/\1/' || true)
    if [ -n "$flagged" ]; then
      # shellcheck disable=SC2086 # one id per word
      cli review approve --article "$slug" --locale "$locale" --reviewer bench-reviewer --override "benchmark load, not a translation" $flagged >/dev/null
    fi
    printf '%s\n' "$password" | cli review sign --article "$slug" --locale "$locale" --reviewer bench-reviewer --password-stdin >/dev/null
  done
done
cli run >/dev/null
published=$(find "$work/site/translations" -path '*/.versions' -prune -o -name '*.md' -print | wc -l)
echo "Published: $published pages"
[ "$published" -gt 0 ] || { echo "nothing was published; cannot benchmark" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
localize_port=$(free_port); webapp_port=$(free_port); nginx_port=$(free_port)

# Neither runs the worker, as web instances scale out beside it; logging as in production.
start_localize() { # port log [setting=value…]
  local port=$1 log=$2; shift 2
  env Localize__Root="$work/site" Localize__RunWorker=false Localize__DataFolder="$work/site/data" \
    DOTNET_gcServer=1 Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning "$@" \
    dotnet "$server_dll" >"$log" 2>&1 &
  server_pids+=($!)
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the Localize server did not start:" >&2; cat "$log" >&2; exit 1; }
}
start_localize "$localize_port" "$work/readers.log" Localize__PublicSiteOnly=true
start_localize "$webapp_port" "$work/webapp.log"

# The readers: Accept-Language headers as browsers send them. For each, the page Localize negotiates is what nginx
# serves as a static file, so both send the same bytes for the same request.
headers=("es-MX,es;q=0.9,en;q=0.8" "en-US,en;q=0.9" "es" "fr-CA,fr;q=0.8,en;q=0.5" "es-ES,es;q=0.9" "de-DE,de;q=0.9,es;q=0.5,en;q=0.3" "qps-ploc" "*")
mkdir -p "$work/www" "$work/nginx/logs"
lua_rows=()
for slug in "${slugs[@]}"; do
  for header in "${headers[@]}"; do
    locale=$(curl -fsS -o /dev/null -D - -H "Accept-Language: $header" "http://127.0.0.1:$localize_port/$slug" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-language"{print $2}') \
      || { echo "GET /$slug (Accept-Language: $header) failed" >&2; exit 1; }
    mkdir -p "$work/www/$locale"
    [ -e "$work/www/$locale/$slug.html" ] || curl -fsS "http://127.0.0.1:$localize_port/$locale/$slug" -o "$work/www/$locale/$slug.html" \
      || { echo "GET /$locale/$slug failed" >&2; exit 1; }
    lua_rows+=("{\"/$slug\", \"/$locale/$slug\", \"$header\"}")
  done
done

cat > "$work/nginx/nginx.conf" <<NGINX
# A production-style static configuration: no access log (Localize writes none per request either), sendfile,
# keep-alive, cached file descriptors, one worker per core.
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 65; keepalive_requests 100000;
  open_file_cache max=1000 inactive=60s; open_file_cache_valid 60s;
  types { text/html html; }
  default_type text/html;
  charset utf-8;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { add_header Cache-Control "public, max-age=60"; try_files \$uri.html =404; }
  }
}
NGINX
mkdir -p "$work/nginx/tmp"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx_started=1
sleep 0.5

# column 1 for Localize (negotiated address), column 2 for nginx (the file), column 3 the header both get.
{
  echo "local requests = {"
  printf '  %s,\n' "${lua_rows[@]}"
  echo "}"
  cat <<'LUA'
local column = tonumber(os.getenv("BENCH_COLUMN"))
local i = 0
request = function()
  i = i % #requests + 1
  local r = requests[i]
  return wrk.format("GET", r[column], { ["Accept-Language"] = r[3] })
end
LUA
} > "$work/requests.lua"

# Sanity: every server answers every request of the mix with 200 and the same bytes (wrk counts a redirect as a
# success, so a page that sent readers to a login form would otherwise look fast).
for row in "${lua_rows[@]}"; do
  IFS='"' read -r _ negotiated _ file _ header _ <<<"$row"
  expected=$(curl -sS -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$nginx_port$file")
  for port in "$localize_port" "$webapp_port"; do
    got=$(curl -sS -o /dev/null -w '%{http_code} %{size_download}' -H "Accept-Language: $header" "http://127.0.0.1:$port$negotiated")
    [ "$got" = "$expected" ] || { echo "GET $negotiated (Accept-Language: $header) on port $port answered '$got'; nginx's $file answered '$expected'" >&2; exit 1; }
  done
done

run_wrk() { # name column url seconds
  BENCH_COLUMN=$2 wrk -t2 -c"$connections" -d"$4s" --latency -s "$work/requests.lua" "$3" 2>&1
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}'; }
parse() { # output -> "rps p50ms p99ms non2xx"
  local out=$1
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%"{print $2}' <<<"$out" | to_ms)
  errors=$(awk '/Non-2xx or 3xx responses:/{print $5}' <<<"$out"); errors=${errors:-0}
  echo "$rps $p50 $p99 $errors"
}

echo "Warming up all three (5 s each)…"
run_wrk localize 1 "http://127.0.0.1:$localize_port" 5 >/dev/null
run_wrk webapp 1 "http://127.0.0.1:$webapp_port" 5 >/dev/null
run_wrk nginx 2 "http://127.0.0.1:$nginx_port" 5 >/dev/null

results=()
for round in $(seq 1 "$rounds"); do
  echo "round $round: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for server in nginx localize webapp; do
    case $server in
      nginx) out=$(run_wrk nginx 2 "http://127.0.0.1:$nginx_port" "$duration") ;;
      localize) out=$(run_wrk localize 1 "http://127.0.0.1:$localize_port" "$duration") ;;
      webapp) out=$(run_wrk webapp 1 "http://127.0.0.1:$webapp_port" "$duration") ;;
    esac
    results+=("$round $server $(parse "$out") $(cut -d' ' -f1 /proc/loadavg)")
  done
done

echo
echo "wrk -t2 -c$connections -d${duration}s, ${#lua_rows[@]} requests in the mix ($articles articles x ${#headers[@]} Accept-Language headers), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-30s %12s %10s %10s %8s %12s\n' round server "requests/s" "p50 ms" "p99 ms" non-2xx "load after"
for row in "${results[@]}"; do
  read -r round server rps p50 p99 errors loadafter <<<"$row"
  case $server in
    nginx) label="nginx $("$nginx_bin" -v 2>&1 | cut -d/ -f2) (static files)" ;;
    localize) label="Localize readers' instance" ;;
    webapp) label="Localize all-in-one web app" ;;
  esac
  printf '%-6s %-30s %12s %10s %10s %8s %12s\n' "$round" "$label" "$rps" "$p50" "$p99" "$errors" "$loadafter"
done
# The median over rounds of each round's ratio: the rounds swing with how the scheduler places the servers' and wrk's
# threads on the cores, and a ratio within one round compares the systems under the same conditions.
for server in localize webapp; do
  printf '%s\n' "${results[@]}" | awk -v s="$server" '
    $2 == "nginx" { n[$1] = $3 } $2 == s { l[$1] = $3 }
    END { for (r in l) if (n[r] > 0) printf "%.4f\n", l[r] / n[r] }' | sort -n | awk -v s="$server" '
    { v[NR] = $1 } END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      label = s == "localize" ? "readers’ instance" : "all-in-one web app";
      goal = s == "localize" ? ">= 1.00x" : ">= 0.95x";
      printf "%s / nginx requests/s, median of the %d rounds’ ratios: %.2fx (goal %s)\n", label, NR, m, goal }'
done
printf '%s\n' "${results[@]}" | awk '
  { rps[$2]+=$3; p99[$2]+=$5; n[$2]++ }
  END {
    r = (rps["localize"]/n["localize"]) / (rps["nginx"]/n["nginx"]);
    p = (p99["localize"]/n["localize"]) / (p99["nginx"]/n["nginx"]);
    printf "\nLocalize readers’ instance / nginx, mean of rounds: requests/s %.2fx (goal >= 1.00x), p99 %.2fx (goal <= 1.50x)\n", r, p;
    r = (rps["webapp"]/n["webapp"]) / (rps["nginx"]/n["nginx"]);
    p = (p99["webapp"]/n["webapp"]) / (p99["nginx"]/n["nginx"]);
    printf "Localize all-in-one web app / nginx:           requests/s %.2fx, p99 %.2fx\n", r, p;
  }'
