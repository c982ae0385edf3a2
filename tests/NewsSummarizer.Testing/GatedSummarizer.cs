using Moq;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Testing;

/// <summary>A model summariser for race tests: each call is reported to <c>onCall</c>, then waits for
/// <c>gate</c> (when given) before answering with <c>reply</c>, so a test can hold one run inside the model call
/// while another runs.</summary>
public static class GatedSummarizer
{
    public static Mock<ISummarizer> Create(
        ModelProvider provider, Func<Article, SummaryContent> reply, Action onCall, Func<Task>? gate = null, string promptVersion = "bilingual-1")
    {
        var summarizer = new Mock<ISummarizer>();
        summarizer.SetupGet(s => s.Provider).Returns(provider);
        summarizer.SetupGet(s => s.PromptVersion).Returns(promptVersion);
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .Returns(async (Article article, SummaryLength _, CancellationToken _) =>
            {
                onCall();
                if (gate is not null)
                {
                    await gate().ConfigureAwait(false);
                }

                return reply(article);
            });
        return summarizer;
    }
}
