namespace BacklogInsight.Api.Features.Activities;

/// <summary>Who acted.</summary>
public sealed record ActorRef(string SourceId, string? DisplayName, bool IsBot);
