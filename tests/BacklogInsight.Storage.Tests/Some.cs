using BacklogInsight.Domain.Model;

namespace BacklogInsight.Storage.Tests;

/// <summary>Throwaway domain values with sane defaults.</summary>
public static class Some
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static WorkItem WorkItem(Guid connectionId, string sourceId, string status = "To Do") => new()
    {
        ConnectionId = connectionId,
        SourceId = sourceId,
        Key = $"PAY-{sourceId}",
        Type = "Story",
        Title = $"Story {sourceId}",
        Status = status,
        StatusCategory = StatusCategory.ToDo,
        TeamSourceId = "1",
        Labels = ["checkout"],
        CreatedAt = Start,
        UpdatedAt = Start,
    };

    public static Activity Activity(Guid connectionId, string itemId, string key, int minutes = 0) => new()
    {
        ConnectionId = connectionId,
        SourceKey = key,
        WorkItemSourceId = itemId,
        ActorSourceId = "alice",
        OccurredAt = Start.AddMinutes(minutes),
        Kind = ActivityKind.Commented,
        Text = "Looks good",
    };
}
