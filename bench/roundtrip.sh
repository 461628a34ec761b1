#!/usr/bin/env bash
# `localize roundtrip` as a user runs it (the whole process, start-up included) against translate-toolkit on the
# 1,000-article corpus, in alternating rounds, each round printing the load average first. Every system's output is
# cmp'd against the corpus (outside the timing): all 1,000 files must come back byte-identical.
#
# Usage: [TRANSLATE_TOOLKIT_PYTHONPATH=<dir>:<dir>] bench/roundtrip.sh [corpus-dir] [out-dir] [rounds=3]
#
# Systems, in this order in every round:
#   md2po + po2md       translate-toolkit's Markdown round trip, the issue's peer: md2po -i <corpus> -o <po>, then
#                       po2md -t <corpus> -i <po> -o <out>. Only when TRANSLATE_TOOLKIT_PYTHONPATH names where Python finds
#                       translate-toolkit >= 3.10 and mistletoe >= 1 (neither is in Debian bookworm, whose
#                       translate-toolkit 3.8.4 has no md2po; PyPI is not reachable here): see bench/README.md for how the
#                       figures there were taken. Run by TRANSLATE_TOOLKIT_PYTHON (default /usr/bin/python3, which has
#                       Debian's lxml).
#   txt2po + po2txt     Debian's translate-toolkit: txt2po then po2txt -t <the sources>, paragraphs as plain text (no
#                       Markdown parsing; see bench/README.md for what this covers)
#   localize            `localize roundtrip --mode identity`, the CLI published ReadyToRun (how README.md says to
#                       publish it for scripts; tiered compilation off, as the published CLI's runtimeconfig says)
#   localize (tiered)   the same with DOTNET_TieredCompilation=1: what turning tiering off earns
#   localize (build)    the same command from `dotnet build -c Release` output (JIT only), to show what ReadyToRun earns
#   localize pseudo     `--mode pseudo` (ReadyToRun): every segment replaced, so every unit is rebuilt
#   localize start-up   the ReadyToRun CLI on an empty folder: what a run costs before the first file
#   localize composite  the CLI published self-contained with the framework in one composite ReadyToRun image (README.md:
#                       the fastest start for scripts; ~180 MB, minutes to publish), identity mode and empty folder
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-/tmp/localize-corpus}"
out="${2:-/tmp/localize-roundtrip}"
rounds="${3:-3}"

