using System.Net;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// A Jira call failed in a way a user can act on; <see cref="Exception.Message"/> says what happened in plain words.
/// </summary>
public sealed class JiraSourceException : Exception
{
    public JiraSourceException()
    {
    }

    public JiraSourceException(string message)
        : base(message)
    {
    }

    public JiraSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public JiraSourceException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>The HTTP status Jira answered with, when the failure came from an answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
