using System.Globalization;
using System.Text.Json;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.Tests.Processing.Retries;

/// <summary>Anyone with the queue role can put a message on article-retries (issue 25 forged them): every field is
/// checked before the message may act.</summary>
public sealed class RetryMessageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(ArticleRetryOptions.DeferralsLimit + 1)]
    [InlineData(int.MaxValue)]
    public void TryParse_DeferralsOutsideWhatTheServiceWrites_IsRefused(int deferrals) =>
        Assert.Null(RetryMessage.TryParse(Message(deferrals: deferrals)));

    [Fact]
    public void TryParse_FirstDeferralAfterTheRetry_IsRefused() =>
        Assert.Null(RetryMessage.TryParse(Message(first: "2026-11-29T11:00:00Z", retryAt: "2026-11-29T10:00:30Z")));

    [Fact]
    public void TryParse_HugeHistory_IsCutToWhatThePlannerWouldHaveWritten()
    {
        var history = Enumerable.Range(0, 1000).Select(i => $"{i}:" + new string('x', 10_000)).ToArray();

        var message = RetryMessage.TryParse(Message(history: history));

        Assert.NotNull(message);
        Assert.Equal(ArticleRetryOptions.DeferralsLimit, message.History.Count);
        Assert.All(message.History, line => Assert.True(line.Length <= RetryMessage.MaxHistoryLine + 1));
        Assert.StartsWith("999:", message.History[^1], StringComparison.Ordinal); // the latest lines are kept
    }

    [Fact]
    public void TryParse_MessageTheServiceWrites_RoundTrips()
    {
        var written = new RetryMessage("articles", "a/x.txt", "\"v1\"", 3, DateTimeOffset.Parse("2026-11-29T10:00:00Z", CultureInfo.InvariantCulture),
            DateTimeOffset.Parse("2026-11-29T10:02:00Z", CultureInfo.InvariantCulture), ["one", "two", "three"]);

        var parsed = RetryMessage.TryParse(written.ToJson());

        Assert.Equal(written with { History = [] }, parsed! with { History = [] });
        Assert.Equal(written.History, parsed.History);
    }

    private static string Message(
        int deferrals = 1, string first = "2026-11-29T10:00:00Z", string retryAt = "2026-11-29T10:00:30Z", string[]? history = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["container"] = "articles",
            ["name"] = "a/x.txt",
            ["etag"] = "\"v1\"",
            ["deferrals"] = deferrals,
            ["firstDeferredAt"] = first,
            ["retryAt"] = retryAt,
            ["history"] = history ?? [],
        });
}
