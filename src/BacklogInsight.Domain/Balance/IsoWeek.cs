using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace BacklogInsight.Domain.Balance;

/// <summary>
/// An ISO 8601 week (<c>2026-W47</c>): Monday to Sunday, week 1 holds the year's first Thursday.
/// Weeks are reckoned on the local calendar of the organisation's time zone (DESIGN.md "Time").
/// </summary>
[JsonConverter(typeof(IsoWeekJsonConverter))]
public readonly record struct IsoWeek : IComparable<IsoWeek>, IComparable, IParsable<IsoWeek>
{
    private const int TextLength = 8;

    /// <summary>Creates a week, refusing weeks the year does not have (W00, W54, W53 in a 52-week year).</summary>
    public IsoWeek(int year, int week)
    {
        // 9998 keeps Next() and End() of every week representable.
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"{year} has weeks 1 to {ISOWeek.GetWeeksInYear(year)}.");
        }

        Year = year;
        Week = week;
    }

    /// <summary>The ISO week-numbering year, which differs from the calendar year around New Year.</summary>
    public int Year { get; }

    /// <summary>1 to 52, or 53 in long years.</summary>
    public int Week { get; }

    /// <summary>The week that holds <paramref name="date"/>.</summary>
    public static IsoWeek FromDate(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>The week of the local date that <paramref name="instant"/> falls on in <paramref name="zone"/>.</summary>
    public static IsoWeek FromInstant(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return FromDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
    }

    /// <summary>True when <paramref name="year"/> has a week 53 (it starts or, in a leap year, ends on a Thursday).</summary>
    public static bool HasWeek53(int year) => ISOWeek.GetWeeksInYear(year) == 53;

    /// <summary>The Monday of this week.</summary>
    public DateOnly FirstDay() => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The Sunday of this week.</summary>
    public DateOnly LastDay() => FirstDay().AddDays(6);

    /// <summary>The UTC instant the week begins: local Monday 00:00 in <paramref name="zone"/>.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return LocalToUtc(FirstDay().ToDateTime(TimeOnly.MinValue), zone);
    }

    /// <summary>The UTC instant the week ends (exclusive): the next local Monday 00:00. 167 or 169 hours after <see cref="Start"/> in DST weeks.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => Next().Start(zone);

    /// <summary>True when <paramref name="instant"/> lies in this week in <paramref name="zone"/>.</summary>
    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone) => FromInstant(instant, zone) == this;

    public IsoWeek Previous() => AddWeeks(-1);

    public IsoWeek Next() => AddWeeks(1);

    public IsoWeek AddWeeks(int weeks) => weeks == 0 ? this : FromDate(FirstDay().AddDays(weeks * 7));

    /// <summary>How many weeks <paramref name="later"/> comes after <paramref name="earlier"/>; negative when it comes before.</summary>
    public static int WeeksBetween(IsoWeek earlier, IsoWeek later) => (later.FirstDay().DayNumber - earlier.FirstDay().DayNumber) / 7;

    /// <summary>Every week from <paramref name="first"/> to <paramref name="last"/>, both included; empty when last comes first.</summary>
    public static IEnumerable<IsoWeek> Range(IsoWeek first, IsoWeek last)
    {
        for (var week = first; week <= last; week = week.Next())
        {
            yield return week;
        }
    }

    /// <summary>Reads <c>yyyy-Www</c> exactly (four-digit year, capital W, two-digit week).</summary>
    /// <exception cref="FormatException">The text is not a week, with the reason.</exception>
    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week, out var error) ? week : throw new FormatException(error);

    public static IsoWeek Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IsoWeek result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out IsoWeek week) => TryParse(text, out week, out _);

    /// <summary>Reads <c>yyyy-Www</c>; on failure <paramref name="error"/> says what is wrong, in words a user understands.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IsoWeek week, out string error)
    {
        week = default;
        if (text is null || text.Length != TextLength || text[4] != '-' || text[5] != 'W'
            || !AllDigits(text.AsSpan(0, 4)) || !AllDigits(text.AsSpan(6, 2)))
        {
            error = $"'{text}' is not an ISO week; expected yyyy-Www, such as 2026-W47.";
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var number = int.Parse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9998)
        {
            error = $"'{text}': the year must be between 0001 and 9998.";
            return false;
        }

        var weeksInYear = ISOWeek.GetWeeksInYear(year);
        if (number < 1 || number > weeksInYear)
        {
            error = $"'{text}': {year} has weeks W01 to W{weeksInYear}.";
            return false;
        }

        week = new IsoWeek(year, number);
        error = string.Empty;
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        IsoWeek other => CompareTo(other),
        _ => throw new ArgumentException("Not an IsoWeek.", nameof(obj)),
    };

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        // A zone that springs forward at midnight (as some have, on a Monday) has no local 00:00 that day:
        // the day then begins where the gap ends, the first minute the clock shows.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // A midnight that happens twice begins the day the first time: the larger offset is the earlier instant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Unspecified), TimeSpan.Zero);
    }
}
