using Microsoft.AspNetCore.Http;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Http;

/// <summary><c>POST /api/summaries</c> with <c>?length=</c> or a JSON <c>length</c> field, on both providers.</summary>
public sealed class SummariesApiLengthTests
{
    private readonly List<SummaryLength> asked = [];

    [Fact]
    public async Task SummarizeAsync_LengthQueryOnExtractive_ReturnsThatManySentencesAndRecordsIt()
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: "?length=brief");

        var result = (await CreateSut(SummarizerProvider.Extractive).SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        var document = Assert.IsType<SummaryDocument>(result.Value);
        Assert.Equal("brief", document.Length);
        Assert.Equal(1, LengthTarget.CountSentences(document.Summary.En!));
    }

    [Fact]
    public async Task SummarizeAsync_LengthQueryOnModel_PassesItToTheModelAndRecordsIt()
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: "?length=6");

        var result = (await CreateSut(SummarizerProvider.AzureOpenAI).SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.Equal(6, Assert.Single(asked).Sentences);
        Assert.Equal("6", Assert.IsType<SummaryDocument>(result.Value).Length);
    }

    [Theory]
    [InlineData("long", 7)]
    [InlineData(2, 2)]
    public async Task SummarizeAsync_JsonLengthField_PassesItToTheModel(object length, int sentences)
    {
        var context = HttpTestData.PostJson(new { text = HttpTestData.English, title = "Budget", length });

        var result = (await CreateSut(SummarizerProvider.AzureOpenAI).SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.Equal(sentences, Assert.Single(asked).Sentences);
    }

    [Fact]
    public async Task SummarizeAsync_QueryAndJsonField_QueryWins()
    {
        var context = HttpTestData.PostJson(new { text = HttpTestData.English, length = "long" }, query: "?length=short");

        await CreateSut(SummarizerProvider.AzureOpenAI).SummarizeAsync(context.Request, default);

        Assert.Equal("short", Assert.Single(asked).Name);
    }

    [Fact]
    public async Task SummarizeAsync_NoLength_AsksForTheDefaultAndRecordsNone()
    {
        var context = HttpTestData.PostText(HttpTestData.English);

        var result = (await CreateSut(SummarizerProvider.AzureOpenAI).SummarizeAsync(context.Request, default)).AsApi();

        Assert.True(Assert.Single(asked).IsDefault);
        Assert.Null(Assert.IsType<SummaryDocument>(result.Value).Length);
    }

    [Theory]
    [InlineData("?length=huge")]
    [InlineData("?length=0")]
    [InlineData("?length=21")]
    public async Task SummarizeAsync_BadLengthQuery_Returns400NamingTheAllowedValues(string query)
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: query);

        var result = await CreateSut(SummarizerProvider.AzureOpenAI).SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        var problem = result.Problem();
        Assert.Equal("invalid-length", problem.Code);
        Assert.Contains("brief, short, medium, long or a sentence count from 1 to 20", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(asked);
    }

    [Fact]
    public async Task SummarizeAsync_BadJsonLengthField_Returns400()
    {
        var context = HttpTestData.PostJson(new { text = HttpTestData.English, length = "tiny" });

        var result = await CreateSut(SummarizerProvider.Extractive).SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal("invalid-length", result.Problem().Code);
    }

    private SummariesApi CreateSut(SummarizerProvider provider)
    {
        var options = Options.Create(new SummarizerOptions { Provider = provider, MaxArticleBytes = 64 * 1024 });
        return TestApis.Summaries(options, TestData.ModelSummarizer(provider.ToString(), "v1", asked, "Summary.").Object);
    }
}
