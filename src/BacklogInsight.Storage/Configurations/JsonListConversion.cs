using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BacklogInsight.Storage.Configurations;

/// <summary>Stores a short list of values as one JSON text column, the same way on every provider.</summary>
internal static class JsonListConversion<T>
{
    public static readonly ValueConverter<IReadOnlyList<T>, string> Converter = new(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Default) ?? new List<T>());

    public static readonly ValueComparer<IReadOnlyList<T>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
