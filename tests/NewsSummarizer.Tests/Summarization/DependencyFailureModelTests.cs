using System.ClientModel;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Summarization;

/// <summary>The HTTP API answers model failures by the one classifier's classes.</summary>
public sealed class DependencyFailureModelTests
{
    private readonly FakeTimeProvider time = new();

    [Theory]
    [InlineData(400, ModelFailureClassifierTests.PromptFilteredBody, StatusCodes.Status422UnprocessableEntity, "content-filtered")]
    [InlineData(400, ModelFailureClassifierTests.TemperatureRefusedBody, StatusCodes.Status502BadGateway, "model-rejected-request")]
    [InlineData(404, ModelFailureClassifierTests.DeploymentNotFoundBody, StatusCodes.Status502BadGateway, "model-not-found")]
    [InlineData(401, ModelFailureClassifierTests.BadKeyBody, StatusCodes.Status502BadGateway, "model-auth-failed")]
    [InlineData(429, "{}", StatusCodes.Status429TooManyRequests, "model-throttled")]
    [InlineData(503, "{}", StatusCodes.Status503ServiceUnavailable, "model-unavailable")]
    public void ToProblem_ModelAnswer_MapsItsClass(int status, string body, int expectedStatus, string expectedCode)
    {
        var exception = new InvalidOperationException("wrapped", new ClientResultException(ModelFailureClassifierTests.Response(status, body)));

        var problem = DependencyFailure.ToProblem(exception, time, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Equal(expectedStatus, problem.StatusCode);
        Assert.Equal(expectedCode, ((ApiProblem)problem.Value).Code);
    }
}
