using System.Globalization;
using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

/// <summary>`azd up` with the defaults must deploy a model Azure still accepts for new deployments.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ModelDefaultTests(CompiledTemplate template)
{
    // Versions Azure no longer deploys for new customers: deprecated or retired, or announced to retire within the
    // service's first months. Source: "Model retirement schedule", Azure OpenAI table
    // (https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirement-schedule, include dated 2026-07-07)
    // and "Retired models" (https://learn.microsoft.com/azure/foundry/openai/concepts/legacy-models).
    // gpt-4o-mini 2024-07-18 answers "ServiceModelDeprecating" to new deployments (reported since 2026-07).
    private static readonly (string Model, string Version)[] RetiredOrDeprecating =
    [
        ("gpt-4o-mini", "2024-07-18"),
        ("gpt-4o", "2024-05-13"),
        ("gpt-4o", "2024-08-06"),
        ("gpt-4o", "2024-11-20"),
        ("gpt-4.1", "2025-04-14"),
        ("gpt-4.1-mini", "2025-04-14"),
        ("gpt-4.1-nano", "2025-04-14"),
        ("o1", "2024-12-17"),
        ("o3-mini", "2025-01-31"),
        ("o4-mini", "2025-04-16"),
        ("gpt-5-chat", "2025-08-07"),
        ("gpt-5-chat", "2025-10-03"),
        ("gpt-5.1-chat", "2025-11-13"),
        ("gpt-5.2-chat", "2025-12-11"),
        ("gpt-5.3-chat", "2026-03-03"),
    ];

    // Whole families retired for every version (same sources).
    private static readonly string[] RetiredFamilies = ["gpt-35-turbo", "gpt-35-turbo-16k", "gpt-4", "gpt-4-32k"];

    // Generally available chat models and their scheduled retirement dates (same schedule). A default must be listed
    // here, so changing it means reading the schedule again.
    private static readonly Dictionary<(string Model, string Version), DateOnly> RetirementDates = new()
    {
        [("gpt-5-mini", "2025-08-07")] = new(2027, 2, 6),
        [("gpt-5-nano", "2025-08-07")] = new(2027, 2, 6),
        [("gpt-5", "2025-08-07")] = new(2027, 2, 6),
        [("gpt-5.1", "2025-11-13")] = new(2027, 5, 15),
        [("gpt-5.4", "2026-03-05")] = new(2027, 3, 5),
        [("gpt-5.4-mini", "2026-03-17")] = new(2027, 3, 18),
        [("gpt-5.4-nano", "2026-03-17")] = new(2027, 3, 18),
        [("gpt-5.5", "2026-04-24")] = new(2027, 4, 23),
    };

    private (string Model, string Version) Default =>
        (DefaultOf("openAiModelName"), DefaultOf("openAiModelVersion"));

    [Fact]
    public void DefaultModel_RetirementLists_IsNeitherRetiredNorDeprecating()
    {
        var (model, version) = Default;

        Assert.DoesNotContain((model, version), RetiredOrDeprecating);
        Assert.DoesNotContain(model, RetiredFamilies);
    }

    [Fact]
    public void DefaultModel_RetirementSchedule_IsGenerallyAvailableAndNotRetiredYet()
    {
        var current = Default;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.True(
            RetirementDates.TryGetValue(current, out var retires),
            $"{current.Model} {current.Version} is not in the GA list of this test; check the retirement schedule and add it.");
        Assert.True(
            retires > today,
            $"{current.Model} {current.Version} retires on {retires.ToString("O", CultureInfo.InvariantCulture)}: choose a current model.");
    }

    [Fact]
    public void DefaultModel_Family_IsGpt5ReasoningFamily()
    {
        // The request shape (no temperature, max_completion_tokens, reasoning_effort) is built for this family.
        Assert.StartsWith("gpt-5", Default.Model, StringComparison.Ordinal);
        Assert.DoesNotContain("-chat", Default.Model, StringComparison.Ordinal);
        Assert.Equal("GlobalStandard", DefaultOf("openAiDeploymentSkuName"));
    }

    [Theory]
    [InlineData("openAiModelName", "AZURE_OPENAI_MODEL")]
    [InlineData("openAiModelVersion", "AZURE_OPENAI_MODEL_VERSION")]
    [InlineData("openAiDeploymentSkuName", "AZURE_OPENAI_SKU")]
    [InlineData("openAiDeploymentCapacity", "AZURE_OPENAI_CAPACITY")]
    [InlineData("openAiRequestsPerMinutePerUnit", "AZURE_OPENAI_RPM_PER_UNIT")]
    [InlineData("maximumInstanceCount", "AZURE_FUNCTION_MAX_INSTANCES")]
    [InlineData("openAiReasoningEffort", "AZURE_OPENAI_REASONING_EFFORT")]
    public void MainParameters_AzdVariableDefault_MatchesBicepDefault(string parameter, string variable)
    {
        // The preprovision hook reads the defaults from main.parameters.json; Bicep must agree with them.
        var value = (string?)JsonNode.Parse(RepoPaths.ReadText("infra/main.parameters.json"))!["parameters"]![parameter]?["value"];

        Assert.Equal($"${{{variable}={DefaultOf(parameter)}}}", value);
    }

    private string DefaultOf(string parameter)
    {
        var node = template.Root["parameters"]![parameter]?["defaultValue"];
        Assert.True(node is not null, $"main.bicep has no default for {parameter}");
        return node.ToString();
    }
}
