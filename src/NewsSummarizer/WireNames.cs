using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NewsSummarizer;

/// <summary>The text an enum value is written as in JSON (its <see cref="JsonStringEnumMemberNameAttribute"/>), for
/// the places that show it outside JSON: CLI output, logs, telemetry tags. One source for the names, so a log line
/// and a stored result never spell a value differently.</summary>
public static class WireNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>The value written as <paramref name="name"/> (ordinal, ignoring case when asked).</summary>
    public static bool TryParse<T>(string? name, bool ignoreCase, out T value)
        where T : struct, Enum
    {
        foreach (var (candidate, text) in Names<T>.ByValue)
        {
            if (string.Equals(text, name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = typeof(T)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(
                field => (T)field.GetValue(null)!,
                field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
    }
}
