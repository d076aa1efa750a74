namespace BacklogInsight.Workers.Connections;

/// <summary>Where secrets' encryption keys live. Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// The Data Protection key ring folder. Empty: <c>keys</c> under <c>Storage:DataDirectory</c>. Back it up with
    /// the database: without it, stored connection secrets cannot be decrypted.
    /// </summary>
    public string? KeyRingPath { get; set; }
}
