using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Jira;

/// <summary>Creates the <see cref="JiraClient"/> of a connection on the resilient <c>jira</c> HTTP client.</summary>
public sealed class JiraClientFactory(
    IHttpClientFactory httpClientFactory,
    IServiceProvider services,
    OutboundGuard guard,
    IOptions<JiraOptions> options,
    JiraConnectionLimits limits,
    ILoggerFactory loggerFactory)
{
    /// <exception cref="FormatException">The connection's settings or base URL are not valid.</exception>
    /// <exception cref="InvalidOperationException">The host registered no <see cref="IConnectionSecrets"/>.</exception>
    public JiraClient Create(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = JiraConnectionSettings.Parse(connection.SettingsJson);
        if (!Uri.TryCreate(connection.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            throw new FormatException(
                $"The Jira base URL '{connection.BaseUrl}' is not an absolute http(s) address such as https://acme.atlassian.net.");
        }

        if (guard.CheckUrl(baseUrl) is { } problem)
        {
            throw new FormatException($"The Jira base URL is not allowed: {problem}");
        }

        // Hosts register their secret store per scope (it reads the database), while sources live longer than a
        // scope: each read opens its own scope. Resolving it from the root provider would capture one DbContext for
        // the process (and throws with scope validation on).
        if (services.GetService<IServiceProviderIsService>() is { } registry && !registry.IsService(typeof(IConnectionSecrets)))
        {
            throw new InvalidOperationException("No IConnectionSecrets is registered, so Jira tokens cannot be read.");
        }

        var secrets = new ScopedConnectionSecrets(services);
        var http = httpClientFactory.CreateClient(JiraClient.HttpClientName);
        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        return new JiraClient(http, connection, settings, secrets, options.Value, limits, loggerFactory.CreateLogger<JiraClient>());
    }
}

/// <summary>Reads each secret in a scope of its own, so a scoped store is never captured by a long-lived client.</summary>
internal sealed class ScopedConnectionSecrets(IServiceProvider services) : IConnectionSecrets
{
    /// <exception cref="InvalidOperationException">The host registered no <see cref="IConnectionSecrets"/>.</exception>
    public async ValueTask<string?> GetAsync(Guid connectionId, string name, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var secrets = scope.ServiceProvider.GetService<IConnectionSecrets>()
            ?? throw new InvalidOperationException("No IConnectionSecrets is registered, so Jira tokens cannot be read.");
        return await secrets.GetAsync(connectionId, name, cancellationToken);
    }
}
