namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class OpenAiAndMonitoringTemplateTests(CompiledTemplate template)
{
    [Fact]
    public void OpenAiAccount_Properties_DisableKeysAndUseCustomSubdomain()
    {
        var account = template.Single("Microsoft.CognitiveServices/accounts");

        Assert.Equal("OpenAI", (string?)account["kind"]);
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
        Assert.False(string.IsNullOrEmpty((string?)account["properties"]!["customSubDomainName"]));
    }

    [Theory]
    [InlineData("openAiModelName", "gpt-5.4-mini")]
    [InlineData("openAiModelVersion", "2026-03-17")]
    [InlineData("openAiDeploymentSkuName", "GlobalStandard")]
    public void MainParameters_ModelDefaults_AreGpt54MiniGlobalStandard(string parameter, string expected)
    {
        Assert.Equal(expected, (string?)template.Root["parameters"]![parameter]!["defaultValue"]);
    }

    [Fact]
    public void ModelDeployment_SkuAndModel_ComeFromParameters()
    {
        var deployment = template.Single("Microsoft.CognitiveServices/accounts/deployments");

        Assert.Equal(200, (int)template.Root["parameters"]!["openAiDeploymentCapacity"]!["defaultValue"]!);
        Assert.Equal("[parameters('skuName')]", (string?)deployment["sku"]!["name"]);
        Assert.Equal("[parameters('capacity')]", (string?)deployment["sku"]!["capacity"]);
        Assert.Equal("[parameters('modelName')]", (string?)deployment["properties"]!["model"]!["name"]);
        Assert.Equal("[parameters('modelVersion')]", (string?)deployment["properties"]!["model"]!["version"]);
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabledAndWorkspaceBased()
    {
        var properties = template.Single("Microsoft.Insights/components")["properties"]!;

        Assert.True((bool)properties["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)properties["WorkspaceResourceId"], StringComparison.Ordinal);
    }
}
