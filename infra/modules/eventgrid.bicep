// The storage account's Event Grid system topic. Its subscription to the function is created by
// infra/hooks/postdeploy.sh, because the webhook URL needs a key that exists only after deployment.
// The topic has its own identity: the storage firewall lets Event Grid write dead letters only as a trusted
// service with a managed identity (rbac.bicep grants it the dead-letter container).
param name string
param location string
param tags object
param storageAccountId string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
