using BacklogInsight.Domain.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Jira;

/// <summary>Creates the <see cref="JiraClient"/> of a connection on the resilient <c>jira</c> HTTP client.</summary>
public sealed class JiraClientFactory(
    IHttpClientFactory httpClientFactory,
    IServiceProvider services,
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

        // Resolved here, not injected: the host registers its secret store, and a host without one can still run other sources.
        var secrets = services.GetService<IConnectionSecrets>()
            ?? throw new InvalidOperationException("No IConnectionSecrets is registered, so Jira tokens cannot be read.");
        var http = httpClientFactory.CreateClient(JiraClient.HttpClientName);
        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        return new JiraClient(http, connection, settings, secrets, options.Value, limits, loggerFactory.CreateLogger<JiraClient>());
    }
}
