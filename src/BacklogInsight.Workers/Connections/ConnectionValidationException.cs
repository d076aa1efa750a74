namespace BacklogInsight.Workers.Connections;

/// <summary>A connection definition is invalid; <see cref="Errors"/> says which field and why.</summary>
public sealed class ConnectionValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException("The connection is invalid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
