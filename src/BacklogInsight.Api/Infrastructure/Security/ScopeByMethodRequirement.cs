using Microsoft.AspNetCore.Authorization;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// The convention every endpoint gets unless it says otherwise: reading (GET, HEAD, OPTIONS) needs the read scope,
/// anything else needs admin. Admin implies read.
/// </summary>
public sealed class ScopeByMethodRequirement : AuthorizationHandler<ScopeByMethodRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeByMethodRequirement requirement)
    {
        var method = context.Resource switch
        {
            HttpContext http => http.Request.Method,
            _ => null,
        };
        var needed = method is not null && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            ? ApiScopes.Read
            : ApiScopes.Admin;
        if (context.User.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin) || context.User.HasClaim(ApiScopes.ClaimType, needed))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
