namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>An iteration a team selected (<c>work/teamsettings/iterations</c>).</summary>
public sealed record AdoIteration
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The path in <c>System.IterationPath</c> form: <c>Phoenix\Release 3\Sprint 14</c>.</summary>
    public string? Path { get; init; }

    public AdoIterationAttributes? Attributes { get; init; }
}
