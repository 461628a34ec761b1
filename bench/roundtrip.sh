#!/usr/bin/env bash
# Issue 4's corpus check: generate the 1,000-article corpus, round-trip it through `localize roundtrip`
# in identity mode (every output must be byte-identical; the command checks and `cmp` double-checks)
# and in pseudo mode. Usage: bench/roundtrip.sh [corpus-dir] [out-dir]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-/tmp/localize-corpus}"
out="${2:-/tmp/localize-roundtrip}"

if [ ! -d "$corpus" ] || [ "$(find "$corpus" -name '*.md' | wc -l)" -ne 1000 ]; then
  python3 "$here/../shared/bench/gen_corpus.py" "$corpus"
fi

dotnet build -c Release "$here/src/Localize.Cli" >/dev/null
cli="$here/src/Localize.Cli/bin/Release/net10.0/localize"

rm -rf "$out/identity" "$out/pseudo"
"$cli" roundtrip "$corpus" --out "$out/identity" --mode identity
identical=0
while IFS= read -r -d '' file; do
  rel="${file#"$corpus"/}"
  if cmp -s "$file" "$out/identity/$rel"; then identical=$((identical + 1)); fi
done < <(find "$corpus" -name '*.md' -print0)
echo "cmp: $identical of $(find "$corpus" -name '*.md' | wc -l) files byte-identical"

"$cli" roundtrip "$corpus" --out "$out/pseudo" --mode pseudo
