using System.Reflection;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Http;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Summaries;

/// <summary>One failure model: the disposition decides the stored status and the HTTP status, and docs/errors.md is
/// the one table of codes.</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData("too-short", StatusCodes.Status422UnprocessableEntity, SummaryStatus.Rejected)]
    [InlineData("content-filtered", StatusCodes.Status422UnprocessableEntity, SummaryStatus.Rejected)]
    [InlineData("empty", StatusCodes.Status400BadRequest, SummaryStatus.Rejected)]
    [InlineData("invalid-json", StatusCodes.Status400BadRequest, SummaryStatus.Rejected)]
    [InlineData("model-not-found", StatusCodes.Status502BadGateway, SummaryStatus.Failed)]
    [InlineData("retries-exhausted", StatusCodes.Status502BadGateway, SummaryStatus.Failed)]
    [InlineData("model-unavailable", StatusCodes.Status503ServiceUnavailable, SummaryStatus.Waiting)]
    [InlineData("model-throttled", StatusCodes.Status429TooManyRequests, SummaryStatus.Waiting)]
    public void ForFailure_Code_AnswersTheStatusOfItsDisposition(string code, int http, SummaryStatus stored)
    {
        var failure = new Failure(code, FailureCodes.DispositionOf(code), "what happened and what to do");

        var result = ApiResult.ForFailure(failure, retryAfter: TimeSpan.FromSeconds(7));

        Assert.Equal(http, result.StatusCode);
        Assert.Equal(stored, failure.Status);
        Assert.Equal(code, ((ApiProblem)result.Value).Code);
        // Only a transient failure tells the client to come back.
        Assert.Equal(failure.Disposition == Disposition.Transient, result.Headers.ContainsKey("Retry-After"));
    }

    [Theory]
    [InlineData(SummaryStatus.Rejected, Disposition.Rejected)]
    [InlineData(SummaryStatus.Failed, Disposition.Failed)]
    [InlineData(SummaryStatus.Waiting, Disposition.Transient)]
    public void Of_StoredResult_ReadsTheDispositionBackFromItsStatus(SummaryStatus status, Disposition expected)
    {
        var document = Document() with { Status = status, Error = new ErrorInfo("some-code", "message") };

        var failure = Failure.Of(document);

        Assert.Equal(new Failure("some-code", expected, "message"), failure);
    }

    [Fact]
    public void Of_OkResult_IsNoFailure() => Assert.Null(Failure.Of(Document() with { Status = SummaryStatus.Ok }));

    [Fact]
    public async Task ErrorsDoc_ListsEveryCodeWithTheDispositionTheCodeHas()
    {
        var rows = (await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "docs", "errors.md")))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal) && !line.StartsWith("| `error.code`", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => cells[2]);
        var codes = new[] { typeof(ArticleErrorCodes), typeof(ModelErrorCodes), typeof(FailureCodes) }
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(codes, code => Assert.Equal(FailureCodes.DispositionOf(code).ToString().ToLowerInvariant(), rows[code]));
    }

    private static SummaryDocument Document() => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Source = new SourceInfo("articles", "x.txt", "\"1\"", new string('a', 64), "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.AzureOpenAI, "m", "bilingual-1", 1, 1),
    };
}
