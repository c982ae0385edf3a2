using System.Text;
using System.Text.Json;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Summaries;

/// <summary>Status, language and provider are typed values; the JSON they are written as is the contract
/// (summary.schema.json, docs/openapi.yaml, every result already stored) and must not change.</summary>
public sealed class SummaryJsonTypedValuesTests
{
    /// <summary>A fallback result exactly as the string-typed versions wrote it (indented, as stored).</summary>
    private const string StoredFallback = """
{
  "schemaVersion": 1,
  "status": "ok",
  "language": "en",
  "title": {
    "ar": null,
    "en": "Council backs budget"
  },
  "summary": {
    "ar": null,
    "en": "The council approved the budget."
  },
  "keyPoints": {
    "ar": [],
    "en": [
      "Budget approved"
    ]
  },
  "source": {
    "container": "articles",
    "name": "a/b.txt",
    "etag": "\u00220x1\u0022",
    "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "contentType": "text/plain",
    "bytes": 120,
    "encoding": "utf-8",
    "format": "text"
  },
  "model": {
    "provider": "Extractive (fallback)",
    "model": "extractive",
    "promptVersion": "extractive-1",
    "inputTokens": null,
    "outputTokens": null
  },
  "durationMs": 12,
  "createdAt": "2026-01-02T03:04:05+00:00",
  "unavailable": [
    "ar"
  ],
  "unavailableReason": "The OpenAI model was unavailable.",
  "length": "brief"
}
"""; // the closing quotes at column 0 keep the stored text unindented

    [Theory]
    [InlineData(SummaryStatus.Ok, "ok")]
    [InlineData(SummaryStatus.Rejected, "rejected")]
    [InlineData(SummaryStatus.Failed, "failed")]
    [InlineData(SummaryStatus.Waiting, "waiting")]
    public void Serialize_EachStatus_WritesItsContractNameAndReadsBack(SummaryStatus status, string name)
    {
        var document = Document() with
        {
            Status = status,
            Error = status == SummaryStatus.Ok ? null : new ErrorInfo("x", "y"),
            RetryAt = status == SummaryStatus.Waiting ? DateTimeOffset.UnixEpoch : null,
        };

        var json = SummaryJson.Serialize(document);

        Assert.Equal(name, JsonDocument.Parse(json).RootElement.GetProperty("status").GetString());
        Assert.Equal(name, WireNames.Of(status));
        Assert.Equal(status, SummaryJson.TryRead(json, out var problem)?.Status);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(ArticleLanguage.Arabic, "ar")]
    [InlineData(ArticleLanguage.English, "en")]
    [InlineData(ArticleLanguage.Other, "other")]
    public void Serialize_EachLanguage_WritesItsContractNameAndReadsBack(ArticleLanguage language, string name)
    {
        var json = SummaryJson.Serialize(Document() with { Language = language });

        Assert.Equal(name, JsonDocument.Parse(json).RootElement.GetProperty("language").GetString());
        Assert.Equal(name, WireNames.Of(language));
        Assert.Equal(language, SummaryJson.TryRead(json, out _)?.Language);
    }

    [Fact]
    public void Serialize_UnavailableLanguages_WritesTheirCodes()
    {
        var json = SummaryJson.Serialize(Document() with { Unavailable = [ArticleLanguage.Arabic, ArticleLanguage.English] });

        Assert.Equal(["ar", "en"], JsonDocument.Parse(json).RootElement.GetProperty("unavailable").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([ArticleLanguage.Arabic, ArticleLanguage.English], SummaryJson.TryRead(json, out _)?.Unavailable);
    }

    [Theory]
    [InlineData("Extractive")]
    [InlineData("AzureOpenAI")]
    [InlineData("OpenAI")]
    [InlineData("Extractive (fallback)")]
    public void Serialize_EachKnownProvider_ReadsBackAsThatProviderWithTheSameName(string name)
    {
        var json = SummaryJson.Serialize(Document() with { Model = Document().Model with { Provider = ModelProvider.Parse(name) } });

        var provider = SummaryJson.TryRead(json, out _)?.Model.Provider;

        Assert.NotNull(provider);
        // A known provider reads back as the one instance this version has for it.
        Assert.Same(ModelProvider.Parse(name), provider);
        Assert.Equal(name, JsonDocument.Parse(json).RootElement.GetProperty("model").GetProperty("provider").GetString());
        Assert.Equal(ModelProvider.Parse(name), provider);
    }

    [Fact]
    public void TryRead_StoredFallbackResult_IsTheFallbackProviderAndItsVerdictIsFallback()
    {
        var stored = SummaryJson.TryRead(Encoding.UTF8.GetBytes(StoredFallback), out var problem);

        Assert.Null(problem);
        Assert.NotNull(stored);
        Assert.Equal(ModelProvider.ExtractiveFallback, stored.Model.Provider);
        Assert.True(stored.Model.Provider.IsFallback);
        var article = new ArticleVersion("\"0x1\"", new string('a', 64));
        Assert.Equal(ResultState.Fallback, ResultClassifier.Classify(stored, article, ModelProvider.OpenAI, "bilingual-1", Brief()));
    }

    [Fact]
    public void Serialize_StoredFallbackResultReadBack_IsByteIdentical()
    {
        var stored = SummaryJson.TryRead(Encoding.UTF8.GetBytes(StoredFallback), out _);

        Assert.Equal(StoredFallback, Encoding.UTF8.GetString(SummaryJson.Serialize(stored!)));
    }

    [Fact]
    public void TryRead_UnknownProvider_KeepsItsNameAndIsStaleNotFallback()
    {
        var json = StoredFallback.Replace("Extractive (fallback)", "Ollama (local)", StringComparison.Ordinal);

        var stored = SummaryJson.TryRead(Encoding.UTF8.GetBytes(json), out var problem);

        Assert.Null(problem);
        Assert.NotNull(stored);
        Assert.DoesNotContain(
            stored.Model.Provider, new[] { ModelProvider.Extractive, ModelProvider.AzureOpenAI, ModelProvider.OpenAI, ModelProvider.ExtractiveFallback });
        Assert.False(stored.Model.Provider.IsFallback);
        Assert.Equal("Ollama (local)", stored.Model.Provider.Name);
        Assert.Equal(json, Encoding.UTF8.GetString(SummaryJson.Serialize(stored)));
        var article = new ArticleVersion("\"0x1\"", new string('a', 64));
        Assert.Equal(ResultState.Stale, ResultClassifier.Classify(stored, article, ModelProvider.OpenAI, "bilingual-1", Brief()));
    }

    private static SummaryLength Brief() => SummaryLength.TryParse("brief", out var length, out _) ? length : throw new InvalidOperationException();

    private static SummaryDocument Document() => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, "Summary"),
        Source = new SourceInfo("articles", "x.txt", "\"1\"", new string('a', 64), "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.AzureOpenAI, "m", "bilingual-1", 1, 1),
    };
}
