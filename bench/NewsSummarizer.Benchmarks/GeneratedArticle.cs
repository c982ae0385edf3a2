namespace NewsSummarizer.Benchmarks;

/// <summary>Arabic articles of a chosen length made of the seed article's words in seeded random order, so the
/// 1× and 10× inputs have the same statistics and no corpus text is copied into the repository.</summary>
internal static class GeneratedArticle
{
    public static string Create(int words, int seed)
    {
        var vocabulary = SampleArticles.ArabicSeed
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '،', '؟', '"', '“', '”', '(', ')'))
            .Where(w => w.Length > 0)
            .ToArray();
        var random = new Random(seed);
        var text = new StringBuilder();
        var written = 0;
        while (written < words)
        {
            // A paragraph of 1-3 sentences of 12-30 words, like EASC's lines.
            var sentences = random.Next(1, 4);
            for (var s = 0; s < sentences && written < words; s++)
            {
                var length = Math.Min(random.Next(12, 31), words - written);
                for (var w = 0; w < length; w++)
                {
                    text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(w + 1 < length ? ' ' : '.');
                }

                text.Append(' ');
                written += length;
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
