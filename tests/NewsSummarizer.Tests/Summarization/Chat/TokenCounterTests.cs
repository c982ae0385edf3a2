using Microsoft.ML.Tokenizers;

namespace NewsSummarizer.Tests.Summarization.Chat;

/// <summary>Token counts stay the tokenizer's for prose and close to it for runs without spaces, whose exact count
/// costs the square of their length.</summary>
public sealed class TokenCounterTests
{
    private static readonly TokenCounter Sut = new();
    private static readonly TiktokenTokenizer Tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public static TheoryData<string> Prose => new()
    {
        SampleTexts.English,
        SampleTexts.Arabic,
        SampleTexts.Mixed,
        string.Join("\n\n", Enumerable.Repeat(SampleTexts.Arabic, 200)),
        "https://example.com/a/very/long/path/with-many-segments/and-words?query=1&other=2#fragment " + SampleTexts.English,
    };

    [Theory]
    [MemberData(nameof(Prose))]
    public void Count_Prose_EqualsTheTokenizer(string text)
    {
        Assert.Equal(Tokenizer.CountTokens(text), Sut.Count(text));
    }

    [Theory]
    [InlineData('a', 20_000)]
    [InlineData('م', 20_000)]
    [InlineData('!', 20_000)]
    [InlineData(' ', 20_000)]
    public void Count_LongRunWithoutBreaks_StaysWithinTwoPercentOfTheTokenizer(char kind, int length)
    {
        var run = Run(kind, length);

        var exact = Tokenizer.CountTokens(run);
        var counted = Sut.Count(run);

        Assert.InRange(counted, exact * 0.98, exact * 1.02 + 2);
    }

    [Fact]
    public async Task Count_MillionLetterRun_Finishes()
    {
        // Quadratic before: 200,000 letters took 7.5 s and a million did not finish in two minutes. The guard only
        // keeps a regression from hanging the run.
        var run = Run('a', 1_000_000);

        var count = await Task.Run(() => Sut.Count(run)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.InRange(count, 1_000_000 / 20, 1_000_000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(5_000)]
    public void PrefixLength_LongRun_PrefixFitsAndOneMoreCharacterDoesNot(int maxTokens)
    {
        var run = Run('a', 200_000);

        var length = Sut.PrefixLength(run, maxTokens);

        Assert.InRange(Sut.Count(run[..length]), 1, maxTokens);
        Assert.True(Sut.Count(run[..(length + 1)]) > maxTokens || length == run.Length);
    }

    [Fact]
    public void PrefixLength_Prose_MatchesTheTokenizer()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(SampleTexts.English, 20));

        Assert.Equal(Tokenizer.GetIndexByTokenCount(text, 300, out _, out _), Sut.PrefixLength(text, 300));
    }

    private static string Run(char kind, int length)
    {
        // Letters vary so that byte-pair merges do not collapse the run into a few repeated tokens.
        var random = new Random(14);
        return kind switch
        {
            'a' => string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) { span[i] = (char)('a' + r.Next(26)); } }),
            'م' => string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) { span[i] = (char)('\u0628' + r.Next(20)); } }),
            _ => new string(kind, length),
        };
    }
}
