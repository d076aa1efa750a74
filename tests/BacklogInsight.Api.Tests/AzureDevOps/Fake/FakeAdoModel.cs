namespace BacklogInsight.Api.Tests.AzureDevOps.Fake;

/// <summary>How big and how busy the generated Azure DevOps organisation is.</summary>
public sealed record FakeAdoOptions
{
    public int Items { get; init; } = 400;

    public int Seed { get; init; } = 11;

    /// <summary>Updates of an ordinary item: 1 (its creation) to this (uniform); the mean is about half of it.</summary>
    public int MaxOrdinaryUpdates { get; init; } = 28;

    /// <summary>Share of items with more updates than one page of the updates API holds (201..260).</summary>
    public double LongHistoryShare { get; init; } = 0.005;

    /// <summary>Share of items with more comments than one page of the comments API holds (201..240).</summary>
    public double ManyCommentsShare { get; init; } = 0.003;

    /// <summary>The most entries one page of updates, comments, teams or members holds, whatever the client asks for.</summary>
    public int MaxPageSize { get; init; } = 200;

    /// <summary>The WIQL result cap: a query matching more fails with VS402337 (whatever its <c>$top</c>).</summary>
    public int WiqlCap { get; init; } = 20_000;

    /// <summary>The highest api-version the server accepts (Services: 7.1; Server 2020: 6.0).</summary>
    public string ServerVersion { get; init; } = "7.1";

    /// <summary>The personal access token the organisation accepts.</summary>
    public string Token { get; init; } = "fake-pat";

    /// <summary>Every item is created and changed inside [Start, Start + Span).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 8, 3, 0, 0, 0, TimeSpan.Zero);

    public TimeSpan Span { get; init; } = TimeSpan.FromDays(84);
}

/// <summary>An account of the organisation (a person or the build service).</summary>
public sealed record FakeAdoPerson(string Id, string DisplayName, string UniqueName, string Descriptor);

/// <summary>A project with its three teams.</summary>
public sealed record FakeAdoProject(int Index, string Id, string Name, IReadOnlyList<FakeAdoTeam> Teams);

/// <summary>A team: its area (with children) and its administrator.</summary>
public sealed record FakeAdoTeam(string Id, string Name, string ProjectName, string AreaPath, IReadOnlyList<int> Members);

/// <summary>An iteration of a project (every team selects all of them).</summary>
public sealed record FakeAdoIteration(string Id, string Name, string Path, DateTimeOffset Start, DateTimeOffset Finish);

/// <summary>One field change of an update; values are strings, doubles, ints, instants or people (identity refs).</summary>
public sealed record FakeAdoFieldChange(string Name, object? Old, object? New);

/// <summary>One update (<c>workItems/{id}/updates</c>) and how many activities it should give.</summary>
public sealed record FakeAdoUpdate(
    int Id,
    int Rev,
    FakeAdoPerson Actor,
    DateTimeOffset At,
    IReadOnlyList<FakeAdoFieldChange>? Fields,
    (string Rel, int Target)? RelationAdded,
    int Activities);

public sealed record FakeAdoComment(int Id, FakeAdoPerson Author, DateTimeOffset At, string Html);

/// <summary>A work item as it is now, with every update and comment.</summary>
public sealed record FakeAdoItem(
    int Id,
    int Rev,
    IReadOnlyDictionary<string, object> Fields,
    IReadOnlyList<(string Rel, int Target)> Relations,
    IReadOnlyList<FakeAdoUpdate> Updates,
    IReadOnlyList<FakeAdoComment> Comments)
{
    public string Project => (string)Fields["System.TeamProject"];

    public DateTimeOffset Changed => (DateTimeOffset)Fields["System.ChangedDate"];
}
