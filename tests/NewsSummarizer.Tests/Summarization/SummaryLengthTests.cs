namespace NewsSummarizer.Tests.Summarization;

public sealed class SummaryLengthTests
{
    [Theory]
    [InlineData("brief", 1, "brief")]
    [InlineData("SHORT", 2, "short")]
    [InlineData(" medium ", 4, "medium")]
    [InlineData("long", 7, "long")]
    [InlineData("1", 1, "1")]
    [InlineData("20", 20, "20")]
    public void TryParse_NamedSizeOrCount_ReturnsSentencesAndLabel(string text, int sentences, string label)
    {
        Assert.True(SummaryLength.TryParse(text, out var length, out var error));

        Assert.Null(error);
        Assert.Equal(sentences, length.Sentences);
        Assert.Equal(label, length.Label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParse_NullOrBlank_ReturnsDefault(string? text)
    {
        Assert.True(SummaryLength.TryParse(text, out var length, out _));

        Assert.True(length.IsDefault);
        Assert.Null(length.Label);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("tiny")]
    [InlineData("+3")]
    public void TryParse_BadValue_FailsNamingTheAllowedValues(string text)
    {
        Assert.False(SummaryLength.TryParse(text, out _, out var error));

        Assert.NotNull(error);
        Assert.Contains($"'{text.Trim()}'", error, StringComparison.Ordinal);
        Assert.Contains("brief, short, medium, long or a sentence count from 1 to 20", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brief", "brief", true)]
    [InlineData("brief", "1", true)]
    [InlineData("brief", "3", false)]
    [InlineData("3", null, false)]
    [InlineData(null, null, true)]
    [InlineData(null, "medium", false)]
    [InlineData("3", "nonsense", false)]
    public void Matches_RecordedLabel_ComparesTheSummaryAskedFor(string? requested, string? recorded, bool expected)
    {
        Assert.True(SummaryLength.TryParse(requested, out var length, out _));

        Assert.Equal(expected, length.Matches(recorded));
    }
}
