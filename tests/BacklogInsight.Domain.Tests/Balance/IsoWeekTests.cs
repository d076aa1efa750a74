using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Balance;

public sealed class IsoWeekTests
{
    private static TimeZoneInfo Zone(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    [TestCase("2026-W47", 2026, 47)]
    [TestCase("2026-W01", 2026, 1)]
    [TestCase("2026-W53", 2026, 53)]
    [TestCase("2020-W53", 2020, 53)]
    [TestCase("0001-W01", 1, 1)]
    public void Parse_ValidText_ReturnsThatWeek(string text, int year, int week)
    {
        var parsed = IsoWeek.Parse(text);

        Assert.That(parsed, Is.EqualTo(new IsoWeek(year, week)));
    }

    [TestCase("2026-W00", "has weeks W01 to W53")]
    [TestCase("2026-W54", "has weeks W01 to W53")]
    [TestCase("2027-W53", "has weeks W01 to W52")]
    [TestCase("0000-W10", "year must be")]
    [TestCase("2026-w47", "expected yyyy-Www")]
    [TestCase("2026W47", "expected yyyy-Www")]
    [TestCase("2026-W4", "expected yyyy-Www")]
    [TestCase(" 2026-W47", "expected yyyy-Www")]
    [TestCase("2026-W47 ", "expected yyyy-Www")]
    [TestCase("26-W047", "expected yyyy-Www")]
    [TestCase("2026-W4\uFF17", "expected yyyy-Www")]
    [TestCase("2026-W+7", "expected yyyy-Www")]
    [TestCase("", "expected yyyy-Www")]
    [TestCase(null, "expected yyyy-Www")]
    public void TryParse_InvalidText_FailsWithReason(string? text, string reason)
    {
        var ok = IsoWeek.TryParse(text, out var week, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(week, Is.EqualTo(default(IsoWeek)));
            Assert.That(error, Does.Contain(reason));
        });
    }

    [Test]
    public void Parse_InvalidText_ThrowsFormatExceptionWithReason()
    {
        Assert.That(() => IsoWeek.Parse("2027-W53"), Throws.TypeOf<FormatException>().With.Message.Contains("2027 has weeks W01 to W52"));
    }

