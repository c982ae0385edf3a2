#!/bin/sh
# azd preprovision hook: stops before anything is created when the chosen model, version and SKU cannot be
# deployed in the OpenAI region (Azure answers ServiceModelDeprecating or DeploymentModelNotSupported only after
# the resource group, storage and app exist), and lists the chat models that can. The decision is the jq filter
# in model-check.jq; the infra tests run this script against a fake `az`. Defaults come from the
# ${VAR=default} entries of main.parameters.json, the values azd passes to main.bicep when a variable is unset.
set -eu

here=$(dirname -- "$0")
parameters="$here/../main.parameters.json"
filter="$here/model-check.jq"

for tool in az jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "preprovision: '$tool' is required; see docs/deploy.md" >&2
    exit 1
  fi
done

# The default after '=' in a "${VAR=default}" parameter value of main.parameters.json.
default_of() {
  jq -r --arg p "$1" '.parameters[$p].value | capture("=(?<d>[^}]*)}$").d // ""' "$parameters"
}

model=${AZURE_OPENAI_MODEL:-$(default_of openAiModelName)}
version=${AZURE_OPENAI_MODEL_VERSION:-$(default_of openAiModelVersion)}
sku=${AZURE_OPENAI_SKU:-$(default_of openAiDeploymentSkuName)}
location=${AZURE_OPENAI_LOCATION:-${AZURE_LOCATION:-}}

if [ -z "$location" ]; then
  echo "preprovision: no AZURE_LOCATION yet, so the model check is skipped; azd asks for it next" >&2
  exit 0
fi

# azd may target another subscription than the one az has selected.
set -- cognitiveservices model list --location "$location" --output json
if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  set -- "$@" --subscription "$AZURE_SUBSCRIPTION_ID"
fi
if ! models=$(az "$@"); then
  echo "preprovision: 'az cognitiveservices model list --location $location' failed; sign in with 'az login'" >&2
  exit 1
fi

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
verdict=$(printf '%s' "$models" | jq -c --arg name "$model" --arg version "$version" --arg sku "$sku" \
  --arg now "$now" -f "$filter")

if [ "$(printf '%s' "$verdict" | jq -r '.deployable')" = "true" ]; then
  echo "preprovision: $model $version ($sku) can be deployed in $location"
  exit 0
fi

{
  echo "preprovision: $model version $version with SKU $sku cannot be deployed in $location"
  echo "(retired, deprecating, unknown, or not offered with that SKU there). Chat models that can:"
  printf '%s' "$verdict" | jq -r '.chatModels[] | "  \(.name) \(.version) \(.skus | join(","))"'
  echo "Pick one and run azd up again, e.g.:"
  echo "  azd env set AZURE_OPENAI_MODEL <name>; azd env set AZURE_OPENAI_MODEL_VERSION <version>"
  echo "  azd env set AZURE_OPENAI_SKU <sku>    (or another region: azd env set AZURE_OPENAI_LOCATION <region>)"
} >&2
exit 1
