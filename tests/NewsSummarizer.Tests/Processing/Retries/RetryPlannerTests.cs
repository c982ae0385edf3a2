using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.Tests.Processing.Retries;

public sealed class RetryPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly ArticleRetryOptions options = new();
    private double jitter = 0.5;

    [Fact]
    public void Decide_FirstFailureWithoutRetryAfter_SchedulesAboutTheBaseDelay()
    {
        var decision = Assert.IsType<ScheduleRetry>(Decide(previous: null, Unavailable()));

        Assert.Equal(TimeSpan.FromSeconds(30), decision.Delay); // jitter 0.5: exactly the base
        Assert.Equal(1, decision.Message.Deferrals);
        Assert.Equal(Start, decision.Message.FirstDeferredAt);
        Assert.Equal(Start + TimeSpan.FromSeconds(30), decision.Message.RetryAt);
        Assert.Equal(("articles", "a/x.txt", "\"v1\""), (decision.Message.Container, decision.Message.Name, decision.Message.ETag));
        Assert.Contains("attempt 1: The model answered HTTP 503", Assert.Single(decision.Message.History), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 24)]
    [InlineData(0.999999, 36)]
    public void Decide_Jitter_StaysWithinTwentyPercentOfTheBackoff(double value, int expectedSeconds)
    {
        jitter = value;

        var decision = Assert.IsType<ScheduleRetry>(Decide(previous: null, Unavailable()));

        Assert.Equal(expectedSeconds, decision.Delay.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Decide_LaterDeferrals_DoubleUpToMaxDelay()
    {
        options.MaxTotalWait = TimeSpan.FromDays(1);
        var delays = new List<TimeSpan>();
        RetryMessage? previous = null;
        for (var i = 0; i < 8; i++)
        {
            var decision = Assert.IsType<ScheduleRetry>(Decide(previous, Unavailable()));
            delays.Add(decision.Delay);
            previous = decision.Message;
        }

        Assert.Equal([30, 60, 120, 240, 480, 960, 1800, 1800], delays.Select(d => (int)d.TotalSeconds));
        Assert.Equal(8, previous!.History.Count);
    }

    [Fact]
    public void Decide_ModelSentRetryAfter_WaitsExactlyThatLong()
    {
        var decision = Assert.IsType<ScheduleRetry>(Decide(previous: null, Unavailable(TimeSpan.FromMinutes(5))));

        Assert.Equal(TimeSpan.FromMinutes(5), decision.Delay);
        Assert.Contains("Retry-After 300 s", decision.Message.History[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RetryAfterShorterThanBaseDelay_WaitsTheBaseDelay()
    {
        var decision = Assert.IsType<ScheduleRetry>(Decide(previous: null, Unavailable(TimeSpan.FromSeconds(1))));

        Assert.Equal(TimeSpan.FromSeconds(30), decision.Delay);
    }

    [Fact]
    public void Decide_DeferralsSpent_GivesUpWithTheHistory()
    {
        options.MaxDeferrals = 2;
        var first = Assert.IsType<ScheduleRetry>(Decide(previous: null, Unavailable()));
        time.Advance(first.Delay);
        var second = Assert.IsType<ScheduleRetry>(Decide(first.Message, Unavailable()));
        time.Advance(second.Delay);

        var giveUp = Assert.IsType<GiveUp>(Decide(second.Message, Unavailable(TimeSpan.FromSeconds(40))));

        Assert.Contains("through 3 attempts over 90 s", giveUp.Reason, StringComparison.Ordinal);
        Assert.Contains("Retries__MaxDeferrals 2", giveUp.Reason, StringComparison.Ordinal);
        Assert.Contains("attempt 1:", giveUp.Reason, StringComparison.Ordinal);
        Assert.Contains("attempt 3:", giveUp.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RetryAfterBeyondTheTotalWait_GivesUpAtOnce()
    {
        // Azure OpenAI sends a day when the quota is spent: waiting that long is past Retries__MaxTotalWait (2 h).
        var giveUp = Assert.IsType<GiveUp>(Decide(previous: null, Unavailable(TimeSpan.FromDays(1))));

        Assert.Contains("the next wait would have been 1440 min", giveUp.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoDeferralsAllowed_GivesUpOnTheFirstFailure()
    {
        options.MaxDeferrals = 0;

        Assert.IsType<GiveUp>(Decide(previous: null, Unavailable()));
    }

    [Fact]
    public void Decide_LongHistoryLine_IsCut()
    {
        var decision = Assert.IsType<ScheduleRetry>(Decide(previous: null, new ModelUnavailableException(new string('x', 2000))));

        Assert.True(decision.Message.History[0].Length <= RetryMessage.MaxHistoryLine + 1);
    }

    [Fact]
    public void TryParse_RoundTrip_KeepsEveryField()
    {
        var message = Assert.IsType<ScheduleRetry>(Decide(previous: null, Unavailable())).Message;

        var parsed = RetryMessage.TryParse(message.ToJson());

        Assert.Equal(message.ToJson(), parsed?.ToJson());
        Assert.Equal(message.RetryAt, parsed?.RetryAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"container":"articles","name":"a.txt","etag":"\"v1\"","deferrals":0}""")]
    [InlineData("""{"container":"articles","name":"","etag":"\"v1\"","deferrals":1}""")]
    public void TryParse_NotAScheduledAttempt_IsNull(string? json) => Assert.Null(RetryMessage.TryParse(json));

    [Theory]
    [InlineData(8)]
    [InlineData(ArticleRetryOptions.DeferralsLimit)]
    public void Decide_MessageAlreadyAtTheConfiguredMaximum_GivesUpWithoutOverflow(int deferrals)
    {
        // A forged count past MaxDeferrals (8 by default) gives up cleanly: no overflow, no negative attempt number.
        var previous = new RetryMessage("articles", "a/x.txt", "\"v1\"", deferrals, Start, Start, []);

        var decision = Assert.IsType<GiveUp>(Decide(previous, Unavailable()));

        Assert.Contains($"through {deferrals + 1} attempts", decision.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("-", decision.Reason.Split("History")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FirstDeferralInTheFuture_CountsTheWaitFromNow()
    {
        var previous = new RetryMessage("articles", "a/x.txt", "\"v1\"", 1, Start.AddDays(30), Start.AddDays(30), []);

        var decision = Assert.IsType<ScheduleRetry>(Decide(previous, Unavailable()));

        Assert.Equal(Start, decision.Message.FirstDeferredAt);
    }

    private RetryDecision Decide(RetryMessage? previous, ModelUnavailableException failure) =>
        new RetryPlanner(Options.Create(options), time, () => jitter).Decide("articles", "a/x.txt", "\"v1\"", previous, failure);

    private static ModelUnavailableException Unavailable(TimeSpan? retryAfter = null) =>
        new("The model answered HTTP 503 on every attempt.", throttled: false, retryAfter, new HttpRequestException("503"));
}
