using System.Globalization;
using System.Text.RegularExpressions;

namespace BacklogInsight.Api.Tests.AzureDevOps.Fake;

/// <summary>
/// The flat WIQL the fake understands: <c>SELECT [System.Id] FROM WorkItems WHERE</c> conditions joined by AND on
/// <c>[System.TeamProject] = @project</c> (or a quoted name), <c>[System.ChangedDate]</c> and <c>[System.Id]</c>
/// compared with literals, <c>([System.Id] NOT IN (…) OR [System.ChangedDate] &gt; '…')</c> and
/// <c>[System.Id] IN (…)</c>; <c>ORDER BY [System.ChangedDate]</c> or <c>[System.Id]</c>. Anything else is refused
/// with a 400, as an unknown field would be. A literal with a time needs <c>timePrecision=true</c>.
/// </summary>
public sealed partial class FakeAdoWiql
{
    private readonly List<Func<long, int, int, bool>> _conditions = [];
    private bool _byChanged;

    public static FakeAdoWiql Parse(string text, int? routeProject, bool timePrecision)
    {
        var match = Shape().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"TF51005: The query references a field or clause the fake does not know: {text}");
        }

        var query = new FakeAdoWiql { _byChanged = match.Groups["order"].Value.Contains("ChangedDate", StringComparison.OrdinalIgnoreCase) };
        var where = match.Groups["where"].Value;
        foreach (Match excluded in Exclusion().Matches(where))
        {
            var ids = Ids(excluded.Groups["ids"].Value);
            var after = Instant(excluded.Groups["at"].Value, timePrecision);
            query._conditions.Add((changed, index, _) => !ids.Contains(index + 1) || changed > after);
        }

        where = Exclusion().Replace(where, "TRUE");
        foreach (var raw in Regex.Split(where, @"\s+AND\s+", RegexOptions.IgnoreCase))
        {
            var condition = raw.Trim();
            if (condition == "TRUE")
            {
                continue;
            }

            if (ProjectMacro().IsMatch(condition))
            {
                var project = routeProject ?? throw new FormatException("TF51011: The @project macro needs a project in the route.");
                query._conditions.Add((_, _, p) => p == project);
                continue;
            }

            if (ProjectName().Match(condition) is { Success: true } named)
            {
                var index = FakeAdoOrganisation.ProjectNames.ToList().FindIndex(n => n.Equals(named.Groups["name"].Value, StringComparison.OrdinalIgnoreCase));
                query._conditions.Add((_, _, p) => p == index);
                continue;
            }

            if (Changed().Match(condition) is { Success: true } changedMatch)
            {
                var at = Instant(changedMatch.Groups["at"].Value, timePrecision);
                var compare = Comparer(changedMatch.Groups["op"].Value);
                query._conditions.Add((changed, _, _) => compare(changed, at));
                continue;
            }

            if (IdCompare().Match(condition) is { Success: true } idMatch)
            {
                var value = long.Parse(idMatch.Groups["n"].Value, CultureInfo.InvariantCulture);
                var compare = Comparer(idMatch.Groups["op"].Value);
                query._conditions.Add((_, index, _) => compare(index + 1, value));
                continue;
            }

            if (IdIn().Match(condition) is { Success: true } inMatch)
            {
                var ids = Ids(inMatch.Groups["ids"].Value);
                query._conditions.Add((_, index, _) => ids.Contains(index + 1));
                continue;
            }

            throw new FormatException($"TF51005: The query references a field or clause the fake does not know: {condition}");
        }

        return query;
    }

    /// <summary>The indexes of the matching items, in the query's order.</summary>
    public List<int> Select(List<(int Index, long ChangedMs, int Project)> live)
    {
        var matches = live.Where(i => _conditions.All(c => c(i.ChangedMs, i.Index, i.Project)));
        return _byChanged
            ? [.. matches.OrderBy(i => i.ChangedMs).ThenBy(i => i.Index).Select(i => i.Index)]
            : [.. matches.OrderBy(i => i.Index).Select(i => i.Index)];
    }

    private static long Instant(string literal, bool timePrecision)
    {
        var instant = DateTimeOffset.Parse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        if (!timePrecision && instant.TimeOfDay != TimeSpan.Zero)
        {
            throw new FormatException("VS402625: You cannot supply a time with the date when running a query using date precision. The error is caused by «[System.ChangedDate]».");
        }

        return instant.ToUnixTimeMilliseconds();
    }

    private static HashSet<int> Ids(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture))];

    private static Func<long, long, bool> Comparer(string op) => op switch
    {
        ">=" => (a, b) => a >= b,
        ">" => (a, b) => a > b,
        "<=" => (a, b) => a <= b,
        "<" => (a, b) => a < b,
        "=" => (a, b) => a == b,
        _ => throw new FormatException($"TF51006: The operator {op} is not supported here."),
    };

    [GeneratedRegex(@"^\s*SELECT\s+\[System\.Id\]\s+FROM\s+WorkItems\s+WHERE\s+(?<where>.+?)(\s+ORDER\s+BY\s+(?<order>.+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Shape();

    [GeneratedRegex(@"\(\s*\[System\.Id\]\s+NOT\s+IN\s*\((?<ids>[^)]*)\)\s+OR\s+\[System\.ChangedDate\]\s*>\s*'(?<at>[^']+)'\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Exclusion();

    [GeneratedRegex(@"^\[System\.TeamProject\]\s*=\s*@project$", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectMacro();

    [GeneratedRegex(@"^\[System\.TeamProject\]\s*=\s*'(?<name>[^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectName();

    [GeneratedRegex(@"^\[System\.ChangedDate\]\s*(?<op>>=|<=|>|<|=)\s*'(?<at>[^']+)'$", RegexOptions.IgnoreCase)]
    private static partial Regex Changed();

    [GeneratedRegex(@"^\[System\.Id\]\s*(?<op>>=|<=|>|<|=)\s*(?<n>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex IdCompare();

    [GeneratedRegex(@"^\[System\.Id\]\s+IN\s*\((?<ids>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex IdIn();
}
