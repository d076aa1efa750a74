namespace BacklogInsight.Sources.Jira;

/// <summary>One entry of <c>/mypermissions</c>.</summary>
public sealed record JiraPermission
{
    public string? Name { get; init; }

    public bool HavePermission { get; init; }
}
