using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

public sealed class AzdConfigurationTests
{
    [Theory]
    [InlineData("  api:")]
    [InlineData("    project: ./src/NewsSummarizer.Functions")]
    [InlineData("    language: dotnet")]
    [InlineData("    host: function")]
    [InlineData("  preprovision:")]
    [InlineData("      run: ./infra/hooks/preprovision.sh")]
    [InlineData("  postdeploy:")]
    [InlineData("      run: ./infra/hooks/postdeploy.sh")]
    public void AzureYaml_Line_IsPresent(string line)
    {
        var lines = RepoPaths.ReadText("azure.yaml").ReplaceLineEndings("\n").Split('\n');

        Assert.Contains(line, lines);
    }

    [Fact]
    public void AzureYaml_ServiceProject_Exists()
    {
        Assert.True(Directory.Exists(RepoPaths.Of("src/NewsSummarizer.Functions")));
        Assert.True(File.Exists(RepoPaths.Of("infra/hooks/postdeploy.sh")));
        Assert.True(File.Exists(RepoPaths.Of("infra/hooks/preprovision.sh")));
    }

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    [InlineData("openAiLocation", "${AZURE_OPENAI_LOCATION}")]
    [InlineData("allowedIpRanges", "${AZURE_ALLOWED_IP_RANGES}")]
    public void MainParameters_Parameter_UsesAzdSubstitution(string parameter, string expected)
    {
        var parameters = JsonNode.Parse(RepoPaths.ReadText("infra/main.parameters.json"))!["parameters"]!;

        Assert.Equal(expected, (string?)parameters[parameter]!["value"]);
    }
}
