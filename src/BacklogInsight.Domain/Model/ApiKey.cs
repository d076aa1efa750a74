namespace BacklogInsight.Domain.Model;

/// <summary>
/// A key that lets a caller use the API. Only the SHA-256 of the key is stored: the key itself is shown once, when it
/// is created. <see cref="Scope"/> is <c>read</c> or <c>admin</c> (admin implies read).
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }

    /// <summary>Who or what holds the key, e.g. <c>ops-dashboard</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>read</c> or <c>admin</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The first characters of the key, so that a holder can tell which key is which; not enough to use it.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the key, upper-case hex.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
