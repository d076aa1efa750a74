namespace BacklogInsight.Domain.Alerts;

/// <summary>Where a stored alert stands. Resolved alerts are kept as history; a new occurrence is a new alert.</summary>
public enum AlertState
{
    Open = 1,

    /// <summary>A person has seen it: no more reminders; it still resolves on its own when the condition clears.</summary>
    Acknowledged = 2,

    Resolved = 3,
}
