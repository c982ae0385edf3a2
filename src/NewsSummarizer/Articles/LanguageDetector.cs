namespace NewsSummarizer.Articles;

/// <summary>Detects an article's language from its letters' scripts.</summary>
public static class LanguageDetector
{
    // A Latin-script text counts as English when at least this share of its words are common English words.
    private const double EnglishFunctionWordShare = 0.08;

    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "was", "were", "on", "for", "with", "that",
        "by", "at", "as", "from", "it", "its", "be", "has", "have", "had", "this", "said", "will", "but", "not",
    };

    /// <summary>Detects the language from the letters' scripts: mostly Arabic letters is Arabic, mostly Latin
    /// letters with common English words is English, anything else is <see cref="ArticleLanguage.Other"/>.</summary>
    public static ArticleLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profile = ScriptProfile.Of(text);
        if (profile.Letters == 0)
        {
            return ArticleLanguage.Other;
        }

        if (profile.ArabicShare >= 0.5)
        {
            return ArticleLanguage.Arabic;
        }

        return profile.LatinShare >= 0.5 && EnglishWordShare(text) >= EnglishFunctionWordShare ? ArticleLanguage.English : ArticleLanguage.Other;
    }

    private static double EnglishWordShare(string text)
    {
        int words = 0, english = 0;
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n.,;:!?\"'()[]"))
        {
            var word = text.AsSpan()[range];
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            if (EnglishFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                english++;
            }
        }

        return words == 0 ? 0 : (double)english / words;
    }
}
