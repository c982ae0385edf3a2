namespace NewsSummarizer.Cli;

/// <summary>One file to summarise: where it is, its name relative to what the user gave, and where its result goes.</summary>
internal sealed record SummarizeItem(string Path, string Name, string? OutputPath);
