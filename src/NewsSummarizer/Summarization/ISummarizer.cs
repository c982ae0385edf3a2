using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization;

/// <summary>Produces a bilingual summary of one article. Implementations are thread-safe.</summary>
public interface ISummarizer
{
    /// <summary>The provider written to <c>model.provider</c> (for example <see cref="ModelProvider.Extractive"/>).</summary>
    ModelProvider Provider { get; }

    /// <summary>The version of the prompt or algorithm; a change makes stored results stale.</summary>
    string PromptVersion { get; }

    /// <exception cref="SummarizationException">The provider could not produce a valid summary.</exception>
    Task<SummaryContent> SummarizeAsync(Article article, SummaryLength length, CancellationToken cancellationToken);
}
