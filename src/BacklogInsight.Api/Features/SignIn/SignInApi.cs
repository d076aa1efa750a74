using System.Security.Claims;
using BacklogInsight.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BacklogInsight.Api.Features.SignIn;

/// <summary>
/// The dashboard signs in with an API key into an HttpOnly, SameSite=Strict cookie (Secure over HTTPS); its API calls
/// then carry the cookie. Scripts use the key directly.
/// </summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous();
        auth.MapPost("/sign-out", (Delegate)SignOutAsync).AllowAnonymous();
        auth.MapGet("/session", GetSession);
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (!context.Request.Headers.ContainsKey(CookieRequestGuard.HeaderName))
        {
            return TypedResults.Problem(
                title: "Sign-in needs the X-Requested-With header.", detail: "The dashboard sends it; other sites cannot.", statusCode: StatusCodes.Status400BadRequest);
        }

        var key = string.IsNullOrWhiteSpace(request.Key) ? null : await keys.FindActiveAsync(request.Key.Trim(), cancellationToken);
        if (key is null)
        {
            return TypedResults.Problem(title: "That key is unknown or revoked.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var identity = ApiKeyAuthenticationHandler.Identity(key, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<SessionResponse> GetSession(ClaimsPrincipal user) =>
        TypedResults.Ok(new SessionResponse(user.Identity?.Name ?? "token", user.FindFirst(ApiScopes.ClaimType)?.Value ?? ApiScopes.Read));
}
