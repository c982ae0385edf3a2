#!/usr/bin/env bash
# Static checks for infra/: syntax and shellcheck for every hook script, bicep lint for main.bicep.
# Exits non-zero on any problem. Run from anywhere; called by .ci/run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
failed=0
project=tests/NewsSummarizer.InfraTests

fail() {
  echo "FAIL: $*" >&2
  failed=1
}

if ! command -v shellcheck >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check: installing shellcheck"
    apt-get update -qq && apt-get install -y -qq shellcheck >/dev/null
  else
    echo "check: shellcheck is missing; install it (e.g. apt-get install shellcheck) and re-run" >&2
    exit 1
  fi
fi

# The bicep CLI: $BICEP, one on PATH, or the one the infra test project restores from NuGet.
bicep="${BICEP:-}"
if [ -z "$bicep" ] && command -v bicep >/dev/null 2>&1; then
  bicep="$(command -v bicep)"
fi
if [ -z "$bicep" ]; then
  dotnet restore "$project" --verbosity quiet
  bicep="$(dotnet msbuild "$project" -getProperty:BicepPath)"
  [ -f "$bicep" ] && [ ! -x "$bicep" ] && chmod u+x "$bicep"
fi
if [ ! -x "$bicep" ]; then
  echo "check: bicep CLI not found (tried \$BICEP, PATH and $project)" >&2
  exit 1
fi

shopt -s nullglob
hooks=(infra/hooks/*.sh)
[ ${#hooks[@]} -gt 0 ] || fail "no scripts under infra/hooks"
for script in "${hooks[@]}" infra/check.sh; do
  echo "check: bash -n $script"
  bash -n "$script" || fail "bash -n $script"
  echo "check: shellcheck $script"
  shellcheck "$script" || fail "shellcheck $script"
done

# bicep lint exits 0 on warnings, so any output at all counts as a failure.
echo "check: bicep lint infra/main.bicep ($("$bicep" --version))"
if ! lint_output="$("$bicep" lint infra/main.bicep 2>&1)"; then
  fail "bicep lint infra/main.bicep"
fi
if [ -n "$lint_output" ]; then
  echo "$lint_output" >&2
  fail "bicep lint reported diagnostics"
fi

if [ "$failed" -ne 0 ]; then
  echo "check: infra checks FAILED" >&2
  exit 1
fi
echo "check: infra checks passed"
