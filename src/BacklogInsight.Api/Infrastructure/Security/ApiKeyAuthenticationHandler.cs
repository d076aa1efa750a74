using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BacklogInsight.Domain.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> against the stored key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindActiveAsync(presented, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(Identity(key, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The claims of a caller holding <paramref name="key"/>, also used for a dashboard session.</summary>
    public static ClaimsIdentity Identity(ApiKey key, string authenticationType) => new(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString("D", CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ApiScopes.ClaimType, key.Scope),
            new Claim(ApiScopes.CallerClaimType, "key:" + key.Id.ToString("D", CultureInfo.InvariantCulture)),
        ],
        authenticationType);

    /// <summary>The key in the request's headers, if any.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
