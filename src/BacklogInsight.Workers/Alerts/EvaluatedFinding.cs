using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Alerts;

/// <summary>A finding with the subject it is about, ready for the lifecycle.</summary>
public sealed record EvaluatedFinding(AlertFinding Finding, long? TeamId, string? TeamName, Guid? ConnectionId)
{
    public string SubjectKey => TeamId is { } team ? Alert.TeamSubject(team) : Alert.ConnectionSubject(ConnectionId!.Value);
}
