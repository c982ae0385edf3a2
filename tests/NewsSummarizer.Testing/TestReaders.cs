using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Testing;

/// <summary>Article readers whose parsers run in the test process: for documents the tests build themselves. What
/// hostile documents do to a parser is tested through <see cref="ExtractorPool"/>'s real processes instead.</summary>
public static class TestReaders
{
    public static ArticleReader InProcess(IOptions<SummarizerOptions> options, DocumentLimits? limits = null) =>
        new(options, new InProcessExtractor(limits));

    public static ArticleReader InProcess(SummarizerOptions? options = null, DocumentLimits? limits = null) =>
        InProcess(Options.Create(options ?? new SummarizerOptions()), limits);

    /// <summary>Reads with a reader built by <see cref="InProcess(IOptions{SummarizerOptions}, DocumentLimits?)"/>,
    /// which never waits: the result is there when the call returns.</summary>
    public static ArticleReadResult Read(this ArticleReader reader, ReadOnlyMemory<byte> content, string? name, string? contentType, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var reading = reader.ReadAsync(content, name, contentType, title);
        return reading.IsCompleted
            ? reading.Result
            : throw new InvalidOperationException("Read is for in-process readers; await ReadAsync for one over extractor processes.");
    }
}
