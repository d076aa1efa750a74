namespace BacklogInsight.Domain.Model;

/// <summary>A connection's secret (an API token, a password), stored only encrypted; never returned by the API.</summary>
public sealed class ConnectionSecret
{
    public Guid ConnectionId { get; init; }

    /// <summary>What the source asks for, e.g. <c>token</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The value as encrypted by the host's data-protection key ring.</summary>
    public required string ProtectedValue { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
