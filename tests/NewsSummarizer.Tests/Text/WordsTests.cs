using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

public sealed class WordsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two  words ", 2)]
    [InlineData("قال الوزير — إن", 3)]
    public void Count_Text_CountsTokensWithLettersOrDigits(string text, int expected) =>
        Assert.Equal(expected, CreateSut(text));

    private static int CreateSut(string text) => Words.Count(text);
}
