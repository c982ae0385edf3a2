using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace NewsSummarizer.Summarization;

/// <summary>Who made a result (<c>model.provider</c>): one of the configured providers, the extractive fallback, or
/// a name this version does not know (written by another version or by hand). Compared as a value, never as text;
/// its <see cref="Name"/> is what JSON, logs and the CLI show.</summary>
/// <remarks>An unknown name is kept as it was read, so a stored result reads back and is written again unchanged; it
/// is never current (no configured provider has that name) and never the fallback.</remarks>
[JsonConverter(typeof(ModelProviderJsonConverter))]
public sealed class ModelProvider : IEquatable<ModelProvider>
{
    private readonly Kind kind;

    private ModelProvider(Kind kind, string name)
    {
        this.kind = kind;
        Name = name;
    }

    private enum Kind
    {
        Unknown,
        Extractive,
        AzureOpenAI,
        OpenAI,
        ExtractiveFallback,
    }

    public static ModelProvider Extractive { get; } = new(Kind.Extractive, nameof(SummarizerProvider.Extractive));

    public static ModelProvider AzureOpenAI { get; } = new(Kind.AzureOpenAI, nameof(SummarizerProvider.AzureOpenAI));

    public static ModelProvider OpenAI { get; } = new(Kind.OpenAI, nameof(SummarizerProvider.OpenAI));

    /// <summary>The extractive result written because the model was unavailable or refused the article. It is never
    /// current for the model provider, so the next trigger or <c>newsum backfill</c> replaces it. Its name is in every
    /// fallback result ever stored: renaming it would make those unknown.</summary>
    public static ModelProvider ExtractiveFallback { get; } = new(Kind.ExtractiveFallback, "Extractive (fallback)");

    private static ModelProvider[] Known => [Extractive, AzureOpenAI, OpenAI, ExtractiveFallback];

    /// <summary>The name as written in results and shown to people.</summary>
    public string Name { get; }

    /// <summary>Whether this is the extractive fallback (see <see cref="ExtractiveFallback"/>).</summary>
    public bool IsFallback => kind == Kind.ExtractiveFallback;

    /// <summary>The provider of a configured <see cref="SummarizerProvider"/>.</summary>
    public static ModelProvider From(SummarizerProvider provider) => provider switch
    {
        SummarizerProvider.Extractive => Extractive,
        SummarizerProvider.AzureOpenAI => AzureOpenAI,
        SummarizerProvider.OpenAI => OpenAI,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a provider this version knows."),
    };

    /// <summary>The provider named <paramref name="name"/> (exactly, as results store it); an unknown name gives an
    /// unknown provider that keeps the name.</summary>
    public static ModelProvider Parse(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Array.Find(Known, known => string.Equals(known.Name, name, StringComparison.Ordinal)) ?? new(Kind.Unknown, name);
    }

    /// <summary>A configured provider named <paramref name="name"/>, ignoring case (<c>?provider=openai</c>).</summary>
    public static bool TryParseConfigured(string? name, [NotNullWhen(true)] out ModelProvider? provider)
    {
        provider = Array.Find(
            [Extractive, AzureOpenAI, OpenAI], configured => string.Equals(configured.Name, name, StringComparison.OrdinalIgnoreCase));
        return provider is not null;
    }

    public static bool operator ==(ModelProvider? left, ModelProvider? right) => Equals(left, right);

    public static bool operator !=(ModelProvider? left, ModelProvider? right) => !Equals(left, right);

    public bool Equals(ModelProvider? other) =>
        other is not null && kind == other.kind && (kind != Kind.Unknown || string.Equals(Name, other.Name, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as ModelProvider);

    public override int GetHashCode() => kind == Kind.Unknown ? StringComparer.Ordinal.GetHashCode(Name) : (int)kind;

    public override string ToString() => Name;
}
