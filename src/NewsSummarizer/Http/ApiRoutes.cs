namespace NewsSummarizer.Http;

/// <summary>The HTTP API's one route table. The Functions app's triggers and the DevHost's endpoints are declared from
/// it, and tests hold both hosts and docs/openapi.yaml to <see cref="All"/>.</summary>
public static class ApiRoutes
{
    /// <summary>Route templates under <c>/api</c>: constants, so the Functions app's trigger attributes can name them.</summary>
    public static class Templates
    {
        public const string Health = "health";
        public const string HealthDetails = "health/details";
        public const string Summaries = "summaries";
        public const string Summary = "summaries/{*name}";
        public const string Articles = "articles";

        /// <summary>The reading page is <c>/api/ui</c> in Azure because the Functions host keeps <c>/</c> for itself.</summary>
        public const string Page = "ui";
        public const string PageStyle = "page.css";
        public const string PageScript = "page.js";
    }

    public static ApiRoute Health { get; } = new("Health", "GET", Templates.Health, ApiAccess.Anonymous, "/api/" + Templates.Health);

    /// <summary>The configuration behind the health status (endpoint host, deployment, authentication): a key.</summary>
    public static ApiRoute HealthDetails { get; } =
        new("HealthDetails", "GET", Templates.HealthDetails, ApiAccess.FunctionKey, "/api/" + Templates.HealthDetails);

    public static ApiRoute CreateSummary { get; } =
        new("CreateSummary", "POST", Templates.Summaries, ApiAccess.FunctionKey, "/api/" + Templates.Summaries);

    public static ApiRoute GetSummary { get; } = new("GetSummary", "GET", Templates.Summary, ApiAccess.FunctionKey, "/api/" + Templates.Summary);

    public static ApiRoute ListArticles { get; } =
        new("ListArticles", "GET", Templates.Articles, ApiAccess.FunctionKey, "/api/" + Templates.Articles);

    public static ApiRoute Page { get; } = new("Page", "GET", Templates.Page, ApiAccess.FunctionKey, "/");

    public static ApiRoute PageStyle { get; } = new("PageStyle", "GET", Templates.PageStyle, ApiAccess.Anonymous, "/" + Templates.PageStyle);

    public static ApiRoute PageScript { get; } = new("PageScript", "GET", Templates.PageScript, ApiAccess.Anonymous, "/" + Templates.PageScript);

    public static IReadOnlyList<ApiRoute> All { get; } = [Health, HealthDetails, CreateSummary, GetSummary, ListArticles, Page, PageStyle, PageScript];
}
