#!/usr/bin/env bash
# Quick start: installs what it needs, starts Azurite and the DevHost, summarises every file in seeds/, prints the
# results, then keeps serving until Ctrl+C. `./run.sh --once` exits after printing: 0 when every seed got an `ok`
# result, non-zero with the reason otherwise. Uses the Extractive provider unless model settings are in the
# environment (see README: Summarizer__Provider, AzureOpenAI__*, OpenAI__*).
set -euo pipefail
cd "$(dirname "$0")"

once=0
case "${1:-}" in
  --once) once=1 ;;
  "") ;;
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "run.sh: unknown option '$1' (use --once or nothing)" >&2; exit 2 ;;
esac

fail() { echo "run.sh: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed. $2"; }
need node "Install Node.js 20 or later (Azurite runs on it): https://nodejs.org/"
need npm "Install npm (it comes with Node.js)."
need dotnet "Install the .NET 10 SDK: https://dot.net/download"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 10000 10001 10002 7071; do
  if port_busy "$port"; then
    fail "port $port on 127.0.0.1 is in use. Azurite needs 10000-10002 and the DevHost 7071: stop whatever listens there (another ./run.sh or Azurite?) and run again."
  fi
done

echo "==> Installing Azurite (npm ci) and building (dotnet build)"
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build src/NewsSummarizer.DevHost/NewsSummarizer.DevHost.csproj -nologo -v quiet
dotnet build src/NewsSummarizer.Cli/NewsSummarizer.Cli.csproj -nologo -v quiet

mkdir -p .azurite
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'echo; echo "==> Stopping"; exit 130' INT TERM

echo "==> Starting Azurite (blob 10000, queue 10001; data in .azurite/)"
node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --location .azurite \
  >.azurite/azurite.log 2>&1 &
pids+=($!)

wait_for_port() {
  local port=$1 what=$2 log=$3
  for _ in $(seq 1 120); do
    port_busy "$port" && return 0
    sleep 0.5
  done
  echo "run.sh: $what did not start on port $port. Its log ($log):" >&2
  tail -n 40 "$log" >&2 || true
  exit 1
}
wait_for_port 10000 Azurite .azurite/azurite.log
wait_for_port 10001 Azurite .azurite/azurite.log

export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
echo "==> Starting the DevHost on http://127.0.0.1:7071 (log: .azurite/devhost.log)"
dotnet src/NewsSummarizer.DevHost/bin/Debug/net10.0/NewsSummarizer.DevHost.dll >.azurite/devhost.log 2>&1 &
devhost=$!
pids+=("$devhost")
wait_for_port 7071 "The DevHost" .azurite/devhost.log

echo "==> Summarising the seed articles"
status=0
dotnet src/NewsSummarizer.Cli/bin/Debug/net10.0/newsum.dll upload seeds --wait --timeout 120 || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: not every seed article got an ok result (see above; DevHost log: .azurite/devhost.log)." >&2
fi

if [ "$once" -eq 1 ]; then
  exit "$status"
fi

echo
echo "==> Serving: API http://127.0.0.1:7071/api (health: /api/health). Upload more with"
echo "    dotnet run --project src/NewsSummarizer.Cli -- upload <file-or-folder> --wait"
echo "    Reading page: http://127.0.0.1:7071/"
echo "    Press Ctrl+C to stop Azurite and the DevHost."
wait "$devhost"
