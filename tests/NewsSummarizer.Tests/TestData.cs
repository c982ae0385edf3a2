using System.Text.Json;
using Json.Schema;
using NewsSummarizer.Articles;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.Tests;

internal static class TestData
{
    public const string EnglishArticle =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent.\n" +
        "The mayor said the plan would add two bus lines and extend the hours of the metro on weekends.\n" +
        "Opposition members argued that the increase was not funded and would require new taxes next year.\n" +
        "The budget passed by seven votes to four after a debate that lasted more than five hours.";

    public const string ArabicArticle =
        "ناقش وزيرا الخارجية الأميركي والتركي هاتفيا التنسيق بين بلديهما على خلفية التوتر في أوكرانيا.\n" +
        "وذكرت وزارة الخارجية الأميركية في بيان أن الوزيرين ناقشا أهمية التنسيق المستمر بشأن التهديد الناجم عن التصعيد الروسي.\n" +
        "وأضافت أن الوزيرين ناقشا أيضا المسائل المتعلقة بالقرن الأفريقي وفرص تعزيز التعاون الثنائي.\n" +
        "وأكد الرئيس الأميركي لنظيره الأوكراني أن الولايات المتحدة سترد بشكل حاسم في حال غزت روسيا أوكرانيا.";

    public static Article Arabic => new(ArabicArticle, null, ArticleLanguage.Arabic);

    public static Article English => new(EnglishArticle, null, ArticleLanguage.English);

    /// <summary>What a model answers for any article: a title, a summary and a key point in both languages.</summary>
    public static SummaryContent ModelContent(
        string provider = "AzureOpenAI", string promptVersion = "bilingual-1", string summary = "Summary", string model = "gpt-test",
        int inputTokens = 10, int outputTokens = 5) => new(
            new LocalizedText("عنوان", "Title"),
            new LocalizedText("ملخص", summary),
            new LocalizedList(["نقطة"], ["Point"]),
            new ModelUsage(ModelProvider.Parse(provider), model, promptVersion, inputTokens, outputTokens),
            [],
            null);

    /// <summary>A model summariser named <paramref name="provider"/> that answers <see cref="ModelContent"/> (with
    /// <paramref name="summary"/>, when given, as the English summary) and adds each length it is asked for to
    /// <paramref name="asked"/>.</summary>
    public static Mock<ISummarizer> ModelSummarizer(
        string provider = "AzureOpenAI", string promptVersion = "bilingual-1", ICollection<SummaryLength>? asked = null, string summary = "Summary")
    {
        var summarizer = new Mock<ISummarizer>();
        summarizer.SetupGet(s => s.Provider).Returns(ModelProvider.Parse(provider));
        summarizer.SetupGet(s => s.PromptVersion).Returns(promptVersion);
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Article _, SummaryLength length, CancellationToken _) =>
            {
                asked?.Add(length);
                return ModelContent(provider, promptVersion, summary);
            });
        return summarizer;
    }

    /// <summary>A text article as the blob path reads it (default limits).</summary>
    public static ArticleReadResult Read(string text) =>
        TestReaders.InProcess().Read(System.Text.Encoding.UTF8.GetBytes(text), "article.txt", null);

    /// <summary>Telemetry backed by a real meter factory, for constructing pipeline classes by hand.</summary>
    public static SummarizerTelemetry Telemetry() => TestProcessors.Telemetry();

    private static readonly JsonSchema Schema = JsonSchema.FromText(SummarySchema.Text);

    /// <summary>Asserts the document, as it would be stored, is valid against the published schema.</summary>
    public static void AssertMatchesSchema(SummaryDocument document)
    {
        using var json = JsonDocument.Parse(SummaryJson.Serialize(document));
        var result = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, "Schema violations: " + string.Join("; ", errors));
    }
}
