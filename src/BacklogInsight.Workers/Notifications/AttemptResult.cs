namespace BacklogInsight.Workers.Notifications;

/// <summary>What one attempt came to. <see cref="Retryable"/>: whether trying again later may succeed.</summary>
public sealed record AttemptResult(bool Succeeded, int? StatusCode, string? Reply, string? Error, bool Retryable)
{
    public static AttemptResult Success(int? statusCode, string? reply) => new(true, statusCode, reply, null, false);

    public static AttemptResult Failure(string error, bool retryable, int? statusCode = null, string? reply = null) =>
        new(false, statusCode, reply, error, retryable);
}
