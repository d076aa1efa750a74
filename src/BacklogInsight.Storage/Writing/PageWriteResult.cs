namespace BacklogInsight.Storage.Writing;

/// <summary>What storing one page changed.</summary>
public sealed record PageWriteResult(int Items, int ActivitiesAdded, int ActivitiesAlreadyStored);
