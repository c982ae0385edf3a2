using System.Text;
using NewsSummarizer.Cli;

namespace NewsSummarizer.Tests.Cli;

/// <summary><c>--length</c> of <c>newsum summarize</c> and <c>newsum upload</c>, the latter two run as their own process.</summary>
public sealed class LengthOptionTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("newsum-length-").FullName;

    [Fact]
    public void Length_LengthOption_ParsesNamedSize()
    {
        var length = SummarizePlan.Length(null, null, out var error, "medium");

        Assert.Null(error);
        Assert.Equal(4, length?.Sentences);
        Assert.Equal("medium", length?.Label);
    }

    [Fact]
    public void Length_LengthWithSentences_ReturnsErrorNamingTheOptions()
    {
        Assert.Null(SummarizePlan.Length(null, 3, out var error, "brief"));
        Assert.Contains("--length", error, StringComparison.Ordinal);
        Assert.Contains("--sentences", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_BadLength_ReturnsErrorNamingTheAllowedValues()
    {
        Assert.Null(SummarizePlan.Length(null, null, out var error, "huge"));
        Assert.Contains("brief, short, medium, long or a sentence count from 1 to 20", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_LengthBriefOnExtractive_WritesOneSentenceRecordingTheLength()
    {
        var input = Path.Combine(root, "article.txt");
        await File.WriteAllTextAsync(input, SampleTexts.English, new UTF8Encoding(false));
        var output = Path.Combine(root, "out");

        var (exitCode, log) = await NewsumProcess.RunAsync("summarize", input, "--out", output, "--provider", "Extractive", "--length", "brief");

        Assert.True(exitCode == 0, $"newsum exited with {exitCode}:\n{log}");
        var document = SummaryJson.TryDeserialize(await File.ReadAllBytesAsync(Path.Combine(output, "article.txt.summary.json")));
        Assert.NotNull(document);
        Assert.Equal("brief", document.Length);
        Assert.Equal(1, LengthTarget.CountSentences(document.Summary.En!));
    }

    [Theory]
    [InlineData("summarize")]
    [InlineData("upload")]
    public async Task Command_BadLength_FailsNamingTheAllowedValues(string command)
    {
        var input = Path.Combine(root, "article.txt");
        await File.WriteAllTextAsync(input, SampleTexts.English, new UTF8Encoding(false));

        var (exitCode, log) = await NewsumProcess.RunAsync(command, input, "--length", "huge");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("The length 'huge' is not valid: use brief, short, medium, long or a sentence count from 1 to 20.", log, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
