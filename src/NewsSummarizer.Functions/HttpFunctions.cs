using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsSummarizer.Http;

namespace NewsSummarizer.Functions;

/// <summary>The HTTP routes, delegating to the same handlers the DevHost maps.</summary>
public sealed class HttpFunctions(HealthReport health)
{
    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new ResultAction(await health.GetAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));

    /// <summary>Runs a minimal-API <see cref="IResult"/> inside the Functions ASP.NET Core integration.</summary>
    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
