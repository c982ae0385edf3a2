using System.Text;
using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Evaluation;

/// <summary>The articles-beside-summaries loader (BBC News Summary layout) and the layout detection, on small
/// folders written by each test (no real data).</summary>
public sealed class SummaryPairDatasetTests : IDisposable
{
    private const string Body = "The council approved the budget on Monday.\n\nIt adds ten buses. The mayor welcomed it.";

    private readonly string root = Directory.CreateTempSubdirectory("newsum-pairs-").FullName;

    [Fact]
    public void LoadBbc_TitleOnFirstLine_KeepsTitleApartFromText()
    {
        WriteBbc("politics/001.txt", "Council backs bus plan\n\n" + Body, "It adds ten buses.The council approved the budget on Monday.");

        var document = Assert.Single(SummaryPairDataset.LoadBbc(root));

        Assert.Equal("politics/001", document.Id);
        Assert.Equal("Council backs bus plan", document.Title);
        Assert.Equal(Body, document.Text);
        Assert.Equal(["It adds ten buses.The council approved the budget on Monday."], document.References);
    }

    [Fact]
    public void LoadBbc_SeveralCategories_OrdinalOrderByRelativePath()
    {
        WriteBbc("tech/002.txt", "T2\n" + Body, "s");
        WriteBbc("business/010.txt", "B10\n" + Body, "s");
        WriteBbc("tech/001.txt", "T1\n" + Body, "s");
        WriteBbc("business/002.txt", "B2\n" + Body, "s");

        var documents = SummaryPairDataset.LoadBbc(root);

        Assert.Equal(["business/002", "business/010", "tech/001", "tech/002"], documents.Select(d => d.Id));
        Assert.Equal(["business", "business", "tech", "tech"], documents.Select(d => SummaryPairDataset.CategoryOf(d.Id)));
    }

    [Fact]
    public void Load_WithoutTitleLine_WholeFileIsTheText()
    {
        var articles = Path.Combine(root, "a");
        var summaries = Path.Combine(root, "s");
        Write(Path.Combine(articles, "x.txt"), "  First line is text.\nSecond line.\n");
        Write(Path.Combine(summaries, "x.txt"), "First line is text.");

        var document = Assert.Single(SummaryPairDataset.Load(articles, summaries, firstLineIsTitle: false));

        Assert.Equal("x", document.Id);
        Assert.Null(document.Title);
        Assert.Equal("First line is text.\nSecond line.", document.Text);
        Assert.Null(SummaryPairDataset.CategoryOf(document.Id));
    }

