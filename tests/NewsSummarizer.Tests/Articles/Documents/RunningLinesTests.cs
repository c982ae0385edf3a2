using NewsSummarizer.Articles.Documents;

namespace NewsSummarizer.Tests.Articles.Documents;

public sealed class RunningLinesTests
{
    [Theory]
    [InlineData("7", true)]
    [InlineData("- 7 -", true)]
    [InlineData("Page 7", true)]
    [InlineData("7 / 12", true)]
    [InlineData("Page 3 of 12", true)]
    [InlineData("صفحة ٧ من ١٢", true)]
    [InlineData("7 killed in storm", false)]
    [InlineData("2024 budget passed", false)]
    public void IsPageNumber_Line_RecognisesOnlyBareNumbers(string line, bool expected)
    {
        Assert.Equal(expected, RunningLines.IsPageNumber(line));
    }

    [Fact]
    public void Find_SameLineSameHeightOnMostPages_MarksItOnEveryPage()
    {
        var pages = Enumerable.Range(1, 4).Select(p => (IReadOnlyList<RunningLines.Line>)
        [
            new($"The Daily Example, issue {p}", 820, 812, 842),
            new($"Body text of page {p} that differs.", 700, 690, 842),
            new("The Daily Example, issue 9", 400, 390, 842),
        ]).ToList();

        var running = RunningLines.Find(pages);

        Assert.All(running, r => Assert.Equal([0], r.Order()));
    }

    [Fact]
    public void Find_OnePage_MarksNothing()
    {
        IReadOnlyList<RunningLines.Line> page = [new("The Daily Example", 820, 812, 842)];

        Assert.Empty(RunningLines.Find([page])[0]);
    }
}
