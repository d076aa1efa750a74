namespace BacklogInsight.Sources.Jira;

/// <summary>A status category; <see cref="Key"/> is <c>new</c>, <c>indeterminate</c> or <c>done</c>.</summary>
public sealed record JiraStatusCategory
{
    public string? Key { get; init; }

    public string? Name { get; init; }
}
