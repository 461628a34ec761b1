#!/usr/bin/env bash
# Fuzzy translation-memory benchmark: Localize's trigram index vs PostgreSQL pg_trgm on the same segments.
# 1. Generates the data once (tm_gen.py) into /tmp/localize-tm-bench-N-Q.
# 2. Computes the exhaustive ground truth (every query against every segment) once, in a process of its own, cached
#    beside the data as truth.tsv, so the measured process holds nothing but its index.
# 3. Starts a throw-away PostgreSQL cluster on a loopback port under /tmp and builds the pg_trgm GIN index.
# 4. One .NET process builds Localize's index (streaming the segments) and then alternates rounds: pg_trgm (timed
#    inside the server, this script's --pg-round) and Localize (timed in process), the load average printed before
#    each; it prints a table of both per round with the ratio of means, the overall ratio, and its own peak memory.
# Needs: python3, the .NET SDK; installs Debian wamerican, postgresql and bc when missing and run as root.
# Usage: bash bench/memory/run.sh [segments=1000000] [queries=200] [rounds=3]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { (cd /tmp && runuser -u postgres -- "$@"); }

if [ "${1:-}" = "--pg-round" ]; then
  # One pass of every query through pg_trgm, Weblate's way: the % operator (trigram similarity >=
  # pg_trgm.similarity_threshold) through the GIN index, best 20 by trigram similarity; the .NET side reranks them by
  # the same edit-distance similarity as ours. Timed inside the server (clock_timestamp), so client round trips are
  # not charged to PostgreSQL. Writes qid<TAB>ms<TAB>ids to $2.
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGBENCH_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt > "$2" <<SQL
SET pg_trgm.similarity_threshold = ${PG_THRESHOLD:-0.5};
CREATE TEMP TABLE results (qid integer, ms double precision, ids text);
DO \$\$
DECLARE q record; t0 timestamptz; found text;
BEGIN
  FOR q IN SELECT id, text FROM queries ORDER BY id LOOP
    t0 := clock_timestamp();
    SELECT string_agg(id::text, ',') INTO found FROM (
      SELECT id FROM tm WHERE text % q.text ORDER BY similarity(text, q.text) DESC, id LIMIT 20) best;
    INSERT INTO results VALUES (q.id, extract(epoch FROM clock_timestamp() - t0) * 1000, coalesce(found, ''));
  END LOOP;
END \$\$;
COPY (SELECT qid, ms, ids FROM results ORDER BY qid) TO STDOUT;
SQL
  exit 0
fi

N=${1:-1000000}
Q=${2:-200}
ROUNDS=${3:-3}
DATA=/tmp/localize-tm-bench-$N-$Q
PORT=${PGPORT_BENCH:-55439}
GEN=${TM_GEN:-/work/shared/bench/tm_gen.py}

if [ "$(id -u)" = 0 ] && { [ ! -e /usr/share/dict/words ] || [ -z "$PGBIN" ] || ! command -v bc >/dev/null; }; then
  apt-get install -y -qq wamerican postgresql bc >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

if [ ! -s "$DATA/queries.tsv" ]; then
  python3 "$GEN" "$DATA" "$N" "$Q"
fi

cd "$REPO"
dotnet build bench/memory -c Release -v quiet -nologo 2>&1 | grep -E "error|rror\(s\)" || true
BENCH=(dotnet "$REPO/bench/memory/bin/Release/net10.0/Localize.MemoryBench.dll")
"${BENCH[@]}" truth "$DATA"

PGDIR=$(mktemp -d /tmp/localize-pg.XXXXXX)
chown postgres "$PGDIR"
chmod 755 "$DATA"
stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_pg EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=1GB -c jit=off" start >/dev/null
PSQL=(as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)

"${PSQL[@]}" -c "CREATE EXTENSION pg_trgm; CREATE TABLE tm (id integer PRIMARY KEY, text text NOT NULL); CREATE TABLE queries (id integer PRIMARY KEY, text text NOT NULL);"
"${PSQL[@]}" -c "\\copy tm FROM '$DATA/segments.tsv' WITH (FORMAT text)"
"${PSQL[@]}" -c "\\copy queries FROM '$DATA/queries.tsv' WITH (FORMAT text)"
START=$(date +%s.%N)
"${PSQL[@]}" -c "CREATE INDEX tm_trgm ON tm USING gin (text gin_trgm_ops)"
"${PSQL[@]}" -c "VACUUM ANALYZE tm"
END=$(date +%s.%N)
echo "pg_trgm GIN index built in $(echo "$END - $START" | bc) s (load $(cut -d' ' -f1-3 /proc/loadavg)); table+index $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_total_relation_size('tm'))")"

PGBENCH_PORT=$PORT "${BENCH[@]}" compare "$DATA" "$ROUNDS" "bash $HERE/run.sh --pg-round"
