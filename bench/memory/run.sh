#!/usr/bin/env bash
# Fuzzy translation-memory benchmark: Localize's trigram index vs PostgreSQL pg_trgm on the same 1 M segments, in
# one run. Generates the data (tm_gen.py), starts a throw-away PostgreSQL cluster on a loopback port under /tmp,
# loads and indexes it, times every query inside the server, stops the cluster, then runs the .NET side, which
# also computes the exhaustive ground truth and prints both engines side by side.
# Needs: python3, Debian wamerican and postgresql (apt-get install -y wamerican postgresql), the .NET SDK.
# Usage: bash bench/memory/run.sh [segments=1000000] [queries=200]
set -euo pipefail
N=${1:-1000000}
Q=${2:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DATA=/tmp/localize-tm-bench-$N-$Q
PGDIR=$(mktemp -d /tmp/localize-pg.XXXXXX)
PORT=${PGPORT_BENCH:-55439}
GEN=${TM_GEN:-/work/shared/bench/tm_gen.py}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

if [ ! -s "$DATA/queries.tsv" ]; then
  python3 "$GEN" "$DATA" "$N" "$Q"
fi

chown postgres "$PGDIR"
chmod 755 "$DATA"
as_pg() { (cd /tmp && runuser -u postgres -- "$@"); }
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
echo "pg_trgm GIN index built in $(echo "$END - $START" | bc) s; table+index $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_total_relation_size('tm'))")"

# Weblate's way: the % operator (trigram similarity >= pg_trgm.similarity_threshold) through the GIN index, best
# 20 by trigram similarity; the .NET side reranks them by the same edit-distance similarity as ours. Timed inside
# the server (clock_timestamp), so client round trips are not charged to PostgreSQL. One warm-up pass first.
PGOUT="$DATA/pg_trgm.tsv"
"${PSQL[@]}" > "$PGOUT" <<SQL
SET pg_trgm.similarity_threshold = ${PG_THRESHOLD:-0.5};
CREATE TEMP TABLE results (qid integer, ms double precision, ids text);
DO \$\$
DECLARE q record; t0 timestamptz; found text; pass integer;
BEGIN
  FOR pass IN 1..2 LOOP
    FOR q IN SELECT id, text FROM queries ORDER BY id LOOP
      t0 := clock_timestamp();
      SELECT string_agg(id::text, ',') INTO found FROM (
        SELECT id FROM tm WHERE text % q.text ORDER BY similarity(text, q.text) DESC, id LIMIT 20) best;
      IF pass = 2 THEN
        INSERT INTO results VALUES (q.id, extract(epoch FROM clock_timestamp() - t0) * 1000, coalesce(found, ''));
      END IF;
    END LOOP;
  END LOOP;
END \$\$;
COPY (SELECT qid, ms, ids FROM results ORDER BY qid) TO STDOUT;
SQL
stop_pg
trap - EXIT

cd "$REPO"
dotnet run -c Release --project bench/memory -- "$DATA" "$PGOUT"
