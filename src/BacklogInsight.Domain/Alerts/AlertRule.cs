namespace BacklogInsight.Domain.Alerts;

/// <summary>One kind of alert: its stable id, its title as people read it, and how loudly it speaks.</summary>
public sealed record AlertRule(string Id, string Title, AlertSeverity Severity, string Description)
{
    public static AlertRule LacksOwner { get; } = new(
        "team-lacks-owner", "Team lacks an owner", AlertSeverity.Critical,
        "Delivery continues but nobody made an owner decision on the backlog in the window, or the designated owner is deactivated or did no owner work in it.");

    public static AlertRule ThinOwnership { get; } = new(
        "thin-ownership", "Thin ownership", AlertSeverity.Warning,
        "Owner decisions are fewer than the thin-ownership ratio of the delivery work in the owner window.");

    public static AlertRule LacksStrategicDirection { get; } = new(
        "team-lacks-strategic-direction", "Team lacks strategic direction", AlertSeverity.Warning,
        "Delivery and owner work continue but strategic work on the team's backlog stays at or under the floor in the strategy window, or completed stories no longer roll up to anything strategic.");

    public static AlertRule CombinedRole { get; } = new(
        "combined-role", "Combined role", AlertSeverity.Info,
        "One person carries most of both the strategic and the owner work (information, not a defect).");

    public static AlertRule SyncStale { get; } = new(
        "sync-stale", "Sync stale or failing", AlertSeverity.Warning,
        "A connection has not synced successfully in the stale factor times its schedule, or its last runs all failed.");

    public static IReadOnlyList<AlertRule> All { get; } = [LacksOwner, ThinOwnership, LacksStrategicDirection, CombinedRole, SyncStale];

    public static AlertRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
