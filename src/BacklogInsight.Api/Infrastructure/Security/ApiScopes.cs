namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>What a caller may do: <c>read</c> (every GET) or <c>admin</c> (everything; implies read).</summary>
public static class ApiScopes
{
    public const string Read = "read";

    public const string Admin = "admin";

    /// <summary>The claim that carries the scope, whichever way the caller signed in.</summary>
    public const string ClaimType = "backlog_scope";

    /// <summary>The claim that names the key (or token subject) a request is counted against.</summary>
    public const string CallerClaimType = "backlog_caller";

    public static bool IsValid(string? scope) => scope is Read or Admin;
}
