using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// Bounds request bodies to <see cref="AccessOptions.MaxRequestBodyBytes"/>: a declared length over it is answered 413
/// at once; otherwise the server's own limit is set (Kestrel then stops reading and the exception handler answers 413).
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<AccessOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"At most {limit} bytes are accepted (Security:MaxRequestBodyBytes).",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
