namespace BacklogInsight.Sources.Sample;

/// <summary>The vocabulary of one team's product area, from which titles and comments are composed.</summary>
internal sealed record SampleDomain
{
    public required string TeamName { get; init; }

    public required string Prefix { get; init; }

    /// <summary>Things a story is about ("saved cards", "refund flow").</summary>
    public required IReadOnlyList<string> Objects { get; init; }

    /// <summary>What a user can do, for "As a … I can …" titles.</summary>
    public required IReadOnlyList<string> Capabilities { get; init; }

    public required IReadOnlyList<string> Users { get; init; }

    /// <summary>Code components developers talk about.</summary>
    public required IReadOnlyList<string> Components { get; init; }

    /// <summary>Epic titles framed by an outcome or a market.</summary>
    public required IReadOnlyList<string> Epics { get; init; }

    public required IReadOnlyList<string> Initiatives { get; init; }

    public required IReadOnlyList<string> Kpis { get; init; }

    public required IReadOnlyList<string> Segments { get; init; }

    public required IReadOnlyList<string> Competitors { get; init; }
}
