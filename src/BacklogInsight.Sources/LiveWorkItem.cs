namespace BacklogInsight.Sources;

/// <summary>A work item that exists in the tracker now: its immutable id and its current key.</summary>
/// <param name="SourceId">The tracker's own immutable id (Jira issue id, Azure DevOps work item id).</param>
/// <param name="Key">The human key now (<c>PAY-123</c>; for Azure DevOps the id again); differs from the stored key when the item moved.</param>
public sealed record LiveWorkItem(string SourceId, string Key);
