using System.Text;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>Runs a job's parser in the calling process. The extractor process runs every job through
/// <see cref="Run"/>; unit tests use it directly for documents they know to be benign. No host uses it for uploads.</summary>
public sealed class InProcessExtractor(DocumentLimits? limits = null) : IArticleExtractor
{
    private readonly DocumentLimits limits = limits ?? DocumentLimits.Default;

    public static InProcessExtractor Default { get; } = new();

    public ValueTask<FormatExtraction> ExtractAsync(ExtractionJob job, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Run(job, limits));

    /// <summary>The one place a job meets its parser. Whatever a parser throws becomes a rejection, except running out
    /// of memory, which the extractor process reports on its own (<c>too-large-in-memory</c>) before it is replaced.</summary>
    public static FormatExtraction Run(ExtractionJob job, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(limits);
        if (job.IsDocument)
        {
            return DocumentReader.Extract(job.Content.ToArray(), job.Format, limits);
        }

        var format = job.Format == ExtractionJob.HtmlFragment ? null
            : ArticleFormats.Default.ByName(job.Format) ?? throw new ArgumentException($"No format is called '{job.Format}'.", nameof(job));
        var text = Encoding.UTF8.GetString(job.Content.Span);
        try
        {
            return format is null ? HtmlFormat.ExtractFragment(text) : format.Extract(text);
        }
#pragma warning disable CA1031 // Any exception of a format library is the document's fault: it becomes a rejection.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.ExtractionFailed,
                $"The {FormatName(job)} reader failed on this document ({Shorten(exception.Message)}). Upload the article's text, or a simpler document.");
        }
    }

    internal static string FormatName(ExtractionJob job) => job.Format == ExtractionJob.HtmlFragment ? "html" : job.Format;

    /// <summary>A library's reason, shortened: enough to tell one failure from another.</summary>
    internal static string Shorten(string message)
    {
        message = message.ReplaceLineEndings(" ");
        return message.Length > 200 ? message[..200] + "…" : message;
    }
}
