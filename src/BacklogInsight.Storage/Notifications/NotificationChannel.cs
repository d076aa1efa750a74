namespace BacklogInsight.Storage.Notifications;

/// <summary>
/// A place alerts and weekly reports are delivered to (a Slack or Teams webhook, a generic webhook, an e-mail list),
/// with its routing. Secrets live apart, encrypted, in <see cref="NotificationChannelSecret"/>.
/// </summary>
public sealed class NotificationChannel
{
    public Guid Id { get; init; }

    /// <summary>A unique, human-chosen name such as <c>product-leads</c>.</summary>
    public required string Name { get; set; }

    /// <summary><c>slack</c>, <c>teams</c>, <c>webhook</c> or <c>email</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Kind-specific, non-secret settings as a JSON object.</summary>
    public string SettingsJson { get; set; } = "{}";

    public bool Enabled { get; set; } = true;

    /// <summary>The teams whose alerts go here; null for every team (and organisation-wide alerts).</summary>
    public IReadOnlyList<long>? TeamIds { get; set; }

    /// <summary>The rules whose alerts go here; null for every rule.</summary>
    public IReadOnlyList<string>? RuleIds { get; set; }

    /// <summary>The alert transitions that go here: <c>opened</c>, <c>resolved</c>, <c>reminder</c>.</summary>
    public IReadOnlyList<string> Events { get; set; } = [];

    /// <summary>Whether the weekly reports are delivered here too.</summary>
    public bool WeeklyReports { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
