namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The ChangedDate high-water mark of one query scope and the ids stored at exactly that instant.</summary>
internal sealed record AzureDevOpsScopeMark
{
    public required DateTimeOffset Changed { get; init; }

    public IReadOnlyList<int> Ids { get; init; } = [];

    public bool Equals(AzureDevOpsScopeMark? other) =>
        other is not null && Changed == other.Changed && Ids.SequenceEqual(other.Ids);

    public override int GetHashCode() => HashCode.Combine(Changed, Ids.Count);
}