# translate-toolkit, and GNU time for each run's CPU seconds (user + system), which a busy machine distorts less than
# the wall clock.
if ! command -v txt2po >/dev/null || ! command -v po2txt >/dev/null || [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "roundtrip.sh: needs translate-toolkit and time (apt-get install translate-toolkit time)" >&2
    exit 2
  fi
  # Waits for another apt run's lock rather than failing.
  apt-get -o DPkg::Lock::Timeout=600 install -y -q translate-toolkit time >/dev/null
fi

if [ ! -d "$corpus" ] || [ "$(find "$corpus" -name '*.md' | wc -l)" -ne 1000 ]; then
  python3 "$here/../shared/bench/gen_corpus.py" "$corpus" >/dev/null
fi
files=$(find "$corpus" -name '*.md' | wc -l)
bytes=$(find "$corpus" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s }')

echo "building the CLI (dotnet build, and dotnet publish with ReadyToRun) ..."
dotnet build -c Release "$here/src/Localize.Cli" >/dev/null
built="$here/src/Localize.Cli/bin/Release/net10.0/localize"
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$out/cli" "$here/src/Localize.Cli" >/dev/null
published="$out/cli/localize"
echo "publishing it self-contained as one composite ReadyToRun image (the framework too: a few minutes) ..."
# Its own artifacts folder: sharing obj/ with the publish above, an incremental publish copies the other's ReadyToRun
# images (composite components into a framework-dependent folder, which then aborts at start).
dotnet publish -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  --artifacts-path "$out/composite-artifacts" -o "$out/cli-composite" "$here/src/Localize.Cli" >/dev/null
composite="$out/cli-composite/localize"
# The build servers (compiler, MSBuild nodes) stay up for minutes after a build; stopped, they take no CPU from round 1.
dotnet build-server shutdown >/dev/null 2>&1 || true

md_python="${TRANSLATE_TOOLKIT_PYTHON:-/usr/bin/python3}"
md_path="${TRANSLATE_TOOLKIT_PYTHONPATH:-}"
if [ -n "$md_path" ] && ! PYTHONPATH="$md_path" "$md_python" -c 'import translate.convert.md2po, translate.convert.po2md' 2>/dev/null; then
  echo "roundtrip.sh: TRANSLATE_TOOLKIT_PYTHONPATH=$md_path: $md_python cannot import translate.convert.md2po and po2md" >&2
  exit 2
fi

# Every timed run writes into a new folder of its round, and nothing is deleted until all rounds are done: on this
# machine's ext4, creating files right after thousands were deleted costs each creation a scan past the recently
# deleted inodes (~0.1-0.3 s per 1,000 files, found with perf), which no user's run pays and which would fall on
# whichever system runs after a deletion.
runs="$out/runs-$$"
trap 'rm -rf "$runs"' EXIT

# po2txt finds each file's template by the .txt name txt2po was given, so translate-toolkit reads the corpus through
# links named .txt (made once, not timed); its outputs are .txt files with the sources' bytes.
farm="$runs/tt-sources"
while IFS= read -r -d '' file; do
  rel="${file#"$corpus"/}"
  mkdir -p "$farm/$(dirname "$rel")"
  ln -s "$file" "$farm/${rel%.md}.txt"
done < <(find "$corpus" -name '*.md' -print0)
mkdir -p "$out/empty"

identical() { # identical <output-dir> <output-extension>: how many corpus files the output has byte for byte
  local dir="$1" ext="$2" count=0 file rel
  while IFS= read -r -d '' file; do
    rel="${file#"$corpus"/}"
    if cmp -s "$file" "$dir/${rel%.md}.$ext"; then count=$((count + 1)); fi
  done < <(find "$corpus" -name '*.md' -print0)
  echo "$count"
}

seconds() { # seconds <command…>: "wall cpu" seconds of the whole command (every process it starts); output to $out/last.log
  /usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$@" >"$out/last.log" 2>&1 || { echo "FAILED: $*" >&2; cat "$out/last.log" >&2; exit 1; }
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$out/time.txt"
}

rate() { awk -v s="$1" -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 / s }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "corpus: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB (10^6 bytes); $rounds rounds"
table="| round | system | load average before | wall s | CPU s | MB/s (wall) | byte-identical |"
table+=$'\n'"| --- | --- | --- | ---: | ---: | ---: | ---: |"
ratios=()
cpu_ratios=()
md_ratios=()
md_cpu_ratios=()
composite_ratios=()
run() { # run <round> <label> <identical-check dir ext or -> <command…>: one timed run, one table row
  local round="$1" label="$2" check="$3" l times wall cpu mbs same="–"
  shift 3
  l=$(load)
  times=$(seconds "$@") || exit 1
  read -r wall cpu <<<"$times"
  if [ "$check" != - ]; then same=$(identical $check); fi
  # The start-up run reads no corpus: no rate.
  if [ "$check" = - ] && [[ "$label" == *start-up* ]]; then mbs="–"; else mbs=$(rate "$wall"); fi
  printf 'round %s  load %-16s %-48s %7s s wall %6s s CPU %7s MB/s  identical %s\n' "$round" "$l" "$label" "$wall" "$cpu" "$mbs" "$same"
  table+=$'\n'"| $round | $label | $l | $wall | $cpu | $mbs | $same |"
  last_wall=$wall last_cpu=$cpu
}

for round in $(seq 1 "$rounds"); do
  fresh="$runs/round-$round"
  mkdir -p "$fresh"
  md=(env PYTHONPATH="$md_path" bash -c '"$1" -m translate.convert.md2po --progress=none -i "$2" -o "$0/md-po" && "$1" -m translate.convert.po2md --progress=none -t "$2" -i "$0/md-po" -o "$0/md-out"' "$fresh" "$md_python" "$corpus")
  tt=(bash -c 'txt2po --progress=none -i "$1/tt-sources" -o "$0/tt-po" && po2txt --progress=none -t "$1/tt-sources" -i "$0/tt-po" -o "$0/tt-out"' "$fresh" "$runs")
  if [ -n "$md_path" ]; then
    run "$round" "translate-toolkit md2po + po2md" "$fresh/md-out md" "${md[@]}"
    md_wall=$last_wall md_cpu=$last_cpu
  fi

  run "$round" "translate-toolkit txt2po + po2txt" "$fresh/tt-out txt" "${tt[@]}"
  tt_wall=$last_wall tt_cpu=$last_cpu

  run "$round" "localize roundtrip (ReadyToRun)" "$fresh/identity md" "$published" roundtrip "$corpus" --out "$fresh/identity" --mode identity
  echo "          $(tail -1 "$out/last.log")"
  ratios+=("$(awk -v t="$tt_wall" -v s="$last_wall" 'BEGIN { printf "%.1f", t / s }')")
  cpu_ratios+=("$(awk -v t="$tt_cpu" -v s="$last_cpu" 'BEGIN { printf "%.1f", t / s }')")
  if [ -n "$md_path" ]; then
    md_ratios+=("$(awk -v t="$md_wall" -v s="$last_wall" 'BEGIN { printf "%.1f", t / s }')")
    md_cpu_ratios+=("$(awk -v t="$md_cpu" -v s="$last_cpu" 'BEGIN { printf "%.1f", t / s }')")
  fi

  run "$round" "localize roundtrip (composite ReadyToRun)" "$fresh/composite md" "$composite" roundtrip "$corpus" --out "$fresh/composite" --mode identity
  if [ -n "$md_path" ]; then
    composite_ratios+=("$(awk -v t="$md_wall" -v s="$last_wall" 'BEGIN { printf "%.1f", t / s }')")
  fi

  run "$round" "localize roundtrip (ReadyToRun, tiering on)" "$fresh/tiered md" env DOTNET_TieredCompilation=1 "$published" roundtrip "$corpus" --out "$fresh/tiered" --mode identity

  run "$round" "localize roundtrip (dotnet build, JIT)" "$fresh/built md" "$built" roundtrip "$corpus" --out "$fresh/built" --mode identity

  run "$round" "localize roundtrip --mode pseudo (ReadyToRun)" - "$published" roundtrip "$corpus" --out "$fresh/pseudo" --mode pseudo
  echo "          $(tail -1 "$out/last.log")"

  run "$round" "localize start-up (empty folder, ReadyToRun)" - "$published" roundtrip "$out/empty" --out "$fresh/none"

  run "$round" "localize start-up (empty folder, composite)" - "$composite" roundtrip "$out/empty" --out "$fresh/none-composite"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }'; }
echo
echo "$table"
echo
if [ -n "$md_path" ]; then
  echo "translate-toolkit md2po + po2md / localize, whole process, identity mode, per round (the issue's goal: >= 100x):"
  echo "  ReadyToRun, wall clock: ${md_ratios[*]}  (median $(median "${md_ratios[@]}")x)"
  echo "  ReadyToRun, CPU time:   ${md_cpu_ratios[*]}  (median $(median "${md_cpu_ratios[@]}")x)"
  echo "  composite, wall clock:  ${composite_ratios[*]}  (median $(median "${composite_ratios[@]}")x)"
fi
echo "translate-toolkit txt2po + po2txt / localize (ReadyToRun), whole process, identity mode, per round:"
echo "  wall clock: ${ratios[*]}  (median $(median "${ratios[@]}")x)"
echo "  CPU time:   ${cpu_ratios[*]}  (median $(median "${cpu_ratios[@]}")x)"
