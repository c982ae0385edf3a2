using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

/// <summary>Paid work kept on disk outlives the process (issue 25: the DevHost's rebuild after a storage outage lost
/// it and paid the model again).</summary>
public sealed class PendingResultsTests : IDisposable
{
    private const string Name = "news/today.txt";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pending-results-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Find_AfterARestart_ReturnsWhatTheLastProcessKept()
    {
        CreateSut().Keep(Name, Document("sha-1"), ModelProvider.OpenAI, "bilingual-3");

        var restarted = CreateSut();

        Assert.Equal(1, restarted.Count);
        Assert.Equal("ok summary", restarted.Find(Name, Sha("sha-1"), ModelProvider.OpenAI, "bilingual-3")?.Summary.En);
        Assert.Null(restarted.Find(Name, Sha("sha-1"), ModelProvider.OpenAI, "bilingual-4")); // another prompt is other work
        Assert.Equal("ok summary", restarted.FindVersion(Name, "\"v1\"", ModelProvider.OpenAI, "bilingual-3")?.Summary.En);
    }

    [Fact]
    public void Find_KeptByTheReplacedApplicationAfterThisOneStarted_IsFoundOnDisk()
    {
        // The DevHost rebuilds its application after a storage outage while the old one's runs are still ending: a
        // result the old one keeps after the new one loaded the directory must not be paid for again.
        var replacement = CreateSut();
        var old = CreateSut();

        old.Keep(Name, Document("sha-1"), ModelProvider.OpenAI, "bilingual-3");

        Assert.Equal("ok summary", replacement.Find(Name, Sha("sha-1"), ModelProvider.OpenAI, "bilingual-3")?.Summary.En);
        Assert.Null(replacement.Find(Name, Sha("sha-2"), ModelProvider.OpenAI, "bilingual-3"));
    }

    [Fact]
    public void FindVersion_KeptByTheReplacedApplicationAfterThisOneStarted_IsFoundOnDisk()
    {
        var replacement = CreateSut();

        CreateSut().Keep(Name, Document("sha-1"), ModelProvider.OpenAI, "bilingual-3");

        Assert.Equal("ok summary", replacement.FindVersion(Name, "\"v1\"", ModelProvider.OpenAI, "bilingual-3")?.Summary.En);
    }

    [Fact]
    public void Document_OfTheseTests_IsAValidResult() =>
        TestData.AssertMatchesSchema(Document("sha-1"));

    [Fact]
    public void Forget_ThenRestart_FindsNothing()
    {
        var first = CreateSut();
        first.Keep(Name, Document("sha-1"), ModelProvider.OpenAI, "bilingual-3");

        first.Forget(Name, Sha("sha-1"), ModelProvider.OpenAI, "bilingual-3");

        Assert.Equal(0, CreateSut().Count);
        Assert.Empty(Directory.EnumerateFiles(directory));
    }

    [Fact]
    public void Load_EntryOlderThanMaxAge_IsDroppedWithItsFile()
    {
        CreateSut().Keep(Name, Document("sha-1"), ModelProvider.OpenAI, "bilingual-3");
        time.Advance(PendingResults.MaxAge + TimeSpan.FromMinutes(1));

        Assert.Equal(0, CreateSut().Count);
        Assert.Empty(Directory.EnumerateFiles(directory));
    }

    [Fact]
    public void Load_CorruptOrForeignFiles_AreIgnoredAndRemoved()
    {
        CreateSut().Keep(Name, Document("sha-1"), ModelProvider.OpenAI, "bilingual-3");
        File.WriteAllText(Path.Combine(directory, "torn.json"), "{\"Name\":\"x\",");
        File.WriteAllText(Path.Combine(directory, "other.json"), "[1,2,3]");

        var restarted = CreateSut();

        Assert.Equal(1, restarted.Count);
        Assert.Single(Directory.EnumerateFiles(directory));
    }

    [Fact]
    public void Keep_PastCapacity_DropsTheOldestOnDiskToo()
    {
        var sut = CreateSut();
        for (var i = 0; i <= PendingResults.Capacity; i++)
        {
            sut.Keep($"a/{i}.txt", Document($"sha-{i}"), ModelProvider.OpenAI, "bilingual-3");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var restarted = CreateSut();

        Assert.Equal(PendingResults.Capacity, restarted.Count);
        Assert.Null(restarted.Find("a/0.txt", Sha("sha-0"), ModelProvider.OpenAI, "bilingual-3"));
        Assert.Equal(PendingResults.Capacity, Directory.EnumerateFiles(directory).Count());
    }

    private PendingResults CreateSut() => new(time, directory);

    // Keys are the text's SHA-256, as the documents' source says.
    private static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static SummaryDocument Document(string sha256) => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Title = new LocalizedText("عنوان", "Title"),
        Summary = new LocalizedText("ملخص", "ok summary"),
        Source = new SourceInfo("articles", Name, "\"v1\"", Sha(sha256), "text/plain", 100, "utf-8"),
        Model = new ModelUsage(ModelProvider.OpenAI, "m", "bilingual-3", 1200, 300),
    };
}
