namespace BacklogInsight.Storage.Privacy;

/// <summary>The words of an alert that may name people: its summary, its evidence lines and why it resolved.</summary>
public sealed record AlertWords(string Summary, IReadOnlyList<string> Evidence, string? ResolvedReason = null);
