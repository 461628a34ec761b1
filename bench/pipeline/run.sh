#!/usr/bin/env bash
# Pipeline benchmark (issue 23): the whole worker as a user runs it (`localize run`, once, the CLI published ReadyToRun
# as README.md says) on N corpus articles with Apertium `es`, cold (a fresh data folder every round), until every
# segment is in review and back-translated;
# against the bound: the same segments through `apertium eng-spa` and back through `apertium spa-eng` directly, one
# big batch per direction (no process start per segment, no database, no checks).
# Rounds alternate pipeline and bound; the load average is printed before each; a table compares them at the end.
# Needs: apertium + apertium-eng-spa (installed with apt-get when missing and run as root), python3, sqlite3, .NET SDK.
# Usage: bash bench/pipeline/run.sh [articles=200] [rounds=3]
set -euo pipefail
ARTICLES=${1:-200}
ROUNDS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CORPUS_SCRIPT=${CORPUS_SCRIPT:-/work/shared/bench/gen_corpus.py}
WORK=$(mktemp -d /tmp/localize-pipeline.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if ! command -v apertium >/dev/null || [ ! -f /usr/share/apertium/modes/eng-spa.mode ] || ! command -v sqlite3 >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y apertium apertium-eng-spa sqlite3 time >/dev/null; else echo "needs apertium, apertium-eng-spa, sqlite3" >&2; exit 1; fi
fi
[ -x /usr/bin/time ] || { [ "$(id -u)" -eq 0 ] && apt-get install -y time >/dev/null; }

# The CLI as README.md says to publish it for scripts and workers: ReadyToRun, tiered compilation off (its
# runtimeconfig); `dotnet build` output runs the same code JIT-compiled, about 1 s more of CPU on this run.
rid=$(dotnet --info | awk '/^ *RID:/{print $2; exit}')
dotnet publish "$REPO/src/Localize.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$WORK/cli" -v quiet -nologo >/dev/null
CLI=("$WORK/cli/localize")

# The first N articles of the shared deterministic corpus (its generator draws them in order, so N are the first N).
python3 "$CORPUS_SCRIPT" "$WORK/corpus" "$ARTICLES" >/dev/null
mkdir -p "$WORK/template/pipelines" "$WORK/template/content"
# The corpus has no front matter; the pipeline needs a title, so each article gets its first heading as one.
python3 - "$WORK/corpus" "$WORK/template/content" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    heading = next((l[2:].strip() for l in text.splitlines() if l.startswith("# ")), name)
    title = heading.replace("\\", "").replace('"', "'")
    with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
        f.write(f'---\ntitle: "{title}"\n---\n\n{text}')
PY
cat >"$WORK/template/pipelines/bench.yaml" <<'YAML'
name: bench
source:
  folder: content
  include: "**/*.md"
  language: en
locales:
  - code: es
    engine: apertium
steps: [back-translation]
review:
  approvals: 1
publish:
  folder: translations
YAML

load() { cut -d' ' -f1-3 /proc/loadavg; }
declare -a PIPE_S PIPE_MB PIPE_TREE_MB BOUND_S BOUND_TREE_MB

# Memory of a process with all its descendants (Apertium's programs are children of the worker): the proportional set
# size, so libraries the programs share count once; sampled every 2 s (a sample costs ~0.1 s of CPU; the pipelines'
# memory is held for the whole run) until the process ends, the peak printed.
tree_pss_kb() {
  local files
  files=$(ps -e -o pid=,ppid= | awk -v root="$1" '{pp[$1]=$2} END {for (p in pp) {q=p; while ((q in pp) && q!=root && q>1) q=pp[q]; if (q==root) printf "/proc/%s/smaps_rollup ", p}}')
  # shellcheck disable=SC2086 # one path per descendant; cat reads on past a process that ended meanwhile
  cat $files 2>/dev/null | awk '/^Pss:/{t+=$2} END {print t+0}'
}
tree_peak_mib() {
  local peak=0 now
  while kill -0 "$1" 2>/dev/null; do
    now=$(tree_pss_kb "$1"); [ "$now" -gt "$peak" ] && peak=$now
    sleep 2
  done
  echo $((peak / 1024))
}

pipeline_round() {
  local dir="$WORK/repo"
  rm -rf "$dir" && cp -r "$WORK/template" "$dir"
  /usr/bin/time -f '%e %M' -o "$WORK/time" "${CLI[@]}" run --root "$dir" >"$WORK/run.log" 2>&1 &
  local pid=$! tree_mb
  tree_mb=$(tree_peak_mib "$pid")
  wait "$pid" || { tail -20 "$WORK/run.log" >&2; exit 1; }
  read -r seconds kb <"$WORK/time"
  local db="$dir/data/localize.db" total in_review back
  total=$(sqlite3 "$db" "SELECT COUNT(*) FROM translations")
  in_review=$(sqlite3 "$db" "SELECT COUNT(*) FROM translations WHERE state = 'InReview'")
  back=$(sqlite3 "$db" "SELECT COUNT(*) FROM translations WHERE back_translation IS NOT NULL")
  if [ "$in_review" -ne "$total" ] || [ "$back" -ne "$total" ]; then
    echo "pipeline: only $in_review of $total segments in review, $back back-translated" >&2; grep -E '^(fail|crit|warn)' "$WORK/run.log" | head >&2; exit 1
  fi
  SEGMENTS=$total
  # The bound translates exactly what the pipeline sent: every segment's source, one paragraph each, as HTML.
  sqlite3 "$db" "SELECT source_text FROM segments ORDER BY id" \
    | python3 -c 'import sys,html; [print("<p>"+html.escape(l.rstrip("\n"), quote=False)+"</p>") for l in sys.stdin]' >"$WORK/bound-in.html"
  PIPE_S+=("$seconds"); PIPE_MB+=("$((kb / 1024))"); PIPE_TREE_MB+=("$tree_mb")
  printf '  pipeline: %d segments in review and back-translated in %.1f s = %.0f segments/s, peak RSS %d MiB (with Apertium'"'"'s processes: %d MiB PSS)\n' \
    "$total" "$seconds" "$(echo "$total / $seconds" | bc -l)" "$((kb / 1024))" "$tree_mb"
}

bound_round() {
  local started ended seconds pid tree_mb
  started=$(date +%s.%N)
  (apertium -f html eng-spa <"$WORK/bound-in.html" >"$WORK/bound-es.html" && apertium -f html spa-eng <"$WORK/bound-es.html" >"$WORK/bound-en.html") &
  pid=$!
  tree_mb=$(tree_peak_mib "$pid")
  wait "$pid"
  ended=$(date +%s.%N)
  seconds=$(echo "$ended - $started" | bc)
  BOUND_S+=("$seconds"); BOUND_TREE_MB+=("$tree_mb")
  printf '  bound: apertium eng-spa + spa-eng on the same %d segments, one batch each, in %.1f s = %.0f segments/s, %d MiB PSS\n' \
    "$SEGMENTS" "$seconds" "$(echo "$SEGMENTS / $seconds" | bc -l)" "$tree_mb"
}

echo "$(nproc) cores; $ARTICLES corpus articles; Apertium $(dpkg-query -W -f '${Version}' apertium 2>/dev/null), eng-spa $(dpkg-query -W -f '${Version}' apertium-eng-spa 2>/dev/null)"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r, load $(load) (pipeline)"; pipeline_round
  echo "round $r, load $(load) (bound)"; bound_round
done

echo
printf '%-6s %12s %14s %10s %14s %12s %14s %8s\n' round pipeline_s segments/s RSS_MiB tree_PSS_MiB bound_s bound_PSS_MiB ratio
for ((r = 0; r < ROUNDS; r++)); do
  printf '%-6d %12.1f %14.0f %10d %14d %12.1f %14d %7.2fx\n' "$((r + 1))" "${PIPE_S[$r]}" "$(echo "$SEGMENTS / ${PIPE_S[$r]}" | bc -l)" \
    "${PIPE_MB[$r]}" "${PIPE_TREE_MB[$r]}" "${BOUND_S[$r]}" "${BOUND_TREE_MB[$r]}" "$(echo "${PIPE_S[$r]} / ${BOUND_S[$r]}" | bc -l)"
done
echo "goal: pipeline within 1.3x of the bound, peak RSS <= 300 MiB (RSS_MiB: the worker process; tree: with every Apertium process it runs)"
