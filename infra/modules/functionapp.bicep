// Flex Consumption plan and the .NET 10 isolated function app. The app reaches storage, OpenAI and
// Application Insights with its user-assigned identity; no connection string carries a key.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
@description('Identity for the deployment container only; attached to the app because Flex Consumption requires it.')
param deploymentIdentityId string
param storageBlobEndpoint string
param storageQueueEndpoint string
param deploymentContainerName string
param articlesContainerName string
param applicationInsightsConnectionString string
param openAiEndpoint string
param openAiDeploymentName string
@description('Empty: Summarizer__ReasoningEffort is not set and the model default applies.')
param openAiReasoningEffort string
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int
@description('Summarizer__TokensPerMinute: the share of the deployment tokens per minute one instance may use.')
@minValue(1)
param tokensPerMinutePerInstance int
@minValue(1)
param maxConcurrentModelCalls int
param instanceMemoryMB int = 2048
@description('The delegated subnet the app joins; storage and OpenAI accept only traffic from its network.')
param virtualNetworkSubnetId string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  // azd deploys the `api` service of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
      '${deploymentIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: deploymentIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION: the runtime
  // comes from functionAppConfig above.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union({
      // The host's own storage, by identity (the blob trigger's receipts and retry queue live here).
      AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
      AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // Read by NewsSummarizer: the names are the configuration contract in DESIGN.md.
      ArticlesContainer: articlesContainerName
      Summarizer__Provider: 'AzureOpenAI'
      AzureOpenAI__Endpoint: openAiEndpoint
      AzureOpenAI__Deployment: openAiDeploymentName
      // DefaultAzureCredential picks the user-assigned identity only when told its client id.
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // Inside the quota: main.bicep divides the deployment's capacity among maximumInstanceCount instances.
      Summarizer__TokensPerMinute: string(tokensPerMinutePerInstance)
      Summarizer__MaxConcurrentModelCalls: string(maxConcurrentModelCalls)
    }, empty(openAiReasoningEffort) ? {} : { Summarizer__ReasoningEffort: openAiReasoningEffort })
  }
}

// No FTP or SCM (Kudu) publishing with a user name and password: azd deploys with Microsoft Entra ID (the package
// goes to the deployment container through the deployment identity), so basic-auth credentials would only be a way in.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
