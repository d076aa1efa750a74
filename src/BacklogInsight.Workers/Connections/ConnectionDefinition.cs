namespace BacklogInsight.Workers.Connections;

/// <summary>A connection as declared in configuration (<c>Connections:N</c>) or posted to the API.</summary>
public sealed record ConnectionDefinition
{
    /// <summary>Unique name, e.g. <c>acme-jira</c>: letters, digits, '-', '_' and '.'.</summary>
    public required string Name { get; init; }

    /// <summary><c>sample</c> (Jira and Azure DevOps arrive with their connectors).</summary>
    public required string Kind { get; init; }

    /// <summary>The site or organisation URL; none for the sample source.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Source-specific, non-secret settings as a JSON object, e.g. <c>{"seed":42}</c> for the sample.</summary>
    public string SettingsJson { get; init; } = "{}";

    /// <summary>Secrets by name (e.g. <c>token</c>): stored encrypted, never returned.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>Cron of the recurring sync (UTC); null uses <c>Sync:DefaultCron</c>.</summary>
    public string? SyncCron { get; init; }
}
