namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepCompilationTests(CompiledTemplate template)
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutWarnings()
    {
        Assert.True(template.Build.ExitCode == 0, template.Build.StandardError);
        Assert.Equal("", template.Build.StandardError.Trim());
    }

    [Fact]
    public void Lint_MainBicep_ReportsNothing()
    {
        Assert.True(template.Lint.ExitCode == 0, template.Lint.StandardError);
        Assert.Equal("", (template.Lint.StandardOutput + template.Lint.StandardError).Trim());
    }

    [Fact]
    public void Build_MainBicep_TargetsSubscriptionWithTokenNamedResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", (string?)template.Root["$schema"], StringComparison.Ordinal);
        Assert.Equal(
            "[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]",
            (string?)template.Root["variables"]?["resourceToken"]);
        template.Single("Microsoft.Resources/resourceGroups");
        // azd finds the environment's resource group by this tag.
        Assert.Equal("[parameters('environmentName')]", (string?)template.Root["variables"]?["tags"]?["azd-env-name"]);
    }
}
