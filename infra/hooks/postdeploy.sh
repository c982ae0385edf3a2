#!/bin/sh
# azd postdeploy hook: subscribes the SummarizeArticle blob trigger to the storage account's Event Grid
# system topic. It runs after deployment because the webhook URL carries the host's blobs_extension
# system key, which exists only once the deployed app has started. The filter values live in
# infra/eventgrid-subscription.json (the infra tests read the same file). Safe to re-run: create updates.
set -eu

config="$(dirname -- "$0")/../eventgrid-subscription.json"

for tool in az jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "postdeploy: '$tool' is required; see docs/deploy.md" >&2
    exit 1
  fi
done

# Set by azd from the Bicep outputs.
: "${RESOURCE_GROUP:?run through azd (missing RESOURCE_GROUP)}"
: "${AZURE_FUNCTION_APP_NAME:?run through azd (missing AZURE_FUNCTION_APP_NAME)}"
: "${AZURE_FUNCTION_APP_HOSTNAME:?run through azd (missing AZURE_FUNCTION_APP_HOSTNAME)}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?run through azd (missing AZURE_STORAGE_ACCOUNT_NAME)}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?run through azd (missing AZURE_EVENTGRID_SYSTEM_TOPIC_NAME)}"
: "${AZURE_DEADLETTER_CONTAINER_NAME:?run through azd (missing AZURE_DEADLETTER_CONTAINER_NAME)}"

subscription_name=$(jq -r '.name' "$config")
function_name=$(jq -r '.functionName' "$config")
event_types=$(jq -r '.includedEventTypes | join(" ")' "$config")
subject_begins_with=$(jq -r '.subjectBeginsWith' "$config")
subject_not_ends_with=$(jq -r '.subjectNotEndsWith' "$config")
apis=$(jq -r '.apis | join(" ")' "$config")
max_delivery_attempts=$(jq -r '.maxDeliveryAttempts' "$config")
event_ttl_minutes=$(jq -r '.eventTtlMinutes' "$config")

# The blobs extension registers its key when the host first starts, which can lag the deployment.
key=""
attempt=1
while [ -z "$key" ] && [ "$attempt" -le 12 ]; do
  key=$(az functionapp keys list -g "$RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  if [ -z "$key" ]; then
    echo "postdeploy: waiting for the blobs_extension key ($attempt/12)..."
    sleep 10
  fi
  attempt=$((attempt + 1))
done
if [ -z "$key" ]; then
  echo "postdeploy: no blobs_extension key on $AZURE_FUNCTION_APP_NAME; is the app running?" >&2
  exit 1
fi

endpoint="https://$AZURE_FUNCTION_APP_HOSTNAME/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"
storage_id=$(az storage account show -g "$RESOURCE_GROUP" -n "$AZURE_STORAGE_ACCOUNT_NAME" --query id -o tsv)

# Dead letters are written with the system topic's identity: the storage firewall admits Event Grid only so.
# $event_types and $apis are space-separated lists: word splitting passes one value per argument.
# shellcheck disable=SC2086
az eventgrid system-topic event-subscription create \
  --resource-group "$RESOURCE_GROUP" \
  --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
  --name "$subscription_name" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types $event_types \
  --subject-begins-with "$subject_begins_with" \
  --advanced-filter subject StringNotEndsWith "$subject_not_ends_with" \
  --advanced-filter data.api StringIn $apis \
  --max-delivery-attempts "$max_delivery_attempts" \
  --event-ttl "$event_ttl_minutes" \
  --deadletter-identity systemassigned \
  --deadletter-identity-endpoint "$storage_id/blobServices/default/containers/$AZURE_DEADLETTER_CONTAINER_NAME" \
  --output none

echo "postdeploy: Event Grid subscription '$subscription_name' on $AZURE_EVENTGRID_SYSTEM_TOPIC_NAME -> $function_name"
