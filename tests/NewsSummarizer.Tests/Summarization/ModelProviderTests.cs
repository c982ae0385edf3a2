namespace NewsSummarizer.Tests.Summarization;

public sealed class ModelProviderTests
{
    [Theory]
    [InlineData(SummarizerProvider.Extractive, "Extractive")]
    [InlineData(SummarizerProvider.AzureOpenAI, "AzureOpenAI")]
    [InlineData(SummarizerProvider.OpenAI, "OpenAI")]
    public void From_ConfiguredProvider_IsNamedAsTheSetting(SummarizerProvider configured, string name)
    {
        var provider = ModelProvider.From(configured);

        Assert.Equal(name, provider.Name);
        Assert.Equal(ModelProvider.Parse(name), provider);
        Assert.False(provider.IsFallback);
    }

    [Fact]
    public void IsFallback_OnlyForTheFallbackProvider()
    {
        Assert.True(ModelProvider.ExtractiveFallback.IsFallback);
        Assert.True(ModelProvider.Parse("Extractive (fallback)").IsFallback);
        Assert.False(ModelProvider.Extractive.IsFallback);
        Assert.False(ModelProvider.Parse("extractive (fallback)").IsFallback);
    }

    [Fact]
    public void Equals_UnknownNames_EqualOnlyWhenSpelledAlike()
    {
        Assert.Equal(ModelProvider.Parse("Ollama"), ModelProvider.Parse("Ollama"));
        Assert.NotEqual(ModelProvider.Parse("Ollama"), ModelProvider.Parse("ollama"));
        Assert.NotEqual(ModelProvider.Parse("Ollama"), ModelProvider.OpenAI);
        Assert.Equal(ModelProvider.Parse("Ollama").GetHashCode(), ModelProvider.Parse("Ollama").GetHashCode());
    }

    [Theory]
    [InlineData("openai", "OpenAI")]
    [InlineData("EXTRACTIVE", "Extractive")]
    [InlineData("AzureOpenAI", "AzureOpenAI")]
    public void TryParseConfigured_AnyCase_FindsTheProvider(string requested, string name)
    {
        Assert.True(ModelProvider.TryParseConfigured(requested, out var provider));
        Assert.Equal(name, provider.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("Extractive (fallback)")]
    [InlineData("Extractive,OpenAI")]
    public void TryParseConfigured_NotAConfigurableProvider_IsFalse(string? requested) =>
        Assert.False(ModelProvider.TryParseConfigured(requested, out _));
}
