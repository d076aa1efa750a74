namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>One request a <see cref="WebhookReceiver"/> got, and its answer.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Answered, bool SignatureValid)
{
    public string? IdempotencyKey => Headers.GetValueOrDefault("Idempotency-Key");
}
