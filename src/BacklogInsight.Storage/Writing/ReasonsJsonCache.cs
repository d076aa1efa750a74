using System.Text.Json;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// The stored JSON of classification reasons, serialised once per list: the classifier hands out one shared list per
/// distinct explanation (about a thousand among a hundred thousand activities), so a batch insert serialised the
/// same few lists over and over. Keyed by reference, so a list built elsewhere is simply serialised on its own. The
/// text is exactly what the EF column converter writes.
/// </summary>
internal sealed class ReasonsJsonCache
{
    private readonly Dictionary<IReadOnlyList<string>, string> _json = new(ReferenceEqualityComparer.Instance);

    public string Of(IReadOnlyList<string> reasons)
    {
        if (!_json.TryGetValue(reasons, out var json))
        {
            json = JsonSerializer.Serialize(reasons, JsonSerializerOptions.Default);
            _json.Add(reasons, json);
        }

        return json;
    }
}
