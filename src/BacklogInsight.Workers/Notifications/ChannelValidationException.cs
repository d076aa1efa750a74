namespace BacklogInsight.Workers.Notifications;

/// <summary>A channel definition is invalid; <see cref="Errors"/> says which field and why.</summary>
public sealed class ChannelValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException("The notification channel is invalid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
