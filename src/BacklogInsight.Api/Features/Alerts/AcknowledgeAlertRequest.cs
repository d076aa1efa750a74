namespace BacklogInsight.Api.Features.Alerts;

/// <summary>Who acknowledges the alert: a name or an e-mail address, as the team knows the person.</summary>
public sealed record AcknowledgeAlertRequest(string? By);
