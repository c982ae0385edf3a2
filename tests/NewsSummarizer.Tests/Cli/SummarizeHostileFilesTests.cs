using System.Text;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Cli;

/// <summary><c>newsum summarize</c> over a folder of hostile files, run as its own process (so a regression that
/// crashes the process fails this test instead of the test run): each file gets a recorded result and the run goes on.</summary>
public sealed class SummarizeHostileFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("newsum-hostile-").FullName;

    [Fact]
    public async Task Summarize_FolderWithHostileFiles_RecordsARejectionForEachAndSummarisesTheRest()
    {
        var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
        var output = Path.Combine(root, "out");
        var files = new Dictionary<string, (string Content, SummaryStatus Status, string? Code)>
        {
            ["deep.html"] = ("<html><body><p>" + SampleTexts.English + "</p>" + Repeat("<b>", 100_000) + "</body></html>", SummaryStatus.Rejected, ArticleErrorCodes.TooComplex),
            ["quotes.md"] = (SampleTexts.English + "\n\n" + Repeat(">", 100_000) + " x", SummaryStatus.Rejected, ArticleErrorCodes.TooComplex),
            ["brackets.md"] = (SampleTexts.English + "\n\n" + Repeat("[", 100_000) + " x", SummaryStatus.Rejected, ArticleErrorCodes.ExtractionFailed),
            ["links.md"] = (SampleTexts.English + "\n\n" + Repeat("[a](", 16_000), SummaryStatus.Rejected, ArticleErrorCodes.TooComplex),
            ["depth.json"] = (Repeat("[", 50_000) + Repeat("]", 50_000), SummaryStatus.Rejected, ArticleErrorCodes.InvalidJson),
            ["bait"] = (Repeat("<!---->", 200) + "x\n\n" + SampleTexts.English, SummaryStatus.Ok, null),
            ["normal.txt"] = (SampleTexts.English, SummaryStatus.Ok, null),
        };
        foreach (var (name, file) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(input, name), file.Content, new UTF8Encoding(false));
        }

        var (exitCode, log) = await NewsumProcess.RunAsync("summarize", input, "--out", output, "--provider", "Extractive");

        Assert.True(exitCode == 1, $"newsum exited with {exitCode}:\n{log}");
        foreach (var (name, file) in files)
        {
            var path = Path.Combine(output, name + ".summary.json");
            Assert.True(File.Exists(path), $"No result for {name}:\n{log}");
            var document = SummaryJson.TryDeserialize(await File.ReadAllBytesAsync(path));
            Assert.NotNull(document);
            Assert.Equal((file.Status, file.Code), (document.Status, document.Error?.Code));
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}
