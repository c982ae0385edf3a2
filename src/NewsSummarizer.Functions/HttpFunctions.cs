using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsSummarizer.Http;

namespace NewsSummarizer.Functions;

/// <summary>The HTTP routes, delegating to the same handlers the DevHost maps. Health is anonymous (probes);
/// the summaries routes need a function key (<c>x-functions-key</c> header or <c>?code=</c>).</summary>
public sealed class HttpFunctions(HealthReport health, SummariesApi summaries)
{
    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new ResultAction(await health.GetAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("CreateSummary")]
    public async Task<IActionResult> CreateSummary(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "summaries")] HttpRequest request) =>
        new ResultAction(await summaries.SummarizeAsync(request, request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("GetSummary")]
    public async Task<IActionResult> GetSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "summaries/{*name}")] HttpRequest request,
        string? name) =>
        new ResultAction(await summaries.GetAsync(name, request.HttpContext.RequestAborted).ConfigureAwait(false));

    /// <summary>Runs a minimal-API <see cref="IResult"/> inside the Functions ASP.NET Core integration.</summary>
    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
