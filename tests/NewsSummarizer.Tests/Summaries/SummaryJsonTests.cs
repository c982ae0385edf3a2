using System.Text;
using System.Text.Json.Nodes;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Summaries;

public sealed class SummaryJsonTests
{
    private static readonly SummaryDocument Valid = new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, "Summary"),
        Source = new SourceInfo("articles", "x.txt", "\"1\"", new string('a', 64), "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.AzureOpenAI, "m", "bilingual-1", 1, 1),
    };

    [Fact]
    public void TryRead_DocumentTheServiceWrites_RoundTrips()
    {
        var document = SummaryJson.TryRead(SummaryJson.Serialize(Valid), out var problem);

        Assert.Null(problem);
        Assert.Equal(Valid.Source, document?.Source);
        Assert.Equal(Valid.Model, document?.Model);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("source")]
    [InlineData("status")]
    [InlineData("language")]
    public void TryRead_NullWhereTheContractPromisesAValue_IsRejectedWithAReason(string field)
    {
        var json = JsonNode.Parse(SummaryJson.Serialize(Valid))!;
        json[field] = null;

        var document = SummaryJson.TryRead(Encoding.UTF8.GetBytes(json.ToJsonString()), out var problem);

        Assert.Null(document);
        Assert.Contains("schema", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NullProvider_IsRejected()
    {
        var json = JsonNode.Parse(SummaryJson.Serialize(Valid))!;
        json["model"]!["provider"] = null;

        Assert.Null(SummaryJson.TryRead(Encoding.UTF8.GetBytes(json.ToJsonString()), out _));
    }

    [Fact]
    public void TryRead_OverTheSizeCap_IsRejectedWithoutParsing()
    {
        var bytes = new byte[SummaryJson.MaxResultBytes + 1];

        Assert.Null(SummaryJson.TryRead(bytes, out var problem));
        Assert.Contains("bytes", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"schemaVersion\":2}")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]")]
    public void TryRead_NotAResultDocument_IsRejected(string json)
    {
        Assert.Null(SummaryJson.TryRead(Encoding.UTF8.GetBytes(json), out var problem));
        Assert.NotNull(problem);
    }
}
