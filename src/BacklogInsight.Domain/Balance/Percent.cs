using System.Globalization;

namespace BacklogInsight.Domain.Balance;

/// <summary>Shares as people read them: whole percentages, and a dash for "no data".</summary>
public static class Percent
{
    /// <summary><c>62%</c>; <c>—</c> when <paramref name="share"/> is null.</summary>
    public static string Format(double? share) =>
        share is { } value ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value * 100, MidpointRounding.AwayFromZero):0}%") : "—";

    /// <summary>A change in points, signed: <c>+12 pts</c>, <c>−3 pts</c>; <c>—</c> when null.</summary>
    public static string FormatDelta(double? delta) => delta switch
    {
        null => "—",
        var d when Math.Round(d.Value * 100, MidpointRounding.AwayFromZero) == 0 => "±0 pts",
        var d => string.Create(CultureInfo.InvariantCulture, $"{(d > 0 ? "+" : "−")}{Math.Round(Math.Abs(d.Value) * 100, MidpointRounding.AwayFromZero):0} pts"),
    };
}
