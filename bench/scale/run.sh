#!/usr/bin/env bash
# Scale-out benchmark (issue 11): segment translations per second through the whole pipeline (intake, claim, machine
# translation by the Translator emulator, checks, queued for review) with 1, 2 and 3 worker processes on one
# PostgreSQL database, then the peak RSS (VmHWM) of one worker on 1,000 articles x 3 locales.
# Each run starts from an empty database and an empty emulator, so nothing is served from a cache.
# Needs: Debian postgresql (apt-get install -y postgresql), the .NET SDK. Runs as root (the server then runs as
# 'postgres') or as a normal user.
# Usage: bash bench/scale/run.sh [articles per throughput run=300] [articles for the RSS run=1000]
set -euo pipefail
ARTICLES=${1:-300}
RSS_ARTICLES=${2:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/localize-scale.XXXXXX)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${PGPORT_BENCH:-55441}
EPORT=${EMULATOR_PORT_BENCH:-55442}
LOCALES=(fr de it)
SEGMENTS_PER_ARTICLE=11
RUN_LIMIT_SECONDS=${RUN_LIMIT_SECONDS:-1200}

dotnet build "$REPO/src/Localize.Cli" -c Release -v quiet -nologo >/dev/null
CLI=(dotnet "$REPO/src/Localize.Cli/bin/Release/net10.0/localize.dll")

chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd /tmp && runuser -u postgres -- "$@"); else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
mkdir -p "$WORK/pg" && [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -U localize -A trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
  -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U localize -qAt -v ON_ERROR_STOP=1)

"${CLI[@]}" emulator --port "$EPORT" >"$WORK/emulator.log" &
EMULATOR=$!
PIDS+=("$EMULATOR")
until grep -q listening "$WORK/emulator.log"; do sleep 0.2; done

# A repository of N generated articles: 11 segments each (title, description, heading, 8 sentences), all unique.
make_repository() {
  local dir=$1 n=$2
  mkdir -p "$dir/pipelines" "$dir/content" "$dir/translations"
  {
    printf 'name: scale\nsource:\n  folder: content\n  include: "**/*.md"\n  language: en\n  fields: [title, description]\nlocales:\n'
    for l in "${LOCALES[@]}"; do printf '  - code: %s\n    engine: azure\n' "$l"; done
    printf 'review:\n  approvals: 1\npublish:\n  folder: translations\n'
  } >"$dir/pipelines/scale.yaml"
  for ((i = 0; i < n; i++)); do
    cat >"$dir/content/care-note-$i.md" <<MD
---
title: "Care note $i: living well with condition $i"
description: "What patients in group $i should know about their daily care."
---

People in group $i should drink water with every meal. Ask your doctor in group $i before you change a dose.

## Daily care for group $i

Walk for 20 minutes each day if your care team in group $i agrees. Keep a diary of symptoms for group $i.

Call the clinic for group $i when a fever lasts more than 2 days. Bring the list of medicines for group $i to each visit.

Rest is part of the treatment plan for group $i. Nurses for group $i answer questions by phone.
MD
  done
}

# run WORKERS ARTICLES -> prints one line; sets PEAK_RSS_MB to the largest worker VmHWM.
run() {
  local workers=$1 n=$2 db="bench_${1}_${2}" dir="$WORK/repo-$1-$2"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
  make_repository "$dir" "$n"
  export Localize__PostgreSql="Host=127.0.0.1;Port=$PGPORT;Username=localize;Database=$db"
  export Localize__Engines__Azure__Endpoint="http://127.0.0.1:$EPORT" Localize__Engines__Azure__Key=emulator-key
  # Migrate once, as an operator would before starting a fleet, so start-up is not in the timing.
  "${CLI[@]}" db migrate --root "$dir" >/dev/null
  local expected=$((n * SEGMENTS_PER_ARTICLE * ${#LOCALES[@]})) started workers_pids=() done_count=0
  echo "$workers worker(s), $n articles: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  started=$(date +%s.%N)
  for ((w = 0; w < workers; w++)); do
    "${CLI[@]}" run --watch --root "$dir" >"$WORK/worker-$workers-$w.log" 2>&1 &
    workers_pids+=($!)
    PIDS+=($!)
  done
  PEAK_RSS_MB=0
  while true; do
    for pid in "${workers_pids[@]}"; do
      local hwm
      hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${hwm:-0}" -gt "$PEAK_RSS_MB" ] && PEAK_RSS_MB=$hwm
    done
    done_count=$("${PSQL[@]}" -d "$db" -c "SELECT COUNT(*) FROM translations WHERE state = 'InReview'")
    [ "$done_count" -ge "$expected" ] && break
    # A stuck segment or a crashed fleet ends the run with what is known rather than hanging it.
    if [ "$(echo "$(date +%s.%N) - $started > $RUN_LIMIT_SECONDS" | bc)" -eq 1 ]; then
      echo "$workers worker(s), $n articles: only $done_count of $expected segments in review after $RUN_LIMIT_SECONDS s; last worker log lines:" >&2
      tail -n 5 "$WORK"/worker-"$workers"-*.log >&2
      exit 1
    fi
    sleep 0.5
  done
  local ended seconds
  ended=$(date +%s.%N)
  seconds=$(echo "$ended - $started" | bc)
  for pid in "${workers_pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  local errors
  errors=$(cat "$WORK"/worker-"$workers"-*.log | grep -c -E '^(fail|crit):' || true)
  printf '%d worker(s), %d articles x %d locales: %d segment translations in review in %.1f s = %.0f segments/s; peak worker RSS %d MB; %d error lines\n' \
    "$workers" "$n" "${#LOCALES[@]}" "$expected" "$seconds" "$(echo "$expected / $seconds" | bc -l)" "$PEAK_RSS_MB" "$errors"
  rm -f "$WORK"/worker-"$workers"-*.log
}

echo "$(nproc) cores; PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'); Translator emulator on loopback"
for workers in 1 2 3; do run "$workers" "$ARTICLES"; done
run 1 "$RSS_ARTICLES"
if [ "$PEAK_RSS_MB" -gt 300 ]; then
  echo "peak RSS of one worker on $RSS_ARTICLES articles: $PEAK_RSS_MB MB, above the 300 MB budget"
  exit 1
fi
echo "peak RSS of one worker on $RSS_ARTICLES articles x ${#LOCALES[@]} locales: $PEAK_RSS_MB MB (budget 300 MB)"
