// Azure OpenAI with keys disabled: the app and developers call it with Entra ID tokens only. Its firewall denies
// every network but the listed addresses; the app calls it through its private endpoint (network.bicep).
param name string
param location string
param tags object
param deploymentName string
param modelName string
param modelVersion string
param skuName string
param capacity int
@description('Public IPv4 addresses or CIDR ranges let through the firewall (a developer running locally).')
param allowedIpRanges string[] = []

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    // Entra ID authentication needs a custom subdomain endpoint.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [for range in allowedIpRanges: { value: range }]
    }
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: skuName
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

output id string = account.id
output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
