using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>Maps a validated token's scopes or roles to read or admin; a token with neither is refused.</summary>
public static class JwtScopes
{
    private static readonly string[] ValueClaims = ["scope", "scp", "roles", "role", ClaimTypes.Role];

    public static Task Map(TokenValidatedContext context, JwtOptions options)
    {
        var principal = context.Principal!;
        var values = principal.Claims.Where(c => ValueClaims.Contains(c.Type))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var scope = options.EffectiveAdminValues.Any(values.Contains) ? ApiScopes.Admin
            : options.EffectiveReadValues.Any(values.Contains) ? ApiScopes.Read
            : null;
        if (scope is null)
        {
            context.Fail("The token grants neither read nor admin (see Security:Jwt:ReadValues and AdminValues).");
            return Task.CompletedTask;
        }

        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
        principal.AddIdentity(new ClaimsIdentity(
            [new Claim(ApiScopes.ClaimType, scope), new Claim(ApiScopes.CallerClaimType, "token:" + subject)]));
        return Task.CompletedTask;
    }
}
