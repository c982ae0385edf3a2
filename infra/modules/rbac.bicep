// Data-plane roles. Keys are disabled everywhere, so these assignments are the only way in, and each one is
// scoped to what its holder uses (docs/deploy.md, "Who may do what"):
// - the app's identity: read and write blobs in the articles container and in the Functions host's own
//   containers, the host's queues, chat completions, telemetry. Nothing on the deployment container.
// - the deployment identity: write the package into the deployment container (Flex Consumption's /api/publish
//   stores it there) and nothing else.
// - the Event Grid system topic's identity: write dead letters into the dead-letter container.
// - the deploying developer (optional): the articles container and chat completions, for local runs.
// Built-in role ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
param storageAccountName string
param articlesContainerName string
param deploymentContainerName string
param deadLetterContainerName string
@description('Containers the Functions host keeps its state in (leases, blob receipts, function keys).')
param hostContainerNames string[]
param openAiAccountName string
param applicationInsightsName string
@description('Principal id of the function app\'s user-assigned identity (the code and the Functions host).')
param appPrincipalId string
@description('Principal id of the identity Flex Consumption uses for the deployment container only.')
param deploymentPrincipalId string
@description('Principal id of the Event Grid system topic, which dead-letters undeliverable events.')
param eventGridPrincipalId string
@description('Optional principal id of the deploying developer, so they can run locally against these resources.')
param developerPrincipalId string = ''

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var cognitiveServicesOpenAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource articles 'containers' existing = {
      name: articlesContainerName
    }

    resource deployment 'containers' existing = {
      name: deploymentContainerName
    }

    resource deadLetter 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = [
  for name in hostContainerNames: {
    parent: storage::blobService
    name: name
  }
]

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Storage Blob Data Contributor on the articles container: read articles, write summaries beside them. (Owner
// adds only ACL and ownership actions, which apply to hierarchical-namespace accounts; this one has none.)
resource appArticles 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::articles.id, appPrincipalId, storageBlobDataContributor)
  scope: storage::blobService::articles
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Owner on the host's containers, as "Connecting to host storage with an identity" asks for
// AzureWebJobsStorage (https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity),
// but on those containers only. storage.bicep creates them, so the host never needs to create a container.
resource appHostContainers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in hostContainerNames: {
    name: guid(hostContainers[i].id, appPrincipalId, storageBlobDataOwner)
    scope: hostContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Storage Queue Data Contributor on the account: the blob trigger retries through the host's queue, whose name
// carries the host id, and poisons to webjobs-blobtrigger-poison (blob trigger docs: "Storage Blob Data Owner and
// Storage Queue Data Contributor"). A queue role grants nothing on blobs, so the deployment container stays out of reach.
resource appQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on the deployment container, for the identity functionAppConfig names for it.
resource deploymentPackage 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deployment.id, deploymentPrincipalId, storageBlobDataContributor)
  scope: storage::blobService::deployment
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: deploymentPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on the dead-letter container, for the system topic's identity (the subscription
// dead-letters with it: infra/hooks/postdeploy.sh, --deadletter-identity systemassigned).
resource eventGridDeadLetters 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetter.id, eventGridPrincipalId, storageBlobDataContributor)
  scope: storage::blobService::deadLetter
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: eventGridPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Cognitive Services OpenAI User: call chat completions on the deployment.
resource appOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, appPrincipalId, cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher: send telemetry to Application Insights, whose local auth is off.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The developer's assignments leave principalType unset: azd may run as a user or a service principal.
resource developerArticles 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(storage::blobService::articles.id, developerPrincipalId, storageBlobDataContributor)
  scope: storage::blobService::articles
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: developerPrincipalId
  }
}

resource developerOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(openAi.id, developerPrincipalId, cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUser)
    principalId: developerPrincipalId
  }
}
