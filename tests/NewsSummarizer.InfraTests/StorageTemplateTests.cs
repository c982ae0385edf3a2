namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageTemplateTests(CompiledTemplate template)
{
    [Fact]
    public void StorageAccount_Properties_AllowOnlyIdentityOverTls12WithoutPublicBlobs()
    {
        var properties = template.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
    }

    [Fact]
    public void Containers_Variables_IncludeArticlesDeploymentAndDeadLetter()
    {
        var variables = template.Root["variables"]!;

        Assert.Equal("articles", (string?)variables["articlesContainerName"]);
        Assert.False(string.IsNullOrEmpty((string?)variables["deploymentContainerName"]));
        Assert.False(string.IsNullOrEmpty((string?)variables["deadLetterContainerName"]));
        var passed = template.Module("storage")["properties"]!["parameters"]!["containerNames"]!["value"]!.ToJsonString();
        Assert.Contains("articlesContainerName", passed, StringComparison.Ordinal);
        Assert.Contains("deploymentContainerName", passed, StringComparison.Ordinal);
        Assert.Contains("deadLetterContainerName", passed, StringComparison.Ordinal);
        // Created up front so the host's blob role can stop at these containers (RoleAssignmentTemplateTests).
        Assert.Contains("hostContainerNames", passed, StringComparison.Ordinal);
        Assert.Equal("[\"azure-webjobs-hosts\",\"azure-webjobs-secrets\"]", variables["hostContainerNames"]!.ToJsonString());
    }

    [Theory]
    [InlineData("AccountKey")]
    [InlineData("listKeys")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("InstrumentationKey")]
    public void Template_Anywhere_ContainsNoKeyBasedSecret(string keyMarker)
    {
        Assert.DoesNotContain(keyMarker, template.Text, StringComparison.OrdinalIgnoreCase);
    }
}
