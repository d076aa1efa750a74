namespace BacklogInsight.Api.Infrastructure;

/// <summary>Whether this process registers the recurring jobs (serving processes do; one-shot commands do not).</summary>
public sealed record StartupInitializerOptions(bool ScheduleRecurringJobs);
