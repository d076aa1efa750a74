namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>The answer to a delivery: <c>queued</c> (a refresh of the item was queued), <c>duplicate</c> or <c>ignored</c>.</summary>
public sealed record WebhookResponse(string Status, string? Event, string? IssueId, string? IssueKey);
