using Microsoft.AspNetCore.Http.HttpResults;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>A 404 problem that says what was not found.</summary>
public static class NotFoundProblem
{
    public static ProblemHttpResult Of(string what, object id) =>
        TypedResults.Problem(title: $"No {what} with id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
