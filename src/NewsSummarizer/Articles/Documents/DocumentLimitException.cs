namespace NewsSummarizer.Articles.Documents;

/// <summary>A document went past one of the <see cref="DocumentLimits"/> while being read.</summary>
internal sealed class DocumentLimitException(string message) : Exception(message);
