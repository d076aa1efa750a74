namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// The wait after a failed attempt: the base delay doubled per earlier failure, capped, then ±20 % jitter so that many
/// messages failing together (a receiver down) do not all come back at the same second.
/// </summary>
public static class DeliveryBackoff
{
    public const double Jitter = 0.2;

    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first).</param>
    /// <param name="options">The base and the longest delay.</param>
    /// <param name="unit">A number in [0, 1) that picks the jitter.</param>
    public static TimeSpan Delay(int failedAttempts, NotificationsOptions options, double unit)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        var raw = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(raw * (1 - Jitter + (2 * Jitter * unit)));
    }
}
