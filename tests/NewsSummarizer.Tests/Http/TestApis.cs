using NewsSummarizer.Http;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Http;

/// <summary>The summaries API as the host wires it, over test doubles: one copy for every API test class.</summary>
internal static class TestApis
{
    /// <summary>The configured provider is <paramref name="model"/> unless the options say Extractive (or no model is
    /// given); the store refuses every call unless one is given.</summary>
    public static SummariesApi Summaries(IOptions<SummarizerOptions> options, ISummarizer? model = null, IArticleStore? store = null)
    {
        var extractive = new ExtractiveSummarizer();
        var configured = options.Value.Provider == SummarizerProvider.Extractive || model is null ? extractive : model;
        return new SummariesApi(
            TestReaders.InProcess(options),
            new SummaryService(configured, extractive, options, TimeProvider.System, NullLogger<SummaryService>.Instance),
            extractive,
            store ?? Mock.Of<IArticleStore>(MockBehavior.Strict),
            options,
            TimeProvider.System,
            NullLogger<SummariesApi>.Instance);
    }
}
