using System.Text.RegularExpressions;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BacklogInsight.Api.Features.Keys;

/// <summary>API keys, for admins only (listing included: names and scopes tell who can do what).</summary>
public static partial class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(SecurityRegistration.AdminPolicy);
        api.MapGet("/", ListKeysAsync);
        api.MapPost("/", CreateKeyAsync);
        api.MapDelete("/{id:guid}", RevokeKeyAsync);
        return app;
    }

    public static async Task<Ok<List<ApiKeyResponse>>> ListKeysAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(ApiKeyResponse.From).ToList());

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateKeyAsync(
        CreateApiKeyRequest request, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var errors = Validate(request.Name, request.Scope);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (stored, key) = await keys.CreateAsync(request.Name!, request.Scope!, cancellationToken);
        return TypedResults.Created(
            $"/api/keys/{stored.Id}", new CreatedApiKeyResponse(stored.Id, stored.Name, stored.Scope, stored.Prefix, stored.CreatedAt, key));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(Guid id, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFoundProblem.Of("API key", id);

    /// <summary>The problems with a key's name and scope, by field; shared with <c>keys create</c>.</summary>
    public static Dictionary<string, string[]> Validate(string? name, string? scope)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || !NamePattern().IsMatch(name))
        {
            errors["name"] = ["Name the key's holder with 1 to 100 letters, digits, spaces, '-', '_' or '.'."];
        }

        if (!ApiScopes.IsValid(scope))
        {
            errors["scope"] = ["scope is 'read' (every GET) or 'admin' (everything)."];
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9 ._-]{1,100}$")]
    private static partial Regex NamePattern();
}
