namespace NewsSummarizer.Text;

/// <summary>One sentence of a text.</summary>
/// <param name="Text">The sentence, trimmed, with its own punctuation and closing quotes.</param>
/// <param name="Index">Its position among the text's sentences, from 0.</param>
/// <param name="Paragraph">The paragraph (line) it came from, from 0, counting non-blank lines only.</param>
public readonly record struct Sentence(string Text, int Index, int Paragraph);
