namespace BacklogInsight.Api.Features.People;

/// <summary>One page of people; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record PeoplePageResponse(IReadOnlyList<PersonResponse> Items, string? NextCursor)
{
    /// <summary>Why <see cref="Items"/> is empty although people acted (a team under <c>Privacy:MinimumGroupSize</c>); null when shown.</summary>
    public string? HiddenReason { get; init; }
}
