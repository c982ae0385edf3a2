using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplate template, DefaultSnapshot defaults) : IClassFixture<DefaultSnapshot>
{
    private const string Identity = "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-";

    // Evaluated by bicep snapshot: the settings are one union() expression in the compiled template.
    private JsonObject AppSettings => defaults.Snapshot.AppSettings;

    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var sku = template.Single("Microsoft.Web/serverfarms")["sku"]!;

        Assert.Equal("FC1", (string?)sku["name"]);
        Assert.Equal("FlexConsumption", (string?)sku["tier"]);
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10()
    {
        var runtime = template.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
    }

    [Fact]
    public void FunctionApp_DeploymentStorage_UsesUserAssignedIdentity()
    {
        var storage = template.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
    }

    [Fact]
    public void FunctionApp_BasicAuthPublishing_IsOffForFtpAndScm()
    {
        // Issue 25: the app left FTP/SCM basic-auth publishing credentials on; azd deploys with Entra ID.
        var policies = template.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.Single(policies, p => ((string?)p["name"])!.Contains("ftp", StringComparison.Ordinal));
        Assert.Single(policies, p => ((string?)p["name"])!.Contains("scm", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
        Assert.Equal("Disabled", (string?)template.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["ftpsState"]);
    }

    [Fact]
    public void FunctionApp_Tags_NameTheAzdServiceApi()
    {
        var tags = (string?)template.Single("Microsoft.Web/sites")["tags"];

        Assert.Contains("'azd-service-name', 'api'", tags, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "/providers/Microsoft.Storage/storageAccounts/st", ".primaryEndpoints.blob]")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "/providers/Microsoft.Storage/storageAccounts/st", ".primaryEndpoints.queue]")]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity", "managedidentity")]
    [InlineData("AzureWebJobsStorage__clientId", Identity, ".clientId]")]
    [InlineData("AZURE_CLIENT_ID", Identity, ".clientId]")]
    [InlineData("ArticlesContainer", "articles", "articles")]
    [InlineData("Summarizer__Provider", "AzureOpenAI", "AzureOpenAI")]
    [InlineData("AzureOpenAI__Endpoint", "/providers/Microsoft.CognitiveServices/accounts/oai-", ".endpoint]")]
    [InlineData("AzureOpenAI__Deployment", "gpt-5.4-mini", "gpt-5.4-mini")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "/providers/Microsoft.Insights/components/appi-", ".ConnectionString]")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "[format('ClientId={0};Authorization=AAD', reference(", ".clientId)]")]
    public void AppSettings_Setting_HasExpectedValue(string name, string contains, string endsWith)
    {
        var value = (string?)AppSettings[name];

        Assert.Contains(contains, value, StringComparison.Ordinal);
        Assert.EndsWith(endsWith, value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_Storage_HasNoConnectionString()
    {
        Assert.Null(AppSettings["AzureWebJobsStorage"]);
        Assert.Null(AppSettings["AzureOpenAI__ApiKey"]);
    }

    [Fact]
    public void FunctionAppModule_IdentityClientId_ComesFromUserAssignedIdentity()
    {
        var parameters = template.Module("functionapp")["properties"]!["parameters"]!;

        Assert.EndsWith(".outputs.clientId.value]", (string?)parameters["identityClientId"]!["value"], StringComparison.Ordinal);
        Assert.Contains("'identity')", (string?)parameters["identityClientId"]!["value"], StringComparison.Ordinal);
        Assert.Equal("[variables('articlesContainerName')]", (string?)parameters["articlesContainerName"]!["value"]);
    }
}
