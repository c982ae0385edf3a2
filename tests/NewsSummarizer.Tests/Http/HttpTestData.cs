using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Http;

/// <summary>Requests, articles and response readers shared by the HTTP handler tests.</summary>
internal static class HttpTestData
{
    public const string English =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent. " +
        "The mayor said the money will pay for more buses and longer opening hours at the central station.\n\n" +
        "Opposition members argued that the plan does not explain how the extra costs will be covered next year.";

    public const string Arabic =
        "وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة ترفع الإنفاق على النقل العام بنسبة عشرة في المئة. " +
        "وقال رئيس البلدية إن الأموال ستخصص لشراء حافلات جديدة وتمديد ساعات العمل في المحطة المركزية.\n\n" +
        "واعترض أعضاء المعارضة على الخطة لأنها لا توضح كيف ستغطى التكاليف الإضافية في العام المقبل.";

    public static DefaultHttpContext Post(byte[] body, string? contentType, string query = "", bool sendContentLength = true) =>
        Post(new MemoryStream(body), contentType, query, sendContentLength ? body.Length : null);

    public static DefaultHttpContext Post(Stream body, string? contentType, string query = "", long? contentLength = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/summaries";
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static DefaultHttpContext PostText(string text, string contentType = "text/plain; charset=utf-8", string query = "") =>
        Post(Encoding.UTF8.GetBytes(text), contentType, query);

    public static DefaultHttpContext PostJson(object body, string query = "") =>
        Post(JsonSerializer.SerializeToUtf8Bytes(body), "application/json", query);

    public static ApiResult AsApi(this IResult result) => Assert.IsType<ApiResult>(result);

    public static ApiProblem Problem(this IResult result) => Assert.IsType<ApiProblem>(result.AsApi().Value);

    /// <summary>Runs the result like a host would and returns the response body.</summary>
    public static async Task<string> RunAsync(this IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }
}
