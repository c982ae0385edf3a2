using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>Placeholder until the ranked extractive summariser lands: the article's first sentences.</summary>
public sealed class ExtractiveSummarizer : ISummarizer
{
    public string Provider => "Extractive";

    public string PromptVersion => "extractive-0";

    public Task<SummaryContent> SummarizeAsync(Article article, SummaryLength length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var lines = article.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = string.Join(' ', lines.Take(3));
        var arabic = article.Language == ArticleLanguage.Arabic;
        var title = article.Title ?? lines[0];
        return Task.FromResult(new SummaryContent(
            arabic ? new LocalizedText(title, null) : new LocalizedText(null, title),
            arabic ? new LocalizedText(summary, null) : new LocalizedText(null, summary),
            arabic ? new LocalizedList(lines.Take(3).ToArray(), []) : new LocalizedList([], lines.Take(3).ToArray()),
            new ModelUsage(Provider, "extractive", PromptVersion, null, null),
            [arabic ? ArticleLanguage.English : ArticleLanguage.Arabic],
            "The Extractive provider does not translate."));
    }
}
