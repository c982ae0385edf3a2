using NewsSummarizer.Summaries;

namespace NewsSummarizer.Processing;

public sealed record ProcessingOutcome(ProcessingResult Result, SummaryDocument? Document = null, ErrorInfo? Error = null);
