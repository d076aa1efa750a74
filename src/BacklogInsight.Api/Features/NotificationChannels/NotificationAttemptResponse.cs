using BacklogInsight.Storage.Notifications;

namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>One try at a delivery: when, how long, the receiver's status code (HTTP or SMTP) and answer, the error.</summary>
public sealed record NotificationAttemptResponse(
    int Number, DateTimeOffset StartedAt, int DurationMilliseconds, bool Succeeded, int? StatusCode, string? Reply, string? Error)
{
    public static NotificationAttemptResponse From(NotificationAttempt attempt) => new(
        attempt.Number, attempt.StartedAt, attempt.DurationMilliseconds, attempt.Succeeded, attempt.StatusCode, attempt.Reply, attempt.Error);
}
