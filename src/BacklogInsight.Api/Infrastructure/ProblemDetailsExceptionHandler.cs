using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Pipeline;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>Maps our exceptions, and malformed requests, to problem details; anything else stays a 500.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ConnectionValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The connection is invalid.",
            },
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = badRequest.InnerException?.Message ?? badRequest.Message,
            },
            ConnectionNotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = notFound.Message },
            SyncAlreadyRunningException running => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = running.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
