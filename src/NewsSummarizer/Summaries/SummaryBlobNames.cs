namespace NewsSummarizer.Summaries;

/// <summary>Naming rules: article <c>a/b/x.txt</c> gets result <c>a/b/x.txt.summary.json</c> in the same container.</summary>
public static class SummaryBlobNames
{
    public const string ResultSuffix = ".summary.json";

    /// <summary>A result blob (or anything named like one) is never summarised.</summary>
    public static bool IsResult(string blobName) =>
        blobName.EndsWith(ResultSuffix, StringComparison.OrdinalIgnoreCase);

    public static string ResultFor(string articleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleName);
        if (IsResult(articleName))
        {
            throw new ArgumentException($"'{articleName}' is a result blob, not an article.", nameof(articleName));
        }

        return articleName + ResultSuffix;
    }
}
