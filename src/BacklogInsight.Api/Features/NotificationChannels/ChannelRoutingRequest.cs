namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>
/// What a channel receives. <c>Teams</c>: team ids, or null for every team (and organisation-wide alerts);
/// <c>Rules</c>: rule ids, or null for every rule; <c>Events</c>: <c>opened</c>, <c>resolved</c>, <c>reminder</c>
/// (null: all three); <c>WeeklyReports</c>: whether the weekly reports go there too.
/// </summary>
public sealed record ChannelRoutingRequest(List<long>? Teams, List<string>? Rules, List<string>? Events, bool? WeeklyReports);
