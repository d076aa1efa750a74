namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>What a Jira issue webhook delivery carries that we read: the event, when, and which issue.</summary>
public sealed record JiraWebhookEvent
{
    /// <summary><c>jira:issue_created</c>, <c>jira:issue_updated</c>, <c>jira:issue_deleted</c>, or another event (ignored).</summary>
    public string? WebhookEvent { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long? Timestamp { get; init; }

    public JiraWebhookIssue? Issue { get; init; }
}
