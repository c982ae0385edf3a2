namespace NewsSummarizer.Http;

/// <summary>One route of the HTTP API: the Functions app's function name, method and route (under <c>/api</c>), who may
/// call it in Azure, and the path the DevHost maps it to.</summary>
public sealed record ApiRoute(string Function, string Method, string Route, ApiAccess Access, string DevHostPath);
