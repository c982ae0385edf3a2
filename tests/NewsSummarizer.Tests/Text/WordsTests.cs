using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

public sealed class WordsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two  words ", 2)]
    [InlineData("قال الوزير — إن", 3)]
    [InlineData("2026 12 07", 3)]
    [InlineData("see https://example.com now", 3)]
    [InlineData("a\u2009thin\u00A0space", 3)]
    public void Count_Text_CountsTokensWithLettersOrDigits(string text, int expected) =>
        Assert.Equal(expected, Words.Count(text));

    [Theory]
    [InlineData("2026 12 07", 0)] // numbers alone are no prose
    [InlineData("see https://example.com and www.example.com or me@example.com now", 4)]
    [InlineData("قال الوزير — إن", 3)]
    [InlineData("mailto@host without a dot", 4)]
    public void CountProse_Text_CountsWordsWithALetterThatAreNotLinks(string text, int expected) =>
        Assert.Equal(expected, Words.CountProse(text));

    [Theory]
    [InlineData("one two three", 2, "one two")]
    [InlineData("one — two three", 2, "one — two")] // a dash is no word, so it does not end the count
    [InlineData("one two", 5, "one two")]
    [InlineData("one two", 0, "")]
    public void Prefix_Text_EndsAfterTheNthCountedWord(string text, int words, string expected) =>
        Assert.Equal(expected, Words.Prefix(text, words));

    [Fact]
    public void Prefix_AnyCount_HasExactlyThatManyWordsAsCountCountsThem()
    {
        const string text = "قال الوزير — إن 2026 سيكون https://x.y عاما صعبا ، on   the whole.";
        for (var n = 0; n <= Words.Count(text); n++)
        {
            Assert.Equal(n, Words.Count(Words.Prefix(text, n)));
        }
    }
}
