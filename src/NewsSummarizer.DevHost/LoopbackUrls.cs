namespace NewsSummarizer.DevHost;

/// <summary>The DevHost serves the summaries routes without function keys, so it refuses to listen beyond loopback:
/// every endpoint setting Kestrel reads must name a loopback host, and requests must name one in their Host header
/// (host filtering), so a web page that rebinds its own DNS name to 127.0.0.1 is refused too.</summary>
internal static class LoopbackUrls
{
    /// <summary>The names a request's Host may carry (HostFilteringOptions wants IPv6 addresses in brackets).</summary>
    public static readonly IReadOnlyList<string> HostNames = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>Checks every place Kestrel takes addresses from: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>DOTNET_URLS</c>) and each <c>Kestrel:Endpoints:{name}:Url</c> (<c>Kestrel__Endpoints__{name}__Url</c>),
    /// which replaces <c>urls</c> when present. <c>http_ports</c>/<c>https_ports</c> bind every interface, but
    /// Kestrel ignores them whenever <c>urls</c> is set, and the DevHost always sets it.</summary>
    public static void Ensure(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (setting, url) in EndpointUrls(configuration))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsLoopbackName(uri.Host))
            {
                throw new InvalidOperationException(
                    $"The DevHost listens on loopback only (it asks for no keys), but {setting} has '{url}'. " +
                    "Use http://127.0.0.1:<port> (or localhost, [::1]); to serve others, deploy the Functions app.");
            }
        }
    }

    public static bool IsLoopbackName(string host) =>
        HostNames.Contains(host, StringComparer.OrdinalIgnoreCase) || host.Equals("::1", StringComparison.Ordinal);

    private static IEnumerable<(string Setting, string Url)> EndpointUrls(IConfiguration configuration)
    {
        foreach (var url in Split(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            yield return ("--urls (ASPNETCORE_URLS)", url);
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            // A Kestrel endpoint without a Url fails Kestrel's own validation at start-up.
            if (endpoint["Url"] is { } url)
            {
                yield return ($"Kestrel:Endpoints:{endpoint.Key}:Url (Kestrel__Endpoints__{endpoint.Key}__Url)", url);
            }
        }
    }

    private static string[] Split(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
