namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>A channel's routing; null teams or rules mean "all".</summary>
public sealed record ChannelRoutingResponse(IReadOnlyList<long>? Teams, IReadOnlyList<string>? Rules, IReadOnlyList<string> Events, bool WeeklyReports);