    [Fact]
    public void LoadBbc_ArticleWithoutSummary_ThrowsNamingTheArticle()
    {
        WriteBbc("sport/001.txt", "T\n" + Body, "s");
        Write(Path.Combine(root, SummaryPairDataset.BbcArticles, "sport", "002.txt"), "T\n" + Body);

        var error = Assert.Throws<InvalidDataException>(() => SummaryPairDataset.LoadBbc(root));

        Assert.Contains("002.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("no summary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBbc_SummaryWithoutArticle_ThrowsNamingTheSummary()
    {
        WriteBbc("sport/001.txt", "T\n" + Body, "s");
        Write(Path.Combine(root, SummaryPairDataset.BbcSummaries, "sport", "003.txt"), "s");

        var error = Assert.Throws<InvalidDataException>(() => SummaryPairDataset.LoadBbc(root));

        Assert.Contains("003.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("no article", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Only a title\n\n", "s")]
    [InlineData("Title\nBody text.", " \n")]
    public void LoadBbc_NoBodyOrBlankSummary_Throws(string article, string summary)
    {
        WriteBbc("tech/001.txt", article, summary);

        Assert.Throws<InvalidDataException>(() => SummaryPairDataset.LoadBbc(root));
    }

    [Fact]
    public void LoadBbc_MissingFolders_ThrowsDirectoryNotFound()
    {
        Directory.CreateDirectory(Path.Combine(root, SummaryPairDataset.BbcArticles));

        Assert.Throws<DirectoryNotFoundException>(() => SummaryPairDataset.LoadBbc(root));
    }

    [Fact]
    public void LoadBbc_Latin1AndBomFiles_DecodedWithoutReplacementCharacters()
    {
        var articles = Path.Combine(root, SummaryPairDataset.BbcArticles, "sport");
        var summaries = Path.Combine(root, SummaryPairDataset.BbcSummaries, "sport");
        Directory.CreateDirectory(articles);
        Directory.CreateDirectory(summaries);
        File.WriteAllBytes(Path.Combine(articles, "001.txt"), Encoding.Latin1.GetBytes("Fee\nA \u00a315.8m signing."));
        File.WriteAllText(Path.Combine(summaries, "001.txt"), "A \u00a315.8m signing.", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var document = Assert.Single(SummaryPairDataset.LoadBbc(root));

        Assert.Equal("A \u00a315.8m signing.", document.Text);
        Assert.Equal("A \u00a315.8m signing.", document.References[0]);
    }

    [Theory]
    [InlineData("Headline\r\nBody line.\r\n", "Headline", "Body line.")]
    [InlineData("\n\n  Headline  \nBody.", "Headline", "Body.")]
    [InlineData(" \n ", null, "")]
    public void SplitTitle_FirstNonBlankLine_IsTheTitle(string article, string? title, string text)
    {
        Assert.Equal((title, text), SummaryPairDataset.SplitTitle(article));
    }

    [Fact]
    public void Detect_EascFolders_Easc()
    {
        Directory.CreateDirectory(Path.Combine(root, "Articles"));
        Directory.CreateDirectory(Path.Combine(root, "MTurk"));

        Assert.Equal(DatasetFormat.Easc, EvaluationDatasets.Detect(root));
    }

    [Fact]
    public void Detect_BbcFolders_Bbc()
    {
        WriteBbc("business/001.txt", "T\n" + Body, "s");

        Assert.Equal(DatasetFormat.Bbc, EvaluationDatasets.Detect(root));
    }

    [Fact]
    public void Detect_OnlyOneOfTheTwoFolders_Null()
    {
        Directory.CreateDirectory(Path.Combine(root, SummaryPairDataset.BbcArticles));
        Directory.CreateDirectory(Path.Combine(root, "MTurk"));

        Assert.Null(EvaluationDatasets.Detect(root));
    }

    [Fact]
    public void Load_DetectedBbc_EnglishSetWithTitles()
    {
        WriteBbc("business/001.txt", "Council backs bus plan\n" + Body, "It adds ten buses.");

        var set = EvaluationDatasets.Load(root);

        Assert.Equal(DatasetFormat.Bbc, set.Format);
        Assert.Equal(ArticleLanguage.English, set.Language);
        Assert.Equal("Council backs bus plan", Assert.Single(set.Documents).Title);
    }

    [Fact]
    public void Load_UnknownLayout_ThrowsNamingBothLayouts()
    {
        Directory.CreateDirectory(Path.Combine(root, "docs"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => EvaluationDatasets.Load(root));

        Assert.Contains("MTurk", error.Message, StringComparison.Ordinal);
        Assert.Contains(SummaryPairDataset.BbcArticles, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FormatGivenThatDoesNotFit_Throws()
    {
        WriteBbc("business/001.txt", "T\n" + Body, "s");

        Assert.Throws<DirectoryNotFoundException>(() => EvaluationDatasets.Load(root, DatasetFormat.Easc));
    }

    [Theory]
    [InlineData("bbc", DatasetFormat.Bbc)]
    [InlineData("EASC", DatasetFormat.Easc)]
    public void TryParseFormat_KnownName_Parses(string name, DatasetFormat expected)
    {
        Assert.True(EvaluationDatasets.TryParseFormat(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("cnn")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseFormat_UnknownName_False(string? name)
    {
        Assert.False(EvaluationDatasets.TryParseFormat(name, out _));
    }

    [Fact]
    public async Task EvaluateAsync_LoadedBbcSet_SummariserGetsTheTitleAndTheLeadsStartAfterIt()
    {
        WriteBbc(
            "business/001.txt",
            "Transport vote in Leeds\n\nThe council approved a bus plan on Monday. It adds ten electric buses. "
            + "Residents asked for cycling lanes instead. The mayor praised the plan.",
            "The council approved a bus plan on Monday.It adds ten electric buses.");
        var set = EvaluationDatasets.Load(root);
        var summarizer = new TitleRecordingSummarizer();

        var report = await new SummaryEvaluator(summarizer, new Dictionary<string, string>())
            .EvaluateAsync(set.Documents, set.Language, 0.5, CancellationToken.None);

        Assert.Equal(["Transport vote in Leeds"], summarizer.Titles);
        Assert.Equal("The council approved a bus plan on Monday.", SentenceSplitter.Split(set.Documents[0].Text)[0].Text);
        Assert.Equal(report[summarizer.Provider.Name].MeanWords, report[SummaryEvaluator.LengthMatchedLeadName].MeanWords, 6);
        Assert.Equal(1, report["Lead-1"].Rouge.Rouge1.Precision, 6); // Not a word of the title, which the reference lacks.
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void WriteBbc(string relative, string article, string summary)
    {
        Write(Path.Combine(root, SummaryPairDataset.BbcArticles, relative), article);
        Write(Path.Combine(root, SummaryPairDataset.BbcSummaries, relative), summary);
    }

    // Any provider other than the extractive one is called through ISummarizer with the article as built.
    private sealed class TitleRecordingSummarizer : ISummarizer
    {
        private readonly ExtractiveSummarizer inner = new();

        public List<string?> Titles { get; } = [];

        public ModelProvider Provider { get; } = ModelProvider.Parse("Recording");

        public string PromptVersion => inner.PromptVersion;

        public Task<SummaryContent> SummarizeAsync(Article article, SummaryLength length, CancellationToken cancellationToken)
        {
            Titles.Add(article.Title);
            return inner.SummarizeAsync(article, length, cancellationToken);
        }
    }
}
