using System.Text.Json;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Testing;

/// <summary>The one canned model reply of the fake and instant models: a bilingual summary of the Arabic seed article
/// (<see cref="SampleArticles.ArabicSeed"/>), as the model's JSON and as the content it parses into.</summary>
public static class CannedReplies
{
    public const string ArabicSummary = "ناقش وزيرا الخارجية الأميركي والتركي التنسيق بشأن التوتر في أوكرانيا وأهمية الجهود الدبلوماسية.";

    public const string EnglishSummary = "The US and Turkish foreign ministers discussed coordination on the tension over Ukraine and diplomacy.";

    public static LocalizedText Title { get; } = new("وزيرا خارجية أميركا وتركيا يبحثان أزمة أوكرانيا", "US and Turkish foreign ministers discuss Ukraine");

    public static LocalizedText Summary { get; } = new(ArabicSummary, EnglishSummary);

    public static LocalizedList KeyPoints { get; } = new(
        ["اتصال هاتفي بين بلينكن وتشاووش أوغلو", "بايدن يحذر من غزو روسي لأوكرانيا"],
        ["Blinken and Cavusoglu spoke by phone", "Biden warned against a Russian invasion of Ukraine"]);

    /// <summary>The reply as a model sends it (the summary schema's JSON).</summary>
    public static string Bilingual { get; } = JsonSerializer.Serialize(new
    {
        title = new { ar = Title.Ar, en = Title.En },
        summary = new { ar = Summary.Ar, en = Summary.En },
        keyPoints = new { ar = KeyPoints.Ar, en = KeyPoints.En },
    });
}
