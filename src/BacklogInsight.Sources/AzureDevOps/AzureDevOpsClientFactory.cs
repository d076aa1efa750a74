using BacklogInsight.Domain.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Creates the <see cref="AzureDevOpsClient"/> of a connection on the resilient <c>azure-devops</c> HTTP client.</summary>
public sealed class AzureDevOpsClientFactory(
    IHttpClientFactory httpClientFactory,
    IServiceProvider services,
    IOptions<AzureDevOpsOptions> options,
    AzureDevOpsConnectionLimits limits,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    /// <exception cref="FormatException">The connection's settings or base URL are not valid.</exception>
    /// <exception cref="InvalidOperationException">The host registered no <see cref="IConnectionSecrets"/>.</exception>
    public AzureDevOpsClient Create(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = AzureDevOpsConnectionSettings.Parse(connection.SettingsJson);
        if (!Uri.TryCreate(connection.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            throw new FormatException(
                $"The Azure DevOps base URL '{connection.BaseUrl}' is not an absolute http(s) address such as "
                + "https://dev.azure.com/contoso or https://tfs.contoso.com/tfs/DefaultCollection.");
        }

        // Hosts register their secret store per scope (it reads the database), while a source lives longer than a scope:
        // each read of a secret opens its own scope. Resolving the store from the root provider would capture one
        // DbContext for the process (and throws when scopes are validated).
        if (services.GetService<IServiceProviderIsService>() is { } registry && !registry.IsService(typeof(IConnectionSecrets)))
        {
            throw new InvalidOperationException("No IConnectionSecrets is registered, so Azure DevOps tokens cannot be read.");
        }

        var secrets = new AzureDevOpsScopedSecrets(services);
        var http = httpClientFactory.CreateClient(AzureDevOpsClient.HttpClientName);
        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        return new AzureDevOpsClient(
            http, connection, settings, secrets, options.Value, limits, timeProvider, loggerFactory.CreateLogger<AzureDevOpsClient>());
    }
}
