#!/usr/bin/env bash
# Builds and runs every test project in TriageBot.sln, after installing what the tests need: Debian's PostgreSQL
# (the tests start throwaway clusters of their own), Debian's Chromium (/usr/bin/chromium; browsers are never
# downloaded) and the npm test clients pinned in
# tests/TriageBot.EndToEnd.Tests/clients (the Microsoft 365 Agents Playground; never committed).
# Safe to run again; extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~EndToEnd).
# Ends with one line "N passed, N failed" summed over all test projects, and a non-zero exit if anything failed.
set -euo pipefail

cd "$(dirname "$0")"
repo_root="$(pwd)"
clients_dir="$repo_root/tests/TriageBot.EndToEnd.Tests/clients"
results_dir="$repo_root/TestResults"

export CI="${CI:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_UPDATE_NOTIFIER=false

log() { printf '==> %s\n' "$*"; }

# Runs a command as root: directly when we are root, else through sudo without a password prompt.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n env DEBIAN_FRONTEND=noninteractive "$@"
    else
        echo "test.sh: '$*' needs root, and sudo is not available." >&2
        return 1
    fi
}

apt_updated=false
apt_install() {
    if [ "$apt_updated" = false ]; then
        as_root apt-get update -q
        apt_updated=true
    fi
    as_root apt-get install -y -q "$@"
}

# 1. Chromium from Debian for Playwright (the tests launch /usr/bin/chromium; never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
    log "Installing Debian's chromium"
    apt_install chromium
fi

# 1a. PostgreSQL from Debian for the store tests: they start a throwaway cluster of their own in a temporary folder on
# loopback (as the postgres user when run as root) and stop and delete it afterwards. No server is left running.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "Installing Debian's postgresql"
    apt_install postgresql
fi

# 2. Node.js and npm (present on the build machines; Debian's packages otherwise).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "Installing Debian's nodejs and npm"
    apt_install nodejs npm
fi

# 3. The npm test clients, exactly as locked.
log "Installing the end-to-end test clients in ${clients_dir#"$repo_root"/} (npm $(npm --version), node $(node --version))"
if [ -f "$clients_dir/package-lock.json" ]; then
    (cd "$clients_dir" && npm ci --no-audit --no-fund)
else
    (cd "$clients_dir" && npm install --no-audit --no-fund)
fi

# 3a. The official Adaptive Cards packages the card tests compare the C# template binder with, exactly as locked.
card_oracle_dir="$repo_root/tests/TriageBot.Tests/Cards/Oracle"
log "Installing the Adaptive Cards packages in ${card_oracle_dir#"$repo_root"/}"
(cd "$card_oracle_dir" && npm ci --no-audit --no-fund)

# 3b. The official Recognizers-Text suite the English recogniser tests compare ours with, exactly as locked.
recognizer_oracle_dir="$repo_root/tests/TriageBot.Dialogs.Tests/Recognizers/Oracle"
log "Installing @microsoft/recognizers-text-suite in ${recognizer_oracle_dir#"$repo_root"/}"
(cd "$recognizer_oracle_dir" && npm ci --no-audit --no-fund)

# 3c. The official Teams app manifest schemas (bundled in @microsoft/app-manifest) the manifest test validates with.
manifest_schema_dir="$repo_root/tests/TriageBot.Tests/Teams/ManifestSchema"
log "Installing @microsoft/app-manifest in ${manifest_schema_dir#"$repo_root"/}"
(cd "$manifest_schema_dir" && npm ci --no-audit --no-fund)

# 4. Every test project; per-project summaries on the console, TRX files for the total.
rm -rf "$results_dir"
log "dotnet test TriageBot.sln $*"
test_exit=0
dotnet test "$repo_root/TriageBot.sln" \
    --logger "console;verbosity=normal" \
    --logger "trx" \
    --results-directory "$results_dir" \
    "$@" || test_exit=$?

# 5. Sum the TRX counters of all test projects: <Counters total=".." passed=".." failed=".." error=".." .../>.
passed=0
failed=0
trx_files=0
counter() { # counter NAME LINE -> the numeric attribute NAME of a <Counters .../> line, 0 when absent
    local value
    value="$(printf '%s\n' "$2" | grep -o " $1=\"[0-9]*\"" | head -n 1 | grep -o '[0-9][0-9]*' || true)"
    printf '%s\n' "${value:-0}"
}
while IFS= read -r -d '' trx; do
    trx_files=$((trx_files + 1))
    counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
    passed=$((passed + $(counter passed "$counters")))
    failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
done < <(find "$results_dir" -name '*.trx' -print0 2>/dev/null)

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test exited with code $test_exit (a build error, or a test host that crashed) after $trx_files TRX file(s)."
fi
echo "$passed passed, $failed failed"

if [ "$failed" -ne 0 ]; then
    exit 1
fi
if [ "$test_exit" -ne 0 ]; then
    exit "$test_exit"
fi

# 6. A smoke run of the load benchmark (bench/README.md): a few reports end to end through the Release build, so the
#    benchmark keeps working. It fails on errors (a turn or a card that went wrong), never on timings.
#    TRIAGEBOT_SKIP_BENCH_SMOKE=1 skips it, e.g. when running one test project by hand.
if [ "${TRIAGEBOT_SKIP_BENCH_SMOKE:-0}" != "1" ] && [ "$#" -eq 0 ]; then
    log "bench/run.sh --smoke"
    bash "$repo_root/bench/run.sh" --smoke
fi
