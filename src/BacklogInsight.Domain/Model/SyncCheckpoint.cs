namespace BacklogInsight.Domain.Model;

/// <summary>
/// An opaque position in a source's change stream. Only the source that wrote it can read it;
/// storage keeps it per connection and advances it in the same transaction as the page it covers.
/// </summary>
public sealed record SyncCheckpoint(string Value)
{
    public override string ToString() => Value;
}
