using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Http;

public sealed partial class PageFilesTests
{
    [Theory]
    [InlineData(PageFiles.IndexFile, "text/html; charset=utf-8")]
    [InlineData(PageFiles.StyleFile, "text/css; charset=utf-8")]
    [InlineData(PageFiles.ScriptFile, "text/javascript; charset=utf-8")]
    public void Get_EachFile_ServesItsContentTypeWithCspAndETag(string file, string contentType)
    {
        var result = Get(file);

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.Equal(contentType, result.ContentType);
        Assert.False(result.Content.IsEmpty);
        Assert.Equal(PageFiles.ContentSecurityPolicy, result.Headers["Content-Security-Policy"]);
        Assert.StartsWith("default-src 'self';", PageFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", result.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", result.Headers["Referrer-Policy"]);
        Assert.Equal("no-cache", result.Headers["Cache-Control"]);
        Assert.Matches("^\"[0-9a-f]{32}\"$", result.Headers["ETag"]);
    }

    [Fact]
    public void ContentSecurityPolicy_AllowsNoInlineCodeAndNoOtherOrigin()
    {
        Assert.DoesNotContain("unsafe-inline", PageFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", PageFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", PageFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", PageFiles.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"other\", {0}")]
    [InlineData("*")]
    public void Get_IfNoneMatchNamesTheCurrentETag_Returns304WithoutBody(string ifNoneMatch)
    {
        var etag = Get(PageFiles.IndexFile).Headers["ETag"];

        var result = Get(PageFiles.IndexFile, string.Format(System.Globalization.CultureInfo.InvariantCulture, ifNoneMatch, etag));

        Assert.Equal(StatusCodes.Status304NotModified, result.StatusCode);
        Assert.True(result.Content.IsEmpty);
        Assert.Equal(etag, result.Headers["ETag"]);
    }

    [Fact]
    public void Get_IfNoneMatchStale_Returns200()
    {
        var result = Get(PageFiles.ScriptFile, "\"0123456789abcdef0123456789abcdef\"");

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
    }

    [Fact]
    public void Get_DifferentFiles_HaveDifferentETags()
    {
        var etags = new[] { PageFiles.IndexFile, PageFiles.StyleFile, PageFiles.ScriptFile }.Select(file => Get(file).Headers["ETag"]);

        Assert.Equal(3, etags.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Get_UnknownFile_Returns404()
    {
        var result = new PageFiles().Get("secrets.json", new DefaultHttpContext().Request);

        Assert.Equal(StatusCodes.Status404NotFound, result.AsApi().StatusCode);
    }

    [Fact]
    public async Task ExecuteAsync_Index_WritesBodyAndHeaders()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        var body = await Get(PageFiles.IndexFile).RunAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        Assert.Equal(PageFiles.ContentSecurityPolicy, context.Response.Headers.ContentSecurityPolicy);
        Assert.StartsWith("<!doctype html>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_NotModified_WritesNoBody()
    {
        var etag = Get(PageFiles.StyleFile).Headers["ETag"];
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        var body = await Get(PageFiles.StyleFile, etag).RunAsync(context);

        Assert.Equal(StatusCodes.Status304NotModified, context.Response.StatusCode);
        Assert.Empty(body);
        Assert.Equal(etag, context.Response.Headers.ETag);
    }

    [Fact]
    public void Index_LoadsOnlyItsOwnFilesAndHasNoInlineScriptOrStyle()
    {
        var html = Text(PageFiles.IndexFile);

        Assert.Equal(["page.js"], ScriptTag().Matches(html).Select(match => match.Groups["src"].Value));
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)", html);
        Assert.DoesNotMatch(@"<style", html);
        Assert.DoesNotMatch(@"\sstyle=", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Theory]
    [InlineData(PageFiles.IndexFile)]
    [InlineData(PageFiles.StyleFile)]
    [InlineData(PageFiles.ScriptFile)]
    public void PageFiles_ReferenceNoOtherOrigin(string file)
    {
        var text = Text(file);

        Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Style_ArabicUsesSystemFontStackAndNarrowScreensGetOneColumn()
    {
        var css = Text(PageFiles.StyleFile);

        Assert.Contains("\"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"Amiri\", \"Segoe UI\", Tahoma, sans-serif", css, StringComparison.Ordinal);
        Assert.Contains("@media (max-width: 700px)", css, StringComparison.Ordinal);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
    }

    private static PageResult Get(string file, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return Assert.IsType<PageResult>(new PageFiles().Get(file, context.Request));
    }

    private static string Text(string file) => Encoding.UTF8.GetString(Get(file).Content.Span);

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptTag();
}
