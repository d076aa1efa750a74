using System.Text.Json;
using System.Text.RegularExpressions;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Sources.Http;
using BacklogInsight.Storage;
using Cronos;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Workers.Connections;

/// <summary>Creates and updates connections with their sync state, whether they come from the API or configuration.</summary>
public sealed partial class ConnectionRegistration(BacklogDbContext db, IBacklogSourceFactory sources, ProtectedConnectionSecrets secrets, OutboundGuard outbound, TimeProvider time)
{
    /// <summary>Creates the connection, or returns null when its name is taken.</summary>
    public async Task<Connection?> CreateAsync(ConnectionDefinition definition, CancellationToken cancellationToken)
    {
        await ValidateAsync(definition, cancellationToken);
        if (await db.Connections.AnyAsync(c => c.Name == definition.Name, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var connection = new Connection
        {
            Id = Guid.CreateVersion7(now),
            Name = definition.Name,
            Kind = definition.Kind.ToLowerInvariant(),
            BaseUrl = definition.BaseUrl,
            SettingsJson = definition.SettingsJson,
            SyncCron = definition.SyncCron,
            CreatedAt = now,
        };
        db.Connections.Add(connection);
        db.SyncStates.Add(new ConnectionSyncState { ConnectionId = connection.Id });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await secrets.SetAsync(connection.Id, definition.Secrets, cancellationToken);
        return connection;
    }

    /// <summary>Creates the connection, or brings an existing one of that name in line with the definition.</summary>
    public async Task<Connection> CreateOrUpdateAsync(ConnectionDefinition definition, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(definition, cancellationToken);
        if (created is not null)
        {
            return created;
        }

        var existing = await db.Connections.SingleAsync(c => c.Name == definition.Name, cancellationToken);
        if (!string.Equals(existing.Kind, definition.Kind, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectionValidationException(new Dictionary<string, string[]>
            {
                ["kind"] = [$"Connection '{definition.Name}' exists with kind '{existing.Kind}'; the kind of a connection cannot change."],
            });
        }

        existing.BaseUrl = definition.BaseUrl;
        existing.SettingsJson = definition.SettingsJson;
        existing.SyncCron = definition.SyncCron;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await secrets.SetAsync(existing.Id, definition.Secrets, cancellationToken);
        return existing;
    }

    private async Task ValidateAsync(ConnectionDefinition definition, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(definition.Name) || !NamePattern().IsMatch(definition.Name))
        {
            errors["name"] = ["Use 1 to 100 letters, digits, '-', '_' or '.'."];
        }

        if (!sources.Kinds.Contains(definition.Kind, StringComparer.OrdinalIgnoreCase))
        {
            errors["kind"] = [$"Unknown kind '{definition.Kind}'. Available: {string.Join(", ", sources.Kinds.Order(StringComparer.Ordinal))}."];
        }

        if (!IsJsonObject(definition.SettingsJson))
        {
            errors["settings"] = ["Settings must be a JSON object."];
        }

        if (definition.SyncCron is not null && !IsCron(definition.SyncCron))
        {
            errors["syncCron"] = [$"'{definition.SyncCron}' is not a cron expression (five fields, e.g. '*/15 * * * *')."];
        }

        if (definition.BaseUrl is not null && !Uri.TryCreate(definition.BaseUrl, UriKind.Absolute, out _))
        {
            errors["baseUrl"] = ["Give an absolute URL, e.g. https://acme.atlassian.net."];
        }
        else if (definition.BaseUrl is not null && await outbound.CheckBeforeUseAsync(new Uri(definition.BaseUrl), cancellationToken) is { } refused)
        {
            errors["baseUrl"] = [refused];
        }

        if (definition.Secrets.Any(s => !SecretNamePattern().IsMatch(s.Key) || string.IsNullOrEmpty(s.Value) || s.Value.Length > 4000))
        {
            errors["secrets"] = ["Secret names are lower-case words (e.g. 'token'); values are non-empty, at most 4000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new ConnectionValidationException(errors);
        }
    }

    private static bool IsJsonObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsCron(string cron)
    {
        try
        {
            CronExpression.Parse(cron);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,49}$")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();
}
