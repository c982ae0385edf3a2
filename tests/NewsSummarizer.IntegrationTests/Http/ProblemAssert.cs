namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>Checks an RFC 9457 problem response and returns its body.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static int RetryAfterSeconds(HttpResponseMessage response)
    {
        var delta = response.Headers.RetryAfter?.Delta;
        Assert.True(delta is not null, "Retry-After is missing.");
        Assert.True(delta.Value >= TimeSpan.FromSeconds(1), $"Retry-After is {delta}.");
        return (int)delta.Value.TotalSeconds;
    }
}
