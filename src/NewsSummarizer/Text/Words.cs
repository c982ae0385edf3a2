namespace NewsSummarizer.Text;

/// <summary>Word counting shared by summary budgets and evaluation reports.</summary>
public static class Words
{
    /// <summary>The number of white-space separated tokens that hold at least one letter or digit.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int words = 0;
        var inWord = false;
        var hasContent = false;
        foreach (var c in text)
        {
            if (CharCategories.IsWhiteSpace(c))
            {
                if (inWord && hasContent)
                {
                    words++;
                }

                inWord = hasContent = false;
                continue;
            }

            inWord = true;
            hasContent |= CharCategories.IsLetterOrDigit(c);
        }

        return inWord && hasContent ? words + 1 : words;
    }
}
