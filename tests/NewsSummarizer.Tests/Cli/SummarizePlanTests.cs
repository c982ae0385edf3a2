using NewsSummarizer.Cli;

namespace NewsSummarizer.Tests.Cli;

public sealed class SummarizePlanTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("newsum-plan-").FullName;

    [Fact]
    public void Length_RatioAndSentences_ReturnsErrorNamingBoth()
    {
        var length = SummarizePlan.Length(0.3, 3, out var error);

        Assert.Null(length);
        Assert.Contains("--ratio", error, StringComparison.Ordinal);
        Assert.Contains("--sentences", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Length_RatioOutOfRange_ReturnsError(double ratio)
    {
        Assert.Null(SummarizePlan.Length(ratio, null, out var error));
        Assert.Contains("--ratio", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_ZeroSentences_ReturnsError()
    {
        Assert.Null(SummarizePlan.Length(null, 0, out var error));
        Assert.Contains("--sentences", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0.25, null)]
    [InlineData(1.0, null)]
    [InlineData(null, 4)]
    public void Length_ValidOptions_MapsToSummaryLength(double? ratio, int? sentences)
    {
        var length = SummarizePlan.Length(ratio, sentences, out var error);

        Assert.Null(error);
        Assert.Equal(new SummaryLength(ratio, sentences), length);
        Assert.Equal(ratio is null && sentences is null, length!.IsDefault);
    }

    [Fact]
    public void Expand_FolderWithOutput_WritesBesideRelativePathAndSkipsResults()
    {
        var articles = Path.Combine(root, "in");
        Write(Path.Combine(articles, "a.txt"));
        Write(Path.Combine(articles, "world", "b.txt"));
        Write(Path.Combine(articles, "world", "b.txt.summary.json"));
        Write(Path.Combine(articles, ".hidden"));
        var output = Path.Combine(root, "out");

        var items = SummarizePlan.Expand([articles], output);

        Assert.Equal(["a.txt", "world/b.txt"], items.Select(i => i.Name));
        Assert.Equal(Path.Combine(output, "world", "b.txt.summary.json"), items[1].OutputPath);
    }

    [Fact]
    public void Expand_FileWithoutOutput_UsesFileNameAndNoOutputPath()
    {
        var file = Path.Combine(root, "deep", "x.md");
        Write(file);

        var item = Assert.Single(SummarizePlan.Expand([file], null));

        Assert.Equal("x.md", item.Name);
        Assert.Equal(file, item.Path);
        Assert.Null(item.OutputPath);
    }

    [Fact]
    public void Expand_TwoInputsSameName_ThrowsBeforeWriting()
    {
        Write(Path.Combine(root, "one", "a.txt"));
        Write(Path.Combine(root, "two", "a.txt"));

        var error = Assert.Throws<ArgumentException>(() =>
            SummarizePlan.Expand([Path.Combine(root, "one"), Path.Combine(root, "two")], Path.Combine(root, "out")));

        Assert.Contains("a.txt.summary.json", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "out")));
    }

    [Fact]
    public void Expand_MissingPath_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => SummarizePlan.Expand([Path.Combine(root, "nope")], null));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "text");
    }
}
