#!/usr/bin/env bash
# Reruns every figure of docs/benchmarks.md: the BenchmarkDotNet suites, the throughput harness (live and backlog),
# the 1 MiB peak-memory harness, and the HTTP load test (bench/http/run.sh, needs wrk). Everything runs on loopback
# and stops what it starts. Usage: bench/run-all.sh [--quick]  (--quick: BenchmarkDotNet ShortRun job, no HTTP run)
set -euo pipefail
cd "$(dirname "$0")/.."
quick="${1:-}"
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
note() { echo; echo "== $* ($(date -u +%FT%TZ); uptime:$(uptime | sed 's/.*load average/ load average/'))"; }
job=()
[ "$quick" = "--quick" ] && job=(--job short)

note "BenchmarkDotNet: reading, language detection, serialisation"
dotnet run -c Release --project bench/NewsSummarizer.Benchmarks -- --filter '*ArticleBenchmarks*' "${job[@]}"
note "BenchmarkDotNet: pipeline vs raw download + upload (Azurite, instant model)"
dotnet run -c Release --project bench/NewsSummarizer.Benchmarks -- --filter '*PipelineBenchmarks*'
note "BenchmarkDotNet: extractive summariser"
dotnet run -c Release --project bench/NewsSummarizer.Benchmarks -- --filter '*Extractive*' "${job[@]}"

dotnet build -c Release bench/NewsSummarizer.Throughput -v q -nologo >/dev/null
harness=(dotnet bench/NewsSummarizer.Throughput/bin/Release/net10.0/NewsSummarizer.Throughput.dll)
note "Peak memory, one 1 MiB article"
"${harness[@]}" memory
note "Throughput, live uploads, N=200, L=1 s"
"${harness[@]}" --articles 200 --latency 1
note "Throughput, preloaded backlog, N=200, L=1 s"
"${harness[@]}" --articles 200 --latency 1 --preload

if [ "$quick" != "--quick" ] && [ -x bench/http/run.sh ] && command -v wrk >/dev/null; then
  note "HTTP load test"
  bench/http/run.sh
fi
note "done"
