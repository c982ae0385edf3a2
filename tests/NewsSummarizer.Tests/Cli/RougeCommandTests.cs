using NewsSummarizer.Cli;
using NewsSummarizer.Evaluation;

namespace NewsSummarizer.Tests.Cli;

public sealed class RougeCommandTests
{
    [Fact]
    public void Score_MisalignedLines_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<InvalidDataException>(() => RougeCommand.Score(["a b", "c d"], ["a b"], CreateSut()));

        Assert.Contains("2 candidate", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AlignedLines_AveragesPerLine()
    {
        var scores = RougeCommand.Score(["the cat sat", "dogs bark loudly"], ["the cat sat", "birds sing softly"], CreateSut());

        Assert.Equal(0.5, scores.Rouge1.F1, precision: 6);
        Assert.Equal(0.5, scores.RougeL.F1, precision: 6);
    }

    private static Rouge CreateSut() => new(stem: false);
}
