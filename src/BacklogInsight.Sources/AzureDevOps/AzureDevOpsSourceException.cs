using System.Net;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// An Azure DevOps call failed in a way a user can act on; <see cref="Exception.Message"/> says what happened in plain words.
/// </summary>
public sealed class AzureDevOpsSourceException : Exception
{
    /// <summary>The WIQL result cap code: the query matched more work items than the server returns.</summary>
    public const string QueryTooLarge = "VS402337";

    public AzureDevOpsSourceException()
    {
    }

    public AzureDevOpsSourceException(string message)
        : base(message)
    {
    }

    public AzureDevOpsSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AzureDevOpsSourceException(string message, HttpStatusCode? statusCode, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status Azure DevOps answered with, when the failure came from an answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The stable code the error message started with (<c>VS402337</c>, <c>TF200016</c>), when it had one.</summary>
    public string? ErrorCode { get; }
}
