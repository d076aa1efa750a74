namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The error body (<c>WrappedException</c>): a message starting with a stable code such as <c>VS402337:</c>.</summary>
public sealed record AdoError
{
    public string? Message { get; init; }

    public string? TypeKey { get; init; }
}
