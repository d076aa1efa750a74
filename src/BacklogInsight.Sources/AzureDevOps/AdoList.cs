namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The <c>{"count": n, "value": [...]}</c> envelope; old examples write <c>values</c>, so both are read.</summary>
public sealed record AdoList<T>
{
    public int? Count { get; init; }

    public List<T?>? Value { get; init; }

    public List<T?>? Values { get; init; }

    /// <summary>The entries, nulls (ids <c>errorPolicy: omit</c> could not read) left out.</summary>
    public IReadOnlyList<T> Items => _items ??= [.. (Value ?? Values ?? []).Where(v => v is not null).Select(v => v!)];

    private IReadOnlyList<T>? _items;
}
