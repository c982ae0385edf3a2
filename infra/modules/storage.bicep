// Articles, the Flex Consumption deployment package and Event Grid dead letters share one account.
// Shared keys are off: every caller (the app, azd's deployment, a developer) uses Entra ID.
// The firewall denies every network but the listed addresses: the app comes in through its private endpoints
// (network.bicep), and Event Grid writes dead letters as a trusted service with its own identity.
param name string
param location string
param tags object
param containerNames string[]
@description('Public IPv4 addresses or CIDR ranges let through the firewall (a developer uploading articles).')
param allowedIpRanges string[] = []

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [for range in allowedIpRanges: { value: range, action: 'Allow' }]
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
