using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsSummarizer.Http;

namespace NewsSummarizer.Functions;

/// <summary>The HTTP routes, delegating to the same handlers the DevHost maps.</summary>
/// <remarks>Health is anonymous (probes; status only), its details need a function key; the summaries and articles
/// routes and the reading page need a function key (<c>x-functions-key</c> header or <c>?code=</c>). The page is
/// <c>/api/ui?code=KEY</c> because the Functions host keeps <c>/</c> for its own page; its stylesheet and script
/// (<c>/api/page.css</c>, <c>/api/page.js</c>, the same for every deployment, no data) are anonymous because a browser
/// loads them without the key, and the script sends the key with every API call.</remarks>
public sealed class HttpFunctions(HealthEndpoint health, SummariesApi summaries, ArticlesApi articles, PageFiles page)
{
    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Templates.Health)] HttpRequest request) =>
        new ResultAction(await health.GetAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("HealthDetails")]
    public async Task<IActionResult> HealthDetails(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Templates.HealthDetails)] HttpRequest request) =>
        new ResultAction(await health.GetDetailsAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("CreateSummary")]
    public async Task<IActionResult> CreateSummary(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Templates.Summaries)] HttpRequest request) =>
        new ResultAction(await summaries.SummarizeAsync(request, request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("GetSummary")]
    public async Task<IActionResult> GetSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Templates.Summary)] HttpRequest request,
        string? name) =>
        new ResultAction(await summaries.GetAsync(name, request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("ListArticles")]
    public async Task<IActionResult> ListArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Templates.Articles)] HttpRequest request) =>
        new ResultAction(await articles.ListAsync(
            request.Query["prefix"], request.Query["continuation"], request.Query["pageSize"], request.HttpContext.RequestAborted).ConfigureAwait(false));

    [Function("Page")]
    public IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Templates.Page)] HttpRequest request) =>
        new ResultAction(page.Get(PageFiles.IndexFile, request));

    [Function("PageStyle")]
    public IActionResult PageStyle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Templates.PageStyle)] HttpRequest request) =>
        new ResultAction(page.Get(PageFiles.StyleFile, request));

    [Function("PageScript")]
    public IActionResult PageScript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Templates.PageScript)] HttpRequest request) =>
        new ResultAction(page.Get(PageFiles.ScriptFile, request));

    /// <summary>Runs a minimal-API <see cref="IResult"/> inside the Functions ASP.NET Core integration.</summary>
    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
