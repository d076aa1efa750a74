using Microsoft.AspNetCore.Authentication.Cookies;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// Cross-site request forgery: a browser sends the dashboard's cookie with whatever a page makes it send, but no other
/// site can add a custom header without a CORS pre-flight this service never grants. So a change made with the cookie
/// must carry <c>X-Requested-With</c>; callers with a key or token are not affected.
/// </summary>
public sealed class CookieRequestGuard(RequestDelegate next)
{
    public const string HeaderName = "X-Requested-With";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var method = context.Request.Method;
        var changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        var byCookie = context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
        if (changes && byCookie && !context.Request.Headers.ContainsKey(HeaderName))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "A change made with the dashboard's sign-in needs the X-Requested-With header.",
                    Detail = "This protects against other web sites making changes in a signed-in browser. Scripts and tools use an API key instead.",
                },
            });
            return;
        }

        await next(context);
    }
}
