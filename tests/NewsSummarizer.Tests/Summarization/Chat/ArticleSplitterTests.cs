namespace NewsSummarizer.Tests.Summarization.Chat;

public sealed class ArticleSplitterTests
{
    private const int Budget = 500;
    private static readonly TokenCounter Tokens = new();

    [Fact]
    public void Split_TextWithinBudget_ReturnsOnePartWithEveryParagraph()
    {
        var parts = CreateSut().Split(SampleTexts.English, Budget);

        Assert.Equal(SampleTexts.English.Replace("\n\n", "\n", StringComparison.Ordinal), Assert.Single(parts));
    }

    [Fact]
    public void Split_ManyArabicParagraphs_KeepsParagraphsWholeAndPartsWithinBudget()
    {
        var paragraphs = Enumerable.Range(0, 30).Select(i => SampleTexts.Arabic.Replace("\n\n", " ", StringComparison.Ordinal) + " " + i).ToList();

        var parts = CreateSut().Split(string.Join("\n\n", paragraphs), Budget);

        Assert.True(parts.Count > 1);
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Split('\n')));
        Assert.All(parts, p => Assert.InRange(Tokens.Count(p), 1, Budget));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("؟")]
    [InlineData("…")]
    public void Split_OversizedParagraph_CutsAfterASentenceEnd(string mark)
    {
        // One paragraph of 40 sentences of 9 words: over a 100-token budget it is cut, and every cut falls after a
        // sentence's closing mark once a part is three quarters full.
        var sentence = string.Join(" ", Enumerable.Repeat("word", 8)) + " end" + mark;
        var paragraph = string.Join(' ', Enumerable.Repeat(sentence, 40));

        var parts = CreateSut().Split(paragraph, 100);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.EndsWith("end" + mark, p, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_RunWithoutSpacesLongerThanBudget_CutsItWithinBudgetLosingNothing()
    {
        var run = string.Concat(Enumerable.Range(0, 3000).Select(i => (char)('a' + (i * 7 % 26))));

        var parts = CreateSut().Split("Intro paragraph.\n\n" + run, Budget);

        Assert.All(parts, p => Assert.InRange(Tokens.Count(p), 1, Budget));
        Assert.Equal("Introparagraph." + run, string.Concat(parts.SelectMany(p => p.Split('\n', ' '))));
    }

    [Fact]
    public async Task Split_MillionLetterRun_CutsWithinBudgetLosingNothing()
    {
        // Quadratic before (the remaining run was recounted at every cut); the guard only keeps a regression from
        // hanging the run.
        var random = new Random(14);
        var run = string.Create(1_000_000, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });

        var parts = await Task.Run(() => CreateSut().Split(run, 24_000)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(parts, p => Assert.InRange(Tokens.Count(p), 1, 24_000));
        Assert.Equal(run, string.Concat(parts.SelectMany(p => p.Split('\n', ' '))));
    }

    private static ArticleSplitter CreateSut() => new(Tokens);
}
