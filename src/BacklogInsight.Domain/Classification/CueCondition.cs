namespace BacklogInsight.Domain.Classification;

/// <summary>
/// A test on cue scores: the score of <see cref="Set"/> in <see cref="Scope"/> is between <see cref="Min"/> and
/// <see cref="Max"/>, and at least the sum of the <see cref="Exceeds"/> sets' scores plus <see cref="By"/>.
/// </summary>
public sealed record CueCondition
{
    public required CueSet Set { get; init; }

    public required TextScope Scope { get; init; }

    public int Min { get; init; } = 1;

    public int Max { get; init; } = int.MaxValue;

    public IReadOnlyList<CueSet> Exceeds { get; init; } = [];

    public int By { get; init; }
}
