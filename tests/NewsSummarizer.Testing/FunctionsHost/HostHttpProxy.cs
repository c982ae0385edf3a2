using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using NewsSummarizer.Testing.FunctionsHost.Rpc;

namespace NewsSummarizer.Testing.FunctionsHost;

/// <summary>One HTTP-triggered function as the host routes to it: <c>routePrefix/route</c>, its methods and the name
/// of its trigger binding.</summary>
internal sealed record HttpRoute(string Function, string Binding, string Template, IReadOnlySet<string>? Methods, TemplateMatcher Matcher, decimal Precedence);

/// <summary>The host's route table for the worker's HTTP triggers (from the bindings the worker declared).</summary>
internal sealed class HttpRoutes(IReadOnlyList<HttpRoute> routes)
{
    public static HttpRoutes From(IEnumerable<RpcFunctionMetadata> functions, string routePrefix)
    {
        var routes = new List<HttpRoute>();
        foreach (var function in functions)
        {
            foreach (var raw in function.RawBindings)
            {
                using var document = JsonDocument.Parse(raw);
                var binding = document.RootElement;
                if (!string.Equals(binding.GetProperty("type").GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var route = binding.TryGetProperty("route", out var r) ? r.GetString() : null;
                var template = string.Join('/', new[] { routePrefix, route ?? function.Name }.Where(s => !string.IsNullOrEmpty(s)));
                var methods = binding.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
                    ? m.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : null;
                var parsed = TemplateParser.Parse(template);
                routes.Add(new HttpRoute(
                    function.Name, binding.GetProperty("name").GetString()!, template, methods,
                    new TemplateMatcher(parsed, new RouteValueDictionary()), RoutePrecedence.ComputeInbound(parsed)));
            }
        }

        return new HttpRoutes([.. routes.OrderBy(route => route.Precedence)]);
    }

    /// <summary>The most specific route that matches the path and method (ASP.NET Core's inbound precedence), with its
    /// route values; null when none does (the host answers 404).</summary>
    public (HttpRoute Route, RouteValueDictionary Values)? Match(string method, string path)
    {
        foreach (var route in routes)
        {
            var values = new RouteValueDictionary();
            if ((route.Methods is null || route.Methods.Contains(method)) && route.Matcher.TryMatch(new PathString(path), values))
            {
                return (route, values);
            }
        }

        return null;
    }
}

/// <summary>What the host does with an HTTP request for a worker with the ASP.NET Core integration: an
/// <c>InvocationRequest</c> whose HTTP binding is empty, and the request itself proxied to the worker's <c>HttpUri</c>
/// with <c>x-ms-invocation-id</c>, so the worker pairs the two; the answer is the worker's response, or 500 when the
/// invocation failed.</summary>
internal sealed class HostHttpProxy(FunctionsHostStandIn host) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var match = host.Routes.Match(request.Method.Method, uri.AbsolutePath);
        if (match is not { } found)
        {
            return new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var invocationId = Guid.NewGuid().ToString();
        var metadata = new Dictionary<string, TypedData>
        {
            ["Query"] = FunctionsHostStandIn.Json(JsonSerializer.Serialize(
                Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString()))),
            ["Headers"] = FunctionsHostStandIn.Json(JsonSerializer.Serialize(
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)))),
        };
        foreach (var (key, value) in found.Values)
        {
            if (value is not null)
            {
                metadata[key] = FunctionsHostStandIn.Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }

        var invocation = host.InvokeAsync(
            found.Route.Function,
            [new ParameterBinding { Name = found.Route.Binding, Data = new TypedData { Http = new RpcHttp() } }],
            metadata,
            invocationId,
            cancellationToken);

        using var forward = new HttpRequestMessage(request.Method, new Uri(host.HttpUri, uri.PathAndQuery)) { Content = request.Content };
        foreach (var header in request.Headers)
        {
            forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        forward.Headers.Add("x-ms-invocation-id", invocationId);
        var response = await host.SendToWorkerAsync(forward, cancellationToken);
        var result = await invocation;
        host.RecordHttpInvocation(found.Route.Function, result);
        if (result.Result.Status == StatusResult.Types.Status.Success)
        {
            response.RequestMessage = request;
            return response;
        }

        host.Log($"[host] {found.Route.Function} failed: {FunctionsHostStandIn.Describe(result)}");
        response.Dispose();
        return new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError) { RequestMessage = request };
    }
}
