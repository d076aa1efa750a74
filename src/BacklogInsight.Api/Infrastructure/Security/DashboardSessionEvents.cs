using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// The dashboard's sign-in cookie: it ends when its key is revoked, and an API call without a valid one is answered
/// 401/403, never redirected to a login page.
/// </summary>
public sealed class DashboardSessionEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var keyId = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        if (!Guid.TryParse(keyId, out var id) || !await store.IsActiveAsync(id, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
