namespace BacklogInsight.Domain.Model;

/// <summary>A configured link to one tracker site or organisation.</summary>
public sealed class Connection
{
    public Guid Id { get; init; }

    /// <summary>A unique, human-chosen name such as <c>acme-jira</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The source kind: <c>sample</c>, <c>jira</c> or <c>azure-devops</c> (see <see cref="SourceKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The site or organisation URL; empty for the sample source.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Source-specific, non-secret settings as a JSON object.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Cron expression of the recurring sync; null uses the installation default.</summary>
    public string? SyncCron { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}
