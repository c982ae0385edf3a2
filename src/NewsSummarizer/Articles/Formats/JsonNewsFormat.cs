using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsSummarizer.Articles.Formats;

/// <summary>A news item as JSON: <c>title</c> (or <c>headline</c>), the text in one of <c>body</c>, <c>text</c>,
/// <c>content</c> or <c>articleBody</c> (a string, HTML, or an array of paragraphs), and optional <c>url</c>,
/// <c>publishedAt</c> and <c>language</c>. Property names match case-insensitively.</summary>
public sealed class JsonNewsFormat : IArticleFormat
{
    private static readonly string[] TextProperties = ["body", "text", "content", "articleBody"];
    private static readonly string[] TitleProperties = ["title", "headline"];

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = ArticleLimits.MaxJsonDepth,
    };

    public string Name => FormatRegistry.Json.Name;

    public bool ParsedOutOfProcess => false;

    public IReadOnlyCollection<string> Extensions => FormatRegistry.Json.Extensions;

    public IReadOnlyCollection<string> MediaTypes => FormatRegistry.Json.MediaTypes;

    /// <summary>Text that starts like a JSON object or array and parses as JSON.</summary>
    public bool LooksLike(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '['))
        {
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(text, ParseOptions);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public FormatExtraction Extract(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, ParseOptions);
        }
        catch (JsonException exception)
        {
            return InvalidJson(exception.Message);
        }

        using (document)
        {
            try
            {
                return Extract(document.RootElement);
            }
            catch (InvalidOperationException exception)
            {
                // A string escaping half a surrogate pair ("\ud800") parses but cannot be read as text.
                return InvalidJson(exception.Message);
            }
        }
    }

    private static FormatExtraction InvalidJson(string reason) => FormatExtraction.Rejected(
        ArticleErrorCodes.InvalidJson, $"The file is not valid JSON ({reason}). Upload a JSON object with a title and a body.");

    private static FormatExtraction Extract(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.UnsupportedJson,
                $"The JSON is {Describe(root.ValueKind)}, not a news item. Upload one object per article, " +
                "with \"title\" and the text in \"body\", \"text\", \"content\" or \"articleBody\".");
        }

        if (FindText(root) is not { } body)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.UnsupportedJson,
                "The JSON object has no article text: put it in \"body\", \"text\", \"content\" or \"articleBody\" (a string).");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return FormatExtraction.Rejected(ArticleErrorCodes.NoText, "The JSON news item's text field is empty.");
        }

        var title = FindString(root, TitleProperties);
        return FormatExtraction.Extracted(body, title) with
        {
            TextIsHtml = HtmlFormat.LooksLikeMarkup(body),
            Language = FindString(root, ["language", "lang"]),
            Url = Uri.TryCreate(FindString(root, ["url"]), UriKind.Absolute, out var url) ? url : null,
            PublishedAt = DateTimeOffset.TryParse(
                FindString(root, ["publishedAt", "datePublished"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null,
        };
    }

    private static string? FindText(JsonElement root)
    {
        foreach (var name in TextProperties)
        {
            if (!TryGetProperty(root, name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var paragraphs = new StringBuilder();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        paragraphs.Append(item.GetString()).Append("\n\n");
                    }
                }

                return paragraphs.ToString();
            }
        }

        return null;
    }

    private static string? FindString(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (TryGetProperty(root, name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static bool TryGetProperty(JsonElement root, string name, out JsonElement value)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
