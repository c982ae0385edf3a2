namespace NewsSummarizer.Summaries;

/// <summary>Why a document is not <c>ok</c>.</summary>
public sealed record ErrorInfo(string Code, string Message);
