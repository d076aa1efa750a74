namespace BacklogInsight.Sources.Jira;

/// <summary>The answer of <c>/mypermissions</c>: permission key → whether the caller has it.</summary>
public sealed record JiraPermissions
{
    public IReadOnlyDictionary<string, JiraPermission> Permissions { get; init; } = new Dictionary<string, JiraPermission>();
}
