using System.Globalization;

namespace NewsSummarizer.Evaluation;

/// <summary>An article with its human reference summaries.</summary>
/// <param name="Title">The article's title when the set keeps one apart from the text (given to the summariser as
/// the service gives it a headline; no baseline quotes it).</param>
public sealed record EvaluationDocument(string Id, string Text, IReadOnlyList<string> References, string? Title = null);

/// <summary>Reads a folder laid out like the Essex Arabic Summaries Corpus.</summary>
/// <remarks><c>Articles/TopicN/&lt;name&gt;.txt</c> (one article per folder, UTF-8 with BOM, any case of
/// extension) and <c>MTurk/TopicN/*</c> (its reference summaries). Topics are returned in numeric order.</remarks>
public static class EascDataset
{
    public static IReadOnlyList<EvaluationDocument> Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var articles = Path.Combine(directory, "Articles");
        var references = Path.Combine(directory, "MTurk");
        if (!Directory.Exists(articles) || !Directory.Exists(references))
        {
            throw new DirectoryNotFoundException(
                $"'{directory}' is not an EASC folder: it needs Articles/TopicN and MTurk/TopicN sub-folders.");
        }

        var documents = new List<EvaluationDocument>();
        foreach (var topic in Directory.GetDirectories(articles).OrderBy(TopicNumber).ThenBy(p => p, StringComparer.Ordinal))
        {
            var id = Path.GetFileName(topic);
            var articleFile = Directory.GetFiles(topic).Order(StringComparer.Ordinal).FirstOrDefault();
            var referenceFolder = Path.Combine(references, id);
            if (articleFile is null || !Directory.Exists(referenceFolder))
            {
                throw new InvalidDataException($"Topic '{id}' needs one article file and an MTurk/{id} folder.");
            }

            var referenceTexts = Directory.GetFiles(referenceFolder)
                .Order(StringComparer.Ordinal)
                .Select(File.ReadAllText) // Detects and drops the BOM.
                .ToList();
            documents.Add(new EvaluationDocument(id, File.ReadAllText(articleFile), referenceTexts));
        }

        return documents;
    }

    private static int TopicNumber(string path)
    {
        var digits = new string(Path.GetFileName(path).Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
