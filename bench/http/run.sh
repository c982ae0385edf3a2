#!/usr/bin/env bash
# Load test of POST /api/summaries on the DevHost (Extractive provider, Azurite in memory), all on loopback.
# Usage: bench/http/run.sh [duration=30s] [connections=50] [extra runs=1]. Needs wrk (apt-get install -y wrk) and npm ci.
# NEWSUM_BENCH_WARMUP (default 40s): load before the measured run. Tiered compilation is still recompiling hot methods
# 10-20 s into the load (dotnet-counters: dotnet.jit.compilation.time), so a shorter warm-up measures the JIT too.
# NEWSUM_BENCH_CHECKOUT: build and measure the DevHost of another checkout (e.g. a git worktree of an older commit)
# with this script, so that both are measured the same way (bench/http/side-by-side.sh).
# Prints requests/s, latency percentiles, errors, and the DevHost's RSS before and after; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench_dir=$PWD/bench/http
checkout=${NEWSUM_BENCH_CHECKOUT:-$PWD}
warmup=${NEWSUM_BENCH_WARMUP:-40s}
duration="${1:-30s}"
connections="${2:-50}"
extra_runs="${3:-1}"
blob_port=20110 queue_port=20111 table_port=20112 http_port=17071
url="http://127.0.0.1:${http_port}"

dotnet build -c Release "$checkout/src/NewsSummarizer.DevHost" -v q -nologo >/dev/null
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >/dev/null 2>&1 &
azurite_pid=$!
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;"
sleep 3
dotnet "$checkout/src/NewsSummarizer.DevHost/bin/Release/net10.0/NewsSummarizer.DevHost.dll" --urls "$url" \
  --AzureWebJobsStorage "$storage" --Summarizer:Provider Extractive --Logging:LogLevel:Default=Warning >/tmp/devhost-bench.log 2>&1 &
host_pid=$!
trap 'kill "$host_pid" "$azurite_pid" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fsS "$url/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$url/api/health"; echo

rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$host_pid/status"; }
# The DevHost's own CPU time (user + system, in clock ticks): per request, it is what the handler costs whatever
# else competes for the cores.
ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }
# The same by thread name ("tid name ticks"; the name may hold spaces, so the fields are read after its ")").
thread_ticks() {
  for task in /proc/"$host_pid"/task/*; do
    echo "${task##*/} $(tr ' ' '_' < "$task/comm") $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')"
  done 2>/dev/null
}
echo "RSS after start: $(rss)"
wrk -t2 -c"$connections" -d"$warmup" -s "$bench_dir/post-seed.lua" "$url/api/summaries" >/dev/null  # warm-up (JIT, pools)
echo "RSS after warm-up: $(rss)"
before=$(ticks)
thread_ticks > /tmp/devhost-threads-before.txt
wrk -t2 -c"$connections" -d"$duration" --latency -s "$bench_dir/post-seed.lua" "$url/api/summaries" | tee /tmp/wrk-http-run.txt
after=$(ticks)
thread_ticks > /tmp/devhost-threads-after.txt
requests=$(awk '/^requests:/ {gsub(",", "", $2); print $2}' /tmp/wrk-http-run.txt)
awk -v t=$((after - before)) -v r="$requests" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "DevHost CPU: %.1f s for %d requests = %.3f ms per request (%.0f req/s per fully used core)\n", t/hz, r, 1000*t/hz/r, r/(t/hz) }'
# Which threads spent it: the request threads (.NET TP Worker), the tiered JIT (.NET Tiered Compilation), the rest.
awk -v r="$requests" -v hz="$(getconf CLK_TCK)" 'NR == FNR { seen[$1] = $3; next }
  { spent = $3 - ($1 in seen ? seen[$1] : 0); group = $2 ~ /TP_Worker/ ? "request threads" : $2 ~ /Tiered/ ? "tiered JIT" : "other"; by[group] += spent }
  END { printf "DevHost CPU by thread:"; for (g in by) printf "  %s %.3f ms/request", g, 1000 * by[g] / hz / r; print "" }' \
  /tmp/devhost-threads-before.txt /tmp/devhost-threads-after.txt
echo "RSS after run: $(rss)"
# More runs on the same process: is memory flat?
for run in $(seq 1 "$extra_runs"); do
  wrk -t2 -c"$connections" -d"$duration" -s "$bench_dir/post-seed.lua" "$url/api/summaries" | grep -E "Requests/sec|requests:"
  echo "RSS after extra run $run: $(rss)"
done
