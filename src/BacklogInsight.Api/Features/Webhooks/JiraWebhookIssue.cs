namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>The issue a delivery names; its fields are not trusted or used: the issue is read again through REST.</summary>
public sealed record JiraWebhookIssue
{
    public string? Id { get; init; }

    public string? Key { get; init; }
}
