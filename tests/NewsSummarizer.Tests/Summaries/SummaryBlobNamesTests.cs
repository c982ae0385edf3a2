namespace NewsSummarizer.Tests.Summaries;

public sealed class SummaryBlobNamesTests
{
    [Theory]
    [InlineData("x.txt", "x.txt.summary.json")]
    [InlineData("a/b/x.txt", "a/b/x.txt.summary.json")]
    [InlineData("news/٢٠٢٦/خبر.html", "news/٢٠٢٦/خبر.html.summary.json")]
    public void ResultFor_ArticleName_AppendsSuffixInSameFolder(string article, string expected) =>
        Assert.Equal(expected, SummaryBlobNames.ResultFor(article));

    [Theory]
    [InlineData("x.summary.json", true)]
    [InlineData("a/x.txt.SUMMARY.JSON", true)]
    [InlineData("x.summary.json.summary.json", true)]
    [InlineData("x.summary.json.txt", false)]
    [InlineData("summary.json.txt", false)]
    public void IsResult_Name_RecognisesResultDocuments(string name, bool expected) =>
        Assert.Equal(expected, SummaryBlobNames.IsResult(name));

    [Fact]
    public void ResultFor_ResultName_Throws() =>
        Assert.Throws<ArgumentException>(() => SummaryBlobNames.ResultFor("x.txt.summary.json"));
}
