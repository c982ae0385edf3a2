# Decides whether a model can be deployed, from what `az cognitiveservices model list --location <region> -o json`
# prints: the items of the ARM "Models - List" response, each
#   {kind, skuName, model: {format, name, version, lifecycleStatus, capabilities: {chatCompletion: "true", ...},
#    deprecation: {inference: <date>}, skus: [{name, usageName, capacity, deprecationDate?}]}}
# (Azure/azure-rest-api-specs, Microsoft.CognitiveServices stable/2024-10-01 examples/ListLocationModels.json).
# Args: $name $version $sku, and $now as ISO 8601 UTC (YYYY-MM-DDTHH:MM:SSZ), so dates compare as strings.
# Prints {deployable: bool, chatModels: [{name, version, skus}]} where chatModels can be deployed today.

# Azure refuses new deployments of deprecating versions (ServiceModelDeprecating) and of retired ones.
def open_for_new_deployments:
  ((.model.lifecycleStatus // "") | ascii_downcase) as $status
  | ($status != "deprecating" and $status != "deprecated" and $status != "retired")
    and ((.model.deprecation.inference // "9999") > $now);

def sku_open: (.deprecationDate // "9999") > $now;

[.[] | select(.model.format == "OpenAI") | select(open_for_new_deployments)] as $models
| {
    deployable: any($models[];
      .model.name == $name and .model.version == $version and any(.model.skus[]?; .name == $sku and sku_open)),
    chatModels: [
      $models[]
      | select(.model.capabilities.chatCompletion == "true")
      | {name: .model.name, version: .model.version, skus: ([.model.skus[]? | select(sku_open) | .name] | unique)}
      | select(.skus | length > 0)
    ] | unique_by([.name, .version])
  }
