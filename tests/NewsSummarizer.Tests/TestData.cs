using System.Text.Json;
using System.Diagnostics.Metrics;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Telemetry backed by a real meter factory, for constructing pipeline classes by hand.</summary>
    public static SummarizerTelemetry Telemetry() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

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