    [TestCase(2026, 0)]
    [TestCase(2026, 54)]
    [TestCase(2027, 53)]
    [TestCase(0, 1)]
    public void Constructor_WeekTheYearDoesNotHave_Throws(int year, int week)
    {
        Assert.That(() => new IsoWeek(year, week), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(2026, 1)]
    [TestCase(2026, 53)]
    [TestCase(987, 7)]
    public void ToString_AnyWeek_ParsesBackToTheSameWeek(int year, int week)
    {
        var original = new IsoWeek(year, week);

        Assert.That(IsoWeek.Parse(original.ToString()), Is.EqualTo(original));
    }

    [Test]
    public void ToString_Week_IsZeroPaddedIsoText()
    {
        Assert.That(new IsoWeek(2026, 7).ToString(), Is.EqualTo("2026-W07"));
    }

    [Test]
    public void HasWeek53_2026_IsTrueBecauseItStartsOnAThursday()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new DateOnly(2026, 1, 1).DayOfWeek, Is.EqualTo(DayOfWeek.Thursday));
            Assert.That(IsoWeek.HasWeek53(2026), Is.True);
            Assert.That(IsoWeek.HasWeek53(2027), Is.False);
        });
    }

    [Test]
    public void HasWeek53_Years2000To2100_MatchesTheThursdayRule()
    {
        // A year has 53 ISO weeks iff 1 January or 31 December is a Thursday.
        var years = Enumerable.Range(2000, 101).ToList();

        var expected = years.Where(y =>
            new DateOnly(y, 1, 1).DayOfWeek == DayOfWeek.Thursday || new DateOnly(y, 12, 31).DayOfWeek == DayOfWeek.Thursday);

        Assert.That(years.Where(IsoWeek.HasWeek53), Is.EqualTo(expected));
    }

    [TestCase("2026-11-22T23:30:00Z", "Etc/UTC", "2026-W47")]
    [TestCase("2026-11-22T23:30:00Z", "Europe/Berlin", "2026-W48")]
    [TestCase("2026-11-22T11:00:00Z", "Pacific/Auckland", "2026-W48")]
    [TestCase("2026-11-22T10:59:59Z", "Pacific/Auckland", "2026-W47")]
    [TestCase("2026-11-23T03:00:00Z", "America/New_York", "2026-W47")]
    [TestCase("2027-01-01T12:00:00Z", "Europe/Berlin", "2026-W53")]
    [TestCase("2025-12-29T00:00:00Z", "Etc/UTC", "2026-W01")]
    public void FromInstant_InstantInZone_IsTheWeekOfTheLocalDate(string instant, string zone, string expected)
    {
        var week = IsoWeek.FromInstant(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), Zone(zone));

        Assert.That(week.ToString(), Is.EqualTo(expected));
    }

    [TestCase("2026-W48", "Europe/Berlin", "2026-11-22T23:00:00Z", 168)]
    [TestCase("2026-W13", "Europe/Berlin", "2026-03-22T23:00:00Z", 167)]
    [TestCase("2026-W43", "Europe/Berlin", "2026-10-18T22:00:00Z", 169)]
    [TestCase("2026-W39", "Pacific/Auckland", "2026-09-20T12:00:00Z", 167)]
    [TestCase("2026-W14", "Pacific/Auckland", "2026-03-29T11:00:00Z", 169)]
    [TestCase("2026-W01", "Etc/UTC", "2025-12-29T00:00:00Z", 168)]
    public void StartAndEnd_Week_AreLocalMondayMidnightsInUtc(string week, string zone, string start, int hours)
    {
        var sut = IsoWeek.Parse(week);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Start(Zone(zone)), Is.EqualTo(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((sut.End(Zone(zone)) - sut.Start(Zone(zone))).TotalHours, Is.EqualTo(hours));
        });
    }

    [Test]
    public void Start_ZoneSpringingForwardAtMondayMidnight_BeginsWhereTheGapEnds()
    {
        // A made-up zone at UTC−4 that jumps from Sunday 23:30 to Monday 00:30 on the first Sunday of March (2026-03-01),
        // so Monday 2026-03-02 (W10) has no 00:00 and begins at 00:30 UTC−3.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2000, 1, 1),
            new DateTime(2099, 12, 31),
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 23, 30, 0), 3, 1, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 1, DayOfWeek.Sunday));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/MondayGap", TimeSpan.FromHours(-4), "Monday gap", "Monday gap", "Monday gap DST", [rule]);

        var start = new IsoWeek(2026, 10).Start(zone);

        Assert.Multiple(() =>
        {
            Assert.That(start, Is.EqualTo(new DateTimeOffset(2026, 3, 2, 3, 30, 0, TimeSpan.Zero)));
            Assert.That(IsoWeek.FromInstant(start, zone), Is.EqualTo(new IsoWeek(2026, 10)));
            Assert.That(IsoWeek.FromInstant(start.AddTicks(-1), zone), Is.EqualTo(new IsoWeek(2026, 9)));
        });
    }

    [TestCase("2026-W53", 1, "2027-W01")]
    [TestCase("2027-W01", -1, "2026-W53")]
    [TestCase("2026-W47", 0, "2026-W47")]
    [TestCase("2026-W47", 10, "2027-W04")]
    [TestCase("2026-W02", -60, "2024-W46")]
    public void AddWeeks_AcrossYears_CountsIsoWeeks(string start, int weeks, string expected)
    {
        Assert.That(IsoWeek.Parse(start).AddWeeks(weeks).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void NextAndPrevious_AroundNewYear_StepOneWeek()
    {
        var week = new IsoWeek(2026, 53);

        Assert.Multiple(() =>
        {
            Assert.That(week.Next(), Is.EqualTo(new IsoWeek(2027, 1)));
            Assert.That(week.Previous(), Is.EqualTo(new IsoWeek(2026, 52)));
            Assert.That(new IsoWeek(2026, 1).FirstDay(), Is.EqualTo(new DateOnly(2025, 12, 29)));
        });
    }

    [Test]
    public void Range_AcrossWeek53_ListsEveryWeekInOrder()
    {
        var weeks = IsoWeek.Range(new IsoWeek(2026, 52), new IsoWeek(2027, 2)).Select(w => w.ToString());

        Assert.That(weeks, Is.EqualTo(new[] { "2026-W52", "2026-W53", "2027-W01", "2027-W02" }));
    }

    [Test]
    public void Range_LastBeforeFirst_IsEmpty()
    {
        Assert.That(IsoWeek.Range(new IsoWeek(2026, 5), new IsoWeek(2026, 4)), Is.Empty);
    }

    [Test]
    public void WeeksBetween_AcrossYears_CountsWeeks()
    {
        Assert.That(IsoWeek.WeeksBetween(new IsoWeek(2026, 50), new IsoWeek(2027, 3)), Is.EqualTo(6));
    }

    [Test]
    public void ComparisonOperators_WeeksInDifferentYears_OrderByYearThenWeek()
    {
        var earlier = new IsoWeek(2026, 53);
        var later = new IsoWeek(2027, 1);

        Assert.Multiple(() =>
        {
            Assert.That(earlier < later, Is.True);
            Assert.That(later > earlier, Is.True);
            Assert.That(earlier <= new IsoWeek(2026, 53), Is.True);
            Assert.That(later >= earlier, Is.True);
            Assert.That(earlier > later, Is.False);
            Assert.That(new[] { later, earlier }.Order(), Is.EqualTo(new[] { earlier, later }));
        });
    }

    [Test]
    public void Json_WeekAsValueAndAsKey_RoundTripsAsIsoText()
    {
        var weeks = new Dictionary<IsoWeek, IsoWeek> { [new IsoWeek(2026, 53)] = new IsoWeek(2027, 1) };

        var json = System.Text.Json.JsonSerializer.Serialize(weeks);

        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo("{\"2026-W53\":\"2027-W01\"}"));
            Assert.That(System.Text.Json.JsonSerializer.Deserialize<Dictionary<IsoWeek, IsoWeek>>(json), Is.EqualTo(weeks));
        });
    }

    [TestCase("\"2027-W53\"")]
    [TestCase("{\"year\":2026,\"week\":47}")]
    public void Json_NotAWeek_ThrowsJsonException(string json)
    {
        Assert.That(() => System.Text.Json.JsonSerializer.Deserialize<IsoWeek>(json), Throws.InstanceOf<System.Text.Json.JsonException>());
    }
}
