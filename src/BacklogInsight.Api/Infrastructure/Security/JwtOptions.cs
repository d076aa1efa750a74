namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// Optional OpenID Connect bearer tokens, section <c>Security:Jwt</c>: on when <see cref="Authority"/> or
/// <see cref="SigningKey"/> is set. A token's <c>scope</c>/<c>scp</c>/<c>roles</c> values map to read or admin.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Security:Jwt";

    /// <summary>The identity provider (its <c>/.well-known/openid-configuration</c> gives the signing keys), e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry (the API's client id or URI).</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer tokens must carry when no authority is set.</summary>
    public string? Issuer { get; set; }

    /// <summary>A shared HMAC signing key (at least 32 characters) instead of an authority: for tests and closed setups.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Scope or role values that grant read. Default <c>backlog.read</c>.</summary>
    public IList<string> ReadValues { get; set; } = [];

    /// <summary>Scope or role values that grant admin. Default <c>backlog.admin</c>.</summary>
    public IList<string> AdminValues { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    public IEnumerable<string> EffectiveReadValues => ReadValues.Count == 0 ? ["backlog.read"] : ReadValues;

    public IEnumerable<string> EffectiveAdminValues => AdminValues.Count == 0 ? ["backlog.admin"] : AdminValues;
}
