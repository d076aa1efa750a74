using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// Hides who people are in what leaves the store. Pseudonymising (<see cref="PrivacyOptions.Pseudonymise"/> on): an
/// account id becomes a pseudonymous id, a display name its pseudonym, and inside free text (an assignee change, a
/// classification reason, an alert's evidence, a stored report) every known name and account id is replaced the same way
/// and every e-mail address hidden. Hiding (a group under <see cref="PrivacyOptions.MinimumGroupSize"/>): every known
/// name and account id becomes <see cref="HiddenPerson"/>, so not even a pseudonym singles somebody out.
/// <see cref="Off"/> changes nothing.
/// </summary>
public sealed class PersonMask
{
    /// <summary>Shown instead of an e-mail address in free text.</summary>
    public const string HiddenEmail = "(e-mail hidden)";

    /// <summary>Shown instead of a person by a hiding mask.</summary>
    public const string HiddenPerson = "(hidden)";

    /// <summary>Account ids shorter than this are replaced in id fields only: in free text they could be any number.</summary>
    private const int MinimumIdLengthInText = 6;

    /// <summary>Names shorter than this are replaced in name fields only: in free text they would match parts of words.</summary>
    private const int MinimumNameLengthInText = 3;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Func<Guid, string, string>? _id;
    private readonly Func<Guid, string, string>? _name;
    private readonly Dictionary<string, string> _replacements;
    private readonly Lazy<Regex>? _pattern;

    public static PersonMask Off { get; } = new(null, null, []);

    private PersonMask(
        Func<Guid, string, string>? id, Func<Guid, string, string>? name, IReadOnlyCollection<(Guid ConnectionId, string SourceId, string DisplayName)> people)
    {
        _id = id;
        _name = name;
        _replacements = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (id is null || name is null)
        {
            return;
        }

        foreach (var (connectionId, sourceId, displayName) in people)
        {
            if (sourceId.Length >= MinimumIdLengthInText)
            {
                _replacements.TryAdd(sourceId, id(connectionId, sourceId));
            }

            if (displayName.Trim().Length >= MinimumNameLengthInText)
            {
                _replacements.TryAdd(displayName.Trim(), name(connectionId, sourceId));
            }
        }

        // Known names and ids first (longest first, so "Ann Lee" wins over "Ann"), then any e-mail address; whole words only.
        var known = _replacements.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
        const string email = @"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+";
        _pattern = new Lazy<Regex>(() => new Regex(
            $@"(?<![\w@.-])(?:{string.Join('|', known.Append(email))})(?![\w@-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout));
    }

    /// <summary>Every one of <paramref name="people"/> shown by their pseudonym and pseudonymous id.</summary>
    internal static PersonMask Pseudonymising(PersonNames names, IReadOnlyCollection<(Guid ConnectionId, string SourceId, string DisplayName)> people) =>
        new(names.PseudonymousId, names.Pseudonym, people);

    /// <summary>Every one of <paramref name="people"/> shown as <see cref="HiddenPerson"/>.</summary>
    internal static PersonMask Hiding(IReadOnlyCollection<(Guid ConnectionId, string SourceId, string DisplayName)> people) =>
        new((_, _) => HiddenPerson, (_, _) => HiddenPerson, people);

    public bool IsOn => _id is not null;

    /// <summary>The id to show for a person's account.</summary>
    public string Id(Guid connectionId, string sourceId) => _id?.Invoke(connectionId, sourceId) ?? sourceId;

    /// <summary>The id to show for an account id that may be absent.</summary>
    public string? IdOrNull(Guid connectionId, string? sourceId) => sourceId is null ? null : Id(connectionId, sourceId);

    /// <summary>The name to show for a person.</summary>
    public string Name(Guid connectionId, string sourceId, string? displayName) =>
        _name is null ? displayName ?? sourceId : _name(connectionId, sourceId);

    /// <summary>Free text with every known name and account id replaced and e-mail addresses hidden.</summary>
    public string? Text(string? text) =>
        _pattern is null || string.IsNullOrEmpty(text)
            ? text
            : _pattern.Value.Replace(text, m => _replacements.TryGetValue(m.Value, out var replacement) ? replacement : HiddenEmail);

    /// <summary>Every string in a JSON document (a stored report, say), masked in place as <see cref="Text"/> does.</summary>
    public void Json(JsonNode? node)
    {
        if (_pattern is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        obj[name] = Text(text);
                    }
                    else
                    {
                        Json(value);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        array[i] = Text(text);
                    }
                    else
                    {
                        Json(array[i]);
                    }
                }

                break;
        }
    }
}
