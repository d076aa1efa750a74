using Microsoft.Extensions.Logging;

namespace BacklogInsight.Workers.Pipeline;

/// <summary>The events of a sync; connection and run ids come from the logging scope.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(1000, LogLevel.Information, "Sync of {ConnectionName} ({Kind}) started")]
    public static partial void Started(ILogger logger, string connectionName, string kind);

    [LoggerMessage(1001, LogLevel.Information, "Discovered {Teams} teams, {People} people, {Sprints} sprints")]
    public static partial void Discovered(ILogger logger, int teams, int people, int sprints);

    [LoggerMessage(1002, LogLevel.Debug, "Stored page: {Items} items, {ActivitiesAdded} activities added, {ActivitiesAlreadyStored} already stored; checkpoint {Checkpoint}")]
    public static partial void PageStored(ILogger logger, int items, int activitiesAdded, int activitiesAlreadyStored, string checkpoint);

    [LoggerMessage(1003, LogLevel.Information, "Sync finished: {Pages} pages, {Items} items, {ActivitiesAdded} activities added, {Requests} requests, {Retries} retries")]
    public static partial void Finished(ILogger logger, int pages, int items, int activitiesAdded, int requests, int retries);

    [LoggerMessage(1004, LogLevel.Error, "Sync failed: {Error}")]
    public static partial void Failed(ILogger logger, Exception exception, string error);

    [LoggerMessage(1005, LogLevel.Error, "The failure of this sync could not be recorded in its run; the next run marks it abandoned. The failure was: {Error}")]
    public static partial void FailureNotRecorded(ILogger logger, Exception exception, string error);

    [LoggerMessage(1006, LogLevel.Warning, "The connection's sync lease could not be released; it lapses by itself")]
    public static partial void LeaseNotReleased(ILogger logger, Exception exception);
}
