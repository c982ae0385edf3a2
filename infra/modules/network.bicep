// The virtual network that is the app's only way into storage and Azure OpenAI, whose firewalls deny everything
// else (storage.bicep, openai.bicep). The function app joins the `app` subnet (Flex Consumption VNet integration:
// every outbound call leaves through it); blob, queue and OpenAI are reached through private endpoints in the
// `private-endpoints` subnet, whose private DNS zones resolve the accounts' usual host names to private addresses
// inside this network. Private endpoints work across regions, so the OpenAI account may live elsewhere.
// https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan#virtual-network-integration
param name string
param location string
param tags object
param storageAccountId string
param openAiAccountId string

var privateEndpoints = [
  { name: 'blob', resourceId: storageAccountId, groupId: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
  { name: 'queue', resourceId: storageAccountId, groupId: 'queue', zone: 'privatelink.queue.${environment().suffixes.storage}' }
  { name: 'openai', resourceId: openAiAccountId, groupId: 'account', zone: 'privatelink.openai.azure.com' }
]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: ['10.0.0.0/16']
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.1.0/24'
          // Flex Consumption integrates through this delegation.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.0.2.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource endpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for endpoint in privateEndpoints: {
    name: endpoint.zone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (endpoint, i) in privateEndpoints: {
    parent: zones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

resource endpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for endpoint in privateEndpoints: {
    name: 'pe-${endpoint.name}-${name}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: vnet::endpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: endpoint.name
          properties: {
            privateLinkServiceId: endpoint.resourceId
            groupIds: [endpoint.groupId]
          }
        }
      ]
    }
  }
]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (endpoint, i) in privateEndpoints: {
    parent: endpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.name
          properties: {
            privateDnsZoneId: zones[i].id
          }
        }
      ]
    }
  }
]

output appSubnetId string = vnet::appSubnet.id
