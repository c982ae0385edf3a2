using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplate template)
{
    private const string ClientId = "[parameters('identityClientId')]";

    private JsonNode AppSettings => template.Single("Microsoft.Web/sites/config")["properties"]!;

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
    public void FunctionApp_Tags_NameTheAzdServiceApi()
    {
        var tags = (string?)template.Single("Microsoft.Web/sites")["tags"];

        Assert.Contains("'azd-service-name', 'api'", tags, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "[parameters('storageBlobEndpoint')]")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "[parameters('storageQueueEndpoint')]")]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("AzureWebJobsStorage__clientId", ClientId)]
    [InlineData("AZURE_CLIENT_ID", ClientId)]
    [InlineData("ArticlesContainer", "[parameters('articlesContainerName')]")]
    [InlineData("Summarizer__Provider", "AzureOpenAI")]
    [InlineData("AzureOpenAI__Endpoint", "[parameters('openAiEndpoint')]")]
    [InlineData("AzureOpenAI__Deployment", "[parameters('openAiDeploymentName')]")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "[parameters('applicationInsightsConnectionString')]")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]")]
    public void AppSettings_Setting_HasExpectedValue(string name, string expected)
    {
        Assert.Equal(expected, (string?)AppSettings[name]);
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
