using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>Finds a headline at the top of an article's text: a short first line without a sentence's closing
/// punctuation, followed by a blank line (how plain-text news is usually saved). It is the title, not a sentence.</summary>
internal static class Headline
{
    public static bool TrySplit(string text, int maxWords, out string headline, out string body)
    {
        ArgumentNullException.ThrowIfNull(text);
        headline = body = string.Empty;
        var trimmed = text.AsSpan().TrimStart();
        var lineEnd = trimmed.IndexOfAny('\n', '\r');
        if (lineEnd <= 0)
        {
            return false;
        }

        var line = trimmed[..lineEnd].Trim();
        var rest = trimmed[lineEnd..];
        var next = SkipLineBreak(rest);
        var nextEnd = next.IndexOfAny('\n', '\r');
        var blankFollows = nextEnd >= 0 && next[..nextEnd].IsWhiteSpace();
        if (!blankFollows || EndsLikeSentence(line) || Text.Words.Count(line.ToString()) > maxWords || rest.IsWhiteSpace())
        {
            return false;
        }

        headline = line.ToString();
        body = rest.ToString();
        return true;
    }

    private static ReadOnlySpan<char> SkipLineBreak(ReadOnlySpan<char> text) =>
        text.StartsWith("\r\n", StringComparison.Ordinal) ? text[2..] : text[1..];

    private static bool EndsLikeSentence(ReadOnlySpan<char> line)
    {
        var end = line.TrimEnd("\"'\u201D\u2019\u00BB)]");
        return end.IsEmpty || SentenceSplitter.IsTerminator(end[^1]) || end[^1] is ':' or ',' or '\u060C';
    }
}
