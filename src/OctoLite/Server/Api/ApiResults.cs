using System.Text.Json.Serialization.Metadata;

namespace OctoLite.Server.Api;

/// <summary>Turns service results into HTTP responses: the value as JSON, or a problem-details body.</summary>
internal static class ApiResults
{
    public static IResult Ok<T>(Result<T> result, JsonTypeInfo<T> typeInfo) =>
        result.IsSuccess ? TypedResults.Json(result.Value, typeInfo) : Problem(result.Problem);

    public static IResult Created<T>(Result<T> result, JsonTypeInfo<T> typeInfo, Func<T, string> location) =>
        result.IsSuccess
            ? new LocatedResult(TypedResults.Json(result.Value, typeInfo, statusCode: StatusCodes.Status201Created), location(result.Value))
            : Problem(result.Problem);

    public static IResult Problem(Problem problem) =>
        TypedResults.Json(ProblemBody.From(problem), ApiJsonContext.Default.ProblemBody, "application/problem+json", problem.Status);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
