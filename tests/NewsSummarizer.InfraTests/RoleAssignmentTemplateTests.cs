using System.Text.RegularExpressions;

namespace NewsSummarizer.InfraTests;

/// <summary>Who may do what, checked on the template as bicep snapshot resolves it (the scope of each assignment is
/// a concrete resource id there). The app's identity must have no rights on the deployment container, which holds
/// the code it runs, and no blob role on the whole account.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class RoleAssignmentTemplateTests(CompiledTemplate template, DefaultSnapshot defaults) : IClassFixture<DefaultSnapshot>
{
    // Built-in role definition ids (the same in every tenant).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string Account = "Microsoft.Storage/storageAccounts/st";
    private const string Containers = "/blobServices/default/containers/";
    private const string Developer = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void RoleAssignments_AppIdentity_HoldsOnlyContainerScopedBlobRoles()
    {
        var app = Assignments(defaults.Snapshot).Where(a => a.Principal == "app").Select(a => (a.Scope, a.Role)).ToHashSet();

        Assert.Equal(
            new HashSet<(string, string)>
            {
                ($"{Containers}articles", StorageBlobDataContributor),
                ($"{Containers}azure-webjobs-hosts", StorageBlobDataOwner),
                ($"{Containers}azure-webjobs-secrets", StorageBlobDataOwner),
                ("(account)", StorageQueueDataContributor),
                ("Microsoft.CognitiveServices/accounts", CognitiveServicesOpenAIUser),
                ("Microsoft.Insights/components", MonitoringMetricsPublisher),
            },
            app);
    }

    [Fact]
    public void RoleAssignments_DeploymentIdentity_WritesOnlyTheDeploymentContainer()
    {
        var deployment = Assert.Single(Assignments(defaults.Snapshot), a => a.Principal == "deploy");

        Assert.Equal(($"{Containers}app-package", StorageBlobDataContributor), (deployment.Scope, deployment.Role));
    }

    [Fact]
    public void RoleAssignments_EventGridTopic_WritesOnlyTheDeadLetterContainer()
    {
        var eventGrid = Assert.Single(Assignments(defaults.Snapshot), a => a.Principal == "eventgrid");

        Assert.Equal(($"{Containers}eventgrid-deadletter", StorageBlobDataContributor), (eventGrid.Scope, eventGrid.Role));
    }

    [Fact]
    public async Task RoleAssignments_DeploymentContainer_IsReachableOnlyByTheDeploymentIdentity()
    {
        var snapshot = await TemplateSnapshot.CreateAsync(new Dictionary<string, object> { ["principalId"] = Developer });
        var blobRoles = new[] { StorageBlobDataOwner, StorageBlobDataContributor, StorageBlobDataReader };

        // A blob role on the account would reach the deployment container too.
        var withBlobRights = Assignments(snapshot)
            .Where(a => blobRoles.Contains(a.Role))
            .Where(a => a.Scope == "(account)" || a.Scope == $"{Containers}app-package");

        Assert.Equal(["deploy"], withBlobRights.Select(a => a.Principal));
    }

    [Fact]
    public async Task RoleAssignments_Developer_GetsArticlesAndOpenAiOnlyWhenPrincipalGiven()
    {
        var snapshot = await TemplateSnapshot.CreateAsync(new Dictionary<string, object> { ["principalId"] = Developer });

        var developer = Assignments(snapshot).Where(a => a.Principal == "developer").Select(a => (a.Scope, a.Role)).ToHashSet();
        Assert.Equal(
            new HashSet<(string, string)>
            {
                ($"{Containers}articles", StorageBlobDataContributor),
                ("Microsoft.CognitiveServices/accounts", CognitiveServicesOpenAIUser),
            },
            developer);
        Assert.DoesNotContain(Assignments(defaults.Snapshot), a => a.Principal == "developer");
    }

    [Fact]
    public void FunctionApp_Identities_DeploymentStorageUsesTheDeploymentIdentityAndCodeTheAppIdentity()
    {
        var site = defaults.Snapshot.Single("Microsoft.Web/sites");
        var deployment = (string?)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["userAssignedIdentityResourceId"];
        var settings = defaults.Snapshot.AppSettings;

        Assert.EndsWith("/userAssignedIdentities/id-deploy-" + Token(), deployment, StringComparison.Ordinal);
        foreach (var name in new[] { "AzureWebJobsStorage__clientId", "AZURE_CLIENT_ID" })
        {
            Assert.Contains("/userAssignedIdentities/id-" + Token() + "'", (string?)settings[name], StringComparison.Ordinal);
        }

        Assert.Equal(2, site["identity"]!["userAssignedIdentities"]!.AsObject().Count);
    }

    [Fact]
    public void RoleAssignments_Everywhere_HaveDeterministicNamesAndServicePrincipalTypeForIdentities()
    {
        var assignments = template.ResourcesOfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string?)a["name"], StringComparison.Ordinal));
        Assert.All(
            assignments.Where(a => !((string?)a["properties"]!["principalId"])!.Contains("developerPrincipalId", StringComparison.Ordinal)),
            a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
    }

    [Fact]
    public void RbacModule_Principals_AreIdentitiesAndDeployingPrincipal()
    {
        var parameters = template.Module("rbac")["properties"]!["parameters"]!;

        Assert.Contains("'identity')", (string?)parameters["appPrincipalId"]!["value"], StringComparison.Ordinal);
        Assert.Contains("'deployment-identity')", (string?)parameters["deploymentPrincipalId"]!["value"], StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", (string?)parameters["developerPrincipalId"]!["value"]);
        Assert.Equal("", (string?)template.Root["parameters"]!["principalId"]!["defaultValue"]);
    }

    private sealed record Assignment(string Scope, string Role, string Principal);

    private string Token() =>
        IdentityName().Match((string?)defaults.Snapshot.AppSettings["AZURE_CLIENT_ID"] ?? "").Groups[1].Value[3..];

    /// <summary>Each role assignment as (scope relative to the storage account or provider type, role id, holder),
    /// holder being "app", "deploy", "eventgrid" (the system topic's identity) or "developer".</summary>
    private static List<Assignment> Assignments(TemplateSnapshot snapshot) =>
    [
        .. snapshot.Resources
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => new Assignment(
                ScopeOf((string)r["id"]!),
                ((string)r["properties"]!["roleDefinitionId"]!)[^36..],
                HolderOf((string)r["properties"]!["principalId"]!))),
    ];

    private static string ScopeOf(string id)
    {
        // Resolved ids when every part is known, extensionResourceId(scope, ...) when the name needs a reference().
        const string Suffix = "/providers/Microsoft.Authorization/roleAssignments/";
        var extension = ExtensionScope().Match(id);
        var resolved = id.IndexOf(Suffix, StringComparison.Ordinal);
        Assert.True(extension.Success || resolved > 0, $"not a role assignment id: {id}");
        var provider = (extension.Success ? extension.Groups[1].Value : id[..resolved]).Split("/providers/")[^1];
        if (provider.StartsWith(Account, StringComparison.Ordinal))
        {
            var rest = provider[(provider.IndexOf('/', Account.Length) is var slash and >= 0 ? slash : provider.Length)..];
            return rest.Length == 0 ? "(account)" : rest;
        }

        // Other providers: the resource type is enough (there is one of each).
        var parts = provider.Split('/');
        return $"{parts[0]}/{parts[1]}";
    }

    private static string HolderOf(string principal)
    {
        if (principal == Developer)
        {
            return "developer";
        }

        if (principal.Contains("Microsoft.EventGrid/systemTopics", StringComparison.Ordinal))
        {
            return "eventgrid";
        }

        var name = IdentityName().Match(principal);
        Assert.True(name.Success, $"unexpected principal {principal}");
        return name.Groups[1].Value.StartsWith("id-deploy-", StringComparison.Ordinal) ? "deploy" : "app";
    }

    [GeneratedRegex(@"^\[extensionResourceId\('([^']+)'")]
    private static partial Regex ExtensionScope();

    [GeneratedRegex(@"userAssignedIdentities/(id-[a-z0-9-]+)'")]
    private static partial Regex IdentityName();
}
