using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Splits an article that exceeds the model's input budget into parts on paragraph boundaries.</summary>
/// <remarks>Every paragraph lands in exactly one part; a single paragraph larger than the budget is cut on sentence
/// ends, and as a last resort on word boundaries; a "word" larger than the budget (a long run of text without spaces)
/// is cut where the tokenizer says the budget ends.</remarks>
internal sealed class ArticleSplitter(TokenCounter tokens)
{
    public IReadOnlyList<string> Split(string text, int maxTokens)
    {
        var parts = new List<string>();
        var current = new List<string>();
        var currentTokens = 0;
        foreach (var paragraph in Pieces(text, maxTokens))
        {
            // One more for the line break that joins it to the part.
            var paragraphTokens = tokens.Count(paragraph) + 1;
            if (current.Count > 0 && currentTokens + paragraphTokens > maxTokens)
            {
                parts.Add(string.Join('\n', current));
                current.Clear();
                currentTokens = 0;
            }

            current.Add(paragraph);
            currentTokens += paragraphTokens;
        }

        if (current.Count > 0)
        {
            parts.Add(string.Join('\n', current));
        }

        return parts;
    }

    private IEnumerable<string> Pieces(string text, int maxTokens)
    {
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (tokens.Count(paragraph) <= maxTokens)
            {
                yield return paragraph;
                continue;
            }

            foreach (var piece in CutOversized(paragraph, maxTokens))
            {
                yield return piece;
            }
        }
    }

    private IEnumerable<string> CutOversized(string paragraph, int maxTokens)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(word => CutWord(word, maxTokens));
        var piece = new List<string>();
        var pieceTokens = 0;
        foreach (var word in words)
        {
            var wordTokens = tokens.Count(word) + 1;
            var endsSentence = word.Length > 0 && SentenceSplitter.IsTerminator(word[^1]);
            if (piece.Count > 0 && pieceTokens + wordTokens > maxTokens)
            {
                yield return string.Join(' ', piece);
                piece.Clear();
                pieceTokens = 0;
            }

            piece.Add(word);
            pieceTokens += wordTokens;
            if (endsSentence && pieceTokens > maxTokens * 3 / 4)
            {
                yield return string.Join(' ', piece);
                piece.Clear();
                pieceTokens = 0;
            }
        }

        if (piece.Count > 0)
        {
            yield return string.Join(' ', piece);
        }
    }

    private IEnumerable<string> CutWord(string word, int maxTokens)
    {
        // Leave room for the space that joins it to the next word. Each cut costs only the piece it cuts, so a long
        // run of text without spaces is cut in linear time (recounting the remainder at every cut was quadratic).
        var limit = Math.Max(1, maxTokens - 1);
        var start = 0;
        while (true)
        {
            var cut = tokens.PrefixLength(word.AsSpan(start), limit);
            if (start + cut >= word.Length)
            {
                yield return start == 0 ? word : word[start..];
                yield break;
            }

            cut = Math.Max(1, cut);
            yield return word.Substring(start, cut);
            start += cut;
        }
    }
}
