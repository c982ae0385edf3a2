using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

/// <summary>Storage and Azure OpenAI take no public network traffic but the addresses a developer lists: the app
/// reaches them from its virtual network through private endpoints, and Event Grid writes dead letters as a trusted
/// service with its own identity. Checked on the template as <c>bicep snapshot</c> resolves it.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class NetworkTemplateTests(DefaultSnapshot defaults) : IClassFixture<DefaultSnapshot>
{
    [Fact]
    public void Storage_Firewall_DeniesEveryNetworkButTrustedServicesByDefault()
    {
        var acls = defaults.Snapshot.Single("Microsoft.Storage/storageAccounts")["properties"]!["networkAcls"]!;

        Assert.Equal("Deny", (string?)acls["defaultAction"]);
        Assert.Equal("AzureServices", (string?)acls["bypass"]);
        Assert.Empty(acls["ipRules"]!.AsArray());
    }

    [Fact]
    public void OpenAi_Firewall_DeniesEveryNetworkByDefault()
    {
        var acls = defaults.Snapshot.Single("Microsoft.CognitiveServices/accounts")["properties"]!["networkAcls"]!;

        Assert.Equal("Deny", (string?)acls["defaultAction"]);
        Assert.Empty(acls["ipRules"]!.AsArray());
    }

    [Fact]
    public async Task Firewalls_AllowedIpRanges_AreLetThroughBothFirewalls()
    {
        var snapshot = await TemplateSnapshot.CreateAsync(new Dictionary<string, object> { ["allowedIpRanges"] = "203.0.113.7, 198.51.100.0/24" });

        string[] expected = ["203.0.113.7", "198.51.100.0/24"];
        var storage = snapshot.Single("Microsoft.Storage/storageAccounts")["properties"]!["networkAcls"]!;
        var openAi = snapshot.Single("Microsoft.CognitiveServices/accounts")["properties"]!["networkAcls"]!;
        Assert.Equal(expected, storage["ipRules"]!.AsArray().Select(rule => (string?)rule!["value"]));
        Assert.All(storage["ipRules"]!.AsArray(), rule => Assert.Equal("Allow", (string?)rule!["action"]));
        Assert.Equal(expected, openAi["ipRules"]!.AsArray().Select(rule => (string?)rule!["value"]));
        Assert.Equal("Deny", (string?)storage["defaultAction"]);
        Assert.Equal("Deny", (string?)openAi["defaultAction"]);
    }

    [Fact]
    public void FunctionApp_VirtualNetwork_JoinsTheSubnetDelegatedToFlexConsumption()
    {
        var site = defaults.Snapshot.Single("Microsoft.Web/sites");
        var subnets = defaults.Snapshot.Single("Microsoft.Network/virtualNetworks")["properties"]!["subnets"]!.AsArray();

        var subnetId = (string?)site["properties"]!["virtualNetworkSubnetId"];
        Assert.EndsWith("/subnets/app", subnetId, StringComparison.Ordinal);
        var app = Assert.Single(subnets, s => (string?)s!["name"] == "app")!;
        Assert.Equal(
            "Microsoft.App/environments",
            (string?)Assert.Single(app["properties"]!["delegations"]!.AsArray())!["properties"]!["serviceName"]);
    }

    [Theory]
    [InlineData("blob", "Microsoft.Storage/storageAccounts/st", "privatelink.blob.")]
    [InlineData("queue", "Microsoft.Storage/storageAccounts/st", "privatelink.queue.")]
    [InlineData("account", "Microsoft.CognitiveServices/accounts/oai-", "privatelink.openai.azure.com")]
    public void PrivateEndpoint_EachService_SitsInTheEndpointSubnetWithItsDnsZoneLinkedToTheNetwork(string groupId, string target, string zone)
    {
        var endpoint = Assert.Single(
            defaults.Snapshot.Resources.Where(r => (string?)r["type"] == "Microsoft.Network/privateEndpoints"),
            r => (string?)Connection(r)["groupIds"]![0] == groupId);
        var zoneGroup = Assert.Single(
            defaults.Snapshot.Resources.Where(r => (string?)r["type"] == "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"),
            r => ((string)r["name"]!).StartsWith((string)endpoint["name"]! + "/", StringComparison.Ordinal));
        var link = Assert.Single(
            defaults.Snapshot.Resources.Where(r => (string?)r["type"] == "Microsoft.Network/privateDnsZones/virtualNetworkLinks"),
            r => ((string)r["name"]!).Contains(zone, StringComparison.Ordinal));

        Assert.Contains("/providers/" + target, (string?)Connection(endpoint)["privateLinkServiceId"], StringComparison.Ordinal);
        Assert.EndsWith("/subnets/private-endpoints", (string?)endpoint["properties"]!["subnet"]!["id"], StringComparison.Ordinal);
        Assert.Contains(zone, (string?)zoneGroup["properties"]!["privateDnsZoneConfigs"]![0]!["properties"]!["privateDnsZoneId"], StringComparison.Ordinal);
        Assert.Contains("/virtualNetworks/vnet-", (string?)link["properties"]!["virtualNetwork"]!["id"], StringComparison.Ordinal);
        Assert.False((bool)link["properties"]!["registrationEnabled"]!);
    }

    [Fact]
    public void EventGrid_SystemTopic_HasItsOwnIdentityForDeadLetters()
    {
        var topic = defaults.Snapshot.Single("Microsoft.EventGrid/systemTopics");

        // The postdeploy hook subscribes with it (EventGridTests); rbac.bicep grants it the dead-letter container.
        Assert.Equal("SystemAssigned", (string?)topic["identity"]!["type"]);
    }

    private static JsonNode Connection(JsonObject endpoint) =>
        endpoint["properties"]!["privateLinkServiceConnections"]![0]!["properties"]!;
}
