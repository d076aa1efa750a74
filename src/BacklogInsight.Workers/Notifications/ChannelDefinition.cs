namespace BacklogInsight.Workers.Notifications;

/// <summary>What a notification channel is made from, whichever way it is created.</summary>
public sealed record ChannelDefinition
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    /// <summary>Kind-specific, non-secret settings as a JSON object.</summary>
    public string SettingsJson { get; init; } = "{}";

    /// <summary>Write-only: stored encrypted, never returned or logged.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>Null: every team.</summary>
    public IReadOnlyList<long>? TeamIds { get; init; }

    /// <summary>Null: every rule.</summary>
    public IReadOnlyList<string>? RuleIds { get; init; }

    /// <summary>Null: every alert transition.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    public bool WeeklyReports { get; init; }
}
