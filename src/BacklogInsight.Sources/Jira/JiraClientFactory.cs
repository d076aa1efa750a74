using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Jira;

/// <summary>Creates the <see cref="JiraClient"/> of a connection on the resilient <c>jira</c> HTTP client.</summary>
public sealed class JiraClientFactory(
    IHttpClientFactory httpClientFactory,
    IConnectionSecrets secrets,
    IOptions<JiraOptions> options,
    JiraConnectionLimits limits,
    ILoggerFactory loggerFactory)
{
    /// <exception cref="FormatException">The connection's settings or base URL are not valid.</exception>
    public JiraClient Create(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = JiraConnectionSettings.Parse(connection.SettingsJson);
        if (!Uri.TryCreate(connection.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            throw new FormatException(
                $"The Jira base URL '{connection.BaseUrl}' is not an absolute http(s) address such as https://acme.atlassian.net.");
        }

        var http = httpClientFactory.CreateClient(JiraClient.HttpClientName);
        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        return new JiraClient(http, connection, settings, secrets, options.Value, limits, loggerFactory.CreateLogger<JiraClient>());
    }
}
