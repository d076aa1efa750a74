using System.Text.Json;
using BacklogInsight.Sources;
using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Jira;
using BacklogInsight.Storage.Writing;

namespace BacklogInsight.Workers.Pipeline;

/// <summary>Turns what stopped a sync into one sentence a user can act on.</summary>
public static class SyncErrorDescriber
{
    public static string Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested =>
            "The sync was cancelled (the service is shutting down); the next run resumes from the last stored page.",
        // The sources already say what went wrong and what to do, in the user's terms.
        JiraSourceException jira => jira.Message,
        AzureDevOpsSourceException azureDevOps => azureDevOps.Message,
        HttpRequestException http => http.StatusCode is { } status
            ? $"The tracker answered HTTP {(int)status} ({status}): {http.Message}"
            : $"The tracker could not be reached: {http.Message}",
        JsonException json => $"The tracker sent data that could not be read: {json.Message}",
        UnsupportedSourceKindException kind => kind.Message,
        SyncLeaseLostException lost => lost.Message,
        _ when DatabaseBusy.Is(exception) =>
            "The database stayed locked by another process for longer than the busy timeout, so a page could not be stored; "
            + "nothing of that page was kept, and the next run resumes from the last stored page.",
        FormatException format => $"Stored or received data is malformed: {format.Message}",
        _ => $"Unexpected error ({exception.GetType().Name}): {exception.Message}",
    };
}
