namespace NewsSummarizer.Summarization.Chat;

/// <summary>Which model a <see cref="ChatSummarizer"/> talks to, as written to <c>model.provider</c> and
/// <c>model.model</c>, and the host of its endpoint (for messages and <c>GET /api/health</c>; never a secret).</summary>
public sealed record ChatModelInfo(ModelProvider Provider, string Model, string? EndpointHost = null);
