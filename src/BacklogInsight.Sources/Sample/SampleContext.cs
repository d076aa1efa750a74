using System.Globalization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>The state one generation shares: the random source, the window, the id counters and the output.</summary>
internal sealed class SampleContext(Random random, DateTimeOffset now, Guid connectionId, Person bot)
{
    private long _issueId = 10_000;
    private long _historyId = 200_000;
    private long _commentId = 40_000;
    private long _worklogId = 70_000;

    public Random Random => random;

    public DateTimeOffset Now => now;

    public DateTimeOffset WindowStart { get; } = now - SampleGenerator.History;

    public Guid ConnectionId => connectionId;

    public Person Bot => bot;

    public List<WorkItem> Items { get; } = [];

    public List<Activity> Activities { get; } = [];

    public string NextIssueId() => (++_issueId).ToString(CultureInfo.InvariantCulture);

    public string NextHistoryKey() => string.Concat("h", (++_historyId).ToString(CultureInfo.InvariantCulture), "-0");

    public string NextCommentKey() => string.Concat("c", (++_commentId).ToString(CultureInfo.InvariantCulture));

    public string NextWorklogKey() => string.Concat("w", (++_worklogId).ToString(CultureInfo.InvariantCulture));

    /// <summary>Moves <paramref name="at"/> into working hours (08:00–18:00 UTC, Monday to Friday).</summary>
    public DateTimeOffset Work(DateTimeOffset at)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        if (at.Hour < 8)
        {
            at = day.AddHours(8).AddMinutes(random.Next(0, 90));
        }
        else if (at.Hour >= 18)
        {
            at = day.AddDays(1).AddHours(8).AddMinutes(random.Next(0, 90));
        }

        while (at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            at = at.AddDays(1);
        }

        return at.AddSeconds(random.Next(0, 60));
    }

    /// <summary>A working-hours instant between <paramref name="minHours"/> and <paramref name="maxHours"/> after <paramref name="at"/>.</summary>
    public DateTimeOffset Later(DateTimeOffset at, double minHours, double maxHours) =>
        Work(at.AddMinutes(random.Next((int)(minHours * 60), (int)(maxHours * 60) + 1)));

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];
}
