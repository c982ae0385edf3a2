using System.Net;

namespace NewsSummarizer.DevHost;

/// <summary>The DevHost serves the summaries routes without function keys, so it refuses to listen beyond loopback.</summary>
internal static class LoopbackUrls
{
    public static void Ensure(string? urls)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsLoopback(uri.Host))
            {
                throw new InvalidOperationException(
                    $"The DevHost listens on loopback only (it asks for no keys), but --urls has '{url}'. " +
                    "Use http://127.0.0.1:<port>; to serve others, deploy the Functions app.");
            }
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
