// The storage account's Event Grid system topic. Its subscription to the function is created by
// infra/hooks/postdeploy.sh, because the webhook URL needs a key that exists only after deployment.
param name string
param location string
param tags object
param storageAccountId string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
