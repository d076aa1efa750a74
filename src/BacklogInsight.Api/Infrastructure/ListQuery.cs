using System.Globalization;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>
/// Reads and checks the query parameters of a list endpoint, collecting every problem so one 400 names them all.
/// Parameters are read as text so that a bad value gets a sentence, not a bare 400.
/// </summary>
public sealed class ListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public int Limit(string? value)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        _errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    public long? After(string? cursor)
    {
        if (Cursor.TryDecode(cursor, out var key))
        {
            return cursor is null ? null : key;
        }

        _errors["cursor"] = ["cursor is not one this service issued; pass back nextCursor unchanged."];
        return null;
    }

    public long? Id(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        _errors[name] = [$"{name} must be an id (a whole number), as returned by the API."];
        return null;
    }

    public DateTimeOffset? Instant(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        _errors[name] = [$"{name} must be an ISO 8601 date or instant, e.g. 2026-11-23 or 2026-11-23T09:00:00Z."];
        return null;
    }

    public TEnum? Enum<TEnum>(string name, string? value, IReadOnlyDictionary<string, TEnum> names)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (names.TryGetValue(value, out var parsed))
        {
            return parsed;
        }

        _errors[name] = [$"{name} must be one of: {string.Join(", ", names.Keys)}."];
        return null;
    }

    public IsoWeek? Week(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsoWeek.TryParse(value, out var week, out var error))
        {
            return week;
        }

        _errors[name] = [$"{name} must be an ISO week such as 2026-W47 ({error})."];
        return null;
    }

    public void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            _errors[name] = [message];
        }
    }
}
