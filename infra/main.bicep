// NewsSummarizer on Azure: Blob Storage -> Event Grid -> Flex Consumption function -> Azure OpenAI.
// Deployed by `azd up`; see docs/deploy.md. Every resource is reached by managed identity, no keys.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Primary location for all resources.')
param location string

@description('Location of the Azure OpenAI account, where the model has quota. Empty: the primary location.')
param openAiLocation string = ''

@description('Principal id of the deploying developer, granted data access for local runs. Empty: none.')
param principalId string = ''

// Model defaults: a GPT-5-family small model that is generally available for new Global Standard deployments.
// Azure refuses new deployments of deprecated versions (ServiceModelDeprecating) and retired deployments answer
// every call with an error, so these are parameters (azd env vars in main.parameters.json) and the preprovision
// hook checks them against `az cognitiveservices model list` before anything is created.
// Lifecycle: https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirement-schedule
// (gpt-5.4-mini 2026-03-17: GA, retires 2027-03-18; gpt-5-mini 2025-08-07 retires earlier, 2027-02-06).
@description('Chat model to deploy (AZURE_OPENAI_MODEL). A GPT-5-family reasoning model: see docs/deploy.md.')
param openAiModelName string = 'gpt-5.4-mini'

@description('Model version (AZURE_OPENAI_MODEL_VERSION); must be deployable for the model in the OpenAI location.')
param openAiModelVersion string = '2026-03-17'

@description('Deployment SKU (AZURE_OPENAI_SKU): GlobalStandard routes to any region with capacity.')
param openAiDeploymentSkuName string = 'GlobalStandard'

@minValue(1)
@description('Capacity (AZURE_OPENAI_CAPACITY) in units of 1,000 tokens per minute; must fit the subscription quota.')
param openAiDeploymentCapacity int = 200

// Requests per minute per capacity unit vary by model. gpt-5-mini, gpt-5.4-mini and gpt-5.5 Global Standard get
// 1,000 RPM per 1,000,000 TPM, i.e. 1 RPM per unit; older chat models (gpt-4o-mini) got 6 or more.
// https://learn.microsoft.com/azure/foundry/openai/how-to/quota (RPM/TPM ratio) and the quota tier tables in
// https://learn.microsoft.com/azure/foundry/openai/quotas-limits
@minValue(1)
@description('Requests per minute Azure grants per capacity unit for this model (AZURE_OPENAI_RPM_PER_UNIT).')
param openAiRequestsPerMinutePerUnit int = 1

// Flex Consumption accepts 1 to 1,000 (https://learn.microsoft.com/azure/azure-functions/event-driven-scaling#limit-scale-out).
@minValue(1)
@maxValue(1000)
@description('Most Flex Consumption instances (AZURE_FUNCTION_MAX_INSTANCES); the model quota is divided among them.')
param maximumInstanceCount int = 4

@description('Summarizer__ReasoningEffort for the deployment (AZURE_OPENAI_REASONING_EFFORT); empty: not sent.')
param openAiReasoningEffort string = 'low'

// Storage and Azure OpenAI deny public network traffic (network.bicep): the app reaches them through private
// endpoints. A developer who uploads articles or runs the app locally against these resources adds their public
// address here (AZURE_ALLOWED_IP_RANGES, comma-separated addresses or CIDR ranges); see docs/deploy.md.
@description('Public IPv4 addresses or CIDR ranges, comma-separated, let through the storage and OpenAI firewalls.')
param allowedIpRanges string = ''

var allowedIps = empty(trim(allowedIpRanges)) ? [] : map(split(allowedIpRanges, ','), range => trim(range))

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

// Every instance may run at once, so each gets an equal share of the deployment's quota. Azure enforces the
// rate in 1 s and 10 s windows (https://learn.microsoft.com/azure/foundry/openai/how-to/quota), so calls are also
// capped per instance: a model call takes ~10 s or more, so one call slot makes at most 6 requests a minute and
// the slots of all instances together stay within the deployment's requests per minute. docs/deploy.md explains.
var quota = {
  tokensPerMinute: openAiDeploymentCapacity * 1000
  requestsPerMinute: openAiDeploymentCapacity * openAiRequestsPerMinutePerUnit
  tokensPerMinutePerInstance: (openAiDeploymentCapacity * 1000) / maximumInstanceCount
  maxConcurrentModelCalls: max(1, min(16, (openAiDeploymentCapacity * openAiRequestsPerMinutePerUnit) / (maximumInstanceCount * 6)))
}

var articlesContainerName = 'articles'
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'eventgrid-deadletter'
// The Functions host keeps leases and blob receipts in the first and function keys in the second (it would create
// them itself; creating them here lets its role stop at these containers).
var hostContainerNames = ['azure-webjobs-hosts', 'azure-webjobs-secrets']

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

// Flex Consumption reads and writes the deployment package with this identity; the app's code uses the other one,
// which has no rights on the deployment container.
module deploymentIdentity 'modules/identity.bicep' = {
  name: 'deployment-identity'
  scope: rg
  params: {
    name: 'id-deploy-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [articlesContainerName, deploymentContainerName, deadLetterContainerName, ...hostContainerNames]
    allowedIpRanges: allowedIps
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    deploymentName: openAiModelName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    skuName: openAiDeploymentSkuName
    capacity: openAiDeploymentCapacity
    allowedIpRanges: allowedIps
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    openAiAccountId: openAi.outputs.id
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentIdentityId: deploymentIdentity.outputs.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    articlesContainerName: articlesContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentName: openAi.outputs.deploymentName
    openAiReasoningEffort: openAiReasoningEffort
    maximumInstanceCount: maximumInstanceCount
    tokensPerMinutePerInstance: quota.tokensPerMinutePerInstance
    maxConcurrentModelCalls: quota.maxConcurrentModelCalls
    virtualNetworkSubnetId: network.outputs.appSubnetId
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    articlesContainerName: articlesContainerName
    deploymentContainerName: deploymentContainerName
    deadLetterContainerName: deadLetterContainerName
    hostContainerNames: hostContainerNames
    openAiAccountName: openAi.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    deploymentPrincipalId: deploymentIdentity.outputs.principalId
    eventGridPrincipalId: eventGrid.outputs.principalId
    developerPrincipalId: principalId
  }
}


// azd stores these in the environment (.azure/<env>/.env); the postdeploy hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_ARTICLES_CONTAINER_NAME string = articlesContainerName
output AZURE_DEADLETTER_CONTAINER_NAME string = deadLetterContainerName
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_OPENAI_TOKENS_PER_MINUTE int = quota.tokensPerMinute
output AZURE_OPENAI_REQUESTS_PER_MINUTE int = quota.requestsPerMinute
output SUMMARIZER_TOKENS_PER_MINUTE_PER_INSTANCE int = quota.tokensPerMinutePerInstance
output SUMMARIZER_MAX_CONCURRENT_MODEL_CALLS int = quota.maxConcurrentModelCalls
