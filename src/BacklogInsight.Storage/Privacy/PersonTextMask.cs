namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// Replaces people's display names inside free text (an assignee change's from/to, a comment naming someone) with their
/// pseudonyms. Longer names first, so "Ann Lee" is replaced before a colleague called "Ann".
/// </summary>
public sealed class PersonTextMask(IReadOnlyDictionary<Guid, IReadOnlyList<(string Name, string Pseudonym)>> byConnection)
{
    public static readonly PersonTextMask None = new(new Dictionary<Guid, IReadOnlyList<(string, string)>>());

    public string? Mask(Guid connectionId, string? text)
    {
        if (string.IsNullOrEmpty(text) || !byConnection.TryGetValue(connectionId, out var names))
        {
            return text;
        }

        foreach (var (name, pseudonym) in names)
        {
            text = text.Replace(name, pseudonym, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
