#!/usr/bin/env bash
# The HTTP load test (bench/http/run.sh) on several builds in one session, round-robin, so that they share the
# machine's state: e.g. an older commit in a git worktree beside this checkout.
#   bench/http/side-by-side.sh ROUNDS DURATION CHECKOUT [CHECKOUT ...]
#   git worktree add /tmp/wt-old 5bcdf86
#   bench/http/side-by-side.sh 2 20s /tmp/wt-old .
# Every CHECKOUT is measured by this checkout's bench/http/run.sh (NEWSUM_BENCH_CHECKOUT), so the warm-up and the
# load are the same for all. Prints one line per run: requests/s, p50/p99 and the DevHost's CPU per request.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
rounds=$1 duration=$2; shift 2
for round in $(seq 1 "$rounds"); do
  for checkout in "$@"; do
    label=$(cd "$checkout" && git log -1 --format=%h)
    out=$(NEWSUM_BENCH_CHECKOUT=$(cd "$checkout" && pwd) "$(dirname "$0")/run.sh" "$duration" 50 0 2>&1)
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '/^p50:/ {print $2}' <<<"$out")
    p99=$(awk '/^p99:/ {print $2}' <<<"$out")
    cpu=$(grep -o '= [0-9.]* ms per request' <<<"$out" | awk '{print $2}')
    threads=$(grep '^DevHost CPU by thread:' <<<"$out" | sed 's/^DevHost CPU by thread: *//')
    echo "round $round  $label  $rps req/s  p50 $p50 ms  p99 $p99 ms  CPU $cpu ms/request ($threads)  load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
