using System.CommandLine;

namespace NewsSummarizer.Cli;

/// <summary>The arguments and options several commands share, worded once.</summary>
internal static class CliArguments
{
    /// <summary>What <c>--length</c> and the <c>summary_length</c> metadata accept (see <c>SummaryLength.TryParse</c>).</summary>
    public const string LengthValues = "brief (1 sentence), short (2), medium (4), long (7) or a sentence count from 1 to 20";

    /// <summary>One or more files or folders (folders recursively).</summary>
    public static Argument<string[]> ArticlePaths(string description) =>
        new("path") { Description = description, Arity = ArgumentArity.OneOrMore };

    /// <summary><c>--length</c>: a summary length as text, validated by the command.</summary>
    public static Option<string?> Length(string description) => new("--length") { Description = description + ": " + LengthValues + "." };
}
