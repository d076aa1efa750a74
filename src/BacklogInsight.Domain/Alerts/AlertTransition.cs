namespace BacklogInsight.Domain.Alerts;

/// <summary>What happened to an alert that its channels are told about.</summary>
public enum AlertTransition
{
    Opened,
    Reminder,
    Resolved,
}
