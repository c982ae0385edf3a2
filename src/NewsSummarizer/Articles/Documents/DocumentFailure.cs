using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Documents;

/// <summary>The rejections documents share, with messages that say what the user can do.</summary>
internal static class DocumentFailure
{
    /// <summary>Over a limit; <paramref name="why"/> completes "The document is too complex to read: ...".</summary>
    public static FormatExtraction TooComplex(string why) => FormatExtraction.Rejected(
        ArticleErrorCodes.DocumentTooComplex,
        $"The document is too complex to read: {why}. Save or export it again as a simpler file, or upload its text.");

    public static FormatExtraction Corrupt(string kind, string why) => FormatExtraction.Rejected(
        ArticleErrorCodes.CorruptDocument,
        $"The {kind} cannot be read: {why}. Open it, save it again and upload the new file.");

    public static FormatExtraction Encrypted(string kind) => FormatExtraction.Rejected(
        ArticleErrorCodes.EncryptedDocument,
        $"The {kind} is protected by a password. Remove the password (or save an unprotected copy) and upload it again.");
}
