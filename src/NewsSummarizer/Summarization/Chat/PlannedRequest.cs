using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>One request <see cref="ChatSummarizer"/> sends for an article before any reply comes back: the article or
/// part it carries, and its system and user messages exactly as sent.</summary>
public sealed record PlannedRequest(Article Article, string Task, string SystemMessage, string UserMessage);
