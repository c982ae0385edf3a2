using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Tests.Cli;

/// <summary><c>newsum summarize</c> over a folder of the documents that crash, pin or bloat a parser (issue 23): the
/// CLI reads them in its extractor processes and finishes with a recorded rejection for each, and the ordinary
/// article beside them is summarised.</summary>
public sealed class SummarizeHostileDocumentsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("newsum-hostile-docs-").FullName;

    [Fact]
    public async Task Summarize_FolderOfHostileDocuments_FinishesWithARejectionForEach()
    {
        var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
        var output = Path.Combine(root, "out");
        foreach (var (name, content) in HostileDocuments.All)
        {
            await File.WriteAllBytesAsync(Path.Combine(input, name), content);
        }

        await File.WriteAllTextAsync(Path.Combine(input, "normal.txt"), SampleTexts.English);
        var settings = new Dictionary<string, string>
        {
            ["Extraction__CpuBudgetSeconds"] = "5",
            ["Extraction__MemoryLimitMegabytes"] = "512",
        };

        var (exitCode, log) = await NewsumProcess.RunAsync(settings, "summarize", input, "--out", output, "--provider", "Extractive");

        Assert.True(exitCode == 1, $"newsum exited with {exitCode} (1: some files were rejected):\n{log}");
        foreach (var (name, _) in HostileDocuments.All)
        {
            var path = Path.Combine(output, name + ".summary.json");
            Assert.True(File.Exists(path), $"No result for {name}:\n{log}");
            var document = SummaryJson.TryDeserialize(await File.ReadAllBytesAsync(path));
            Assert.NotNull(document);
            Assert.Equal(SummaryStatus.Rejected, document.Status);
            Assert.Contains(document.Error!.Code, HostileDocuments.SandboxCodes);
        }

        var normal = SummaryJson.TryDeserialize(await File.ReadAllBytesAsync(Path.Combine(output, "normal.txt.summary.json")));
        Assert.Equal(SummaryStatus.Ok, normal?.Status);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
