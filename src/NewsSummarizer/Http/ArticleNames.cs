using System.Globalization;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Http;

/// <summary>Which names <c>GET /api/summaries/{*name}</c> accepts: names an article blob can have, never a result.</summary>
public static class ArticleNames
{
    /// <summary>Azure Blob Storage's limit on a blob name.</summary>
    public const int MaxLength = 1024;

    /// <summary>Why <paramref name="name"/> cannot name an article, or <c>null</c> when it can.</summary>
    public static ErrorInfo? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return new ErrorInfo("invalid-name", "Give the article's name after /api/summaries/, e.g. /api/summaries/2026/11/story.txt.");
        }

        if (name.Length > MaxLength)
        {
            return new ErrorInfo("invalid-name", string.Create(
                CultureInfo.InvariantCulture, $"The name is {name.Length} characters long; blob names have at most {MaxLength}."));
        }

        if (name[0] is '/' or '\\')
        {
            return new ErrorInfo("invalid-name", "The name must not start with '/': give it relative to the container.");
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return new ErrorInfo("invalid-name", "The name must not contain control characters.");
            }
        }

        foreach (var range in name.AsSpan().SplitAny('/', '\\'))
        {
            if (name.AsSpan()[range] is "..")
            {
                return new ErrorInfo("invalid-name", "The name must not contain '..' segments.");
            }
        }

        if (SummaryBlobNames.IsResult(name))
        {
            return new ErrorInfo(
                "result-name",
                $"'{name}' names a result document. Ask for the article instead: /api/summaries/{name[..^SummaryBlobNames.ResultSuffix.Length]}.");
        }

        return null;
    }
}
