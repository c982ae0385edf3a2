using System.Buffers;

namespace NewsSummarizer.Text;

/// <summary>The one word splitter: white-space separated tokens (any Unicode white space), counted two ways.</summary>
/// <remarks><see cref="Count"/> measures length (summary budgets, evaluation, the length-matched Lead baseline);
/// <see cref="CountProse"/> decides whether an upload holds enough prose to be an article.</remarks>
public static class Words
{
    private static readonly SearchValues<char> LinkMarks = SearchValues.Create(":@wW");

    /// <summary>The number of tokens holding at least one letter or digit.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var token in new Tokens(text))
        {
            count += HasLetterOrDigit(text.AsSpan(token)) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The number of tokens holding a letter that are not links (URLs, <c>www.</c> names, e-mail addresses):
    /// a file of numbers or links alone is no article, however long.</summary>
    public static int CountProse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var token in new Tokens(text))
        {
            var word = text.AsSpan(token);
            count += HasLetter(word) && !IsLink(word) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The text up to the end of its <paramref name="words"/>-th word as <see cref="Count"/> counts them
    /// (all of it when it has fewer).</summary>
    public static string Prefix(string text, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        if (words == 0)
        {
            return string.Empty;
        }

        var counted = 0;
        foreach (var token in new Tokens(text))
        {
            if (HasLetterOrDigit(text.AsSpan(token)) && ++counted == words)
            {
                return text[..token.End];
            }
        }

        return text;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (CharCategories.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (CharCategories.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // Most words hold none of ':', '@' and 'w': one vectorised search rules them out.
    private static bool IsLink(ReadOnlySpan<char> word) =>
        word.ContainsAny(LinkMarks) && (word.Contains("://", StringComparison.Ordinal) ||
        word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
        (word.Contains('@') && word.Contains('.')));

    /// <summary>The white-space separated tokens of a text, as ranges, without allocating.</summary>
    private ref struct Tokens(string text)
    {
        private int next;

        public Range Current { get; private set; }

        public readonly Tokens GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = next;
            while (i < text.Length && CharCategories.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                next = i;
                return false;
            }

            var start = i;
            while (i < text.Length && !CharCategories.IsWhiteSpace(text[i]))
            {
                i++;
            }

            Current = start..i;
            next = i;
            return true;
        }
    }
}
