#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine with the .NET SDK.
# Installs what the tests need (idempotently), then runs every test with LOCALIZE_REQUIRE_ALL=1, under which a test
# whose dependency is missing fails instead of skipping, and the integration suite a second time on PostgreSQL.
# Ends with one line: "N passed, N failed, N skipped" (both runs added up).
set -uo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests drive for real; installed only when missing, with one `apt-get update` at most.
missing=()
[ -e /usr/share/apertium/modes/eng-spa.mode ] && command -v apertium >/dev/null || missing+=(apertium apertium-eng-spa)
command -v npm >/dev/null || missing+=(npm)
# Browser tests drive Debian's Chromium through Playwright; Playwright itself never downloads a browser.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Chinese, Japanese and Korean on the review page and the public site need a font that has their glyphs.
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
# The scale-out tests start a throw-away PostgreSQL cluster with Debian's server programs (initdb, pg_ctl); as root
# they run it as the 'postgres' account the package creates. The package's own cluster is not used.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Azurite (the Azure Storage emulator, from npm) for the blob content store test, in the repository's .tools/
# (git-ignored). The test starts and stops it itself, on a free loopback port, with its data in a temporary folder.
if [ ! -x .tools/azurite/node_modules/.bin/azurite-blob ]; then
  echo "Installing Azurite into .tools/azurite"
  npm install --prefix .tools/azurite --no-audit --no-fund --loglevel=error azurite@3 >/dev/null
fi

# axe-core (from npm) for the browser tests' accessibility checks: they inject its axe.min.js into the pages.
if [ ! -f .tools/axe-core/node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core into .tools/axe-core"
  npm install --prefix .tools/axe-core --no-audit --no-fund --loglevel=error axe-core@4 >/dev/null
fi

export LOCALIZE_REQUIRE_ALL=1
# A test that stops making progress ends the run with the names of the tests still running (Microsoft.Testing.Platform's
# hang dump) instead of running into CI's time limit with nothing to show: no single test runs 15 minutes.
hang=(--hangdump --hangdump-timeout 15m --hangdump-type Mini)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p TestResults
log=TestResults/test-output.log
dotnet test --solution Localize.sln --configuration Release "${hang[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The same integration suite once more with every test's database on PostgreSQL (a throw-away cluster the tests start;
# each test gets a database of its own). The scale-out tests already name their databases, so they run once, above.
pglog=TestResults/test-output-postgresql.log
LOCALIZE_TEST_DATABASE=PostgreSQL dotnet test --project tests/Localize.Integration.Tests --configuration Release --no-build \
  --filter-not-namespace "*Scale*" "${hang[@]}" 2>&1 | tee "$pglog"
pgstatus=${PIPESTATUS[0]}

count() { grep -E "^\s+$1: [0-9]+" "$2" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
sum() { echo $(( $(count "$1" "$log") + $(count "$1" "$pglog") )); }
passed=$(sum succeeded); failed=$(sum failed); skipped=$(sum skipped)
if { [ "$status" -ne 0 ] || [ "$pgstatus" -ne 0 ]; } && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any test could: that is a failure too, not a pass.
  failed=1
fi
# Each failed test with the first line of its message, last, where a reader of only the end of the output finds them.
failures() { awk -v run="$2" '/^failed /{name=$0; getline; getline; print "  " run ": " substr(name, 8) "\n      " substr($0, 1, 400)}' "$1"; }
{ failures "$log" SQLite; failures "$pglog" PostgreSQL; } | { mapfile -t lines; if [ ${#lines[@]} -gt 0 ]; then echo "Failed tests:"; printf '%s\n' "${lines[@]}"; fi; }
# A hang dump names each test still running as "[h:mm:ss] name": repeated here for the same reader.
grep -hE '^\s*\[[0-9]+:[0-9]{2}:[0-9]{2}\] ' "$log" "$pglog" | sed 's/^/Still running when the run stopped moving: /'
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$pgstatus" -eq 0 ] && [ "$failed" -eq 0 ]
