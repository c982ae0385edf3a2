namespace NewsSummarizer.Tests.Summarization;

public sealed class SummarizerOptionsValidatorTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("minimal")]
    [InlineData("low")]
    [InlineData("medium")]
    [InlineData("high")]
    [InlineData("xhigh")]
    [InlineData(null)]
    public void Validate_DocumentedReasoningEffort_Succeeds(string? effort) =>
        Assert.True(Validate(new SummarizerOptions { ReasoningEffort = effort }).Succeeded);

    [Theory]
    [InlineData("extreme")]
    [InlineData("Low")]
    [InlineData("")]
    public void Validate_UnknownReasoningEffort_FailsNamingTheSettingAndTheValues(string effort)
    {
        var result = Validate(new SummarizerOptions { ReasoningEffort = effort });

        Assert.True(result.Failed);
        Assert.Contains("Summarizer__ReasoningEffort", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("none, minimal, low, medium, high, xhigh", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokensPerMinuteBelowOneCall_FailsNamingBothSettings()
    {
        var result = Validate(new SummarizerOptions { TokensPerMinute = 1_000, MaxOutputTokens = 4_000 });

        Assert.True(result.Failed);
        Assert.Contains("Summarizer__TokensPerMinute", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Summarizer__MaxOutputTokens", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoTokensPerMinute_Succeeds() =>
        Assert.True(Validate(new SummarizerOptions { TokensPerMinute = 0 }).Succeeded);

    private static ValidateOptionsResult Validate(SummarizerOptions options) =>
        new SummarizerOptionsValidator(Options.Create(new AzureOpenAIOptions()), Options.Create(new OpenAIOptions())).Validate(null, options);
}
