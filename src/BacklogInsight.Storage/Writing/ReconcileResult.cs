namespace BacklogInsight.Storage.Writing;

/// <summary>What a reconciliation found: items compared, marked deleted, renamed (moved) and restored.</summary>
public sealed record ReconcileResult(int Checked, int Deleted, int Moved, int Restored);
