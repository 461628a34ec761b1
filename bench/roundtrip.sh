#!/usr/bin/env bash
# `localize roundtrip` as a user runs it (the whole process, start-up included) against translate-toolkit on the
# 1,000-article corpus, in alternating rounds, each round printing the load average first. Every system's output is
# cmp'd against the corpus (outside the timing): all 1,000 files must come back byte-identical.
#
# Usage: bench/roundtrip.sh [corpus-dir] [out-dir] [rounds=3]
#
# Systems, in this order in every round:
#   translate-toolkit   txt2po then po2txt -t <the sources> (Debian translate-toolkit 3.8.4 has no md2po/po2md; see
#                       bench/README.md, "Markdown filter", for what this covers)
#   localize            `localize roundtrip --mode identity`, the CLI published ReadyToRun (how README.md says to
#                       publish it for scripts; tiered compilation off, as the published CLI's runtimeconfig says)
#   localize (tiered)   the same with DOTNET_TieredCompilation=1: what turning tiering off earns
#   localize (build)    the same command from `dotnet build -c Release` output (JIT only), to show what ReadyToRun earns
#   localize pseudo     `--mode pseudo` (ReadyToRun): every segment replaced, so every unit is rebuilt
#   localize start-up   the ReadyToRun CLI on an empty folder: what a run costs before the first file
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

# po2txt finds each file's template by the .txt name txt2po was given, so translate-toolkit reads the corpus through
# links named .txt (made once, not timed); its outputs are .txt files with the sources' bytes.
farm="$out/tt-sources"
rm -rf "$farm"
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

tt=(bash -c 'txt2po --progress=none -i "$0/tt-sources" -o "$0/tt-po" && po2txt --progress=none -t "$0/tt-sources" -i "$0/tt-po" -o "$0/tt-out"' "$out")

echo "corpus: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB (10^6 bytes); $rounds rounds"
table="| round | system | load average before | wall s | CPU s | MB/s (wall) | byte-identical |"
table+=$'\n'"| --- | --- | --- | ---: | ---: | ---: | ---: |"
ratios=()
cpu_ratios=()
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
  rm -rf "$out/tt-po" "$out/tt-out"
  run "$round" "translate-toolkit txt2po + po2txt" "$out/tt-out txt" "${tt[@]}"
  tt_wall=$last_wall tt_cpu=$last_cpu

  rm -rf "$out/identity"
  run "$round" "localize roundtrip (ReadyToRun)" "$out/identity md" "$published" roundtrip "$corpus" --out "$out/identity" --mode identity
  echo "          $(tail -1 "$out/last.log")"
  ratios+=("$(awk -v t="$tt_wall" -v s="$last_wall" 'BEGIN { printf "%.1f", t / s }')")
  cpu_ratios+=("$(awk -v t="$tt_cpu" -v s="$last_cpu" 'BEGIN { printf "%.1f", t / s }')")

  rm -rf "$out/identity"
  run "$round" "localize roundtrip (ReadyToRun, tiering on)" "$out/identity md" env DOTNET_TieredCompilation=1 "$published" roundtrip "$corpus" --out "$out/identity" --mode identity

  rm -rf "$out/identity"
  run "$round" "localize roundtrip (dotnet build, JIT)" "$out/identity md" "$built" roundtrip "$corpus" --out "$out/identity" --mode identity

  rm -rf "$out/pseudo"
  run "$round" "localize roundtrip --mode pseudo (ReadyToRun)" - "$published" roundtrip "$corpus" --out "$out/pseudo" --mode pseudo
  echo "          $(tail -1 "$out/last.log")"

  rm -rf "$out/none"
  run "$round" "localize start-up (empty folder, ReadyToRun)" - "$published" roundtrip "$out/empty" --out "$out/none"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }'; }
echo
echo "$table"
echo
echo "localize (ReadyToRun) / translate-toolkit, whole process, identity mode, per round:"
echo "  wall clock: ${ratios[*]}  (median $(median "${ratios[@]}")x; goal >= 100x)"
echo "  CPU time:   ${cpu_ratios[*]}  (median $(median "${cpu_ratios[@]}")x)"
