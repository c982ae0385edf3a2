using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class RoleAssignmentTemplateTests(CompiledTemplate template)
{
    // Built-in role definition ids (the same in every tenant).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(CognitiveServicesOpenAIUser, "Microsoft.CognitiveServices/accounts")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    public void RoleAssignments_AppIdentity_HoldsRoleOnItsResource(string roleId, string scopeType)
    {
        var assignment = Assert.Single(AssignmentsOf(roleId, "[parameters('appPrincipalId')]"));

        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        Assert.Contains($"'{scopeType}'", (string?)assignment["scope"], StringComparison.Ordinal);
        Assert.Null(assignment["condition"]);
        // A deterministic name makes re-deployment idempotent instead of failing on a duplicate.
        Assert.StartsWith("[guid(", (string?)assignment["name"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageBlobDataOwner)]
    [InlineData(CognitiveServicesOpenAIUser)]
    public void RoleAssignments_Developer_GrantedOnlyWhenPrincipalGiven(string roleId)
    {
        var assignment = Assert.Single(AssignmentsOf(roleId, "[parameters('developerPrincipalId')]"));

        Assert.Equal("[not(empty(parameters('developerPrincipalId')))]", (string?)assignment["condition"]);
    }

    [Fact]
    public void RbacModule_Principals_AreIdentityAndDeployingPrincipal()
    {
        var parameters = template.Module("rbac")["properties"]!["parameters"]!;

        Assert.EndsWith(".outputs.principalId.value]", (string?)parameters["appPrincipalId"]!["value"], StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", (string?)parameters["developerPrincipalId"]!["value"]);
        Assert.Equal("", (string?)template.Root["parameters"]!["principalId"]!["defaultValue"]);
    }

    private IEnumerable<JsonObject> AssignmentsOf(string roleId, string principal) =>
        template.ResourcesOfType("Microsoft.Authorization/roleAssignments").Where(a =>
            ((string?)a["properties"]!["roleDefinitionId"])!.Contains(roleId, StringComparison.OrdinalIgnoreCase)
            && (string?)a["properties"]!["principalId"] == principal);
}
