using System.Text.Json;
using BacklogInsight.Sources;
using BacklogInsight.Storage.Writing;

namespace BacklogInsight.Workers.Pipeline;

/// <summary>Turns what stopped a sync into one sentence a user can act on.</summary>
public static class SyncErrorDescriber
{
    public static string Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested =>
            "The sync was cancelled (the service is shutting down); the next run resumes from the last stored page.",
        HttpRequestException http => http.StatusCode is { } status
            ? $"The tracker answered HTTP {(int)status} ({status}): {http.Message}"
            : $"The tracker could not be reached: {http.Message}",
        JsonException json => $"The tracker sent data that could not be read: {json.Message}",
        UnsupportedSourceKindException kind => kind.Message,
        SyncLeaseLostException lost => lost.Message,
        FormatException format => $"Stored or received data is malformed: {format.Message}",
        _ => $"Unexpected error ({exception.GetType().Name}): {exception.Message}",
    };
}
