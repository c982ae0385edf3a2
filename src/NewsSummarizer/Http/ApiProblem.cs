using System.Text.Json.Serialization;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Http;

/// <summary>An RFC 9457 problem details body (<c>application/problem+json</c>) with our machine-readable
/// <see cref="Code"/>. A written-out record rather than ASP.NET Core's <c>ProblemDetails</c> so that the
/// <see cref="Result"/> extension is serialised with <see cref="SummaryJson.CompactOptions"/> on every host.</summary>
public sealed record ApiProblem
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public required string Detail { get; init; }

    /// <summary>A stable code clients can switch on (for example <c>too-large</c>, <c>too-short</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The values a parameter accepts, for <c>invalid-provider</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>The result document, for a request the pipeline rejected (422) or failed (502).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SummaryDocument? Result { get; init; }

    /// <summary>The problem type of a status: the RFC section that defines it, as ASP.NET Core does.</summary>
    public static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        502 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
